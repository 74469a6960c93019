"""The input policy every entry point applies: nothing fetched, nothing expanded, sizes bounded.

One module, called by every reader (``sources`` for documents, ``records`` for new records,
``queries.load_data`` for graphs, ``queries.run`` and the server for SPARQL):

- **size**: a file larger than the limit is refused before it is read (``ISECG_KG_MAX_INPUT_MB``
  for what is parsed in memory: documents, records, JSON-LD, queries; ``ISECG_KG_MAX_GRAPH_MB``
  for graph files the Oxigraph store loads);
- **XML** (RDF/XML): the prolog is read with expat before any RDF parser sees the file, and a
  DTD that declares an entity or names an external subset is refused: pyoxigraph's RDF/XML
  parser expands internal entities without a bound ("billion laughs"), so none may reach it;
- **JSON-LD**: every ``@context`` given by reference and every ``@import``, at any depth, is
  refused; the one context resolved is the package's own (``LOCAL_CONTEXT_IRI``), from memory;
- **SPARQL**: ``SERVICE``, ``LOAD`` and update operations are refused before execution, and a
  ``FROM``/``FROM NAMED`` must name a graph the data holds (nothing is fetched).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from xml.parsers import expat

from .errors import IsecgError
from .sparqltext import tokens

MIB = 1024 * 1024
DEFAULT_INPUT_MB = 64  # a source document, a record, a JSON-LD file, a query
DEFAULT_GRAPH_MB = 8192  # a graph file bulk-loaded by the Oxigraph store
LOCAL_CONTEXT_IRI = "https://w3id.org/isecg/context.jsonld"


class Refused(IsecgError):
    """Input the policy refuses (a remote reference, an entity, an update): exit status 2."""

    def __init__(self, message: str, *, kind: str = "input", **where: Any) -> None:
        super().__init__(message, **where)
        self.kind = kind  # "input" | "remote" | "update"

    def __reduce__(self):
        """Pickled with its kind as well (errors cross worker processes)."""
        keywords = {"file": self.file, "line": self.line, "field": self.field, "hint": self.hint}
        return _rebuild, (self.message, self.kind, keywords)


def _rebuild(message: str, kind: str, keywords: dict) -> Refused:
    return Refused(message, kind=kind, **keywords)


# -- size -----------------------------------------------------------------------------------


def _limit(variable: str, default_mb: int) -> int:
    raw = os.environ.get(variable)
    if raw is None:
        return default_mb * MIB
    try:
        value = float(raw)
    except ValueError:
        raise IsecgError(f"{variable}={raw!r} is not a number of MB") from None
    if value <= 0:
        raise IsecgError(f"{variable}={raw!r} must be positive")
    return int(value * MIB)


def input_limit() -> int:
    """Bytes a file parsed in memory may hold (``ISECG_KG_MAX_INPUT_MB``, default 64)."""
    return _limit("ISECG_KG_MAX_INPUT_MB", DEFAULT_INPUT_MB)


def graph_limit() -> int:
    """Bytes a graph file loaded by the store may hold (``ISECG_KG_MAX_GRAPH_MB``, default 8192)."""
    return _limit("ISECG_KG_MAX_GRAPH_MB", DEFAULT_GRAPH_MB)


def check_size(path: Path, *, graph: bool = False) -> None:
    """Refuse a file over the input limit (``graph``: the graph-file limit) before reading it."""
    limit, variable = _limits(graph)
    try:
        size = path.stat().st_size
    except OSError:
        return  # the reader reports a missing or unreadable file in its own words
    if size > limit:
        raise Refused(
            f"{size / MIB:.1f} MB is over the {_mb(limit)} MB limit for this input",
            file=path,
            hint=f"split it, or raise {variable}",
        )


def _mb(size: int) -> str:
    return f"{round(size / MIB, 3):g}"


def _limits(graph: bool) -> tuple[int, str]:
    if graph:
        return graph_limit(), "ISECG_KG_MAX_GRAPH_MB"
    return input_limit(), "ISECG_KG_MAX_INPUT_MB"


def read_limited(path: Path) -> bytes:
    """A file's bytes, refused when over the input limit (checked on the bytes actually read,
    too: a file may grow, a special file has no size)."""
    check_size(path)
    limit, variable = _limits(False)
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as e:
        raise IsecgError(f"cannot read: {e.strerror or e}", file=path) from None
    if len(data) > limit:
        raise Refused(
            f"over the {_mb(limit)} MB limit for this input",
            file=path,
            hint=f"split it, or raise {variable}",
        )
    return data


# -- XML ------------------------------------------------------------------------------------


class _Prolog(Exception):
    """The root element started: the DTD, if any, is behind us."""


def check_xml(path: Path, chunk: int = 64 * 1024) -> None:
    """Refuse XML whose DTD declares an entity or names an external subset or entity.

    Only the prolog is read (expat stops at the root element), so the check costs nothing on a
    large file. A file expat cannot read is left to the RDF parser, which reports it with its line.
    """
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(message: str) -> None:
        raise Refused(
            message,
            file=path,
            line=parser.CurrentLineNumber,
            hint="entity expansion is off, since a few nested entities fill the memory: "
            "write the text or IRIs out in full",
        )

    def doctype(name: str, system_id: str | None, public_id: str | None, internal: int) -> None:
        if system_id or public_id:
            refuse(f"the DTD names an external subset {system_id or public_id!r}, not read")

    def entity(name: str, is_parameter: int, value, base, system_id, public_id, notation) -> None:
        kind = "parameter entity" if is_parameter else "entity"
        where = f" from {system_id!r}" if system_id else ""
        refuse(f"XML {kind} declaration {name!r}{where} refused")

    def unparsed(name: str, base, system_id, public_id, notation) -> None:
        refuse(f"XML unparsed entity declaration {name!r} refused")

    def external(context, base, system_id, public_id) -> int:
        refuse(f"external XML entity {system_id!r} refused")
        return 0

    def start(name: str, attributes) -> None:
        raise _Prolog

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = unparsed
    parser.ExternalEntityRefHandler = external
    parser.StartElementHandler = start
    try:
        with path.open("rb") as fh:
            while data := fh.read(chunk):
                parser.Parse(data, False)
            parser.Parse(b"", True)
    except (_Prolog, expat.ExpatError, OSError):
        return


# -- JSON-LD --------------------------------------------------------------------------------


def local_context() -> dict[str, str]:
    """The package's own JSON-LD context (the prefixes every export uses)."""
    from .export import PREFIXES

    return dict(PREFIXES)


