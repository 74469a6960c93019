"""Chairmanship: the chair passing from one agency to another, or held by one.

A sentence with a chair word (``chair.nouns``) is read agency by agency: one written after a
word that names the outgoing chair ("from ESA", "succeeding NASA") is the outgoing chair, after
one that names the incoming ("to CSA", "assumed by JAXA") the incoming; otherwise an agency
before a verb of giving the chair up ("handed", "passed", "ceded") is the outgoing one and before
a verb of taking it ("took over", "assumed", "became") the incoming. A sentence with an
incoming chair is a change; one that only says who holds the chair ("chaired by NASA", "CSA, the
current chair") states it, and a chair held "since" a date began then. A change in the future
("will assume the chair") is not yet one. When: the date of its clause, else the meeting the
sentence tells of.
"""

from __future__ import annotations

from dataclasses import replace

from ..facts import AgencyRef, ChairChange, When
from .context import Context, Sent, resolve_date
from .lexicon import Match
from .meetings import Found
from .roles import clause
from .tokens import Token

_REACH = 8  # tokens between an agency and the verb it is the subject of
_SKIP = frozenset(("the", "a", "an", "its", "isecg's", "group's", "new", "current"))


def _agency(ctx: Context, t: Token) -> str:
    return ctx.text.tokens[t.ref].acronym


def _before(ctx: Context, toks: list[Token], k: int, name: str) -> Match | None:
    """A phrase of ``name`` right before the agency at ``k`` (articles and a country's
    possessive between: "to France's CNES")."""
    j = k
    while j > 0:
        if toks[j - 1].key in _SKIP:
            j -= 1
        elif j > 1 and toks[j - 1].key == "'s" and toks[j - 2].capitalised:
            j -= 2
        else:
            break
    return ctx.lex.phrases(name).ending_at(toks, j, 6)


def _subject_of(ctx: Context, toks: list[Token], k: int, right: int, name: str) -> Match | None:
    """A verb of ``name`` the agency at ``k`` is the subject of, before the clause ends."""
    phrases = ctx.lex.phrases(name)
    j = k + 1
    steps = 0
    while j < right and steps <= _REACH:
        t = toks[j]
        if t.kind == "agency":
            return None
        if t.key == "," and j + 1 < len(toks) and toks[j + 1].key in ("which", "who", "whose"):
            # ", which took over the chair from ESA," tells what the agency did; ", which had
            # hosted the meeting," stands between it and its verb
            close = next(
                (x for x in range(j + 2, min(len(toks), j + 25)) if toks[x].key == ","), len(toks)
            )
            inside = next((m for x in range(j + 2, close) if (m := phrases.at(toks, x))), None)
            if inside is not None:
                return inside
            j = close + 1
            continue
        if t.key == "," and j > k + 1 and name == "chair.state":
            return None  # "Under ESA's leadership, the chair of the panel spoke": another clause
        m = phrases.at(toks, j)
        if m is not None:
            return m
        j += 1
        steps += 1
    return None


def _roles(ctx: Context, sent: Sent) -> tuple[list[str], list[str], list[str], list[int]]:
    """The incoming, outgoing and holding agencies of a chair sentence, and the tokens where
    each chair word stands."""
    toks = sent.toks
    nouns = ctx.lex.phrases("chair.nouns").find(toks)
    to, frm, held = [], [], []
    for k, t in enumerate(toks):
        if t.kind != "agency":
            continue
        acronym = _agency(ctx, t)
        left, right = clause(ctx, sent, k, k + 1)
        if not any(left <= m.start < right for m in nouns):
            continue
        if _before(ctx, toks, k, "chair.from_words"):
            frm.append(acronym)
        elif _before(ctx, toks, k, "chair.thanks"):
            if any(k < m.start <= k + _THANKS_REACH for m in nouns):
                frm.append(acronym)  # "thanked KARI for its chairmanship"
        elif _before(ctx, toks, k, "chair.to_words"):
            taking = _subject_of(ctx, toks, k, right, "chair.take")  # "..., which takes over"
            taking = taking is not None and _key(toks, taking) not in _HOLDING
            state = _before(ctx, toks, k, "chair.state") and not taking
            (held if state else to).append(acronym)
        elif _subject_of(ctx, toks, k, right, "chair.give"):
            frm.append(acronym)
        elif (m := _subject_of(ctx, toks, k, right, "chair.take")) is not None:
            (held if _key(toks, m) in _HOLDING else to).append(acronym)
        elif _subject_of(ctx, toks, k, right, "chair.state") or _before(
            ctx, toks, k, "chair.state"
        ):
            held.append(acronym)
    return to, frm, held, [m.start for m in nouns]


