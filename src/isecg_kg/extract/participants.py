"""Who took part in a meeting, and how many: the lists, counts and absentee notes a report gives.

A list follows a participant cue ("included representatives from", "participants were:", a
footnote marked like the count it explains) or precedes one ("NASA, ESA and JAXA attended"); a
sentence without a meeting cue counts only with a cue that names participants by itself. Agencies
noted absent ("KARI did not attend", "(absent)") are kept apart.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..facts import AgencyRef, Meeting, MemberList
from . import lists
from .context import Context
from .gazetteer import number
from .patterns import (
    ABSENT_AFTER,
    ABSENT_BEFORE,
    ALL_MEMBERS_BUT,
    ATTENDED_APART,
    COUNT_MARKED,
    FOOTNOTE_BODY,
    FOOTNOTE_MARK,
    HOST_APART,
    MEMBER_LIST_LEAD,
    MEMBER_LISTS,
    MEMBERS_ATTENDED,
    OTHER_EVENT_AFTER,
    PARTICIPANTS_AFTER,
    PARTICIPANTS_AFTER_MORE,
    PARTICIPANTS_ALSO,
    PARTICIPANTS_BEFORE,
    PARTICIPANTS_BY_GAPPED,
    PARTICIPANTS_COLON,
    PARTICIPANTS_LABEL,
    PARTICIPANTS_REPRESENTED_BY,
    PARTICIPANTS_STRONG,
    STATED_COUNT,
)
from .text import Sentence

_ATTENDANCE_CONTEXT = re.compile(r"\bmeeting\b|\bISECG\b", re.I)
_TOOK_PART = re.compile(
    r"attended|participated|took part|were represented|dial(?:l)?ed in|\battend\b|\btake part\b|"
    r"\baround the table\b|\b(?:representatives|delegations|delegates)\s+(?:of|from)\s+|"
    r"\bparticipate\b|\bare represented\b|^\W*(?:attendance|participation|attendees|participants|"
    r"delegations)\s*:",
    re.I,
)
_ATTENDANCE = re.compile(r"attend|participat|present|represented|meeting", re.I)


def listed(
    ctx: Context, s: Sentence, strict: bool = False
) -> tuple[list[lists.Item], Sentence | None]:
    """The agencies a sentence (or the footnote it points to) lists as taking part.

    ``strict``: only cues that name participants by themselves ("participants were"), for a
    sentence that does not itself mention the meeting. A list of the group's members is not one,
    unless the sentence says they all took part ("listed below; all of them attended").
    """
    text, reg = ctx.text, ctx.registry
    member = next((m for rule in MEMBER_LISTS if (m := rule.search(s.masked))), None)
    if member is not None:
        before = ctx.sentences[s.index - 1] if s.index else None
        said = MEMBERS_ATTENDED.search(s.text) or (
            before is not None
            and s.paragraph - before.paragraph <= 1
            and MEMBERS_ATTENDED.search(before.text)
        )
        if not said:
            return [], None
        lead = MEMBER_LIST_LEAD.match(s.masked[member.end() :])
        start = s.start + member.end() + (lead.end() if lead else 0)
        items = lists.list_at(text, reg, s, start)
        return (items, s) if items else ([], None)
    found: list[lists.Item] = []
    for rule in (PARTICIPANTS_STRONG, PARTICIPANTS_LABEL, PARTICIPANTS_COLON):
        for m in rule.finditer(s.masked):
            found += lists.list_at(text, reg, s, s.start + m.end())
    about_meeting = (
        not strict or _ATTENDANCE_CONTEXT.search(s.text) or (s.index - 1) in ctx.meeting_of
    )
    for m in PARTICIPANTS_BEFORE.finditer(s.masked):
        if OTHER_EVENT_AFTER.match(s.masked[m.end() :]):
            continue  # "... took part in the IAC plenary"
        items = lists.items_before(text, reg, s.start, s.start + m.start())
        also = PARTICIPANTS_ALSO.match(s.masked, m.end())
        if items and also:  # "..., Ukraine attended, together with the European Space Agency"
            items += lists.items_after(text, reg, s.start + also.end(), s.end)
        if about_meeting and (not strict or len(items) >= 2):
            found += items
    for m in PARTICIPANTS_REPRESENTED_BY.finditer(s.masked) if about_meeting else ():
        found += lists.items_after(text, reg, s.start + m.end(), s.end)
        for gap in PARTICIPANTS_BY_GAPPED.finditer(s.masked, m.end()):
            found += lists.items_after(text, reg, s.start + gap.end(), s.end)
    if not strict:
        for rule in (PARTICIPANTS_AFTER, PARTICIPANTS_AFTER_MORE):
            for m in rule.finditer(s.masked):
                found += lists.list_at(text, reg, s, s.start + m.end())
    if found:
        return sorted(set(found), key=lambda i: i.start), s
    mark = FOOTNOTE_MARK.search(s.text)
    if mark and (not strict or COUNT_MARKED.search(s.masked)):
        for note in ctx.sentences:
            body = FOOTNOTE_BODY.match(note.text)
            if note.index != s.index and body and body.group(1) == mark.group(1):
                items = lists.list_at(text, reg, note, note.start + body.end())
                if items:
                    return items, note
    return [], None


def stated_count(s: Sentence) -> int | None:
    for rule in STATED_COUNT:
        m = rule.search(s.masked)
        if m and not re.search(r"\bnew\s*$", s.masked[: m.start("n")]):
            return number(m.group("n"))
    return None


def add_listed_apart(ctx: Context, meetings: list[Meeting]) -> list[Meeting]:
    """Participants listed (and a host named) in a sentence of their own near the meeting's
    mentions."""
    out = {m.local: m for m in meetings}
    for s in ctx.sentences:
        if s.index in ctx.meeting_of:
            continue
        local = _meeting_beside(ctx, s, meetings)
        if local is None:
            continue
        meeting = out[local]
        if meeting.stated_participants is None and _TOOK_PART.search(s.text):
            count = stated_count(s)
            if count is not None:
                meeting = out[local] = replace(meeting, stated_participants=count)
        came = ATTENDED_APART.search(s.masked)
        if came:
            agency = AgencyRef(ctx.text.agency(came.group("a")).acronym)
            if agency not in meeting.participants and agency not in meeting.absent:
                meeting = out[local] = _with_participants(ctx, meeting, [agency], [], s)
        host = (
            next((h for r in HOST_APART if (h := r.search(s.masked))), None)
            if meeting.host is None
            else None
        )
        if host:
            agency = ctx.text.agency(host.group("a")).acronym
            meeting = out[local] = replace(meeting, host=AgencyRef(agency))
        items, where = listed(ctx, s, strict=True)
        if not items or where is None:
            continue
        extra = [a for a in lists.agencies(items, absent=False) if a not in meeting.participants]
        absent = [a for a in lists.agencies(items, absent=True) if a not in meeting.absent]
        out[local] = _with_participants(ctx, meeting, extra, absent, where)
        ctx.meeting_of.setdefault(s.index, local)
    return [out[m.local] for m in meetings]


_SAID_YES = re.compile(
    r"(?:yes|y|x|✓|✔|☑|present|attended|represented|in person|remote(?:ly)?|online|virtual(?:ly)?)",
    re.I,
)
_SAID_NO = re.compile(
    r"(?:no|n|-|–|—|✗|✘|absent|not represented|not present|did not attend|apologies|excused)", re.I
)


def add_table_attendance(ctx: Context, meetings: list[Meeting]) -> list[Meeting]:
    """Participants a table of agencies marks as present: "ASI | Italy | Yes" under "Agency |
    Country | Represented in Noordwijk"; a "No" is an agency noted absent."""
    out = {m.local: m for m in meetings}
    for row in ctx.rows.values():
        said, name = row.cells.get("attended"), row.cells.get("agency")
        if said is None or name is None or row.about_meetings:
            continue
        present = bool(_SAID_YES.fullmatch(said.text))
        if not present and not _SAID_NO.fullmatch(said.text):
            continue
        tokens = ctx.text.tokens_in(name.start, name.end)
        s = ctx.sentences[row.sentence]
        local = _meeting_of_column(ctx, s, row.headers.get("attended", ""), meetings)
        if not tokens or local is None:
            continue
        agency, meeting = AgencyRef(tokens[0].acronym), out[local]
        if agency in meeting.participants or agency in meeting.absent:
            continue
        out[local] = _with_participants(
            ctx, meeting, [agency] if present else [], [] if present else [agency], s
        )
    return [out[m.local] for m in meetings]


