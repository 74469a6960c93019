"""A date grammar for report prose, and the reasoning that fixes a missing year.

``find_dates`` finds every date expression in a text ("Oct. 7", "March 18 - 19, 2019",
"30th November and 2nd December 2021", "mid-2013", "in March", "Today", a weekday ...) as a
``DateMention``. ``infer_year`` recovers the year of a month-day from the publication date, or
from a stated weekday and the dates the document itself cites.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .. import temporal

MONTHS: dict[str, int] = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Days, weeks, months and years named relative to the publication date.
RELATIVE = frozenset(
    {
        "today",
        "yesterday",
        "this week",
        "last week",
        "this month",
        "earlier this month",
        "last month",
        "this year",
        "last year",
        "past year",
    }
)
# Vague parts of a year -> (first month, last month) they can mean.
QUALIFIERS: dict[str, tuple[int, int]] = {
    "mid": (6, 6),
    "middle of": (6, 6),
    "early": (1, 4),
    "beginning of": (1, 3),
    "start of": (1, 3),
    "late": (9, 12),
    "end of": (10, 12),
    "first half of": (1, 6),
    "second half of": (7, 12),
    "spring": (3, 6),
    "summer": (6, 9),
    "autumn": (9, 12),
    "fall": (9, 12),
    "winter": (1, 3),
}

_M = (
    r"(?P<{0}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    # set in capitals, as headings are: "AS AT 13 MAY 2016"
    r"JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
    r"(?![a-zA-Z])\.?"
)
_MONTH_AHEAD = r"(?=\s*(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
# a day, with its ordinal suffix, with a period before its month as German writes it ("07.
# November 2007"), or with its weekday in brackets as Korean releases write it ("16 (Tue)")
_D = (
    r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th|\." + _MONTH_AHEAD + r")?(?!\d)"
    r"(?:\s*\((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\))?"
)
_Y = r"(?P<{0}>(?:19|20)\d{{2}})(?!\d)"
_RANGE = r"\s*(?:-|to|until|through|and|&)\s*"
_WD = r"(?:(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?)?"
# a weekday inside a range: "Tuesday 17 - Wednesday 18 May"
_WD2 = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?)?"
_PREP = (
    r"(?P<prep>in|In|during|During|since|Since|by|By|until|Until|of|from|From|before|Before|after|"
    r"After|last|this|early|late)"
)
_QUAL = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
# Weeks of a month -> their first day ("last": the month's last seven days).
WEEKS: dict[str, int] = {"first": 1, "second": 8, "third": 15, "fourth": 22, "last": -7}
_WEEK = "|".join(WEEKS)


def _p(template: str) -> re.Pattern[str]:
    parts = {
        "M": _M.format("m"),
        "M2": _M.format("m2"),
        "D": _D.format("d"),
        "D2": _D.format("d2"),
        "Y": _Y.format("y"),
    }
    return re.compile(
        template.format(**parts, R=_RANGE, WD=_WD, WD2=_WD2, PREP=_PREP, QUAL=_QUAL, WEEK=_WEEK)
    )


# The grammar, one rule a line: each finds one shape of date. Overlaps keep the longest.
GRAMMAR: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
    # year first with dots or slashes, as East Asian pages write it: "2014.06.18", "2014/6/18"
    re.compile(
        r"(?<![\d./])(?P<y>(?:19|20)\d{2})([./])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)(?![\d]|[./]\d)"
    ),
    _p(r"{WD}{D}(?:\s+of)?\s+{M}{R}{D2}(?:\s+of)?\s+{M2},?\s+{Y}"),
    _p(r"{WD}{M}\s+{D}{R}{M2}\s+{D2},?\s+{Y}"),
    _p(r"{WD}{D}{R}{WD2}{D2}(?:\s+of)?\s+{M}(?:,?\s+{Y})?"),
    _p(r"{WD}{M}\s+{D}{R}{D2}(?:,?\s+{Y})?"),
    _p(r"{WD}{D}(?:\s+of)?\s+{M}(?:,?\s+{Y})?"),
    _p(r"{WD}{M}\s+{D}(?:,?\s+{Y})?"),
    _p(r"{M},?\s+(?:of\s+)?{Y}"),
    # numeric day-first dates: "26/06/2014", "22.10.2021" (a slash date only when unambiguous)
    re.compile(r"(?<![\d./])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d{2})(?![\d.]\d)"),
    re.compile(r"(?<![\d/])(?P<d>1[3-9]|2\d|3[01])/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d{2})(?!\d)"),
    # a week of a month: "the first week of last October", "the second week of March 2019"
    _p(r"(?:the\s+)?(?P<wk>{WEEK})\s+week\s+of\s+(?:{PREP}\s+)?{M}(?:,?\s+{Y})?"),
    # the week a day falls in: "the week of 7 November 2022", "the week of November 7"
    _p(r"(?:the\s+)?(?P<wk>week)\s+of\s+(?:the\s+)?{D}(?:\s+of)?\s+{M}(?:,?\s+{Y})?"),
    _p(r"(?:the\s+)?(?P<wk>week)\s+of\s+{M}\s+{D}(?:,?\s+{Y})?"),
    _p(r"(?:the\s+)?(?P<q>(?i:{QUAL}))[\s-]+(?:of\s+)?{Y}"),
    # a part of a year counted from the publication date: "late last year", "early this year"
    _p(r"\b(?P<q>(?i:{QUAL}))\s+(?P<ry>last|this|next)\s+year\b"),
    _p(r"\b{PREP}\s+(?:the\s+year\s+)?{Y}"),
    # a month of a year named from the year the text last gave: "in September of the following
    # year" (the year is filled in by ``anchor_years``)
    _p(r"(?:\b{PREP}\s+)?{M}\s+(?:of\s+)?the\s+(?P<fy>following|next|previous|preceding)\s+year\b"),
    # a month of a year named from the publication date: "in August of last year"
    _p(r"(?:\b{PREP}\s+)?{M}\s+(?:of\s+)?(?P<ry>last|this|next)\s+year\b"),
    _p(r"\b{PREP}\s+{M}(?!\s*\d)"),
    _p(
        r"\b{Y}(?=\s+(?:ISECG\s+|annual\s+|senior\s+|managers'?\s+|agency\s+|heads?\s+of\s+"
        r"agenc\w+\s+)*meeting\b)"
    ),
    re.compile(
        r"\b(?P<rel>[Tt]oday|[Yy]esterday|(?:[Ee]arlier\s+)?[Tt]his\s+(?:week|month|year)|"
        r"the\s+(?:last|past)\s+(?:year|twelve months|12 months)|[Ll]ast\s+(?:week|month|year))\b"
    ),
    re.compile(
        r"\b(?:the\s+)?(?P<rel>(?:start|beginning|middle|end|turn)\s+of\s+(?:the|this)\s+year)\b"
    ),
    # two days named by their weekdays: "last Thursday and Friday"
    re.compile(
        r"\b(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+(?:and|to|through|until|&|-|–)\s+"
        r"(?P<wd2>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    ),
    re.compile(r"\b(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"),
    # a day of the month the text is speaking of: "at the close of the meeting on the 11th"
    _p(r"(?<=[Oo]n the )(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{M})(?!\s*(?:-|and|to)\s)"),
    # a year in brackets: "Founding agencies (2007)", "GER (2018)"
    _p(r"(?<=\(){Y}(?=\))"),
    # a year that is a table's cell: "Polish Space Agency (POLSA) | Poland | 2018"
    _p(r"(?:(?<=\| )|(?<=\|))\s*{Y}(?=\s*(?:\||$|\n))"),
    # a year heading a line's entry: "2016 - The UAE Space Agency joins", "2019: ..."
    _p(r"(?m:^[*•·\s-]*{Y}(?=\s*(?:[-–—:|]|\s-)\s))"),
    # the first of a list of years after a colon: "Editions: 2011, 2013, 2018"
    re.compile(r"(?:(?<=:\s)|(?<=:))(?P<y>(?:19|20)\d{2})(?=(?:\s*,|\s+and)\s*(?:19|20)\d{2}\b)"),
)
# A bare year coordinated with the year before it: "in 2011 and 2013", "2011, 2013, 2018".
_NEXT_YEAR = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|or|&)\s+)(?P<y>(?:19|20)\d{2})(?![\d-])")


@dataclass(frozen=True)
class DateMention:
    """A date expression and what it says; fields the text leaves open are None."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    weekday: str | None = None
    end_weekday: str | None = None  # the last day's, of two named by weekday only
    qualifier: str | None = None  # "mid", "early" ... or "today", "yesterday"
    prep: str | None = None  # the preposition before a bare year or month ("since", "in")
    week: str | None = None  # "first" ... "last": a week of the month; "week": the day's week
    year_offset: int | None = None  # "August of last year": -1, counted from publication
    after_year: int | None = None  # "September of the following year": +1 from the year before
    in_week: str | None = None  # "on Wednesday of last week": the week its weekday is in

    @property
    def value(self) -> str | None:
        """The partial date it states, if its year is known (a vague part of a year: the year)."""
        if self.year is None:
            return None
        if self.qualifier in QUALIFIERS or self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def end_value(self) -> str | None:
        """The last day of a range, if it is one."""
        if self.end_day is None or self.value is None or self.day is None:
            return None
        y = self.end_year or self.year
        mo = self.end_month or self.month
        return f"{y:04d}-{mo:02d}-{self.end_day:02d}"

    @property
    def lower(self) -> str | None:
        """The earliest partial date it can mean."""
        if self.qualifier in QUALIFIERS and self.year is not None:
            return f"{self.year:04d}-{QUALIFIERS[self.qualifier][0]:02d}"
        return self.value

    @property
    def upper(self) -> str | None:
        """The latest partial date it can mean."""
        if self.qualifier in QUALIFIERS and self.year is not None:
            return f"{self.year:04d}-{QUALIFIERS[self.qualifier][1]:02d}"
        return self.end_value or self.value

    @property
    def relative(self) -> bool:
        return self.qualifier in RELATIVE

    @property
    def weekday_only(self) -> bool:
        return self.weekday is not None and self.month is None and not self.relative

    def phrase(self) -> str:
        """A short label of a vague date ("mid-2013"), or its value."""
        if self.qualifier in QUALIFIERS and self.year is not None:
            q = "mid" if self.qualifier in ("mid", "middle of") else self.qualifier
            return f"{q}-{self.year}" if q == "mid" else f"{q} {self.year}"
        return self.value or self.text


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None or day is None:
        return True
    if not 1 <= day <= 31:
        return False
    limit = calendar.monthrange(year, month)[1] if year else (29 if month == 2 else 31)
    return day <= limit


