"""The endpoint under load, on loopback only: ``python -m isecg_kg.loadtest``.

Starts ``isecg-kg serve`` on a free loopback port over a graph (by default the seeds, built into
a temporary folder), then:

1. **load**: ``--requests`` queries (the saved queries without parameters, a count, an ASK;
   GET and POST alternately) from ``--clients`` threads, each request on a new connection
   (``--keep-alive``: one connection per client), and reports latency percentiles, throughput,
   errors and the kernel's listen-queue drops during the run;
2. **timeout**: one query far over the server's ``--timeout`` (a three-way cross join), and
   quick queries from 8 clients meanwhile: when the long one is answered, and how the others fared.

Every request loop is bounded in count and time and the server is stopped at the end. Results go
to stdout (Markdown) and ``--out`` (JSON); docs/SERVER.md has the figures of this machine.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ASK = "ASK { ?s a ?type }"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CLIENT_TIMEOUT = 60.0  # seconds a client waits for one answer before counting an error


def _listen_drops() -> int | None:
    """The kernel's count of connections dropped for a full listen queue (all sockets)."""
    try:
        lines = Path("/proc/net/netstat").read_text().splitlines()
    except OSError:
        return None
    for names, values in zip(lines[::2], lines[1::2], strict=False):
        if names.startswith("TcpExt:"):
            table = dict(zip(names.split()[1:], map(int, values.split()[1:]), strict=False))
            return table.get("ListenDrops", 0) + table.get("ListenOverflows", 0)
    return None


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def _summary(latencies: list[float]) -> dict[str, float]:
    ms = [x * 1000 for x in latencies]
    if not ms:
        return {}
    return {
        "p50_ms": _percentile(ms, 50),
        "p90_ms": _percentile(ms, 90),
        "p99_ms": _percentile(ms, 99),
        "max_ms": max(ms),
        "mean_ms": statistics.fmean(ms),
    }


