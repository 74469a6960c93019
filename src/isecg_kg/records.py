"""New records: Turtle, JSON-LD or a source document, checked against the shapes, then kept.

A record in an RDF format is taken as written, in its own named graph ``id:record/<hash>``; a
source document is loaded and mapped exactly as the build does. ``add`` stores a record that
conforms under ``data/`` (RDF in ``data/records/``, documents in ``data/sources/``), so the next
build includes it; a record that does not conform changes nothing.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, XSD, Graph, Literal, URIRef

from . import identity, temporal
from .errors import IsecgError, parser_complaint
from .facts import When
from .identity import Description
from .namespaces import ID, ISECG, ORG
from .policy import read_limited, resolve_jsonld

RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig"}
DATA_DIR = Path("data")


def is_rdf(path: Path) -> bool:
    """Whether a file is an RDF record (by its extension) rather than a source document."""
    return path.suffix.lower() in RDF_FORMATS


def load_rdf(path: Path) -> Graph:
    """An RDF record as a graph named ``id:record/<hash of its bytes>``."""
    data = read_limited(path)
    graph = Graph(identifier=ID[f"record/{hashlib.sha256(data).hexdigest()[:16]}"])
    if RDF_FORMATS[path.suffix.lower()] == "json-ld":
        data = resolve_jsonld(data, path)
    try:
        graph.parse(data=data, format=RDF_FORMATS[path.suffix.lower()])
    except Exception as e:  # rdflib raises many types; each is this file's syntax problem
        line, message = parser_complaint(e)
        raise IsecgError(f"not valid RDF: {message}", file=path, line=line) from None
    if not len(graph):
        raise IsecgError("the record holds no triples", file=path)
    return graph


def record_graphs(paths: Sequence[Path], context: Graph | None = None) -> list[Graph]:
    """The graphs of new records: RDF as written, source documents mapped like the build, with
    their meetings resolved against those ``context`` already holds (``identity``)."""
    return _read_records(paths, context)[0]


def _read_records(
    paths: Sequence[Path], context: Graph | None
) -> tuple[list[Graph], dict[URIRef, Path]]:
    """``record_graphs``, and the file each source document came from, by its source IRI."""
    from . import ids
    from .export import bind_prefixes
    from .mapping import describe, map_all
    from .pipeline import extract_all, read_documents

    graphs: list[Graph] = []
    files: dict[URIRef, Path] = {}
    for path in (p for p in paths if is_rdf(p)):
        graphs.append(load_rdf(path))
        for source in graphs[-1].subjects(RDF.type, ISECG.SourceDocument):
            # a source the record itself introduces is known by the record's file
            if isinstance(source, URIRef) and not _holds(context, source):
                files.setdefault(source, path)
    documents = [p for p in paths if not is_rdf(p)]
    if documents:
        docs, errors = read_documents(documents)
        if errors:
            raise errors[0]
        items, errors = extract_all(docs)
        if errors:
            raise errors[0]
        held = held_meetings(context, describe(items)) if context is not None else []
        graphs.extend(bind_prefixes(g) for g in map_all(items, held))
        files.update({ids.source(d.id): d.path for d in docs})
    return graphs, files


def _holds(context: Graph | None, source: URIRef) -> bool:
    return context is not None and (source, RDF.type, ISECG.SourceDocument) in context


@dataclass
class Checked:
    """New records, the nodes they describe, and the SHACL report on them in context."""

    graphs: list[Graph]
    focus: list[URIRef]
    report: object  # validate.Report


def check(paths: Sequence[Path], context: Graph) -> Checked:
    """Validate new records against the shapes new records are held to, in the context of an
    existing graph. Only the nodes the records describe (and the records their rules read) are
    validated, so a check stays fast however large the graph is."""
    graphs, files = _read_records(paths, context)
    return check_graphs(graphs, context, files)


CONTEXT_WHOLE_BELOW = 50_000  # triples: a smaller graph is the context whole


def check_graphs(
    graphs: Sequence[Graph], context: Graph, files: Mapping[URIRef, Path] | None = None
) -> Checked:
    """``check`` for records already read: validated with ``validate.record_shapes()`` over
    what the rules read of ``context`` (all of it when small, else ``context_for``). Results
    name their source's file: from ``files`` (source IRI -> path) or as the graph records it."""
    from rdflib.graph import ReadOnlyGraphAggregate

    from .fastshacl import Unsupported
    from .validate import locate, record_shapes, validate

    merged = Graph()
    merged += context_for(context, graphs) if _larger(context, CONTEXT_WHOLE_BELOW) else context
    focus: set[URIRef] = set()
    for g in graphs:
        merged += g
        focus.update(s for s in g.subjects() if isinstance(s, URIRef))
    ordered = sorted(focus)
    try:  # fastshacl: pySHACL's results, without parsing each rule's query in every process
        report = validate(merged, shapes=record_shapes(), focus=ordered, engine="fast")
    except Unsupported:
        report = validate(merged, shapes=record_shapes(), focus=ordered, engine="pyshacl")
    # Sources are named from the whole context: a large one's excerpt may lack their files.
    sources = ReadOnlyGraphAggregate([merged, context])
    return Checked(list(graphs), ordered, locate(report, sources, files))


