"""New records: Turtle, JSON-LD or a source document, checked against the shapes, then kept.

A record in an RDF format is taken as written, in its own named graph ``id:record/<hash>``; a
source document is loaded and mapped exactly as the build does. ``add`` stores a record that
conforms under ``data/`` (RDF in ``data/records/``, documents in ``data/sources/``), so the next
build includes it; a record that does not conform changes nothing.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from .errors import IsecgError, parser_complaint
from .namespaces import ID
from .policy import read_limited, resolve_jsonld

RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig"}
DATA_DIR = Path("data")


def is_rdf(path: Path) -> bool:
    """Whether a file is an RDF record (by its extension) rather than a source document."""
    return path.suffix.lower() in RDF_FORMATS


def load_rdf(path: Path) -> Graph:
    """An RDF record as a graph named ``id:record/<hash of its bytes>``."""
    data = read_limited(path)
    graph = Graph(identifier=ID[f"record/{hashlib.sha256(data).hexdigest()[:16]}"])
    if RDF_FORMATS[path.suffix.lower()] == "json-ld":
        data = resolve_jsonld(data, path)
    try:
        graph.parse(data=data, format=RDF_FORMATS[path.suffix.lower()])
    except Exception as e:  # rdflib raises many types; each is this file's syntax problem
        line, message = parser_complaint(e)
        raise IsecgError(f"not valid RDF: {message}", file=path, line=line) from None
    if not len(graph):
        raise IsecgError("the record holds no triples", file=path)
    return graph


def record_graphs(paths: Sequence[Path]) -> list[Graph]:
    """The graphs of new records: RDF as written, source documents mapped like the build."""
    from .pipeline import map_documents, read_documents

    graphs = [load_rdf(p) for p in paths if is_rdf(p)]
    documents = [p for p in paths if not is_rdf(p)]
    if documents:
        docs, errors = read_documents(documents)
        if errors:
            raise errors[0]
        graphs.extend(map_documents(docs))
    return graphs


@dataclass
class Checked:
    """New records, the nodes they describe, and the SHACL report on them in context."""

    graphs: list[Graph]
    focus: list[URIRef]
    report: object  # validate.Report


def check(paths: Sequence[Path], context: Graph) -> Checked:
    """Validate new records against the shapes in the context of an existing graph.

    Only the nodes the records describe (and the records their rules read) are validated, so
    a check stays fast however large the graph is.
    """
    from .validate import validate

    graphs = record_graphs(paths)
    merged = Graph()
    merged += context
    focus: set[URIRef] = set()
    for g in graphs:
        merged += g
        focus.update(s for s in g.subjects() if isinstance(s, URIRef))
    ordered = sorted(focus)
    return Checked(graphs, ordered, validate(merged, focus=ordered))


def store(paths: Sequence[Path], data_dir: Path = DATA_DIR) -> list[Path]:
    """Copy conforming records under ``data_dir`` for the next build; returns where."""
    targets = []
    for path in paths:
        folder = data_dir / ("records" if is_rdf(path) else "sources")
        target = folder / path.name
        if target.exists() and target.read_bytes() != path.read_bytes():
            raise IsecgError(
                "a different file of that name is already stored",
                file=target,
                hint="rename the record",
            )
        targets.append(target)
    for path, target in zip(paths, targets, strict=True):
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            tmp = target.with_name(f".{target.name}.tmp")
            shutil.copyfile(path, tmp)
            tmp.replace(target)
    return targets
