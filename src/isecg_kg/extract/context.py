"""What every rule family shares about one document: its text, dates and their tense."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import timedelta

from .. import temporal
from ..document import Document
from ..facts import Evidence, When
from ..registry import Registry, fold
from .dates import (
    WEEKDAYS,
    DateMention,
    anchor_years,
    find_dates,
    infer_year,
    month_year_before,
    relative_span,
    week_bounds,
    with_year,
)
from .patterns import DATE_FIELD, EVENT_FIELD, FUTURE, MEETING_FIELD, PAST
from .tables import Row, find_rows
from .text import Sentence, Text, prepare


@dataclass
class Context:
    """A document prepared for extraction, with the dates it cites and their tense."""

    text: Text
    registry: Registry
    dates: dict[int, list[DateMention]]
    past_max: DateMention | None = None
    future_min: DateMention | None = None
    meeting_of: dict[int, int] = field(default_factory=dict)  # sentence index -> meeting local
    meeting_when: dict[int, When] = field(default_factory=dict)  # meeting local -> its date
    rows: dict[int, Row] = field(default_factory=dict)  # sentence index -> its table row

    @property
    def doc(self) -> Document:
        return self.text.doc

    dateline: str | None = None
    chronology: bool = False  # a list of dated entries: its head's date is its first entry's
    dateline_at: tuple[int, int] | None = None  # the dateline's date, as document offsets

    @property
    def published(self) -> str | None:
        """The publication date: the document's, else its dateline's, else the day the page
        says it was last changed (the day its present tense speaks of)."""
        return self.doc.published or self.dateline or self.doc.modified

    @property
    def today(self) -> str | None:
        """The day the text calls "today": its dateline's, else the publication date (which
        also stands for a dateline that gives only its month or year: "November 2007")."""
        published = self.doc.published
        if self.dateline and published and published.startswith(self.dateline):
            return published
        return self.dateline or published or self.doc.modified

    def date_in(self, s: Sentence, start: int, end: int) -> DateMention | None:
        """The first date of a sentence that starts inside a span of it (a table's cell)."""
        return next((d for d in self.dates[s.index] if start <= d.start < end), None)

    def evidence(self, s: Sentence) -> Evidence:
        """A sentence as the evidence of a fact: its text as the source writes it, and where."""
        return Evidence(self.doc.text[s.start : s.end], s.start, s.end)

    def is_dateline(self, dm: DateMention) -> bool:
        """Whether a date is the dateline's: the report's publication, not an event's date."""
        return self.dateline_at is not None and (dm.start, dm.end) == self.dateline_at

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.text.sentences

    def tense(self, s: Sentence, dm: DateMention) -> str:
        """'future', 'past' or '' for a date, from the words of its clause."""
        if dm.prep == "since":
            return "past"
        a, b = dm.start - s.start, dm.end - s.start
        before = s.text[:a]
        before = before[before.rfind(";") + 1 :]
        future = [m.end() for m in FUTURE.finditer(before)]
        past = [m.end() for m in PAST.finditer(before)]
        if future or past:
            return "future" if max(future, default=-1) >= max(past, default=-1) else "past"
        after = s.text[b : b + 80].split(";")[0]
        f, p = FUTURE.search(after), PAST.search(after)
        if f or p:
            return "future" if f and (not p or f.start() < p.start()) else "past"
        return ""

    def bounds(self, note: str) -> When:
        """Bounds for an event the document reports but does not date.

        After the latest date it cites in the past tense, before the earliest it cites in the
        future tense and before its publication.
        """
        earliest = self.past_max.lower if self.past_max else None
        latest = self.future_min.upper if self.future_min else None
        if self.published and (
            latest is None or temporal.upper(self.published) < temporal.upper(latest)
        ):
            latest = self.published
        reasons = [note]
        if self.past_max:
            reasons.append(f"after {self.past_max.text!r}, cited in the past tense")
        if self.future_min:
            reasons.append(f"before {self.future_min.text!r}, cited as still to come")
        if self.published:
            reasons.append(f"not after publication ({self.published})")
        return When(earliest=earliest, latest=latest, note="; ".join(reasons))

    def meeting_for(self, s: Sentence) -> int | None:
        """The meeting a sentence speaks of: its own, the one before it, or the only one."""
        if s.index in self.meeting_of:
            return self.meeting_of[s.index]
        before = [m for i, m in self.meeting_of.items() if i < s.index]
        if before:
            return before[-1]
        locals_ = set(self.meeting_of.values())
        return next(iter(locals_)) if len(locals_) == 1 else None


_DATELINE_PARAGRAPHS = 4  # a dateline opens one of the first paragraphs (after a title, a deck)
# What may stand before and after a dateline's date: "OTTAWA, Nov. 15, 2012 /CNW/ -".
_DATELINE_BEFORE = re.compile(
    r"\s*(?:[A-Z][A-Za-z.'/-]+(?: [A-Z][A-Za-z.'/-]+){0,3}(?:,\s*[A-Z][\w.' -]{1,30})?\s*[,(]\s*|"
    r"(?:Posted|Published|Updated|Released|Date)(?:\s+on)?\s*:?\s*)?"
)
# ... and after it: "/CNW/", a wire's credit "(Xinhua)" or "Kyodo", then a dash.
_DATELINE_AFTER = re.compile(
    r"\s*\)?\s*(?:/[^/\n]{1,30}/\s*|\([A-Z][A-Za-z .&-]{1,24}\)\s*|"
    r"[A-Z][A-Za-z&.]{1,20}(?:\s[A-Z][A-Za-z&.]{1,20})?\s+(?=-))?(?:-|--|—|–|\||\n|$)"
)
# A title that is only a date line, perhaps with a place: "Published 16 October 2024 | Milan".
_DATE_TITLE_AFTER = re.compile(r"\s*(?:[|·•,–—-]\s*[A-Z][\w.'-]*(?:[ ,]+[A-Z][\w.'-]*){0,2})?")


def _dateline(text: Text, dates: dict[int, list[DateMention]]) -> DateMention | None:
    """A full date opening the document the way press releases and posts date themselves."""
    openers = [s for s in text.sentences if s.index < 2 or s.start in _paragraph_starts(text)]
    for s in openers:
        for dm in dates[s.index][:1]:
            if dm.day is None or dm.month is None or dm.start - s.start > 60:
                # a wire's dateline may leave the year out: "BEIJING, Sept. 11 (Xinhua) --"
                continue
            if dm.end_day is not None:  # "London, 12-13 May 2016": an event's days, not a day
                continue  # a report was sent out on
            below = text.after(s)
            if below is not None and DATE_FIELD.match(s.text) and EVENT_FIELD.match(below.text):
                continue  # "Date: 2014-09-30" over "Place: Toronto": a meeting's date
            before = text.folded[s.start : dm.start]
            if _DATELINE_BEFORE.fullmatch(before) and _DATELINE_AFTER.match(text.folded, dm.end):
                return dm
    return None


def _paragraph_starts(text: Text) -> set[int]:
    """The offsets of the document's first paragraphs."""
    starts, at = set(), 0
    for para in text.doc.paragraphs[:_DATELINE_PARAGRAPHS]:
        at = text.doc.text.find(para, at)
        if at < 0:
            break
        starts.add(at)
        at += len(para)
    return starts


def _title_date(title: str | None) -> str | None:
    """The date of a title that is a date line (a loader may take a leading date line for one)."""
    if not title:
        return None
    folded = fold(title)
    for dm in find_dates(folded)[:1]:
        if (
            dm.day is not None
            and dm.year is not None
            and _DATELINE_BEFORE.fullmatch(folded[: dm.start])
            and _DATE_TITLE_AFTER.fullmatch(folded[dm.end :])
        ):
            return dm.value
    return None


# A line of a document's head that dates it: "Date: Fri, 10 Mar 2017", "Posted 27 May 2022".
_HEAD_LABEL = re.compile(
    r"\b(?:Date|Dated|Posted|Published|Released|Issued|Sent|Updated)\b(?:\s+on)?\s*[:|]?\s*"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*)?$",
    re.I,
)
# Words a bare date line may carry besides the date ("Issue 37 — March 2014", "6 min read").
_HEAD_WORDS = frozenset(
    {"by", "min", "read", "on", "of", "and", "the", "issue", "no", "vol"}
    | {"views", "likes", "comments", "shares", "reads"}  # a page's counters beside its date
)
_HEAD_LINES = 12
_HEAD_LINES_MAX = 40


