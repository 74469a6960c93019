"""SPARQL queries run in worker processes that can be killed: a timeout really stops the work.

A query's evaluation runs inside pyoxigraph (Rust) and cannot be interrupted from another
thread, so each query goes to one of ``workers`` processes that hold the graph; a query over its
time is answered at once and its worker killed (SIGKILL) and replaced, while the other workers go
on answering. Each worker opens the data through ``queries.load_data`` (the input policy applies)
and writes the answer itself, within ``max_result_bytes``; the HTTP layer (``server``) only
moves bytes.

Workers are forked from a small server process started once (``forkserver``, with this module
already imported), so a replacement is ready in tens of milliseconds on a small graph. When the
data files change (a rebuild), a new generation of workers opens them; once its first worker
has loaded them, it answers every new query and the old workers stop as they finish. Data that
fails to load leaves the old generation serving.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import multiprocessing
import queue
import signal
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import IsecgError

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "text/plain": "nt"}
CONTENT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
}


@dataclass(frozen=True)
class Answer:
    """What to send back: a status, a content type and the body."""

    status: int
    content_type: str
    body: bytes

    @classmethod
    def error(cls, status: int, message: str) -> Answer:
        """A plain-text error answer of one line."""
        return cls(status, "text/plain; charset=utf-8", (" ".join(message.split()) + "\n").encode())


@dataclass(frozen=True)
class Limits:
    """What one query may use."""

    timeout: float = 10.0  # seconds of evaluation, and of waiting for a free worker
    max_result_bytes: int = 64 * 1024 * 1024
    memory_mb: int = 4096  # each worker's data segment (RLIMIT_DATA); 0: no limit


# -- the worker process ---------------------------------------------------------------------


class _TooLarge(Exception):
    pass


class _Capped(io.RawIOBase):
    """A byte sink that refuses to grow past ``limit``: a huge answer stops while being written."""

    def __init__(self, limit: int) -> None:
        self.limit, self.parts, self.size = limit, [], 0

    def writable(self) -> bool:
        """A sink: always."""
        return True

    def write(self, data) -> int:
        """Keep ``data``, unless the answer would grow past the limit."""
        self.size += len(data)
        if self.size > self.limit:
            raise _TooLarge
        self.parts.append(bytes(data))
        return len(data)

    def value(self) -> bytes:
        """Everything written."""
        return b"".join(self.parts)


def _negotiate(accept: str, fmt: str | None, table: dict[str, str], default: str) -> str:
    if fmt in table.values():
        return fmt
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in table:
            return table[media]
    return default


def _open(paths: Sequence[Path]):
    """The data as a pyoxigraph Store (JSON-LD, read by rdflib, is copied into one)."""
    import pyoxigraph as ox

    from . import store
    from .queries import load_data

    graph = load_data(paths)
    ox_store = store.oxigraph_of(graph)
    if ox_store is None:
        ox_store = ox.Store()
        ox_store.extend(
            ox.Quad(store.to_ox(s), store.to_ox(p), store.to_ox(o), ox.DefaultGraph())
            for s, p, o in graph
        )
    return ox_store


def answer(ox_store, graphs: set[str], text: str, accept: str, fmt: str | None, limit: int):
    """Run one query on a pyoxigraph Store and serialise its answer (in a worker process)."""
    import pyoxigraph as ox

    from . import policy

    try:
        policy.check_query(text)
        policy.check_dataset(text, graphs)
        result = ox_store.query(text)
        sink = _Capped(limit)
        if isinstance(result, ox.QueryTriples):
            kind = _negotiate(accept, fmt, GRAPH_TYPES, "turtle")
            rdf = ox.RdfFormat.TURTLE if kind == "turtle" else ox.RdfFormat.N_TRIPLES
            ox.serialize(result, sink, format=rdf)
        else:
            kind = _negotiate(accept, fmt, RESULT_TYPES, "json")
            result.serialize(sink, format=_result_format(kind))
    except policy.Refused as e:
        return Answer.error(403, e.message)
    except SyntaxError as e:
        return Answer.error(400, f"query does not parse: {e}")
    except _TooLarge:
        return Answer.error(507, f"the answer is over {limit // 1024 // 1024} MB: add a LIMIT")
    except (OSError, ValueError, TypeError, RuntimeError) as e:  # evaluation errors
        return Answer.error(400, f"query failed: {type(e).__name__}: {e}")
    return Answer(200, CONTENT_TYPES[kind], sink.value())


def _result_format(kind: str):
    import pyoxigraph as ox

    f = ox.QueryResultsFormat
    return {"json": f.JSON, "xml": f.XML, "csv": f.CSV, "tsv": f.TSV}[kind]


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when its parent dies (no orphan keeps a core busy)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _worker_main(conn, paths: list[Path], limits: Limits, count: bool) -> None:
    """A worker's life: open the data, say so, then answer queries until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    _die_with_parent()
    if limits.memory_mb:
        import resource

        cap = limits.memory_mb * 1024 * 1024
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
    try:
        ox_store = _open(paths)
        graphs = {g.value for g in ox_store.named_graphs() if hasattr(g, "value")}
        conn.send(("ready", len(ox_store) if count else None))
    except IsecgError as e:
        conn.send(("failed", str(e)))
        return
    except Exception as e:  # the data cannot be served: say why, in one line
        conn.send(("failed", f"cannot load the data: {type(e).__name__}: {e}"))
        return
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        text, accept, fmt = request
        try:
            reply = answer(ox_store, graphs, text, accept, fmt, limits.max_result_bytes)
        except MemoryError:
            reply = Answer.error(507, f"the query needs more than {limits.memory_mb} MB")
        conn.send(reply)


