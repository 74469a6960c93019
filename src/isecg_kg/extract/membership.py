"""Membership: lists of the group's members, stated member counts, and agencies joining.

A list introduced as the group's membership ("ISECG consists of the following space agencies:")
is a ``MemberList``, never a meeting's attendance. Joins carry their date, or bounds: "joined ISECG
since the last meeting in March" is after that March and by the meeting reported.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..facts import AgencyRef, Join, MemberList, When
from . import lists, tables
from .context import Context, resolve_date
from .dates import DateMention, month_year_before
from .gazetteer import number, ordinal
from .patterns import (
    AS_AT,
    AS_MEMBER,
    FUTURE,
    JOIN_AFTER,
    JOIN_APPROVED,
    JOIN_APPROVED_PASSIVE,
    JOIN_AT_MEETING,
    JOIN_BEFORE,
    JOIN_ELIDED,
    JOIN_FOLLOWED,
    JOIN_FUTURE,
    JOIN_LIST_AFTER_COLON,
    JOIN_ORDINAL,
    JOIN_POSSESSIVE,
    JOIN_PRESENT,
    JOIN_SUBJECT_COUNTED,
    JOIN_TARGET,
    JOIN_WEAK,
    LIST_AFTER_JOIN,
    MEMBER_COUNT,
    MEMBER_COUNT_EVENT,
    MEMBER_LIST_LEAD,
    MEMBER_LISTS,
    MEMBER_SINCE,
    MEMBER_SUBSET,
    MEMBERS_ALL_ATTENDED,
    MEMBERS_CURRENT,
    MEMBERSHIP_EFFECTIVE,
    MEMBERSHIP_TOPIC,
    NOT_JOIN,
    SINCE_REFERENCE,
    WELCOMED_AS,
)
from .text import AG, Sentence

_ABOUT_MEMBERSHIP = re.compile(r"\bISECG\b|\bmember|Coordination Group", re.I)
_GROUP = re.compile(r"\bISECG\b|Coordination Group|\bthe group\b")
# A date heading its entry, as a timeline or a dated list writes it: "2016 - X joins".
_HEADING_DATE = re.compile(r"\s*(?:[-:|]|\)\s*[-:|]?)\s")
_HEADING_YEAR = re.compile(r"^((?:19|20)\d{2})\s*[-:|]\s")
_YEAR_LINE = re.compile(r"\W*((?:19|20)\d{2})\W*")


def _entry_year(ctx: Context, s: Sentence) -> str | None:
    """The year heading a timeline entry: "2016 - X joins", or a line of its own above it."""
    year = _HEADING_YEAR.match(s.text)
    if year:
        return year.group(1)
    before = ctx.sentences[s.index - 1] if s.index else None
    if before is not None and before.paragraph != s.paragraph:
        line = _YEAR_LINE.fullmatch(before.text)
        return line.group(1) if line else None
    return None


_INFINITIVE = re.compile(r"\bto\s+(?:\w+\s+)?$", re.I)  # "invited to join", "set to formally join"
_FUTURE_NEAR = re.compile(  # "may" the verb, not the month ("AS AT 13 MAY 2016", "in May")
    r"\b(?:will|would|shall|to be|expected|plans? to|could)\b|\b(?-i:may)\b(?!\s*\d)",
    re.I,
)


# A subject standing for an agency named before: "It joined ISECG", "The agency became a member".
_PRONOUN = re.compile(r"^\W*(?:It|The (?:agency|organi[sz]ation|newcomer))\W*$")
# A second predicate of the sentence's subject: "KASA ... was established in May and has since".
_COORDINATED = re.compile(r"\band\s+(?:(?:has|have|had|then|later|since|subsequently)\s+)*$")
_SINCE_THEN = re.compile(r"\b(?:since|since then|subsequently)\s*$", re.I)


def _subject(ctx: Context, s: Sentence, pos: int) -> list[lists.Item]:
    """The agency a join cue at ``pos`` is said of when no list stands before it: the one agency
    of the sentence before ("It joined ..."), or the agency the sentence starts with when the cue
    heads a second predicate ("KASA was established in May and has since joined ...")."""
    before = s.masked[: pos - s.start]
    if _PRONOUN.match(before):
        prev = ctx.sentences[s.index - 1] if s.index else None
        if prev is None or prev.paragraph != s.paragraph:
            return []
        tokens = ctx.text.tokens_in(prev.start, prev.end)
        if len({t.acronym for t in tokens}) != 1:
            return []
        return [lists.Item(tokens[0].start, tokens[0].end, (AgencyRef(tokens[0].acronym),))]
    if _COORDINATED.search(before):
        tokens = ctx.text.tokens_in(s.start, pos)
        if tokens and not re.sub(r"\W|The\b", "", ctx.text.folded[s.start : tokens[0].start]):
            return [lists.Item(tokens[0].start, tokens[0].end, (AgencyRef(tokens[0].acronym),))]
    return []


def _future(s: Sentence, m: re.Match[str]) -> bool:
    """Whether the words just before (or in) a match put it in the future."""
    return bool(_FUTURE_NEAR.search(s.masked[max(0, m.start() - 40) : m.end()]))


def _as_of(ctx: Context, s: Sentence) -> When:
    """The date a sentence states membership for: its meeting's, else the publication date."""
    local = ctx.meeting_for(s)
    if local is not None:
        return ctx.meeting_when[local]
    if ctx.published:
        return When(value=ctx.published, note="as of the publication date")
    return ctx.bounds("membership stated in an undated report")