_ENTRY_AFTER = re.compile(r"\s*[-–—:|]\s")


def _chronology(text: Text, dates: dict[int, list[DateMention]]) -> bool:
    """Whether the document is a list of dated entries ("6 May 2012 - Graz. ..."): its opening
    date line is then its first entry, not its own date."""
    entries = 0
    for s in text.sentences:
        first = dates[s.index][:1]
        if first and first[0].start == s.start and _ENTRY_AFTER.match(text.folded, first[0].end):
            entries += 1
    return entries >= 2


def _head_lines(text: str) -> list[str]:
    """The lines of a document's head: its first lines, and any run of short ones (a site's
    menus left in the text) before its first paragraph of prose."""
    lines = text.split("\n")[:_HEAD_LINES_MAX]
    prose = next((i for i, line in enumerate(lines) if len(line) > 120), len(lines))
    return lines[: max(_HEAD_LINES, prose)]


def _head_date(doc: Document, chronology: bool = False) -> str | None:
    """The date a document's head gives it: a labelled date, else (not in a chronology) a line
    that is only a date with a byline or issue number beside it; the first such line wins."""
    lines = [doc.title or "", *(line for line in _head_lines(doc.text) if line.strip())]
    for i, line in enumerate(lines):
        if i + 1 < len(lines) and DATE_FIELD.match(line) and EVENT_FIELD.match(lines[i + 1]):
            continue  # "Date: 2014-09-30" over "Place: Toronto": a meeting's date
        folded = fold(line)
        found = [dm for dm in find_dates(folded) if dm.year is not None and dm.month]
        for dm in found:
            if _HEAD_LABEL.search(folded[max(0, dm.start - 40) : dm.start]):
                return dm.value
        if chronology or len(line) > 120 or len(found) != 1 or found[0].end_day is not None:
            continue  # a range of days dates an event: "London, 12-13 May 2016"
        if not dateline_words(folded, found[0]):
            return found[0].value
    return None


