"""Lists of agencies in every shape a report writes them.

"ASI (Italy), CNES (France) and UKSA", "the Brazilian Space Agency (AEB), Australian Space Agency
(ASA)/... (CSIRO)", "Asia (ISRO, JAXA, KARI)", "Brazil (AEB)", country names standing for their
agency, agencies the registry does not know ("Philippine Space Agency (PhilSA)"), and items noted
absent ("KARI (absent)"). A list is read item by item from where a rule says it starts, and
ends at the first item that is not an agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts import AgencyRef
from ..registry import Registry, canonical_country
from .gazetteer import AGENCY_WORDS, COUNTRIES, REGIONS
from .text import Text

_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:and\s+|&\s*|as well as\s+|plus\s+)?|;\s*(?:and\s+)?|\s+(?:and|&|"
    r"as well as|plus)\s+|"
    r"\s*/\s*|\s*\n+\s*(?:[*•·▪-]\s+)?)"
)
_LEAD = re.compile(
    r"^(?:[*•·▪-]\s*)?(?:and\s+|&\s*)?(?:(?:senior\s+)?(?:representatives|delegates|delegations|"
    r"officials|managers|heads)\s+(?:of|from)\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\s*\([^()]*\)")
_NAME_WORDS = re.compile(
    r"^[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|of|and|for|the|de|du|des|la|le|d'\w+))*$"
)
_SHORT_NAME = re.compile(r"^[A-Z][A-Za-z]{1,7}$")
ABSENT_NOTE = re.compile(
    r"\((?:[^()]*\b(?:absent|did not (?:attend|participate)|not present|could not attend|"
    r"unable to attend|excused|apologi[sz]ed)\b[^()]*)\)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Item:
    """One list item: its span, the agencies it names, whether it is noted absent."""

    start: int
    end: int
    agencies: tuple[AgencyRef, ...]
    absent: bool = False
    stop: bool = False  # not an agency: the list ends before it


def _split(text: Text, start: int, end: int) -> list[tuple[int, int]]:
    region = text.masked[start:end]
    depth, level = 0, []
    for ch in region:
        depth = depth + 1 if ch == "(" else max(0, depth - 1) if ch == ")" else depth
        level.append(depth)
    spans, s = [], 0
    for m in _SEPARATOR.finditer(region):
        if m.end() > m.start() and level[m.start()] == 0:
            spans.append((start + s, start + m.start()))
            s = m.end()
    spans.append((start + s, end))
    return [(a, b) for a, b in spans if text.masked[a:b].strip()]


def _item(text: Text, registry: Registry, a: int, b: int) -> Item:
    raw = text.folded[a:b]
    absent = bool(ABSENT_NOTE.search(raw))
    tokens = text.tokens_in(a, b)
    if tokens:
        prefix = _LEAD.sub("", text.folded[a : tokens[0].start].lstrip()).strip(" (:")
        if prefix and not _is_place(prefix):
            return Item(a, b, (), stop=True)  # "14 space agencies gathered at NASA ..."
        seen: list[str] = []
        for t in tokens:
            if t.acronym not in seen:
                seen.append(t.acronym)
        tail = _PARENS.match(text.folded, tokens[-1].end)  # "GISTDA (Thailand)"
        end = tail.end() if tail and tail.end() <= b else tokens[-1].end
        absent = absent and bool(ABSENT_NOTE.search(text.folded[a:end]))
        return Item(a, end, tuple(AgencyRef(x) for x in seen), absent)
    body = _LEAD.sub("", raw.strip()).strip().rstrip(".:")
    outer = _PARENS.sub("", body).strip()
    if not outer:
        return Item(a, b, (), stop=True)
    by_country = registry.by_country(outer)
    if by_country:
        return Item(a, b, (AgencyRef(by_country),), absent)
    if outer in REGIONS or canonical_country(outer) in COUNTRIES or outer in COUNTRIES:
        return Item(a, b, (), absent)  # a country that stands for no single agency: skip it
    words = outer.split()
    named = AGENCY_WORDS.search(outer) and len(words) <= 9 and _NAME_WORDS.match(outer)
    short = _SHORT_NAME.match(outer) and body != outer
    if named or short:
        name = ABSENT_NOTE.sub("", body).strip()
        return Item(a, b, (AgencyRef(name, registered=False),), absent)
    return Item(a, b, (), stop=True)


def _is_place(words: str) -> bool:
    """A region or country name that may head an item ("Asia (ISRO, JAXA)", "Brazil (AEB)")."""
    return words in REGIONS or words in COUNTRIES or canonical_country(words) in COUNTRIES


def _trailing_country(registry: Registry, words: str) -> str | None:
    """The agency of a country the words end with ("Space agencies from Brazil" -> AEB)."""
    tail = re.split(r"\s+", _PARENS.sub("", words).strip())
    for n in (3, 2, 1):
        if len(tail) > n and tail[-n - 1].casefold() in ("from", "of"):
            return registry.by_country(" ".join(tail[-n:]))
    return None


def items_after(text: Text, registry: Registry, start: int, end: int) -> list[Item]:
    """The list that starts at ``start``: items up to the first one that is not an agency."""
    out: list[Item] = []
    for a, b in _split(text, start, end):
        item = _item(text, registry, a, b)
        if item.stop:
            break
        out.append(item)
    return [i for i in out if i.agencies]


def items_before(text: Text, registry: Registry, start: int, end: int) -> list[Item]:
    """The list that ends at ``end``, read backwards to the first item that is not an agency."""
    out: list[Item] = []
    for a, b in reversed(_split(text, start, end)):
        item = _item(text, registry, a, b)
        if item.stop:
            # the list's first item may follow prose: "welcome the new members from Brazil (AEB)"
            tokens = text.tokens_in(a, b)
            rest = text.folded[tokens[-1].end : b] if tokens else ""
            if tokens and (not rest.strip() or _PARENS.fullmatch(rest)):
                out.append(Item(tokens[-1].start, b, (AgencyRef(tokens[-1].acronym),)))
            elif not tokens:
                last = _trailing_country(registry, text.folded[a:b])
                if last:
                    out.append(Item(a, b, (AgencyRef(last),)))
            break
        out.append(item)
    return [i for i in reversed(out) if i.agencies]


def agencies(items: list[Item], absent: bool | None = None) -> tuple[AgencyRef, ...]:
    """The agencies of the items (only those noted absent, or not, if ``absent`` is given)."""
    seen: list[AgencyRef] = []
    for item in items:
        if absent is not None and item.absent != absent:
            continue
        for ref in item.agencies:
            if ref not in seen:
                seen.append(ref)
    return tuple(seen)
