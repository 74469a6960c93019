"""Chairmanship: the chair passing from one agency to another, or held by one.

"the role of ISECG Chair transitioned from JAXA to CSA", "CNES handed over the chairmanship to
KARI", "KARI took over the chair from CNES", "with the Canadian Space Agency assuming the lead"
(in a sentence about the chair), "JAXA, which also took over the rotating chair", "the delegates
elected NASA to chair the group" are changes, dated by the sentence (never by its dateline) or by
the meeting it happened at; "CSA, the current chair", "under the chairmanship of ESA" are states.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..facts import AgencyRef, ChairChange, When
from .context import Context, resolve_date, until_when
from .patterns import (
    CHAIR_CHANGE,
    CHAIR_FUTURE,
    CHAIR_HANDED_FROM,
    CHAIR_SINCE,
    CHAIR_STATE,
    CHAIR_WORD,
    OTHER_EVENT,
    SINCE_FROM,
    SINCE_MEETING,
)
from .text import Sentence

_AFTER = 2  # sentences after a change that may name its outgoing chair
# The change took place on the meeting's last day: "At the close of the meeting, ISRO passed".
_MEETING_CLOSE = re.compile(
    r"\b(?:at|by|towards?)\s+the\s+(?:close|end|conclusion)\s+of\s+the\s+(?:meeting|session|"
    r"talks)\b|\bon\s+(?:the\s+)?(?:its\s+)?(?:last|final|closing)\s+day\b",
    re.I,
)
_RELATIVE = re.compile(r",\s+(?:which|who|where)\b")


def _when(ctx: Context, s: Sentence, state: bool, end: int) -> tuple[When, int | None]:
    """The sentence's own date, else its meeting's; for a state, else the publication date.

    A date in a relative clause after the change (``end``: where its words end) describes the
    clause's noun ("DLR, which hosted the first meeting last November"), and so does the
    meeting that clause names: the change then took place at the meeting the report is about.
    """
    clause = _RELATIVE.search(s.text, end - s.start)
    aside = s.start + clause.start() if clause else s.end
    described = set()
    local = ctx.meeting_for(s)
    held = ctx.meeting_when[local] if local is not None else None
    for dm in ctx.dates[s.index]:
        ended = until_when(s, dm)  # "NASA held the chair until 2009, when it passed to ESA"
        if dm.relative or dm.weekday_only:
            continue
        if dm.prep in ("since", "until", "by") and not ended:
            continue
        if ctx.is_dateline(dm):
            continue
        if OTHER_EVENT.search(s.text[: dm.start - s.start]) and not ended:
            continue  # "the supplement, published in August, and the chair passed to CSA"
        if dm.start >= aside:
            resolved = resolve_date(ctx, dm)
            described.add(resolved.value if resolved else None)
            continue
        if ctx.tense(s, dm) == "future":
            continue
        when = resolve_date(ctx, dm, held)  # "On 7 March, CSA assumed the chair": a meeting day
        if when and when.value:
            if held and held.value and len(when.value) >= 7 and held.value.startswith(when.value):
                # "until February 2009, when ESA assumed the chair at the meeting": its day
                return held, local
            if held and held.value and held.value <= when.value <= (held.end or held.value):
                return when, local  # a day of the meeting's days
            return when, None
    if local is not None and ctx.meeting_when[local].value in described - {None}:
        before = [m for i, m in sorted(ctx.meeting_of.items()) if m != local and i < s.index]
        local = before[-1] if before else None
    if local is not None:
        held = ctx.meeting_when[local]
        if held.value and held.end and _MEETING_CLOSE.search(s.text):
            return When(value=held.end, note="at the close of the meeting: its last day"), local
        return _as_known(held), local
    if state and ctx.published:
        return When(value=ctx.published, note="as of the publication date"), None
    return ctx.bounds("chair change not dated"), None


def _as_known(when: When) -> When:
    """A date known only by bounds in one month (or year) is known to that month (or year)."""
    if when.value or not when.earliest or not when.latest:
        return when
    for size in (7, 4):
        if when.earliest[:size] == when.latest[:size]:
            return When(value=when.earliest[:size], note=when.note)
    return when


def find_chair_changes(ctx: Context) -> list[ChairChange]:
    """Chair changes and chairs held, one fact per sentence that states one."""
    out: list[ChairChange] = []
    last: tuple[int, int] | None = None  # (sentence, position in out) of the last change
    for s in ctx.sentences:
        found = _change(ctx, s)
        if found is None:
            if last is not None and s.index - last[0] <= _AFTER:
                out[last[1]] = _handed_from(ctx, s, out[last[1]])
            continue
        same = next((i for i, c in enumerate(out) if _same(c, found)), None)
        if same is None:
            out.append(found)
        elif found.previous and not out[same].previous:
            out[same] = found
        last = (s.index, len(out) - 1 if same is None else same)
    return out


def _handed_from(ctx: Context, s: Sentence, change: ChairChange) -> ChairChange:
    """A change with the outgoing chair a sentence just after it names ("The handover from ESA
    took place during the meeting")."""
    m = CHAIR_HANDED_FROM.search(s.masked)
    if m is None or change.state or change.previous:
        return change
    prev = ctx.text.agency(m.group("prev")).acronym
    return change if prev == change.to.key else replace(change, previous=AgencyRef(prev))


def _same(a: ChairChange, b: ChairChange) -> bool:
    """Two sentences telling the same change (or the same chair held)."""
    return (a.to, a.when, a.state) == (b.to, b.when, b.state) and (
        a.previous is None or b.previous is None or a.previous == b.previous
    )


def _since(ctx: Context, s: Sentence) -> ChairChange | None:
    """A tenure stated with the date it began ("JAXA (ISECG Chair since June 2009)"): the chair
    passed to that agency on that date, from an agency the sentence does not name."""
    for rule in CHAIR_SINCE:
        for m in rule.finditer(s.masked):
            start = s.start + m.end()
            dm = next(
                (
                    d
                    for d in ctx.dates[s.index]
                    if d.start == start
                    or (d.start > start and SINCE_MEETING.match(ctx.text.masked[start : d.start]))
                ),
                None,
            )
            when = resolve_date(ctx, dm) if dm else None
            if when is None or not when.value:
                continue
            after = SINCE_FROM.match(ctx.text.masked[dm.end : s.end])
            prev = ctx.text.agency(after.group("prev")).acronym if after else None
            to = ctx.text.agency(m.group("to")).acronym
            return ChairChange(
                to=AgencyRef(to),
                when=when,
                evidence=ctx.evidence(s),
                previous=AgencyRef(prev) if prev and prev != to else None,
            )
    return None


def _change(ctx: Context, s: Sentence) -> ChairChange | None:
    """The chair change (or chair held) a sentence states, if any."""
    if not CHAIR_WORD.search(s.text):
        return None
    since = _since(ctx, s)
    if since is not None:
        return since
    for state, rules in ((False, CHAIR_CHANGE), (True, CHAIR_STATE)):
        for rule in rules:
            m = rule.search(s.masked)
            if m is None or CHAIR_FUTURE.search(s.masked[max(0, m.start() - 30) : m.end()]):
                continue
            to = ctx.text.agency(m.group("to")).acronym
            prev = ctx.text.agency(m.group("prev")).acronym if m.groupdict().get("prev") else None
            if prev == to:
                return None
            when, local = _when(ctx, s, state, s.start + m.end())
            return ChairChange(
                to=AgencyRef(to),
                when=when,
                evidence=ctx.evidence(s),
                previous=AgencyRef(prev) if prev else None,
                meeting=local,
                state=state,
            )
    return None
