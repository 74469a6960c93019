"""Saved queries: SPARQL files with a header, run with parameters bound as RDF terms.

A saved query is ``queries/NAME.rq``: standard SPARQL 1.1 that starts with a comment header::

    # title: Members on a date
    # question: Which agencies were ISECG members on a given date, as far as the graph knows?
    # param: date (xsd:date, default: today) — the day to ask about
    # columns: agency, name, since

A line that starts with ``#`` and no known key continues the field before it. Parameters are
bound with rdflib ``initBindings`` (never pasted into the text), after being resolved against the
graph: an agency by any name, a meeting by IRI or date. Queries use a parameter only in their
top-level group, so on a SPARQL server ``VALUES ?date { "2020-09-09"^^xsd:date }`` written first
in the WHERE clause binds it the same way.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pyparsing import ParseException
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.exceptions import Error as RdflibError
from rdflib.namespace import SKOS, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Identifier

from . import ids, policy, registry, resources, store, temporal
from .errors import IsecgError, parser_complaint
from .namespaces import ID, ISECG

# Parameter kinds, as a header may spell them -> the kind.
KINDS = {
    "xsd:date": "date",
    "date": "date",
    "meeting": "meeting",
    "agency": "agency",
    "thing": "thing",
    "iri": "iri",
    "xsd:anyuri": "iri",
    "xsd:string": "string",
    "string": "string",
    "xsd:integer": "integer",
    "integer": "integer",
}
DATA_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".trig": "trig",
    ".nq": "nquads",
    ".rdf": "xml",
    ".owl": "xml",
}
_QUAD_FORMATS = {"trig", "nquads"}
_STORE_FORMATS = {"turtle", "nt", "trig", "nquads", "xml"}  # what the Oxigraph store parses
_HEADER_KEYS = ("title", "question", "param", "columns", "note")
_KEY_LINE = re.compile(rf"^#\s*({'|'.join(_HEADER_KEYS)})\s*:\s*(.*)$", re.IGNORECASE)
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*\((?P<spec>[^)]*)\)\s*(?:[—–-]+\s*(?P<desc>.*))?$")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")
_SHORT = (("id:", str(ID)), ("isecg:", str(ISECG._NS)))


@dataclass(frozen=True)
class Param:
    """A parameter of a saved query: ``?name`` in its text, a kind, a default and what it means."""

    name: str
    kind: str
    default: str | None
    description: str
    required: bool = False  # it, or another parameter of the same kind, must be given


@dataclass(frozen=True)
class SavedQuery:
    """A SPARQL query file and what its header says about it."""

    name: str
    title: str
    question: str
    params: list[Param]
    columns: list[str]
    text: str
    path: Path | None = None
    note: str = ""

    def param(self, name: str) -> Param | None:
        """The parameter called ``name``, if the query has one."""
        return next((p for p in self.params if p.name == name), None)


@dataclass
class Result:
    """The rows of a SELECT query, in the order of its projection."""

    columns: list[str]
    rows: list[dict[str, Identifier | None]] = field(default_factory=list)

    def as_dicts(self) -> list[dict[str, str | None]]:
        """Each row as column -> lexical form (None when unbound)."""
        return [{c: None if v is None else str(v) for c, v in row.items()} for row in self.rows]


# Reading queries


def parse_query(text: str, name: str, path: Path | None = None) -> SavedQuery:
    """A saved query from its text; the header is read, the SPARQL is checked when run."""
    entries: list[tuple[str, int, str]] = []  # (key, line number, text)
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        m = _KEY_LINE.match(stripped)
        if m:
            entries.append((m.group(1).lower(), number, m.group(2).strip()))
        elif entries:  # a continuation of the field before
            key, start, value = entries[-1]
            entries[-1] = (key, start, f"{value} {stripped.lstrip('#').strip()}".strip())

    def joined(key: str) -> str:
        return " ".join(value for k, _, value in entries if k == key and value)

    return SavedQuery(
        name=name,
        title=joined("title") or name,
        question=joined("question"),
        params=[_parse_param(v, path or name, n) for k, n, v in entries if k == "param"],
        columns=[c.strip() for c in joined("columns").split(",") if c.strip()],
        text=text,
        path=path,
        note=joined("note"),
    )


def _parse_param(spec: str, where: str | Path, line: int) -> Param:
    m = _PARAM.match(spec)
    if not m:
        raise IsecgError(
            f"bad parameter line {spec!r}",
            file=where,
            line=line,
            hint="write '# param: NAME (KIND[, default: VALUE]) — what it means'",
        )
    parts = [p.strip() for p in m.group("spec").split(",")]
    kind = KINDS.get(parts[0].lower())
    if kind is None:
        raise IsecgError(
            f"unknown parameter kind {parts[0]!r}",
            file=where,
            line=line,
            hint="kinds: " + ", ".join(sorted(set(KINDS.values()))),
        )
    default = next((p.split(":", 1)[1].strip() for p in parts if p.startswith("default:")), None)
    required = "required" in parts[1:]
    return Param(m.group("name"), kind, default, (m.group("desc") or "").strip(), required)


def read_query(path: Path | str) -> SavedQuery:
    """The saved query in a ``.rq`` file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise IsecgError(f"cannot read query: {e.strerror or e}", file=path) from None
    return parse_query(text, path.stem, path)


