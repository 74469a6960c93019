"""Meetings: every sentence that reports the group meeting, merged into one fact per meeting.

A sentence with a meeting cue ("met", "gathered", "convened", "meeting of", "hosted") is a
mention of the meeting the report is about, unless the cue names another meeting ("since the last
meeting in March", "the next meeting will ...") or a habit ("meets twice a year"). Mentions with
the same date (or none) are one meeting; each adds what it says: date, place, host, virtual or
not, how many agencies, who came. A dateline's date is the release's, never the meeting's, and
a date of another event in the sentence (a launch, an agency becoming a member) is not either.
A meeting sentence without a date takes the one the sentences just before it give (a report's
"On 9 May ..." then "The meeting was hosted by ..."; a chronology's dated entry line, whose
place it also takes); a fact box ("When: ...") under a meeting heading dates that meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .. import temporal
from ..facts import AgencyRef, Meeting, When
from ..registry import canonical_country
from . import lists, participants, tables
from .context import Context, dateline_words, resolve_date, until_when
from .dates import (
    WEEKDAYS,
    DateMention,
)
from .gazetteer import (
    CITIES,
    CITY_AFTER_COMMA,
    COUNTRIES,
    DISTRICT_SUFFIX,
    REGIONS,
    US_STATES,
    VENUE_WORDS,
    number,
)
from .patterns import (
    BESIDE_GATHERING,
    CLAUSE_BEFORE,
    DATE_FIELD,
    DENIED_BEFORE,
    DENIED_MEETING,
    ENTRY_PLACE,
    FUTURE_AFTER,
    FUTURE_BEFORE,
    HABITUAL_AFTER,
    HAPPENED,
    HOST,
    HYBRID,
    IN_PERSON,
    ISECG_CONTEXT,
    ISECG_MEETING,
    ISECG_MET,
    MEETING_CUE,
    MEETING_FIELD,
    MEETING_MODIFIER,
    MEMBERSHIP_EVENT,
    NOT_A_MEETING,
    NOTE_DATE_BEFORE,
    OFFSET_DAY_AFTER,
    OTHER_EVENT,
    OTHER_GATHERING,
    PLACE,
    REFERENCE_BEFORE,
    SINCE_BEFORE,
    TOTAL_COUNT,
    VENUE,
    VIRTUAL,
)
from .tables import Row
from .text import AG, Sentence

_THE_MEETING = re.compile(
    rf"\b(?:the|this|that|today's|during|{MEETING_MODIFIER})\s+(?:[\w-]+\s+){{0,2}}"
    r"(?:meeting|plenary)\b",
    re.I,
)
# "met in Bangalore", "convened in Tromsø on ...": a one- or two-word place after a meeting verb
_CUE_PLACE = re.compile(
    r"\s+in\s+(?P<place>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?)"
    r"(?=\s*(?:[,.;:]|$|\s+(?:on|in|from|during|for|at|to|this|last|and|\d)\b))"
)
_ATTENDED = re.compile(
    r"\b(?:attended|took part|participated|were represented|was represented)\b(?!\s+(?:in|at)\s+"
    r"(?:the|a|an)\s+(?!meeting))"
)
_CUE_VERB = re.compile(r"met|meets?|gathered|convened|reconvened|assembled|came together", re.I)
_NEAR, _FAR = 120, 240  # characters between a cue and its date
_LOOK_BACK = 2  # sentences before a meeting sentence that may date it
_DATE_LINE = 100  # a line at most this long heading an entry may date it
_NOT_MEETING_DATE_PREPS = frozenset({"since", "by", "until", "before", "after"})
_MEETING_NOUN = re.compile(r"\b(?:meeting|plenary)\b", re.I)
_ISSUED = re.compile(
    r"^\W*(?:Published|Posted|Issued|Updated|Released|Prepared|Distributed|Date[ds]?|Dated)\b", re.I
)
_PLACE_WORD = re.compile(r"\b[A-Z][^\W\d_]{2,}")
_MONTHS_AND_DAYS = re.compile(
    r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)", re.I
)


@dataclass
class _Mention:
    s: Sentence
    strong: bool
    date: DateMention | None = None
    when: When | None = None
    venue: str | None = None
    city: str | None = None
    country: str | None = None
    host: str | None = None
    owner: str | None = None
    virtual: bool | None = None
    count: int | None = None
    total: bool = False  # the count is the whole attendance ("in total, 25 agencies")
    participants: list[lists.Item] = field(default_factory=list)
    list_sentence: Sentence | None = None


def _event_cues(s: Sentence) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """The cues in a sentence that report a meeting, and those that refer to another one."""
    blocked = [m.span() for m in NOT_A_MEETING.finditer(s.text)]
    events, references = [], []
    for m in MEETING_CUE.finditer(s.text):
        if any(a <= m.start() < b for a, b in blocked) or HABITUAL_AFTER.match(s.text[m.end() :]):
            continue
        before = s.text[: m.start()]
        later = m.group().casefold() == "meeting" and FUTURE_AFTER.match(s.text[m.end() :])
        # "the next meeting is planned for November in Rome, hosted by ASI": that meeting's host
        of_reference = (
            m.group().casefold() == "hosted"
            and bool(references)
            and not re.search(r"[;.]", s.text[references[-1].end() : m.start()])
        )
        if (
            any(
                r.search(before)
                for r in (REFERENCE_BEFORE, SINCE_BEFORE, FUTURE_BEFORE, CLAUSE_BEFORE)
            )
            or later
            or of_reference
        ):
            references.append(m)
        else:
            events.append(m)
    return events, references


def _event_date(ctx: Context, s: Sentence, dm: DateMention) -> bool:
    """Whether a date may be a meeting's: not a deadline, a plan (or a date after the report),
    the release's own date, a note's date or the date of another event named before it."""
    a = dm.start - s.start
    if until_when(s, dm):  # "... until February 2009, when ESA assumed the chair at the meeting"
        return ctx.tense(s, dm) != "future"
    if dm.prep in _NOT_MEETING_DATE_PREPS or ctx.tense(s, dm) == "future":
        return False
    if ctx.is_dateline(dm) or NOTE_DATE_BEFORE.search(s.text[:a]):
        return False
    if OFFSET_DAY_AFTER.match(s.text, dm.end - s.start):  # "On July 17, the day after the meeting"
        return False
    after = dm.lower and ctx.published and temporal.lower(dm.lower) > temporal.upper(ctx.published)
    if after and not ctx.chronology:
        return False  # after the report was written: a plan, or another event's date
    # "met by videoconference on 2 March": that "by" names the mode, not a deadline
    window = VIRTUAL.sub(lambda v: " " * len(v.group()), s.text[max(0, a - 60) : a])
    return not (OTHER_EVENT.search(window) or MEMBERSHIP_EVENT.search(window))


def _own_line(ctx: Context, s: Sentence) -> bool:
    """Whether a sentence is a paragraph of its own (a heading, a line of a letterhead)."""
    before = ctx.sentences[s.index - 1] if s.index else None
    after = ctx.text.after(s)
    return all(x is None or x.paragraph != s.paragraph for x in (before, after))


def _heading(ctx: Context, s: Sentence) -> bool:
    """A meeting's heading under the group's name: "International Space Exploration Coordination
    Group" then "SIXTH MEETING -- SUMMARY OF CONCLUSIONS" (or the group named in it)."""
    if len(s.text) > _DATE_LINE or s.text.rstrip().endswith((".", "?", "!")):
        return False
    if not _own_line(ctx, s) or not _MEETING_NOUN.search(s.text):
        return False  # a headline's verb ("Agencies meet in Berlin") makes it a sentence
    above = ctx.sentences[max(0, s.index - 2) : s.index]
    return bool(
        ISECG_CONTEXT.search(s.text)
        or ISECG_CONTEXT.search(ctx.doc.title or "")
        or any(_own_line(ctx, p) and ISECG_CONTEXT.search(p.text) for p in above)
    )


