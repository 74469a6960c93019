"""Where the ontology, shapes, registry and saved queries live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent


def resource(*parts: str) -> Path:
    """Path of a shipped resource: inside the installed package, else in the source checkout."""
    packaged = _PACKAGE.joinpath("resources", *parts)
    if packaged.exists():
        return packaged
    return _CHECKOUT.joinpath(*parts)


def ontology_path() -> Path:
    return resource("ontology", "isecg.ttl")


def shapes_path() -> Path:
    return resource("ontology", "shapes.ttl")


def record_shapes_path() -> Path:
    """The stricter shapes new records are held to, beside ``shapes_path()``."""
    return resource("ontology", "record-shapes.ttl")


def registry_path() -> Path:
    return resource("data", "agencies.ttl")


def queries_dir() -> Path:
    return resource("queries")
