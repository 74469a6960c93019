"""Meetings: every sentence that reports the group meeting, merged into one fact per meeting.

A meeting is told by an event cue (``event.verbs``, ``event.nouns``, a host's verb) in a sentence
about the group: not a cue of another meeting ("the next meeting", ``event.reference``), of a
habit ("meets twice a year"), of a plan, of another gathering (the IAC, a workshop) or of
something else ("meeting the needs", ``event.not_event``), and not denied ("It was not an ISECG
meeting"). Each mention gives what its sentence says: the date nearest its cue that is no other
event's, the place, the host, the mode, the count and the lists of those who took part or did
not. Mentions with compatible dates (or none) are one meeting; an undated sentence belongs to
the meeting told before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .. import temporal
from ..facts import AgencyRef, Meeting, When
from ..gazetteer import gazetteer
from .context import Context, Sent, is_reference, resolve_date
from .counts import find_counts
from .dates import DateMention
from .groups import Group
from .lexicon import Match
from .places import VENUE_WORDS, Place, city_at, cue_city, entry_place, places_in
from .roles import Role, clause, score_span
from .tables import Row, find_rows, planned

_NEAR, _FAR = 25, 60  # tokens between a cue and its date
_PLACE_REACH = 18  # tokens after a cue a place may stand
_LOOK_BACK = 2  # sentences before a meeting sentence that may date it
_SHORT_LINE = 16  # tokens: a heading or a date line
_RELATIVE_REACH = 14  # tokens between "which" and a meeting cue in its relative clause
_HEAD = 6  # sentences of a report's head where its meeting's place and date line may stand
_NOT_MEETING_PREPS = frozenset({"since", "by", "until", "before", "after"})


@dataclass
class _Mention:
    sent: Sent
    cues: list[Match]
    strong: bool = False
    date: DateMention | None = None
    when: When | None = None
    place: Place | None = None
    host: str | None = None
    virtual: bool | None = None
    count: int | None = None
    total: bool = False
    participants: list[AgencyRef] = field(default_factory=list)
    absent: list[AgencyRef] = field(default_factory=list)
    list_sent: Sent | None = None


@dataclass
class Found:
    """What the meeting stage found, for the stages after it: the meetings, and which
    sentences speak of which meeting."""

    meetings: list[Meeting]
    of_sentence: dict[int, int] = field(default_factory=dict)  # sentence -> meeting local
    mentions: dict[int, list[int]] = field(default_factory=dict)  # meeting local -> sentences
    all_members: set[int] = field(default_factory=set)  # meetings every member attended (but X)

    def meeting_for(self, sent: Sent) -> int | None:
        """The meeting a sentence speaks of: its own, the one told before it, or the only one."""
        if sent.index in self.of_sentence:
            return self.of_sentence[sent.index]
        before = [m for i, m in self.of_sentence.items() if i < sent.index]
        if before:
            return before[-1]
        locals_ = set(self.of_sentence.values())
        return next(iter(locals_)) if len(locals_) == 1 else None


# --- cues -----------------------------------------------------------------------------------


def _group_named(ctx: Context, sent: Sent, a: int, b: int) -> bool:
    """Whether the group's own name stands between tokens ``a`` and ``b``."""
    names = ctx.lex.phrases("group.names")
    return bool(names.find(sent.toks, max(0, a), min(len(sent.toks), b))) or any(
        t.key in ctx.notes.get("typos", ()) for t in sent.toks[max(0, a) : b]
    )


def _reference(ctx: Context, sent: Sent, m: Match) -> bool:
    """Whether a meeting cue's modifiers name another meeting ("the next meeting")."""
    return is_reference(ctx.lex, sent.toks, m.start)


def _phrase_start(toks: list, m: Match) -> int:
    """Where the noun phrase of a cue begins: back over its modifiers to a punctuation mark,
    a preposition or a verb-like word (at most five words)."""
    k = m.start
    while k > 0 and m.start - k < 5:
        t = toks[k - 1]
        if t.kind in ("punct", "date", "agency") and t.key not in ("'s", "'", "-"):
            break
        if t.key in (
            "at",
            "of",
            "in",
            "for",
            "to",
            "on",
            "during",
            "since",
            "with",
            "by",
            "was",
            "were",
            "is",
            "are",
            "held",
            "had",
            "has",
        ):
            break
        k -= 1
    return k


def _backgrounded(sent: Sent, m: Match) -> bool:
    """A meeting told in a relative clause about an agency, with a time or rank of its own:
    "DLR, which hosted the inaugural meeting in Berlin last November" is a point in DLR's past,
    not the meeting reported."""
    toks = sent.toks
    k = m.start - 1
    while k > 1 and m.start - k <= _RELATIVE_REACH:
        if (
            toks[k].key in ("which", "who")
            and toks[k - 1].key == ","
            and toks[k - 2].kind == "agency"
        ):
            clause_toks = toks[k : min(len(toks), m.end + 6)]
            own_time = any(t.kind == "date" for t in clause_toks)
            ranked = any(t.is_ord or t.key in ("inaugural", "founding") for t in toks[k : m.start])
            return own_time or ranked
        if toks[k].key in (";", ".", ":"):
            break
        k -= 1
    return False