def list_queries() -> list[SavedQuery]:
    """Every saved query shipped in ``queries/``, by name."""
    return [read_query(p) for p in sorted(resources.queries_dir().glob("*.rq"))]


def get_query(name_or_file: str | Path) -> SavedQuery:
    """A saved query by name (``members``), or any query file by path."""
    path = Path(name_or_file)
    saved = resources.queries_dir() / f"{path.name}.rq"
    if str(path) == path.name and path.suffix != ".rq" and saved.is_file():
        return read_query(saved)
    if path.is_file():
        return read_query(path)
    if path.suffix or str(path) != path.name:
        raise IsecgError("no such query file", file=path)
    names = [q.stem for q in sorted(resources.queries_dir().glob("*.rq"))]
    close = difflib.get_close_matches(path.name, names, n=1)
    hint = (f"did you mean {close[0]}? " if close else "") + "saved queries: " + ", ".join(names)
    raise IsecgError(f"no saved query named {path.name!r}", hint=hint)


# Data


def load_data(paths: Sequence[Path | str]) -> Graph:
    """The graph in the files; with TriG or N-Quads, a Dataset whose default graph is the union."""
    paths = [Path(p) for p in paths]
    formats = []
    for path in paths:
        fmt = DATA_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise IsecgError(
                "unknown data format", file=path, hint="use .ttl, .nt, .jsonld, .trig or .nq"
            )
        if not path.is_file():
            raise IsecgError(
                "no such data file",
                file=path,
                hint="build it with `isecg-kg build`, or give --data",
            )
        formats.append(fmt)
    in_store = store.available() and not set(formats) - _STORE_FORMATS
    for path, fmt in zip(paths, formats, strict=True):
        policy.check_size(path, graph=in_store)
        if fmt == "xml":
            policy.check_xml(path)
    if in_store:
        return store.open_graph(paths)
    graph: Graph = Dataset(default_union=True) if _QUAD_FORMATS & set(formats) else Graph()
    for path, fmt in zip(paths, formats, strict=True):
        try:
            if fmt == "json-ld":
                data = policy.resolve_jsonld(policy.read_limited(path), path)
                graph.parse(data=data, format=fmt, publicID=path.resolve().as_uri())
            else:
                graph.parse(path, format=fmt)
        except (SyntaxError, ValueError, OSError, RdflibError) as e:
            raise _parse_error(e, path, fmt) from None
    return graph


def _parse_error(e: Exception, path: Path, fmt: str) -> IsecgError:
    """One line for a parser's complaint, with the line number where the parser gives one."""
    line, why = parser_complaint(e)
    return IsecgError(f"cannot parse {fmt}: {why}", file=path, line=line)


# Parameters


def bind_params(
    query: SavedQuery, graph: Graph, raw: Mapping[str, str | Identifier]
) -> dict[str, Identifier]:
    """Each given parameter (or its default) as the RDF term to bind, resolved against ``graph``."""
    for name in raw:
        if query.param(name) is None:
            known = ", ".join(p.name for p in query.params) or "none"
            raise IsecgError(
                f"{query.name} has no parameter {name!r}",
                field=name,
                hint=f"its parameters: {known}",
            )
    bound: dict[str, Identifier] = {}
    for p in query.params:
        value = raw.get(p.name, p.default)
        if value is None:
            continue
        bound[p.name] = value if isinstance(value, Identifier) else resolve(p, str(value), graph)
    for p in query.params:
        if not p.required:
            continue
        group = [q.name for q in query.params if q.kind == p.kind]
        given = [n for n in group if n in raw]
        if not given:
            options = " or ".join(f"--param {n}=..." for n in group)
            raise IsecgError(f"{query.name} needs {' or '.join(group)}", field=p.name, hint=options)
        if len({bound[n] for n in given}) > 1:
            raise IsecgError(f"{' and '.join(given)} name different things", field=given[-1])
    return bound


def resolve(param: Param, value: str, graph: Graph) -> Identifier:
    """The RDF term a parameter value stands for; IsecgError naming the parameter if none."""
    return _RESOLVERS[param.kind](graph, value.strip(), param.name)


