"""The query engine: the built graph in an Oxigraph store, cached under build/, behind rdflib.

``open_graph(paths)`` gives an rdflib ``Graph`` over the union of everything the files hold.
Small inputs are parsed into an in-memory Oxigraph store; large ones (``CACHE_MIN_BYTES``) are
bulk-loaded once into ``build/isecg.oxigraph/`` next to ``build/isecg.ttl`` and reopened
read-only afterwards, until the file's size or modification time changes, so a query never
re-parses Turtle. ``select`` runs a SELECT query with parameters bound as RDF terms, on such a
graph or on any plain rdflib graph.

Named graphs (TriG, N-Quads) are kept, and their union is also written to the default graph, so
that a triple two documents state is seen once (pyoxigraph 0.5's ``use_default_graph_as_union``
would count it twice).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD
from rdflib.term import Node

from .errors import IsecgError
from .export import remove_stale
from .sparqltext import inject_values, tokens

try:
    import pyoxigraph as ox
except ImportError:  # pragma: no cover - the small default works without the scale extra
    ox = None

CACHE_MIN_BYTES = 2_000_000  # below this, parsing is faster than opening a cache
STAMP = "isecg-kg.stamp"
_DATASET_FORMATS = {".trig", ".nq"}
_KIND = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".trig": "trig",
    ".nq": "nquads",
    ".rdf": "xml",
    ".owl": "xml",
}

Row = tuple[Node | None, ...]


# -- terms ----------------------------------------------------------------------------------


def to_ox(term: Node):
    """An rdflib term as a pyoxigraph term (literal datatype and language kept)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise IsecgError(f"not an RDF term: {term!r}", hint="bind parameters as rdflib terms")


_STRING = str(XSD.string)


def _uri(value: str) -> URIRef:
    """``URIRef(value)`` for an IRI a store gave back: the same object, without re-checking it.

    ``URIRef.__new__`` only warns about an IRI it thinks malformed; a store's IRIs were checked
    when they were parsed, so the check is skipped (a tenth of a large result's time).
    """
    return str.__new__(URIRef, value)


def _plain(value: str, lang: str | None = None) -> Literal:
    """``Literal(value, lang=lang)`` for a plain or language-tagged string, built directly.

    rdflib's constructor tries every Python-to-XSD rule on a plain string before keeping it as
    it is; the result is a literal whose value is the string itself, no datatype, not
    ill-typed. This builds exactly that object (``tests/test_store.py`` compares every slot).
    """
    literal = str.__new__(Literal, value)
    literal._language = lang
    literal._datatype = None
    literal._value = value
    literal._ill_typed = None
    return literal


@lru_cache(maxsize=1 << 16)
def _typed(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=_uri(datatype))


def _from_literal(term) -> Literal:
    language = term.language
    if language:
        return _plain(term.value, language)
    datatype = term.datatype.value
    if datatype == _STRING:
        return _plain(term.value)
    return _typed(term.value, datatype)


def _from_other(term) -> Node:
    raise IsecgError(f"unsupported RDF term in a result: {term!r}")


_FROM_OX: dict[type, Callable[[Any], Node | None]] = {type(None): lambda term: None}
if ox is not None:
    _FROM_OX.update(
        {
            ox.NamedNode: lambda term: _uri(term.value),
            ox.Literal: _from_literal,
            ox.BlankNode: lambda term: BNode(term.value),
        }
    )


def from_ox(term) -> Node | None:
    """A pyoxigraph term as an rdflib term; an xsd:string literal becomes a plain literal."""
    return _FROM_OX.get(type(term), _from_other)(term)


# -- opening --------------------------------------------------------------------------------


def _format(path: Path):
    return ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())


def _check(paths: Sequence[Path]) -> None:
    for p in paths:
        if not p.is_file():
            raise IsecgError("no such graph file", file=p, hint="run `isecg-kg build` first")
        if ox is not None and _format(p) is None:
            raise IsecgError(
                f"unknown graph format {p.suffix!r}", file=p, hint="use .ttl .nt .nq .trig .jsonld"
            )


