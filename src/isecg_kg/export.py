"""Writing the graph: Turtle, N-Triples, JSON-LD (local context) or TriG, byte-stable and atomic."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import DCTERMS, OWL, RDF, RDFS, SKOS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import VANN
from rdflib.term import Node

from .errors import IsecgError
from .namespaces import ID, ISECG, ORG, PROV, SCHEMA, TIME, WD
from .turtle import longturtle

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig"}

PREFIXES = {
    "isecg": str(ISECG._NS),
    "id": str(ID),
    "agency": str(ID["agency/"]),
    "meeting": str(ID["meeting/"]),
    "membership": str(ID["membership/"]),
    "source": str(ID["source/"]),
    "org": str(ORG),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "time": str(TIME),
    "wd": str(WD),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "vann": str(VANN),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (replacing rdflib's defaults) so every export reads alike."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def format_for(path: Path) -> str:
    """The export format named by a file's extension, or an error saying which are known."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(FORMATS)
        raise IsecgError(
            f"unknown output format {path.suffix or '(none)'!r}",
            file=path,
            hint=f"use one of {known}",
        ) from None


def union(graphs: Iterable[Graph]) -> Graph:
    """All triples of the given graphs in one graph."""
    merged = bind_prefixes(Graph())
    for g in graphs:
        for triple in g:
            merged.add(triple)
    return merged


def to_dataset(graphs: Iterable[Graph]) -> Dataset:
    """A dataset with one named graph per given graph (by its identifier)."""
    ds = Dataset()
    bind_prefixes(ds)
    for g in graphs:
        target = ds.graph(g.identifier)
        for triple in g:
            target.add(triple)
    return ds


def serialize(graphs: list[Graph], fmt: str) -> bytes:
    """The given graphs in one format; the same graphs always give the same bytes."""
    if fmt == "trig":
        return _stable_trig(graphs)
    if fmt == "turtle":
        return canonical_turtle(graphs)
    merged = union(graphs)
    if fmt == "nt":
        text = merged.serialize(format="nt", encoding="utf-8").decode("utf-8")
        lines = sorted(line for line in text.splitlines() if line.strip())
        return ("\n".join(lines) + "\n").encode("utf-8")
    if fmt == "json-ld":
        context = {k: v for k, v in PREFIXES.items() if k not in {"vann"}}
        raw = merged.serialize(format="json-ld", context=context, auto_compact=True)
        return _stable_jsonld(json.loads(raw), context)
    raise IsecgError(f"unknown output format {fmt!r}")


def canonical_turtle(graphs: Graph | Iterable[Graph]) -> bytes:
    """Sorted long-form Turtle, the same bytes for the same triples.

    The bytes are those of rdflib's ``longturtle`` with ``canon=True``, written by
    ``turtle.longturtle`` straight from the triples, or by rdflib where that writer declines the
    graph.
    """
    graphs = [graphs] if isinstance(graphs, Graph) else list(graphs)
    merged = bind_prefixes(Graph())
    text = longturtle(_canonical_triples(graphs), merged.namespace_manager)
    if text is None:
        for triple in _canonical_triples(graphs):
            merged.add(triple)
        text = merged.serialize(format="longturtle", encoding="utf-8")
    return text


def _canonical_triples(graphs: list[Graph]) -> Iterator[tuple[Node, Node, Node]]:
    """The graphs' triples, with blank nodes labelled as rdflib's ``canon=True`` labels them.

    Relabelling the whole graph costs most of rdflib's serialisation time; only triples that
    touch a blank node bear on the labels, so just those are relabelled
    (``to_canonical_graph``), and come last, as they do in rdflib's store.
    """
    blank = Graph()
    for graph in graphs:
        for triple in graph:
            s, _, o = triple
            # isinstance() on rdflib terms is slow (ABCs): rule out the common types first.
            if (type(s) is not URIRef and isinstance(s, BNode)) or (
                type(o) is not URIRef and type(o) is not Literal and isinstance(o, BNode)
            ):
                blank.add(triple)
            else:
                yield triple
    if len(blank):
        yield from to_canonical_graph(blank)


def _stable_trig(graphs: list[Graph]) -> bytes:
    """TriG with named graphs in IRI order, each body canonical Turtle (rdflib's TriG is not
    byte-stable)."""
    prefixes: set[str] = set()
    blocks = []
    for g in sorted(graphs, key=lambda g: str(g.identifier)):
        if not len(g):
            continue
        text = canonical_turtle(g).decode()
        head, _, triples = text.partition("\n\n")
        if not head.startswith("PREFIX "):
            head, triples = "", text
        prefixes.update(line for line in head.splitlines() if line.startswith("PREFIX "))
        # Not re-indented: a multi-line literal's lines are data.
        blocks.append(f"<{g.identifier}> {{\n{triples.strip()}\n}}\n")
    head = "\n".join(sorted(prefixes))
    return (head + "\n\n" + "\n".join(blocks)).encode("utf-8")


def _stable_jsonld(doc: object, context: dict[str, str]) -> bytes:
    """JSON-LD with nodes sorted by @id and values sorted, so the bytes are deterministic."""
    nodes = doc.get("@graph", [doc]) if isinstance(doc, dict) else doc
    nodes = [n for n in nodes if isinstance(n, dict) and n.keys() - {"@context"}]
    for node in nodes:
        node.pop("@context", None)
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True))
    nodes.sort(key=lambda n: (str(n.get("@id", "")), json.dumps(n, sort_keys=True)))
    out = {"@context": context, "@graph": nodes}
    return (json.dumps(out, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def umask() -> int:
    """The process's file-creation mask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_stale(path: Path) -> list[Path]:
    """Remove what a killed writer of ``path`` left beside it (``.NAME.PID[.x].tmp`` or
    ``.NAME.PID.old``, files or folders, of a process that no longer runs); returns them."""
    pattern = re.compile(rf"^\.{re.escape(path.name)}\.(\d+)(?:\.[^/]+)?\.(?:tmp|old)$")
    removed = []
    try:
        siblings = list(path.parent.iterdir())
    except OSError:
        return removed
    for other in siblings:
        m = pattern.match(other.name)
        if m is None or int(m.group(1)) == os.getpid() or _pid_alive(int(m.group(1))):
            continue
        if other.is_dir() and not other.is_symlink():
            shutil.rmtree(other, ignore_errors=True)
        else:
            other.unlink(missing_ok=True)
        removed.append(other)
    return removed


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The file gets the permissions any new file gets here (0666 less the umask); what a killed
    earlier write left beside it is removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(path)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
    )
    try:
        os.fchmod(fd, 0o666 & ~umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export(graphs: list[Graph], path: Path) -> int:
    """Write the graphs to ``path`` in the format its extension names; returns bytes written."""
    data = serialize(graphs, format_for(path))
    try:
        write_atomic(path, data)
    except OSError as e:
        raise IsecgError(f"cannot write output: {e.strerror}", file=path) from None
    return len(data)