def _date(graph: Graph, value: str, name: str) -> Literal:
    """A date at its precision, typed xsd:date, xsd:gYearMonth or xsd:gYear; or today."""
    if value.lower() == "today":
        value = date.today().isoformat()
    if not temporal.is_partial_date(value):
        hint = "write YYYY-MM-DD, YYYY-MM, YYYY or today"
        raise IsecgError(f"not a date: {value!r}", field=name, hint=hint)
    return temporal.literal(value)


def _thing(graph: Graph, value: str, name: str) -> URIRef:
    """Anything in the graph by IRI; else a meeting by date; else an agency by name."""
    iri = _iri(value)
    if iri is not None:
        if (iri, None, None) in graph or (None, None, iri) in graph:
            return iri
        raise IsecgError(f"nothing in the graph is called <{iri}>", field=name)
    if temporal.is_partial_date(value):
        return resolve_meeting(graph, value, name)
    return resolve_agency(graph, value, name)


def _any_iri(graph: Graph, value: str, name: str) -> URIRef:
    iri = _iri(value)
    if iri is None:
        raise IsecgError(f"not an IRI: {value!r}", field=name, hint="give a full IRI")
    return iri


def _integer(graph: Graph, value: str, name: str) -> Literal:
    if not re.fullmatch(r"[+-]?\d+", value):
        raise IsecgError(f"not an integer: {value!r}", field=name)
    return Literal(int(value))


def _string(graph: Graph, value: str, name: str) -> Literal:
    return Literal(value)


def _iri(value: str) -> URIRef | None:
    """The IRI ``value`` writes (``<...>``, ``id:...`` or absolute), or None."""
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    for prefix, namespace in _SHORT:
        if value.startswith(prefix):
            value = namespace + value[len(prefix) :]
    if _IRI.match(value) and ("://" in value or value.startswith("urn:")):
        return URIRef(value)
    return None


def resolve_meeting(graph: Graph, value: str, name: str = "meeting") -> URIRef:
    """A meeting by IRI, or by its date (a day inside a multi-day meeting also finds it)."""
    hint = "list them with `isecg-kg query meetings`"
    value = value.strip()
    iri = _iri(value)
    if iri is not None:
        if (iri, RDF.type, ISECG.Meeting) in graph:
            return iri
        raise IsecgError(f"no meeting <{iri}> in the graph", field=name, hint=hint)
    if not temporal.is_partial_date(value):
        raise IsecgError(
            f"not a meeting IRI or date: {value!r}",
            field=name,
            hint="give the IRI from `isecg-kg query meetings`, or a date like 2020-09-09",
        )

    def meeting(m: object) -> bool:
        return (m, RDF.type, ISECG.Meeting) in graph

    found = {m for m in graph.subjects(ISECG.date, temporal.literal(value)) if meeting(m)}
    if not found:  # stored with another datatype
        found = {m for m, d in graph.subject_objects(ISECG.date) if str(d) == value and meeting(m)}
    if not found and len(value) == 10:
        for m, end in graph.subject_objects(ISECG.endDate):
            if str(end)[:10] >= value and meeting(m):
                starts = [str(d)[:10] for d in graph.objects(m, ISECG.date)]
                if any(len(s) == 10 and s <= value for s in starts):
                    found.add(m)
    if len(found) == 1:
        return found.pop()
    if not found:
        raise IsecgError(f"no meeting dated {value}", field=name, hint=hint)
    listed = ", ".join(sorted(str(m) for m in found))
    raise IsecgError(
        f"{len(found)} meetings dated {value}: {listed}", field=name, hint="give its IRI"
    )


_LABELS = (SKOS.notation, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)


def _agency_key(text: str, loose: bool = False) -> str:
    """Case, accents and spacing ignored; ``loose`` also ignores punctuation."""
    key = "".join(registry.fold(text).casefold().split())
    return re.sub(r"\W+", "", key) if loose else key


def resolve_agency(graph: Graph, value: str, name: str = "agency") -> URIRef:
    """An agency by acronym, former acronym, name or alias, from the graph's registry labels."""
    value = value.strip()
    iri = _iri(value)
    if iri is not None:
        if (iri, RDF.type, ISECG.Agency) in graph:
            return iri
        raise IsecgError(f"no agency <{iri}> in the graph", field=name)
    agencies = set(graph.subjects(RDF.type, ISECG.Agency))
    for loose in (False, True):
        wanted = _agency_key(value, loose)
        for predicate in _LABELS:
            found = {
                s
                for s, label in graph.subject_objects(predicate)
                if s in agencies and _agency_key(str(label), loose) == wanted
            }
            if len(found) == 1:
                return found.pop()
            if found:
                names = ", ".join(sorted(_acronym(graph, a) for a in found))
                raise IsecgError(
                    f"{value!r} names several agencies: {names}", field=name, hint="use the acronym"
                )
    if re.fullmatch(r"[\w .-]+", value):  # an agency the graph names by IRI only
        guess = ids.agency(value)
        if guess in agencies or (None, None, guess) in graph:
            return guess
    acronyms = sorted(str(n) for a in agencies for n in graph.objects(a, SKOS.notation))
    close = difflib.get_close_matches(value.upper(), acronyms, n=1)
    hint = (
        f"did you mean {close[0]}? " if close else ""
    ) + "list them with `isecg-kg query agencies`"
    raise IsecgError(f"unknown agency {value!r}", field=name, hint=hint)


