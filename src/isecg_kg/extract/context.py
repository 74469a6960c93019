"""A document prepared for the stages: its sentences as tokens, the dates it cites and its time.

``build_context`` folds and masks the text (``text``), finds every date expression (``dates``),
turns each sentence into tokens (``tokens``) and settles the document's own time: its dateline
or labelled date, the day it calls "today", and the bounds an undated event gets from the dates
it cites in the past and future tense (``bounds``). ``resolve_date`` turns a date mention into a
``When`` at the precision the text supports.
"""

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
    join_week_days,
    month_year_before,
    relative_span,
    week_bounds,
    with_year,
)
from .lexicon import Lexicon, lexicon
from .text import Sentence, Text, prepare
from .tokens import Token, tokenize


@dataclass
class Sent:
    """A sentence with its tokens and the dates it cites (``Token.ref`` of a date token is its
    index in ``dates``)."""

    s: Sentence
    toks: list[Token]
    dates: list[DateMention]

    @property
    def index(self) -> int:
        return self.s.index

    @property
    def paragraph(self) -> int:
        return self.s.paragraph

    @property
    def text(self) -> str:
        return self.s.text

    def date_of(self, tok: Token) -> DateMention:
        return self.dates[tok.ref]


@dataclass
class Context:
    """A document prepared for extraction, with the dates it cites and their tense."""

    text: Text
    registry: Registry
    lex: Lexicon
    sents: list[Sent]
    dateline: str | None = None
    dateline_at: tuple[int, int] | None = None  # the dateline's date, as document offsets
    chronology: bool = False  # a list of dated entries: its head's date is its first entry's
    past_max: DateMention | None = None
    future_min: DateMention | None = None
    notes: dict[str, object] = field(default_factory=dict)

    @property
    def doc(self) -> Document:
        return self.text.doc

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

    def evidence(self, sent: Sent) -> Evidence:
        """A sentence as the evidence of a fact: its text as the source writes it, and where."""
        s = sent.s
        return Evidence(self.doc.text[s.start : s.end], s.start, s.end)

    def written(self, start: int, end: int) -> str:
        """The document's text between two offsets, as the source writes it."""
        return self.doc.text[start:end]

    def is_dateline(self, dm: DateMention) -> bool:
        """Whether a date is the dateline's: the report's publication, not an event's date."""
        return self.dateline_at is not None and (dm.start, dm.end) == self.dateline_at

    def after(self, sent: Sent) -> Sent | None:
        return self.sents[sent.index + 1] if sent.index + 1 < len(self.sents) else None

    def before(self, sent: Sent) -> Sent | None:
        return self.sents[sent.index - 1] if sent.index > 0 else None

    def tense(self, sent: Sent, dm: DateMention) -> str:
        """'future', 'past' or '' for a date, from the words of its clause."""
        if dm.prep == "since":
            return "past"
        at = next((i for i, t in enumerate(sent.toks) if t.start == dm.start), None)
        if at is None:
            at = next((i for i, t in enumerate(sent.toks) if t.start >= dm.start), len(sent.toks))
        start = next((i + 1 for i in range(at - 1, -1, -1) if sent.toks[i].key == ";"), 0)
        fm = self.lex.phrases("modality.future").find(sent.toks, start, at)
        future = [m.end for m in fm]
        past = [  # "to be published": a past form after a modal is the future's (not after
            m.end  # a noun: "the application was endorsed")
            for m in self.lex.phrases("tense.past").find(sent.toks, start, at)
            if not any(
                0 <= m.start - f.end <= 1 and sent.toks[f.end - 1].key in _MODALS for f in fm
            )
        ]
        if future or past:
            return "future" if max(future, default=-1) >= max(past, default=-1) else "past"
        end = next((i for i in range(at + 1, len(sent.toks)) if sent.toks[i].key == ";"), None)
        end = min(end or len(sent.toks), at + 14)
        f = self.lex.phrases("modality.future").find(sent.toks, at + 1, end)
        p = self.lex.phrases("tense.past").find(sent.toks, at + 1, end)
        if f or p:
            return "future" if f and (not p or f[0].start < p[0].start) else "past"
        return ""

    def governor(self, sent: Sent, k: int) -> str:
        """What governs the date at token ``k`` (see ``governing``)."""
        return self.governing(sent, k)[0]

    def governing(self, sent: Sent, k: int) -> tuple[str, str]:
        """What governs the date at token ``k``, and the words that do: the nearest word before
        it in its phrase (up to a comma or bracket): "lower" ("since 2018"), "upper" ("by
        2020"), "other" (a date of another event: "published in 2013"), "reference" (another
        meeting: "the last meeting in March"), "event" (a meeting cue: "met on 3 May"), or "".
        """
        dm = sent.date_of(sent.toks[k])
        ranged = dm.end_day is not None or (
            k + 2 < len(sent.toks)
            and sent.toks[k + 1].key in ("to", "until", "-", "through")
            and sent.toks[k + 2].kind == "date"
        )  # "from July 10 to 12": the days of the event, not a bound
        if dm.prep in ("since", "after") or (dm.prep == "from" and not ranged):
            return "lower", dm.prep
        if dm.prep in ("by", "until", "before"):
            return "upper", dm.prep
        toks = sent.toks
        lex = self.lex
        sets = (
            ("lower", lex.phrases("date.lower")),
            ("upper", lex.phrases("date.upper")),
            ("other", lex.phrases("date.other_event")),
            ("event", lex.phrases("event.verbs", "event.nouns", "event.present")),
        )
        j = k
        while j > 0 and k - j < _GOVERNOR_REACH:
            t = toks[j - 1]
            if t.key in (",", ";", "(", ")", ":") or t.kind == "date":
                break
            for name, phrases in sets:
                m = phrases.ending_at(toks, j, 5)
                if m is None or (ranged and name == "lower" and toks[m.start].key == "from"):
                    continue
                if name in ("lower", "upper") and any(
                    t.key not in _BOUND_GAP for t in toks[m.end : k]
                ):
                    continue  # "the handover from ESA took place today": not a bound
                words = " ".join(t.key for t in toks[m.start : m.end])
                if name == "event" and is_reference(lex, toks, m.start):
                    # "since the last meeting in March": the meeting is a bound's
                    for i in range(m.start, max(0, m.start - 6), -1):
                        for bound in ("lower", "upper"):
                            if lex.phrases(f"date.{bound}").ending_at(toks, i, 3) is not None:
                                return bound, words
                    return "reference", words
                return name, words
            j -= 1
        return "", ""

    def relative_clause(self, sent: Sent, k: int) -> int | None:
        """Where the relative clause around token ``k`` begins (", which ...", ", who ..."),
        if ``k`` stands in one; None otherwise."""
        toks = sent.toks
        j = k - 1
        while j > 0:
            if toks[j].key in (";", ".", ")"):
                return None
            if toks[j].key in ("which", "who", "whose") and toks[j - 1].key == ",":
                return j - 1
            if toks[j].key == "," and j + 1 < k and toks[j + 1].kind == "agency":
                return None  # a new list item or clause after the comma
            j -= 1
        return None

    def heading_date(self, sent: Sent, reach: int = 3) -> DateMention | None:
        """The date of a line that is only a date ("2016") heading the entries under it,
        the nearest one above ``sent`` within ``reach`` sentences."""
        for back in range(1, reach + 1):
            p = self.sents[sent.index - back] if sent.index - back >= 0 else None
            if p is None:
                return None
            words = [t for t in p.toks if t.kind != "punct"]
            if len(words) == 1 and words[0].kind == "date":
                return p.date_of(words[0])
            if (
                len(words) == 1
                and words[0].is_num
                and len(words[0].text) == 4
                and _YEARS[0] <= (words[0].value or 0) <= _YEARS[1]
            ):  # a year alone: "2016"
                t = words[0]
                return DateMention(t.start, t.end, t.text, year=t.value)
            if back == 1 and p.paragraph != sent.paragraph and self.is_membership_heading(p):
                return next(p.date_of(t) for t in p.toks if t.kind == "date")
        return None

    def is_membership_heading(self, p: Sent) -> bool:
        """A heading line on the membership with its date ("ANNEX A - ISECG MEMBERSHIP AS AT
        13 MAY 2016"): short, no full stop, a member word and one date."""
        words = [t for t in p.toks if t.kind != "punct"]
        members = self.lex.words("join.member_words")
        return (
            len(words) <= _HEADING_WORDS
            and p.text.rstrip()[-1:] not in ".!?"
            and sum(t.kind == "date" for t in p.toks) == 1
            and any(t.key in members for t in words)
        )

    def entry_date(self, sent: Sent) -> DateMention | None:
        """The date heading a line's entry ("2016 - ...", "September 2011 - ..."): it dates
        what the line tells."""
        toks = sent.toks
        if len(toks) > 2 and toks[0].kind == "date" and toks[1].key in ("-", "–", "—", ":", "|"):
            return sent.date_of(toks[0])
        return None

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


