"""The build: read sources -> extract facts -> map -> merge -> reason -> validate -> export."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, Graph

from . import ids, resources
from .document import Document
from .errors import IsecgError
from .export import bind_prefixes, export, format_for
from .mapping import Mapped, map_all
from .namespaces import ISECG, ORG

DEFAULT_SOURCES = Path("data/sources")
DEFAULT_RECORDS = Path("data/records")
DEFAULT_OUT = Path("build/isecg.ttl")

# Told how a build goes: ``(stage, done, total)``; stage "read" counts the source files read
# and extracted, then "reason", "validate" and "write" each start with ``(stage, 0, 1)``.
Progress = Callable[[str, int, int], None]


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
    kept: Path | None = None  # an existing output left as it was, since sources failed
    _data: Graph | None = field(default=None, repr=False, compare=False)

    def asserted(self) -> list[Graph]:
        """The named graphs a default export holds: ontology, registry, sources, records."""
        return [self.ontology, self.registry, *self.sources, *self.records]

    def data(self) -> Graph:
        """Registry, source facts and records merged (what queries and shapes look at).

        Merged on the first call and kept: the build reasons, validates and counts on it.
        """
        if self._data is None:
            self._data = bind_prefixes(Graph())
            for g in (self.registry, *self.sources, *self.records):
                self._data += g
        return self._data

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
    files, records, errors = _discover(paths)
    documents: list[Document] = []
    for docs, error in map(_read, files):
        documents.extend(docs)
        if error is not None:
            errors.append(error)
    return documents, records, errors


def _discover(paths: Sequence[Path]) -> tuple[list[Path], list[Graph], list[IsecgError]]:
    """The source files under ``paths`` (each once, in order), the RDF records read, errors."""
    from .records import is_rdf, load_rdf
    from .sources import discover

    found: list[Path] = []
    records: list[Graph] = []
    errors: list[IsecgError] = []
    for given in paths:
        try:
            found.extend(discover([given]))
        except IsecgError as e:
            errors.append(e)
    files = []
    for path in dict.fromkeys(found):
        if not is_rdf(path):
            files.append(path)
            continue
        try:
            records.append(bind_prefixes(load_rdf(path)))
        except IsecgError as e:
            errors.append(e)
    return files, records, errors


def _read(path: Path) -> tuple[list[Document], IsecgError | None]:
    from .sources import load_all

    try:
        return load_all(path), None
    except IsecgError as e:
        return [], e


def read_and_extract(
    paths: Sequence[Path], *, workers: int | None = None, progress: Progress | None = None
) -> tuple[list[Document], list[Graph], list[Mapped], list[IsecgError]]:
    """Read every source under ``paths`` and extract each document's facts: the documents,
    the RDF records, the extractions and the errors, in the order the files were found.

    From ``PARALLEL_MIN`` files on, reading and extraction run in a pool of ``workers``
    processes (default: one per core); the result is the same. ``progress`` is told
    ``("read", files done, files)`` as they are.
    """
    files, records, errors = _discover(paths)
    workers = _workers(len(files)) if workers is None else workers
    tell = (lambda n: progress("read", n, len(files))) if progress else (lambda n: None)
    tell(0)
    if workers > 1:
        chunks = [files[i : i + _CHUNK] for i in range(0, len(files), _CHUNK)]
        done = _in_pool(_read_extract_chunk, chunks, workers, tell)
    else:
        done = []
        for path in files:
            done.extend(_read_extract_chunk([path]))
            tell(len(done))
    documents: list[Document] = []
    outcomes = []
    for docs, error, found in done:
        documents.extend(docs)
        outcomes.extend(found)
        if error is not None:
            errors.append(error)
    items, failed = _mapped(documents, outcomes)
    return documents, records, items, errors + failed


def read_documents(paths: Sequence[Path]) -> tuple[list[Document], list[IsecgError]]:
    """Every source document under ``paths`` (RDF records aside)."""
    documents, _, errors = read_inputs(paths)
    return documents, errors


PARALLEL_MIN = 200  # documents; below this a worker pool costs more than it saves
_CHUNK = 50


def extract_all(
    documents: Sequence[Document], *, workers: int | None = None
) -> tuple[list[Mapped], list[IsecgError]]:
    """The facts of each document. A document the extractor fails on is reported as one
    error naming it, with its source node kept and no facts; the others are unaffected.

    From ``PARALLEL_MIN`` documents on, extraction runs in a pool of ``workers`` processes
    (default: one per core); the result is the same, in the same order.
    """
    workers = _workers(len(documents)) if workers is None else workers
    if workers > 1:
        chunks = [documents[i : i + _CHUNK] for i in range(0, len(documents), _CHUNK)]
        outcomes = _in_pool(_extract_chunk, chunks, workers)
    else:
        outcomes = _extract_chunk(documents)
    return _mapped(documents, outcomes)


def _mapped(documents: Sequence[Document], outcomes: list) -> tuple[list[Mapped], list]:
    from .facts import Extraction

    items: list[Mapped] = []
    errors: list[IsecgError] = []
    for doc, (facts, failure) in zip(documents, outcomes, strict=True):
        if failure is not None:
            errors.append(
                IsecgError(
                    f"no facts extracted: the extractor failed ({failure})",
                    file=doc.path,
                    hint="please report this document; the rest of the build is complete",
                )
            )
            facts = Extraction()
        items.append(Mapped(doc, facts))
    return items, errors


def _workers(jobs: int) -> int:
    if jobs < PARALLEL_MIN:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return min(cores, 8)


def _in_pool(work, chunks: list, workers: int, tell: Callable[[int], None] | None = None) -> list:
    """``work`` over each chunk in a process pool, results flattened in order; in this
    process when no pool can start. ``tell`` gets the number of results so far."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _registry()  # read once, before the pool forks
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None

    def gather(results) -> list:
        out: list = []
        for chunk in results:
            out.extend(chunk)
            if tell is not None:
                tell(len(out))
        return out

    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
            return gather(pool.map(work, chunks))
    except (OSError, BrokenProcessPool):  # no processes here: do it ourselves
        return gather(work(chunk) for chunk in chunks)