def _acronym(graph: Graph, agency: URIRef) -> str:
    label = graph.value(agency, SKOS.notation) or graph.value(agency, SKOS.prefLabel)
    return str(label) if label is not None else str(agency)


_RESOLVERS: dict[str, Callable[[Graph, str, str], Identifier]] = {
    "date": _date,
    "meeting": resolve_meeting,
    "agency": resolve_agency,
    "thing": _thing,
    "iri": _any_iri,
    "integer": _integer,
    "string": _string,
}


# Running


def run(
    query: SavedQuery, graph: Graph, params: Mapping[str, str | Identifier] | None = None
) -> Result:
    """Run a SELECT query on ``graph``; string parameters are resolved first (``bind_params``)."""
    where = query.path or query.name
    policy.check_query(query.text, where)
    bindings = bind_params(query, graph, params or {})
    try:
        prepared = prepareQuery(query.text)
    except ParseException as e:
        raise IsecgError(f"SPARQL syntax error: {e.msg}", file=where, line=e.lineno) from None
    except Exception as e:  # rdflib reports some errors, e.g. an unknown prefix, as Exception
        raise IsecgError(f"bad SPARQL: {e}", file=where) from None
    if prepared.algebra.name != "SelectQuery":
        raise IsecgError(
            f"{query.name} is not a SELECT query", hint="only SELECT queries give rows"
        )
    policy.check_dataset(query.text, store.graph_names(graph), where)
    columns, rows = store.select(graph, query.text, bindings)
    return Result(columns, [dict(zip(columns, row, strict=True)) for row in rows])


# Formats


def _json_term(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if not isinstance(term, Literal):
        raise TypeError(f"not an RDF term: {term!r}")
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def _json(result: Result) -> str:
    bindings = [{c: _json_term(v) for c, v in row.items() if v is not None} for row in result.rows]
    doc = {"head": {"vars": result.columns}, "results": {"bindings": bindings}}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _csv(result: Result) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.columns)
    for row in result.as_dicts():
        writer.writerow(["" if row[c] is None else row[c] for c in result.columns])
    return out.getvalue()


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _tsv(result: Result) -> str:
    lines = ["\t".join(result.columns)]
    lines += [
        "\t".join((row[c] or "").translate(_TSV_ESCAPES) for c in result.columns)
        for row in result.as_dicts()
    ]
    return "\n".join(lines) + "\n"


def _short(term: Identifier | None) -> str:
    """A cell for people: IRIs under the project's namespaces shortened, lines joined."""
    if term is None:
        return ""
    text = str(term)
    if isinstance(term, URIRef):
        for prefix, namespace in _SHORT:
            if text.startswith(namespace):
                return prefix + text[len(namespace) :]
    return " ".join(text.splitlines())


def _table(result: Result) -> str:
    cells = [[_short(row[c]) for c in result.columns] for row in result.rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(result.columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    lines = [line(result.columns), line(["-" * w for w in widths])]
    lines += [line(r) for r in cells]
    n = len(result.rows)
    lines.append(f"({n} row{'' if n == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _markdown(result: Result) -> str:
    def cell(term: Identifier | None) -> str:
        return _short(term).replace("|", "\\|")

    lines = ["| " + " | ".join(result.columns) + " |"]
    lines.append("|" + "|".join("---" for _ in result.columns) + "|")
    lines += ["| " + " | ".join(cell(row[c]) for c in result.columns) + " |" for row in result.rows]
    return "\n".join(lines) + "\n"


_WRITERS = {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json, "md": _markdown}
FORMATS = tuple(_WRITERS)


def format_result(result: Result, fmt: str) -> str:
    """The result as text ending in a newline: table, csv, tsv, json (W3C SPARQL 1.1) or md."""
    if fmt not in _WRITERS:
        hint = "use " + ", ".join(FORMATS)
        raise IsecgError(f"unknown format {fmt!r}", field="format", hint=hint)
    return _WRITERS[fmt](result)
