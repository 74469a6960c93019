"""isecg-kg: a knowledge graph of the International Space Exploration Coordination Group.

The library the ``isecg-kg`` command is built on::

    >>> import isecg_kg
    >>> result = isecg_kg.build(["data/sources"], out="build/isecg.ttl")   # doctest: +SKIP
    >>> isecg_kg.query("members", data="build/isecg.ttl", date="2020-09-09")  # doctest: +SKIP
    [{'agency': 'AEB', 'name': 'Brazilian Space Agency', 'since': '2020-09-09'}, ...]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph

from .errors import IsecgError, NotConforming
from .pipeline import BuildResult
from .pipeline import build as _build

__all__ = [
    "BuildResult",
    "IsecgError",
    "NotConforming",
    "build",
    "load",
    "query",
    "saved_queries",
    "validate_records",
]


def _paths(value: str | Path | Sequence[str | Path] | None) -> list[Path]:
    if value is None:
        return []
    if isinstance(value, str | Path):
        return [Path(value)]
    return [Path(v) for v in value]


def build(
    sources: str | Path | Sequence[str | Path] = (),
    *,
    out: str | Path | None = None,
    with_inferences: bool = False,
    force: bool = False,
) -> BuildResult:
    """Build the graph from source files or folders (default ``data/sources``); write ``out``
    (an existing ``out`` is kept when a source failed, unless ``force``)."""
    out_path = Path(out) if out else None
    return _build(_paths(sources), out=out_path, with_inferences=with_inferences, force=force)


def load(data: str | Path | Sequence[str | Path] = "build/isecg.ttl") -> Graph:
    """A built graph from its file(s): Turtle, N-Triples, JSON-LD or TriG."""
    from .queries import load_data

    return load_data(_paths(data))


def query(
    name_or_file: str | Path,
    *,
    data: str | Path | Sequence[str | Path] | Graph = "build/isecg.ttl",
    **params: str,
) -> list[dict[str, str | None]]:
    """Run a saved query (``"members"``) or a ``.rq`` file; rows as dicts of lexical forms."""
    from .queries import get_query, run

    graph = data if isinstance(data, Graph) else load(data)
    return run(get_query(name_or_file), graph, params).as_dicts()


def saved_queries() -> list[str]:
    """The names of the saved queries."""
    from .queries import list_queries

    return [q.name for q in list_queries()]


def validate_records(
    records: str | Path | Sequence[str | Path], *, data: str | Path | Sequence[str | Path]
) -> object:
    """Check new records against the shapes in the context of a built graph; a Report."""
    from .records import check

    return check(_paths(records), load(data)).report
