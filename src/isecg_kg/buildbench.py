"""Build throughput by stage, on a synthetic corpus: documents per second, reference vs scaled.

Stages, each in this one process: load, extract, map, reasoning (``fastreason`` against owlrl,
the reference), validation of the whole graph (fastshacl against pySHACL, the reference, which
must agree), export to Turtle and the refresh of the Oxigraph cache. Then the build as users
run it: the ``isecg-kg build`` command in a fresh process, end to end (interpreter start,
extraction in worker processes, export, cache warmed), median of ``builds`` runs.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rdflib import Graph


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def build_throughput(
    documents: int,
    out: Path,
    *,
    seed: int = 0,
    reference: bool = True,
    reference_max: int = 1000,
    builds: int = 3,
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
    # The build as users run it: the command in a process of its own. (Timed in this process
    # instead, after the reference runs above, it pays for their garbage in every collection.)
    built = out / f"built-{documents}.ttl"
    command = [sys.executable, "-m", "isecg_kg", "build", str(folder), "--out", str(built), "-q"]
    runs = []
    for _ in range(max(1, builds)):
        shutil.rmtree(store.cache_path([built]), ignore_errors=True)
        shutil.rmtree(store.results_path(store.cache_path([built])), ignore_errors=True)
        seconds, done = _timed(lambda: subprocess.run(command, capture_output=True, text=True))
        if done.returncode not in (0, 1):  # 1: the graph has SHACL violations, still built
            raise RuntimeError(f"isecg-kg build failed: {done.stderr.strip()}")
        runs.append(seconds)
    return {
        "documents": len(docs),
        "errors": len(errors),
        "triples": triples,
        "inferred": len(inferred),
        "stages": stages,
        "build_s": statistics.median(runs),
        "build_runs_s": runs,
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
    secs, runs = stats["build_s"], stats.get("build_runs_s", [stats["build_s"]])
    spread = f" ({min(runs):.2f}–{max(runs):.2f}, n={len(runs)})" if len(runs) > 1 else ""
    lines.append(
        f"| **`isecg-kg build`, end to end, own process** | {secs:.2f}{spread} "
        f"| **{n / secs:,.0f}** |"
    )
    return "\n".join(lines) + "\n"