def _point_in_time(ctx: Context, sent: Sent, m: Match) -> bool:
    """ "CNES assumed the chair from UKSA at the November 2016 meeting": a meeting named by
    its date, as the time of a chair change or a join, dates that event; it is not reported."""
    toks = sent.toks
    k = m.start - 1
    while k > 0 and toks[k].key in ("senior", "managers", "managers'", "isecg", "annual", "'s"):
        k -= 1
    if k >= 0 and toks[k].key in ("the", "its", "their") and k > 0 and toks[k - 1].key == "since":
        return True  # "Since the ISECG meeting in Bengaluru, all meetings have been online"
    if k < 0 or toks[k].kind != "date":
        return False
    return bool(
        ctx.lex.phrases("chair.nouns").find(toks)
        or ctx.lex.phrases("roles.join.after", "roles.join.before").find(toks)
    )


def _beside(ctx: Context, sent: Sent, other: Match) -> bool:
    """Whether another gathering is named as what the meeting was beside ("on the eve of")."""
    toks = sent.toks
    j = other.start
    while j > 0 and (
        toks[j - 1].key in ("the", "a", "an")
        or toks[j - 1].is_num
        or toks[j - 1].is_ord
        or toks[j - 1].kind == "date"
    ):
        j -= 1
    return ctx.lex.phrases("event.beside").ending_at(toks, j) is not None


def event_cues(ctx: Context, sent: Sent) -> tuple[list[Match], list[Match]]:
    """The cues in a sentence that report a meeting, and those that refer to another one."""
    lex, toks = ctx.lex, sent.toks
    blocked = lex.phrases("event.not_event").find(toks)
    habitual = lex.phrases("event.habitual")
    present_next = lex.words("event.present_next")
    found = lex.phrases("event.verbs").find(toks) + lex.phrases("event.nouns").find(toks)
    for m in lex.phrases("event.present").find(toks):
        if m.end < len(toks) and toks[m.end].key in present_next:
            found.append(m)
    found.sort(key=lambda m: m.start)
    others = [o for o in lex.phrases("event.other").find(toks) if not _beside(ctx, sent, o)]
    events, references = [], []
    for m in found:
        if any(b.start <= m.start < b.end or m.start <= b.start < m.end for b in blocked):
            continue
        if any(habitual.at(toks, k) for k in range(m.end, min(len(toks), m.end + 3))):
            continue
        left, right = clause(ctx, sent, m.start, m.end)
        if lex.phrases("modality.negation").find(
            toks, max(left, _phrase_start(toks, m) - 3), m.start
        ):
            continue  # "did not meet", "No senior agency managers' meeting was held"
        planned = lex.phrases("modality.future").find(toks, max(left, m.start - 6), m.start)
        if (
            _reference(ctx, sent, m)
            or planned
            or _backgrounded(sent, m)
            or _point_in_time(ctx, sent, m)
        ):
            references.append(m)
            continue
        near_other = [
            o
            for o in others
            if (left <= o.start < right and abs(o.start - m.start) <= 10)
            or (o.end <= m.start and m.start - o.end <= 16)
        ]  # "at the IAC ..., they met"
        if near_other and not _group_named(ctx, sent, m.start - 8, m.end + 6):
            continue  # "the heads of agencies met in the congress's plenary"
        if not _group_named(ctx, sent, 0, len(toks)) and any(
            left <= o.start < right for o in others
        ):
            continue  # "the State Department gathered ministers ... for the ISEF": another's
        events.append(m)
    return events, references


_GATHER_REACH = 8  # tokens between a gathering verb and the people it gathers


def _weak_cues(ctx: Context, sent: Sent) -> list[Match]:
    """A host's verb ("ASI hosted senior managers"), or a verb that gathers people followed by
    them ("welcomed to its Paris headquarters representatives of thirteen agencies"), tells of
    a meeting where nothing else does."""
    toks = sent.toks
    blocked = ctx.lex.phrases("event.not_event").find(toks)
    others = [o for o in ctx.lex.phrases("event.other").find(toks) if not _beside(ctx, sent, o)]
    if others and not _group_named(ctx, sent, 0, len(toks)):
        return []  # "gathered ministers ... for the International Space Exploration Forum"
    found = list(ctx.lex.phrases("event.hosts").find(toks))
    objects = ctx.lex.phrases("event.gathering_objects")
    for m in ctx.lex.phrases("event.gathering_verbs").find(toks):
        right = clause(ctx, sent, m.start, m.end)[1]
        if objects.find(toks, m.end, min(right, m.end + _GATHER_REACH)):
            found.append(m)
    return [m for m in found if not any(b.start <= m.start < b.end for b in blocked)]


def _relevant(ctx: Context, sent: Sent, reach: int = 0) -> bool:
    """Whether a sentence (or one within ``reach`` of it) is on the group's business."""
    if reach:
        lo, hi = max(0, sent.index - reach), min(len(ctx.sents), sent.index + reach + 1)
        return any(_relevant(ctx, s) for s in ctx.sents[lo:hi])
    lex = ctx.lex
    if (
        lex.phrases("group.names").find(sent.toks)
        or lex.phrases("group.refs").find(sent.toks)
        or lex.phrases("relevance.phrases").find(sent.toks)
        or any(t.key in ctx.notes.get("typos", ()) for t in sent.toks)
    ):
        return True
    if not any(t.kind == "agency" for t in sent.toks):
        return False
    # agencies alone put a sentence on the group's business in a report about the group, or
    # in a paragraph that names it
    return bool(ctx.notes.get("primary")) or any(
        lex.phrases("group.names").find(o.toks) for o in ctx.sents if o.paragraph == sent.paragraph
    )