def _meeting_of_column(
    ctx: Context, s: Sentence, header: str, meetings: list[Meeting]
) -> int | None:
    """The meeting an attendance column is of: the one whose city its header names
    ("Represented in Noordwijk"), else the only meeting, else the closest one before it."""
    named = [m for m in meetings if m.city and re.search(rf"\b{re.escape(m.city)}\b", header)]
    if len(named) == 1 or len(meetings) == 1:
        return (named or meetings)[0].local
    before = [local for i, local in sorted(ctx.meeting_of.items()) if i < s.index]
    return before[-1] if before else None


def add_members_but(
    ctx: Context, meetings: list[Meeting], member_lists: list[MemberList]
) -> list[Meeting]:
    """Participants of a meeting said to be "all member agencies except X and Y": the member
    list the document gives (the one nearest that sentence), less the agencies noted absent."""
    out = {m.local: m for m in meetings}
    listed = [ml for ml in member_lists if ml.members]
    for s in ctx.sentences:
        local = ctx.meeting_for(s)
        if local is None or not listed or not ALL_MEMBERS_BUT.search(s.masked):
            continue
        meeting = out[local]
        nearest = min(listed, key=lambda ml: abs(ml.evidence.start - s.start))
        if meeting.participants or abs(nearest.evidence.start - s.start) > _MEMBER_LIST_NEAR:
            continue
        present = [a for a in nearest.members if a not in meeting.absent]
        out[local] = _with_participants(ctx, meeting, present, [], s)
    return [out[m.local] for m in meetings]


