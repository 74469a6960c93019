"""Benchmark, on demand: isecg-kg's engine against rdflib's default store and plain pyoxigraph.

``python -m isecg_kg.bench --meetings 1000 10000`` generates synthetic graphs (``synth``), then
measures, each engine in a fresh process so that peak memory is its own: time to open the built
graph, every saved query's latency (median and spread over repeats), validating one new meeting
record, and peak memory; and the build's throughput by stage on a synthetic document corpus.
The report is a Markdown table with ratios against rdflib's default store and pyoxigraph.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph
from rdflib.term import Node

from . import store, synth
from .sparqltext import inject_values

ENGINES = ("isecg", "pyoxigraph", "pyoxigraph-disk", "rdflib")
TARGETS = {"param": 0.050, "whole": 2.0, "open": 5.0, "validate": 1.0, "memory_mb": 2048}


class TimedOut(Exception):
    """A run went past its budget (the baseline on a large graph)."""


def _alarm(signum: int, frame: object) -> None:
    raise TimedOut


def timed(fn: Callable[[], object], reps: int, budget: float = 1e9) -> tuple[list[float], object]:
    """Run ``fn`` up to ``reps`` times (at least once, fewer past ``budget`` seconds); a run
    still going after ``budget`` seconds is stopped and recorded as taking ``budget``."""
    times, result, start = [], None, time.perf_counter()
    old = signal.signal(signal.SIGALRM, _alarm)
    try:
        for _ in range(reps):
            t = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, budget)
            try:
                result = fn()
            except TimedOut:
                times.append(budget)
                return times, "timed out"
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(time.perf_counter() - t)
            if time.perf_counter() - start > budget:
                break
    finally:
        signal.signal(signal.SIGALRM, old)
    return times, result


def summary(times: list[float]) -> dict[str, float]:
    """Median, min, max and count of a list of durations."""
    return {
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "n": len(times),
    }


def raw_parameters(meetings: int, seed: int) -> dict[str, str]:
    """Sensible parameter values for the synthetic world: a meeting in the middle of the
    timeline with many participants, its date, and an agency of median activity."""
    world = synth.make_world(meetings, seed)
    dated = [m for m in world.meetings if m.value and len(m.value) == 10]
    middle = max(dated[len(dated) // 2 : len(dated) // 2 + 50], key=lambda m: len(m.participants))
    counts: dict[str, int] = {}
    for m in world.meetings:
        for a in m.participants:
            counts[a] = counts.get(a, 0) + 1
    agency = sorted(counts, key=lambda a: (counts[a], a))[len(counts) // 2]
    return {"meeting": middle.iri, "date": middle.value, "agency": agency, "about": middle.iri}


def _saved():
    from .queries import list_queries

    return list_queries()


def bindings_for(query, graph, raw: dict[str, str]) -> dict[str, Node]:
    """The saved query's parameters bound from ``raw`` (required ones, else a date)."""
    from .queries import bind_params

    wanted = {p.name: raw[p.name] for p in query.params if p.name in raw and p.required}
    if not wanted:
        wanted = {p.name: raw[p.name] for p in query.params if p.name in raw and p.kind == "date"}
    return bind_params(query, graph, wanted)


def _record_graph(meetings: int, seed: int) -> Graph:
    g = Graph()
    g.parse(data=synth.new_record(meetings, seed), format="nt")
    return g


def _validate(graph, record: Graph, whole: bool) -> int:
    """Validate a new record in the context of ``graph``, as ``isecg-kg validate`` does
    (``records.check_graphs``); returns the number of results."""
    from .records import check_graphs
    from .validate import validate

    if whole:
        data = Graph()
        for t in graph:
            data.add(t)
        data += record
        return len(validate(data, focus=None).results)
    return len(check_graphs([record], graph).report.results)