def _larger(graph: Graph, limit: int) -> bool:
    """Whether ``graph`` is large: on an Oxigraph store (counting it would take seconds), or
    in memory with more than ``limit`` triples."""
    from .store import oxigraph_of

    return oxigraph_of(graph) is not None or len(graph) > limit


# --- what the rules read, from a large graph ---------------------------------------------------

_NAMES_AGENCY = (ORG.member, ISECG.participant, ISECG.host, ISECG.absentee)


def context_for(graph: Graph, records: Sequence[Graph]) -> Graph:
    """What validating ``records`` reads of a large ``graph``: the records the new ones name,
    two steps out, and what points at them (evidence, and the sources it is quoted from); the
    records whose rules read a new one (``validate.related``) with theirs; the memberships of
    the agencies they name (every membership and stated member count when one is involved);
    and, when a chair tenure is involved, every tenure with its agency.
    ``tests/test_records.py`` checks that it gives the report the whole graph gives."""
    from rdflib.graph import ReadOnlyGraphAggregate

    from .validate import related

    record = Graph()
    for g in records:
        record += g
    subjects = {s for s in record.subjects() if isinstance(s, URIRef)}
    named = subjects | {o for _, p, o in record if isinstance(o, URIRef) and p != RDF.type}
    around = related(ReadOnlyGraphAggregate([graph, record]), sorted(subjects)) - subjects
    out = _neighbourhood(graph, named | around, inbound=subjects | around)
    nodes = named | around

    def involves_node(n: URIRef, cls: URIRef) -> bool:
        return any((n, RDF.type, cls) in g for g in (record, out))

    def involves(cls: URIRef) -> bool:
        return any(involves_node(n, cls) for n in nodes)

    agencies = {o for g in (record, out) for p in _NAMES_AGENCY for o in g.objects(None, p)}
    for agency in agencies:
        for m in set(graph.subjects(ORG.member, agency)):
            if (m, RDF.type, ISECG.Membership) in graph:
                _about(graph, m, out)
    if involves(ISECG.Membership) or involves(ISECG.MemberCount):
        _all_of(graph, ISECG.Membership, out)
        _all_of(graph, ISECG.MemberCount, out)
    tenures = [
        n for n in nodes if any((n, RDF.type, ISECG.Chairmanship) in g for g in (record, out))
    ]
    if tenures:
        _tenures_around(
            graph, [d for g in (record, out) for t in tenures for d in _days(g, t)], out
        )
        for agency in set(out.objects(None, ORG.member)):
            _about(graph, agency, out)
    return out


_TENURE_DAYS = (ISECG.startDate, ISECG.endDate, ISECG.heldOn)


def _days(graph: Graph, tenure: URIRef) -> list[str]:
    return [str(d) for p in _TENURE_DAYS for d in graph.objects(tenure, p)]