def _denied(ctx: Context, sent: Sent) -> bool:
    return bool(ctx.lex.phrases("event.denial").find(sent.toks))


# --- what a mention says ----------------------------------------------------------------------


_MONTH_DAYS = 31


def _span_days(ctx: Context, dm: DateMention) -> int:
    """How many days a relative date can mean, once resolved (a large number if unknown)."""
    when = resolve_date(ctx, dm)
    if when is None:
        return 10**6
    first, last = when.value or when.earliest, when.value or when.latest
    if not first or not last:
        return 10**6
    return (temporal.upper(last) - temporal.lower(first)).days + 1


def _rank(dm: DateMention) -> int:
    return 0 if dm.day else 1 if dm.month else 2 if dm.year else 3 if dm.relative else 4


def _usable_date(ctx: Context, sent: Sent, k: int, references: list[Match]) -> bool:
    """Whether the date at token ``k`` may be a meeting's: not a deadline, a plan, the
    release's own date, a date after the report, or the date of another event before it."""
    toks = sent.toks
    dm = sent.date_of(toks[k])
    if dm.prep in _NOT_MEETING_PREPS or ctx.is_dateline(dm):
        return False
    if (
        k + 2 < len(toks)
        and toks[k + 1].key == ","
        and ctx.lex.phrases("date.of_meeting").at(toks, k + 2)
    ):
        return True  # "on Wednesday, 11 May, the opening day of the group's meeting"
    if ctx.tense(sent, dm) == "future":
        return False
    if ctx.governor(sent, k) in ("lower", "upper", "other", "reference"):
        return False
    if any(0 <= k - r.end <= 4 for r in references):
        return False  # "the last meeting in March"
    offset = ctx.lex.phrases("date.offset").find(toks, k + 1, min(len(toks), k + 6))
    if offset and ctx.lex.phrases("event.nouns").find(
        toks, offset[0].end, min(len(toks), offset[0].end + 4)
    ):
        return False  # "On July 17, the day after the meeting closed": another day
    if dm.lower and ctx.published:
        try:
            if temporal.lower(dm.lower) > temporal.upper(ctx.published):
                return False  # after the report was written: a plan, or another event's date
        except ValueError:
            return False
    return True


def _date(ctx: Context, sent: Sent, events: list[Match], references: list[Match]):
    """The date a meeting sentence gives its meeting: the one nearest a cue."""
    best, best_key = None, None
    seen: list[DateMention] = []
    for k, t in enumerate(sent.toks):
        if t.kind != "date" or not _usable_date(ctx, sent, k, references):
            continue
        distance = min(min(abs(k - m.start), abs(k - m.end)) for m in events)
        if distance > _FAR:
            continue
        dm = sent.date_of(t)
        rank = _rank(dm)
        if dm.relative and _span_days(ctx, dm) <= _MONTH_DAYS:
            rank = 1  # "earlier this week" says more than "the first meeting of 2016"
        if dm.weekday_only and ctx.today and len(ctx.today) == 10:
            rank = 0  # "On Tuesday, ... the first meeting of 2026": the day, in a dated report
        key = (distance > _NEAR, rank, distance)
        if best_key is None or key < best_key:
            best, best_key = dm, key
        seen.append(dm)
    if best is not None and best.relative is False and best.day is None:
        # "earlier this week ... the group's first meeting of 2016": a relative date inside
        # the year (or month) nearest the cue says more of the same meeting
        outer = resolve_date(ctx, best)
        for dm in seen:
            inner = resolve_date(ctx, dm) if dm.relative else None
            if outer is None or not outer.value or inner is None or inner.value:
                continue
            if (
                inner.earliest
                and inner.latest
                and _bounds_inside(inner, outer.value)
                and _span_days(ctx, dm) < _span_days_of(outer.value)
            ):
                best = dm
                break
    return best


def _bounds_inside(when: When, value: str) -> bool:
    """Whether a date's bounds lie inside a partial date ("this week" inside "2016")."""
    return temporal.lower(value) <= temporal.lower(when.earliest) and temporal.upper(
        when.latest
    ) <= temporal.upper(value)


def _span_days_of(value: str) -> int:
    return (temporal.upper(value) - temporal.lower(value)).days + 1


def _context_date(ctx: Context, sent: Sent) -> tuple[DateMention | None, Sent | None]:
    """The date the lines just before a meeting sentence give it ("On 9 May ... . The meeting
    was hosted by ..."; a dated heading line), if they tell of no other meeting."""
    for back in range(1, _LOOK_BACK + 1):
        if sent.index - back < 0:
            return None, None
        p = ctx.sents[sent.index - back]
        short = len(p.toks) <= _SHORT_LINE
        lead = any(ctx.is_dateline(dm) for dm in p.dates)  # a wire's lead: "... on Sunday"
        if p.paragraph != sent.paragraph and not (back == 1 and (short or lead)):
            return None, None
        events, references = event_cues(ctx, p)
        if references and not events:
            return None, None
        usable = [
            p.date_of(t)
            for k, t in enumerate(p.toks)
            if t.kind == "date" and _usable_date(ctx, p, k, references)
        ]
        dated = bool(ctx.today) and len(ctx.today or "") == 10
        usable = [
            dm
            for dm in usable
            if _rank(dm) < 3 or dm.relative or ((lead or dated) and dm.weekday_only)
        ]
        if usable:
            return min(usable, key=_rank), p
        if events:
            return None, None
    return None, None