def _list_as_of(ctx: Context, s: Sentence) -> When:
    """The date of a member list: the meeting's when it is stated there as current ("now"),
    else the publication date (or, in an undated report, its meeting's); a date the list is
    stated to hold on ("as at 27 April 2010") first."""
    for dm in ctx.dates[s.index]:
        if AS_AT.search(s.text[: dm.start - s.start]):
            when = resolve_date(ctx, dm)
            if when is not None and when.value:
                return replace(when, note=f"the list is stated to hold on {dm.text!r}")
    if ctx.published and s.index not in ctx.meeting_of and not MEMBERS_CURRENT.search(s.text):
        return When(value=ctx.published, note="as of the publication date")
    when = _as_of(ctx, s)
    if when.value is None and ctx.published:  # an undated meeting: "now" is when it was written
        return When(value=ctx.published, note="as of the publication date")
    return when


def _listed_members(ctx: Context, s: Sentence) -> tuple[list[lists.Item], int | None]:
    """The members a sentence lists as the group's, and the count it gives with them."""
    for rule in MEMBER_LISTS:
        m = rule.search(s.masked)
        if not m or _future(s, m):
            continue
        lead = MEMBER_LIST_LEAD.match(s.masked[m.end() :])
        start = s.start + m.end() + (lead.end() if lead else 0)
        items = lists.list_at(ctx.text, ctx.registry, s, start)
        if len(items) >= 2:
            n = m.groupdict().get("n") or (lead.group("n") if lead else None)
            return items, number(n) if n else None
    previous = ctx.sentences[s.index - 1] if s.index else None
    subset = MEMBER_SUBSET.match(s.masked)
    if (
        subset
        and previous is not None
        and previous.paragraph == s.paragraph
        and any(rule.search(previous.masked) for rule in (*MEMBER_COUNT, *MEMBER_LISTS))
    ):  # "The group has 14 member agencies. Twelve of them contributed: ..."
        items = lists.list_at(ctx.text, ctx.registry, s, s.start + subset.end())
        if len(items) >= 2:
            return items, None
    return [], None


def _all_attended(ctx: Context, s: Sentence) -> tuple[list[lists.Item], int | None] | None:
    """The members of a sentence saying every member took part, listed or only counted."""
    m = MEMBERS_ALL_ATTENDED.search(s.masked)
    if not m or _future(s, m):
        return None
    items = lists.list_at(ctx.text, ctx.registry, s, s.start + m.end())
    n = number(m.group("n")) if m.group("n") else None
    return (items if len(items) >= 2 else []), n


