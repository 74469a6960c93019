"""The SPARQL endpoint as a client sees it, on loopback: answers, HEAD/OPTIONS and CORS, a 4xx
for every malformed request, limits, a timeout that stops the work while other queries are
answered, reload on rebuild, the access log, and the command's start and stop."""

from __future__ import annotations

import http.client
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from click.testing import CliRunner

from isecg_kg.cli import cli
from isecg_kg.export import write_atomic
from isecg_kg.server import Config, serve

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "sources"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~1e9 rows


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kg") / "isecg.ttl"
    result = CliRunner().invoke(cli, ["build", str(SEEDS), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


class Endpoint:
    """A server started in this process (its workers are processes), stopped at the end."""

    def __init__(self, paths: list[Path], **config) -> None:
        self.log = io.StringIO()
        self.config = Config(access_log=self.log, **config)
        self.server = serve(paths, [("count", "Count", COUNT)], "127.0.0.1", 0, self.config)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def request(self, method: str, path: str, body=None, headers=None, timeout: float = 30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()

    def query(self, text: str, **headers):
        return self.request("GET", "/sparql?query=" + quote(text), headers=headers)

    def count(self) -> int:
        status, _, body = self.query(COUNT)
        assert status == 200, body
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    def raw(self, data: bytes, *, shut: bool = False, timeout: float = 10) -> bytes:
        """Send bytes as they are; what came back before the server closed (or the timeout)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
            s.sendall(data)
            if shut:
                s.shutdown(socket.SHUT_WR)
            chunks = []
            try:
                while chunk := s.recv(65536):
                    chunks.append(chunk)
            except TimeoutError:
                pass
            return b"".join(chunks)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def endpoint(graph):
    e = Endpoint([graph], timeout=1.5, workers=2, read_timeout=1.0, max_request_bytes=4096)
    yield e
    e.close()


def status_of(response: bytes) -> int:
    m = re.match(rb"HTTP/1\.[01] (\d{3}) ", response)
    assert m, response[:200]
    return int(m.group(1))


# -- answers --------------------------------------------------------------------------------


def test_get_post_and_form_give_the_same_answer(endpoint):
    n = endpoint.count()
    assert n > 500
    _, _, body = endpoint.request(
        "POST", "/sparql", COUNT.encode(), {"Content-Type": "application/sparql-query"}
    )
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(n)
    _, _, body = endpoint.request(
        "POST",
        "/sparql",
        urlencode({"query": COUNT}),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(n)


def test_formats_follow_accept_or_the_format_parameter(endpoint):
    status, headers, body = endpoint.query(COUNT, Accept="text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().splitlines()[0] == "n"
    _, headers, body = endpoint.request("GET", "/sparql?format=xml&query=" + quote(COUNT))
    assert headers["Content-Type"] == "application/sparql-results+xml" and b"<sparql" in body
    status, headers, body = endpoint.query("CONSTRUCT WHERE { ?s a ?o } LIMIT 3")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert body.count(b"\n") == 3
    _, _, body = endpoint.query("ASK { ?s ?p ?o }")
    assert json.loads(body)["boolean"] is True


def test_the_page_shows_the_size_and_saved_queries(endpoint):
    status, headers, body = endpoint.request("GET", "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert f"{endpoint.count()} triples" in body.decode() and ">count</a>" in body.decode()


def test_head_has_the_headers_and_no_body(endpoint):
    status, headers, body = endpoint.request("HEAD", "/")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 100
    status, headers, body = endpoint.request("HEAD", "/sparql?query=" + quote(COUNT))
    assert status == 200 and body == b"" and headers["Content-Type"].endswith("json")


def test_options_answers_a_cors_preflight(endpoint):
    status, headers, body = endpoint.request(
        "OPTIONS",
        "/sparql",
        headers={"Origin": "https://a.example", "Access-Control-Request-Method": "POST"},
    )
    assert status == 204 and body == b""
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in headers["Access-Control-Allow-Headers"]


def test_cors_origins_are_configurable(graph):
    e = Endpoint([graph], workers=1, cors_origins=["https://a.example"])
    try:
        _, allowed, _ = e.query("ASK {}", Origin="https://a.example")
        _, other, _ = e.query("ASK {}", Origin="https://b.example")
        assert allowed["Access-Control-Allow-Origin"] == "https://a.example"
        assert "Access-Control-Allow-Origin" not in other and other["Vary"] == "Origin"
    finally:
        e.close()
    e = Endpoint([graph], workers=1, cors_origins=[])
    try:
        _, headers, _ = e.query("ASK {}", Origin="https://a.example")
        assert not any(h.startswith("Access-Control") for h in headers)
    finally:
        e.close()


# -- refusals and malformed requests --------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body", "headers", "status", "words"),
    [
        ("GET", "/sparql", None, {}, 400, "exactly one 'query'"),
        ("GET", "/sparql?query=SELEC", None, {}, 400, "does not parse"),
        ("GET", "/sparql?update=" + quote("CLEAR ALL"), None, {}, 403, "read-only"),
        ("GET", "/sparql?query=" + quote("INSERT DATA { <a:b> <a:c> 1 }"), None, {}, 403, "update"),
        ("GET", "/sparql?query=" + quote("LOAD <http://x/>"), None, {}, 403, "LOAD"),
        (
            "GET",
            "/sparql?query=" + quote("SELECT * { SERVICE <http://198.51.100.7/> { ?s ?p ?o } }"),
            None,
            {},
            403,
            "SERVICE is refused",
        ),
        (
            "GET",
            "/sparql?query=" + quote("SELECT * FROM <http://x/g> {?s ?p ?o}"),
            None,
            {},
            403,
            "names no graph",
        ),
        ("GET", "/sparql?query=%ff%fe", None, {}, 400, "malformed"),
        ("GET", "/nowhere", None, {}, 404, "not found"),
        ("POST", "/sparql", b"x", {"Content-Type": "text/plain"}, 415, "Content-Type"),
        (
            "POST",
            "/sparql",
            b"CLEAR ALL",
            {"Content-Type": "application/sparql-update"},
            403,
            "read-only",
        ),
        ("POST", "/sparql", b"\xff", {"Content-Type": "application/sparql-query"}, 400, "UTF-8"),
        (
            "POST",
            "/sparql",
            b"x" * 5000,
            {"Content-Type": "application/sparql-query"},
            413,
            "over 4096 bytes",
        ),
        ("PUT", "/sparql", b"x", {}, 405, "read-only"),
        ("DELETE", "/sparql", None, {}, 405, "read-only"),
        ("BREW", "/sparql", None, {}, 501, "not supported"),
    ],
)
def test_every_bad_request_gets_a_4xx_with_a_reason(
    endpoint, method, path, body, headers, status, words
):
    got, answer_headers, text = endpoint.request(method, path, body, headers)
    assert got == status, text
    assert words in text.decode()
    if status == 405:
        assert answer_headers["Allow"] == "GET, HEAD, POST, OPTIONS"


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (b"NOT A REQUEST\r\n\r\n", 400),
        (b"GET /sparql HTTP/9.9\r\n\r\n", 505),
        (b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\n" + b"X-A: b\r\n" * 120 + b"\r\n", 431),
        (b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\n\r\n", 411),
        (b"POST /sparql HTTP/1.1\r\nContent-Length: abc\r\n\r\n", 400),
        (b"POST /sparql HTTP/1.1\r\nContent-Length: -5\r\n\r\n", 400),
        (b"POST /sparql HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nASK{}", 400),
        (b"POST /sparql HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", 413),
        (
            b"POST /sparql HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nASK{}\r\n0\r\n\r\n",
            411,
        ),
    ],
)
def test_malformed_requests_get_a_status_and_the_connection_closed(endpoint, data, status):
    response = endpoint.raw(data)
    assert status_of(response) == status
    assert b"Connection: close" in response


def test_a_body_shorter_than_its_length_is_400(endpoint):
    head = b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\n"
    response = endpoint.raw(head + b"Content-Length: 100\r\n\r\nASK {}", shut=True)
    assert status_of(response) == 400 and b"shorter than its Content-Length" in response


def test_a_client_that_stalls_gets_408_after_the_read_timeout(endpoint):
    started = time.monotonic()
    stalled_body = endpoint.raw(
        b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 100\r\n\r\nASK"
    )
    stalled_headers = endpoint.raw(b"GET /sparql HTTP/1.1\r\nHost: x\r\n")
    assert status_of(stalled_body) == 408 and status_of(stalled_headers) == 408
    assert time.monotonic() - started < 2 * 1.0 + 3  # two read timeouts, and the rest


def test_an_idle_kept_alive_connection_is_closed_after_the_read_timeout(endpoint):
    response = endpoint.raw(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")  # then nothing more
    assert status_of(response) == 200 and response.count(b"HTTP/1.1 ") == 1


def test_too_many_connections_get_503_not_a_hang(graph):
    e = Endpoint([graph], workers=1, max_connections=2, read_timeout=5)
    try:
        held = [socket.create_connection(("127.0.0.1", e.port)) for _ in range(2)]
        time.sleep(0.2)
        response = e.raw(b"GET / HTTP/1.1\r\n\r\n", timeout=3)
        assert status_of(response) == 503
        for s in held:
            s.close()
        time.sleep(0.2)
        assert e.request("GET", "/")[0] == 200
    finally:
        e.close()


def test_an_answer_over_the_result_limit_is_507(graph):
    e = Endpoint([graph], workers=1, max_result_bytes=2000)
    try:
        status, _, body = e.query("SELECT * WHERE { ?s ?p ?o }")
        assert status == 507 and b"add a LIMIT" in body
        assert e.query("SELECT * WHERE { ?s ?p ?o } LIMIT 2")[0] == 200
    finally:
        e.close()


# -- timeouts -------------------------------------------------------------------------------


def test_a_query_over_the_timeout_is_stopped_while_others_are_answered(endpoint):
    pool = endpoint.server.pool
    before = {w.process.pid for w in pool.current.workers}
    outcome = {}

    def long_query():
        started = time.monotonic()
        outcome["answer"] = endpoint.query(CROSS)
        outcome["took"] = time.monotonic() - started

    thread = threading.Thread(target=long_query)
    thread.start()
    time.sleep(0.2)
    quick = []
    while thread.is_alive():
        status, _, _ = endpoint.query("ASK { ?s ?p ?o }")
        quick.append(status)
        time.sleep(0.05)
    thread.join()
    status, _, body = outcome["answer"]
    assert status == 503 and b"over the 1.5 s timeout" in body
    assert outcome["took"] <= 1.5 + 1.0
    assert len(quick) >= 3 and set(quick) == {200}
    # the worker that ran it was killed, not left computing: its process is gone
    killed = before - {w.process.pid for w in pool.current.workers}
    assert len(killed) == 1
    [pid] = killed
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    deadline = time.monotonic() + 10  # and a replacement takes its place
    while len(pool.current.workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(pool.current.workers) == 2
    assert endpoint.count() > 500


# -- reload and the log ---------------------------------------------------------------------


def test_a_rebuilt_graph_is_served_and_a_broken_one_is_not(graph, tmp_path):
    data = tmp_path / "kg.ttl"
    data.write_bytes(graph.read_bytes())
    e = Endpoint([data], workers=2, reload_interval=0.2)
    try:
        before = e.count()
        write_atomic(
            data, graph.read_bytes() + b"\n<http://example.org/new> a <http://example.org/T> .\n"
        )
        deadline = time.monotonic() + 15
        while e.count() == before and time.monotonic() < deadline:
            time.sleep(0.1)
        assert e.count() == before + 1
        write_atomic(data, b"<http://example.org/broken")
        deadline = time.monotonic() + 15
        while "reload failed" not in e.log.getvalue() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert f"reload failed, still serving the previous graph: {data}:" in e.log.getvalue()
        assert e.count() == before + 1
    finally:
        e.close()


def test_each_request_is_one_access_log_line(endpoint):
    endpoint.request("GET", "/sparql?query=ASK%7B%7D&marker=log-me")
    deadline = time.monotonic() + 5  # the line is written just after the answer is sent
    while "log-me" not in endpoint.log.getvalue() and time.monotonic() < deadline:
        time.sleep(0.01)
    lines = [line for line in endpoint.log.getvalue().splitlines() if "log-me" in line]
    assert len(lines) == 1
    assert re.fullmatch(
        r'127\.0\.0\.1 - - \[[^]]+\] "GET /sparql\?query=ASK%7B%7D&marker=log-me HTTP/1\.1" '
        r"200 \d+ [\d.]+ms",
        lines[0],
    )


# -- the command ----------------------------------------------------------------------------


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_serve_starts_answers_and_stops_with_its_workers(graph, tmp_path):
    log = tmp_path / "access.log"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "isecg_kg",
            "serve",
            "--data",
            str(graph),
            "--port",
            "0",
            "--access-log",
            str(log),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        m = re.fullmatch(
            r"SPARQL endpoint on http://127\.0\.0\.1:(\d+)/sparql \(query page: .*\)\n", line
        )
        assert m, line + proc.stderr.read()
        conn = http.client.HTTPConnection("127.0.0.1", int(m.group(1)), timeout=10)
        conn.request("GET", "/sparql?query=" + quote(COUNT))
        assert conn.getresponse().status == 200
        conn.close()
        family = _descendants(proc.pid)
        assert len(family) >= 3  # the fork server and two workers at least
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(10) == 0
    deadline = time.monotonic() + 5
    while any(map(_alive, family)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(_alive, family))
    assert '"GET /sparql?query=' in log.read_text()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "no such data file"),
        ("<http://example.org/a> <http://example.org/b", "cannot parse turtle"),
    ],
)
def test_serve_with_bad_data_is_one_line_and_exit_2(tmp_path, content, words):
    data = tmp_path / "kg.ttl"
    if content is not None:
        data.write_text(content)
    result = CliRunner().invoke(cli, ["serve", "--data", str(data), "--port", "0"])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"isecg-kg: error: {data}") and words in line


def test_serve_refuses_the_billion_laughs_in_one_line(tmp_path):
    from test_security import billion_laughs

    bomb = tmp_path / "lol.rdf"
    bomb.write_text(billion_laughs())
    result = CliRunner().invoke(cli, ["serve", "--data", str(bomb), "--port", "0"])
    assert result.exit_code == 2
    assert "XML entity declaration 'lol' refused" in result.stderr


def test_serve_on_a_port_in_use_is_one_line(graph):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--data", str(graph), "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"isecg-kg: error: cannot listen on 127.0.0.1:{port}: Address already in use"
    )


def test_a_query_over_the_worker_memory_cap_costs_only_its_worker(graph):
    e = Endpoint([graph], workers=1, worker_memory_mb=300, timeout=60)
    try:
        hungry = (
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?i != ?c) }"
            " ORDER BY ?c ?f ?i LIMIT 1"  # sorts ~10^9 rows in memory
        )
        status, _, body = e.query(hungry)
        assert status == 500 and b"worker died (over its 300 MB?)" in body
        assert e.query("ASK { ?s ?p ?o }")[0] == 200  # a new worker answers
    finally:
        e.close()