def _mention(m: re.Match[str], offset: int) -> DateMention | None:
    g = m.groupdict()

    def month(key: str) -> int | None:
        v = g.get(key)
        if v is None:
            return None
        return int(v) if v.isdigit() else MONTHS[v.casefold().rstrip(".")]

    def num(key: str) -> int | None:
        v = g.get(key)
        return int(v) if v else None

    start, end = m.start(), m.end()
    while start < end and not m.string[start].isalnum():  # an entry's bullet or indent
        start += 1
    year, mo, day = num("y"), month("m"), num("d")
    if mo is not None and not 1 <= mo <= 12:
        return None
    end_month, end_day = month("m2"), num("d2")
    if not _valid(year, mo, day) or not _valid(year, end_month or mo, end_day):
        return None
    qual = g.get("q")
    rel = g.get("rel")
    wd = g.get("wd")
    prep = g.get("prep")
    if (
        prep and not g.get("wk") and not g.get("ry") and not g.get("fy")
    ):  # "in 2018", "since March": the preposition is kept apart
        start = m.start("y") if g.get("y") else m.start("m")
    end_year = None
    if year is not None and end_month is not None and mo is not None and end_month < mo:
        year, end_year = year - 1, year  # "December 30 - January 2, 2022"
    return DateMention(
        start=start + offset,
        end=end + offset,
        text=m.string[start:end],
        year=year,
        month=mo,
        day=day,
        end_year=end_year,
        end_month=end_month if end_day is not None else None,
        end_day=end_day,
        weekday=f"{wd}day" if wd else None,
        end_weekday=f"{g['wd2']}day" if g.get("wd2") else None,
        qualifier=(qual.casefold().replace("the ", "") if qual else None)
        or (rel and _relative_key(rel)),
        prep=prep.casefold() if prep else None,
        week=g.get("wk"),
        year_offset={"last": -1, "this": 0, "next": 1}.get(g.get("ry") or ""),
        after_year={"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(
            g.get("fy") or ""
        ),
    )