def _event_date(ctx: Context, s: Sentence) -> When | None:
    """The date of the event a sentence reports in the past ("admitted on 9 April 2019"), not
    of a meeting it dates from ("since our last meeting in November 2021")."""
    year = _entry_year(ctx, s)
    if year:
        return When(value=year, note=f"the entry is dated {year}")
    since = SINCE_REFERENCE.search(s.text)
    for dm in ctx.dates[s.index]:
        if since and 0 <= dm.start - s.start - since.end() <= 20:
            continue
        if dm.prep != "since" and not ctx.is_dateline(dm) and ctx.tense(s, dm) != "future":
            when = resolve_date(ctx, dm)
            if when and when.value:
                return replace(when, note=f"as of {dm.text!r}, the event the count follows")
    return None


def _arrival_date(ctx: Context, s: Sentence) -> When | None:
    """The date of the join a membership statement follows ("With the arrival of ASA, ISECG now
    counts 21 members"): the list holds from the day that agency joined."""
    m = LIST_AFTER_JOIN.search(s.masked)
    tokens = ctx.text.tokens_in(s.start + m.end(), s.end) if m else []
    if not tokens or tokens[0].start != s.start + m.end():
        return None
    joined = next((j for j in find_joins(ctx) if j.agency.key == tokens[0].acronym), None)
    if joined is None or not joined.when.value:
        return None
    return replace(joined.when, note=f"as of {tokens[0].acronym}'s joining, which the list follows")


def find_member_lists(ctx: Context) -> list[MemberList]:
    """Member lists and stated member counts, one record per sentence that states them.

    A count that is an event's outcome ("bringing the membership to 17") holds from that event's
    date; a list in the same paragraph right after such a statement is dated with it.
    """
    out: list[MemberList] = []
    stated: tuple[int, When] | None = None  # (paragraph, date) of the last dated count
    for s in ctx.sentences:
        all_attended = _all_attended(ctx, s)
        items, count = all_attended or _listed_members(ctx, s)
        members = lists.agencies(items)
        when: When | None = None
        if count is None:
            for rule in MEMBER_COUNT:
                m = rule.search(s.masked)
                if (
                    m
                    and not _future(s, m)
                    and not re.search(r"\bnew\s*$", s.masked[: m.start("n")])
                ):
                    count = number(m.group("n"))
                    if MEMBER_COUNT_EVENT.search(m.group()) and s.index not in ctx.meeting_of:
                        when = _event_date(ctx, s)
                    break
        if when is None and stated and stated[0] == s.paragraph and s.index not in ctx.meeting_of:
            when = stated[1]
        if when is None and (members or count is not None):
            when = _arrival_date(ctx, s)
        if members:
            as_of = when or (_as_of(ctx, s) if all_attended else _list_as_of(ctx, s))
            out.append(MemberList(as_of, ctx.evidence(s), members, count))
        elif count is not None:
            out.append(MemberList(when or _as_of(ctx, s), ctx.evidence(s), members, count))
        if when is not None:
            stated = (s.paragraph, when)
    return out