def dateline_words(line: str, dm: DateMention) -> list[str]:
    """The words of a short line besides its date that make it prose rather than a date line."""
    if MEETING_FIELD.match(line):  # "When: 3-4 March": an event's date, not the document's
        return ["when"]
    rest = line[: dm.start] + " " + line[dm.end :]
    words = re.findall(r"[^\W\d_]+", rest)
    prose = [w for w in words if w.islower() and w not in _HEAD_WORDS]
    return prose if prose or len(words) > 8 else []


def build_context(doc: Document, registry: Registry) -> Context:
    """Prepare the text and collect the dates of every sentence, with the cited bounds."""
    text = prepare(doc, registry)
    found = anchor_years([dm for s in text.sentences for dm in find_dates(s.text, s.start)])
    dates: dict[int, list[DateMention]] = {s.index: [] for s in text.sentences}
    at = iter(text.sentences)
    s = next(at, None)
    for dm in found:  # back to their sentences, which are in text order too
        while s is not None and dm.start >= s.end:
            s = next(at, None)
        if s is not None:
            dates[s.index].append(dm)
    ctx = Context(text, registry, dates)
    ctx.chronology = _chronology(text, dates)
    ctx.rows = find_rows(text)
    line = None if ctx.chronology else _dateline(text, dates)
    if line is not None:
        ctx.dateline, ctx.dateline_at = line.value, (line.start, line.end)
        if line.year is None:  # "ADELAIDE, Sept. 25 Kyodo -": the year of the page's own date
            head = _title_date(doc.title) or _head_date(doc) or doc.published
            if head and len(head) == 10 and int(head[5:7]) == line.month:
                ctx.dateline = f"{head[:4]}-{line.month:02d}-{line.day:02d}"
    else:
        ctx.dateline = _title_date(doc.title) or _head_date(doc, _chronology(text, dates))
        head = next(
            (
                dm
                for s in text.sentences[:_HEAD_LINES_MAX]
                for dm in dates[s.index]
                if ctx.dateline and dm.value == ctx.dateline
            ),
            None,
        )
        if head is not None:  # the head's date line dates the release, not an event
            ctx.dateline_at = (head.start, head.end)
    past: list[DateMention] = []
    future: list[DateMention] = []
    for s in text.sentences:
        for dm in dates[s.index]:
            if dm.year is None or dm.relative or ctx.is_dateline(dm):
                continue
            tense = ctx.tense(s, dm)
            if tense == "past":
                past.append(dm)
            elif tense == "future":
                future.append(dm)
    ctx.past_max = max(past, key=lambda d: temporal.lower(d.lower or "0001"), default=None)
    ctx.future_min = min(future, key=lambda d: temporal.upper(d.upper or "9999"), default=None)
    return ctx