def _near_cue(events: list[Match], a: int, b: int, before: int = 10, after: int = _PLACE_REACH):
    return any(
        (0 <= a - m.end <= after) or (0 <= m.start - b <= before) or m.start <= a < m.end
        for m in events
    )


def _place(ctx: Context, sent: Sent, events: list[Match]) -> Place | None:
    left = min(clause(ctx, sent, m.start, m.end)[0] for m in events)
    right = max(clause(ctx, sent, m.start, m.end)[1] for m in events)
    found = [p for p in places_in(ctx, sent, left, right) if _near_cue(events, p.start, p.end)]
    labelled = _labelled_place(ctx, sent)  # "Venue: ESTEC, Noordwijk": the line's place
    if labelled is not None and not found:
        found = [labelled]
    if found:
        best = next((p for p in found if p.city), None) or found[0]
        if best.venue is None:
            best = next((p for p in found if p.venue and (p.city == best.city or not p.city)), best)
            if best.venue and not best.city:
                city = next((p for p in found if p.city), None)
                if city is not None:
                    best = replace(best, city=city.city, country=city.country)
        return best
    for m in events:
        name = cue_city(ctx, sent.toks, m.end)
        if name is not None:
            return Place(name, None, None, None, m.end + 1, m.end + 2)
        if m.end + 1 < len(sent.toks) and sent.toks[m.end].key == ",":
            place = city_at(ctx, sent.toks, m.end + 1)  # "Second meeting, Montreal (host: CSA)"
            if place is not None:
                return place
    return entry_place(ctx, sent) or _venue_city(ctx, sent, left, right)


def _labelled_place(ctx: Context, sent: Sent, anywhere: bool = False) -> Place | None:
    """The place a line gives under a label ("Venue: ESTEC, Noordwijk", "Place: Toronto");
    ``anywhere``: also a known city anywhere in the line ("Venue: British National Space
    Centre, 151 Buckingham Palace Road, London SW1W 9SS")."""
    toks = sent.toks
    k = next((i for i, t in enumerate(toks) if t.kind != "punct"), None)
    if k is None:
        return None
    label = ctx.lex.phrases("fields.event").at(toks, k)
    if label is None or label.end >= len(toks) or toks[label.end].key != ":":
        return None
    found = next((p for p in places_in(ctx, sent, k, len(toks)) if p.city), None)
    if found is None and anywhere:
        for i in range(label.end + 1, len(toks)):
            place = city_at(ctx, toks, i)
            if place is not None and gazetteer().city(place.city or ""):
                return place
    return found or next(iter(places_in(ctx, sent, k, len(toks))), None)


_BOX = 8  # lines of a fact box under a meeting's heading


def _box_lines(ctx: Context, sent: Sent) -> list[Sent]:
    """The labelled lines right under a heading ("Venue: ...", "Dates: ...", "Host: ...")."""
    labels = ctx.lex.phrases("fields.date", "fields.event")
    out = []
    for nxt in ctx.sents[sent.index + 1 : sent.index + 1 + _BOX]:
        toks = nxt.toks
        k = next((i for i, t in enumerate(toks) if t.kind != "punct"), None)
        label = labels.at(toks, k) if k is not None else None
        if label is None or label.end >= len(toks) or toks[label.end].key != ":":
            if out:
                break
            continue  # a reference line between the heading and its box ("Ref.: ...")
        out.append(nxt)
    return out


def _fact_box(ctx: Context, sent: Sent) -> tuple[DateMention, Sent] | None:
    """The date a heading's fact box gives its meeting, and the line it is on."""
    dates = ctx.lex.phrases("fields.date")
    for line in _box_lines(ctx, sent):
        k = next(i for i, t in enumerate(line.toks) if t.kind != "punct")
        if dates.at(line.toks, k) is None:
            continue
        for j, t in enumerate(line.toks):
            if t.kind == "date" and _usable_date(ctx, line, j, []):
                return line.date_of(t), line
    return None


def _line_under(ctx: Context, sent: Sent) -> tuple[DateMention, Sent] | None:
    """The date on the line under a meeting heading that gives none ("SIXTH MEETING" over
    "Daejeon, Republic of Korea, 26-27 April 2010"): a line of its own with no cue of its own,
    whose date is no page label's ("Prepared by ..., 20 May 2010")."""
    nxt = ctx.after(sent)
    if nxt is None or nxt.paragraph == sent.paragraph or len(nxt.toks) > 2 * _SHORT_LINE:
        return None
    events, references = event_cues(ctx, nxt)
    if events or references:
        return None
    for j, t in enumerate(nxt.toks):
        if t.kind == "date" and _usable_date(ctx, nxt, j, []):
            dm = nxt.date_of(t)
            if dm.day is not None:
                return dm, nxt
    return None