def _join_items(
    ctx: Context, s: Sentence, beside_join: bool = False
) -> list[tuple[lists.Item, re.Match[str]]]:
    """The agencies a sentence says joined, with the cue that says so.

    ``beside_join``: a sentence just before says an agency joined the group, so a join with its
    object left out ("LSA, which joined in 2019 as well") is a join to the group too; so is one
    in a paragraph about the group's membership ("the newcomers. Portugal Space, which was
    formally admitted on 5 March, ...").
    """
    found: list[tuple[lists.Item, re.Match[str]]] = []
    about = _ABOUT_MEMBERSHIP.search(s.text)
    topic = beside_join or any(
        MEMBERSHIP_TOPIC.search(o.text) for o in ctx.sentences if o.paragraph == s.paragraph
    )
    for m in JOIN_WEAK.finditer(s.masked):
        rest = s.masked[m.end() :]
        if JOIN_TARGET.match(rest) or (topic and JOIN_ELIDED.match(rest)):
            items = lists.items_before(ctx.text, ctx.registry, s.start, s.start + m.start())
            found += [(i, m) for i in items]
    for m in JOIN_BEFORE.finditer(s.masked):
        rest = s.masked[m.end() :]
        admitted = _ADMITTED_AT.match(rest) and _WELCOMED_VERB.search(m.group())
        if NOT_JOIN.match(rest) and not admitted:  # "was accepted at the same meeting": a join
            continue
        elided = topic and JOIN_ELIDED.match(rest)
        since = SINCE_REFERENCE.match(rest.lstrip())  # "joined since the previous meeting"
        elided = elided or (topic and admitted)
        if not (JOIN_TARGET.match(rest) or "member" in m.group() or about or elided or since):
            continue
        items = lists.items_before(ctx.text, ctx.registry, s.start, s.start + m.start())
        items = items or _subject(ctx, s, s.start + m.start())
        colon = JOIN_LIST_AFTER_COLON.match(rest)
        if not items and colon and JOIN_SUBJECT_COUNTED.search(s.masked[: m.start()]):
            start = s.start + m.end() + colon.end()
            items = lists.items_after(ctx.text, ctx.registry, start, s.end)
        found += [(i, m) for i in items]
    for m in JOIN_PRESENT.finditer(s.masked):
        rest = s.masked[m.end() :]
        member = "member" in m.group() and not re.match(r"\s+of\b", rest)  # "of ESA": another
        elided = _ABOUT_MEMBERSHIP.search(s.text) and JOIN_ELIDED.match(rest)  # "X and Y join;"
        if FUTURE.search(s.text) or _INFINITIVE.search(s.masked[: m.start()]):
            continue  # "joins ISECG next year", "was invited to join" is a plan
        if not (JOIN_TARGET.match(rest) or member or elided):
            continue
        items = lists.items_before(ctx.text, ctx.registry, s.start, s.start + m.start())
        found += [(i, m) for i in items]
    for m in MEMBER_SINCE.finditer(s.masked):  # "LSA, an ISECG member since 2019"
        if not (_GROUP.search(m.group()) or _GROUP.search(s.text)):
            continue  # "Norway, a member since 1987" of what?
        items = lists.items_before(ctx.text, ctx.registry, s.start, s.start + m.start())
        found += [(i, m) for i in items[-1:]]
    for rule in (*JOIN_AFTER, JOIN_APPROVED):
        for m in rule.finditer(s.masked):
            items = lists.items_after(ctx.text, ctx.registry, s.start + m.end(), s.end)
            if items and _TO_MEETING.match(ctx.text.masked, items[-1].end):
                continue  # "welcomed ESA and JAXA to the meeting": guests, not members
            found += [(i, m) for i in items if not _owner(ctx, i)]
    for m in JOIN_APPROVED_PASSIVE.finditer(s.masked):
        items = lists.items_after(
            ctx.text, ctx.registry, s.start + m.start("list"), s.start + m.end("list")
        )
        found += [(i, m) for i in items]
    for m in WELCOMED_AS.finditer(s.masked):
        items = lists.items_after(ctx.text, ctx.registry, s.start + m.end(), s.end)
        if items and AS_MEMBER.match(ctx.text.masked[items[-1].end : s.end]):
            found += [(i, m) for i in items]
    for m in JOIN_POSSESSIVE.finditer(s.masked):  # "the Agency's accession to ISECG"
        rest = s.masked[m.end() :]
        if JOIN_TARGET.match(rest) or about or MEMBERSHIP_EFFECTIVE.search(rest):
            agency = ctx.text.agency(m.group("a"))
            found.append((lists.Item(agency.start, agency.end, (AgencyRef(agency.acronym),)), m))
    for m in JOIN_FOLLOWED.finditer(s.masked):
        # "LSA joined in January; NOSA and VNSC followed in February": after a join, its own
        # sentence's or the one before
        before = any(s.start + cue.end() <= s.start + m.start() for _, cue in found)
        if not (before or beside_join) or not JOIN_ELIDED.match(s.masked[m.end() :]):
            continue
        items = lists.items_before(ctx.text, ctx.registry, s.start, s.start + m.start())
        found += [(i, m) for i in items if not any(i.agencies == f.agencies for f, _ in found)]
    return found


