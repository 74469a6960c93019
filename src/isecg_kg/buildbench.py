"""Build throughput by stage, on a synthetic corpus: documents per second, reference vs scaled.

Stages, each in this one process: load, extract, map, reasoning (``fastreason`` against owlrl,
the reference), validation of the whole graph (fastshacl against pySHACL, the reference, which
must agree), export to Turtle and the refresh of the Oxigraph cache. Then the build as
``isecg-kg build`` runs it, end to end (extraction in worker processes).
"""

from __future__ import annotations

import resource
import shutil
import time
from pathlib import Path

from rdflib import Graph


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
    from .pipeline import build, ontology_graph, read_documents, registry_graph
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

    stages["validate (fastshacl, whole graph)"], fast = _timed(
        lambda: validate(data, ontology=ontology, engine="fast")
    )
    if reference and small:
        stages["validate (pySHACL, whole graph, reference)"], slow = _timed(
            lambda: validate(data, ontology=ontology, engine="pyshacl")
        )
        if slow.results != fast.results:
            raise AssertionError("fastshacl and pySHACL disagree on the synthetic corpus")
    target = out / f"corpus-{documents}.ttl"
    stages["export (.ttl)"], _ = _timed(lambda: export([ontology, reg, *graphs], target))
    shutil.rmtree(store.cache_path([target]), ignore_errors=True)
    stages["refresh cache"], _ = _timed(lambda: store.refresh(target))
    triples = sum(len(g) for g in graphs)
    # The build as users run it: reading and extraction in worker processes, one merge, the
    # cache warmed for the first query.
    built = out / f"built-{documents}.ttl"
    shutil.rmtree(store.cache_path([built]), ignore_errors=True)
    shutil.rmtree(store.results_path(store.cache_path([built])), ignore_errors=True)
    end_to_end, _ = _timed(lambda: build([folder], out=built))
    return {
        "documents": len(docs),
        "errors": len(errors),
        "triples": triples,
        "inferred": len(inferred),
        "stages": stages,
        "build_s": end_to_end,
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
    secs = sum(stats["stages"][s] for s in scaled)
    lines.append(f"| sum of the stages above, one process | {secs:.2f} | {n / secs:,.0f} |")
    secs = stats["build_s"]
    lines.append(f"| **`isecg-kg build`, end to end** | {secs:.2f} | **{n / secs:,.0f}** |")
    return "\n".join(lines) + "\n"