def _box_place(ctx: Context, sent: Sent) -> Place | None:
    for line in _box_lines(ctx, sent):
        place = _labelled_place(ctx, line, anywhere=True)
        if place is not None:
            return place
    return None


def _venue_city(ctx: Context, sent: Sent, left: int, right: int) -> Place | None:
    """A known city in a venue's name near the meeting ("in a meeting room of the Adelaide
    Convention Centre")."""
    toks = sent.toks
    for k in range(left, right):
        if toks[k].capitalised and k > 0 and toks[k - 1].key in ("the", "of", "at", "in"):
            place = city_at(ctx, toks, k)
            if place is None or not place.city or gazetteer().city(place.city) is None:
                continue
            j = place.end
            while j < right and toks[j].capitalised:
                j += 1
            if any(t.key in VENUE_WORDS for t in toks[place.end : j]):
                venue = ctx.written(toks[k].start, toks[j - 1].end)
                return Place(place.city, place.country, venue, None, k, j)
    return None


_MODE_REACH = 10  # tokens between a meeting cue and the words of its mode


def _virtual(ctx: Context, sent: Sent, events: list[Match]) -> bool | None:
    """Whether the meeting a sentence tells of was held online (its mode's words near a cue)."""
    lex, toks = ctx.lex, sent.toks

    def said(name: str) -> bool:
        return any(
            any(abs(m.start - e.start) <= _MODE_REACH for e in events) or not events
            for m in lex.phrases(name).find(toks)
        )

    if said("virtual.hybrid"):
        return None
    if said("virtual.no"):
        return False
    if said("virtual.yes"):
        return True
    return None


def _count(
    ctx: Context, sent: Sent, events: list[Match], groups: list[Group]
) -> tuple[int | None, bool]:
    """The count of those who took part a sentence states, and whether it is the total."""
    total_words = ctx.lex.phrases("count.total")
    spans = [g.span for g in groups]
    best = None
    counts = find_counts(ctx, sent)
    for c in counts:
        if any(d is not c and d.start <= c.start and c.end <= d.end for d in counts):
            continue  # "22 of the 24 member agencies": the 24 is the total they are part of
        if c.noun not in (
            "agencies",
            "agency",
            "delegations",
            "delegation",
            "space",
            "organisations",
            "organizations",
            "members",
            "member",
            "participants",
            "countries",
            "nations",
            "partners",
            "entities",
        ):
            continue
        scores = score_span(ctx, sent, c.start, c.end, spans)
        participant = scores.get("participant", (0.0,))[0]
        member = scores.get("member", (0.0,))[0]
        joined = scores.get("join", (0.0,))[0]
        none = scores.get("none", (0.0,))[0]
        if c.of_total is None and max(member, joined, none) > participant:
            continue
        if participant < 0.3 and not _near_cue(events, c.start, c.end, 6, 6):
            continue
        if scores.get("participant") and scores["participant"][2]:  # planned
            continue
        is_total = bool(total_words.find(sent.toks, max(0, c.start - 4), c.end + 3))
        # the total, else the largest: "Nine agencies dial in from abroad and 12 attend"
        if (
            best is None
            or (is_total and not best[1])
            or (is_total == best[1] and c.value is not None and c.value > (best[0] or 0))
        ):
            best = (c.value, is_total)
    return best if best else (None, False)


def _host(ctx: Context, roles: dict[int, Role], groups: list[Group]) -> str | None:
    hosts = [
        (roles[id(g)].score, g)
        for g in groups
        if roles[id(g)].is_("host") and len(g.agencies) == 1 and g.agencies[0].registered
    ]
    if not hosts:
        return None
    return max(hosts, key=lambda x: x[0])[1].agencies[0].key


def _own_paragraph(ctx: Context, sent: Sent) -> bool:
    return all(s.paragraph != sent.paragraph for s in ctx.sents if s is not sent)


def _mention(
    ctx: Context,
    sent: Sent,
    events: list[Match],
    references: list[Match],
    groups: list[Group],
    roles: dict[int, Role],
) -> _Mention:
    m = _Mention(sent, events)
    m.date = _date(ctx, sent, events, references)
    line = None
    if m.date is None and not any(t.kind == "date" for t in sent.toks):
        m.date, line = _context_date(ctx, sent)
    heading = (
        len(sent.toks) <= _SHORT_LINE
        or (  # a record's head line, however long
            sent.text.rstrip()[-1:] not in ".!?" and _own_paragraph(ctx, sent)
        )
    )
    box = _fact_box(ctx, sent) if m.date is None and heading else None
    if box is None and m.date is None and line is None and len(sent.toks) <= _SHORT_LINE:
        box = _line_under(ctx, sent)
    if box is not None:  # a heading over its fact box: "Dates: Tuesday 23 - Wednesday 24 June"
        m.date, line = box
    m.when = resolve_date(ctx, m.date) if m.date else None
    m.place = _place(ctx, sent, events)
    if m.place is None and box is not None:
        m.place = _labelled_place(ctx, line, anywhere=True) or _box_place(ctx, sent)
    if line is not None and (m.place is None or not m.place.city):
        # the entry's head line: "6 May 2012 - Graz."
        head = entry_place(ctx, line) or next(iter(places_in(ctx, line)), None)
        if head is not None and m.place is not None:
            head = replace(m.place, city=head.city, country=head.country)
        m.place = head or m.place
    m.host = _host(ctx, roles, groups) or (m.place.owner if m.place else None)
    m.virtual = _virtual(ctx, sent, events)
    if m.virtual is None and m.place and (m.place.city or m.place.venue):
        m.virtual = False
    m.count, m.total = _count(ctx, sent, events, groups)
    for g in groups:
        role = roles[id(g)]
        if role.is_("participant"):
            m.participants.extend(a for it in g.items if not it.absent for a in it.agencies)
            m.absent.extend(a for it in g.items if it.absent for a in it.agencies)
            m.list_sent = m.list_sent or sent
        elif role.is_("absent"):
            m.absent.extend(g.agencies)
    m.strong = bool(
        m.date
        or m.place
        or m.count
        or m.participants
        or m.host
        or _group_named(ctx, sent, 0, len(sent.toks))
    )
    return m