def _last_weekday(weekday: str, published: str | None) -> When | None:
    """ "On Wednesday" in a dated report: the last such day up to its publication."""
    if not published or len(published) != 10:
        return None
    day = temporal.lower(published)
    for back in range(7):
        d = day - timedelta(days=back)
        if WEEKDAYS[d.weekday()] == weekday:
            return When(
                value=d.isoformat(),
                weekday=weekday,
                note=f"the last {weekday} up to the publication date {published}",
            )
    return None


_UNTIL_BEFORE = re.compile(r"\buntil\s*$")
_WHEN_AFTER = re.compile(r"\s*,\s*when\b")


def until_when(s: Sentence, dm: DateMention) -> bool:
    """Whether a date ends a state and dates what replaced it: "NASA held the chair until 2009,
    when it passed to ESA" (the change's date, and the meeting's it happened at)."""
    before = dm.prep == "until" or _UNTIL_BEFORE.search(s.text[: dm.start - s.start])
    return bool(before and _WHEN_AFTER.match(s.text, dm.end - s.start))


def resolve_date(ctx: Context, dm: DateMention, within: When | None = None) -> When | None:
    """A meeting date as a ``When``; None when the text cannot fix it (then bounds apply).
    ``within``: the meeting the sentence tells of; a day of its days without a year is one of
    them ("11-12 May 2016 - ... UAESA joins the group on 11 May")."""
    if dm.year is None and dm.day is not None and within and within.value:
        first = within.value
        if len(first) == 10:
            day = with_year(dm, int(first[:4]))
            if day.value and first <= day.value <= (within.end or first):
                return When(value=day.value, note=f"{dm.text!r}, a day of the meeting's")
    if dm.relative:
        value, earliest, latest = relative_span(dm, ctx.today)
        note = f"{dm.text!r}, counted from the publication date {ctx.today}"
        if value or earliest:
            return When(value=value, earliest=earliest, latest=latest, note=note)
        return None
    if dm.weekday_only and dm.end_weekday:  # "last Thursday and Friday": the days ending
        last = _last_weekday(dm.end_weekday, ctx.today)  # on the last such Friday
        if last is None or last.value is None:
            return None
        span = (WEEKDAYS.index(dm.end_weekday) - WEEKDAYS.index(dm.weekday)) % 7
        first = temporal.lower(last.value) - timedelta(days=span)
        return When(
            value=first.isoformat(),
            end=last.value,
            weekday=dm.weekday,
            note=f"{dm.text!r}: the days up to the last {dm.end_weekday} before {ctx.today}",
        )
    if dm.weekday_only:
        return _last_weekday(dm.weekday, ctx.today)
    if dm.year_offset is not None and dm.month is None and dm.year is None:
        if not ctx.published:  # "late last year": the part of the year named, as of that year
            return None
        dm = replace(dm, year=int(ctx.published[:4]) + dm.year_offset, year_offset=None)
    if dm.year_offset is not None and dm.month is not None:
        if not ctx.published:
            return None
        year = int(ctx.published[:4]) + dm.year_offset
        return When(
            value=f"{year:04d}-{dm.month:02d}", note=f"{dm.text!r}, from the publication date"
        )
    if dm.week and dm.month is not None:
        year = dm.year
        if year is None and ctx.published:
            year = month_year_before(dm.month, ctx.published, strict=dm.prep == "last")
        if year is None:
            return None
        earliest, latest = week_bounds(dm, year)
        return When(earliest=earliest, latest=latest, note=f"{dm.text!r}: a week")
    if dm.year is not None:
        return When(value=dm.value, end=dm.end_value, weekday=dm.weekday)
    if dm.day is not None:
        year, note = infer_year(
            dm,
            ctx.published,
            after=ctx.past_max.lower if ctx.past_max else None,
            before=ctx.future_min.upper if ctx.future_min else None,
        )
        if year is None:
            return None
        full = with_year(dm, year)
        return When(value=full.value, end=full.end_value, weekday=dm.weekday, note=note)
    if dm.month is not None and ctx.published:
        year = month_year_before(dm.month, ctx.published, strict=dm.prep == "last")
        return When(value=f"{year:04d}-{dm.month:02d}", note="year from the publication date")
    return None