def _owner(ctx: Context, item: lists.Item) -> bool:
    """An item naming an agency as the owner of something ("welcomed ESA's offer")."""
    tokens = ctx.text.tokens_in(item.start, item.end)
    return bool(tokens) and tokens[-1].possessive


_TO_MEETING = re.compile(
    r"\s*\bto\s+(?:its|the|their|a|this)\s+(?:[\w-]+\s+){0,3}?(?:meeting|session|event)\b"
)
_WELCOMED_VERB = re.compile(r"\b(?:welcomed|admitted|accepted)\b")
_ADMITTED_AT = re.compile(
    r"\s+(?:at|during)\s+(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?meeting\b", re.I
)
# The occasion of the join told just before: "The Polish Space Agency was accepted at the same
# meeting."
_SAME_OCCASION = re.compile(
    r"\b(?:at|during|on)\s+the\s+same\s+(?:meeting|session|occasion|day|date)\b", re.I
)
_WELCOMING = frozenset((*JOIN_AFTER, JOIN_APPROVED, JOIN_APPROVED_PASSIVE, WELCOMED_AS))


def _join_when(ctx: Context, s: Sentence, cue: re.Match[str]) -> When:
    """When the agencies of a join sentence joined: a stated date, or bounds."""
    local = ctx.meeting_for(s)
    meeting = ctx.meeting_when.get(local) if local is not None else None
    anchor = meeting.value if meeting and meeting.value else ctx.published
    dated = any(  # "which became the 22nd member in March 2021, ... at the meeting"
        0 <= _words(s, cue.end(), dm.start - s.start) <= 40 and dm.prep != "since"
        for dm in ctx.dates[s.index]
    )
    # welcomed or admitted by the group, in a meeting's story and no date of its own: there
    welcomed = (
        (cue.re in _WELCOMING or bool(_WELCOMED_VERB.search(cue.group())))
        and not ctx.dates[s.index]
        and not _TO_MEETING.search(s.text, cue.end())  # "welcomed KASA to its first meeting"
    )
    if (
        (JOIN_AT_MEETING.search(s.text) or welcomed)
        and meeting
        and meeting.value
        and not SINCE_REFERENCE.search(s.text)
        and not dated
    ):
        return When(value=meeting.value, note="joined at the meeting reported")
    if (
        ctx.chronology
        and cue.re is JOIN_PRESENT
        and meeting
        and meeting.value
        and not ctx.dates[s.index]
        and any(
            ctx.sentences[i].paragraph == s.paragraph
            for i, m in ctx.meeting_of.items()
            if m == local
        )
    ):  # "20 October 2019 - Heads of agency meeting in Washington. ASA joins the group."
        return When(value=meeting.value, note="joins in the entry of the meeting")
    since = SINCE_REFERENCE.search(s.text)
    earliest, notes = None, []
    if _SINCE_THEN.search(
        s.masked[: cue.start()]
    ):  # "was established on 27 May and has since joined"
        prior = [dm for dm in ctx.dates[s.index] if dm.start - s.start < cue.start()]
        if prior:
            earliest = prior[-1].lower
            notes.append(f"joined after {prior[-1].text!r}")
    effective = MEMBERSHIP_EFFECTIVE.search(s.masked, cue.start())  # "... took effect on 5 May"
    for dm in ctx.dates[s.index] if effective else ():
        if 0 <= dm.start - s.start - effective.end() <= 10 and ctx.tense(s, dm) != "future":
            when = resolve_date(ctx, dm)
            if when and when.value:
                return replace(when, note=f"membership effective {dm.text!r}")
    # a date after the verb is the join's, over one opening the sentence ("Established in May,
    # KASA joined ISECG in October")
    after = any(0 <= _words(s, cue.end(), dm.start - s.start) <= 40 for dm in ctx.dates[s.index])
    for dm in ctx.dates[s.index]:
        a = dm.start - s.start
        if since and 0 <= a - since.end() <= 20:
            if dm.year is None and dm.month is not None and anchor:
                earliest = f"{month_year_before(dm.month, anchor):04d}-{dm.month:02d}"
            else:
                earliest = dm.lower
            notes.append(f"joined after the earlier meeting {since.group()!r} {dm.text!r}")
            continue
        if dm.prep == "since" and dm.year is not None and re.search(r"been|member", cue.group()):
            return When(value=dm.value, note=f"a member since {dm.text!r}")
        if dm.prep == "since" and dm.year is not None:
            earliest = dm.lower
            notes.append(f"member since {dm.text!r}")
            continue
        after_cue = 0 <= _words(s, cue.end(), a) <= 40
        opening = (
            not after
            and a < cue.start()
            and (
                (a < 25 and (dm.prep in ("in", "during") or dm.relative))
                or (a == 0 and _HEADING_DATE.match(s.text, dm.end - s.start))  # "2016 - X joins"
            )
        )
        if dm.relative and _more_precise_after(ctx, s, dm, cue):
            continue  # "joined earlier this year, in January": January
        if (after_cue or opening) and ctx.tense(s, dm) != "future":
            when = resolve_date(ctx, dm, meeting)
            if when and dm.relative and anchor and when.value == anchor[:4]:
                # "joined this year": from the year's start to the report, which it still runs to
                return When(
                    earliest=f"{when.value}-01-01", latest=anchor, note=f"joined {dm.text!r}"
                )
            if when and when.value and len(when.value) == 4:
                bounded = _after_event(ctx, s, dm, when.value)
                if bounded:  # "in the course of 2019, after the meeting last March"
                    return bounded
            if when and (when.value or when.earliest):
                return replace(when, note=f"joined {dm.text!r}")
    year = _entry_year(ctx, s)  # a timeline entry headed by its year alone
    if year:
        return When(value=year, note=f"the entry is dated {year}")
    latest = None
    if meeting and (meeting.value or meeting.latest):
        latest = meeting.value or meeting.latest
        notes.append("a member by the meeting reported")
    elif ctx.published:
        latest = ctx.published
        notes.append("a member by the report's publication")
    if earliest is None and latest is None:
        return ctx.bounds("join not dated")
    return When(earliest=earliest, latest=latest, note="; ".join(notes) or None)


