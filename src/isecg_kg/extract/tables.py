"""Tables: rows of cells under a header row, as the loaders write them ("Dates | Location | Host
agency | Agencies represented", one row a line, cells joined by " | ").

A column's role comes from its header's words (``tables.*`` in the lexicon): a date, a place, a
host, a count of agencies represented, the meeting's format, an agency, whether it attended, a
document and the date it was released, the date an agency joined. A row then states, cell by
cell, what a sentence would: "November 8-9, 2007 | Berlin, Germany | DLR | 12" is a meeting in
Berlin hosted by DLR with 12 agencies; "Portugal Space | Portugal | June 2021" under "Agency |
Country | Joined" is a join.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .context import Context, Sent
from .tokens import keys

SEP = " | "
ROLES = (
    "date",
    "place",
    "host",
    "count",
    "mode",
    "agency",
    "attended",
    "item",
    "released",
    "joined",
    "due",
)


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
    for part in text.split(SEP):
        a = text.index(part, at)
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        out.append(Cell(stripped, start + a + lead, start + a + lead + len(stripped)))
        at = a + len(part)
    return out


def _role_names(ctx: Context) -> dict[str, str]:
    """Each header word (as keys) -> the role of its column."""
    names: dict[str, str] = {}
    for role in ROLES:
        for entry in ctx.lex.strings(f"tables.{role}"):
            names.setdefault(" ".join(keys(entry)), role)
    return names


def _role(text: str, names: dict[str, str]) -> str | None:
    """The role a header cell names: its words, or their start ("Represented in Noordwijk")."""
    words = keys(text.strip(" :*"))
    for n in range(len(words), 0, -1):
        role = names.get(" ".join(words[:n]))
        if role is not None:
            return role
    return None


def _header(cells: list[Cell], names: dict[str, str]) -> list[str | None] | None:
    """The role of each column if the cells are a header naming at least two roles."""
    roles = [_role(c.text, names) for c in cells]
    named = [r for r in roles if r]
    return roles if len(set(named)) >= 2 and len(named) == len(set(named)) else None


def find_rows(ctx: Context) -> dict[int, Row]:
    """The rows of every table with a header, by sentence index."""
    names = _role_names(ctx)
    meeting_words = ctx.lex.phrases("event.nouns")
    rows: dict[int, Row] = {}
    header: list[str | None] | None = None
    labels: dict[str, str] = {}
    about = False
    for sent in ctx.sents:
        if SEP not in sent.text:
            header = None
            continue
        cells = _cells(sent.text, sent.s.start)
        roles = _header(cells, names)
        if roles is not None:
            header = roles
            labels = {r: c.text for r, c in zip(roles, cells, strict=True) if r}
            above = [o for o in ctx.sents[max(0, sent.index - 3) : sent.index]]
            about = "date" in roles and (
                "place" in roles
                or "host" in roles
                or any(meeting_words.find(o.toks) for o in above)
            )
            continue
        if header is None or len(cells) != len(header):
            header = None
            continue
        by_role = {role: c for role, c in zip(header, cells, strict=True) if role and c.text}
        rows[sent.index] = Row(sent.index, by_role, about, labels)
    return rows


def due_cell(ctx: Context, sent: Sent, start: int) -> bool:
    """Whether a document offset in a table row lies in a column of deadlines ("Due")."""
    rows = ctx.notes.get("rows")
    if rows is None:
        rows = ctx.notes["rows"] = find_rows(ctx)
    row = rows.get(sent.index)
    cell = row.cells.get("due") if row is not None else None
    return cell is not None and cell.start <= start < cell.end


def planned(ctx: Context, sent: Sent) -> bool:
    """Whether a row speaks of a plan ("planned", "TBC")."""
    return bool(ctx.lex.phrases("tables.planned").find(sent.toks))