def cache_path(paths: Sequence[Path]) -> Path:
    """Where the store for these files is kept: ``build/isecg.oxigraph`` for ``build/isecg.ttl``."""
    first = Path(paths[0])
    if len(paths) == 1:
        base = first.stem if first.suffix.lower() == ".ttl" else first.name
        return first.with_name(base + ".oxigraph")
    key = hashlib.sha256("\n".join(str(Path(p).resolve()) for p in paths).encode()).hexdigest()
    return first.with_name(f"{first.stem}+{len(paths) - 1}-{key[:8]}.oxigraph")


def _stamp(paths: Sequence[Path]) -> str:
    """What the cache was built from: each file's path, size and modification time."""
    files = []
    for p in paths:
        st = Path(p).stat()
        files.append([str(Path(p).resolve()), st.st_size, st.st_mtime_ns])
    return json.dumps({"version": 1, "oxigraph": ox.__version__, "files": files})


def _load(store, paths: Sequence[Path], bulk: bool) -> None:
    """Load the files; for datasets, also copy every named graph into the default graph."""
    for p in paths:
        fmt = _format(p)
        try:
            if bulk:
                store.bulk_load(path=str(p), format=fmt, lenient=True)
            else:
                store.load(path=str(p), format=fmt)
            if p.suffix.lower() in _DATASET_FORMATS:
                quads = ox.parse(path=str(p), format=fmt, lenient=bulk)
                union = (ox.Quad(q.subject, q.predicate, q.object) for q in quads)
                if bulk:
                    store.bulk_extend(union)
                else:
                    store.extend(union)
        except SyntaxError as e:
            kind = _KIND.get(p.suffix.lower(), p.suffix.lstrip("."))
            reason = str(e.msg).split(": ", 1)[-1]
            raise IsecgError(f"cannot parse {kind}: {reason}", file=p, line=e.lineno) from None
        except OSError as e:
            raise IsecgError(f"cannot read: {e}", file=p) from None