def _line_below(ctx: Context, s: Sentence) -> tuple[DateMention | None, Sentence | None]:
    """The date of the line under a meeting's heading that gives its place and date
    ("Korea Aerospace Research Institute (KARI), ..., Daejeon, Republic of Korea, 26-27 April
    2010"), if that line speaks of no meeting of its own."""
    if s.index + 1 >= len(ctx.sentences):
        return None, None
    line = ctx.sentences[s.index + 1]
    if len(line.text) > 2 * _DATE_LINE or not _own_line(ctx, line) or any(_event_cues(line)):
        return None, None
    if _ISSUED.match(line.text):
        return None, None
    dates = [dm for dm in ctx.dates[line.index] if _event_date(ctx, line, dm) and _rank(dm) < 3]
    rest = line.text
    for dm in dates:
        rest = rest.replace(dm.text, " ")
    if not _PLACE_WORD.search(rest):  # a bare date under a headline is the release's
        return None, None
    return (min(dates, key=_rank), line) if dates else (None, None)


def _lead(ctx: Context, s: Sentence) -> bool:
    """Whether a sentence is a report's lead: the one that carries its dateline."""
    return any(ctx.is_dateline(dm) for dm in ctx.dates[s.index])


def _rank(dm: DateMention) -> int:
    return 0 if dm.day else 1 if dm.month else 2 if dm.year else 3 if dm.relative else 4


