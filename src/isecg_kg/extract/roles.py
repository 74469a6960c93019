"""Roles: what a list of agencies (or one agency, or a count) is, from the cue words around it.

Each role's cues come from the lexicon (``roles.*``): cues written before the agencies ("attended
by") and after them ("took part"). A cue counts in the agencies' own clause only, on its own
side, and weighs less the farther it stands (other agencies between it and the list take it for
themselves first). The best-scoring role wins. A cue in the future or a plan ("will join", "is
expected to attend") makes the role planned; a negation before it ("did not take part" is an
absent cue of its own) denies it, and a denied attendance is an absence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import pairwise

from .context import Context, Sent
from .groups import Group
from .lexicon import Match
from .places import city_at
from .tokens import Token

ROLES = ("participant", "absent", "member", "join", "host", "none")
# Roles one list may have at once: members who all took part, an agency that joined and took
# part in its first meeting.
_COMPATIBLE = {
    "member": ("participant",),
    "participant": ("member", "join"),
    "join": ("participant", "member"),
}
THRESHOLD = 0.4
_NEG_WINDOW = 4  # tokens before a cue where a negation denies it
_MODAL_WINDOW = 7  # tokens before a cue where a modal or future word makes it a plan
_OTHER_GROUP = 3  # what another list between a cue and this one adds to their distance
_INTRO_BONUS = 1.5  # a block's intro speaks of the block as a whole
_HEADER_CELLS = 3
# Words opening a sentence after a list that speak of the whole list ("All of them took part").
_BACK_REFERENCES = frozenset(
    ("all", "they", "these", "each", "every", "both", "those", "none")
)  # short lines above a block's intro that may be its table's header cells


@dataclass
class Role:
    """The role a group (or span) takes, with the cue that decided it."""

    name: str | None
    score: float = 0.0
    cue: Match | None = None
    sent: Sent | None = None
    planned: bool = False
    negated: bool = False
    scores: dict[str, float] = field(default_factory=dict)
    also: tuple[str, ...] = ()  # a second role the same words give ("members, all present")

    def is_(self, name: str) -> bool:
        return (self.name == name or name in self.also) and not self.planned


_PREPS = frozenset(("in", "at", "during", "for"))
_DETERMINERS = frozenset(("the", "this", "that", "its", "their", "today", "yesterday", "'s"))


_ASIDE_MAX = 8  # tokens of an aside between its commas


def asides(ctx: Context, toks: list[Token]) -> list[tuple[int, int]]:
    """Asides set off by commas (", all of them ISECG members,"): (first, last + 1) tokens,
    commas included."""
    openers = ctx.lex.phrases("clauses.asides")
    out = []
    for k, t in enumerate(toks[:-1]):
        if t.key != "," or openers.at(toks, k + 1) is None:
            continue
        close = next(
            (j for j in range(k + 2, min(len(toks), k + 2 + _ASIDE_MAX)) if toks[j].key == ","),
            None,
        )
        if (
            close is not None
            and not any(x.kind == "agency" for x in toks[k + 1 : close])
            and (close + 1 < len(toks) and toks[close + 1].key != "and")
        ):
            out.append((k, close + 1))
    return out


def _compact(ctx: Context, toks: list[Token], events: list[Match]) -> tuple[list[Token], list[int]]:
    """The tokens with the phrases that only say where the agencies took part left out ("in
    the Berlin meeting", "at today's session", "in Noordwijk"), and asides, so that a cue reads
    across them ("Taking part in the Berlin meeting were:"); and each kept token's index."""
    skip: set[int] = set()
    for a, b in asides(ctx, toks):
        skip.update(range(a, b))
    for e in events:
        k = e.start - 1
        while k >= 0 and e.start - k <= 4 and toks[k].key not in _PREPS:
            if toks[k].kind == "punct" and toks[k].key != "'s":
                break
            k -= 1
        if k >= 0 and toks[k].key in _PREPS:
            skip.update(range(k, e.end))
    for k, t in enumerate(toks[:-1]):
        if t.key in ("in", "at") and (place := city_at(ctx, toks, k + 1)) is not None:
            nxt = next((j for j in range(place.end, len(toks)) if j not in skip), len(toks))
            if nxt < len(toks) and toks[nxt].key in ("were", "was", ":"):
                skip.update(range(k, place.end))
    for k, t in enumerate(toks[:-1]):  # "hosted the week of 7 November by ISRO"
        if t.kind == "date" and toks[k + 1].key == "by":
            skip.update(range(k - 1 if k and toks[k - 1].key in ("on", "in") else k, k + 1))
    kept = [k for k in range(len(toks)) if k not in skip]
    return [toks[k] for k in kept], kept


def _colon_of(toks: list[Token], longer: Match, m: Match) -> bool:
    """ "Eleven agencies attended: ASI, ...": a cue that is the longer one less its colon says
    of the words before it what the longer says of the list after it."""
    return (
        longer.start == m.start
        and longer.end == m.end + 1
        and m.end < len(toks)
        and toks[m.end].key == ":"
    )


def _at(where: list[int], k: int) -> int:
    """The index in the compact view of the first kept token at or after ``k``."""
    return next((i for i, x in enumerate(where) if x >= k), len(where))


def _ends_line(toks: list[Token], j: int, kept: set[int]) -> bool:
    """Whether only punctuation, brackets and left-out where-phrases follow token ``j``."""
    depth = 0
    for k in range(j, len(toks)):
        t = toks[k]
        if t.key == "(":
            depth += 1
        elif t.key == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and k in kept and t.kind != "punct":
            return False
    return True


def _has_list(ctx: Context, name: str) -> bool:
    try:
        ctx.lex.strings(name)
    except KeyError:
        return False
    return True


def _relative_length(toks: list[Token], a: int, b: int) -> int:
    """The length of a relative clause set off by commas right after a list (", which also
    signed the 2007 strategy,"): a verb after it is the list's own."""
    if a + 1 < b and toks[a].key == "," and toks[a + 1].key in ("which", "who", "whose"):
        close = next((k for k in range(a + 2, b) if toks[k].key == ","), None)
        if close is not None:
            return close + 1 - a
    return 0


def _heading(sent: Sent) -> bool:
    """A heading or a line announcing what follows ("... are listed below:"), not prose."""
    text = sent.text.rstrip()
    return text.endswith(":") or (len(sent.toks) <= 12 and not text.endswith((".", "!", "?")))


def decay(distance: float) -> float:
    """A cue's weight at ``distance`` tokens from the agencies it speaks of."""
    return 1.0 if distance <= 1 else 1.0 / (1.0 + 0.15 * (distance - 1))


def clause(ctx: Context, sent: Sent, start: int, end: int) -> tuple[int, int]:
    """The token span of the clause around ``start``..``end``: up to a clause break."""
    toks = sent.toks
    breaks = ctx.lex.phrases("clauses.breaks").find(toks)
    carry = ctx.lex.words("clauses.carry")
    left, right = 0, len(toks)
    for m in breaks:
        # "...membership has risen to 27 agencies; in alphabetical order they are: A, B":
        # a clause of only such words carries the one before it on
        if m.end <= start and not all(t.key in carry for t in toks[m.end : start]):
            left = max(left, m.end)
        elif m.start >= end:
            right = min(right, m.start)
    return left, right


def _window_has(ctx: Context, toks: list[Token], a: int, b: int, name: str) -> bool:
    return bool(ctx.lex.phrases(name).find(toks, max(0, a), b))


def _between_groups(groups: list[tuple[int, int]], a: int, b: int) -> int:
    return sum(1 for s, e in groups if s >= a and e <= b)


def score_span(
    ctx: Context,
    sent: Sent,
    start: int,
    end: int,
    others: list[tuple[int, int]] = (),
    *,
    weight: float = 1.0,
    at_end: bool = False,
) -> dict[str, tuple[float, Match, bool, bool]]:
    """Each role's best cue for tokens ``start``..``end`` of a sentence: (score, cue, planned,
    negated). ``at_end``: the span stands for a list set out after the sentence (a block's
    intro), so every cue of the sentence is before it."""
    toks = sent.toks
    if at_end:  # every clause of an intro speaks of the list after it
        start = end = left = right = len(toks)
        left = 0
    else:
        left, right = clause(ctx, sent, start, end)
    best: dict[str, tuple[float, Match, bool, bool]] = {}
    events = ctx.lex.phrases("event.nouns").find(toks, left, right)
    view, where = _compact(ctx, toks, events)
    sides = ("before", "after", "heading") if at_end else ("before", "after")
    every = {
        (role, side): [
            Match(where[m.start], where[m.end - 1] + 1, m.phrase)
            for m in ctx.lex.phrases(f"roles.{role}.{side}").find(
                view, _at(where, left), _at(where, right)
            )
        ]
        for role in ROLES
        for side in sides
        if side != "heading" or _has_list(ctx, f"roles.{role}.heading")
    }
    # where cues of two roles overlap, the longer phrase says what the words mean ("joined
    # remotely" is an attendance, not a join)
    spans = [m for ms in every.values() for m in ms]
    for key, ms in every.items():
        every[key] = [
            m
            for m in ms
            if not any(
                o.start <= m.start
                and m.end <= o.end
                and (o.end - o.start) > (m.end - m.start)
                and not _colon_of(toks, o, m)
                for o in spans
            )
        ]
    for a, b in asides(ctx, toks):  # what an aside says of the list: its own cues
        if left <= a < right:
            for (role, side), ms in every.items():
                if side != "heading":
                    ms.extend(ctx.lex.phrases(f"roles.{role}.{side}").find(toks, a, b))
    kept = set(where)
    for (role, side), ms in list(every.items()):
        if side == "heading":  # a heading's words only where they end the line ("DELEGATIONS:",
            # "Participants in the ISECG meeting (Kyoto, August 30-31, 2011)")
            every[(role, side)] = [m for m in ms if _ends_line(toks, m.end, kept)]
    for role in ROLES:
        for side in sides:
            found = every.get((role, side), [])
            if at_end:  # "... are listed below; all of them took part": every cue before
                pass
            elif side == "before":
                found = [m for m in found if m.end <= start]
            else:
                found = [m for m in found if m.start >= end]
            for m in found:
                if any(
                    e.start <= m.start < e.end and len(e.phrase) > len(m.phrase) for e in events
                ):
                    continue  # "heads of" in "the heads of agency meeting"
                if at_end:  # an intro speaks of its list as a whole: its cues weigh alike
                    distance = (len(toks) - m.end) / 2
                elif side == "before":
                    distance = start - m.end + _OTHER_GROUP * _between_groups(others, m.end, start)
                else:
                    distance = m.start - end + _OTHER_GROUP * _between_groups(others, end, m.start)
                    distance -= _relative_length(toks, end, m.start)
                s = weight * m.weight * decay(distance)
                lo = m.start if side == "before" or at_end else end
                planned = _window_has(
                    ctx, toks, max(left, lo - _MODAL_WINDOW), m.start, "modality.future"
                ) or _window_has(ctx, toks, m.start, m.end, "modality.future")
                planned = planned or _window_has(
                    ctx, toks, m.end, min(right, m.end + 5), "modality.future_after"
                )
                if (
                    planned
                    and role == "join"
                    and _window_has(ctx, toks, m.end, right, "join.effective")
                ):
                    planned = False  # "The membership application of NZSA was approved in May"
                negated = role != "absent" and _window_has(
                    ctx, toks, max(left, m.start - _NEG_WINDOW), m.end, "modality.negation"
                )
                if (
                    role == "participant"
                    and side == "after"
                    and _elsewhere(ctx, toks, m.end, right)
                ):
                    continue  # "took part in the heads of agency plenary of the congress"
                if side == "after" and not at_end and _own_subject(toks, end, m.start):
                    continue  # "... with NASA and CNES, and it also became a member of GEO"
                if role == "join" and _other_body(ctx, toks, m.end):
                    continue  # "became a member of the Group on Earth Observations"
                if role not in best or s > best[role][0]:
                    best[role] = (s, m, planned, negated)
    return best


_SUBJECTS = frozenset(("it", "he", "she", "they", "we", "i", "you"))


def _own_subject(toks: list[Token], a: int, b: int) -> bool:
    """Whether a verb after a list has a subject of its own between them ("..., and it")."""
    return any(t.key in _SUBJECTS for t in toks[a:b])


def _other_body(ctx: Context, toks: list[Token], j: int) -> bool:
    """Whether a join's words name another body it joined: "a member of <not the group>"."""
    if j + 1 >= len(toks) or toks[j].key != "of":
        return False
    k = j + 1
    if toks[k].key == "the":
        k += 1
    window = toks[k : k + 6]
    names = ctx.lex.phrases("group.names", "group.refs")
    return bool(window) and window[0].capitalised and not names.find(toks, j + 1, k + 6)


def _elsewhere(ctx: Context, toks: list[Token], j: int, right: int) -> bool:
    """Whether an attendance verb at ``j`` is followed by another gathering it took place in."""
    if j >= right or toks[j].key not in ("in", "at"):
        return False
    window = min(right, j + 9)
    others = ctx.lex.phrases("event.other").find(toks, j, window)
    own = ctx.lex.phrases("group.names").find(toks, j, window)
    return bool(others) and not own


def _decide(best: dict[str, tuple[float, Match, bool, bool]], sent: Sent) -> Role:
    scores = {r: v[0] for r, v in best.items()}
    if not best:
        return Role(None, sent=sent)
    # on a tie a join is the more telling ("The ISECG members welcomed NOSA, admitted ...")
    role = max(best, key=lambda r: (best[r][0], r == "join", -ROLES.index(r)))
    s, cue, planned, negated = best[role]
    if s < THRESHOLD:
        return Role(None, s, sent=sent, scores=scores)
    if negated:
        if role == "participant":
            return Role("absent", s, cue, sent, planned, True, scores)
        return Role(None, s, cue, sent, planned, True, scores)
    also = tuple(
        other
        for other in _COMPATIBLE.get(role, ())
        if other in best
        and best[other][0] >= THRESHOLD * 2
        and not best[other][2]
        and not best[other][3]
        and best[other][1] is not cue
    )
    return Role(role, s, cue, sent, planned, False, scores, also)


def role_of(ctx: Context, g: Group, others: list[Group] = ()) -> Role:
    """The role of a group: from its own clause, or for a list set out one item a line, from
    the line that introduces it (and the heading over that)."""
    spans = [o.span for o in others if o is not g and o.sent is g.sent]
    if not g.block:
        a, b = g.span
        scores = score_span(ctx, g.sent, a, b, spans)
        toks = g.sent.toks
        colon = a - 1
        while colon > 0 and toks[colon].key in ("the", "a", "an"):
            colon -= 1
        if colon > 0 and toks[colon].key == ":" and all(t.kind == "punct" for t in toks[b:]):
            # "three agencies that became members in 2019 ...: ASA, ROSA and SSO": a list
            # closing its sentence after a colon is what the words before the colon announce
            intro = replace(g.sent, toks=toks[:colon])
            for role, v in score_span(ctx, intro, colon, colon, at_end=True).items():
                if role not in scores or v[0] > scores[role][0]:
                    scores[role] = v
        return _decide(scores, g.sent)
    best: dict[str, tuple[float, Match, bool, bool]] = {}
    sources = []
    if g.intro is not None:
        sources.append((g.intro, _INTRO_BONUS))
        above = ctx.before(g.intro)
        # a table's header cells set out one a line ("Organisation", "Country") stand between
        # the list and its heading ("Delegations")
        hops = 0
        while (
            above is not None
            and hops < _HEADER_CELLS
            and len(above.toks) <= 3
            and not any(t.kind == "agency" for t in above.toks)
        ):
            sources.append((above, 1.0))
            above = ctx.before(above)
            hops += 1
        if above is not None and above.paragraph != g.intro.paragraph and _heading(above):
            sources.append((above, 1.0))
    for sent, weight in sources:
        for role, v in score_span(ctx, sent, 0, 0, weight=weight, at_end=True).items():
            if role not in best or v[0] > best[role][0]:
                best[role] = v
    after = ctx.after(g.lines[-1])
    if after is not None and after.toks and after.toks[0].key in _BACK_REFERENCES:
        for role, v in score_span(ctx, after, 0, 0).items():
            if role not in best or v[0] > best[role][0]:
                best[role] = v
    decided = _decide(best, g.intro or g.sent)
    return decided


def gapped(ctx: Context, groups: list, roles: dict[int, Role]) -> None:
    """Clauses that leave out the verb they share: "Europe was represented by ESA; Asia by
    JAXA and KARI; and North America by NASA": a group after a clause break, with only a
    place and the cue's last word before it, takes the role of the group before it."""
    by_sentence: dict[int, list] = {}
    for g in groups:
        if not g.block:
            by_sentence.setdefault(g.sent.index, []).append(g)
    for gs in by_sentence.values():
        gs.sort(key=lambda g: g.start)
        for prev, g in pairwise(gs):
            before, role = roles[id(prev)], roles[id(g)]
            if role.name is not None or before.name is None or before.cue is None:
                continue
            toks = g.sent.toks
            same = ctx.lex.phrases("roles.same.before")
            k = g.start
            while k > prev.end and toks[k - 1].key in ("the", "a", "an"):
                k -= 1
            if same.ending_at(toks, k) is not None:  # "..., as did the Romanian Space Agency"
                roles[id(g)] = replace(before, score=before.score * 0.9, sent=g.sent)
                continue
            last = toks[before.cue.end - 1].key  # "represented by": "by"
            k = g.start - 1
            if k < 1 or toks[k].key != last:
                continue
            j = k
            filler = ctx.lex.words("roles.same.gap_words")  # "the Asia-Pacific region by ..."
            while j > 0 and (toks[j - 1].capitalised or toks[j - 1].key in filler) and k - j < 5:
                j -= 1
            if not any(t.capitalised for t in toks[j:k]):
                continue
            if j > 0 and toks[j - 1].key == "and":
                j -= 1
            if j > 0 and toks[j - 1].key in (";", ","):
                roles[id(g)] = replace(before, score=before.score * 0.9, sent=g.sent)


def carried(ctx: Context, groups: list, roles: dict[int, Role]) -> None:
    """A line that carries the list above it on ("NASA, ESA, JAXA" then "... plus the host,
    the Canadian Space Agency"): its agencies have the list's role too."""
    words = ctx.lex.phrases("groups.continuations")
    blocks = {g.lines[-1].index: g for g in groups if g.block}
    for g in groups:
        if g.block:
            continue
        above = blocks.get(g.sent.index - 1)
        if above is None or words.at(g.sent.toks, 0) is None:
            continue
        role, theirs = roles[id(g)], roles[id(above)]
        if theirs.name is None or role.is_(theirs.name):
            continue
        if role.name is None:
            roles[id(g)] = replace(theirs, sent=g.sent)
        else:
            roles[id(g)] = replace(role, also=(*role.also, theirs.name, *theirs.also))
        # the list above goes on with these ("All 4 member agencies: NASA, ESA, JAXA ... and
        # also the newest member, KARI"): one list, its count counting them too
        toks = g.sent.toks
        above.items.extend(
            replace(it, at=toks[min(it.start, len(toks) - 1)].start) for it in g.items
        )