# Tenures whose dates span the days given (the only ones the chair rules can find in conflict
# with them), and what those rules read of each.
_TENURES = """
PREFIX isecg: <https://w3id.org/isecg/ontology#>
SELECT ?s WHERE {
  ?s a isecg:Chairmanship ; isecg:startDate|isecg:endDate|isecg:heldOn ?d .
  BIND (SUBSTR(STR(?d), 1, 10) AS ?day)
}
GROUP BY ?s
HAVING (MIN(CONCAT(?day, SUBSTR("-01-01", STRLEN(?day) - 3))) <= %(last)s
        && MAX(CONCAT(?day, SUBSTR("-12-31", STRLEN(?day) - 3))) >= %(first)s)
"""
_TENURE_TRIPLES = """
PREFIX isecg: <https://w3id.org/isecg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?s ?p ?o WHERE {
  VALUES ?s { %(tenures)s }
  VALUES ?p { rdf:type org:member isecg:startDate isecg:endDate isecg:heldOn prov:wasDerivedFrom }
  ?s ?p ?o
}
"""


def _tenures_around(graph: Graph, days: list[str], out: Graph) -> None:
    """Copy the tenures the chair rules compare with tenures dated ``days``."""
    from .store import select

    if not days:
        return
    first = min(str(temporal.lower(d)) for d in days)
    last = max(str(temporal.upper(d)) for d in days)
    text = _TENURES % {"first": Literal(first).n3(), "last": Literal(last).n3()}
    found = [s for (s,) in select(graph, text)[1] if isinstance(s, URIRef)]
    for start in range(0, len(found), 500):
        chunk = " ".join(t.n3() for t in found[start : start + 500])
        for t in select(graph, _TENURE_TRIPLES % {"tenures": chunk})[1]:
            out.add(_as_read(t))


def _as_read(t: tuple) -> tuple:
    s, p, o = t
    if isinstance(o, Literal) and o.datatype == XSD.string:
        o = Literal(str(o))  # as the file reads: the store types plain strings
    return s, p, o


def _about(graph: Graph, node: URIRef, out: Graph) -> list[URIRef]:
    """Copy the triples about ``node``; returns what they point to."""
    found = []
    for t in graph.triples((node, None, None)):
        s, p, o = _as_read(t)
        out.add((s, p, o))
        if isinstance(o, URIRef) and p != RDF.type:
            found.append(o)
    return found


def _neighbourhood(graph: Graph, nodes: set[URIRef], inbound: set[URIRef]) -> Graph:
    """Triples about ``nodes`` and what they point to (two steps), and the triples pointing at
    ``inbound``, with what their subjects say (evidence: its quote and its source)."""
    out = Graph()
    seen: set[URIRef] = set()
    frontier = set(nodes)
    for _ in range(2):
        nxt: set[URIRef] = set()
        for node in frontier - seen:
            seen.add(node)
            nxt.update(_about(graph, node, out))
        frontier = nxt
    for node in inbound:
        for s, p, o in graph.triples((None, None, node)):
            out.add((s, p, o))  # o is an IRI
            if isinstance(s, URIRef) and s not in seen:
                seen.add(s)
                for source in _about(graph, s, out):
                    if source not in seen:
                        seen.add(source)
                        _about(graph, source, out)
    return out


_ALL_OF = "SELECT ?s ?p ?o WHERE { ?s a ?class ; ?p ?o }"


def _all_of(graph: Graph, cls: URIRef, out: Graph) -> None:
    """Copy every triple about the records of a class (one query: fast on a large store)."""
    from .store import select

    for t in select(graph, _ALL_OF, {"class": cls})[1]:
        out.add(_as_read(t))


# --- the meetings a graph holds, for identity ----------------------------------------------------

# The meetings a new description could be: those dated in the years its time allows, and the
# undated ones of its cities (every link but a shared day needs the place); all those of its
# cities when its time spans years. Then what identity compares of each.
_NEAR = """
PREFIX isecg: <https://w3id.org/isecg/ontology#>
SELECT DISTINCT ?m WHERE {
  { ?m isecg:date ?d . FILTER (SUBSTR(STR(?d), 1, 4) IN (%(years)s)) }
  UNION
  { ?m isecg:city ?c .
    BIND (IF(CONTAINS(STR(?c), ","), STRBEFORE(STR(?c), ","), STR(?c)) AS ?city)
    FILTER (LCASE(?city) IN (%(cities)s))
    FILTER (LCASE(?city) IN (%(wide)s) || NOT EXISTS { ?m isecg:date ?any }) }
}
"""
_COMPARED = """
PREFIX isecg: <https://w3id.org/isecg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?m ?p ?o WHERE {
  VALUES ?m { %(meetings)s }
  {
    VALUES ?p { isecg:date isecg:endDate isecg:earliestDate isecg:latestDate isecg:city
                isecg:country isecg:venue isecg:virtual isecg:statedParticipantCount }
    ?m ?p ?o
  } UNION {
    ?m isecg:host ?a .
    OPTIONAL { ?a skos:notation ?notation }
    OPTIONAL { ?a skos:prefLabel ?label }
    BIND (COALESCE(?notation, ?label, ?a) AS ?o) BIND (isecg:host AS ?p)
  }
}
"""


