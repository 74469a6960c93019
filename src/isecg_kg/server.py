"""A read-only SPARQL 1.1 Protocol endpoint over the graph, with a query page for people."""

from __future__ import annotations

import html
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlparse

from rdflib import Graph
from rdflib.query import Result

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt"}

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


def _negotiate(accept: str, fmt: str | None, table: dict[str, str], default: str) -> str:
    if fmt in table.values():
        return fmt
    for part in accept.split(","):
        media = part.split(";")[0].strip()
        if media in table:
            return table[media]
    return default


def _content_type(fmt: str) -> str:
    return {
        "json": "application/sparql-results+json",
        "xml": "application/sparql-results+xml",
        "csv": "text/csv; charset=utf-8",
        "tsv": "text/tab-separated-values; charset=utf-8",
        "turtle": "text/turtle; charset=utf-8",
        "nt": "application/n-triples",
    }[fmt]


def make_handler(graph: Graph, saved: list[tuple[str, str, str]]) -> type[BaseHTTPRequestHandler]:
    """A request handler bound to one graph; ``saved`` is (name, title, query text)."""

    size = len(graph)  # once: counting a large store takes seconds

    class Handler(BaseHTTPRequestHandler):
        server_version = "isecg-kg"

        def log_message(self, format: str, *args: object) -> None:  # quiet by default
            pass

        def _send(self, status: int, body: bytes, ctype: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(body)

        def _error(self, status: int, message: str) -> None:
            self._send(status, (message + "\n").encode(), "text/plain; charset=utf-8")

        def do_GET(self) -> None:
            url = urlparse(self.path)
            params = parse_qs(url.query)
            if url.path in ("/", "/index.html"):
                items = "".join(
                    f'<li><a href="/sparql?format=json&query={html.escape(quote(text))}">'
                    f"{html.escape(name)}</a>: {html.escape(title)}</li>"
                    for name, title, text in saved
                )
                page = PAGE.format(triples=size, query=html.escape(EXAMPLE), saved=items)
                self._send(HTTPStatus.OK, page.encode(), "text/html; charset=utf-8")
            elif url.path == "/sparql":
                self._answer(params)
            else:
                self._error(HTTPStatus.NOT_FOUND, "not found: try / or /sparql")

        def do_POST(self) -> None:
            url = urlparse(self.path)
            if url.path != "/sparql":
                self._error(HTTPStatus.NOT_FOUND, "not found: try /sparql")
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            params = parse_qs(url.query)
            if ctype == "application/sparql-query":
                params["query"] = [body]
            elif ctype == "application/x-www-form-urlencoded":
                params.update(parse_qs(body))
            elif ctype == "application/sparql-update" or "update" in parse_qs(body):
                self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
                return
            else:
                self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported type {ctype!r}")
                return
            self._answer(params)

        def _answer(self, params: dict[str, list[str]]) -> None:
            if "update" in params:
                self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
                return
            queries = params.get("query") or []
            if len(queries) != 1:
                self._error(HTTPStatus.BAD_REQUEST, "give exactly one 'query' parameter")
                return
            fmt_param = (params.get("format") or [None])[0]
            try:
                result: Result = graph.query(queries[0])
            except Exception as e:  # a parse or evaluation error is the client's
                self._error(HTTPStatus.BAD_REQUEST, f"query failed: {e}")
                return
            accept = self.headers.get("Accept") or ""
            if result.type in ("CONSTRUCT", "DESCRIBE"):
                fmt = _negotiate(accept, fmt_param, GRAPH_TYPES, "turtle")
                body = result.graph.serialize(format=fmt, encoding="utf-8")
            else:
                fmt = _negotiate(accept, fmt_param, RESULT_TYPES, "json")
                body = result.serialize(format=fmt)
            self._send(HTTPStatus.OK, body, _content_type(fmt))

    return Handler


def serve(
    graph: Graph, saved: list[tuple[str, str, str]], host: str = "127.0.0.1", port: int = 8000
) -> ThreadingHTTPServer:
    """An HTTP server answering SPARQL queries on ``graph``; call ``serve_forever`` on it."""
    return ThreadingHTTPServer((host, port), make_handler(graph, saved))