def _context_date(ctx: Context, s: Sentence) -> tuple[DateMention | None, Sentence | None]:
    """The date the sentences just before a meeting sentence give it: "On 9 May ... . The
    meeting was hosted by ...", or a dated line heading its entry ("7 October 2015 - Darmstadt.").

    Looks back through its paragraph (at most ``_LOOK_BACK`` sentences), or to a short line just
    before the paragraph; stops at a sentence that speaks of another meeting. Returns the date and
    the sentence it is in.
    """
    for back in range(1, _LOOK_BACK + 1):
        if s.index - back < 0:
            return None, None
        p = ctx.sentences[s.index - back]
        # a wire story's lead, with its dateline, tells when ("agreed on Sunday"); the
        # paragraph after it, which opens with the meeting, tells what and where
        lead = back == 1 and p.paragraph == s.paragraph - 1 and _lead(ctx, p)
        if p.paragraph != s.paragraph and (back > 1 or len(p.text) > _DATE_LINE) and not lead:
            return None, None
        events, references = _event_cues(p)
        if references:
            return None, None
        dates = [dm for dm in ctx.dates[p.index] if _event_date(ctx, p, dm) and _rank(dm) < 3]
        dates += [dm for dm in ctx.dates[p.index] if dm.relative and _event_date(ctx, p, dm)]
        if lead:
            dates += [
                dm for dm in ctx.dates[p.index] if dm.weekday_only and _event_date(ctx, p, dm)
            ]
        if dates:
            return min(dates, key=_rank), p
        if events:
            return None, None
    return None, None


# A date inside a phrase naming an earlier event: that event's date, not the meeting's.
_SINCE_EVENT = re.compile(r"\b[Ss]ince\s+(?:the|its|their|that)\s+[^,;:()]{0,80}$")


def _date(ctx: Context, s: Sentence, events: list, references: list) -> DateMention | None:
    """The date a meeting sentence gives its meeting: the one nearest a cue, not another event's."""
    best, best_key = None, None
    candidates: list[DateMention] = []
    for dm in ctx.dates[s.index]:
        a = dm.start - s.start
        if not _event_date(ctx, s, dm):
            continue
        if any(0 <= a - r.end() <= 20 for r in references):
            continue  # "the last meeting in March"
        if _SINCE_EVENT.search(s.text, 0, a):
            continue  # "the first since the release of the third edition in January"
        distance = min(abs(a - m.start()) for m in events)
        if distance > _FAR:
            continue
        key = (distance > _NEAR, _rank(dm), distance)  # a far date only when none is near
        candidates.append(dm)
        if best_key is None or key < best_key:
            best, best_key = dm, key
    if best is not None and best.relative and best.value is None:
        # a weekday inside the week named: "last week, on Wednesday"
        span = resolve_date(ctx, best)
        for dm in candidates:
            if dm is not best and dm.weekday_only and span and span.earliest and span.latest:
                within = _weekday_within(dm, span.earliest, span.latest)
                if within is not None:  # "on Thursday and Friday of last week"
                    return within
    if best is not None and best.value and best.day is None:
        # a day the sentence names inside the year or month chosen makes it finer: "On Tuesday,
        # ... met for the first meeting of 2026" (Tuesday 17 February 2026)
        for dm in candidates:
            if dm is not best and dm.value is None and (dm.weekday_only or dm.relative):
                when = resolve_date(ctx, dm)
                if (
                    when
                    and when.value
                    and len(when.value) == 10
                    and when.value.startswith(best.value)
                ):
                    return dm
    return best