_AFTER = re.compile(r"\b(?:after|following|since)\b")


def _after_event(ctx: Context, s: Sentence, dm: DateMention, year: str) -> When | None:
    """A date of that year a join is said to follow, close after the join's year ("in the course
    of 2019, after the senior managers met in Noordwijk last March")."""
    for other in ctx.dates[s.index]:
        gap = ctx.text.masked[dm.end : other.start]
        if other.start <= dm.end or len(gap) > 80 or not _AFTER.search(gap) or other.relative:
            continue
        when = resolve_date(ctx, other)
        if when and when.value and len(when.value) > 4 and when.value.startswith(year):
            return When(
                earliest=when.value, latest=year, note=f"joined in {year}, after {other.text!r}"
            )
    return None


def _words(s: Sentence, a: int, b: int) -> int:
    """How far apart two offsets of a sentence are, an agency's name counting as one character
    ("the admission of the United Arab Emirates Space Agency in October 2015"); negative when
    ``b`` comes first."""
    if b < a:
        return b - a
    return len(_NAME.sub("@", s.masked[a:b]))


_NAME = re.compile(AG)


def _more_precise_after(ctx: Context, s: Sentence, dm: DateMention, cue: re.Match[str]) -> bool:
    """Whether a month or day follows a relative date close after the join's cue, as its
    apposition ("earlier this year, in January")."""
    return any(
        other.start > dm.start
        and 0 <= _words(s, cue.end(), other.start - s.start) <= 40
        and other.month is not None
        and not other.relative
        for other in ctx.dates[s.index]
    )