def anchor_years(dates: list[DateMention]) -> list[DateMention]:
    """Dates in text order, with the year of "September of the following year" filled in from
    the last year written before it ("In June 2010 ... in September of the following year");
    left without a year when none was."""
    out: list[DateMention] = []
    last: int | None = None
    for dm in dates:
        if dm.after_year is not None and dm.year is None and last is not None:
            dm = replace(dm, year=last + dm.after_year)
        elif dm.year is not None:
            last = dm.end_year or dm.year
        out.append(dm)
    return out


_WEEK_GAPS = frozenset(("of", ",", "on", ", on", "last", "-"))


def join_week_days(dates: list[DateMention], text: str) -> list[DateMention]:
    """A weekday and the week it is in, one date: "on Thursday and Friday of last week", "last
    week, on Wednesday" (``text``: what the offsets index)."""
    out: list[DateMention] = []
    skip: set[int] = set()
    for i, dm in enumerate(dates):
        if i in skip:
            continue
        if (dm.weekday_only and i + 1 < len(dates)) or dm.qualifier in ("last week", "this week"):
            nxt = dates[i + 1] if i + 1 < len(dates) else None
            if nxt is not None:
                gap = " ".join(text[dm.end : nxt.start].replace(",", " , ").split())
                pair = (dm, nxt) if dm.weekday_only else (nxt, dm)
                day, week = pair
                if (
                    day.weekday_only
                    and week.qualifier in ("last week", "this week")
                    and (not gap or gap in _WEEK_GAPS)
                ):
                    out.append(
                        replace(
                            day,
                            start=min(dm.start, nxt.start),
                            end=max(dm.end, nxt.end),
                            text=text[dm.start : nxt.end],
                            in_week=week.qualifier,
                        )
                    )
                    skip.add(i + 1)
                    continue
        out.append(dm)
    return out