def _read_extract_chunk(files: Sequence[Path]) -> list:
    """``(documents, read error, outcomes)`` for each file."""
    out = []
    for path in files:
        docs, error = _read(path)
        out.append((docs, error, _extract_chunk(docs)))
    return out


@lru_cache(maxsize=1)
def _registry():
    from .registry import Registry

    return Registry.load()


def _extract_chunk(documents: Sequence[Document]) -> list:
    """``(facts, None)`` per document, or ``(None, "Error in module.py:line")`` if it failed."""
    from .extract import extract

    registry = _registry()
    out = []
    for doc in documents:
        try:
            out.append((extract(doc, registry), None))
        except Exception as e:  # a bug in a rule must not cost the other documents
            out.append((None, f"{type(e).__name__} in {_frame(e)}"))
    return out


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
    force: bool = False,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the knowledge graph from source files or folders; write it to ``out`` if given.

    When a source failed and ``out`` already exists, the old file is kept (``result.kept``)
    unless ``force``: a mistyped path must not replace a good graph with a worse one.
    ``progress`` is told how the build goes (``Progress``).
    """
    stage = progress or (lambda *_: None)
    paths = list(sources) or [p for p in (DEFAULT_SOURCES, DEFAULT_RECORDS) if p.exists()]
    if not paths:
        raise IsecgError(
            f"no sources given and no {DEFAULT_SOURCES}/ here", hint="name files or folders"
        )
    if out is not None:
        format_for(out)  # an unknown output format is an error before the work, not after it
    documents, records, items, errors = read_and_extract(paths, progress=progress)
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
        stage("reason", 0, 1)
        inferred, result.inconsistencies = _reason(data, result.ontology)
        result.inferred = Graph(identifier=ids.INFERRED_GRAPH)
        result.inferred += inferred
    if validate:
        from .validate import locate
        from .validate import validate as run_shapes

        stage("validate", 0, 1)
        files = {ids.source(d.id): d.path for d in documents}
        result.report = locate(run_shapes(data, ontology=result.ontology), data, files)
    if out is not None and result.errors and out.exists() and not force:
        result.kept = out
    elif out is not None:
        stage("write", 0, 1)
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