def _weekday_within(dm: DateMention, earliest: str, latest: str) -> DateMention | None:
    """A weekday (or two) named inside a span of days as the days it is there: "Thursday and
    Friday of last week" in a report of Friday 20 March 2020 -> 12-13 March 2020."""
    first, last = date.fromisoformat(earliest[:10]), date.fromisoformat(latest[:10])
    day = first
    while day <= last and WEEKDAYS[day.weekday()] != dm.weekday:
        day += timedelta(days=1)
    if day > last:
        return None
    end = None
    if dm.end_weekday:
        end = day + timedelta(days=(WEEKDAYS.index(dm.end_weekday) - day.weekday()) % 7)
        if end > last or end.month != day.month:
            return None
    return replace(
        dm, year=day.year, month=day.month, day=day.day, end_day=end.day if end else None
    )


def _near(
    m: re.Match[str], events: list[re.Match[str]], after: int = 120, before: int = 60
) -> bool:
    """Whether a match lies close enough to a meeting cue to say something about the meeting."""
    return any(
        0 <= m.start() - e.end() <= after or 0 <= e.start() - m.end() <= before for e in events
    ) or any(e.start() <= m.start() < e.end() for e in events)


def _venue(ctx: Context, s: Sentence, events: list) -> tuple[str | None, str | None]:
    """The venue named after "at", and the agency it belongs to ("ESA's ESOC")."""
    for m in VENUE.finditer(s.masked):
        if not _near(m, events):
            continue
        own = ctx.text.agency(m.group("own")) if m.group("own") else None
        owner = own.acronym if own else None
        vm = m.group("venue")
        if re.fullmatch(AG, vm):
            return None, ctx.text.agency(vm).acronym
        lead = re.match(AG, vm)
        if lead:
            owner = owner or ctx.text.agency(lead.group()).acronym
        a, b = s.start + m.start("venue"), s.start + m.end("venue")
        if own and not own.possessive:  # "NASA Headquarters": the agency is part of the name
            a = own.start
        raw = re.sub(r"(?:\s+(?:of|for|de|du|and|the))+$", "", ctx.doc.text[a:b]).strip(" .,")
        if raw in CITIES or raw in COUNTRIES or raw in REGIONS or _MONTHS_AND_DAYS.match(raw):
            continue
        if VENUE_WORDS.search(raw) or re.fullmatch(r"[A-Z]{3,}", raw) or (own and own.possessive):
            return raw, owner
    return None, None


def _name(words: str | None) -> str | None:
    """A place name without the full stop of its sentence ("Paris." -> "Paris"; "U.S." stays)."""
    if words is None or words in COUNTRIES or words in CITIES:
        return words
    return words.rstrip(".,")


def _known_city(folded: str, written: str) -> str | None:
    """The gazetteer's key for a place, as the source spells it if the gazetteer knows that
    spelling; a date written right after a city is not part of it ("in Washington May 14")."""
    for place in (written, folded):
        if place in CITIES:
            return place
        words = place.split()
        for k in range(len(words) - 1, 0, -1):
            head = " ".join(words[:k]).rstrip(",")
            if head in CITIES and _MONTHS_AND_DAYS.match(words[k]):
                return head
    return None


_WHERE = re.compile(r",\s+where\b[^.;]{0,100}")
_VENUE_GAP = re.compile(r",?\s*(?:\([^()]{1,30}\)\s*)?")  # "Centre (DLR-SA) in Bonn"