def held_meetings(graph: Graph, new: Sequence[Description]) -> list[Description]:
    """The meetings ``graph`` holds that new descriptions could be, as identity compares them,
    each with its IRI (by a few queries, so that it stays fast on a large graph)."""
    from . import store

    years: set[str] = set()
    cities: set[str] = set()
    wide: set[str] = set()
    for d in new:
        s, where = identity.span(d), identity.place(d).cities
        if s.lo.year > 1 and s.hi.year < 9999 and s.hi.year - s.lo.year <= 2:
            years.update(f"{y:04d}" for y in range(s.lo.year, s.hi.year + 1))
        else:
            wide.update(where)
        cities.update(where)
    if not years and not cities:
        return []

    def strings(values: set[str]) -> str:
        return ", ".join(Literal(v).n3() for v in sorted(values)) or '""'

    text = _NEAR % {"years": strings(years), "cities": strings(cities), "wide": strings(wide)}
    meetings = sorted(m for (m,) in store.select(graph, text)[1] if isinstance(m, URIRef))
    found: dict[URIRef, dict[URIRef, list[str]]] = {m: {} for m in meetings}
    for start in range(0, len(meetings), 500):
        chunk = " ".join(m.n3() for m in meetings[start : start + 500])
        for m, p, o in store.select(graph, _COMPARED % {"meetings": chunk})[1]:
            found[m].setdefault(p, []).append(str(o))
    return [_held(m, found[m], n) for n, m in enumerate(meetings)]


def _held(meeting: URIRef, attrs: dict[URIRef, list[str]], n: int) -> Description:
    """A meeting of the graph as one description: its most precise date, tightest bounds and
    most complete names; an attribute its sources disagree on is left open."""

    def values(p: URIRef) -> list[str]:
        return sorted(set(attrs.get(p, ())))

    def complete(p: URIRef) -> str | None:
        found = values(p)
        return identity.most_complete(found) if found else None

    def one(p: URIRef) -> str | None:
        found = values(p)
        return found[0] if len(found) == 1 else None

    dates = values(ISECG.date)
    date = min(dates, key=lambda v: (-len(v), v)) if dates else None  # the first exact day
    earliest = max(values(ISECG.earliestDate), key=temporal.lower, default=None)
    latest = min(values(ISECG.latestDate), key=temporal.upper, default=None)
    ends = values(ISECG.endDate)
    hosts = set(attrs.get(ISECG.host, ()))
    online = one(ISECG.virtual)
    count = one(ISECG.statedParticipantCount)
    return Description(
        key=("graph", n),
        when=When(
            value=date,
            end=max(ends) if ends and date and len(date) == 10 else None,
            earliest=None if date else earliest,
            latest=None if date else latest,
        ),
        city=complete(ISECG.city),
        country=complete(ISECG.country),
        venue=complete(ISECG.venue),
        host=hosts.pop() if len(hosts) == 1 else None,
        virtual=None if online is None else online == "true",
        stated=int(count) if count is not None and count.isdigit() else None,
        iri=str(meeting),
    )


def store(paths: Sequence[Path], data_dir: Path = DATA_DIR) -> list[Path]:
    """Copy conforming records under ``data_dir`` for the next build; returns where."""
    targets = []
    for path in paths:
        folder = data_dir / ("records" if is_rdf(path) else "sources")
        target = folder / path.name
        if target.exists() and target.read_bytes() != path.read_bytes():
            raise IsecgError(
                "a different file of that name is already stored",
                file=target,
                hint="rename the record",
            )
        targets.append(target)
    for path, target in zip(paths, targets, strict=True):
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            tmp = target.with_name(f".{target.name}.tmp")
            shutil.copyfile(path, tmp)
            tmp.replace(target)
    return targets