# -- the pool -------------------------------------------------------------------------------


def _stamp(paths: Sequence[Path]) -> tuple | None:
    """What identifies the data files' current contents (None while one is missing)."""
    try:
        return tuple(
            (str(p), st.st_size, st.st_mtime_ns, st.st_ino) for p in paths for st in [p.stat()]
        )
    except OSError:
        return None


@dataclass(eq=False)
class _Generation:
    """Workers serving one version of the data files."""

    stamp: tuple | None
    triples: int | None = None
    retired: bool = False
    workers: set = field(default_factory=set)


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, ctx, paths: list[Path], limits: Limits, generation: _Generation, count):
        parent, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(child, paths, limits, count), daemon=True
        )
        self.process.start()
        child.close()
        self.conn = parent
        self.generation = generation

    def wait_ready(self, timeout: float) -> tuple[str, object]:
        """("ready", triples) or ("failed", reason), once the worker has opened the data."""
        try:
            if self.conn.poll(timeout):
                return self.conn.recv()
        except (EOFError, OSError):
            return "failed", "the worker died while opening the data"
        return "failed", f"the data did not open within {timeout:g} s"

    def stop(self, kill: bool = False) -> None:
        """End the worker: politely when idle, with SIGKILL when it is busy or stuck."""
        with contextlib.suppress(OSError, ValueError):
            if not kill:
                self.conn.send(None)
        if kill:
            with contextlib.suppress(OSError, ValueError):
                self.process.kill()
        self.process.join(0.5 if not kill else 2)
        if self.process.is_alive():
            with contextlib.suppress(OSError, ValueError):
                self.process.kill()
            self.process.join(2)
        self.conn.close()