_GOVERNOR_REACH = 14  # tokens before a date where the word governing it may stand
# Words that may stand between a bound's word and its date ("since the end of 2019").
_BOUND_GAP = frozenset(
    (
        "the",
        "early",
        "late",
        "mid",
        "around",
        "about",
        "end",
        "of",
        "start",
        "beginning",
        "middle",
        "its",
        "their",
        "last",
    )
)


def is_reference(lex: Lexicon, toks: list[Token], at: int) -> bool:
    """Whether the words before a meeting cue at ``at`` name another meeting ("the last
    senior managers meeting"), not a time ("last week's meeting")."""
    refs = lex.words("event.reference")
    units = lex.words("event.time_units")
    stop = {"at", "of", "in", "for", "to", "on", "during", "since", "from", "with", "by"}
    k = at - 1
    while k >= 0 and at - k <= 5:
        t = toks[k]
        if (t.kind == "punct" and t.key not in ("'s", "-")) or t.key in stop:
            break
        if t.key in refs and not (k + 1 < len(toks) and toks[k + 1].key in units):
            return True
        k -= 1
    return False


_DATELINE_PARAGRAPHS = 6  # a dateline opens one of the first paragraphs (after chrome, a deck)
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
_HEAD_LINES = 12
_HEAD_LINES_MAX = 40