def _relative_key(words: str) -> str:
    """ "Earlier this week" -> "this week"; "the past twelve months" -> "past year"; "the start
    of the year" -> "this year"."""
    key = " ".join(words.lower().split())
    if key != "earlier this month":  # the days of this month up to the report's: a span
        key = key.replace("earlier ", "")
    if key.endswith(("of the year", "of this year")):
        return "this year"
    return "past year" if key.startswith("the ") else key


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Every date expression in ``text``, left to right, the longest where they overlap."""
    found: list[DateMention] = []
    for rule in GRAMMAR:
        for m in rule.finditer(text):
            dm = _mention(m, offset)
            if dm is not None:
                found.append(dm)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMention] = []
    for d in found:
        if kept and d.start < kept[-1].end:
            continue
        kept.append(d)
        while d.month is None and d.year is not None and d.qualifier is None:
            m = _NEXT_YEAR.match(text, d.end - offset)
            if m is None:
                break
            d = DateMention(
                m.start("y") + offset,
                m.end() + offset,
                m.group("y"),
                year=int(m.group("y")),
                prep=d.prep,
            )
            kept.append(d)
    kept.sort(key=lambda d: d.start)
    out: list[DateMention] = []
    for d in kept:  # a coordinated year may overlap a longer mention found on its own
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


def week_bounds(dm: DateMention, year: int) -> tuple[str, str]:
    """The first and last day of the week a mention names, in ``year``: a week of the month, or
    the week (Monday to Sunday) its day falls in."""
    if dm.week == "week" and dm.day is not None:
        day = date(year, dm.month, dm.day)
        monday = day - timedelta(days=day.weekday())
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    last = calendar.monthrange(year, dm.month)[1]
    first = WEEKS[dm.week or "first"]
    first = last + first + 1 if first < 0 else first
    return date(year, dm.month, first).isoformat(), date(
        year, dm.month, min(first + 6, last)
    ).isoformat()


def weekday_of(year: int, month: int, day: int) -> str:
    return WEEKDAYS[date(year, month, day).weekday()]


def with_year(dm: DateMention, year: int) -> DateMention:
    """The mention with its year filled in (a range that wraps into January gets year + 1)."""
    end_year = None
    if dm.end_month is not None and dm.month is not None and dm.end_month < dm.month:
        end_year = year + 1
    return replace(dm, year=year, end_year=end_year)


def infer_year(
    dm: DateMention,
    published: str | None,
    after: str | None = None,
    before: str | None = None,
) -> tuple[int | None, str]:
    """The year of a month-day without one, and why.

    From the publication date when the event is past relative to it (and matches the stated
    weekday); else the first year not before ``after`` (the latest date the document cites as
    past) whose calendar puts the day on the stated weekday, not past ``before`` or publication.
    """
    if dm.month is None or dm.day is None:
        return None, "no month and day to place"
    pub_upper = temporal.upper(published) if published else None
    if pub_upper is not None:
        for y in (pub_upper.year, pub_upper.year - 1):
            if not _valid(y, dm.month, dm.day):
                continue
            d = date(y, dm.month, dm.day)
            if d <= pub_upper and (
                dm.weekday is None or weekday_of(y, dm.month, dm.day) == dm.weekday
            ):
                return y, f"year from the publication date {published}"
    if dm.weekday is None or after is None:
        return None, "no year stated and none can be inferred"
    lo = temporal.lower(after)
    hi = min(
        (x for x in (temporal.upper(before) if before else None, pub_upper) if x is not None),
        default=None,
    )
    for y in range(lo.year, lo.year + 12):
        if not _valid(y, dm.month, dm.day):
            continue
        d = date(y, dm.month, dm.day)
        if d < lo or (hi is not None and d > hi):
            continue
        if weekday_of(y, dm.month, dm.day) == dm.weekday:
            return y, (
                f"year inferred: the first year from {after} (the latest past date the document "
                f"cites) in which {calendar.month_name[dm.month]} {dm.day} is a {dm.weekday}"
            )
    return None, "no year in range matches the stated weekday"


def month_year_before(month: int, anchor: str, strict: bool = False) -> int:
    """The year of the latest ``month`` at or before (``strict``: before) the anchor date."""
    a = temporal.upper(anchor) if len(anchor) > 7 else temporal.lower(anchor)
    if month < a.month or (month == a.month and not strict):
        return a.year
    return a.year - 1


def relative_span(
    dm: DateMention, published: str | None
) -> tuple[str | None, str | None, str | None]:
    """A relative date ("today", "last week", "this month") as (value, earliest, latest)."""
    q = dm.qualifier
    if not published or q not in RELATIVE:
        return None, None, None
    day = temporal.lower(published) if len(published) == 10 else None
    year = int(published[:4])
    if q == "today":
        return published, None, None
    if q == "past year":  # "during the last year": the twelve months up to publication
        if day is None:
            return None, None, None
        start = day.replace(year=day.year - 1) if (day.month, day.day) != (2, 29) else day
        return None, start.isoformat(), day.isoformat()
    if q.endswith("year"):
        return f"{year - (q == 'last year'):04d}", None, None
    if q == "earlier this month" and day is not None:
        return None, day.replace(day=1).isoformat(), day.isoformat()
    if q.endswith("month") and len(published) >= 7:
        if q == "this month":
            return published[:7], None, None
        month = int(published[5:7]) - 1 or 12
        return f"{year - (month == 12):04d}-{month:02d}", None, None
    if day is None:
        return None, None, None
    if q == "yesterday":
        return (day - timedelta(days=1)).isoformat(), None, None
    monday = day - timedelta(days=day.weekday())
    if q == "this week":
        return None, monday.isoformat(), day.isoformat()
    last = monday - timedelta(days=7)
    return None, last.isoformat(), (last + timedelta(days=6)).isoformat()


def relative_day(dm: DateMention, published: str | None) -> str | None:
    """A relative date's value when it has one ("today", "last month"), else None."""
    return relative_span(dm, published)[0]
