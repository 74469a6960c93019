"""Loaders: read a source file, recognise its format from the content, return Documents.

Four kinds: ``wordpress-json`` (a WordPress REST post or page, or an array of them), ``html``
(a web page; only its main text is kept), ``markdown`` (rendered to HTML, its front matter read
as metadata) and ``text``. Metadata the file lacks may come from a
sidecar ``<file>.meta.json`` or a folder's ``manifest.json``.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import (
    BeautifulSoup,
    MarkupResemblesLocatorWarning,
    NavigableString,
    Tag,
    XMLParsedAsHTMLWarning,
)
from markdown_it import MarkdownIt

from .document import Document, Link
from .errors import IsecgError
from .policy import read_limited
from .temporal import is_partial_date

META_KEYS = ("title", "published", "modified", "url", "publisher")
MEDIA_TYPES = {
    "wordpress-json": "application/json",
    "html": "text/html",
    "markdown": "text/markdown",
    "text": "text/plain",
}
MARKDOWN_SUFFIXES = frozenset((".md", ".markdown"))
SIDECAR_SUFFIX = ".meta.json"
MANIFEST = "manifest.json"

# HTML: what is main text, what is chrome. Selectors are data.
# fmt: off
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p",
    "pre", "section", "summary", "table", "tr", "ul",
})
# A table row is one paragraph, its cells set apart by CELL_SEPARATOR: the row stays one record.
CELL_TAGS = frozenset({"td", "th"})
CELL_SEPARATOR = " | "
NOISE_TAGS = frozenset({
    "nav", "header", "footer", "aside", "script", "style", "noscript", "form", "template",
    "iframe", "svg", "button", "select", "input", "textarea", "dialog",
})
NOISE_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search",
})
NOISE_WORDS = frozenset({  # a class or id made of one of these words marks chrome
    "nav", "navbar", "navigation", "menu", "menubar", "footer", "sidebar", "comment", "comments",
    "share", "sharing", "sharedaddy", "social", "breadcrumb", "breadcrumbs",
})
STATE_PREFIXES = ("has-", "is-", "with-", "no-")  # "has-sidebar" describes, it is not a sidebar
KEEP_TAGS = frozenset({"html", "body", "main"})
MODIFIED_META = (  # where a page states when it was last changed
    "article:modified_time", "og:updated_time", "dcterms.modified", "dc.date.modified",
    "last-modified", "datemodified",
)
DATE_META = (  # where a page states its publication date, best first ("ld": JSON-LD)
    "article:published_time", "ld", "datepublished", "date", "dc.date", "dc.date.issued",
    "dcterms.issued", "dcterms.date", "citation_publication_date",
)

# Plain text: headings that start a reader-comment section, labels that are not titles.
COMMENT_HEADINGS = frozenset({
    "reader comments", "comments", "leave a reply", "leave a comment", "responses",
})
GENERIC_LABELS = frozenset({
    "press release", "news release", "media release", "news", "for immediate release",
})
MONTHS = {name: i + 1 for i, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
]) for name in names}
# fmt: on
_MDY = r"(?P<m1>[A-Za-z]+)\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})"
_DMY = r"(?P<d2>\d{1,2})\.?\s+(?P<m2>[A-Za-z]+)\.?,?\s+(?P<y2>\d{4})"
_MY = r"(?P<m3>[A-Za-z]+)\.?\s+(?P<y3>\d{4})"
# Year first, however separated: 2014-05-14, 2014.05.14, 2014/5/14.
_ISO = r"(?P<iso>\d{4}(?P<sep>[-./])\d{1,2}(?P=sep)\d{1,2})"
_DATE = rf"(?:{_MDY}|{_DMY}|{_ISO}|{_MY})"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_LABEL = r"(?:(?:Published|Posted|Date|Released|Issued)(?:\s+on)?\s*[:|]?\s*)?"
# A date line, or a table row that starts with one ("Date | 2014.05.14 | Views | 1827").
_TIME = r"(?:,?\s*(?:T|at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]\.?M\.?|UTC|GMT|[A-Z]{2,4}T)?)?"
DATE_LINE = re.compile(rf"^{_LABEL}{_WEEKDAY}{_DATE}{_TIME}(?:\s+\|\s.*)?$", re.IGNORECASE)
# A labelled date with the place it was issued from: "Published April 2017 - Abu Dhabi".
DATE_PLACE_LINE = re.compile(
    rf"^{_LABEL.removesuffix('?')}{_WEEKDAY}{_DATE}\s+[-–—]\s+[A-Z][\w.'’ -]{{1,40}}$",
    re.IGNORECASE,
)
# A page's own note of when it was last changed, in its footer: "Last update: 10 December 2009".
UPDATED_NOTE = re.compile(
    rf"\b(?:last\s+(?:update|updated|modified|revised|changed)|page\s+(?:last\s+)?updated)"
    rf"(?:\s+on)?\s*[:|]?\s*{_WEEKDAY}{_DATE}",
    re.IGNORECASE,
)
# A head line saying when the document itself came out.
RELEASED_NOTE = re.compile(
    rf"\b(?:released|published|issued|posted|circulated)\b[^.;]{{0,60}}?\s(?:on\s+)?{_WEEKDAY}{_DATE}"
    r"\s*\.?$",
    re.IGNORECASE,
)
# The line below a date that makes it an event's: "Place: Toronto", "Venue: ESTEC".
DATE_FIELD = re.compile(r"^\W*Date\s*:", re.IGNORECASE)
EVENT_FIELD = re.compile(r"^(?:place|venue|location|where|host|time|city)\s*:", re.IGNORECASE)
DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'’-]*(?:,\s*[A-Z][A-Za-z .'’-]*){{0,2}}\s*[,(]\s*{_WEEKDAY}{_DATE}"
    r"\s*\)?\s*(?:—|–|--|-)\s"
)


@dataclass
class _Parsed:
    """What a format loader found, before ids, hashes and sidecar metadata are added."""

    paragraphs: list[str]
    links: list[Link] = field(default_factory=list)
    meta: dict[str, str | None] = field(default_factory=dict)


def discover(paths: list[Path]) -> list[Path]:
    """Source files under ``paths``: folders expanded (sorted, recursive), files kept as given."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise IsecgError("no such file or folder", file=path, hint="check the source path")
        if path.is_dir():
            found += sorted(
                (p for p in path.rglob("*") if p.is_file() and _is_source(p.relative_to(path))),
                key=lambda p: p.relative_to(path).as_posix(),
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _is_source(rel: Path) -> bool:
    name = rel.name
    return not (
        any(part.startswith(".") for part in rel.parts)
        or name.endswith(SIDECAR_SUFFIX)
        or name == MANIFEST
        or name.split(".")[0].upper() == "README"
    )


def load(path: Path | str, meta: dict[str, Any] | None = None) -> Document:
    """The one Document in ``path``; a file holding several must be read with ``load_all``."""
    docs = load_all(path, meta)
    if len(docs) != 1:
        raise IsecgError(f"holds {len(docs)} documents", file=path, hint="use load_all")
    return docs[0]


def load_all(path: Path | str, meta: dict[str, Any] | None = None) -> list[Document]:
    """Every Document in ``path`` (a WordPress array gives several), with sidecar metadata."""
    path = Path(path)
    raw = _read_bytes(path)
    text = _decode(raw, path)
    kind = detect(text)
    if kind == "text" and path.suffix.lower() in MARKDOWN_SUFFIXES:
        kind = "markdown"
    parsed = LOADERS[kind](text, path)
    overrides = {**_manifest_meta(path), **_sidecar_meta(path)}
    if meta:
        overrides.update(_checked_meta(meta, path))
    digest = hashlib.sha256(raw).hexdigest()
    docs = []
    for i, item in enumerate(parsed):
        if not item.paragraphs:
            where = f"[{i}]" if len(parsed) > 1 else None
            raise IsecgError(
                "no text found", file=path, field=where, hint="empty, or only page chrome"
            )
        fields = {**item.meta, **overrides}
        docs.append(
            Document(
                id=digest[:16] if len(parsed) == 1 else f"{digest[:16]}-{i}",
                path=path,
                kind=kind,
                text="\n\n".join(item.paragraphs),
                paragraphs=tuple(item.paragraphs),
                media_type=MEDIA_TYPES[kind],
                content_hash=digest,
                links=tuple(item.links),
                **{k: fields.get(k) for k in META_KEYS},
            )
        )
    return docs


def detect(text: str) -> str:
    """The kind of a decoded file, from its content alone: wordpress-json, html, markdown (front
    matter, or headings with a pipe table) or text."""
    head = text.lstrip()
    if head.startswith("{") or (head.startswith("[") and head[1:].lstrip()[:1] in ("{", "[", "]")):
        return "wordpress-json"
    if head.startswith("<"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            soup = BeautifulSoup(head[:4096], "html.parser")  # adds no implied tags
        if soup.find(["head", "body", "p", "div", "article", "main", "title", "h1", "h2"]):
            return "html"
    if _FRONT_MATTER.match(text) or (_MD_HEADING.search(text) and _MD_TABLE_RULE.search(text)):
        return "markdown"
    return "text"


# ---- reading -----------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    return read_limited(path)


def _decode(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252; never binary."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        if b"\x00" not in raw:
            try:
                return raw.decode("cp1252")
            except UnicodeDecodeError:
                pass
        raise IsecgError(
            f"not UTF-8 text (byte 0x{raw[e.start]:02x})",
            file=path,
            line=line,
            hint="save the file as UTF-8",
        ) from None


def _load_json(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise IsecgError(
            "malformed JSON: nested too deeply", file=path, hint="expected WordPress posts"
        ) from None
    except json.JSONDecodeError as e:
        raise IsecgError(
            f"malformed JSON: {e.msg} at column {e.colno}",
            file=path,
            line=e.lineno,
            hint="fix the JSON, or save the page as HTML or plain text",
        ) from None


# ---- metadata sidecars -------------------------------------------------------------------


def _sidecar_meta(path: Path) -> dict[str, str | None]:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    return _checked_meta(_load_json(_decode(_read_bytes(sidecar), sidecar), sidecar), sidecar)


def _manifest_meta(path: Path) -> dict[str, str | None]:
    manifest = path.with_name(MANIFEST)
    if not manifest.is_file() or path.name == MANIFEST:
        return {}
    entries = _load_json(_decode(_read_bytes(manifest), manifest), manifest)
    if not isinstance(entries, dict):
        raise IsecgError(
            "manifest is not a JSON object", file=manifest, hint='{"file.txt": {"title": ...}}'
        )
    entry = entries.get(path.name)
    return {} if entry is None else _checked_meta(entry, manifest, path.name + ".")


def _checked_meta(meta: Any, source: Path, prefix: str = "") -> dict[str, str | None]:
    """Metadata given by a user, checked: known keys, string values, a partial date."""
    if not isinstance(meta, dict):
        raise IsecgError("metadata is not a JSON object", file=source, field=prefix.rstrip("."))
    for key, value in meta.items():
        if key not in META_KEYS:
            raise IsecgError(
                "unknown metadata key", file=source, field=prefix + key, hint=", ".join(META_KEYS)
            )
        if value is not None and not isinstance(value, str):
            raise IsecgError("must be a string", file=source, field=prefix + key)
        if key in ("published", "modified") and value is not None and not is_partial_date(value):
            raise IsecgError(
                f"not a date: {value!r}",
                file=source,
                field=prefix + key,
                hint="use YYYY, YYYY-MM or YYYY-MM-DD",
            )
    return dict(meta)


# ---- wordpress-json ----------------------------------------------------------------------


def _wordpress(text: str, path: Path) -> list[_Parsed]:
    data = _load_json(text, path)
    items = data if isinstance(data, list) else [data]
    if not items:
        raise IsecgError("empty JSON array", file=path, hint="expected WordPress posts or pages")
    for i, item in enumerate(items):
        if not _is_wordpress(item):
            raise IsecgError(
                "JSON is not a WordPress post or page",
                file=path,
                field=f"[{i}]" if isinstance(data, list) else None,
                hint="expected an object with content.rendered and title.rendered, or a list",
            )
    return [_wordpress_item(item) for item in items]


def _text_or_none(value: Any) -> str | None:
    """A metadata field's value if it is text (a post's JSON may hold anything there)."""
    return value if isinstance(value, str) and value.strip() else None


def _is_wordpress(item: Any) -> bool:
    return isinstance(item, dict) and all(
        isinstance(item.get(k), dict) and isinstance(item[k].get("rendered"), str)
        for k in ("content", "title")
    )


def _wordpress_item(item: dict[str, Any]) -> _Parsed:
    guid = item.get("guid")
    url = _text_or_none(item.get("link")) or (
        _text_or_none(guid.get("rendered")) if isinstance(guid, dict) else None
    )
    yoast = item.get("yoast_head_json")
    site = _text_or_none(yoast.get("og_site_name")) if isinstance(yoast, dict) else None
    paragraphs, links = _main_text(_soup(item["content"]["rendered"]), url, whole=True)
    title = _collapse(_soup(item["title"]["rendered"]).get_text())
    return _Parsed(
        paragraphs,
        links,
        {
            "title": title or None,
            "published": _iso_date(item.get("date_gmt")) or _iso_date(item.get("date")),
            "modified": _iso_date(item.get("modified_gmt")) or _iso_date(item.get("modified")),
            "url": url,
            "publisher": site or _host(url),
        },
    )


# ---- markdown ----------------------------------------------------------------------------

_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\n((?:[ \t]*(?:[\w-]+[ \t]*:.*|#.*|)\n)*?)---[ \t]*\n"
)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_MD_TABLE_RULE = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M
)
_FRONT_KEYS = {
    "title": "title",
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "lastmod": "modified",
    "updated": "modified",
    "modified": "modified",
    "url": "url",
    "permalink": "url",
    "canonical_url": "url",
    "publisher": "publisher",
    "site": "publisher",
}
_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _front_matter(block: str) -> dict[str, str | None]:
    """The flat ``key: value`` fields of a YAML front matter block that name document metadata."""
    meta: dict[str, str | None] = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        field_ = _FRONT_KEYS.get(key.strip().casefold())
        value = value.strip().strip("\"'")
        if not sep or field_ is None or not value or field_ in meta:
            continue
        if field_ in ("published", "modified"):
            meta[field_] = _iso_date(value)
        else:
            meta[field_] = value
    return meta


def _markdown(text: str, path: Path) -> list[_Parsed]:
    """A Markdown file: its front matter's metadata, its body rendered and read as a page."""
    front = _FRONT_MATTER.match(text)
    meta = _front_matter(front.group(1)) if front else {}
    body = text[front.end() :] if front else text
    page = f"<html><body><article>{_MARKDOWN.render(body)}</article></body></html>"
    (parsed,) = _html(page, path)
    parsed.meta.update({k: v for k, v in meta.items() if v})
    return [parsed]


# ---- html --------------------------------------------------------------------------------


def _html(text: str, path: Path) -> list[_Parsed]:
    soup = _soup(text)
    meta = _html_meta(soup)
    base = soup.find("base", href=True)
    paragraphs, links = _main_text(soup, base["href"] if base else meta.get("url"))
    if not meta.get("published"):
        meta["published"] = _text_date(paragraphs[:3])
    return [_Parsed(paragraphs, links, meta)]


def _html_meta(soup: BeautifulSoup) -> dict[str, str | None]:
    """Title, dates, url and publisher from meta tags, JSON-LD, <h1>, <title> and <time>."""
    metas: dict[str, str] = {}
    for tag in soup.find_all("meta", content=True):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        if key:
            metas.setdefault(key.casefold(), tag["content"].strip())
    ld = _json_ld(soup)
    body = soup.find("article") or soup.find("main") or soup
    site = metas.get("og:site_name") or _ld_name(ld.get("publisher"))
    title = metas.get("og:title") or _first_text(body.find("h1")) or _page_title(soup, site)
    # a <time> in a list or table dates its entry (a timeline's), not the page
    times = [t for t in (*body.find_all("time"), *soup.find_all("time")) if not _in_entry(t)]
    time = next((t for t in times if t.get("datetime")), None)
    stamps = [ld.get("datePublished") if k == "ld" else metas.get(k) for k in DATE_META]
    # any other tag naming a publication ("govuk:first-published-at", "og:published_time")
    stamps += [v for k, v in metas.items() if "publish" in k and k not in DATE_META]
    stamps.append(time["datetime"] if time else None)
    time_text = _first_text(times[0]) if times else None
    published = next(filter(None, map(_iso_date, stamps)), None) or _text_date([time_text or ""])
    modified = next(
        filter(
            None, map(_iso_date, [*(metas.get(k) for k in MODIFIED_META), ld.get("dateModified")])
        ),
        None,
    )
    if modified is None:  # "Last update: 10 December 2009" in the page's footer
        note = UPDATED_NOTE.search(" ".join(soup.get_text(" ").split()))
        modified = _partial_date(note) if note else None
    canonical = soup.find("link", rel="canonical", href=True)
    url = canonical["href"] if canonical else metas.get("og:url")
    return {
        "title": title or _first_text(soup.find("h1")),
        "published": published,
        "modified": modified,
        "url": url,
        "publisher": site or _host(url),
    }


def _in_entry(tag: Tag) -> bool:
    """Whether a tag stands in a list item or a table cell."""
    return tag.find_parent(("li", "td", "th", "dd", "dt")) is not None


def _json_ld(soup: BeautifulSoup) -> dict[str, Any]:
    """The first JSON-LD node that has a datePublished (or else the first node), if any."""
    nodes: list[dict[str, Any]] = []
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except json.JSONDecodeError:
            continue
        for node in data if isinstance(data, list) else [data]:
            if isinstance(node, dict):
                nodes += [n for n in node.get("@graph", [node]) if isinstance(n, dict)]
    return next((n for n in nodes if "datePublished" in n), nodes[0] if nodes else {})


def _ld_name(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    return None


def _page_title(soup: BeautifulSoup, site: str | None) -> str | None:
    """<title>, without a trailing " | Site Name" when the site name is known."""
    title = _first_text(soup.find("title"))
    if title and site:
        for sep in (" | ", " - ", " – ", " — "):
            if title.endswith(sep + site):
                return title[: -len(sep + site)]
    return title


def _is_noise(tag: Tag) -> bool:
    """Page chrome: by tag name, or by role, class or id unless it holds the <main> or <h1>."""
    if tag.name in KEEP_TAGS:
        return False
    if tag.name in NOISE_TAGS or tag.has_attr("hidden"):
        return True
    if "display:none" in tag.get("style", "").replace(" ", ""):
        return True
    words = [
        word
        for token in [*tag.get("class", []), *tag.get("id", "").split()]
        if not token.lower().startswith(STATE_PREFIXES)
        for word in token.lower().replace("_", "-").split("-")
    ]
    marked = tag.get("role") in NOISE_ROLES or not NOISE_WORDS.isdisjoint(words)
    return marked and tag.find(["main", "h1"]) is None


def _main_text(
    soup: BeautifulSoup, base: str | None, whole: bool = False
) -> tuple[list[str], list[Link]]:
    """Paragraphs and links of the main content: chrome removed, <article>/<main> preferred."""
    for tag in soup.find_all(_is_noise):
        if not tag.decomposed:
            tag.decompose()
    root: Tag = soup.body or soup
    if not whole:
        articles = soup.find_all("article")
        main = soup.find("main") or soup.find(attrs={"role": "main"})
        root = articles[0] if len(articles) == 1 else main or root
    return _blocks(root, base)


def _blocks(root: Tag, base: str | None) -> tuple[list[str], list[Link]]:
    """Walk ``root`` in document order: each block element's text is a paragraph."""
    out = _Paragraphs()
    current: Tag | None = None
    for node in root.descendants:
        if isinstance(node, Tag):
            if node.name in BLOCK_TAGS:
                out.flush()
            elif node.name in CELL_TAGS:
                out.cell()
            elif node.name == "br":
                out.space()
            continue
        if type(node) is not NavigableString:  # comments, doctype, CDATA
            continue
        block = _ancestor(node, BLOCK_TAGS, root) or root
        if block is not current:
            out.flush()
            current = block
        anchor = _ancestor(node, {"a"}, root)
        href = anchor.get("href", "").strip() if anchor else ""
        out.add(str(node), anchor if href else None, urljoin(base or "", href))
    out.flush()
    return out.paragraphs, out.links


def _ancestor(node: Any, names: set[str] | frozenset[str], root: Tag) -> Tag | None:
    parent = node.parent
    while parent is not None and parent is not root:
        if parent.name in names:
            return parent
        parent = parent.parent
    return None


class _Paragraphs:
    """Accumulates text runs into paragraphs with collapsed whitespace, tracking link spans."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.links: list[Link] = []
        self._offset = 0  # where the next paragraph starts in the joined text
        self._buf: list[str] = []
        self._len = 0
        self._space = False
        self._anchor: Tag | None = None
        self._href = ""
        self._start = 0
        self._spans: list[tuple[str, int, int]] = []

    def space(self) -> None:
        self._space = True

    def cell(self) -> None:
        """A new table cell: set apart from the row's cells before it."""
        if self._buf and self._buf[-1] != CELL_SEPARATOR:
            self._close()
            self._buf.append(CELL_SEPARATOR)
            self._len += len(CELL_SEPARATOR)
            self._space = False

    def add(self, text: str, anchor: Tag | None, href: str) -> None:
        if anchor is not self._anchor:
            self._close()
        words = text.split()
        if not words:
            self._space = self._space or bool(text)
            return
        if self._buf and self._buf[-1] != CELL_SEPARATOR and (self._space or text[0].isspace()):
            self._buf.append(" ")
            self._len += 1
        if anchor is not None and self._anchor is None:
            self._anchor, self._href, self._start = anchor, href, self._len
        piece = " ".join(words)
        self._buf.append(piece)
        self._len += len(piece)
        self._space = text[-1].isspace()

    def _close(self) -> None:
        if self._anchor is not None and self._len > self._start:
            self._spans.append((self._href, self._start, self._len))
        self._anchor = None

    def flush(self) -> None:
        self._close()
        if self._buf and self._buf[-1] == CELL_SEPARATOR:  # an empty last cell
            self._buf.pop()
            self._len -= len(CELL_SEPARATOR)
        if self._buf:
            para = "".join(self._buf)
            for href, s, e in self._spans:
                self.links.append(Link(para[s:e], href, self._offset + s, self._offset + e))
            self.paragraphs.append(para)
            self._offset += len(para) + 2
        self._buf, self._len, self._space, self._spans = [], 0, False, []


# ---- text --------------------------------------------------------------------------------


def _text(text: str, path: Path) -> list[_Parsed]:
    paragraphs = _text_paragraphs(text)
    cut = next(
        (i for i, p in enumerate(paragraphs) if i and p.casefold().rstrip(":") in COMMENT_HEADINGS),
        len(paragraphs),
    )
    paragraphs = paragraphs[:cut]
    meta: dict[str, str | None] = {}
    head: list[int] = []  # leading short lines: publisher, title, date
    for i, p in enumerate(paragraphs[:5]):
        if not (_line_date(p) or _title_like(p)):
            break
        head.append(i)
    used: set[int] = set()
    for p in paragraphs[:5]:  # "Public version, released by the Secretariat on 2014-10-20"
        note = None if _line_date(p) else RELEASED_NOTE.search(p)
        if note and not meta.get("published"):
            meta["published"] = _partial_date(note)
    for i in head:
        below = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
        if DATE_FIELD.match(paragraphs[i]) and EVENT_FIELD.match(below):
            continue  # "Date: 2014-09-30" over "Place: Toronto": the meeting's date
        if _line_date(paragraphs[i]) and not meta.get("published"):
            meta["published"] = _line_date(paragraphs[i])
            used.add(i)
    names = [i for i in head if i not in used]
    if names and paragraphs[names[0]].casefold() in GENERIC_LABELS:
        used.add(names.pop(0))
    if len(names) >= 2 and _publisher_like(paragraphs[names[0]], paragraphs[names[1]]):
        meta["publisher"] = paragraphs[names[0]]
        used.add(names.pop(0))
    if names:
        meta["title"] = paragraphs[names[0]]
        used.add(names[0])
    body = [p for i, p in enumerate(paragraphs) if i not in used]
    if not meta.get("published"):  # sub-headlines set as bullets do not push the dateline down
        meta["published"] = _text_date([p for p in body if not _BULLET.match(p)][:3])
    return [_Parsed(body, [], meta)]


def _text_paragraphs(text: str) -> list[str]:
    """Blank lines (and rules: "-----") separate blocks; hard-wrapped lines are joined, other
    lines stay paragraphs."""
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        boxed = _BOXED.match(line)  # "| ASI (Italy) - CNES (France) |": a box's row, its own line
        if boxed and block and not _BOXED.match(block[-1]):
            paragraphs += _unwrap(block)
            block = []
        if boxed:
            block.append(line)
            continue
        if block and _BOXED.match(block[0]):  # the line after a box starts a block of its own
            paragraphs += _unwrap(block)
            block = []
        labelled = _LABELLED_RULE.fullmatch(line)  # "===== Slide 3": a rule, and a heading
        if labelled:
            paragraphs += _unwrap(block)
            paragraphs.append(" ".join(labelled.group(2).split()))
            block = []
            continue
        if line.strip() and not _RULE.fullmatch(line):
            # columns set apart by runs of spaces are a table row's cells: "ASI (Italy)   Italy";
            # a label with dot leaders is a label: "Host ........ KARI" -> "Host: KARI"
            cells = _COLUMN_GAP.split(_LEADER.sub(r"\g<label>: ", line.strip()))
            block.append(_row(cells))
            continue
        paragraphs += _unwrap(block)
        block = []
    return paragraphs


def _unwrap(block: list[str]) -> list[str]:
    """A block's lines as paragraphs: hard-wrapped lines joined, a box's rows one each."""
    if block and _BOXED.match(block[0]):
        return [" ".join(r.split()) for b in block if (r := _BOXED.match(b).group(1)).strip()]
    out: list[str] = []
    width = max((len(x) for x in block), default=0)
    wrapped = len(block) > 1 and width <= _WRAP_WIDTH
    for i, x in enumerate(block):
        if wrapped and i and _lost_stop(block, i, width):
            out.append(x)  # a sentence ended here and its full stop was lost
        elif wrapped and i and len(block[i - 1]) >= 40 and not _own_line(block[i - 1], x):
            if _HYPHENATED.search(out[-1]) and x[:1].islower():
                out[-1] = out[-1][:-1] + x  # "agen-" + "cies": one word
            else:
                out[-1] += " " + x
        else:
            out.append(x)
    return out


_HYPHENATED = re.compile(r"[A-Za-z][a-z]-$")  # a word broken at the line's end ("To-" + "ronto")
_RULE = re.compile(r"\s*\+?([-=_*~#])\1{3,}\+?\s*")  # "-----", and a box's edge "+----+"
_BOXED = re.compile(r"^\s*\|\s*(.*?)\s*\|\s*$")
_LABELLED_RULE = re.compile(r"\s*([-=_*~#])\1{7,}\s+(\w.*?)\s*(?:\1{4,})?\s*")
_WRAP_WIDTH = 132  # the widest hard-wrapped text seen: a line printer's 132 columns


def _row(cells: list[str]) -> str:
    """Cells as one line, " | " between them; a label's value stays with it ("Venue: ESTEC")."""
    out: list[str] = []
    for cell in (" ".join(c.split()) for c in cells):
        if out and out[-1].endswith(":"):
            out[-1] += " " + cell
        else:
            out.append(cell)
    return " | ".join(out)


_LEADER = re.compile(r"^(?P<label>[A-Z][A-Za-z/ -]{0,24}[A-Za-z])(?:\s*\.{2,}|\s+\.)\s+(?=\S)")
_COLUMN_GAP = re.compile(r"(?<=\S)[ \t]{4,}(?=\S)|(?<=\S)\t+(?=\S)")
# A line that starts an item of its own even inside a block: a label ("Venue: ..."), a numbered
# clause ("1.2 The ...", "3. AGENCY REPORTS") or a bullet.
_BULLET_MARK = r"[-*•]\s"
_BULLET = re.compile("^" + _BULLET_MARK)
_ITEM_START = re.compile(
    rf"^(?:[A-Z][A-Za-z./ -]{{0,25}}:(?:\s|$)|\d+(?:\.\d+)+\.?\s|\d+\.\s|{_BULLET_MARK})"
)
_CELLS = re.compile(r"\s\|\s")


def _lost_stop(block: list[str], i: int, width: int) -> bool:
    """Whether line ``i`` starts a new sentence whose full stop was lost: the text is wrapped at
    a steady width (three lines or more near it), the line before ends without punctuation, and
    this line's capitalised first word would have fitted on it, so the wrapper did not move it
    down: the writer did ("... worth the investment" / "ESA took over ...")."""
    before, line = block[i - 1], block[i]
    first = line.split()[0] if line.split() else ""
    steady = sum(len(x) >= width - 8 for x in block) >= 3
    return (
        steady
        and width >= 50
        and len(before) >= 40
        and first[:1].isupper()
        and before[-1:].isalnum()
        and not _HYPHENATED.search(before)
        and len(before) + 1 + len(first) <= width
    )


def _own_line(before: str, line: str) -> bool:
    """Whether ``line`` is not the continuation of ``before``: an item start, or either is a row
    of cells ("Source: Xinhua | 2020-09-11 16:42:05 | Editor: ...")."""
    return bool(_ITEM_START.match(line) or _CELLS.search(line) or _CELLS.search(before))


def _title_like(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 20
        and len(line) <= 160
        and not line.endswith((".", ",", ";", ":"))
        and not line[0].islower()
        and not line.casefold().startswith("by ")
    )


def _publisher_like(first: str, second: str) -> bool:
    """A site name above a title: at most three capitalised words, shorter than the title."""
    words = first.split()
    return (
        len(words) <= 3
        and all(w[0].isupper() for w in words)
        and not any(c.isdigit() for c in first)
        and len(first) < len(second)
        and _title_like(second)
        and not _line_date(second)
    )


# ---- dates -------------------------------------------------------------------------------


def _text_date(paragraphs: list[str]) -> str | None:
    """The date of a date line ("Published: 14 May 2016") or a dateline ("WASHINGTON, ... —")."""
    for p in paragraphs:
        m = DATELINE.match(p)
        value = _line_date(p) or (_partial_date(m) if m else None)
        if value:
            return value
    return None


def _line_date(line: str) -> str | None:
    """The date of a line that is only a date, perhaps labelled: 'Published: 14 May 2016', or of
    a row of cells with one ('Source: Xinhua | 2020-09-11 16:42:05 | Editor: ...')."""
    for cell in [line, *_CELLS.split(line)] if _CELLS.search(line) else [line]:
        m = DATE_LINE.match(cell.strip()) or DATE_PLACE_LINE.match(cell.strip())
        if m:
            return _partial_date(m)
    return None


def _partial_date(m: re.Match[str]) -> str | None:
    if m["iso"]:
        y, mo, d = re.split(r"[-./]", m["iso"])
        value = f"{y}-{int(mo):02d}-{int(d):02d}"
        return value if is_partial_date(value) else None
    month, day, year = (m["m1"], m["d1"], m["y1"]) if m["m1"] else (m["m2"], m["d2"], m["y2"])
    if not month:
        month, day, year = m["m3"], None, m["y3"]
    number = MONTHS.get(month.casefold())
    if number is None:
        return None
    value = f"{year}-{number:02d}" + (f"-{int(day):02d}" if day else "")
    return value if is_partial_date(value) else None


def _iso_date(value: Any) -> str | None:
    """The partial date an ISO 8601 timestamp starts with: '2020-09-18T07:55:27' -> '2020-09-18'."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    for n in (10, 7, 4):
        head = value[:n]
        if len(head) == n and is_partial_date(head) and (len(value) == n or not value[n].isdigit()):
            return head
    return None


# ---- helpers -----------------------------------------------------------------------------


def _soup(markup: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)  # XHTML is read as a page
        return BeautifulSoup(markup, "lxml")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _first_text(tag: Tag | None) -> str | None:
    return (_collapse(tag.get_text()) or None) if tag else None


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


LOADERS: dict[str, Callable[[str, Path], list[_Parsed]]] = {
    "wordpress-json": _wordpress,
    "html": _html,
    "markdown": _markdown,
    "text": _text,
}