def _references(doc: Any) -> Iterator[tuple[str, str, Any]]:
    """(key, JSON path, value) of every ``@context`` and ``@import`` entry, at any depth."""
    stack: list[tuple[Any, str]] = [(doc, "")]
    while stack:
        node, where = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                path = f"{where}.{key}" if where else key
                if key in ("@context", "@import"):
                    yield key, path, value
                stack.append((value, path))
        elif isinstance(node, list):
            stack.extend((item, f"{where}[{i}]") for i, item in enumerate(node))


def resolve_jsonld(data: bytes | str, path: Path) -> bytes | str:
    """JSON-LD with every context inline: the package's own context (``LOCAL_CONTEXT_IRI``) put
    in place; any other remote or file reference refused, naming the field."""
    try:
        doc = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return data  # not JSON: the parser reports it, with its line
    except RecursionError:
        raise Refused("JSON nested too deeply", file=path) from None
    local = False
    for key, where, value in _references(doc):
        for item in _flat(value):  # rdflib reads nested lists too: [["http://..."]] is fetched
            if not isinstance(item, str):
                continue
            if key == "@context" and item == LOCAL_CONTEXT_IRI:
                local = True
                continue
            what = "@import of" if key == "@import" else "remote JSON-LD context"
            raise Refused(
                f"{what} {item!r} is not fetched (isecg-kg works offline)",
                kind="remote",
                file=path,
                field=where,
                hint=f"inline the context as a JSON object, or use {LOCAL_CONTEXT_IRI}",
            )
    if not local:
        return data
    try:
        return json.dumps(_inline(doc, local_context())).encode("utf-8")
    except RecursionError:
        raise Refused("JSON nested too deeply", file=path) from None


