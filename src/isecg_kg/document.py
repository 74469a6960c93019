"""The record every loader returns: a source document's text and metadata, no RDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Link:
    """A hyperlink in the document: its anchor text, target and character span in ``text``."""

    text: str
    href: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A source document, read and recognised from its content.

    ``text`` is the main text, paragraphs joined by blank lines; ``paragraphs`` are the same
    pieces. Evidence spans are character offsets into ``text``. ``published`` is a partial date
    (``2020-09-18``, ``2020-09`` or ``2020``) or None when the document does not say.
    """

    id: str
    path: Path
    kind: str  # "wordpress-json" | "html" | "markdown" | "text"
    text: str
    paragraphs: tuple[str, ...]
    title: str | None = None
    published: str | None = None
    modified: str | None = None
    url: str | None = None
    publisher: str | None = None
    media_type: str = "text/plain"
    content_hash: str = ""
    links: tuple[Link, ...] = field(default_factory=tuple)
