"""Validation against ``ontology/shapes.ttl``: results as records, sorted, by severity.

Reasoning is done apart (``reason.py``); here the shapes are checked with no inference, over the
data plus the ontology (so that ``sh:class`` sees subclasses and the rules see ISECG's founding
date). pySHACL is the reference; ``fastshacl`` gives its results much faster for the shapes it
supports, and is used whenever it can be.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyshacl
from rdflib import RDF, SH, BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from . import fastshacl
from .namespaces import ISECG, PROV
from .reason import triples
from .resources import ontology_path, record_shapes_path, shapes_path

log = logging.getLogger(__name__)

ENGINES = ("auto", "fast", "pyshacl")
# Triples: below this pySHACL, the reference, is quicker than compiling the shapes (~2 s), and
# a focused check (one record in context) is small. Above it fastshacl is 50x faster.
FAST_ABOVE = 5_000
SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_RANK = {"Violation": 0, "Warning": 1, "Info": 2}

# How IRIs are shortened in text output.
_PREFIXES = (
    ("id:", "https://w3id.org/isecg/id/"),
    ("isecg:", "https://w3id.org/isecg/ontology#"),
    ("shapes:", "https://w3id.org/isecg/shapes#"),
    ("org:", "http://www.w3.org/ns/org#"),
    ("prov:", "http://www.w3.org/ns/prov#"),
    ("dcterms:", "http://purl.org/dc/terms/"),
    ("skos:", "http://www.w3.org/2004/02/skos/core#"),
    ("xsd:", "http://www.w3.org/2001/XMLSchema#"),
)

# Records whose rules read a focus node, so validating the node must check them too.
_RELATED = """
PREFIX isecg: <https://w3id.org/isecg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?related WHERE {
  {
    # a join date bears on the meetings the agency took part in
    ?focus a isecg:Membership ; org:member ?agency .
    FILTER EXISTS { ?focus isecg:joined|isecg:joinedEarliest ?joined }
    ?related isecg:participant ?agency .
  } UNION {
    # the dates a membership is known by bear on every stated member count
    ?focus a isecg:Membership .
    FILTER EXISTS { ?focus isecg:memberOn|isecg:joined|isecg:joinedLatest ?since }
    ?related a isecg:MemberCount .
  } UNION {
    # a source's publication date bounds the meetings it reports
    ?related prov:wasDerivedFrom ?focus .
  } UNION {
    ?evidence prov:wasQuotedFrom ?focus ; isecg:describes ?related .
  } UNION {
    ?focus isecg:describes ?related .
  }
}
"""


@dataclass(frozen=True)
class Result:
    """One validation result: which rule, on which node, how severe, and from which source."""

    severity: str
    focus: Node
    path: Node | None
    message: str
    value: Node | None
    source_shape: Node
    source_document: URIRef | None = None
    sources: tuple[URIRef, ...] = ()
    source_file: str | None = None  # the source document's file, as given (``locate``)
    source_line: int | None = None  # where in it the evidence for the result is, if found

    def sort_key(self) -> tuple[Any, ...]:
        """Severity first, then node, rule and value: the same graph gives the same order."""
        return (
            _RANK.get(self.severity, 3),
            str(self.focus),
            str(self.source_shape),
            str(self.path or ""),
            str(self.value or ""),
            self.message,
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record; IRIs and literal values as strings."""
        return {
            "severity": self.severity,
            "focus": str(self.focus),
            "path": _plain(self.path),
            "message": self.message,
            "value": _plain(self.value),
            "source_shape": str(self.source_shape),
            "source_document": _plain(self.source_document),
            "sources": [str(s) for s in self.sources],
            "source_file": self.source_file,
            "source_line": self.source_line,
        }

    def to_text(self) -> str:
        """One line: ``Violation id:meeting/... [isecg:date] message (value: ..., source: ...)``."""
        where = short(self.focus)
        if self.path is not None:
            where += f" [{short(self.path)}]"
        extra = []
        if self.value is not None:
            extra.append(f"value: {short(self.value)}")
        if self.source_file is not None:
            line = f":{self.source_line}" if self.source_line is not None else ""
            extra.append(f"source: {self.source_file}{line}")
        elif self.source_document is not None:
            extra.append(f"source: {short(self.source_document)}")
        extra.append(f"shape: {short(self.source_shape)}")
        return f"{self.severity}: {where}: {self.message} ({'; '.join(extra)})"


