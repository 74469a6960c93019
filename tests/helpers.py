"""Helpers the tests import: a plain-text Document from a string."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from isecg_kg.document import Document, Link


def doc(text: str, published: str | None = None, links: Iterable[Link] = ()) -> Document:
    """A plain-text document; paragraphs are the blank-line separated parts of ``text``."""
    return Document(
        id="t",
        path=Path("t.txt"),
        kind="text",
        text=text,
        paragraphs=tuple(text.split("\n\n")),
        published=published,
        links=tuple(links),
    )
