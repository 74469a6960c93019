"""Meeting identity: which descriptions, told by several documents, are one meeting.

A resolution step between extraction and mapping. It reads each document's meeting facts (and,
when new records are checked, the meetings a graph already holds) and groups them into meetings:
two descriptions are one meeting when their times are compatible, enough evidence links them,
nothing contradicts and no other meeting fits as well. Each group gets one IRI, and each
description is told which of its values are the most precise its meeting has, so that only
those are written (with the document that gave them as their provenance).
``docs/IDENTITY.md`` lists the evidence that suffices and what never does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from rdflib import URIRef

from . import ids, temporal
from .facts import Meeting, When
from .gazetteer import Gazetteer, gazetteer
from .registry import fold

Key = tuple[str, int]  # (document id, meeting number within the document)

TIME = "when"  # the attributes a description may be told not to write
TEXTS = ("city", "country", "venue")


@dataclass(frozen=True)
class Description:
    """One source's description of a meeting, as identity compares it.

    ``published`` is the source's publication date: it reports meetings held by then. ``iri``
    names a meeting a graph already holds (a check of new records resolves them against it).
    """

    key: Key
    when: When
    city: str | None = None
    country: str | None = None
    venue: str | None = None
    host: str | None = None
    virtual: bool | None = None
    stated: int | None = None
    published: str | None = None
    iri: str | None = None

    def __hash__(self) -> int:  # by its key: span() and place() are cached per description
        return hash(self.key)


def describe(doc_id: str, meeting: Meeting, published: str | None = None) -> Description:
    """The description identity compares, of one extracted meeting."""
    return Description(
        key=(doc_id, meeting.local),
        when=meeting.when,
        city=meeting.city,
        country=meeting.country,
        venue=meeting.venue,
        host=meeting.host.key if meeting.host is not None else None,
        virtual=meeting.virtual,
        stated=meeting.stated_participants,
        published=published,
    )


# --- time -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """When a description says the meeting was: its kind and the days it can cover.

    ``kind``: "day" (exact; ``lo``..``hi`` are its first and last day), "month", "year",
    "monthday" (a day without its year, ``month_day`` = (month, first day, last day), its year
    bounded by ``lo``..``hi``), "bounds" (only bounds) or "none" (nothing at all).
    """

    kind: str
    lo: date
    hi: date
    month_day: tuple[int, int, int] | None = None


# The extractor's note on a meeting dated only by a day without its year ("dated only by
# 'July 10-12'"); the date is read again from the quoted phrase.
_DATED_ONLY = re.compile(r"""dated only by (['"])(?P<phrase>.+?)\1""")


def yearless(when: When) -> tuple[int, int, int] | None:
    """The (month, first day, last day) of a date a source gives without its year, if any."""
    if when.value:
        return None
    found = _DATED_ONLY.search(when.note or "")
    if not found:
        return None
    from .extract.dates import find_dates

    for dm in find_dates(found.group("phrase")):
        if dm.year is None and dm.month is not None and dm.day is not None:
            last = dm.end_day if dm.end_day and not dm.end_month else dm.day
            return dm.month, dm.day, last
    return None


@lru_cache(maxsize=1 << 16)
def span(d: Description) -> Span:
    """The days a description allows, widened from its partial dates and bounds."""
    w = d.when
    published = temporal.upper(d.published) if d.published else None
    if w.value:
        kind = temporal.precision(w.value)
        lo = temporal.lower(w.value)
        if kind == "day":
            hi = temporal.upper(w.end) if w.end else lo
            return Span("day", lo, max(lo, hi))
        hi = temporal.upper(w.value)
        if published is not None and lo <= published < hi:
            hi = published
        return Span(kind, lo, hi)
    lo = temporal.lower(w.earliest) if w.earliest else date.min
    hi = temporal.upper(w.latest) if w.latest else date.max
    if published is not None and published < hi:
        hi = published
    md = yearless(w)
    if md is not None:
        return Span("monthday", lo, hi, md)
    return Span("bounds" if (lo, hi) != (date.min, date.max) else "none", lo, hi)


NARROW_DAYS = 31  # bounds this close ("the week of ...", "earlier this month") place a day


def _overlap(a: Span, b: Span) -> bool:
    return a.lo <= b.hi and b.lo <= a.hi


def _on_month_day(day: Span, md: Span) -> bool:
    """Whether an exact meeting falls on a year-less day (within its bounds)."""
    assert md.month_day is not None
    month, first, last = md.month_day
    if not (md.lo <= day.lo <= md.hi):
        return False
    year = day.lo.year
    try:
        start, end = date(year, month, first), date(year, month, last)
    except ValueError:
        return False
    return day.lo <= end and start <= day.hi


def time_link(a: Span, b: Span) -> str | None:
    """How two times agree: "day" (the same days), "coarse" (one contains the other, at
    month or year precision or a year-less day), "bounds" (a day within bounds a month apart
    or less), "wide" (a day within wider bounds), "vague" (they only do not exclude each other);
    None when they cannot be the same meeting."""
    if a.kind != "day" and b.kind == "day":
        a, b = b, a
    if a.kind == "day":
        if b.kind == "day":
            return "day" if _overlap(a, b) else None
        if b.kind == "monthday":
            return "coarse" if _on_month_day(a, b) else None
        if not _overlap(a, b):
            return None
        if b.kind == "bounds":
            return "bounds" if (b.hi - b.lo).days <= NARROW_DAYS else "wide"
        return {"month": "coarse", "year": "coarse"}.get(b.kind, "vague")
    if not _overlap(a, b) and "monthday" not in (a.kind, b.kind):
        return None
    if a.kind == "monthday" or b.kind == "monthday":
        return _month_day_link(a, b)
    if a.kind == b.kind == "month" and a.lo == b.lo:
        return "coarse"
    return "vague"


def _month_day_link(a: Span, b: Span) -> str | None:
    """A year-less day against a month (the same month, in a year the bounds allow) or
    another year-less day (the same days)."""
    if a.kind != "monthday":
        a, b = b, a
    assert a.month_day is not None
    month, first, last = a.month_day
    if b.kind == "month":
        if b.lo.month == month and a.lo <= b.hi and b.lo <= a.hi:
            return "coarse"
        return None
    if b.kind == "monthday" and b.month_day is not None:
        m2, f2, l2 = b.month_day
        if m2 == month and f2 <= last and first <= l2 and _overlap(a, b):
            return "coarse"
        return None
    return "vague" if _overlap(a, b) else None


# --- place ------------------------------------------------------------------------------------


def city_key(name: str | None) -> str | None:
    """A city as identity compares it: accents folded, case ignored, a state or district after
    a comma dropped ("Washington, D.C." is "washington")."""
    if not name:
        return None
    return " ".join(fold(name).casefold().split(",")[0].split()) or None


@lru_cache(maxsize=4)
def _venue_pattern(gaz: Gazetteer) -> re.Pattern[str] | None:
    names = sorted(gaz.venues, key=lambda n: (-len(n), n))
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def _venue_text(name: str | None) -> str | None:
    return " ".join(fold(name).casefold().split()) if name else None


def known_venue(name: str | None, gaz: Gazetteer | None = None) -> tuple[str, str] | None:
    """The gazetteer's (city key, agency) of the venue a text names: the longest venue name
    in it ("European Space Operations Centre (ESOC)" is ESOC, in Darmstadt, ESA's)."""
    text = _venue_text(name)
    gaz = gaz or gazetteer()
    pattern = _venue_pattern(gaz)
    if text is None or pattern is None:
        return None
    found = pattern.search(text)
    if found is None:
        return None
    venue = gaz.venues[found.group(0)]
    return city_key(venue.city) or "", venue.agency or ""


@dataclass(frozen=True)
class Place:
    """Where a description says the meeting was: city keys (its own city and its venue's),
    its venue as written (folded) and as the gazetteer knows it."""

    cities: frozenset[str] = frozenset()
    venue: str | None = None
    known: tuple[str, str] | None = None


@lru_cache(maxsize=1 << 16)
def place(d: Description, gaz: Gazetteer | None = None) -> Place:
    """The place of a description; a venue the gazetteer knows identifies its city."""
    known = known_venue(d.venue, gaz)
    cities = {c for c in (city_key(d.city), known[0] if known else None) if c}
    return Place(frozenset(cities), _venue_text(d.venue), known)


def _contains(a: str, b: str) -> bool:
    return re.search(r"\b" + re.escape(b) + r"\b", a) is not None


def same_venue(a: Place, b: Place) -> bool:
    """The same venue: one name contains the other ("ESTEC" in "... Centre (ESTEC)"), or both
    are one venue of the gazetteer (its city and agency)."""
    if a.venue is None or b.venue is None:
        return False
    if _contains(a.venue, b.venue) or _contains(b.venue, a.venue):
        return True
    return a.known is not None and a.known == b.known and bool(a.known[1])


def place_link(x: Description, y: Description, px: Place, py: Place) -> str | None:
    """What the two places share: "venue", "city", "online" (both held online), or None."""
    if same_venue(px, py):
        return "venue"
    if px.cities & py.cities:
        return "city"
    if x.virtual is True and y.virtual is True:
        return "online"
    return None


def contradiction(x: Description, y: Description, px: Place, py: Place) -> str | None:
    """Why two descriptions cannot be one meeting (``conflict``, else ``disagreement``);
    None when nothing contradicts."""
    return conflict(x, y, px, py) or disagreement(x, y)


def conflict(x: Description, y: Description, px: Place, py: Place) -> str | None:
    """What no evidence outweighs: a different city or venue, or a meeting after the other
    source was published (a source reports meetings already held)."""
    if px.cities and py.cities and not px.cities & py.cities:
        return "city"
    if px.known and py.known and not same_venue(px, py):
        (city_x, agency_x), (city_y, agency_y) = px.known, py.known
        if city_x != city_y or (agency_x and agency_y and agency_x != agency_y):
            return "venue"
    for a, b in ((x, y), (y, x)):
        sa = span(a)
        if sa.kind == "day" and b.published and sa.lo > temporal.upper(b.published):
            return "published before"
    return None


def disagreement(x: Description, y: Description) -> str | None:
    """What two descriptions disagree on that a shared day outweighs: the host, or whether
    it was held online (read less surely than a date; the graph keeps both and warns)."""
    if x.host and y.host and x.host != y.host:
        return "host"
    if x.virtual is not None and y.virtual is not None and x.virtual != y.virtual:
        return "virtual"
    return None


SOFT = ("host", "virtual")

# --- linking ------------------------------------------------------------------------------------


def link(x: Description, y: Description, gaz: Gazetteer | None = None) -> str | None:
    """The evidence on which two descriptions are one meeting, or None if it does not suffice
    or something contradicts. (Whether it is the *only* candidate is ``resolve``'s to judge.)

    - "same day": two exact dates sharing a day (a different host, or online or not, does not
      outweigh it: the graph keeps both values and warns);
    - "date and place": a coarser time containing the other's (month, year, a year-less day,
      bounds) and the same city, venue, or both held online (not online for bounds wider than
      a month: too many meetings were held online);
    - "month and place": two coarser times of the same month (or a year-less day of it) and the
      same city or venue;
    - "venue and count": no date against a dated meeting, the same venue and the same stated
      number of agencies.
    """
    px, py = place(x, gaz), place(y, gaz)
    sx, sy = span(x), span(y)
    t = time_link(sx, sy)
    why = contradiction(x, y, px, py)
    if t is None or (why is not None and (t != "day" or why not in SOFT)):
        return None
    if t == "day":
        return "same day"
    where = place_link(x, y, px, py)
    dated = "day" in (sx.kind, sy.kind)
    if dated and where and t in ("coarse", "bounds"):
        return "date and place"
    if dated and where in ("venue", "city") and t == "wide":
        return "date and place"
    if not dated and t == "coarse" and where in ("venue", "city"):
        return "month and place"
    if dated and where == "venue" and x.stated is not None and x.stated == y.stated:
        return "venue and count"
    return None


@dataclass
class Cluster:
    """Descriptions of one meeting, and the evidence on which each joined it."""

    members: list[Description]
    links: dict[Key, str] = field(default_factory=dict)
    cities: set[str] = field(default_factory=set)  # of its members, to rule out cheaply
    venue: bool = False
    online: bool = False

    def may_share_place(self, p: Place, virtual: bool | None) -> bool:
        """Whether a description with this place could share one with a member (every link
        but a shared day needs that)."""
        return bool(p.cities & self.cities or (p.venue and self.venue) or (virtual and self.online))


def _fits(d: Description, c: Cluster, gaz: Gazetteer | None) -> tuple[str, int] | None:
    """The evidence linking ``d`` to a meeting and the weight of what ``d`` disagrees with it
    on, or None. ``d`` must be compatible in time with the meeting's dated members (they fix
    its time and place), linked to one of them, in conflict with no member, and, unless the
    link is a shared day, give no host or online form that no member gives."""
    dated = [m for m in c.members if span(m).kind == "day"] or c.members
    found = None
    for m in dated:
        if time_link(span(d), span(m)) is None:
            return None
        found = found or link(d, m, gaz)
    if found is None:
        return None
    pd = place(d, gaz)
    if any(conflict(d, m, pd, place(m, gaz)) for m in c.members):
        return None
    kinds = set()
    for attr in SOFT:
        given = {getattr(m, attr) for m in c.members} - {None}
        if getattr(d, attr) is not None and given and getattr(d, attr) not in given:
            kinds.add(attr)
    if kinds and found != "same day":
        return None
    return found, sum(WEIGHTS[k] for k in kinds)


# A different host weighs more than a different online form: "virtual" is inferred from a word
# anywhere near the meeting, the host from the sentence that names it.
WEIGHTS = {"host": 2, "virtual": 1}


def _choose(fits: list[tuple[Cluster, str, int]]) -> tuple[Cluster, str] | None:
    """The one meeting a description fits best (the least it disagrees with), else None."""
    if not fits:
        return None
    least = min(soft for _, _, soft in fits)
    best = [(c, why) for c, why, soft in fits if soft == least]
    return best[0] if len(best) == 1 else None


_SHORT_DAYS = 366  # a time this short is looked up day by day; a longer one by its place


class _Pool:
    """Meetings being formed, indexed by the days their exact dates cover and by the places
    their members name, so that a description is compared only with those it could fit."""

    def __init__(self, gaz: Gazetteer | None) -> None:
        self.gaz = gaz
        self.clusters: list[Cluster] = []
        self._by_day: dict[date, list[Cluster]] = {}
        self._by_city: dict[str, list[Cluster]] = {}
        self._with_venue: list[Cluster] = []

    def add(self, d: Description, c: Cluster | None = None, why: str | None = None) -> None:
        if c is None:
            c = Cluster([d])
            self.clusters.append(c)
        else:
            c.members.append(d)
            c.links[d.key] = why or ""
        s, p = span(d), place(d, self.gaz)
        c.cities |= p.cities
        c.venue = c.venue or p.venue is not None
        c.online = c.online or d.virtual is True
        if s.kind == "day":
            for i in range(min((s.hi - s.lo).days, _SHORT_DAYS) + 1):
                self._by_day.setdefault(s.lo + timedelta(days=i), []).append(c)
        for city in p.cities:
            self._by_city.setdefault(city, []).append(c)
        if p.venue:
            self._with_venue.append(c)

    def candidates(self, d: Description) -> list[Cluster]:
        """The meetings ``d`` could fit: of a short time, those with an exact day in it
        (every link to a dated meeting needs the times to meet); else those of its cities
        (every other link needs the place), and with a venue, when it names no city."""
        s, p = span(d), place(d, self.gaz)
        found: dict[int, Cluster] = {}
        short = date.min < s.lo and s.hi < date.max and (s.hi - s.lo).days <= _SHORT_DAYS
        if self._by_day and short:
            for i in range((s.hi - s.lo).days + 1):
                for c in self._by_day.get(s.lo + timedelta(days=i), ()):
                    found.setdefault(id(c), c)
            return list(found.values())
        for city in p.cities:
            for c in self._by_city.get(city, ()):
                found.setdefault(id(c), c)
        if p.venue and not p.cities:
            for c in self._with_venue:
                found.setdefault(id(c), c)
        return list(found.values())

    def fits(self, d: Description) -> list[tuple[Cluster, str, int]]:
        """The meetings ``d`` fits, with the evidence and the disagreements."""
        out = []
        exact, p = span(d).kind == "day", place(d, self.gaz)
        for c in self.candidates(d):
            if not exact and not c.may_share_place(p, d.virtual):
                continue
            found = _fits(d, c, self.gaz)
            if found is not None:
                out.append((c, *found))
        return out


def _order(d: Description) -> tuple:
    placeless = not (d.city or d.venue)
    return (span(d).lo, placeless, d.iri is None, d.key)


def cluster(descriptions: Iterable[Description], gaz: Gazetteer | None = None) -> list[Cluster]:
    """Descriptions grouped into meetings.

    Exact dates first, in order (those that name a place before those that do not), each
    joining the one meeting it fits, else starting one; then every other description joins the
    one dated meeting it fits; the rest, the one undated meeting it fits. A description that
    fits two meetings is ambiguous and stays a meeting of its own. Meetings a graph already
    holds (``iri`` set) never merge with each other.
    """
    items = sorted(descriptions, key=_order)
    dated, undated = _Pool(gaz), _Pool(gaz)
    for d in (d for d in items if d.iri is not None):  # a graph's meetings: settled already
        (dated if span(d).kind == "day" else undated).add(d)
    items = [d for d in items if d.iri is None]
    for d in (d for d in items if span(d).kind == "day"):
        dated.add(d, *(_choose(dated.fits(d)) or (None, None)))
    ambiguous = []
    for d in (d for d in items if span(d).kind != "day"):
        fits = dated.fits(d)
        chosen = _choose(fits)
        if chosen is not None:
            dated.add(d, *chosen)
        elif fits:
            ambiguous.append(Cluster([d]))
        else:
            undated.add(d, *(_choose(undated.fits(d)) or (None, None)))
    return dated.clusters + undated.clusters + ambiguous


# --- resolution: one IRI per meeting, and what each description writes -------------------------


@dataclass(frozen=True)
class Resolution:
    """Identity settled: each description's meeting IRI, and which of its attributes it
    writes (its meeting's most precise values)."""

    meetings: dict[Key, URIRef]
    keeps: dict[Key, frozenset[str]]
    clusters: tuple[Cluster, ...]

    def merged(self) -> list[Cluster]:
        """The meetings told by more than one description."""
        return [c for c in self.clusters if len(c.members) > 1]


ALL = frozenset((TIME, *TEXTS))


def rank(d: Description) -> int:
    """How precise a description's time is: 3 a day, 2 a month, 1 a year, 0 bounds or none."""
    return {"day": 3, "month": 2, "year": 1}.get(span(d).kind, 0)


def most_complete(values: Sequence[str]) -> str:
    """The value that contains every other ("Washington, D.C." over "Washington"), else the
    longest; the same input, the same choice."""
    folded = {v: _venue_text(v) or "" for v in values}
    ordered = sorted(values, key=lambda v: (-len(v), v))
    for v in ordered:
        if all(_contains(folded[v], folded[o]) for o in values if folded[o]):
            return v
    return ordered[0]


def _best_time(c: Cluster) -> list[Description]:
    """The members whose time is the meeting's most precise: those at the best precision; of
    exact dates, the first and last day that hold every other member's days (a one-day report
    of a two-day meeting defers to the report of both days), else all (the sources disagree);
    when no member has a date, every member's bounds."""
    best = max(rank(m) for m in c.members)
    top = [m for m in c.members if rank(m) == best]
    if best == 3:
        spans = {m.key: span(m) for m in top}
        widest = [
            m
            for m in top
            if all(spans[m.key].lo <= o.lo and o.hi <= spans[m.key].hi for o in spans.values())
        ]
        return widest or top
    return top


def keeps(c: Cluster) -> dict[Key, frozenset[str]]:
    """Which attributes each member writes: the most precise time (``_best_time``) and the
    most complete city, country and venue (every member giving that value). Host, online,
    counts and participants are each source's own and always written."""
    if len(c.members) == 1:
        return {c.members[0].key: ALL}
    timed = {m.key for m in _best_time(c)}
    out: dict[Key, set[str]] = {m.key: {TIME} if m.key in timed else set() for m in c.members}
    for attr in TEXTS:
        given = [(m, getattr(m, attr)) for m in c.members if getattr(m, attr)]
        if not given:
            continue
        chosen = _venue_text(most_complete([v for _, v in given]))
        for m, v in given:
            if _venue_text(v) == chosen:
                out[m.key].add(attr)
    return {k: frozenset(v) for k, v in out.items()}


def _date_key(c: Cluster) -> str | None:
    """The date a meeting's IRI is minted from: its first exact day, else its most precise
    month or year; None when undated."""
    best = max(rank(m) for m in c.members)
    values = sorted(m.when.value for m in c.members if m.when.value and rank(m) == best)
    return values[0] if values else None


def _qualifier(c: Cluster) -> str | None:
    """A place that tells a meeting apart from another of the same date."""
    cities = [m.city for m in c.members if m.city]
    if cities:
        return most_complete(cities)
    for m in c.members:
        known = known_venue(m.venue)
        if known and known[0]:
            return known[0]
    venues = [m.venue for m in c.members if m.venue]
    if venues:
        return most_complete(venues)
    if any(m.virtual for m in c.members):
        return "online"
    hosts = sorted(m.host for m in c.members if m.host)
    return hosts[0] if hosts else None


def resolve(
    descriptions: Iterable[Description],
    existing: Iterable[Description] = (),
    gaz: Gazetteer | None = None,
) -> Resolution:
    """Meeting identity over ``descriptions``, resolved also against meetings a graph already
    holds (``existing``, each with its ``iri``): one IRI per meeting, and what each writes.

    A meeting is named by its date (``meeting/2009-03-10``); meetings that share a date are
    told apart by their place (``meeting/2019-03-18-noordwijk``), else by the description first
    telling them; an undated one by that description (``meeting/<doc-id>-<n>``).
    """
    held = list(existing)
    taken = {URIRef(d.iri) for d in held if d.iri}
    clusters = cluster([*descriptions, *held], gaz)
    meetings: dict[Key, URIRef] = {}
    kept: dict[Key, frozenset[str]] = {}
    by_date: dict[str, list[Cluster]] = {}
    for c in clusters:
        kept.update(keeps(c))
        iri = next((URIRef(m.iri) for m in c.members if m.iri), None)
        first = min(c.members, key=lambda m: m.key)
        date_key = _date_key(c)
        if iri is None and date_key is not None:
            by_date.setdefault(date_key, []).append(c)
            continue
        iri = iri or ids.meeting(None, *first.key)
        meetings.update((m.key, iri) for m in c.members)
    for date_key, group in sorted(by_date.items()):
        bare = ids.meeting(date_key, "", 0)
        clash = len(group) > 1 or bare in taken
        for c in group:
            first = min(c.members, key=lambda m: m.key)
            iri = bare
            if clash:
                q = _qualifier(c)
                iri = ids.meeting(date_key, *first.key, qualifier=q) if q else None
                if iri is None or iri in taken:
                    iri = ids.meeting(date_key, *first.key, qualifier="-".join(map(str, first.key)))
            taken.add(iri)
            meetings.update((m.key, iri) for m in c.members)
    return Resolution(meetings, kept, tuple(clusters))