_MEMBER_LIST_NEAR = 1500  # characters: the list "in the box below", not one pages away


def _meeting_beside(ctx: Context, s: Sentence, meetings: list[Meeting]) -> int | None:
    """The meeting a sentence of its own speaks of: that of the closest meeting sentence, one
    before it first (a list follows its meeting); far from every mention, the only meeting, or
    the one whose city it names ("The following agencies were represented in Saint-Hubert:")."""
    near = sorted(
        (i for i in ctx.meeting_of if abs(i - s.index) <= 3),
        key=lambda i: (i > s.index, abs(i - s.index)),
    )
    if near:
        return ctx.meeting_of[near[0]]
    named = [m for m in meetings if m.city and re.search(rf"\b{re.escape(m.city)}\b", s.text)]
    if len(meetings) == 1 or len(named) == 1:
        return (named or meetings)[0].local
    return None


def _with_participants(
    ctx: Context,
    meeting: Meeting,
    present: list[AgencyRef],
    absent: list[AgencyRef],
    where: Sentence,
) -> Meeting:
    """The meeting with more agencies present (and absent), and the sentence naming them as its
    participants' evidence if it had none."""
    return replace(
        meeting,
        participants=meeting.participants + tuple(present),
        absent=meeting.absent + tuple(absent),
        participant_evidence=meeting.participant_evidence or ctx.evidence(where),
    )


def add_absentees(ctx: Context, meetings: list[Meeting]) -> list[Meeting]:
    """Agencies noted as not attending ("KARI did not attend"), moved out of the participants."""
    out = {m.local: m for m in meetings}
    for s in ctx.sentences:
        local = ctx.meeting_for(s)
        if local is None or (s.index not in ctx.meeting_of and not _ATTENDANCE.search(s.text)):
            continue
        found: list[lists.Item] = []
        for m in ABSENT_BEFORE.finditer(s.masked):
            found += lists.items_before(ctx.text, ctx.registry, s.start, s.start + m.start())
        for m in ABSENT_AFTER.finditer(s.masked):
            found += lists.items_after(ctx.text, ctx.registry, s.start + m.end(), s.end)
        if found:
            meeting = out[local]
            gone = [a for a in lists.agencies(found) if a not in meeting.absent]
            out[local] = replace(
                meeting,
                absent=meeting.absent + tuple(gone),
                participants=tuple(a for a in meeting.participants if a not in gone),
            )
    return [out[m.local] for m in meetings]
