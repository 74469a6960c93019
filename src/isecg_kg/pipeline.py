"""The build: read sources -> extract facts -> map -> merge -> reason -> validate -> export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph

from . import ids, resources
from .document import Document
from .errors import IsecgError
from .export import bind_prefixes, export
from .mapping import Mapped, map_all
from .namespaces import ISECG, ORG

DEFAULT_SOURCES = Path("data/sources")
DEFAULT_RECORDS = Path("data/records")
DEFAULT_OUT = Path("build/isecg.ttl")


def _parse(path: Path, identifier) -> Graph:
    g = Graph(identifier=identifier)
    try:
        g.parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as e:
        raise IsecgError(f"cannot read: {e}", file=path) from None
    return g


def ontology_graph() -> Graph:
    """The ontology (with the ISECG and chair-role individuals), in its own named graph."""
    return _parse(resources.ontology_path(), ids.ONTOLOGY_GRAPH)


def registry_graph() -> Graph:
    """The agency registry, in its own named graph."""
    return _parse(resources.registry_path(), ids.REGISTRY_GRAPH)


@dataclass
class BuildResult:
    """What a build read, made and found."""

    documents: list[Document]
    sources: list[Graph]
    ontology: Graph
    registry: Graph
    inferred: Graph | None = None
    inconsistencies: list[str] = field(default_factory=list)
    report: object | None = None  # validate.Report
    errors: list[IsecgError] = field(default_factory=list)
    out: Path | None = None
    records: list[Graph] = field(default_factory=list)

    def asserted(self) -> list[Graph]:
        """The named graphs a default export holds: ontology, registry, sources, records."""
        return [self.ontology, self.registry, *self.sources, *self.records]

    def data(self) -> Graph:
        """Registry, source facts and records merged (what queries and shapes look at)."""
        merged = bind_prefixes(Graph())
        for g in (self.registry, *self.sources, *self.records):
            merged += g
        return merged

    def summary(self) -> dict[str, int]:
        """Counts a user checks after a build."""
        data = self.data()
        return {
            "documents": len(self.documents),
            "triples": sum(len(g) for g in self.asserted()),
            "meetings": len(set(data.subjects(RDF.type, ISECG.Meeting))),
            "agencies": len(
                {a for g in self.sources for a in g.objects(None, ISECG.participant)}
                | {a for g in self.sources for a in g.objects(None, ISECG.host)}
                | {
                    a
                    for g in self.sources
                    for m in g.subjects(RDF.type, ISECG.Membership)
                    for a in g.objects(m, ORG.member)
                }
                | {
                    a
                    for g in self.sources
                    for m in g.subjects(RDF.type, ISECG.Chairmanship)
                    for a in g.objects(m, ORG.member)
                }
            ),
            "errors": len(self.errors),
        }


def read_inputs(
    paths: Sequence[Path],
) -> tuple[list[Document], list[Graph], list[IsecgError]]:
    """Every document and RDF record under ``paths``; a bad file is reported, the rest read."""
    from .records import is_rdf, load_rdf
    from .sources import discover, load_all

    documents: list[Document] = []
    records: list[Graph] = []
    errors: list[IsecgError] = []
    found: list[Path] = []
    for given in paths:
        try:
            found.extend(discover([given]))
        except IsecgError as e:
            errors.append(e)
    for path in dict.fromkeys(found):
        try:
            if is_rdf(path):
                records.append(bind_prefixes(load_rdf(path)))
            else:
                documents.extend(load_all(path))
        except IsecgError as e:
            errors.append(e)
    return documents, records, errors


def read_documents(paths: Sequence[Path]) -> tuple[list[Document], list[IsecgError]]:
    """Every source document under ``paths`` (RDF records aside)."""
    documents, _, errors = read_inputs(paths)
    return documents, errors


def extract_all(
    documents: Sequence[Document],
) -> tuple[list[Mapped], list[IsecgError]]:
    """The facts of each document. A document the extractor fails on is reported as one
    error naming it, with its source node kept and no facts; the others are unaffected."""
    from .extract import extract
    from .facts import Extraction
    from .registry import Registry

    registry = Registry.load()
    items: list[Mapped] = []
    errors: list[IsecgError] = []
    for doc in documents:
        try:
            facts = extract(doc, registry)
        except Exception as e:  # a bug in a rule must not cost the other documents
            where = f"{type(e).__name__} in {_frame(e)}"
            errors.append(
                IsecgError(
                    f"no facts extracted: the extractor failed ({where})",
                    file=doc.path,
                    hint="please report this document; the rest of the build is complete",
                )
            )
            facts = Extraction()
        items.append(Mapped(doc, facts))
    return items, errors


def _frame(e: BaseException) -> str:
    """``module.py:line`` of the innermost frame, for a one-line report."""
    tb = e.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return "?"
    return f"{Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"


def map_documents(documents: Sequence[Document]) -> list[Graph]:
    """Extract facts from each document and map them into one named graph per document."""
    items, errors = extract_all(documents)
    if errors:
        raise errors[0]
    return [bind_prefixes(g) for g in map_all(items)]


def build(
    sources: Sequence[Path] = (),
    *,
    out: Path | None = None,
    reason: bool = True,
    validate: bool = True,
    with_inferences: bool = False,
) -> BuildResult:
    """Build the knowledge graph from source files or folders; write it to ``out`` if given."""
    paths = list(sources) or [p for p in (DEFAULT_SOURCES, DEFAULT_RECORDS) if p.exists()]
    if not paths:
        raise IsecgError(
            f"no sources given and no {DEFAULT_SOURCES}/ here", hint="name files or folders"
        )
    documents, records, errors = read_inputs(paths)
    items, failed = extract_all(documents)
    errors += failed
    result = BuildResult(
        documents=documents,
        sources=[bind_prefixes(g) for g in map_all(items)],
        ontology=ontology_graph(),
        registry=registry_graph(),
        errors=errors,
        records=records,
    )
    data = result.data() if (reason or with_inferences or validate) else None
    if reason or with_inferences:
        inferred, result.inconsistencies = _reason(data, result.ontology)
        result.inferred = Graph(identifier=ids.INFERRED_GRAPH)
        result.inferred += inferred
    if validate:
        from .validate import validate as run_shapes

        result.report = run_shapes(data, ontology=result.ontology)
    if out is not None:
        graphs = result.asserted()
        if with_inferences and result.inferred is not None:
            graphs.append(result.inferred)
        export(graphs, out)
        result.out = out
        _warm(out)
    return result


REASON_FAST_ABOVE = 20_000  # triples; owlrl's closure is the reference, too slow beyond


def _reason(data: Graph, ontology: Graph) -> tuple[Graph, list[str]]:
    """OWL-RL entailments and inconsistencies: owlrl on small graphs; on large ones the
    ontology's closure compiled into rules (``fastreason``), which gives the same entailments."""
    if len(data) <= REASON_FAST_ABOVE:
        from .reason import infer

        return infer(data, ontology)
    from .fastreason import fast_inconsistencies, fast_infer

    inferred = fast_infer(data, ontology)
    return inferred, fast_inconsistencies(data, ontology, inferred)


def _warm(out: Path) -> None:
    """For a large Turtle graph, build the query store and answer the whole-graph saved
    queries once, so the first query after a build does not pay for it."""
    from . import store
    from .queries import list_queries

    if out.suffix != ".ttl" or not store.available():
        return
    if out.stat().st_size >= store.CACHE_MIN_BYTES:
        store.warm([out], [q.text for q in list_queries() if not q.params])
