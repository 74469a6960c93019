"""Tables: rows of cells under a header row, as the loaders write them ("Dates | Location | Host
agency | Agencies represented", one row a line, cells joined by " | ").

A column's role comes from its header's words: a date, a place, a host, a count of agencies
represented, an agency, the date an agency joined, a document and the date it was released. A
row then states, cell by cell, what a sentence would: "November 8-9, 2007 | Berlin, Germany |
DLR | 12" is a meeting in Berlin hosted by DLR with 12 agencies; "Portugal Space | Portugal |
June 2021" under "Agency | Country | Joined" is a join.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import Text

_SEP = " | "
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(rf"^(?:{words})$", re.I))
    for role, words in (
        ("date", r"dates?|when|meeting dates?|held(?: on)?"),
        ("place", r"location|place|city|venue|where|host city|city, country"),
        ("host", r"host|hosts|host agency|hosted by|host organi[sz]ation|hosting agency"),
        (
            "count",
            r"agencies represented|participants|participating agencies|attendance|"
            r"number of agencies|agencies attending|delegations",
        ),
        ("agency", r"agency|member|member agency|organi[sz]ation|name|space agency"),
        # whether each agency took part: "Represented in Noordwijk" over "Yes" / "No"
        (
            "attended",
            r"(?:represented|attended|present|participated|took part|in attendance)"
            r"(?:\s+(?:in|at)\s+[\w' .-]{1,40})?\??",
        ),
        # a table of publications: "Document | Released"
        ("item", r"document|title|product|publication|report|edition"),
        (
            "released",
            r"released|published|issued|release date|publication date|date of publication|"
            r"date published|date released",
        ),
        (
            "joined",
            r"joined|member since|year joined|date joined|joined isecg|admitted|admission|"
            r"accession|since",
        ),
    )
)
# A row whose date is not yet a fact: "Week of October 12, 2009 (planned)".
PLANNED = re.compile(r"\b(?:planned|scheduled|to be (?:held|confirmed|announced)|tbc|tbd)\b", re.I)


@dataclass(frozen=True)
class Cell:
    """A cell's text and its span in the document's text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Row:
    """A row of a table, its cells by the role of their column."""

    sentence: int
    cells: dict[str, Cell]
    about_meetings: bool  # the table lists meetings (its header or the words above it say so)
    headers: dict[str, str] = field(default_factory=dict)  # each role's header, as written


def _cells(text: str, start: int) -> list[Cell]:
    out, at = [], 0
    for part in text.split(_SEP):
        a = text.index(part, at)
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        out.append(Cell(stripped, start + a + lead, start + a + lead + len(stripped)))
        at = a + len(part)
    return out


def _header(cells: list[Cell]) -> list[str | None] | None:
    """The role of each column if the cells are a header naming at least two roles."""
    roles: list[str | None] = []
    for c in cells:
        word = " ".join(c.text.strip(" :*").split())
        roles.append(next((role for role, rule in _ROLES if rule.match(word)), None))
    named = [r for r in roles if r]
    return roles if len(set(named)) >= 2 and len(named) == len(set(named)) else None


def find_rows(text: Text) -> dict[int, Row]:
    """The rows of every table with a header, by sentence index."""
    rows: dict[int, Row] = {}
    header: list[str | None] | None = None
    labels: dict[str, str] = {}
    about = False
    for s in text.sentences:
        if _SEP not in s.text:
            header = None
            continue
        cells = _cells(s.text, s.start)
        roles = _header(cells)
        if roles is not None:
            header = roles
            labels = {r: c.text for r, c in zip(roles, cells, strict=True) if r}
            above = " ".join(o.text for o in text.sentences[max(0, s.index - 3) : s.index])
            about = "date" in roles and (
                "place" in roles
                or "host" in roles
                or bool(re.search(r"\bmeetings?\b", above, re.I))
            )
            continue
        if header is None or len(cells) != len(header):
            header = None
            continue
        by_role = {role: c for role, c in zip(header, cells, strict=True) if role and c.text}
        rows[s.index] = Row(s.index, by_role, about, labels)
    return rows