def _place(s: Sentence, events: list, written: str) -> tuple[str | None, str | None]:
    """City and country from "in <City>, <Country>", or a known city after a comma ("at ESTEC,
    Noordwijk"); ``written`` is the sentence as the source spells it."""
    # "at <venue> in <City>": the venue's city, however long the venue's name
    venues = [v.end() for v in VENUE.finditer(s.masked) if _near(v, events)]
    for m in PLACE.finditer(s.masked):
        where = _WHERE.match(s.masked, m.end())  # "in Tokyo, where the group held its meeting"
        if not (
            _near(m, events)
            or (where and any(where.start() <= e.start() < where.end() for e in events))
            or any(
                end <= m.start() and _VENUE_GAP.fullmatch(s.masked, end, m.start())
                for end in venues
            )
        ):
            continue
        place, country = _name(m.group("place")), _name(m.group("country"))
        if country and country not in COUNTRIES and country not in US_STATES:
            country = None
        if country in US_STATES:
            country = "United States"
        known = _known_city(place, _name(written[m.start("place") : m.end("place")]))
        if m.group("prep").lower() == "to" and not known:
            continue  # "to" names a destination: only a city the gazetteer knows is a place
        if m.group("prep").lower() == "at" and not (known or country):
            continue  # "at" names a venue, unless a country or state follows: "at National
            # Harbor, Maryland, USA"
        if known:
            city, home = CITIES[known]
            return city, canonical_country(country) if country else home
        if place in COUNTRIES:
            return None, canonical_country(place)
        if country and place not in REGIONS and not _MONTHS_AND_DAYS.match(place):
            return place, canonical_country(country)
    for m in CITY_AFTER_COMMA.finditer(written):
        if _near(m, events):
            return CITIES[m.group("city")]
    for m in _CITY_AS_VENUE.finditer(written):  # "Berlin was the meeting place for ..."
        city = m.group("city") or m.group("city2")
        if city in CITIES and any(m.start() <= e.start() < m.end() for e in events):
            return CITIES[city]
    return _cue_place(s, events), None


# A known city as the subject of "was the meeting place", "hosted the meeting".
_CITY_AS_VENUE = re.compile(
    r"\b(?P<city>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)?)\s+(?:was|is|became)\s+(?:the\s+)?"
    r"(?:meeting\s+place|venue|host\s+city)\b|"
    r"\b(?P<city2>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)?)\s+(?:hosted|hosts)\s+(?:the|this|an?)\s+"
    r"(?:[\w-]+\s+){0,3}?meeting\b"
)


def _cue_place(s: Sentence, events: list) -> str | None:
    """A place the gazetteer does not know, from the grammar alone: a capitalised name right
    after a meeting verb and "in" ("met in Bangalore"), that is not a country, region, month or
    agency and not the first words of a longer name ("in Space Policy")."""
    for e in events:
        m = _CUE_PLACE.match(s.masked, e.end())
        if m is None or not _CUE_VERB.fullmatch(e.group()):
            continue
        place = m.group("place")
        if (
            place in COUNTRIES
            or place in REGIONS
            or place in US_STATES
            or _MONTHS_AND_DAYS.match(place)
            or VENUE_WORDS.search(place)
        ):
            continue
        return place
    return None


def _entry_place(written: str) -> tuple[str | None, str | None]:
    """City and country heading an entry ("13-14 November 2019 - Tokyo, Japan.")."""
    for m in ENTRY_PLACE.finditer(written):
        place, country = m.group("place"), _name(m.group("country"))
        if country in US_STATES:
            country = "United States"
        elif country not in COUNTRIES:
            country = None
        if place in CITIES:
            city, home = CITIES[place]
            return city, canonical_country(country) if country else home
        if (
            country
            and place not in COUNTRIES
            and place not in REGIONS
            and not _MONTHS_AND_DAYS.match(place)
        ):
            return place, canonical_country(country)
    return None, None


_HEAD_SENTENCES = 8  # where a report's own head lines stand