def _starts_with_field(lex: Lexicon, toks: list[Token], kind: str) -> bool:
    """Whether a sentence opens with a field label of ``kind`` and a colon ("Date: ...")."""
    i = next((k for k, t in enumerate(toks) if t.kind != "punct"), None)
    if i is None:
        return False
    m = lex.phrases(f"fields.{kind}").at(toks, i)
    return m is not None and m.end < len(toks) and toks[m.end].key == ":"


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


def _dateline(ctx: Context) -> DateMention | None:
    """A full date opening the document the way press releases and posts date themselves."""
    text = ctx.text
    starts = _paragraph_starts(text)
    for sent in ctx.sents:
        if not (sent.index < 2 or sent.s.start in starts):
            continue
        for dm in sent.dates[:1]:
            if dm.day is None or dm.month is None or dm.start - sent.s.start > 60:
                continue
            if dm.end_day is not None:  # "London, 12-13 May 2016": an event's days
                continue
            below = ctx.after(sent)
            if (
                below is not None
                and _starts_with_field(ctx.lex, sent.toks, "date")
                and _starts_with_field(ctx.lex, below.toks, "event")
            ):
                continue  # "Date: 2014-09-30" over "Place: Toronto": a meeting's date
            before = text.folded[sent.s.start : dm.start]
            if _DATELINE_BEFORE.fullmatch(before) and _DATELINE_AFTER.match(text.folded, dm.end):
                return dm
    return None


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


def _chronology(ctx: Context) -> bool:
    """Whether the document is a list of dated entries ("6 May 2012 - Graz. ..."): its opening
    date line is then its first entry, not its own date."""
    entries = 0
    for sent in ctx.sents:
        toks = sent.toks
        if len(toks) > 2 and toks[0].kind == "date" and toks[1].key in {"-", ":", "|"}:
            entries += 1
    return entries >= 2


