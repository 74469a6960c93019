"""Lists of agencies in every shape a report writes them.

"ASI (Italy), CNES (France) and UKSA", "the Brazilian Space Agency (AEB), Australian Space Agency
(ASA)/... (CSIRO)", "Asia (ISRO, JAXA, KARI)", "Europe: ESA, ASI; Asia: JAXA", "Brazil (AEB)",
"Australia's CSIRO", "the French space agency CNES", country names standing for their agency
("agencies from Norway", "Luxembourg's space agency"), agencies the registry does not know
("Philippine Space Agency (PhilSA)"), and items noted absent ("KARI (absent)", "CNSA - did not
participate"). A list is read item by item from where a rule says it starts, and ends at the first
item that is not an agency; a list set out one item a line ends at the first line that is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ..facts import AgencyRef
from ..registry import Registry, canonical_country
from .gazetteer import (
    AGENCY_NOUNS,
    AGENCY_QUALIFIERS,
    AGENCY_WORDS,
    ATTENDANCE_MODES,
    COUNTRIES,
    LIST_APPOSITIVES,
    LIST_GROUPS,
    NUMBER,
    REGIONS,
    TABLE_COLUMNS,
)
from .patterns import LIST_FOLLOWS
from .text import Sentence, Text

_ABSENT_WORDS = (
    r"absent|did not (?:attend|participate|take part)|not present|not represented|could not "
    r"attend|(?:(?:was|were) )?unable to (?:attend|participate|take part|be present)|excused|"
    r"apologi[sz]ed"
)
_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:and\s+|&\s*|as well as\s+|plus\s+|together with\s+|along with\s+)?|"
    r";\s*(?:and\s+)?|\s+(?:and|&|as well as|plus|together with|along with|et|und|e|y)\s+|"
    r"\s*/\s*|\s+(?:-{1,2}|[•·▪])\s+|\s*\n+\s*(?:[*•·▪-]\s+)?)"
)
_LEAD = re.compile(
    r"^(?:[*•·▪-]\s*|\(?\d{1,2}[.)]\s+)?(?:and\s+|&\s*)?(?:(?:the\s+)?(?:senior\s+)?"
    r"(?:representatives|delegates|delegations|officials|managers|heads|(?:(?:space|national)\s+)?agencies)\s+(?:of|from)\s+)?"
    r"(?:(?:those|that)\s+of\s+)?(?:the\s+|l'|(?:le|la|les|der|die|das|el|il|lo)\s+)?",
    re.IGNORECASE,
)
# The people who came for an agency, after its name: "CSA officials", "KARI's delegation".
_PEOPLE = re.compile(
    r"(?:'s?)?\s+(?:senior\s+)?(?:officials|delegates|delegation|representatives|team|managers|"
    r"experts|staff)\s*"
)
_PARENS = re.compile(r"\s*\([^()]*\)")
_PARENS_RUN = re.compile(r"(?:\s*\([^()]*\))+")
_NAME_WORDS = re.compile(
    r"^[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|of|and|for|the|de|du|des|la|le|d'\w+))*$"
)
_GLOSSED_NAME = re.compile(r"[A-Z][\w'.-]*(?:\s+[^\W\d_][\w'.-]*){0,7}")
# An apposition between a subject and its verb that says what the agency belongs to.
_PART_OF = re.compile(
    r",\s*(?:(?:a|an)\s+)?(?:part|unit|division|arm|branch|department|agency|subsidiary)\s+of\s+"
    r"(?:the\s+)?[A-Z][^,;:()]{2,80},?\s*$"
)
_SHORT_NAME = re.compile(r"^[A-Z][A-Za-z]{1,7}$")
ABSENT_NOTE = re.compile(rf"\((?:[^()]*\b(?:{_ABSENT_WORDS})\b[^()]*)\)", re.IGNORECASE)
# A note after an item saying it was absent: "CNSA (China) - did not participate".
_ABSENT_TAIL = re.compile(rf"\s*(?:[-,:]\s*)?(?:{_ABSENT_WORDS})\b[^,;()]*", re.IGNORECASE)
_ABSENT_START = re.compile(rf"(?:{_ABSENT_WORDS})\b", re.IGNORECASE)
_ABSENT_END = re.compile(rf"\s*(?:[-,:]\s*)?(?:{_ABSENT_WORDS})\b[^()]*$", re.IGNORECASE)
# A note after an item saying how it took part: "SSAU - remote", "CSA (online)".
_MODE_START = re.compile(rf"(?:{ATTENDANCE_MODES})\b(?=\s*(?:[,;.)]|$))", re.IGNORECASE)
_MODE_TAIL = re.compile(
    rf"\s*(?:[-,:]\s*)?(?:{ATTENDANCE_MODES})\b(?=\s*(?:[,;.)]|$))", re.IGNORECASE
)
# A line carrying a list on after its last line: "...and the newcomer, the UAE Space Agency".
_CONTINUES = re.compile(
    r"\W*(?:and|plus|as well as|along with|together with)\s+(?:also\s+)?", re.IGNORECASE
)
# A list line naming one agency, then who represented it: "NASA: Jane Doe, Associate Administrator".
_HEAD_NOTE = re.compile(r"\s*:\s+|\s+-{1,2}\s+|,\s+")
_MARKER = re.compile(r"\W*\(?\d{1,2}[.)]\W*|[*•·▪-]")
_CELL = re.compile(r" \| ")  # the loader's cell separator in a table row
_PLACE_WORDS = r"[A-Z][\w.-]*(?:\s+(?:of\s+)?[A-Z][\w.-]*){0,3}"
# Words before an agency's name that only describe it: "the French space agency CNES".
_DESCRIPTOR = re.compile(
    rf"(?:[A-Z][\w.-]*(?:'s?)?\s+)?(?:(?:{AGENCY_QUALIFIERS})\s+)*(?:{AGENCY_NOUNS})"
)
# An agency named by its country alone: "Luxembourg's space agency", "the agencies of China".
_COUNTRY_AGENCY = (
    re.compile(
        rf"(?P<c>{_PLACE_WORDS})'s?\s+(?i:(?:(?:{AGENCY_QUALIFIERS})\s+)*(?:{AGENCY_NOUNS}))"
    ),
    re.compile(
        rf"(?i:(?:(?:{AGENCY_QUALIFIERS})\s+)*agenc(?:y|ies)\s+(?:of|from)\s+(?:the\s+)?)"
        rf"(?P<c>{_PLACE_WORDS})"
    ),
)
# What a list may say it lists before its first item: "the following 14 member agencies:".
_INTRO = re.compile(
    rf"(?i:(?:all\s+)?(?:the\s+|its\s+|their\s+)?(?:following\s+)?(?:{NUMBER}\s+)?"
    r"(?:(?:member|participating|partner|ISECG|space|national)\s+)*"
    r"(?:agencies|members|organi[sz]ations|delegations))"
)
_PUNCTUATION = re.compile(r"[\s,;:.()\-]*")


@dataclass(frozen=True)
class Item:
    """One list item: its span, the agencies it names, whether it is noted absent.

    ``clean``: the item holds nothing but agencies and their notes (a line of a list set out
    one item a line, not prose that happens to name an agency).
    """

    start: int
    end: int
    agencies: tuple[AgencyRef, ...]
    absent: bool = False
    stop: bool = False  # not an agency: the list ends before it
    clean: bool = True


def _split(text: Text, start: int, end: int) -> list[tuple[int, int]]:
    region = text.masked[start:end]
    depth, level = 0, []
    for ch in region:
        depth = depth + 1 if ch == "(" else max(0, depth - 1) if ch == ")" else depth
        level.append(depth)
    spans, s = [], 0
    for m in _SEPARATOR.finditer(region):
        if m.end() == m.start() or level[m.start()] != 0:
            continue
        if _ABSENT_START.match(region, m.end()) or _MODE_START.match(region, m.end()):
            continue  # "KARI, absent" / "SSAU - remote": a note, not an item
        spans.append((start + s, start + m.start()))
        s = m.end()
    spans.append((start + s, end))
    return [(a, b) for a, b in spans if text.masked[a:b].strip()]


def _introduces(words: str) -> bool:
    """Words that may stand before an item's agency: a place, a group label, a description, or
    the agencies the list is of ("all 14 member agencies: ASI, ...")."""
    if words.endswith(":") and _INTRO.fullmatch(words[:-1].rstrip()):
        return True
    words = words.strip(" (:")
    bare = re.sub(r"'s?$", "", words)
    return (
        _is_place(bare)
        or words in LIST_GROUPS
        or bool(_DESCRIPTOR.fullmatch(words) or LIST_APPOSITIVES.fullmatch(words))
    )


def _item(text: Text, registry: Registry, a: int, b: int) -> Item:
    raw = text.folded[a:b]
    tokens = text.tokens_in(a, b)
    if tokens:
        before = text.folded[a : tokens[0].start]
        prefix = _LEAD.sub("", before.lstrip()).strip(" (")
        # a name the registry does not know, glossed by one it does: "the Agence d'exploration
        # aerospatiale du Japon (JAXA)"
        glossed = before.rstrip().endswith("(") and _GLOSSED_NAME.fullmatch(prefix) is not None
        if prefix and not _introduces(prefix) and not glossed:
            return Item(a, b, (), stop=True)  # "14 space agencies gathered at NASA ..."
        seen: list[str] = []
        for t in tokens:
            if t.acronym not in seen:
                seen.append(t.acronym)
        end = tokens[-1].end
        tail = _PARENS_RUN.match(text.folded, end, b)  # "GISTDA (Thailand)"
        if tail:
            end = tail.end()
        absent = bool(ABSENT_NOTE.search(text.folded[a:end]))
        note = _ABSENT_TAIL.match(text.folded, end, b)
        if note and note.group().strip():
            absent, end = True, note.end()
        mode = _MODE_TAIL.match(text.folded, end, b)
        if mode:
            end = mode.end()
        gaps = [text.folded[x.end : y.start] for x, y in pairwise(tokens)]
        clean = all(_PUNCTUATION.fullmatch(_PARENS.sub("", g)) for g in [*gaps, raw[end - a :]])
        return Item(a, end, tuple(AgencyRef(x) for x in seen), absent, clean=clean)
    absent = bool(ABSENT_NOTE.search(raw))
    body = _LEAD.sub("", raw.strip()).strip().rstrip(".:")
    note = _ABSENT_END.search(body)
    if note and note.start():  # "Norway's space agency - did not attend"
        absent, body = True, body[: note.start()]
    mode = re.search(rf"{_MODE_TAIL.pattern}$", body, re.IGNORECASE)
    if mode and mode.start():
        body = body[: mode.start()]
    outer = _PARENS.sub("", body).strip()
    if not outer:
        return Item(a, b, (), stop=True)
    if LIST_APPOSITIVES.fullmatch(outer) or LIST_APPOSITIVES.fullmatch(raw.strip()):
        return Item(a, b, ())  # "... and the newcomer, the UAE Space Agency"
    by_country = registry.by_country(outer)
    if by_country:
        return Item(a, b, (AgencyRef(by_country),), absent)
    if _is_place(outer) or outer in LIST_GROUPS:
        return Item(a, b, (), absent)  # a country that stands for no single agency: skip it
    for rule in _COUNTRY_AGENCY:
        described = rule.fullmatch(outer)
        if described and _is_place(described.group("c")):
            found = registry.by_country(described.group("c"))
            return Item(a, b, (AgencyRef(found),) if found else (), absent)
    words = outer.split()
    named = AGENCY_WORDS.search(outer) and 2 <= len(words) <= 9 and _NAME_WORDS.match(outer)
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
    part_of = _PART_OF.search(text.folded, start, end)
    if part_of:  # "The Vietnam National Space Center, part of the Vietnam Academy ..., joined"
        end = part_of.start()
    for a, b in reversed(_split(text, start, end)):
        item = _item(text, registry, a, b)
        if item.stop:
            # the list's first item may follow prose: "welcome the new members from Brazil (AEB)"
            tokens = text.tokens_in(a, b)
            rest = text.folded[tokens[-1].end : b] if tokens else ""
            # ... or gloss a name the registry does not know: "the Luxemburgische
            # Weltraumagentur (Luxembourg Space Agency) joined"
            glossed = (
                bool(tokens)
                and rest.strip() == ")"
                and text.folded[a : tokens[-1].start].rstrip().endswith("(")
            )
            people = bool(_PEOPLE.fullmatch(rest))  # "Senior CSA officials took part"
            if tokens and (not rest.strip() or _PARENS.fullmatch(rest) or glossed or people):
                out.append(Item(tokens[-1].start, b, (AgencyRef(tokens[-1].acronym),)))
            elif not tokens:
                last = _trailing_country(registry, text.folded[a:b])
                if last:
                    out.append(Item(a, b, (AgencyRef(last),)))
            break
        out.append(item)
    return [i for i in reversed(out) if i.agencies]


def _row(text: Text, registry: Registry, cells: list[tuple[int, int]]) -> list[Item] | None:
    """The agencies of a table row: those its cells name; a country cell stands for its agency
    only when no cell names one ("Agência Espacial Brasileira | Brazil", "NASA | Jane Doe")."""
    named: list[Item] = []
    countries: list[Item] = []
    listed = False
    for a, b in cells:
        items = _list_line(text, registry, a, b)
        listed = listed or items is not None
        if not items:
            continue  # a person, a note, an empty or ambiguous cell
        unregistered = any(not r.registered for i in items for r in i.agencies)
        (named if text.tokens_in(a, b) or unregistered else countries).extend(items)
    if named or countries:
        return named or countries
    return [] if listed else None


def _list_line(text: Text, registry: Registry, start: int, end: int) -> list[Item] | None:
    """The items of a span that is nothing but list items; None if it holds anything else.

    A line may name no single agency ("Australia", a country cell of a table). A table row (cells
    set apart by " | ") is read cell by cell.
    """
    bars = [m.start() for m in _CELL.finditer(text.masked, start, end)]
    if bars:
        edges = [start, *bars, end]
        cells = [(x + (3 if x in bars else 0), y) for x, y in pairwise(edges)]
        return _row(text, registry, cells)
    out: list[Item] = []
    for a, b in _split(text, start, end):
        item = _item(text, registry, a, b)
        if item.stop or not item.clean:
            return _headed(text, registry, start, end)
        out.append(item)
    return [i for i in out if i.agencies]


def _headed(text: Text, registry: Registry, start: int, end: int) -> list[Item] | None:
    """The agency a line starts with, when the rest only says who represented it."""
    tokens = text.tokens_in(start, end)
    if not tokens or text.folded[start : tokens[0].start].strip(" *•·▪-"):
        return None
    sep = _HEAD_NOTE.search(text.masked, tokens[0].end, end)
    if sep is None or text.tokens_in(sep.end(), end) or text.tokens_in(tokens[0].end, sep.start()):
        return None
    items = _list_line(text, registry, start, sep.start())
    return items if items and len(agencies(items)) == 1 else None


def whole_list(text: Text, registry: Registry, start: int, end: int) -> list[Item]:
    """The items of a span that is nothing but a list of agencies; [] if it holds anything else."""
    return _list_line(text, registry, start, end) or []


def _is_header(line: str) -> bool:
    """A table's header row: column labels only ("Agency", "Country / region")."""
    cells = [c for c in re.split(r"\s*[/|,;&]\s*|\s+and\s+", line.strip(" :")) if c]
    return bool(cells) and all(TABLE_COLUMNS.fullmatch(c) for c in cells)