def child(
    engine: str,
    path: Path,
    meetings: int,
    seed: int,
    reps: int,
    budget: float,
    validate_whole: bool,
) -> dict:
    """One engine's measurements, run in its own process."""
    out: dict = {"engine": engine, "queries": {}}
    if engine == "isecg-cold":
        shutil.rmtree(store.cache_path([path]), ignore_errors=True)
        times, _ = timed(lambda: store.open_graph([path], cache=True), 1)
        out["open"] = summary(times)
        out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return out
    if engine == "isecg":
        times, graph = timed(lambda: store.open_graph([path]), reps)
    elif engine == "pyoxigraph":
        import pyoxigraph as ox

        def load():
            s = ox.Store()
            s.load(path=str(path), format=ox.RdfFormat.TURTLE)
            return s

        times, graph = timed(load, 1)
    elif engine == "pyoxigraph-disk":
        # The same on-disk store isecg-kg opens (built by the cold run), queried by pyoxigraph
        # itself: what isecg-kg's own layer costs, apart from where the data lies.
        times, graph = timed(lambda: store.open_store([path], cache=True), reps)
    else:
        times, graph = timed(lambda: Graph().parse(path, format="turtle"), 1)
    out["open"] = summary(times)
    resolver = graph if not engine.startswith("pyoxigraph") else store.open_graph([path])
    raw = raw_parameters(meetings, seed)
    for q in _saved():
        bindings = bindings_for(q, resolver, raw)
        run = _runner(engine, graph, q.text, bindings)
        times, rows = timed(run, reps if engine != "rdflib" else max(1, reps // 3), budget)
        out["queries"][q.name] = {
            **summary(times),
            "rows": rows,
            "first": times[0],
            "params": {k: str(v) for k, v in bindings.items()},
        }
        gc.collect()
    if not engine.startswith("pyoxigraph") and (engine == "isecg" or validate_whole):
        record = _record_graph(meetings, seed)
        times, results = timed(
            lambda: _validate(graph, record, engine == "rdflib"), 3 if engine == "isecg" else 1
        )
        out["validate"] = {**summary(times), "results": results}
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _runner(engine: str, graph, text: str, bindings: dict[str, Node]) -> Callable[[], int]:
    if engine == "isecg":
        return lambda: len(store.select(graph, text, bindings)[1])
    if engine == "rdflib":
        return lambda: len(list(graph.query(text, initBindings=bindings)))
    direct = inject_values(text, bindings, term=lambda t: str(store.to_ox(t)))
    return lambda: len([list(s) for s in graph.query(direct)])


def _spawn(args: list[str]) -> dict:
    cmd = [sys.executable, "-m", "isecg_kg.bench", "--child", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:] or ["failed"]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def benchmark(
    meetings: int,
    out: Path,
    *,
    seed: int = 0,
    reps: int = 7,
    budget: float = 120,
    engines: tuple[str, ...] = ENGINES,
    validate_whole_max: int = 60_000,
) -> dict:
    """Measure every engine on the synthetic graph of ``meetings`` meetings; results as a dict."""
    path = out / f"synth-{meetings}.ttl"
    gen = time.perf_counter()
    if not path.exists():
        lines = synth.write_graph(path, meetings, seed)
    else:
        lines = sum(1 for _ in path.open(encoding="utf-8"))
    result = {
        "meetings": meetings,
        "triples_written": lines,
        "generate_s": time.perf_counter() - gen,
        "engines": {},
    }
    common = [
        str(path),
        str(meetings),
        str(seed),
        str(reps),
        str(budget),
        "1" if lines <= validate_whole_max else "0",
    ]
    for engine in ("isecg-cold", *engines):
        result["engines"][engine] = _spawn([engine, *common])
    return result


def _fmt(x: float | None) -> str:
    if x is None:
        return "–"
    return f"{x * 1000:.1f} ms" if x < 1 else f"{x:.2f} s"


def _cell(m: dict | None) -> str:
    if not m or "median" not in m:
        return "–"
    if m.get("rows") == "timed out" or m.get("results") == "timed out":
        return f"> {_fmt(m['median'])} (stopped)"
    if m["n"] == 1:
        return _fmt(m["median"])
    return f"{_fmt(m['median'])} ({_fmt(m['min'])}–{_fmt(m['max'])}, n={m['n']})"


def _ratio(base: dict | None, ours: dict | None) -> str:
    if not base or not ours or "median" not in base or "median" not in ours:
        return "–"
    bound = "> " if base.get("rows") == "timed out" else ""
    return f"{bound}{base['median'] / max(ours['median'], 1e-9):.1f}×"


def _over(ours: dict | None, base: dict | None) -> str:
    if not ours or not base or "median" not in ours or "median" not in base:
        return "–"
    return f"{ours['median'] / max(base['median'], 1e-9):.2f}"


def report(result: dict) -> str:
    """A Markdown table of one size's results: isecg, rdflib (speed-up), pyoxigraph in memory
    and on the on-disk store isecg-kg builds (ours / theirs)."""
    e = result["engines"]
    ours, rdf, pox, disk, cold = (
        e.get(k, {}) for k in ("isecg", "rdflib", "pyoxigraph", "pyoxigraph-disk", "isecg-cold")
    )
    lines = [
        f"### {result['meetings']:,} meetings ({result['triples_written']:,} triples written)",
        "",
        "| measure | isecg-kg | rdflib default | speed-up vs rdflib | pyoxigraph (memory) "
        "| isecg / pyoxigraph (memory) | pyoxigraph (on disk) | isecg / pyoxigraph (on disk) "
        "| target |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    lines.append(
        f"| open built graph | {_cell(ours.get('open'))} | {_cell(rdf.get('open'))} | "
        f"{_ratio(rdf.get('open'), ours.get('open'))} | {_cell(pox.get('open'))} | – | "
        f"{_cell(disk.get('open'))} | – | "
        f"≤ 5 s (first open, cache build: {_cell(cold.get('open'))}) |"
    )
    whole = {
        "meetings",
        "membership-growth",
        "agencies",
        "chairs",
        "joins",
        "roadmaps",
        "sources",
        "unregistered",
    }
    for name in sorted(ours.get("queries", {})):
        o, r, p, d = (x.get("queries", {}).get(name) for x in (ours, rdf, pox, disk))
        target = "≤ 2 s" if name in whole else "≤ 50 ms"
        rows = o.get("rows") if o else None
        if o and not o.get("params") and o.get("first", 0) > 2 * o["median"]:
            rows = f"{rows} rows, first run {_fmt(o['first'])}, then from the result cache"
        else:
            rows = f"{rows} rows"
        lines.append(
            f"| query `{name}` ({rows}) | {_cell(o)} | {_cell(r)} | {_ratio(r, o)} "
            f"| {_cell(p)} | {_over(o, p)} | {_cell(d)} | {_over(o, d)} "
            f"| {target}, ≥ 20×, ≤ 2 |"
        )
    lines.append(
        f"| validate one new meeting record | {_cell(ours.get('validate'))} | "
        f"{_cell(rdf.get('validate'))} | {_ratio(rdf.get('validate'), ours.get('validate'))}"
        " | – | – | – | – | ≤ 1 s |"
    )
    mem = [
        f"{x.get('peak_mb', 0):.0f} MB" if x.get("peak_mb") else "–" for x in (ours, rdf, pox, disk)
    ]
    lines.append(
        f"| peak memory (query process) | {mem[0]} | {mem[1]} | – | {mem[2]} | – | {mem[3]} "
        "| – | ≤ 2 GB |"
    )
    lines.append(
        f"| peak memory (first open, cache build) | {cold.get('peak_mb', 0):.0f} MB | – | – "
        "| – | – | – | – | ≤ 2 GB |"
    )
    for name, x in e.items():
        if "error" in x:
            lines.append(f"\n{name} failed: {x['error']}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m isecg_kg.bench --meetings 1000 10000 [--out build/bench]``."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        engine, path, meetings, seed, reps, budget, whole = argv[1:8]
        print(
            json.dumps(
                child(
                    engine,
                    Path(path),
                    int(meetings),
                    int(seed),
                    int(reps),
                    float(budget),
                    whole == "1",
                )
            )
        )
        return 0
    ap = argparse.ArgumentParser(prog="isecg-kg-bench", description=__doc__.splitlines()[0])
    ap.add_argument(
        "--meetings",
        type=int,
        nargs="*",
        default=[1000],
        help="graph sizes to query (none: only the build benchmark)",
    )
    ap.add_argument("--out", type=Path, default=Path("build/bench"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--budget", type=float, default=120, help="seconds per query and engine")
    ap.add_argument("--engines", nargs="+", default=list(ENGINES), choices=ENGINES)
    ap.add_argument(
        "--build-docs", type=int, nargs="*", default=[], help="also time builds of N documents"
    )
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for n in args.meetings:
        result = benchmark(
            n,
            args.out,
            seed=args.seed,
            reps=args.reps,
            budget=args.budget,
            engines=tuple(args.engines),
        )
        (args.out / f"bench-{n}.json").write_text(json.dumps(result, indent=2))
        print(report(result), flush=True)
    for docs in args.build_docs:
        from .buildbench import build_report, build_throughput

        stats = build_throughput(docs, args.out, seed=args.seed)
        (args.out / f"build-{docs}.json").write_text(json.dumps(stats, indent=2))
        print(build_report(stats), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