_THANKS_REACH = 5  # tokens after a thanked agency where the chair it held is named


def _key(toks: list[Token], m: Match) -> str:
    return " ".join(x.key for x in toks[m.start : m.end])


_HOLDING = frozenset(
    ("has held", "holds", "held", "chairs", "chaired", "has chaired", "leads", "led", "is chairing")
)


def _planned(ctx: Context, sent: Sent, at: list[int]) -> bool:
    toks = sent.toks
    first = min(at) if at else len(toks)
    left = clause(ctx, sent, first, first + 1)[0]
    end = min(len(toks), first + _PLAN_REACH)
    # "KARI took over the chairmanship ... and will lead the group": a plan of another clause
    end = next(
        (
            j
            for j in range(first + 1, end)
            if toks[j].key in _COORDINATORS and any(t.kind == "agency" for t in toks[first:j])
        ),
        end,
    )
    window = ctx.lex.phrases("modality.future").find(toks, left, end)
    return bool(window)


_PLAN_REACH = 8  # tokens after the chair word where a modal still speaks of the change
_COORDINATORS = frozenset(("and", "which", "who", "while", "but", ";", "whereas"))


def _when(
    ctx: Context, sent: Sent, found: Found, anchor: int | None = None
) -> tuple[When, int | None, bool]:
    """The sentence's own date, else its meeting's: (when, meeting, since); ``anchor``: the
    incoming chair's token (a date in a relative clause before it is another agency's)."""
    local = found.meeting_for(sent) if sent.index in found.of_sentence or found.meetings else None
    within = found.meetings[local].when if local is not None else None
    nouns = [m.start for m in ctx.lex.phrases("chair.nouns").find(sent.toks)]
    for k, t in enumerate(sent.toks):
        if t.kind != "date":
            continue
        dm = sent.date_of(t)
        when_clause = (
            k + 2 < len(sent.toks)
            and sent.toks[k + 1].key == ","
            and sent.toks[k + 2].key == "when"
        )  # "held the chair until 2009, when it passed to ESA"
        if ctx.is_dateline(dm) or (dm.prep in ("by", "until", "before") and not when_clause):
            continue
        rel = ctx.relative_clause(sent, k)
        if rel is not None and not any(n > rel for n in nouns):
            continue  # "CSA, taking over from DLR, which hosted ... last November"
        if rel is not None and anchor is not None and anchor > _clause_end(sent, k):
            continue  # "DLR, which had held the chair since 2016, passed over to NASA"
        if ctx.governor(sent, k) in ("other", "reference"):
            continue
        when = resolve_date(ctx, dm, within)
        if when is None or not (when.value or when.earliest):
            continue
        # "since June 2009", "from 2014 to 2015": the tenure began then
        since = (
            dm.prep in ("since", "from")
            or (k > 0 and sent.toks[k - 1].key in ("since", "from"))
            or _since_meeting(ctx, sent, max(0, k - 7), k)
        )  # "since its meeting in Rome last May"
        own = next((m for m, mt in enumerate(found.meetings) if _on(when, mt.when)), None)
        if own is not None and when.value and len(when.value) == 7:
            return found.meetings[own].when, own, since  # a month at a meeting of that month
        return when, own, since
    if local is not None and (sent.index in found.of_sentence or _near_meeting(sent, found, local)):
        when = found.meetings[local].when
        since = _since_meeting(ctx, sent)
        if when.value and len(when.value) == 10:  # "at the close of the meeting": its last day
            if when.end and ctx.lex.phrases("date.meeting_end").find(sent.toks):
                return When(value=when.end, note=_AT_MEETING), local, since
            return When(value=when.value, end=when.end, note=_AT_MEETING), local, since
        return when, local, since
    return When(note="the report gives no date"), None, False


_AT_MEETING = "the day of the meeting it happened at"


def _on(when: When, meeting: When) -> bool:
    """Whether a date falls on a meeting: its day within the meeting's days, or its month or
    year the meeting's."""
    a, b = meeting.value, meeting.end or meeting.value
    if not (when.value and a) or len(when.value) < 7:
        return False  # a year does not place it at that year's meeting
    if len(when.value) == 10 and len(a) == 10 and b and len(b) == 10:
        return a <= when.value <= b
    return a.startswith(when.value)


def _clause_end(sent: Sent, k: int) -> int:
    """The comma closing the clause token ``k`` stands in (the sentence's end if none)."""
    return next(
        (j for j in range(k + 1, len(sent.toks)) if sent.toks[j].key == ","), len(sent.toks)
    )