def _head_date_line(ctx: Context, s: Sentence) -> re.Match[str] | None:
    """A line of a meeting report's head that is only a place and the days: "London, United
    Kingdom, 12-13 May 2016" under "SENIOR MANAGERS MEETING - SUMMARY"; it dates the meeting."""
    found = [dm for dm in ctx.dates[s.index] if not ctx.is_dateline(dm)]
    if s.index >= _HEAD_SENTENCES or len(s.text) > 100 or len(ctx.dates[s.index]) != 1 or not found:
        return None
    dm = found[0]
    if dm.day is None or dm.year is None:
        return None
    if dateline_words(
        ctx.text.folded[s.start : s.end],
        replace(dm, start=dm.start - s.start, end=dm.end - s.start),
    ):
        return None
    return re.match(r"(?s).+", s.text)


def _row_mention(ctx: Context, s: Sentence, row: Row) -> _Mention | None:
    """A meeting as a row of a table of meetings states it, cell by cell."""
    when_cell = row.cells.get("date")
    if when_cell is None or tables.PLANNED.search(when_cell.text):
        return None
    m = _Mention(s, strong=True)
    m.date = ctx.date_in(s, when_cell.start, when_cell.end)
    m.when = resolve_date(ctx, m.date) if m.date else None
    if m.when is None or not m.when.value:
        return None
    if ctx.published and m.when.value[:10] > ctx.published:  # a row of plans, not yet held
        return None
    if "place" in row.cells:
        place = row.cells["place"].text
        m.city, m.country = _entry_place(place + ".")
        venue = re.search(r"\(([^()]{2,60})\)", place)  # "Noordwijk, the Netherlands (ESTEC)"
        m.venue = venue.group(1) if venue else None
        m.virtual = False if m.city else None
        if re.search(r"\b(?:online|virtual|videoconference|teleconference)\b", place, re.I):
            m.city, m.virtual = None, True
    if "host" in row.cells:
        cell = row.cells["host"]
        tokens = ctx.text.tokens_in(cell.start, cell.end)
        m.host = tokens[0].acronym if tokens else None
    if "count" in row.cells:
        m.count = number(row.cells["count"].text)
    return m