def lines_after(text: Text, registry: Registry, index: int) -> list[Item]:
    """A list set out line by line (bullets, <li>, table cells, one name a paragraph) after
    sentence ``index``.

    A table's header row before the first item is passed over. The list ends at the first line
    that is not wholly list items; a line that carries it on ("...and the newcomer, the UAE Space
    Agency, admitted in December") adds the agencies it starts with.
    """
    items: list[Item] = []
    lines = 0
    for nxt in text.sentences[index + 1 :]:
        line = text.folded[nxt.start : nxt.end]
        if (not lines and _is_header(line)) or _MARKER.fullmatch(line):
            continue  # a header row; a list number split off its item ("1." | "NASA")
        found = _list_line(text, registry, nxt.start, nxt.end)
        if found is None:
            more = _CONTINUES.match(text.folded, nxt.start, nxt.end) if items else None
            if more:
                items.extend(items_after(text, registry, more.end(), nxt.end))
            break
        lines += 1
        items.extend(found)
    return items


def list_at(text: Text, registry: Registry, s: Sentence, pos: int) -> list[Item]:
    """The list a cue ending at ``pos`` introduces: in its sentence, or on the lines after it
    when the sentence ends there, with a colon, or says the list follows ("listed below")."""
    items = items_after(text, registry, pos, s.end)
    if items:
        return items
    rest = text.folded[pos : s.end].strip()
    if not rest or rest.endswith(":") or LIST_FOLLOWS.match(rest):
        return lines_after(text, registry, s.index)
    return []


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