@dataclass
class Report:
    """The outcome of validating a graph: conforms when there is no Violation."""

    conforms: bool
    results: list[Result] = field(default_factory=list)
    report_graph: Graph = field(default_factory=Graph)

    def counts(self) -> dict[str, int]:
        """Number of results by severity, every severity present as a key."""
        found = Counter(r.severity for r in self.results)
        return {name: found.get(name, 0) for name in _RANK}

    def to_json(self) -> list[dict[str, Any]]:
        """The results as a list of JSON-ready dicts, in report order."""
        return [r.to_dict() for r in self.results]

    def to_text(self) -> str:
        """Human-readable report: one line per result, then the counts."""
        lines = [r.to_text() for r in self.results]
        c = self.counts()
        verdict = "conforms" if self.conforms else "does not conform"
        summary = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in c.items())
        lines.append(f"{verdict}: {summary}")
        return "\n".join(lines)


def locate(report: Report, data: Graph, files: Mapping[URIRef, Path] | None = None) -> Report:
    """``report`` with each result's source document named by its file: the path given to
    the build for a document read now (``files``: source IRI -> path), with the line of the
    evidence quoted for the result when the file holds it word for word; else the file name
    the graph records for the source (``isecg:fileName``). A source a rule's message names
    (``source/<id>``) is named by its file too."""
    files = files or {}
    texts: dict[Path, str | None] = {}
    named: dict[str, str | None] = {}

    def file_of(source: URIRef) -> str | None:
        if source not in named:
            name = files.get(source) or data.value(source, ISECG.fileName)
            named[source] = None if name is None else str(name)
        return named[source]

    def in_message(m: re.Match) -> str:  # a rule's message naming a source: its file instead
        return file_of(URIRef(_ID + m[0])) or m[0]

    located = []
    for r in report.results:
        r = replace(r, message=_SOURCE_IN_MESSAGE.sub(in_message, r.message))
        source = r.source_document
        if source is None:
            located.append(r)
            continue
        path = files.get(source)
        if path is None:
            located.append(replace(r, source_file=file_of(source)))
            continue
        line = None
        quote = _quote(data, r.focus, source, r.path)
        if quote is not None:
            if path not in texts:
                texts[path] = _read_text(path)
            line = _line_of(texts[path], quote)
        located.append(replace(r, source_file=str(path), source_line=line))
    return replace(report, results=located)


_ID = "https://w3id.org/isecg/id/"
_SOURCE_IN_MESSAGE = re.compile(r"(?<![\w/])source/[\w.-]*\w")


def _quote(data: Graph, focus: Node, source: URIRef, path: Node | None) -> str | None:
    """The sentence ``source`` gives as evidence for ``focus``: the one about ``path`` if
    there is one, else the first in the document."""
    found = []
    for evidence in data.subjects(ISECG.describes, focus):
        if (evidence, PROV.wasQuotedFrom, source) not in data:
            continue
        quote = data.value(evidence, ISECG.quote)
        if quote is None:
            continue
        start = data.value(evidence, ISECG.charStart)
        about = data.value(evidence, ISECG.aboutProperty)
        found.append((about != path, int(start) if start is not None else 0, str(quote)))
    return min(found)[2] if found else None


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _line_of(text: str | None, quote: str) -> int | None:
    """The line (1-based) where ``text`` holds ``quote``, however its spaces and line breaks
    fall; None when it does not hold it word for word (escaped in JSON, split by markup)."""
    words = quote.split()[:12]
    if text is None or not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), text)
    return None if found is None else text.count("\n", 0, found.start()) + 1


def short(node: Node) -> str:
    """An IRI with a known prefix shortened (``id:meeting/2020-09-09``); literals as text."""
    if isinstance(node, Literal):
        return str(node)
    text = str(node)
    for prefix, ns in _PREFIXES:
        if text.startswith(ns):
            return prefix + text[len(ns) :]
    return f"<{text}>" if isinstance(node, URIRef) else text


def _plain(node: Node | None) -> str | None:
    return None if node is None else str(node)


@lru_cache(maxsize=1)
def default_shapes() -> Graph:
    """The shipped shapes graph (``ontology/shapes.ttl``), parsed once."""
    return Graph().parse(shapes_path(), format="turtle")


@lru_cache(maxsize=1)
def record_shapes() -> Graph:
    """The shapes new records are held to: the shipped ones with ``ontology/record-shapes.ttl``
    (an unknown agency refuses a record; in a build it is a warning)."""
    graph = Graph()
    graph += default_shapes()
    return graph.parse(record_shapes_path(), format="turtle")


@lru_cache(maxsize=1)
def default_ontology() -> Graph:
    """The shipped ontology (``ontology/isecg.ttl``), parsed once."""
    return Graph().parse(ontology_path(), format="turtle")


_prepare = lru_cache(maxsize=256)(prepareQuery)