def _cell_tokens(sent: Sent, cell) -> tuple[int, int]:
    idx = [k for k, t in enumerate(sent.toks) if cell.start <= t.start < cell.end]
    return (idx[0], idx[-1] + 1) if idx else (0, 0)


def _row_mention(ctx: Context, sent: Sent, row: Row) -> _Mention | None:
    """A meeting as a row of a table of meetings states it, cell by cell."""
    if "date" not in row.cells or planned(ctx, sent):
        return None
    m = _Mention(sent, [], strong=True)
    a, b = _cell_tokens(sent, row.cells["date"])
    dates = [k for k in range(a, b) if sent.toks[k].kind == "date"]
    if not dates or not _usable_date(ctx, sent, dates[0], []):
        return None
    m.date = sent.date_of(sent.toks[dates[0]])
    m.when = resolve_date(ctx, m.date)
    if m.when is None or not m.when.value:
        return None
    words = ctx.lex.phrases("virtual.yes")
    for role in ("place", "mode"):
        if role in row.cells:
            a, b = _cell_tokens(sent, row.cells[role])
            if words.find(sent.toks, a, b):
                m.virtual = True
    if "place" in row.cells:
        a, b = _cell_tokens(sent, row.cells["place"])
        found = next(
            (
                city_at(ctx, sent.toks, k)
                for k in range(a, b)
                if city_at(ctx, sent.toks, k) is not None
            ),
            None,
        )
        venue = next((p for p in places_in(ctx, sent, a, b) if p.venue), None)
        if found is not None:
            m.place = replace(found, venue=found.venue or (venue.venue if venue else None))
        if m.virtual is None and found is not None:
            m.virtual = False
    if "host" in row.cells:
        a, b = _cell_tokens(sent, row.cells["host"])
        host = next((t for t in sent.toks[a:b] if t.kind == "agency"), None)
        m.host = ctx.text.tokens[host.ref].acronym if host else None
    if "count" in row.cells:
        a, b = _cell_tokens(sent, row.cells["count"])
        value = next((t.value for t in sent.toks[a:b] if t.is_num), None)
        m.count = value
    return m


def _title_place(ctx: Context, toks: list) -> Place | None:
    """The city a meeting headline names after "in" ("ISECG Meets in Paris on the Eve of IAC
    2022"), a city the gazetteer knows."""
    g = gazetteer()
    for k in range(len(toks) - 1):
        if toks[k].key != "in":
            continue
        for n in (3, 2, 1):
            name = " ".join(t.text for t in toks[k + 1 : k + 1 + n])
            if len(toks) > k + n and g.city(name):
                return Place(name, g.city(name), None, None, 0, 0)
    return None


def _head_line(ctx: Context) -> _Mention | None:
    """A report whose title names a meeting ("ISECG SENIOR MANAGERS MEETING - SUMMARY") gives
    its place and date in a line of its head: "London, United Kingdom, 12-13 May 2016"."""
    for sent in ctx.sents[:_HEAD]:
        if len(sent.toks) > _SHORT_LINE:
            continue
        place = entry_place(ctx, sent)
        dates = [
            k
            for k, t in enumerate(sent.toks)
            if t.kind == "date"
            and _usable_date(ctx, sent, k, [])
            and sent.date_of(t).day is not None
        ]
        if place is None or not dates:
            continue
        m = _Mention(sent, [], strong=True)
        m.date = sent.date_of(sent.toks[dates[0]])
        m.when = resolve_date(ctx, m.date)
        m.place = place
        m.virtual = False
        return m if m.when is not None and m.when.value else None
    return None


# --- from mentions to meetings ----------------------------------------------------------------


def _dated(m: _Mention) -> bool:
    """A mention whose own words date it: a date, or bounds a date expression gives ("the
    first week of last October")."""
    return bool(
        m.when and (m.when.value or (m.date is not None and m.when.earliest and m.when.latest))
    )


def _span(when: When) -> tuple[str, str]:
    if when.value:
        return str(temporal.lower(when.value)), str(temporal.upper(when.end or when.value))
    return (
        str(temporal.lower(when.earliest)) if when.earliest else "0000",
        str(temporal.upper(when.latest)) if when.latest else "9999",
    )


def _same(a: _Mention, b: _Mention) -> bool:
    """Mentions of one meeting: the same date, one more precise, a day within the other's,
    or bounds that hold the other's date."""
    if a.when and b.when and a.when.value and b.when.value:
        x, y = a.when.value, b.when.value
        return x.startswith(y) or y.startswith(x) or _within(a.when, y) or _within(b.when, x)
    if _dated(a) and _dated(b):
        (a0, a1), (b0, b1) = _span(a.when), _span(b.when)
        return a0 <= b1 and b0 <= a1
    return False