def _flat(value: Any) -> Iterator[Any]:
    """The items of a value and of the lists in it, at any depth."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        else:
            yield item


def _inline(node: Any, context: dict[str, str]) -> Any:
    """``node`` with each reference to the local context replaced by the context itself."""

    def put(value: Any) -> Any:
        if value == LOCAL_CONTEXT_IRI:
            return context
        if isinstance(value, list):
            return [put(v) for v in value]
        return value

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key == "@context":
                    item[key] = put(value)
                stack.append(item[key])
        elif isinstance(item, list):
            stack.extend(item)
    return node


def check_jsonld(data: bytes | str, path: Path) -> None:
    """Refuse JSON-LD that refers to a context anywhere but the package's own."""
    resolve_jsonld(data, path)


# -- SPARQL ---------------------------------------------------------------------------------

_UPDATES = frozenset(
    {"INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH", "USING"}
)
_WORD_PARTS = re.compile(r"[.\-]")


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def check_query(text: str, where: str | Path | None = None) -> None:
    """Refuse ``SERVICE``, ``LOAD`` and updates in a query, before anything runs.

    Keywords are read from the query's tokens (strings, IRIs and comments skipped whole); a word
    the grammar would split (``true.SERVICE``) is split here too.
    """
    for token in tokens(text):
        if token.kind != "word" or ":" in token.text:
            continue
        for part in _WORD_PARTS.split(token.text.upper()):
            if part == "SERVICE":
                raise Refused(
                    "SERVICE is refused: isecg-kg queries only its own graph, never the network",
                    kind="remote",
                    file=where,
                    line=_line(text, token.start),
                    hint="remove the SERVICE block",
                )
            if part == "LOAD" or part in _UPDATES:
                raise Refused(
                    f"{part} is an update; isecg-kg only reads (SELECT, ASK, CONSTRUCT, DESCRIBE)",
                    kind="update",
                    file=where,
                    line=_line(text, token.start),
                )


def dataset_iris(text: str) -> list[tuple[str, int]]:
    """The graph IRIs a query's ``FROM`` and ``FROM NAMED`` clauses name, with their offsets."""
    toks = tokens(text)
    prefixes: dict[str, str] = {}
    base = ""
    found: list[tuple[str, int]] = []
    for i, t in enumerate(toks):
        word = t.word
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if word == "BASE" and nxt is not None and nxt.kind == "iri":
            base = urljoin(base, nxt.text[1:-1])
        elif word == "PREFIX" and nxt is not None and i + 2 < len(toks):
            if toks[i + 2].kind == "iri" and nxt.text.endswith(":"):
                prefixes[nxt.text[:-1]] = urljoin(base, toks[i + 2].text[1:-1])
        elif word == "FROM" and nxt is not None:
            target = toks[i + 2] if nxt.word == "NAMED" and i + 2 < len(toks) else nxt
            if target.kind == "iri":
                found.append((urljoin(base, target.text[1:-1]), target.start))
            elif target.kind == "word" and ":" in target.text:
                prefix, _, local = target.text.partition(":")
                if prefix not in prefixes:
                    found.append((target.text, target.start))  # the parser reports it
                else:
                    found.append((prefixes[prefix] + local, target.start))
    return found


def check_dataset(text: str, graphs: Collection[str], where: str | Path | None = None) -> None:
    """Refuse a ``FROM``/``FROM NAMED`` naming a graph the data does not hold: nothing is fetched,
    and an empty answer would hide the mistake."""
    for iri, offset in dataset_iris(text):
        if iri not in graphs:
            held = f"{len(graphs)} named graphs (a TriG build has one per source)"
            raise Refused(
                f"FROM <{iri}> names no graph in the data; graphs are never fetched",
                kind="remote",
                file=where,
                line=_line(text, offset),
                hint=f"the data holds {held}" if graphs else "the data holds no named graphs",
            )


def harden_rdflib() -> None:
    """rdflib's SPARQL engine would fetch a ``FROM`` graph from the web: turn that off."""
    import rdflib.plugins.sparql as rdflib_sparql

    rdflib_sparql.SPARQL_LOAD_GRAPHS = False


harden_rdflib()