class _PreparedQueries(Graph):
    """A graph that parses each SPARQL text once.

    pySHACL sends a SPARQL constraint's text to ``Graph.query`` once per focus node, and rdflib
    parses it every time; parsing, not evaluating, is then most of the cost of validation.
    """

    def query(self, query_object: str | Query, *args: Any, **kwargs: Any) -> Any:
        if isinstance(query_object, str):
            query_object = _prepare(query_object)
        return super().query(query_object, *args, **kwargs)


def _union(*graphs: Graph) -> Graph:
    union = _PreparedQueries()
    for g in graphs:
        for t in triples(g):
            union.add(t)
    return union


def related(graph: Graph, focus: Sequence[Node]) -> set[URIRef]:
    """The focus nodes and the records whose rules read them (a membership's join date bears
    on the meetings its agency attended, a source's date on the meetings it reports ...)."""
    nodes = {f for f in focus if isinstance(f, URIRef)}
    for f in list(nodes):
        for row in graph.query(_RELATED, initBindings={"focus": f}):
            if isinstance(row[0], URIRef):
                nodes.add(row[0])
    return nodes


def _expand(graph: Graph, focus: Sequence[Node]) -> list[URIRef]:
    return sorted(related(graph, focus))


def _sources(graph: Graph | fastshacl.Index, node: Node) -> tuple[URIRef, ...]:
    """The source documents a node comes from: itself, derived from, quoted from, or evidenced."""
    found: set[Node] = set()
    if (node, RDF.type, ISECG.SourceDocument) in graph:
        found.add(node)
    found.update(graph.objects(node, PROV.wasDerivedFrom))
    found.update(graph.objects(node, PROV.wasQuotedFrom))
    for evidence in graph.subjects(ISECG.describes, node):
        found.update(graph.objects(evidence, PROV.wasQuotedFrom))
    return tuple(sorted(s for s in found if isinstance(s, URIRef)))


def _results(report: Graph, data: Graph) -> list[Result]:
    results = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        results.append(
            _result(
                data,
                report.value(r, SH.focusNode),
                report.value(r, SH.resultSeverity),
                report.value(r, SH.resultPath),
                report.objects(r, SH.resultMessage),
                report.value(r, SH.value),
                report.value(r, SH.sourceShape),
            )
        )
    return sorted(results, key=Result.sort_key)


def _result(
    data: Graph | fastshacl.Index,
    focus: Node,
    severity: Node,
    path: Node | None,
    messages: Iterable[Node],
    value: Node | None,
    shape: Node,
) -> Result:
    sources = _sources(data, focus)
    return Result(
        severity=SEVERITIES.get(severity, str(severity)),
        focus=focus,
        path=path,
        message=" ".join(sorted(str(m) for m in set(messages))),
        value=value,
        source_shape=shape,
        source_document=sources[0] if sources else None,
        sources=sources,
    )