def _within(when: When, day: str) -> bool:
    return bool(when.value and when.end and len(day) == 10 and when.value <= day <= when.end)


def _cluster(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Mentions -> meetings: a dated mention opens or joins the meeting of its date; an undated
    one belongs to the meeting mentioned before it (or, before any, to the first one)."""
    groups: list[list[_Mention]] = []
    pending: list[_Mention] = []
    current: list[_Mention] | None = None
    for m in mentions:
        if _dated(m) and m.strong:
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
        g.sort(key=lambda m: m.sent.index)
    return groups


def _first(values):
    return next((v for v in values if v is not None), None)


def _build(ctx: Context, local: int, group: list[_Mention]) -> Meeting:
    strong = [m for m in group if m.strong] or group
    dated = sorted((m for m in group if m.when and m.when.value), key=lambda m: -len(m.when.value))
    weekday = _first(m.date.weekday for m in group if m.date)
    bounded = [m.when for m in group if m.when and (m.when.earliest or m.when.latest)]
    inside = [
        b
        for b in bounded
        if dated
        and b.earliest
        and b.latest
        and len(dated[0].when.value) < 10
        and not dated[0].when.end
        and _bounds_inside(b, dated[0].when.value)
    ]
    if inside:  # "earlier this week" within "2016": the bounds say more
        when = replace(inside[0], weekday=weekday)
    elif dated:
        when = dated[0].when
        if weekday and not when.weekday:
            when = replace(when, weekday=weekday)
    elif bounded:
        when = replace(bounded[0], weekday=weekday)
    else:
        phrase = _first(m.date.text for m in group if m.date)
        reason = f"dated only by {phrase!r}" if phrase else "the report gives no date"
        when = replace(ctx.bounds(reason), weekday=weekday)
    places = [m.place for m in dated if m.place] + [m.place for m in group if m.place]
    # a city the text writes wins over the one the gazetteer gives a venue
    places.sort(key=lambda p: p.inferred and p.city is not None)
    city = _first(p.city for p in places)
    country = _first(p.country for p in places if p.city == city or not p.city) if places else None
    venues = [p.venue for p in places if p.venue]
    host = _first(m.host for m in dated) or _first(m.host for m in group)
    virtual = _first(m.virtual for m in group if m.virtual) or _first(m.virtual for m in group)
    if virtual and city:
        # kept where some met there ("Some delegations met in Baku while others connected
        # online"): a sentence naming the city beside its online part
        city = (
            city
            if any(
                m.virtual is False or (m.place and m.place.city == city and not m.place.inferred)
                for m in group
            )
            else None
        )
    absent = [a for m in group for a in m.absent]
    participants = [a for m in group for a in m.participants if a not in absent]
    count = _first(m.count for m in group if m.total) or _first(m.count for m in group)
    list_sent = _first(m.list_sent for m in group)
    return Meeting(
        local=local,
        when=when,
        evidence=ctx.evidence(strong[0].sent),
        venue=max(venues, key=len) if venues else None,
        city=city,
        country=country,
        host=AgencyRef(host) if host else None,
        virtual=virtual,
        stated_participants=count,
        participants=tuple(dict.fromkeys(participants)),
        absent=tuple(dict.fromkeys(absent)),
        participant_evidence=ctx.evidence(list_sent) if list_sent else None,
    )


_PAIR_REACH = 4  # tokens between a meeting's place and its date in a row of meetings


def _series(
    ctx: Context, sent: Sent, events: list[Match], references: list[Match]
) -> list[_Mention]:
    """Meetings told in a row, each by its place and date: "Further meetings followed in
    Montreal in July 2008 and in Yokohama, Japan, in March 2009; the most recent one took
    place in Noordwijk, the Netherlands, in December 2009". One mention per pair."""
    toks = sent.toks
    plural = ctx.lex.phrases("event.plural").find(toks)
    if not (events or references or plural) or not _relevant(ctx, sent, 2):
        return []
    places = [p for p in places_in(ctx, sent) if p.city]
    out: list[_Mention] = []
    used: set[int] = set()
    for k, t in enumerate(toks):
        if t.kind != "date" or not _usable_date(ctx, sent, k, []):
            continue
        near = [
            p
            for p in places
            if id(p) not in used
            and (0 <= k - p.end <= _PAIR_REACH or 0 <= p.start - k - 1 <= _PAIR_REACH)
        ]
        if not near:
            continue
        place = min(near, key=lambda p: min(abs(k - p.end), abs(p.start - k)))
        used.add(id(place))
        m = _Mention(sent, events or references or plural, strong=True)
        m.date = sent.date_of(t)
        m.when = resolve_date(ctx, m.date)
        m.place = place
        m.virtual = False
        if m.when is not None:
            out.append(m)
    return out if len(out) >= 2 else []


def find_meetings(ctx: Context, groups: list[Group], roles: dict[int, Role]) -> Found:
    """The meetings a document reports, one fact per meeting."""
    by_sentence: dict[int, list[Group]] = {}
    for g in groups:
        if not g.block:
            by_sentence.setdefault(g.sent.index, []).append(g)
    mentions: list[_Mention] = []
    rows = find_rows(ctx)
    title_toks = ctx.notes.get("title_toks", [])
    headed = bool(title_toks) and bool(ctx.notes.get("title_meeting"))
    for sent in ctx.sents:
        if sent.text.rstrip().endswith("?"):
            continue  # a question reports nothing
        row = rows.get(sent.index)
        if row is not None and row.about_meetings:
            mention = _row_mention(ctx, sent, row)
            if mention is not None:
                mentions.append(mention)
            continue
        events, references = event_cues(ctx, sent)
        series = _series(ctx, sent, events, references)
        if len(series) >= 2:  # "Further meetings followed in Montreal in July 2008 and in ..."
            mentions.extend(series)
            continue
        last = mentions[-1].sent if mentions else None
        follows = (
            last is not None and last.index == sent.index - 1 and last.paragraph == sent.paragraph
        )
        if not events and not references:
            weak = _weak_cues(ctx, sent)
            if weak and (_relevant(ctx, sent) or follows):
                events = weak
        own = by_sentence.get(sent.index, [])
        events = [m for m in events if not _others_met(sent, m, own, roles)]
        if not events:
            continue
        if not (_relevant(ctx, sent) or follows or headed):
            nouns = ctx.lex.phrases("event.nouns")
            if not (any(nouns.at(sent.toks, m.start) for m in events) and _relevant(ctx, sent, 2)):
                continue
        if _denied(ctx, sent):
            continue
        nxt = ctx.after(sent)
        if (
            nxt is not None
            and nxt.paragraph == sent.paragraph
            and _denied(ctx, nxt)
            and (nxt.toks and nxt.toks[0].key in ("it", "this", "that"))
        ):
            continue
        mentions.append(
            _mention(ctx, sent, events, references, by_sentence.get(sent.index, []), roles)
        )
    title_place = _title_place(ctx, title_toks) if headed else None
    if title_place is not None and mentions:  # "Space Agencies Meet in Saint-Hubert ..."
        first = min(mentions, key=lambda m: (not _dated(m), m.sent.index))
        if first.place is None or (first.place.inferred and first.place.city != title_place.city):
            venue = first.place.venue if first.place else None
            first.place = replace(title_place, venue=venue, owner=first.place and first.place.owner)
    if headed and not any(m.when and m.when.value for m in mentions):
        head = _head_line(ctx)
        if head is not None:
            mentions.insert(0, head)
            mentions.sort(key=lambda m: m.sent.index)
    found = Found([])
    for local, cluster in enumerate(_cluster(mentions)):
        meeting = _build(ctx, local, cluster)
        found.meetings.append(meeting)
        found.mentions[local] = [m.sent.index for m in cluster]
        for m in cluster:
            found.of_sentence[m.sent.index] = local
    return found


def _others_met(sent: Sent, m: Match, groups: list[Group], roles: dict[int, Role]) -> bool:
    """Whether the agencies a meeting verb is said of are another body's ("The station
    partners NASA, ESA and JAXA met in Houston"): a list whose role is none, right before it."""
    return any(roles[id(g)].name == "none" and 0 <= m.start - g.end <= 2 for g in groups)


_APART = 4  # sentences after a meeting's mention that may still speak of it


def add_apart(ctx: Context, found: Found, groups: list[Group], roles: dict[int, Role]) -> None:
    """What a sentence of its own near the meeting's says of it: the count of those who took
    part ("11 agencies attend.", "Delegations: 11 agencies.") and the host ("Host: CSA.")."""
    for sent in ctx.sents:
        if sent.index in found.of_sentence:
            continue
        local = found.meeting_for(sent)
        if local is None or not any(
            0 < sent.index - i <= _APART for i in found.mentions.get(local, [])
        ):
            continue
        m = found.meetings[local]
        own = [g for g in groups if g.sent is sent and not g.block]
        if m.stated_participants is None:
            count, _ = _count(ctx, sent, [], own)
            if count is not None:
                m = replace(m, stated_participants=count)
        if m.host is None:
            host = _host(ctx, roles, own)
            if host is not None:
                m = replace(m, host=AgencyRef(host))
        named = [
            a
            for g in own
            if roles[id(g)].is_("participant")
            for it in g.items
            if not it.absent
            for a in it.agencies
        ]  # "Also present: CNES and DLR."
        gone = [a for g in own if roles[id(g)].is_("absent") for a in g.agencies]
        gone += [
            a
            for g in own
            if roles[id(g)].is_("participant")
            for it in g.items
            if it.absent
            for a in it.agencies
        ]
        if named or gone:
            absent = tuple(dict.fromkeys((*m.absent, *gone)))
            m = replace(
                m,
                participants=tuple(
                    dict.fromkeys(a for a in (*m.participants, *named) if a not in absent)
                ),
                absent=absent,
                participant_evidence=m.participant_evidence or ctx.evidence(sent),
            )
        if m.city is None and not m.virtual:
            place = _labelled_place(ctx, sent)  # "Venue: ESTEC, Noordwijk (NL)"
            if place is not None and place.city:
                m = replace(
                    m,
                    city=place.city,
                    country=place.country,
                    venue=m.venue or place.venue,
                    virtual=False,
                )
        found.meetings[local] = m