class QueryPool:
    """Worker processes holding the graph in ``paths``; ``run`` answers one query."""

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        workers: int = 2,
        limits: Limits | None = None,
        log: Callable[[str], None] | None = None,
        open_timeout: float = 600.0,
    ) -> None:
        self.paths = [Path(p) for p in paths]
        self.size = max(1, workers)
        self.limits = limits or Limits()
        self.log = log or (lambda message: None)
        self.open_timeout = open_timeout
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else None
        self.ctx = multiprocessing.get_context(method)
        if method == "forkserver":
            self.ctx.set_forkserver_preload([__name__])
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.lock = threading.Lock()
        self.current: _Generation | None = None
        self.failed_stamp: tuple | None = None
        self.closed = False

    # -- life -------------------------------------------------------------------------------

    def start(self) -> None:
        """Open the data in the first worker (IsecgError if it cannot), then start the rest."""
        generation = self._launch(_stamp(self.paths))
        if generation is None:
            raise IsecgError(self._last_failure)
        self.current = generation
        threads = [self._spawn_later(generation) for _ in range(self.size - 1)]
        for t in threads:
            t.join()

    @property
    def triples(self) -> int | None:
        """How many triples the served graph holds (counted once per load)."""
        return self.current.triples if self.current else None

    def _launch(self, stamp: tuple | None) -> _Generation | None:
        """A new generation whose first worker has opened the data; None if it could not."""
        generation = _Generation(stamp)
        worker = _Worker(self.ctx, self.paths, self.limits, generation, count=True)
        status, value = worker.wait_ready(self.open_timeout)
        if status != "ready":
            worker.stop(kill=True)
            self._last_failure = str(value)
            return None
        generation.triples = value
        generation.workers.add(worker)
        self.idle.put(worker)
        return generation

    def _spawn_later(self, generation: _Generation) -> threading.Thread:
        thread = threading.Thread(target=self._spawn, args=(generation,), daemon=True)
        thread.start()
        return thread

    def _spawn(self, generation: _Generation) -> None:
        """Add a worker to ``generation`` (a replacement, or one of its first ones)."""
        if generation.retired or self.closed:
            return
        worker = _Worker(self.ctx, self.paths, self.limits, generation, count=False)
        status, value = worker.wait_ready(self.open_timeout)
        with self.lock:
            keep = status == "ready" and not generation.retired and not self.closed
            if keep:
                generation.workers.add(worker)
        if keep:
            self.idle.put(worker)
        else:
            worker.stop(kill=True)
            if status != "ready":
                self.log(f"a worker could not open the data: {value}")

    def reload_if_changed(self) -> bool:
        """Serve the data files anew if they changed since they were opened; whether it did."""
        stamp = _stamp(self.paths)
        current = self.current
        if stamp is None or current is None or stamp in (current.stamp, self.failed_stamp):
            return False
        generation = self._launch(stamp)
        if generation is None:
            self.failed_stamp = stamp
            self.log(f"reload failed, still serving the previous graph: {self._last_failure}")
            return False
        with self.lock:
            old, self.current = self.current, generation
            old.retired = True
        for _ in range(self.size - 1):
            self._spawn_later(generation)
        self.log(f"reloaded {', '.join(map(str, self.paths))}: {generation.triples} triples")
        return True

    def watch(self, interval: float = 1.0) -> threading.Thread:
        """Check the data files every ``interval`` seconds in a thread, reloading on change."""

        def loop() -> None:
            while not self.closed:
                time.sleep(interval)
                with contextlib.suppress(Exception):  # a watcher must outlive a bad moment
                    self.reload_if_changed()

        thread = threading.Thread(target=loop, name="isecg-kg-reload", daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        """Stop every worker."""
        self.closed = True
        while True:
            try:
                self.idle.get_nowait().stop()
            except queue.Empty:
                break
        generation = self.current
        if generation is not None:
            for worker in list(generation.workers):
                worker.stop(kill=True)

    # -- queries ----------------------------------------------------------------------------

    def _take(self, deadline: float) -> _Worker | None:
        """An idle worker of the current generation, waiting until ``deadline`` at most."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            try:
                worker = self.idle.get(timeout=remaining)
            except queue.Empty:
                return None
            if not worker.generation.retired:
                return worker
            self._retire(worker)

    def _retire(self, worker: _Worker, kill: bool = False) -> None:
        with self.lock:
            worker.generation.workers.discard(worker)
        worker.stop(kill=kill)

    def _replace(self, worker: _Worker) -> None:
        """Kill a stuck or dead worker and start another in its place."""
        self._retire(worker, kill=True)
        if not worker.generation.retired:
            self._spawn_later(worker.generation)

    def run(self, text: str, accept: str = "", fmt: str | None = None) -> Answer:
        """The answer to one SPARQL query, within the timeout."""
        timeout = self.limits.timeout
        deadline = time.monotonic() + timeout
        while True:
            worker = self._take(deadline)
            if worker is None:
                return Answer.error(
                    503, f"all {self.size} query workers stayed busy for {timeout:g} s; try again"
                )
            try:
                worker.conn.send((text, accept, fmt))
                break
            except (OSError, ValueError):  # it died while idle: replace it, take another
                self._replace(worker)
        try:
            ready = worker.conn.poll(timeout)
            reply = worker.conn.recv() if ready else None
        except (EOFError, OSError):
            self._replace(worker)
            return Answer.error(
                500, f"the query's worker died (over its {self.limits.memory_mb} MB?)"
            )
        if reply is None:
            self._replace(worker)
            return Answer.error(503, f"query stopped: over the {timeout:g} s timeout")
        if worker.generation.retired:
            self._retire(worker)
        else:
            self.idle.put(worker)
        return reply