def validate(
    data: Graph,
    *,
    shapes: Graph | None = None,
    ontology: Graph | None = None,
    focus: Sequence[URIRef] | None = None,
    engine: str = "auto",
) -> Report:
    """Validate ``data`` (a graph or dataset) against the shapes; ``focus`` limits which nodes.

    With ``focus``, only those nodes, and the records whose rules read them (the meetings of a
    membership's agency, the meetings a source reports ...), are checked: validating one record
    in a large graph stays fast and reports only what the record touches.

    ``engine``: "auto" runs fastshacl on a whole graph of more than ``FAST_ABOVE`` triples
    when it supports the shapes (and the data), else pySHACL; "fast" runs fastshacl or raises
    ``fastshacl.Unsupported``; "pyshacl" runs the reference.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    shapes_graph = default_shapes() if shapes is None else shapes
    ontology_graph = default_ontology() if ontology is None else ontology
    if engine == "fast" or (engine == "auto" and focus is None and _larger(data, FAST_ABOVE)):
        try:
            return _fast(_compiled(shapes), data, ontology_graph, focus)
        except fastshacl.Unsupported as e:
            if engine == "fast":
                raise
            log.info("fastshacl cannot validate this (%s): running pySHACL", e.message)
    work = _union(data, ontology_graph)
    if focus is None:
        report_graph = _run(work, shapes_graph)
        results = _results(report_graph, work)
    else:
        focus_nodes = _expand(work, focus)
        if not focus_nodes:
            return Report(conforms=True)
        report_graph, results = _focused(work, shapes_graph, focus_nodes)
    conforms = not any(r.severity == "Violation" for r in results)
    return Report(conforms=conforms, results=results, report_graph=report_graph)


def _larger(data: Graph, limit: int) -> bool:
    """Whether ``data`` (a graph or dataset) holds more than ``limit`` triples."""
    return any(i >= limit for i, _ in enumerate(triples(data)))


def engine_for(shapes: Graph | None = None) -> tuple[str, str | None]:
    """Which engine ``validate(engine="auto")`` runs for these shapes on a large graph, and
    why not fastshacl (None when it runs). Data fastshacl cannot read exactly, a small graph
    and a focused check also go to pySHACL."""
    try:
        _compiled(shapes)
    except fastshacl.Unsupported as e:
        return "pyshacl", e.message
    return "fast", None


@lru_cache(maxsize=1)
def _default_compiled() -> fastshacl.Shapes:
    return fastshacl.Shapes(default_shapes())


@lru_cache(maxsize=1)
def _record_compiled() -> fastshacl.Shapes:
    return fastshacl.Shapes(record_shapes())


def _compiled(shapes: Graph | None) -> fastshacl.Shapes:
    """The shapes compiled by fastshacl; the shipped ones (and those for records) once."""
    if shapes is None:
        return _default_compiled()
    return _record_compiled() if shapes is record_shapes() else fastshacl.Shapes(shapes)


def _fast(
    compiled: fastshacl.Shapes, data: Graph, ontology: Graph, focus: Sequence[URIRef] | None
) -> Report:
    """fastshacl's report: the same results and report graph as pySHACL's."""
    index = fastshacl.Index([data, ontology])
    if focus is not None:
        wanted = [f for f in focus if isinstance(f, URIRef)]
        related = index.select(_RELATED, "focus", wanted) if wanted else []
        focus = sorted(
            {*wanted, *(r["related"] for r in related if isinstance(r.get("related"), URIRef))}
        )
        if not focus:
            return Report(conforms=True)
    found = compiled.validate(index, focus)
    graph_conforms = not any(r.severity not in (SH.Warning, SH.Info) for r in found)
    graph = fastshacl.report_graph(found, graph_conforms, compiled.graph, index)
    results = [
        _result(index, r.focus, r.severity, r.path, r.messages, r.value, r.shape)
        for r in _flat(found)
    ]
    if focus is not None:  # as _focused: one result per distinct record
        results = list(set(results))
    results.sort(key=Result.sort_key)
    conforms = not any(r.severity == "Violation" for r in results)
    return Report(conforms=conforms, results=results, report_graph=graph)


def _flat(results: Iterable[fastshacl.ValidationResult]) -> Iterable[fastshacl.ValidationResult]:
    for r in results:
        yield r
        yield from _flat(r.details)


def _run(data: Graph, shapes: Graph, focus: list[URIRef] | None = None) -> Graph:
    _, report_graph, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=False,
        allow_infos=True,
        allow_warnings=True,
        focus_nodes=focus,
    )
    return report_graph


def _focused(work: Graph, shapes: Graph, focus: list[URIRef]) -> tuple[Graph, list[Result]]:
    """Validate only ``focus``, in two passes.

    pySHACL's ``focus_nodes`` also filters the value nodes that nested shapes (``sh:node``,
    ``sh:or``) are evaluated on, so a literal such as a malformed date is never checked. So:
    the SPARQL (cross-record) shapes run with ``focus_nodes`` over the whole graph; every
    other shape runs, unrestricted, over the focus nodes' own descriptions (one hop out, for
    ``sh:class``), and only results on focus nodes are kept.
    """
    sparql_shapes = set(shapes.subjects(SH.sparql, None))
    across = _run(work, shapes, focus)
    local = _PreparedQueries()
    wanted = set(focus)
    for node in focus:
        for _, p, o in work.triples((node, None, None)):
            local.add((node, p, o))
            if isinstance(o, URIRef):
                for triple in work.triples((o, None, None)):
                    local.add(triple)
    own = _run(local, shapes)
    report = Graph()
    keep = []
    for graph, is_wanted in (
        (across, lambda r, g: g.value(r, SH.sourceShape) in sparql_shapes),
        (
            own,
            lambda r, g: (
                g.value(r, SH.sourceShape) not in sparql_shapes
                and g.value(r, SH.focusNode) in wanted
            ),
        ),
    ):
        for r in graph.subjects(RDF.type, SH.ValidationResult):
            if is_wanted(r, graph):
                keep.append(r)
                _copy(graph, r, report)
    return report, sorted(set(_results(report, work)), key=Result.sort_key)


def _copy(source: Graph, node: Node, target: Graph) -> None:
    """A result node with everything it points to through blank nodes."""
    for _, p, o in source.triples((node, None, None)):
        target.add((node, p, o))
        if isinstance(o, BNode):
            _copy(source, o, target)
