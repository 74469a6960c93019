"""Build throughput by stage, on a synthetic corpus: documents per second, reference vs scaled.

Stages: load, extract, map (the pipeline's own), then reasoning (owlrl ``reason.infer`` against
``fastreason.fast_infer``), validation (pySHACL over the whole graph against the same shapes in
batches of documents, with only their nodes in focus), export to Turtle and the
refresh of the Oxigraph cache.
"""

from __future__ import annotations

import resource
import shutil
import time
from pathlib import Path

from rdflib import Graph, URIRef


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def build_throughput(
    documents: int, out: Path, *, seed: int = 0, reference: bool = True, reference_max: int = 1000
) -> dict:
    """Time each build stage on ``documents`` synthetic reports; docs/s per stage."""
    from . import store
    from .export import export
    from .extract import extract
    from .fastreason import fast_infer
    from .mapping import Mapped, map_all
    from .pipeline import ontology_graph, read_documents, registry_graph
    from .registry import Registry
    from .synthdocs import write_corpus
    from .validate import validate

    folder = out / f"corpus-{documents}"
    if not folder.exists():
        write_corpus(folder, documents, seed)
    stages: dict[str, float] = {}
    stages["load"], (docs, errors) = _timed(lambda: read_documents([folder]))
    registry = Registry.load()
    stages["extract"], extractions = _timed(lambda: [extract(d, registry) for d in docs])
    stages["map"], graphs = _timed(
        lambda: map_all(Mapped(d, e) for d, e in zip(docs, extractions, strict=True))
    )
    ontology, reg = ontology_graph(), registry_graph()
    data = Graph()
    for g in (reg, *graphs):
        data += g
    stages["reason (fast rules)"], inferred = _timed(lambda: fast_infer(data, ontology))
    small = documents <= reference_max
    if reference and small:
        from .reason import infer

        stages["reason (owlrl, reference)"], _ = _timed(lambda: infer(data, ontology))

    def in_batches(size: int = 250) -> int:
        found = 0
        for i in range(0, len(graphs), size):
            batch = Graph()
            for g in graphs[i : i + size]:
                batch += g
            focus = sorted(s for s in set(batch.subjects()) if isinstance(s, URIRef))
            context = store.record_context(data, batch)
            context += batch
            found += len(validate(context, focus=focus).results)
        return found

    stages["validate (batches of 250 documents, in context)"], _ = _timed(in_batches)
    if reference and small:
        stages["validate (whole graph, reference)"], _ = _timed(lambda: validate(data))
    target = out / f"corpus-{documents}.ttl"
    stages["export (.ttl)"], _ = _timed(lambda: export([ontology, reg, *graphs], target))
    shutil.rmtree(store.cache_path([target]), ignore_errors=True)
    stages["refresh cache"], _ = _timed(lambda: store.refresh(target))
    triples = sum(len(g) for g in graphs)
    return {
        "documents": len(docs),
        "errors": len(errors),
        "triples": triples,
        "inferred": len(inferred),
        "stages": stages,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def build_report(stats: dict) -> str:
    """A Markdown table: seconds and documents per second for each stage, and end to end."""
    n = stats["documents"]
    lines = [
        f"### Build of {n:,} synthetic documents ({stats['triples']:,} triples, "
        f"peak {stats['peak_mb']:.0f} MB)",
        "",
        "| stage | seconds | documents/s |",
        "|---|---|---|",
    ]
    for stage, secs in stats["stages"].items():
        lines.append(f"| {stage} | {secs:.2f} | {n / max(secs, 1e-9):,.0f} |")
    scaled = [s for s in stats["stages"] if "reference" not in s]
    core = [s for s in scaled if not s.startswith("validate")]
    for label, names in (
        ("end to end, scaled path", scaled),
        ("end to end without validation", core),
    ):
        secs = sum(stats["stages"][s] for s in names)
        lines.append(f"| **{label}** | {secs:.2f} | {n / max(secs, 1e-9):,.0f} |")
    return "\n".join(lines) + "\n"