def _mention(
    ctx: Context,
    s: Sentence,
    after_mention: bool = False,
    follows: bool = False,
    headed: bool = False,
) -> _Mention | None:
    """What a sentence says of a meeting, if it speaks of one (``after_mention``: a sentence
    before it does; ``headed``: the document's title names an ISECG meeting)."""
    if s.text.rstrip().endswith("?"):  # a question reports nothing
        return None
    row = ctx.rows.get(s.index)
    if row is not None and row.about_meetings:
        return _row_mention(ctx, s, row)
    if DENIED_MEETING.search(s.text):  # "That meeting ... was not an ISECG meeting."
        return None
    after = ctx.text.after(s)
    if (
        after is not None
        and after.paragraph == s.paragraph
        and DENIED_BEFORE.match(after.text)
        and DENIED_MEETING.search(after.text)
    ):
        return None
    if (
        ctx.chronology
        and not (ISECG_MEETING.search(s.text) or ISECG_MET.search(s.text))
        and any(DENIED_MEETING.search(o.text) for o in ctx.sentences if o.paragraph == s.paragraph)
    ):  # a timeline's entry: "22-24 May 2012 - GLEX 2012, Washington. ... not an ISECG meeting."
        return None
    events, references = _event_cues(s)
    # "Date: 2014-09-30" over "Place: Toronto": a meeting record's head, whatever is above it
    over_place = DATE_FIELD.match(s.text) if after and MEETING_FIELD.match(after.text) else None
    field_ = MEETING_FIELD.match(s.text) or (headed and _head_date_line(ctx, s)) or over_place
    if field_ and (after_mention or over_place):  # "When: 17-18 May 2022" under its heading
        events.append(field_)
    attended = None
    if follows and not events:  # "The two-day meeting took place ... Twelve agencies attended."
        attended = _ATTENDED.search(s.text)
        events = [attended] if attended else []
    if not events:
        return None
    # a group's word, or a member agency hosting: "Hosted by JAXA."; a heading under the group's
    heading = not ctx.dates[s.index] and _heading(ctx, s)
    relevant = (
        ISECG_CONTEXT.search(s.text)
        or any(r.search(s.masked) for r in HOST)
        or field_
        or heading
        or (follows and any(_CUE_VERB.fullmatch(e.group()) for e in events))
        or attended
    )
    the_meeting = _THE_MEETING.search(s.text)
    if not relevant and not the_meeting:
        return None
    gatherings = [
        g
        for g in OTHER_GATHERING.finditer(s.text)
        if not BESIDE_GATHERING.search(s.text[max(0, g.start() - 50) : g.start()])
    ]
    if (
        any(_near(g, events, 80, 80) for g in gatherings)
        and not ISECG_MEETING.search(s.text)
        and not ISECG_MET.search(s.text)
    ):
        return None
    m = _Mention(s, strong=False)
    m.date = _date(ctx, s, events, references)
    line = None
    if heading:
        m.date, line = _line_below(ctx, s)
    if m.date is None and not ctx.dates[s.index]:
        m.date, line = _context_date(ctx, s)
    m.when = resolve_date(ctx, m.date) if m.date else None
    m.venue, m.owner = _venue(ctx, s, events)
    m.city, m.country = _place(s, events, ctx.doc.text[s.start : s.end])
    for written in (s, line):  # a place heading the entry, its own or its date line's
        if written is not None and not (m.city or m.country):
            m.city, m.country = _entry_place(ctx.doc.text[written.start : written.end])
    if heading and line is not None and not m.city:  # "..., Daejeon, Republic of Korea, 26-27 ..."
        known = CITY_AFTER_COMMA.search(ctx.doc.text[line.start : line.end])
        if known:
            m.city, m.country = CITIES[known.group("city")]
    if m.venue and not m.city:  # "JAXA's Tokyo Office"
        m.city, m.country = next(
            (CITIES[w] for w in CITIES if re.search(rf"\b{re.escape(w)}\b", m.venue)),
            (None, m.country),
        )
    hosts = [h for rule in HOST if (h := rule.search(s.masked))]
    if hosts:  # the tightest: "X, taking over from Y, which hosted": Y
        h = min(hosts, key=lambda h: len(h.group()) - len(h.group("a")))
        m.host = ctx.text.agency(h.group("a")).acronym

    def said(rule: re.Pattern[str]) -> bool:
        return any(_near(x, events, 60, 60) for x in rule.finditer(s.text))

    if said(VIRTUAL) and not said(HYBRID):
        m.virtual = True
    elif said(HYBRID) or said(IN_PERSON) or m.city or m.venue:
        m.virtual = False
    m.count = participants.stated_count(s)
    m.total = m.count is not None and bool(TOTAL_COUNT.search(s.masked))
    m.participants, m.list_sentence = participants.listed(ctx, s)
    m.strong = bool(relevant) and bool(
        m.date
        or m.city
        or m.country
        or m.venue
        or m.count
        or m.participants
        or m.host
        or (re.search(r"ISECG|Coordination Group", s.text) and HAPPENED.search(s.text))
    )
    m.strong = m.strong or bool(the_meeting and m.when and m.when.value)
    return m


def _same(a: _Mention, b: _Mention) -> bool:
    """Mentions of one meeting: the same date, one more precise, or a day within the other's
    days ("on 3 and 4 June" and "at the close of the meeting on 4 June")."""
    if a.when and b.when and a.when.value and b.when.value:
        x, y = a.when.value, b.when.value
        return x.startswith(y) or y.startswith(x) or _within(a.when, y) or _within(b.when, x)
    return False


def _within(when: When, day: str) -> bool:
    return bool(when.value and when.end and len(day) == 10 and when.value <= day <= when.end)