def _effective(ctx: Context, s: Sentence) -> When | None:
    """The date the sentence after a join gives the membership ("It took effect on 5 March")."""
    nxt = ctx.text.after(s)
    if nxt is None or nxt.paragraph != s.paragraph:
        return None
    m = MEMBERSHIP_EFFECTIVE.search(nxt.masked)
    if not m:
        return None
    for dm in ctx.dates[nxt.index]:
        if 0 <= dm.start - nxt.start - m.end() <= 10 and ctx.tense(nxt, dm) != "future":
            when = resolve_date(ctx, dm)
            if when and when.value:
                return replace(when, note=f"membership effective {dm.text!r}")
    return None


def _better(new: When, old: When) -> bool:
    """Whether a later sentence dates a join the document already reported more closely."""
    return not old.value and not old.earliest and bool(new.value or new.earliest)


def find_joins(ctx: Context) -> list[Join]:
    """Agencies the document says joined the group, one fact per agency."""
    out: dict[AgencyRef, Join] = {}
    last = -3  # the last sentence that says an agency joined
    for s in ctx.sentences:
        found = _join_items(ctx, s, beside_join=s.index - last <= 2)
        if not found:
            continue
        future = JOIN_FUTURE.search(s.text)
        ord_m = JOIN_ORDINAL.search(s.masked)
        rank = ordinal(ord_m.group("ord")) if ord_m else None
        same = _SAME_OCCASION.search(s.text) if s.index > last else None
        earlier = [j.when for j in out.values() if j.when.value] if same else []
        for item, cue in found:
            when = _join_when(ctx, s, cue)
            if not when.value:
                when = _effective(ctx, s) or when
            if earlier and not ctx.dates[s.index]:
                when = replace(earlier[-1], note=f"joined {same.group()!r} as the join before")
            if future and not (when.value and len(when.value) == 10):
                continue
            last = s.index
            for ref in item.agencies:
                if ref not in out or _better(when, out[ref].when):
                    single = len({a for i, _ in found for a in i.agencies}) == 1
                    out[ref] = Join(ref, when, ctx.evidence(s), rank if single else None)
    for row in ctx.rows.values():  # "Portugal Space | Portugal | June 2021" under "Joined"
        join = _row_join(ctx, row)
        if join is None:
            continue
        old = out.get(join.agency)
        # the table's own cell wins over prose, unless the prose says the same more precisely
        if old is None or not (old.when.value or "").startswith(join.when.value or "-"):
            out[join.agency] = join
    return list(out.values())


_YEAR_CELL = re.compile(r"(?:19|20)\d{2}")


def _row_join(ctx: Context, row: tables.Row) -> Join | None:
    """A join as a row of a table of members states it: the agency, and when it joined."""
    agency, joined = row.cells.get("agency"), row.cells.get("joined")
    if agency is None or joined is None:
        return None
    tokens = ctx.text.tokens_in(agency.start, agency.end)
    if not tokens:
        return None
    s = ctx.sentences[row.sentence]
    if _YEAR_CELL.fullmatch(joined.text):
        when = When(value=joined.text, note="the table's year")
    else:
        dm = ctx.date_in(s, joined.start, joined.end)
        when = resolve_date(ctx, dm) if dm else None
        if when is None or not when.value:
            return None
    return Join(AgencyRef(tokens[0].acronym), when, ctx.evidence(s))
