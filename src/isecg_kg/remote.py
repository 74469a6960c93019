"""Hand-over to a SPARQL server: push the graph (Graph Store Protocol), query it (Protocol).

``push`` sends each named graph of a TriG/N-Quads file with ``PUT URL?graph=<iri>`` (a Turtle or
N-Triples file goes to ``URL?default``), in N-Triples chunks (the first chunk of a graph replaces
it, the rest are added), and adds every triple to the default graph as well, so that the saved
queries see the union, each triple once, on any server without a union-default-graph setting.
``remote_select`` runs a query over the SPARQL 1.1 Protocol with parameters written into
``VALUES`` blocks as escaped N-Triples terms (``sparqltext.inject_values``), never pasted text.
Standard library HTTP only; one kept-alive connection.
"""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import IsecgError
from .sparqltext import inject_values

CHUNK = 50_000  # triples per request
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class Endpoint:
    """One HTTP connection to a SPARQL server, reopened when the server closes it."""

    def __init__(self, url: str, timeout: float = 60) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise IsecgError(
                f"not an http(s) URL: {url!r}",
                field="endpoint",
                hint="e.g. http://127.0.0.1:7878/store",
            )
        self.url, self.parts, self.timeout = url, parts, timeout
        self._conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            cls = (
                http.client.HTTPSConnection
                if self.parts.scheme == "https"
                else http.client.HTTPConnection
            )
            self._conn = cls(self.parts.hostname, self.parts.port, timeout=self.timeout)
        return self._conn

    def request(self, method: str, query: str, body: bytes, headers: dict[str, str]) -> bytes:
        """Send one request to the endpoint's path with ``query`` appended; the body back."""
        path = (self.parts.path or "/") + (f"?{query}" if query else "")
        for attempt in (0, 1):
            conn = self._connection()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
            except (http.client.HTTPException, OSError) as e:
                self.close()
                if attempt:
                    raise IsecgError(
                        f"cannot reach {self.url}: {e}",
                        field="endpoint",
                        hint="is the server running?",
                    ) from None
                continue
            if response.status >= 400:
                why = data.decode("utf-8", "replace").strip().splitlines()[:1]
                raise IsecgError(
                    f"{method} {self.url}: HTTP {response.status} "
                    f"{response.reason}{': ' + why[0] if why else ''}",
                    field="endpoint",
                )
            return data
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Close the connection (a later request opens a new one)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None


# -- push -----------------------------------------------------------------------------------


def _graphs(path: Path) -> Iterator[tuple[str | None, list[str]]]:
    """(graph IRI or None for the default graph, N-Triples lines) in chunks, streaming."""
    import pyoxigraph as ox

    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if fmt is None:
        raise IsecgError(f"unknown graph format {path.suffix!r}", file=path)
    current: str | None = None
    lines: list[str] = []
    try:
        for q in ox.parse(path=str(path), format=fmt):
            g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None
            if (g != current or len(lines) >= CHUNK) and lines:
                yield current, lines
                lines = []
            current = g
            lines.append(f"{q.subject} {q.predicate} {q.object} .")
    except SyntaxError as e:
        raise IsecgError(f"cannot parse: {e}", file=path) from None
    if lines:
        yield current, lines


def push(
    paths: Iterable[Path | str],
    url: str,
    *,
    replace: bool = True,
    union: bool = True,
    timeout: float = 60,
) -> dict[str, int]:
    """Load graph files into the Graph Store at ``url``; returns triples sent per graph."""
    endpoint = Endpoint(url, timeout)
    headers = {"Content-Type": "application/n-triples"}
    sent: dict[str, int] = {}
    started: set[str] = set()
    pending: list[str] = []

    def send(graph: str | None, lines: list[str]) -> None:
        key = graph or "(default)"
        target = f"graph={quote(graph, safe='')}" if graph else "default"
        method = "PUT" if replace and key not in started else "POST"
        started.add(key)
        endpoint.request(method, target, ("\n".join(lines) + "\n").encode(), headers)
        sent[key] = sent.get(key, 0) + len(lines)

    try:
        for path in paths:
            for graph, lines in _graphs(Path(path)):
                send(graph, lines)
                if union and graph is not None:
                    pending.extend(lines)
                    if len(pending) >= CHUNK:
                        send(None, pending)
                        pending = []
        if pending:
            send(None, pending)
    finally:
        endpoint.close()
    return sent


# -- query ----------------------------------------------------------------------------------


def _term(binding: dict[str, str]) -> Node:
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = binding.get("xml:lang")
        datatype = binding.get("datatype")
        if lang:
            return Literal(value, lang=lang)
        if datatype and datatype != XSD_STRING:
            return Literal(value, datatype=URIRef(datatype))
        return Literal(value)
    raise IsecgError(f"unexpected term in the server's answer: {binding!r}")


def remote_select(
    url: str, query: str, bindings: dict[str, Node] | None = None, *, timeout: float = 60
) -> tuple[list[str], list[tuple[Node | None, ...]]]:
    """Run a SELECT query at a SPARQL 1.1 Protocol endpoint; (columns, rows of rdflib terms)."""
    text = inject_values(query, dict(bindings or {}))
    endpoint = Endpoint(url, timeout)
    try:
        body = endpoint.request(
            "POST",
            "",
            urlencode({"query": text}).encode(),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
            },
        )
    finally:
        endpoint.close()
    try:
        answer = json.loads(body)
        columns = answer["head"]["vars"]
        solutions = answer["results"]["bindings"]
    except (ValueError, KeyError, TypeError) as e:
        raise IsecgError(f"{url} did not answer with SPARQL JSON results: {e}") from None
    rows = [tuple(_term(s[c]) if c in s else None for c in columns) for s in solutions]
    return columns, rows


def remote_graph(url: str) -> Graph:
    """A read-only rdflib Graph over a SPARQL endpoint (for resolving parameters, e.g. an
    agency by name, with ``queries.bind_params``)."""
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    return Graph(store=SPARQLStore(url, returnFormat="json"))
