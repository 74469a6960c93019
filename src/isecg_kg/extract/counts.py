"""Counts of agencies: "14 space agencies", "twenty-three member agencies", "24 of the 28 members".

A count is a number (digits or words) followed, after at most a few modifiers ("space",
"member", "partner"), by a noun the lexicon counts (``count.nouns``). What the count counts
(those who took part, the members) is the role stage's business, as for a list.
"""

from __future__ import annotations

from dataclasses import dataclass

from .context import Context, Sent
from .tokens import TENS, Token

_MAX_MODIFIERS = 4
# Words between "of" and the whole a part is counted of ("9 of the group's 12 members").
_OWNERS = frozenset(("the", "its", "isecg", "isecg's", "group", "group's", "'s", "their", "our"))


@dataclass(frozen=True)
class Count:
    """A stated count: its value, the noun it counts and its token span in the sentence."""

    value: int
    noun: str
    start: int
    end: int
    of_total: int | None = None  # "24 of the 28 member agencies": the 28
    marked: str | None = None  # a footnote mark after the noun ("11 space agencies*")


def _number(toks: list[Token], i: int) -> tuple[int, int] | None:
    """The number at token ``i`` and the token after it ("twenty three" is one number)."""
    t = toks[i]
    if not t.is_num:
        return None
    value, j = t.value or 0, i + 1
    if t.key in TENS and j < len(toks) and toks[j].is_num and (toks[j].value or 0) < 10:
        value += toks[j].value or 0
        j += 1
    return value, j


def find_counts(ctx: Context, sent: Sent) -> list[Count]:
    """Every count of agencies in a sentence, left to right."""
    toks = sent.toks
    nouns = ctx.lex.phrases("count.nouns")
    modifiers = ctx.lex.words("count.modifiers")
    before = ctx.lex.phrases("count.members_before")
    out: list[Count] = []
    i = 0
    while i < len(toks):
        found = _number(toks, i)
        if found is None or (i and toks[i - 1].key in ("no", "number", "#")):
            i += 1
            continue
        value, j = found
        if i + 1 < len(toks) and toks[i + 1].key in ("%", "percent", "per"):
            i = j
            continue
        lead = before.ending_at(toks, i)
        if lead is not None:  # "bringing membership to 26 (agencies)"
            noun = nouns.at(toks, j) if j < len(toks) else None
            out.append(Count(value, "membership", lead.start, noun.end if noun else j))
            i = j
            continue
        k, steps = j, 0
        total = None
        while k < len(toks) and steps <= _MAX_MODIFIERS:
            m = nouns.at(toks, k)
            if m is not None:
                end = m.end
                mark = None
                if end < len(toks) and toks[end].key in ("*", "†"):
                    mark = toks[end].key
                    while end + 1 < len(toks) and toks[end + 1].key == "*":
                        mark += "*"
                        end += 1
                    end += 1
                out.append(Count(value, toks[m.start].key, i, end, total, mark))
                break
            if toks[k].key == "of" and k + 1 < len(toks):  # "24 of the 28 members"
                nxt = k + 1
                while nxt < len(toks) and toks[nxt].key in _OWNERS:
                    nxt += 1
                inner = _number(toks, nxt) if nxt < len(toks) else None
                if inner is not None:
                    total = inner[0]
                    k = inner[1]
                    steps += 1
                    continue
            if toks[k].key not in modifiers and toks[k].kind != "agency":
                break
            k += 1
            steps += 1
        i = j
    return out