def _head_lines(text: str) -> list[str]:
    """The lines of a document's head: its first lines, and any run of short ones (a site's
    menus left in the text) before its first paragraph of prose."""
    lines = text.split("\n")[:_HEAD_LINES_MAX]
    prose = next((i for i, line in enumerate(lines) if len(line) > 120), len(lines))
    return lines[: max(_HEAD_LINES, prose)]


def _head_date(ctx: Context) -> str | None:
    """The date a document's head gives it: a labelled date, else (not in a chronology) a line
    that is only a date with a byline or issue number beside it; the first such line wins."""
    doc, lex = ctx.doc, ctx.lex
    labels = lex.phrases("date.page_labels")
    lines = [doc.title or "", *(line for line in _head_lines(doc.text) if line.strip())]
    for i, line in enumerate(lines):
        folded = fold(line)
        toks = tokenize(folded, 0, len(folded), _date_atoms(find_dates(folded)))
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        nxt_toks = tokenize(fold(nxt), 0, len(nxt), [])
        if _starts_with_field(lex, toks, "date") and _starts_with_field(lex, nxt_toks, "event"):
            continue  # "Date: 2014-09-30" over "Place: Toronto": a meeting's date
        dms = find_dates(folded)
        found = [t for t in toks if t.kind == "date" and dms[t.ref].year and dms[t.ref].month]
        for k, t in enumerate(toks):
            if t.kind != "date":
                continue
            dm = dms[t.ref]
            if dm.year is None or not dm.month:
                continue
            j = k  # "Posted on: Thu, 6 Apr 2017": over the weekday and the punctuation
            while j > 0 and (toks[j - 1].kind == "punct" or _weekday_word(toks[j - 1].key)):
                j -= 1
            label = labels.ending_at(toks, k) or labels.ending_at(toks, j)
            if label is not None:
                return dm.value
        if ctx.chronology or len(line) > 120 or len(found) != 1:
            continue
        dm = dms[found[0].ref]
        if dm.year is None or not dm.month or dm.end_day is not None:
            continue  # a range of days dates an event: "London, 12-13 May 2016"
        if not dateline_words(lex, toks):
            return dm.value
    return None


_YEARS = (1990, 2060)  # a number alone on a line that may be a year heading
_MODALS = frozenset("to be will shall would may might could should".split())
_HEADING_WORDS = 14  # words of a heading line that may date the list under it


def _weekday_word(key: str) -> bool:
    """A weekday's name or its abbreviation ("thu", "thurs.")."""
    key = key.rstrip(".")
    return len(key) >= 3 and any(w.casefold().startswith(key) for w in WEEKDAYS)


_HEAD_WORDS = frozenset(
    {"by", "min", "read", "on", "of", "and", "the", "issue", "no", "vol"}
    | {"views", "likes", "comments", "shares", "reads"}  # a page's counters beside its date
)


def dateline_words(lex: Lexicon, toks: list[Token]) -> list[str]:
    """The words of a short line besides its date that make it prose rather than a date line."""
    if _starts_with_field(lex, toks, "date") and toks and toks[0].key == "when":
        return ["when"]  # "When: 3-4 March": an event's date, not the document's
    words = [t for t in toks if t.kind == "word"]
    prose = [t.text for t in words if t.text.islower() and t.key not in _HEAD_WORDS]
    return prose if prose or len(words) > 8 else []


def _date_atoms(dates: list[DateMention], offset: int = 0) -> list[tuple[int, int, str, int]]:
    return [(d.start + offset, d.end + offset, "date", i) for i, d in enumerate(dates)]