def _since_meeting(ctx: Context, sent: Sent, a: int = 0, b: int | None = None) -> bool:
    """ "Since that plenary meeting, the chair has rested with KARI": held from the meeting on."""
    nouns = ctx.lex.words("event.nouns")
    toks = sent.toks
    return any(
        toks[k].key == "since" and any(x.key in nouns for x in toks[k + 1 : k + 4])
        for k in range(a, len(toks) if b is None else b)
    )


def _near_meeting(sent: Sent, found: Found, local: int) -> bool:
    indices = found.mentions.get(local, [])
    return any(0 <= sent.index - i <= 6 for i in indices) or len(found.meetings) == 1


def find_chair_changes(ctx: Context, found: Found) -> list[ChairChange]:
    """Chair changes and chairs held, one fact per sentence that states one."""
    out: list[ChairChange] = []
    pending: tuple[str, When, int | None, int] | None = None  # a hand-over told before its heir
    for sent in ctx.sents:
        to, frm, held, at = _roles(ctx, sent)
        if at and frm and not (to or held) and not _planned(ctx, sent, at):
            # "The handover from ESA took place today": the outgoing chair (and the day) of
            # the change told just before, or of the one told next
            last = out[-1] if out else None
            if (
                last is not None
                and last.previous is None
                and not last.state
                and last.to.key != frm[0]
            ):
                when, meeting, _ = _when(ctx, sent, found)
                if not last.when.value and when.value:
                    last = replace(last, when=when, meeting=meeting)
                out[-1] = replace(last, previous=AgencyRef(frm[0]))
            else:
                when, meeting, _ = _when(ctx, sent, found)
                pending = (frm[0], when, meeting, sent.index)
            continue
        if not at or not (to or held):
            continue
        if _planned(ctx, sent, at):
            continue
        anchor = next(
            (
                k
                for k, t in enumerate(sent.toks)
                if t.kind == "agency" and to and _agency(ctx, t) == to[0]
            ),
            None,
        )
        when, meeting, since = _when(ctx, sent, found, anchor)
        evidence = ctx.evidence(sent)
        if to:
            previous = next((AgencyRef(a) for a in frm if a != to[0]), None)
            change = ChairChange(AgencyRef(to[0]), when, evidence, previous, meeting)
        elif since:  # "ESA has chaired ISECG since 20 May 2009, when it took over from JAXA"
            previous = next((AgencyRef(a) for a in frm if a != held[0]), None)
            change = ChairChange(AgencyRef(held[0]), when, evidence, previous, meeting)
        else:
            change = ChairChange(
                AgencyRef(held[0]), _held_when(ctx, when), evidence, None, meeting, state=True
            )
        if (
            pending is not None
            and sent.index - pending[3] <= _PENDING_REACH
            and change.previous is None
            and change.to.key != pending[0]
        ):
            # "The handover from CSA took place during the meeting on 10 June. ... ASI, as
            # chair, ...": the hand-over's heir, on the hand-over's day
            frm_key, p_when, p_meeting, _ = pending
            change = replace(
                change,
                previous=AgencyRef(frm_key),
                state=False,
                when=p_when if p_when.value else change.when,
                meeting=p_meeting if p_when.value else change.meeting,
            )
            pending = None
        same = next((i for i, c in enumerate(out) if _same(change, c)), None)
        if same is None:
            out.append(change)
            continue
        old = out[same]  # told again: keep what each telling adds (the date, the outgoing chair)
        better = not old.when.value or (
            old.when.note == _AT_MEETING and change.when.value and change.when.note != _AT_MEETING
        )  # a day the text states wins over the meeting's first day
        out[same] = replace(
            old,
            when=change.when if better else old.when,
            meeting=change.meeting if better and change.meeting is not None else old.meeting,
            previous=old.previous or change.previous,
        )
    return [replace(c, when=_as_known(c.when)) for c in out]


_PENDING_REACH = 6  # sentences after a hand-over "from X" where its heir may be told


def _as_known(when: When) -> When:
    """A date known only by bounds within one month (or one year) is known to that month."""
    if when.value or not (when.earliest and when.latest):
        return when
    a, b = when.earliest, when.latest
    if a[:7] == b[:7]:
        return replace(when, value=a[:7])
    if a[:4] == b[:4]:
        return replace(when, value=a[:4])
    return when


def _held_when(ctx: Context, when: When) -> When:
    if when.value:
        return when
    return replace(when, value=ctx.published) if ctx.published else when


def _same(a: ChairChange, b: ChairChange) -> bool:
    """Two sentences telling the same change (or the same chair held)."""
    return (
        a.to == b.to
        and a.state == b.state
        and (a.when.value == b.when.value or not a.when.value or not b.when.value)
    )