def _group(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Mentions -> meetings: a dated mention opens or joins the meeting of its date; an undated
    one (or a bare weekday) belongs to the meeting mentioned before it (or the first one)."""
    groups: list[list[_Mention]] = []
    pending: list[_Mention] = []
    current: list[_Mention] | None = None
    for m in mentions:
        if m.when and m.when.value and m.strong:
            target = next((g for g in groups if any(_same(m, x) for x in g)), None)
            if target is None:
                target = []
                groups.append(target)
            target.extend(pending)
            pending = []
            target.append(m)
            current = target
        elif current is not None:
            current.append(m)
        else:
            pending.append(m)
    if pending:
        if groups:
            groups[0][:0] = pending
        elif any(m.strong for m in pending):
            groups.append(pending)
    for g in groups:
        g.sort(key=lambda m: m.s.index)
    return groups


def _locality(city: str) -> str:
    """A city as its locality name: "Washington, D.C." -> "Washington"."""
    return DISTRICT_SUFFIX.sub("", city) or city


def _first(values):
    return next((v for v in values if v is not None), None)


def _build(ctx: Context, local: int, group: list[_Mention]) -> Meeting:
    strong = [m for m in group if m.strong] or group
    dated = [m for m in group if m.when and m.when.value]
    dated.sort(key=lambda m: -len(m.when.value))
    weekday = _first(m.date.weekday for m in group if m.date)
    bounded = [m.when for m in group if m.when and m.when.earliest]
    if dated:
        when = dated[0].when
        if weekday and not when.weekday:
            when = replace(when, weekday=weekday)
    elif bounded:
        when = replace(bounded[0], weekday=weekday)
    else:
        phrase = _first(m.date.text for m in group if m.date)
        reason = f"dated only by {phrase!r}" if phrase else "the report gives no date"
        when = replace(ctx.bounds(reason), weekday=weekday)
    venues = [m.venue for m in group if m.venue]
    # what the dated mentions say first: an undated one before them may tell of another meeting
    city = _first(m.city for m in dated) or _first(m.city for m in group)
    host = (
        _first(m.host for m in dated)
        or _first(m.host for m in group)
        or _first(m.owner for m in group)
    )
    virtual = _first(m.virtual for m in group if m.virtual) or _first(m.virtual for m in group)
    items = [i for m in group for i in m.participants]
    absent = list(lists.agencies(items, absent=True))
    list_sentence = _first(m.list_sentence for m in group)
    return Meeting(
        local=local,
        when=when,
        evidence=ctx.evidence(strong[0].s),
        venue=max(venues, key=len) if venues else None,
        city=_locality(city) if city else None,
        country=_first(m.country for m in group),
        host=AgencyRef(host) if host else None,
        virtual=virtual,
        stated_participants=_first(m.count for m in group if m.total)
        or _first(m.count for m in group),
        participants=tuple(a for a in lists.agencies(items, absent=False) if a not in absent),
        absent=tuple(absent),
        participant_evidence=ctx.evidence(list_sentence) if list_sentence else None,
    )


def find_meetings(ctx: Context) -> list[Meeting]:
    """The meetings a document reports, one fact per meeting; records which sentences speak
    of which meeting in ``ctx``."""
    mentions: list[_Mention] = []
    title = ctx.doc.title or ""
    headed = bool(MEETING_CUE.search(title) and ISECG_CONTEXT.search(title))
    for s in ctx.sentences:
        # a meeting verb right after a meeting sentence of its paragraph carries the story on:
        # "... took part in the ISECG meeting on 1 October. Some delegations met in Baku ..."
        last = mentions[-1].s if mentions else None
        follows = last is not None and last.index == s.index - 1 and last.paragraph == s.paragraph
        m = _mention(ctx, s, headed or bool(mentions), follows, headed)
        if m is not None:
            mentions.append(m)
    meetings = []
    for local, group in enumerate(_group(mentions)):
        meeting = _build(ctx, local, group)
        meetings.append(meeting)
        ctx.meeting_when[local] = meeting.when
        for m in group:
            ctx.meeting_of[m.s.index] = local
            if m.list_sentence is not None:
                ctx.meeting_of.setdefault(m.list_sentence.index, local)
    meetings = participants.add_listed_apart(ctx, meetings)
    return participants.add_absentees(ctx, participants.add_table_attendance(ctx, meetings))