def _sentences(text: Text) -> list[Sent]:
    """Each sentence with its dates and tokens (agencies and dates one token each)."""
    found = anchor_years(
        [
            dm
            for s in text.sentences
            for dm in join_week_days(find_dates(s.text, s.start), text.folded)
        ]
    )
    by_sentence: dict[int, list[DateMention]] = {s.index: [] for s in text.sentences}
    at = iter(text.sentences)
    s = next(at, None)
    for dm in found:  # back to their sentences, which are in text order too
        while s is not None and dm.start >= s.end:
            s = next(at, None)
        if s is not None:
            by_sentence[s.index].append(dm)
    agencies = [(t.start, t.end, "agency", n) for n, t in enumerate(text.tokens)]
    out = []
    k = 0
    for s in text.sentences:
        while k < len(agencies) and agencies[k][1] <= s.start:
            k += 1
        inside = []
        j = k
        while j < len(agencies) and agencies[j][0] < s.end:
            inside.append(agencies[j])
            j += 1
        dates = by_sentence[s.index]
        atoms = [
            (d.start, d.end, "date", i)
            for i, d in enumerate(dates)
            if not any(a < d.end and d.start < b for a, b, _, _ in inside)
        ]
        atoms = sorted(inside + atoms)
        out.append(Sent(s, tokenize(text.folded, s.start, s.end, atoms), dates))
    return out


def build_context(doc: Document, registry: Registry, lex: Lexicon | None = None) -> Context:
    """Prepare the text, tokens and dates of every sentence, with the cited bounds."""
    lex = lex or lexicon()
    text = prepare(doc, registry, lex)
    ctx = Context(text, registry, lex, _sentences(text))
    ctx.chronology = _chronology(ctx)
    line = None if ctx.chronology else _dateline(ctx)
    if line is not None:
        ctx.dateline, ctx.dateline_at = line.value, (line.start, line.end)
        if line.year is None:  # "ADELAIDE, Sept. 25 Kyodo -": the year of the page's own date
            head = _title_date(doc.title) or _head_date(ctx) or doc.published
            if head and len(head) == 10 and int(head[5:7]) == line.month:
                ctx.dateline = f"{head[:4]}-{line.month:02d}-{line.day:02d}"
    else:
        ctx.dateline = _title_date(doc.title) or _head_date(ctx)
        head = next(
            (
                dm
                for sent in ctx.sents[:_HEAD_LINES_MAX]
                for dm in sent.dates
                if ctx.dateline and dm.value == ctx.dateline
            ),
            None,
        )
        if head is not None:  # the head's date line dates the release, not an event
            ctx.dateline_at = (head.start, head.end)
    past: list[DateMention] = []
    future: list[DateMention] = []
    for sent in ctx.sents:
        for dm in sent.dates:
            if dm.year is None or dm.relative or ctx.is_dateline(dm):
                continue
            tense = ctx.tense(sent, dm)
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


def resolve_date(ctx: Context, dm: DateMention, within: When | None = None) -> When | None:
    """A date mention as a ``When``; None when the text cannot fix it (then bounds apply).
    ``within``: the meeting the sentence tells of; a day of its days without a year is one of
    them ("11-12 May 2016 - ... UAESA joins the group on 11 May")."""
    if dm.year is None and dm.day is not None and within and within.value:
        first = within.value
        if len(first) == 10 and dm.month is None:  # "on the 11th": a day of the meeting's month
            dm = replace(dm, month=int(first[5:7]))
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
    if dm.weekday_only and dm.in_week:  # "on Wednesday of last week"
        _, monday, _ = relative_span(replace(dm, qualifier=dm.in_week), ctx.today)
        if monday is None:
            return None
        first = temporal.lower(monday) + timedelta(days=WEEKDAYS.index(dm.weekday))
        last = temporal.lower(monday) + timedelta(days=WEEKDAYS.index(dm.end_weekday or dm.weekday))
        return When(
            value=first.isoformat(),
            end=last.isoformat() if last > first else None,
            weekday=dm.weekday,
            note=f"{dm.text!r}, counted from the publication date {ctx.today}",
        )
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
    if dm.month is not None and within is not None and within.value:
        # "since the previous meeting in April", told with the meeting of 14 October 2021
        year = month_year_before(dm.month, within.value, strict=dm.prep == "last")
        return When(value=f"{year:04d}-{dm.month:02d}", note="year from the meeting's date")
    if dm.month is not None and ctx.published:
        year = month_year_before(dm.month, ctx.published, strict=dm.prep == "last")
        return When(value=f"{year:04d}-{dm.month:02d}", note="year from the publication date")
    return None
