"""A read-only SPARQL 1.1 Protocol endpoint over the graph, with a query page for people.

The HTTP layer is the standard library's threaded server, hardened (docs/SERVER.md says why
rather than an ASGI stack): a listen backlog of 1024, a cap on open connections, a read timeout
on every socket, a cap on the request body (413), a 4xx answer to every malformed request, HEAD
and OPTIONS with configurable CORS headers, and an access log line per request. Queries run in
``querypool`` worker processes, so a query over its timeout is stopped for real while the others
keep being answered, and a rebuilt graph file is served as soon as it is loaded.
"""

from __future__ import annotations

import contextlib
import html
import socket
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TextIO
from urllib.parse import parse_qs, quote, urlsplit

from . import policy
from .querypool import Answer, Limits, QueryPool

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>isecg-kg SPARQL</title>
<style>body{{font:15px system-ui,sans-serif;margin:2em;max-width:60em}}
textarea{{width:100%;height:14em;font:13px monospace}}li{{margin:.2em 0}}</style></head>
<body><h1>ISECG knowledge graph</h1>
<p>A read-only SPARQL 1.1 endpoint: <code>GET</code> or <code>POST /sparql?query=...</code>.
{triples} triples.</p>
<form action="/sparql" method="get">
<textarea name="query">{query}</textarea>
<p><label>Results as <select name="format"><option>json</option><option>csv</option>
<option>tsv</option></select></label> <button>Run</button></p></form>
<h2>Saved queries</h2><ul>{saved}</ul></body></html>
"""

EXAMPLE = """PREFIX isecg: <https://w3id.org/isecg/ontology#>
SELECT ?meeting ?date WHERE { ?meeting a isecg:Meeting . OPTIONAL { ?meeting isecg:date ?date } }
ORDER BY ?date"""

ALLOWED = "GET, HEAD, POST, OPTIONS"
_MAX_FIELDS = 32  # query-string or form fields in one request


@dataclass
class Config:
    """How the endpoint behaves; every field has a ``serve`` option."""

    timeout: float = 10.0  # per query, seconds
    workers: int = 2
    read_timeout: float = 10.0  # per socket read, seconds
    max_request_bytes: int = 1024 * 1024
    max_result_bytes: int = 64 * 1024 * 1024
    worker_memory_mb: int = 4096
    max_connections: int = 256
    cors_origins: list[str] = field(default_factory=lambda: ["*"])  # [] for none
    reload_interval: float = 1.0  # 0: do not watch the data files
    access_log: TextIO | None = None

    def limits(self) -> Limits:
        """The limits of one query, for the worker pool."""
        return Limits(self.timeout, self.max_result_bytes, self.worker_memory_mb)


class _Log:
    """One line per request, safe to write from many threads; control characters escaped."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream, self.lock = stream, threading.Lock()

    def write(self, line: str) -> None:
        """Append one line (escaped) and flush it."""
        if self.stream is None:
            return
        text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in line)
        with self.lock:
            try:
                self.stream.write(text + "\n")
                self.stream.flush()
            except (OSError, ValueError):
                pass  # a closed log must not take the server down