def _rebuild(paths: Sequence[Path], target: Path, stamp: str) -> None:
    """Bulk-load the files into a fresh directory, then swap it in (readers see old or new)."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    remove_stale(target)  # what a killed rebuild left
    shutil.rmtree(tmp, ignore_errors=True)
    store = ox.Store(str(tmp))
    try:
        _load(store, paths, bulk=True)
        store.flush()
        # A bulk load leaves many overlapping files; compacting them once makes every later
        # lookup cheaper (2.5-3x on the queries of a 100k-meeting graph, for ~20% more load time).
        store.optimize()
    except BaseException:
        del store
        gc.collect()
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    del store
    gc.collect()  # closes RocksDB before the directory moves
    (tmp / STAMP).write_text(stamp)
    old = target.with_name(f".{target.name}.{os.getpid()}.old")
    if target.exists():
        target.rename(old)
    try:
        tmp.rename(target)
    except OSError:  # another process swapped its own copy in first
        shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(results_path(target), ignore_errors=True)


def open_store(paths: Sequence[Path | str], *, cache: bool | None = None):
    """A pyoxigraph Store holding the files; ``cache`` None: persist when they are large."""
    return _open(paths, cache)[0]


def _open(paths: Sequence[Path | str], cache: bool | None) -> tuple[object, Path | None]:
    """The store, and the cache folder it was opened from (None when parsed into memory)."""
    if ox is None:
        raise IsecgError("pyoxigraph is not installed", hint="pip install 'isecg-kg[scale]'")
    paths = [Path(p) for p in paths]
    if not paths:
        raise IsecgError("no graph files given")
    _check(paths)
    if cache is None:
        cache = sum(p.stat().st_size for p in paths) >= CACHE_MIN_BYTES
    if cache:
        target = cache_path(paths)
        stamp = _stamp(paths)
        try:
            if not _fresh(target, stamp):
                _rebuild(paths, target, stamp)
            if _fresh(target, stamp):
                return ox.Store.read_only(str(target)), target
        except PermissionError:
            pass  # a folder we cannot write: fall back to memory
    store = ox.Store()
    _load(store, paths, bulk=False)
    return store, None


def _fresh(target: Path, stamp: str) -> bool:
    try:
        return (target / STAMP).read_text() == stamp
    except OSError:
        return False


def refresh(path: Path | str) -> Path | None:
    """Build (or rebuild) the cached store of a graph file just written; None if too small."""
    path = Path(path)
    if ox is None or path.stat().st_size < CACHE_MIN_BYTES:
        return None
    target, stamp = cache_path([path]), _stamp([path])
    if not _fresh(target, stamp):
        _rebuild([path], target, stamp)
    return target


def available() -> bool:
    """Whether the Oxigraph engine (pyoxigraph and oxrdflib) is installed."""
    try:
        import oxrdflib  # noqa: F401
    except ImportError:
        return False
    return ox is not None


def open_graph(paths: Sequence[Path | str], *, cache: bool | None = None) -> Graph:
    """An rdflib Graph over the union of the files, backed by Oxigraph when it is installed."""
    paths = [Path(p) for p in paths]
    try:
        from oxrdflib import OxigraphStore
    except ImportError:
        OxigraphStore = None
    if ox is None or OxigraphStore is None:
        _check(paths)
        g = Graph()
        for p in paths:
            try:
                g.parse(p)
            except (OSError, SyntaxError, ValueError) as e:
                raise IsecgError(f"cannot read: {e}", file=p) from None
        return g
    store, target = _open(paths, cache)
    backend = OxigraphStore(store=store)
    if target is not None:
        backend.isecg_cache = (results_path(target), _stamp(paths))
    return Graph(store=backend, identifier=DATASET_DEFAULT_GRAPH_ID)


def results_path(target: Path) -> Path:
    """Where answers to parameterless queries on the cached store ``target`` are kept."""
    return target.with_name(target.name + ".results")


def oxigraph_of(graph):
    """The pyoxigraph Store behind ``graph`` (a Store, or an rdflib graph over oxrdflib)."""
    if ox is not None and isinstance(graph, ox.Store):
        return graph
    inner = getattr(getattr(graph, "store", None), "_inner", None)
    return inner if ox is not None and isinstance(inner, ox.Store) else None


def graph_names(graph) -> set[str]:
    """The IRIs of the named graphs ``graph`` holds (a TriG build: one per source document)."""
    store = oxigraph_of(graph)
    if store is not None:
        return {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    contexts = getattr(graph, "contexts", None)
    if contexts is None or not getattr(graph, "context_aware", False):
        return set()
    return {
        str(g.identifier)
        for g in contexts()
        if isinstance(g.identifier, URIRef) and g.identifier != DATASET_DEFAULT_GRAPH_ID
    }


# -- querying -------------------------------------------------------------------------------


def select(
    graph, query: str, bindings: dict[str, Node] | None = None
) -> tuple[list[str], list[Row]]:
    """Run a SELECT query with parameters bound as RDF terms; returns (columns, rows).

    On an Oxigraph-backed graph each parameter becomes ``VALUES ?name { term }`` at the start of
    every group pattern that uses it (``sparqltext.inject_values``; the term is written by
    pyoxigraph's own serializer from an RDF term, never from text), which gives rdflib's
    ``initBindings`` semantics; pyoxigraph 0.5's ``substitutions`` join the value in after the
    rest is evaluated, which is 100x slower and misses ``BIND(COALESCE(?meeting, ?date) AS ?m)``.
    A query without parameters on a cached store is answered from ``<cache>.results/`` once it
    has run. On a plain rdflib graph the bindings go to ``initBindings``.
    """
    bindings = dict(bindings or {})
    store = oxigraph_of(graph)
    if store is None:
        result = graph.query(query, initBindings=bindings)
        if result.type != "SELECT":
            raise IsecgError(f"not a SELECT query ({result.type})")
        return [str(v) for v in result.vars], [tuple(row) for row in result]
    text = inject_values(query, bindings, term=lambda t: str(to_ox(t)))
    saved = _result_file(graph, query) if not bindings else None
    if saved is not None and saved.is_file():
        answer = _read_tsv(_read_quietly(saved))
        if answer is not None:
            return answer
    try:
        result = store.query(text)
    except SyntaxError as e:
        raise IsecgError(f"query does not parse: {e}") from None
    if not isinstance(result, ox.QuerySolutions):
        raise IsecgError("not a SELECT query", hint="saved queries are SELECT queries")
    if saved is None:
        return _rows(result)
    data = result.serialize(format=ox.QueryResultsFormat.TSV)
    _write_quietly(saved, data)
    answer = _read_tsv(data)
    if answer is None:  # not the TSV we expect from this pyoxigraph: let it read its own
        answer = _rows(ox.parse_query_results(data, format=ox.QueryResultsFormat.TSV))
    return answer


def _rows(result) -> tuple[list[str], list[Row]]:
    columns = [v.value for v in result.variables]
    convert = _FROM_OX.get
    with _collector_paused():
        rows = [
            tuple([convert(type(term), _from_other)(term) for term in solution])
            for solution in result
        ]
    return columns, rows


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a large answer is built.

    Rows of terms hold no cycles, but each new tuple and list counts towards a collection, and
    the collections over an answer of a million terms took half of the time to build it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Cells(dict):
    """The rdflib term of each TSV cell seen so far: a value repeated over rows is parsed once."""

    def __missing__(self, cell: str) -> Node | None:
        term = self[cell] = _cell(cell)
        return term


def _cell(text: str) -> Node | None:
    """One cell of SPARQL TSV results (as pyoxigraph writes them) as an rdflib term.

    IRIs, blank nodes and quoted literals without escapes are read here; anything else (escaped
    strings, bare numbers and booleans) is handed to pyoxigraph's own reader, once per value.
    """
    if not text:
        return None
    if "\\" not in text:
        first = text[0]
        if first == "<" and text[-1] == ">":
            return _uri(text[1:-1])
        end = text.find('"', 1)
        if first == '"' and end > 0:
            lexical, rest = text[1:end], text[end + 1 :]
            if not rest:
                return _plain(lexical)
            if rest[0] == "@":
                return _plain(lexical, rest[1:])
            if rest.startswith("^^<") and rest[-1] == ">":
                datatype = rest[3:-1]
                return _plain(lexical) if datatype == _STRING else _typed(lexical, datatype)
        if text.startswith("_:"):
            return BNode(text[2:])
    parsed = ox.parse_query_results(f"?x\n{text}\n".encode(), format=ox.QueryResultsFormat.TSV)
    return from_ox(next(iter(parsed))[0])


def _read_tsv(data: bytes | None) -> tuple[list[str], list[Row]] | None:
    """SPARQL TSV results as (columns, rows of rdflib terms); None if ``data`` is not such TSV.

    Reading the cells directly is about twice as fast as pyoxigraph's reader followed by converting
    its terms: no intermediate pyoxigraph term is made, and a repeated value is one object.
    """
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = text.split("\n")
    if lines[-1] != "" or not lines[0].startswith("?"):
        return None
    columns = [name[1:] for name in lines[0].split("\t")]
    if not all(columns):
        return None
    lookup = _Cells().__getitem__
    try:
        with _collector_paused():
            rows = [tuple(map(lookup, line.split("\t"))) for line in lines[1:-1]]
    except (SyntaxError, StopIteration, IndexError, ValueError):
        return None
    width = len(columns)
    if any(len(row) != width for row in rows):
        return None
    return columns, rows


def _read_quietly(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


_VOLATILE = {"NOW", "RAND", "UUID", "STRUUID", "BNODE", "SERVICE"}


def _result_file(graph, query: str) -> Path | None:
    """Where the result of a parameterless, deterministic query on a cached store is kept."""
    cache = getattr(getattr(graph, "store", None), "isecg_cache", None)
    if cache is None or _VOLATILE & {t.word for t in tokens(query)}:
        return None
    directory, stamp = cache
    key = hashlib.sha256(f"{stamp}\n{query}".encode()).hexdigest()[:32]
    return directory / f"{key}.tsv"


def _write_quietly(path: Path, data: bytes) -> None:
    """Keep a result for next time; a folder we cannot write only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass


def warm(paths: Sequence[Path | str], queries: Iterable[str]) -> int:
    """Build the cache of ``paths`` and answer each parameterless query once into it, so the
    first user after a build gets them from ``<cache>.results/``; returns how many were kept."""
    graph = open_graph(paths, cache=True)
    kept = 0
    for text in queries:
        if _result_file(graph, text) is not None:
            select(graph, text)
            kept += 1
    return kept