class _Client:
    """One client thread's connection (reopened per request unless ``keep_alive``)."""

    def __init__(self, port: int, keep_alive: bool) -> None:
        self.port, self.keep_alive, self.conn = port, keep_alive, None

    def ask(self, text: str, post: bool) -> tuple[int, float]:
        """Send one query; (status, 0 on a failed connection; seconds)."""
        started = time.perf_counter()
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=CLIENT_TIMEOUT)
        try:
            if post:
                body = urlencode({"query": text})
                headers = {"Content-Type": "application/x-www-form-urlencoded"}
                self.conn.request("POST", "/sparql", body=body, headers=headers)
            else:
                self.conn.request("GET", "/sparql?query=" + quote(text))
            response = self.conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0
            self.close()
        if not self.keep_alive:
            self.close()
        return status, time.perf_counter() - started

    def close(self) -> None:
        """Close the connection, if open."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def load(port: int, texts: list[str], requests: int, clients: int, keep_alive: bool) -> dict:
    """``requests`` queries from ``clients`` threads; latencies, errors and throughput."""
    lock = threading.Lock()
    counter = iter(range(requests))
    results: list[tuple[int, float, int]] = []

    def work() -> None:
        client = _Client(port, keep_alive)
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                break
            status, took = client.ask(texts[n % len(texts)], post=n % 2 == 1)
            with lock:
                results.append((status, took, n))
        client.close()

    drops = _listen_drops()
    started = time.perf_counter()
    threads = [threading.Thread(target=work) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    after = _listen_drops()
    errors = [s for s, _, _ in results if s != 200]
    return {
        "requests": len(results),
        "clients": clients,
        "keep_alive": keep_alive,
        "seconds": wall,
        "per_second": len(results) / wall,
        "errors": len(errors),
        "statuses": sorted({s for s, _, _ in results}),
        "listen_drops": None if drops is None or after is None else after - drops,
        **_summary([t for _, t, _ in results]),
    }


def timeout_case(port: int, timeout: float, clients: int = 8) -> dict:
    """A query far over the timeout, and quick ones from ``clients`` threads meanwhile."""
    long: dict = {}
    quick: list[tuple[int, float]] = []
    done = threading.Event()

    def long_query() -> None:
        status, took = _Client(port, False).ask(CROSS, post=False)
        long.update(status=status, seconds=took)
        done.set()

    def quick_queries() -> None:
        client = _Client(port, True)
        for _ in range(10_000):  # bounded; ends when the long query is answered
            if done.is_set():
                break
            quick.append(client.ask(ASK, post=False))
        client.close()

    runner = threading.Thread(target=long_query)
    runner.start()
    time.sleep(0.1)
    threads = [threading.Thread(target=quick_queries) for _ in range(clients)]
    for t in threads:
        t.start()
    runner.join()
    for t in threads:
        t.join()
    return {
        "timeout": timeout,
        "long_status": long["status"],
        "long_seconds": long["seconds"],
        "quick_answered": len(quick),
        "quick_errors": sum(1 for s, _ in quick if s != 200),
        **{f"quick_{k}": v for k, v in _summary([t for _, t in quick]).items()},
    }


def _build(folder: Path) -> Path:
    sources = Path("data/sources")
    if not sources.is_dir():
        raise SystemExit("loadtest: no data/sources/ here: run it in a checkout, or give --data")
    out = folder / "isecg.ttl"
    run = subprocess.run(
        [sys.executable, "-m", "isecg_kg", "build", str(sources), "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode not in (0, 1) or not out.exists():
        raise SystemExit(f"loadtest: the build failed: {run.stderr.strip()}")
    return out


def _start(data: Path, timeout: float, workers: int | None) -> tuple[subprocess.Popen, int]:
    command = [sys.executable, "-m", "isecg_kg", "serve", "--data", str(data), "--port", "0"]
    command += ["--timeout", str(timeout), "--no-access-log"]
    if workers:
        command += ["--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/sparql", line)
    if m is None:
        server.kill()
        raise SystemExit(f"loadtest: the server did not start: {server.stderr.read().strip()}")
    return server, int(m.group(1))


def _texts() -> list[str]:
    from .queries import list_queries

    return [q.text for q in list_queries() if not q.params] + [COUNT, ASK]


def markdown(report: dict) -> str:
    """The report as the tables of docs/SERVER.md."""
    a, t = report["load"], report["timeout"]
    return "\n".join(
        [
            f"Load: {a['requests']} requests from {a['clients']} clients "
            f"({'keep-alive' if a['keep_alive'] else 'a new connection per request'}), "
            f"{report['queries']} different queries, {report['triples']} triples, "
            f"{report['workers']} workers.",
            "",
            "| p50 | p90 | p99 | max | p99 / p50 | requests/s | errors | listen drops |",
            "|---|---|---|---|---|---|---|---|",
            f"| {a['p50_ms']:.1f} ms | {a['p90_ms']:.1f} ms | {a['p99_ms']:.1f} ms | "
            f"{a['max_ms']:.1f} ms | {a['p99_ms'] / a['p50_ms']:.1f} | {a['per_second']:.0f} | "
            f"{a['errors']} | {a['listen_drops']} |",
            "",
            f"Timeout {t['timeout']:g} s: the cross join was answered {t['long_status']} after "
            f"{t['long_seconds']:.2f} s; meanwhile {t['quick_answered']} quick queries from 8 "
            f"clients, {t['quick_errors']} errors, p50 {t.get('quick_p50_ms', 0):.1f} ms, "
            f"p99 {t.get('quick_p99_ms', 0):.1f} ms.",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Run the load and timeout cases against a server started here; 0 if the targets hold."""
    parser = argparse.ArgumentParser(prog="python -m isecg_kg.loadtest", description=__doc__)
    parser.add_argument("--data", type=Path, help="graph to serve (default: the seeds, built)")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--keep-alive", action="store_true")
    parser.add_argument("--timeout", type=float, default=2.0, help="the server's query timeout")
    parser.add_argument("--workers", type=int, help="the server's workers (default: its own)")
    parser.add_argument("--out", type=Path, default=Path("build/loadtest.json"))
    args = parser.parse_args(argv)
    if not 0 < args.requests <= 100_000 or not 0 < args.clients <= 512:
        parser.error("--requests must be 1-100000 and --clients 1-512 (a bounded test)")
    with tempfile.TemporaryDirectory(prefix="isecg-kg-load-") as tmp:
        data = args.data or _build(Path(tmp))
        server, port = _start(data, args.timeout, args.workers)
        try:
            texts = _texts()
            warm = _Client(port, False)
            for text in texts:  # every query once, so the run measures answers, not first runs
                warm.ask(text, post=False)
            report = {
                "data": str(data),
                "queries": len(texts),
                "workers": args.workers or "default",
                "triples": _count(port),
                "load": load(port, texts, args.requests, args.clients, args.keep_alive),
                "timeout": timeout_case(port, args.timeout),
            }
        finally:
            server.terminate()
            server.wait(10)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(markdown(report))
    a, t = report["load"], report["timeout"]
    held = (
        a["errors"] == 0
        and a["p99_ms"] <= 10 * a["p50_ms"]
        and t["long_status"] == 503
        and t["long_seconds"] <= t["timeout"] + 1
        and t["quick_errors"] == 0
    )
    print(f"\ntargets {'met' if held else 'NOT met'} (details: {args.out})")
    return 0 if held else 1


def _count(port: int) -> int | None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=CLIENT_TIMEOUT)
    try:
        conn.request("GET", "/sparql?query=" + quote(COUNT))
        body = json.loads(conn.getresponse().read())
        return int(body["results"]["bindings"][0]["n"]["value"])
    except (OSError, ValueError, KeyError, http.client.HTTPException):
        return None
    finally:
        conn.close()


if __name__ == "__main__":
    sys.exit(main())