class Handler(BaseHTTPRequestHandler):
    """One connection: requests read within the limits, queries handed to the pool."""

    server: Server
    server_version = "isecg-kg"
    protocol_version = "HTTP/1.1"  # keep-alive; every answer has a Content-Length
    disable_nagle_algorithm = True  # TCP_NODELAY: an answer leaves when it is written
    default_request_version = "HTTP/1.0"  # an unreadable request line still gets a status line

    def setup(self) -> None:
        """Apply the read timeout to the socket before anything is read."""
        self.timeout = self.server.config.read_timeout
        super().setup()
        self.requestline = ""
        self._started = time.monotonic()
        self._status = 0
        self._sent = 0

    # -- answers ----------------------------------------------------------------------------

    def _cors(self) -> None:
        origins = self.server.config.cors_origins
        if "*" in origins:
            self.send_header("Access-Control-Allow-Origin", "*")
            return
        origin = self.headers.get("Origin") if self.headers else None
        if origin and origin in origins:
            self.send_header("Access-Control-Allow-Origin", origin)
        if origins:
            self.send_header("Vary", "Origin")

    def _send(self, answer: Answer, *, body: bool = True, close: bool = False) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self._cors()
        if answer.status >= 400 and answer.status != 404:
            self.send_header("Cache-Control", "no-store")
        if close:
            self.close_connection = True
        if self.close_connection:
            self.send_header("Connection", "close")
        self._write_headers(answer.body if body else b"")
        self._sent = len(answer.body) if body else 0
        self._log()

    def _write_headers(self, body: bytes) -> None:
        """The headers and the body in one write: two small writes on one connection wait on
        the client's delayed ACK (~40 ms) however fast the answer was."""
        self._headers_buffer.append(b"\r\n")
        self._headers_buffer.append(body)
        self.wfile.write(b"".join(self._headers_buffer))
        self._headers_buffer = []

    def _error(self, status: int, message: str, *, close: bool = False) -> None:
        self._send(Answer.error(status, message), body=self.command != "HEAD", close=close)

    def send_response(self, code: int, message: str | None = None) -> None:
        """Remember the status for the access log (http.server logs before the size is known)."""
        self._status = code
        self.send_response_only(code, message)
        self.send_header("Server", self.version_string())
        self.send_header("Date", self.date_time_string())

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        """http.server's own errors (bad request line, too many headers) as plain text."""
        self.close_connection = True
        reason = message or HTTPStatus(code).phrase
        if code == HTTPStatus.NOT_IMPLEMENTED:
            reason = f"method {self.command!r} is not supported (allowed: {ALLOWED})"
        self._send(Answer.error(code, reason), body=self.command != "HEAD", close=True)

    def _log(self) -> None:
        took = (time.monotonic() - self._started) * 1000
        line = (self.requestline or "")[:400]
        self.server.log.write(
            f"{self.address_string()} - - [{self.log_date_time_string()}] "
            f'"{line}" {self._status} {self._sent} {took:.1f}ms'
        )
        self.requestline, self._status, self._sent = "", 0, 0

    def log_message(self, format: str, *args: object) -> None:
        """Everything is logged by ``_log``, once per answer."""

    def log_error(self, format: str, *args: object) -> None:
        """http.server's one silent case: a read timed out. Mid-request, say so (408); an idle
        kept-alive connection is just closed."""
        if format.startswith("Request timed out") and self.requestline:
            with contextlib.suppress(OSError):
                self._error(HTTPStatus.REQUEST_TIMEOUT, "the request came too slowly", close=True)

    def parse_request(self) -> bool:
        """Time each request from its first line; skip empty lines before it (RFC 9112 2.2)."""
        self._started = time.monotonic()
        for _ in range(8):
            if self.raw_requestline not in (b"\r\n", b"\n"):
                break
            self.raw_requestline = self.rfile.readline(65537)
        if not self.raw_requestline:
            self.close_connection = True
            return False
        if len(self.raw_requestline) > 65536:
            self.requestline, self.request_version, self.command = "", "HTTP/1.0", None
            self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG)
            return False
        return super().parse_request()

    # -- methods ----------------------------------------------------------------------------

    def do_GET(self) -> None:
        """The page, or a query in the URL."""
        self._get(body=True)

    def do_HEAD(self) -> None:
        """As GET, without the body."""
        self._get(body=False)

    def _get(self, body: bool) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(self.server.page(), body=body)
        elif url.path == "/sparql":
            params = self._fields(url.query)
            if params is not None:
                self._answer(params, body=body)
        else:
            self._error(HTTPStatus.NOT_FOUND, "not found: try / or /sparql")

    def do_OPTIONS(self) -> None:
        """A CORS preflight (or a plain OPTIONS): what the endpoint allows."""
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Allow", ALLOWED)
        self._cors()
        if self.server.config.cors_origins:
            self.send_header("Access-Control-Allow-Methods", ALLOWED)
            self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")
            self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()
        self._log()

    def _not_allowed(self) -> None:
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", ALLOWED)
        body = b"this endpoint is read-only: GET, HEAD, POST (queries) or OPTIONS\n"
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self._cors()
        self.close_connection = True
        self.send_header("Connection", "close")
        self._write_headers(body)
        self._sent = len(body)
        self._log()

    do_PUT = do_DELETE = do_PATCH = do_TRACE = do_CONNECT = _not_allowed

    def do_POST(self) -> None:
        """A query as the body (``application/sparql-query``) or as a form field."""
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, "not found: try /sparql", close=True)
            return
        body = self._body()
        if body is None:
            return
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = self._fields(url.query)
        if params is None:
            return
        if ctype == "application/sparql-query":
            try:
                params["query"] = [*params.get("query", []), body.decode("utf-8")]
            except UnicodeDecodeError:
                self._error(HTTPStatus.BAD_REQUEST, "the query is not UTF-8")
                return
        elif ctype == "application/x-www-form-urlencoded":
            form = self._fields(body)
            if form is None:
                return
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        elif ctype == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
            return
        else:
            self._error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"unsupported Content-Type {ctype!r}: send application/sparql-query "
                "or application/x-www-form-urlencoded",
            )
            return
        self._answer(params, body=True)

    # -- reading ----------------------------------------------------------------------------

    def _body(self) -> bytes | None:
        """The request body within the size limit and the read timeout; None once answered."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self._error(HTTPStatus.LENGTH_REQUIRED, "send a Content-Length", close=True)
            return None
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            self._error(HTTPStatus.LENGTH_REQUIRED, "send a Content-Length", close=True)
            return None
        values = {v.strip() for v in lengths}
        if len(values) != 1 or not next(iter(values)).isdigit():
            self._error(HTTPStatus.BAD_REQUEST, f"bad Content-Length {lengths!r}", close=True)
            return None
        length = int(next(iter(values)))
        limit = self.server.config.max_request_bytes
        if length > limit:
            self._error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"the request body is over {limit} bytes",
                close=True,
            )
            return None
        try:
            data = self.rfile.read(length)
        except TimeoutError:
            self._error(HTTPStatus.REQUEST_TIMEOUT, "the request body came too slowly", close=True)
            return None
        if len(data) != length:
            self._error(HTTPStatus.BAD_REQUEST, "the body is shorter than its Content-Length")
            self.close_connection = True
            return None
        return data

    def _fields(self, raw: str | bytes) -> dict[str, list[str]] | None:
        """Query-string or form fields; a malformed encoding is answered with 400."""
        try:
            text = raw.decode("ascii") if isinstance(raw, bytes) else raw
            return parse_qs(text, errors="strict", max_num_fields=_MAX_FIELDS)
        except (UnicodeDecodeError, ValueError) as e:
            self._error(HTTPStatus.BAD_REQUEST, f"malformed parameters: {e}")
            return None

    # -- queries ----------------------------------------------------------------------------

    def _answer(self, params: dict[str, list[str]], *, body: bool) -> None:
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
            return
        queries = params.get("query") or []
        if len(queries) != 1:
            self._error(HTTPStatus.BAD_REQUEST, "give exactly one 'query' parameter")
            return
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            self._error(
                HTTPStatus.BAD_REQUEST,
                "default-graph-uri and named-graph-uri are not supported: use FROM in the query",
            )
            return
        text = queries[0]
        try:
            policy.check_query(text)
        except policy.Refused as e:
            self._error(HTTPStatus.FORBIDDEN, e.message)
            return
        fmt = (params.get("format") or [None])[0]
        answer = self.server.pool.run(text, self.headers.get("Accept") or "", fmt)
        self._send(answer, body=body)


class Server(ThreadingHTTPServer):
    """A threaded HTTP server with a deep listen backlog and a cap on open connections."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024  # the listen backlog (the kernel caps it at somaxconn)

    def __init__(
        self,
        address: tuple[str, int],
        pool: QueryPool,
        saved: list[tuple[str, str, str]],
        config: Config,
    ) -> None:
        self.pool, self.saved, self.config = pool, saved, config
        self.log = _Log(config.access_log)
        self.slots = threading.BoundedSemaphore(config.max_connections)
        super().__init__(address, Handler)

    def server_bind(self) -> None:
        """Bind without http.server's reverse DNS look-up of the address (getfqdn)."""
        self.socket.bind(self.server_address)
        self.server_address = self.socket.getsockname()
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), port

    def page(self) -> Answer:
        """The query page for people."""
        items = "".join(
            f'<li><a href="/sparql?format=json&query={html.escape(quote(text))}">'
            f"{html.escape(name)}</a>: {html.escape(title)}</li>"
            for name, title, text in self.saved
        )
        triples = self.pool.triples
        page = PAGE.format(
            triples="?" if triples is None else triples, query=html.escape(EXAMPLE), saved=items
        )
        return Answer(200, "text/html; charset=utf-8", page.encode())

    def process_request(self, request: socket.socket, client_address) -> None:
        """A thread per connection, up to ``max_connections``; beyond, 503 and close."""
        if not self.slots.acquire(blocking=False):
            body = b"too many connections; try again\n"
            with contextlib.suppress(OSError):
                request.sendall(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                    b"Retry-After: 1\r\nConnection: close\r\n"
                    + f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + body
                )
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        """Serve one connection, then give its slot back."""
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def shutdown_request(self, request: socket.socket) -> None:
        """Close after reading what the client still sends (a refused body, up to 1 MB or 1 s),
        so its unread bytes do not reset the connection before it reads our answer."""
        with contextlib.suppress(OSError):
            request.shutdown(socket.SHUT_WR)
            request.settimeout(1.0)
            deadline, drained = time.monotonic() + 1.0, 0
            while drained < 1024 * 1024 and time.monotonic() < deadline:
                chunk = request.recv(65536)
                if not chunk:
                    break
                drained += len(chunk)
        self.close_request(request)

    def handle_error(self, request, client_address) -> None:
        """A connection that broke (client gone, reset) ends quietly; nothing else is shared."""
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            self.log.write(f"{client_address[0]} error: {type(error).__name__}: {error}")

    def server_close(self) -> None:
        """Close the socket and stop the query workers."""
        super().server_close()
        self.pool.close()


def serve(
    paths: Sequence[Path],
    saved: list[tuple[str, str, str]],
    host: str = "127.0.0.1",
    port: int = 8000,
    config: Config | None = None,
) -> Server:
    """An HTTP server answering SPARQL queries on the graph in ``paths``: the port bound, the
    workers started and the data loaded (OSError, IsecgError if not); call ``serve_forever``."""
    config = config or Config()
    log = _Log(config.access_log)
    pool = QueryPool(paths, workers=config.workers, limits=config.limits(), log=log.write)
    server = Server((host, port), pool, saved, config)
    try:
        pool.start()
    except BaseException:
        server.server_close()
        raise
    if config.reload_interval > 0:
        pool.watch(config.reload_interval)
    return server
