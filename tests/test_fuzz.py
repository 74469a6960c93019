"""Generated hostile input for every loader, the SPARQL guard and the HTTP layer: never a
traceback, never a hang, and what is read is well-formed.

Each target draws structured input (HTML of nested tags, entities and DTDs; WordPress JSON;
Markdown with front matter, tables and deep nesting; plain text with the loaders' own cues;
Turtle and JSON-LD token soups with remote references) mixed with raw bytes. The ``ci``
profile runs a few hundred inputs per target, the same ones every time; ``ISECG_KG_FUZZ=long``
runs ``ISECG_KG_FUZZ_EXAMPLES`` (default 10,000) random ones per target:
``python scripts/fuzz.py`` does that and prints the table of docs/FUZZ.md.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import threading
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from isecg_kg import policy
from isecg_kg.errors import IsecgError
from isecg_kg.policy import LOCAL_CONTEXT_IRI, Refused
from isecg_kg.queries import load_data
from isecg_kg.records import load_rdf
from isecg_kg.sources import load_all
from isecg_kg.temporal import is_partial_date

HANG_SECONDS = float(os.environ.get("ISECG_KG_FUZZ_HANG", "10"))
STATS: dict[str, Counter] = {}
SLOWEST: dict[str, float] = {}
SLOWEST_INPUT: dict[str, str] = {}


class Hang(Exception):
    """An input took longer than HANG_SECONDS."""


@contextmanager
def bounded(target: str, data: object = None):
    """Count the input, time it, and fail it as a hang past HANG_SECONDS."""

    def ring(signum, frame):
        raise Hang(f"{target}: over {HANG_SECONDS:g} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    started = time.perf_counter()
    try:
        yield STATS.setdefault(target, Counter())
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        took = time.perf_counter() - started
        STATS[target]["inputs"] += 1
        if took > SLOWEST.get(target, 0.0):
            SLOWEST[target] = took
            SLOWEST_INPUT[target] = f"{len(data) if data is not None else '?'} long: {data!r:.300}"


@pytest.fixture(scope="module", autouse=True)
def report():
    """Write the counts when asked (``ISECG_KG_FUZZ_REPORT``), for scripts/fuzz.py."""
    yield
    path = os.environ.get("ISECG_KG_FUZZ_REPORT")
    if path:
        rows = {
            t: {**c, "slowest_s": round(SLOWEST.get(t, 0), 3), "slowest": SLOWEST_INPUT.get(t)}
            for t, c in STATS.items()
        }
        Path(path).write_text(json.dumps(rows, indent=2, sort_keys=True) + "\n")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def one_line(e: IsecgError, path: Path) -> None:
    text = str(e)
    assert "\n" not in text and text.strip() == text, text
    assert e.file is None or Path(e.file) == path or Path(e.file).name.startswith(path.name)


# -- the pieces -----------------------------------------------------------------------------

AGENCIES = ["NASA", "ESA", "JAXA", "CSA", "NSAU", "SSAU", "UAE SA", "Roscosmos", "KARI", "ISRO"]
DATES = [
    "9 September 2020",
    "September 9, 2020",
    "2020-09-09",
    "2020.9.9",
    "Sept. 2020",
    "2013",
    "Wednesday, Oct. 7",
    "07. November 2007",
    "31 February 2021",
    "2020-13-45",
    "99999-01-01",
]
WORDS = [
    "ISECG",
    "met",
    "in",
    "Washington",
    "hosted",
    "by",
    "the",
    "chair",
    "joined",
    "members",
    "roadmap",
    "Global Exploration Roadmap",
    "Published:",
    "Date:",
    "Place:",
    "Venue:",
    "Reader comments",
    "Press release",
    "Last update:",
    "Speaker notes:",
    "agen-",
    "cies",
]
ODD = [
    "\u0000",
    "\ufeff",
    "\u202e",
    "\u200b",
    "\r",
    "\t",
    "\x0b",
    "\x0c",
    "\u2028",
    "é",
    "ß",
    "\U0001f680",
    "\u0301",
    "&",
    "<",
    ">",
    '"',
    "'",
    "\\",
    "|",
    "#",
    "%",
    "{",
    "}",
    "[",
    "]",
]
text_piece = st.one_of(
    st.sampled_from(AGENCIES + DATES + WORDS + ODD),
    st.text(max_size=12),
    st.text(alphabet="-=_*~#|+. ", min_size=3, max_size=40),
)
line = st.lists(text_piece, max_size=12).map(" ".join)


def _join(lines: list[str], newline: str) -> str:
    return newline.join(lines)


plain_text = st.builds(
    _join, st.lists(line, max_size=30), st.sampled_from(["\n", "\r\n", "\n\n", "\r"])
)

TAGS = [
    "p",
    "div",
    "article",
    "main",
    "nav",
    "header",
    "footer",
    "aside",
    "table",
    "tr",
    "td",
    "th",
    "a",
    "br",
    "span",
    "h1",
    "h2",
    "li",
    "ul",
    "time",
    "script",
    "style",
    "section",
    "title",
    "meta",
    "base",
    "link",
    "form",
    "template",
    "svg",
    "pre",
    "blockquote",
]
ATTRS = st.dictionaries(
    st.sampled_from(
        [
            "class",
            "id",
            "href",
            "datetime",
            "content",
            "property",
            "name",
            "role",
            "hidden",
            "style",
            "type",
            "rel",
        ]
    ),
    st.one_of(
        st.sampled_from(
            [
                "nav",
                "menu",
                "sidebar",
                "has-sidebar",
                "main",
                "navigation",
                "display:none",
                "article:published_time",
                "og:site_name",
                "application/ld+json",
                "canonical",
                "http://x/a b",
                "javascript:x",
            ]
        ),
        st.sampled_from(DATES),
        st.text(max_size=10),
    ),
    max_size=3,
)


def _element(tag: str, attrs: dict[str, str], children: list[str]) -> str:
    attributes = "".join(f' {k}="{v.replace(chr(34), "&quot;")}"' for k, v in attrs.items())
    return f"<{tag}{attributes}>{''.join(children)}</{tag}>"


html_leaf = st.one_of(
    line,
    st.sampled_from(
        [
            "&amp;",
            "&#x41;",
            "&#99999999;",
            "&bogus;",
            "&lol9;",
            "<!-- c -->",
            "<![CDATA[x]]>",
            "</p>",
            "<p",
            "<br/>",
            '<script type="application/ld+json">'
            '{"datePublished": "2020-09-18", "publisher": {"name": "ISECG"}}</script>',
        ]
    ),
)
html_tree = st.recursive(
    html_leaf,
    lambda children: st.builds(
        _element, st.sampled_from(TAGS), ATTRS, st.lists(children, max_size=5)
    ),
    max_leaves=40,
)
DOCTYPES = [
    "",
    "<!doctype html>",
    '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>',
    '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE html SYSTEM "http://198.51.100.7/x.dtd">',
]
html_page = st.builds(
    lambda doctype, body: f"{doctype}<html><head></head><body>{body}</body></html>",
    st.sampled_from(DOCTYPES),
    st.lists(html_tree, max_size=6).map("".join),
)

json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from([*DATES, "2020-09-18T07:55:27", "2020-09-18T07:55:27Z", ""]),
)
json_any = st.recursive(
    json_scalar,
    lambda c: st.one_of(
        st.lists(c, max_size=4), st.dictionaries(st.text(max_size=8), c, max_size=4)
    ),
    max_leaves=20,
)
wordpress_post = st.fixed_dictionaries(
    {
        "content": st.fixed_dictionaries({"rendered": html_page | line}),
        "title": st.fixed_dictionaries({"rendered": line}),
    },
    optional={
        "date": json_scalar,
        "date_gmt": json_scalar,
        "modified": json_scalar,
        "link": st.one_of(
            st.sampled_from(["https://www.globalspaceexploration.org/?p=1", ""]), json_scalar
        ),
        "guid": st.one_of(st.fixed_dictionaries({"rendered": json_scalar}), json_scalar),
        "yoast_head_json": st.one_of(
            st.fixed_dictionaries({"og_site_name": json_scalar}), json_scalar
        ),
    },
)
wordpress = st.one_of(
    wordpress_post.map(json.dumps),
    st.lists(wordpress_post, max_size=4).map(json.dumps),
    json_any.map(json.dumps),
    st.integers(1, 100_000).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 100_000).map(lambda n: '{"a":' * n + "1" + "}" * n),
)

front_matter = st.builds(
    lambda pairs: "---\n" + "".join(f"{k}: {v}\n" for k, v in pairs) + "---\n",
    st.lists(
        st.tuples(
            st.sampled_from(
                ["title", "date", "published", "lastmod", "url", "publisher", "tags", "x-y", "#"]
            ),
            st.one_of(st.sampled_from(DATES), line),
        ),
        max_size=6,
    ),
)
md_block = st.one_of(
    line.map(lambda s: "# " + s),
    line.map(lambda s: "## " + s),
    st.lists(line, min_size=1, max_size=4).map(
        lambda cells: "| " + " | ".join(cells) + " |\n|" + "---|" * len(cells)
    ),
    st.lists(line, max_size=4).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.integers(1, 2000).map(lambda n: ">" * n + " deep"),
    st.integers(1, 2000).map(lambda n: "*" * n + "x" + "*" * n),
    html_tree,
    line,
    st.just("```\ncode\n```"),
)
markdown = st.builds(
    lambda front, blocks: front + "\n\n".join(blocks),
    st.one_of(st.just(""), front_matter),
    st.lists(md_block, max_size=12),
)

TURTLE_TOKENS = [
    "@prefix ex: <http://example.org/> .",
    "PREFIX ex: <http://example.org/>",
    "BASE <http://b/>",
    "@base <x> .",
    "ex:a",
    "ex:b",
    "ex:",
    ":x",
    "a",
    "<http://example.org/a>",
    "<a b>",
    "<>",
    "<http://x/\\u0041>",
    '"text"',
    '"x"@en',
    '"1"^^<http://www.w3.org/2001/XMLSchema#integer>',
    '"""long\nstring"""',
    "'single'",
    '"\\uD800"',
    "1",
    "1.5",
    "1e9",
    "-0",
    "true",
    "false",
    "_:b",
    "[",
    "]",
    "(",
    ")",
    ".",
    ";",
    ",",
    "# comment\n",
    "^^",
    "@en",
    "<<",
    ">>",
    "{",
    "}",
    "GRAPH",
    "ex:p.",
    "\\",
    '"',
    "\n",
]
turtle = st.one_of(
    st.lists(st.one_of(st.sampled_from(TURTLE_TOKENS), st.text(max_size=6)), max_size=60).map(
        " ".join
    ),
    st.integers(1, 50_000).map(lambda n: "ex:a ex:b " + "[ ex:c " * n + "]" * n + " ."),
    st.integers(1, 50_000).map(lambda n: "<a:s> <a:p> " + "(" * n + ")" * n + " ."),
)

REFERENCES = [
    "http://198.51.100.7/context.jsonld",
    "file:///etc/passwd",
    "ctx.jsonld",
    "//x/y",
    LOCAL_CONTEXT_IRI,
    "https://schema.org/",
]
JSONLD_KEYS = [
    "@context",
    "@import",
    "@id",
    "@type",
    "@graph",
    "@value",
    "@language",
    "@list",
    "@set",
    "@reverse",
    "@base",
    "@vocab",
    "@version",
    "@included",
    "@nest",
    "@protected",
    "http://example.org/p",
    "ex",
    "ex:p",
    "name",
]
jsonld_value = st.recursive(
    st.one_of(json_scalar, st.sampled_from([*REFERENCES, "ex:", "http://example.org/", "@id"])),
    lambda c: st.one_of(
        st.lists(c, max_size=4), st.dictionaries(st.sampled_from(JSONLD_KEYS), c, max_size=5)
    ),
    max_leaves=25,
)


def _refers(node: object) -> bool:
    """Whether a JSON-LD document names a context other than the package's (must be refused)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in ("@context", "@import"):
                    values, todo = [], [value]
                    while todo:  # the strings of nested lists count too
                        v = todo.pop()
                        if isinstance(v, list):
                            todo.extend(v)
                        else:
                            values.append(v)
                    if any(
                        isinstance(v, str) and (key == "@import" or v != LOCAL_CONTEXT_IRI)
                        for v in values
                    ):
                        return True
                stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _bytes(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Text in the encodings people save files in, or raw bytes."""
    return st.one_of(
        text.map(lambda s: s.encode("utf-8", "surrogatepass")),
        text.map(lambda s: b"\xef\xbb\xbf" + s.encode("utf-8", "surrogatepass")),
        text.map(lambda s: s.encode("utf-16")),
        text.map(lambda s: s.encode("cp1252", "replace")),
        st.binary(max_size=300),
    )


# -- the loaders ----------------------------------------------------------------------------


def check_documents(data: bytes, path: Path, target: str) -> None:
    path.write_bytes(data)
    with bounded(target, data) as counts:
        try:
            docs = load_all(path)
        except IsecgError as e:
            counts["refused"] += 1
            one_line(e, path)
            return
        counts["read"] += 1
    assert docs
    for doc in docs:
        assert doc.kind in ("wordpress-json", "html", "markdown", "text")
        assert doc.text == "\n\n".join(doc.paragraphs)
        assert all(p and p == p.strip() for p in doc.paragraphs), doc.paragraphs
        for link in doc.links:
            assert 0 <= link.start <= link.end <= len(doc.text)
            assert doc.text[link.start : link.end] == link.text
        for value in (doc.published, doc.modified):
            assert value is None or is_partial_date(value), value


@given(_bytes(plain_text))
def test_fuzz_text(folder, data):
    check_documents(data, folder / "doc.txt", "text")


@given(_bytes(html_page))
def test_fuzz_html(folder, data):
    check_documents(data, folder / "page.html", "html")


@given(_bytes(wordpress))
def test_fuzz_wordpress_json(folder, data):
    check_documents(data, folder / "post.json", "wordpress-json")


@given(_bytes(markdown))
def test_fuzz_markdown(folder, data):
    check_documents(data, folder / "post.md", "markdown")


def check_rdf(data: bytes, path: Path, target: str, reader) -> object:
    path.write_bytes(data)
    with bounded(target, data) as counts:
        try:
            graph = reader(path)
        except IsecgError as e:
            counts["refused"] += 1
            one_line(e, path)
            return e
        counts["read"] += 1
        return graph


@given(_bytes(turtle))
def test_fuzz_turtle_record(folder, data):
    check_rdf(data, folder / "record.ttl", "turtle (records, rdflib)", load_rdf)


@given(_bytes(turtle))
def test_fuzz_turtle_graph(folder, data):
    check_rdf(data, folder / "graph.ttl", "turtle (--data, oxigraph)", lambda p: load_data([p]))


@given(
    st.one_of(jsonld_value.map(lambda v: ("doc", v)), _bytes(st.text()).map(lambda b: ("raw", b)))
)
def test_fuzz_jsonld(folder, drawn):
    kind, value = drawn
    data = json.dumps(value).encode() if kind == "doc" else value
    outcome = check_rdf(data, folder / "record.jsonld", "json-ld", load_rdf)
    if kind == "doc" and _refers(value):
        assert isinstance(outcome, Refused), "a remote or file context was not refused"


# -- the SPARQL guard, against the engine ---------------------------------------------------

SPARQL_TOKENS = [
    "SELECT",
    "*",
    "WHERE",
    "{",
    "}",
    "?s",
    "?p",
    "?o",
    "$x",
    ".",
    ";",
    ",",
    "a",
    "true",
    "false",
    "1",
    "1.5",
    "SERVICE",
    "service",
    "SILENT",
    "<http://127.0.0.1:9/sparql>",
    "<",
    ">",
    "<=",
    "FILTER",
    "(",
    ")",
    "BIND",
    "AS",
    "OPTIONAL",
    "UNION",
    "#",
    "\n",
    '"',
    "'",
    '"SERVICE"',
    "'''x'''",
    "ex:SERVICE",
    "PREFIX",
    "ex:",
    "<http://example.org/>",
    "LOAD",
    "INSERT",
    "DATA",
    "FROM",
    "NAMED",
    "VALUES",
    "UNDEF",
    "_:b",
    "^^",
    "@en",
    "-",
    "+",
    "true.SERVICE",
    "?o.SERVICE",
    ")SERVICE",
    "}SERVICE",
    "GRAPH",
    "MINUS",
    "EXISTS",
    "NOT",
]
sparql = st.lists(st.sampled_from(SPARQL_TOKENS), max_size=40).map(
    lambda toks: (
        "SELECT * WHERE { ?s ?p ?o "
        + "".join(t if t in "(){};,.\n" else " " + t for t in toks)
        + " }"
    )
)


@pytest.fixture(scope="module")
def one_triple():
    import pyoxigraph as ox

    store = ox.Store()
    store.add(
        ox.Quad(
            ox.NamedNode("http://example.org/a"),
            ox.NamedNode("http://example.org/p"),
            ox.Literal(True),
        )
    )
    return store


@given(sparql)
def test_fuzz_sparql_guard_misses_no_service_the_engine_would_run(one_triple, text):
    with bounded("sparql guard", text) as counts:
        try:
            policy.check_query(text)
        except Refused:
            counts["refused"] += 1
            return
        counts["passed"] += 1
        try:
            list(one_triple.query(text))
        except SyntaxError:
            return
        except OSError as e:  # the engine tried a SERVICE call the guard let through
            pytest.fail(f"guard let a SERVICE through: {text!r}: {e}")


# -- the HTTP layer -------------------------------------------------------------------------

REQUEST_LINES = [
    b"GET / HTTP/1.1",
    b"GET /sparql?query=ASK%7B%7D HTTP/1.1",
    b"POST /sparql HTTP/1.1",
    b"HEAD / HTTP/1.0",
    b"OPTIONS * HTTP/1.1",
    b"PUT /x HTTP/1.1",
    b"GET",
    b"",
    b"GET / HTTP/2",
    b"BREW /pot HTCPCP/1.0",
    b"GET /sparql?query=%zz HTTP/1.1",
    b"GET /" + b"a" * 70000,
]
HEADERS = [
    b"Host: x",
    b"Content-Type: application/sparql-query",
    b"Content-Length: 6",
    b"Content-Length: 0",
    b"Content-Length: -1",
    b"Content-Length: 99999999999999",
    b"Content-Length: x",
    b"Transfer-Encoding: chunked",
    b"Accept: text/csv",
    b"Origin: https://a",
    b"Content-Type: application/x-www-form-urlencoded",
    b"Connection: close",
    b"X: " + b"y" * 9000,
    b"bad header",
    b": empty name",
]
http_request = st.builds(
    lambda first, headers, body, tail: (
        first + b"\r\n" + b"".join(h + b"\r\n" for h in headers) + b"\r\n" + body + tail
    ),
    st.sampled_from(REQUEST_LINES),
    st.lists(st.sampled_from(HEADERS), max_size=6),
    st.one_of(
        st.sampled_from([b"", b"ASK {}", b"query=ASK%7B%7D", b"SELECT"]), st.binary(max_size=40)
    ),
    st.one_of(st.just(b""), st.binary(max_size=40)),
) | st.binary(max_size=200)


@pytest.fixture(scope="module")
def tiny_server(tmp_path_factory):
    from isecg_kg.server import Config, serve

    data = tmp_path_factory.mktemp("tiny") / "kg.ttl"
    data.write_text(
        "".join(f"<http://example.org/{i}> <http://example.org/p> {i} .\n" for i in range(10))
    )
    config = Config(timeout=2, workers=1, read_timeout=2, reload_interval=0)
    server = serve([data], [], "127.0.0.1", 0, config)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@given(http_request)
def test_fuzz_http_requests_always_get_a_status(tiny_server, data):
    with (
        bounded("http requests", data) as counts,
        socket.create_connection(("127.0.0.1", tiny_server), timeout=HANG_SECONDS) as s,
    ):
        try:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
        except OSError:  # the server closed first (a refused request it did not read on)
            pass
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
        response = b"".join(chunks)
        if b"\n" in data.lstrip(b"\r\n"):
            assert response.startswith((b"HTTP/1.0 ", b"HTTP/1.1 ")), (data[:200], response[:200])
        if response:
            status = int(response[9:12])
            assert status != 500, response[:300]
            counts[f"{status // 100}xx"] += 1
