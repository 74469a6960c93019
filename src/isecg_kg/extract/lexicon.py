"""The cue lexicon (``data/lexicon.toml``) and the gazetteer (``data/gazetteer.toml``), as data.

A lexicon entry is a phrase of words, matched token by token against a sentence's tokens
(``tokens.Token.key``): "took part", "representatives of/from" (a slash gives the alternatives
for one word), "{num}" and "{ord}" for any number or ordinal token, and an optional weight
("attended by @2"). Nothing here is a pattern: the stages decide what a match means by where it
stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Any, Protocol

from .. import resources
from ..errors import IsecgError
from ..gazetteer import read_toml

NUM, ORD = "{num}", "{ord}"


class Keyed(Protocol):
    """What a phrase is matched against: a token's matching key and its classes."""

    key: str
    is_num: bool
    is_ord: bool


@dataclass(frozen=True)
class Phrase:
    """A lexicon entry: its words (each a set of alternatives), weight and the list it is in."""

    slots: tuple[frozenset[str], ...]
    weight: float
    source: str  # the entry as written, for reports and tests

    def __len__(self) -> int:
        return len(self.slots)


@dataclass(frozen=True)
class Match:
    """A phrase found at tokens ``start`` to ``end`` (exclusive)."""

    start: int
    end: int
    phrase: Phrase

    @property
    def weight(self) -> float:
        return self.phrase.weight


def _slot_ok(slot: frozenset[str], tok: Keyed) -> bool:
    return tok.key in slot or (NUM in slot and tok.is_num) or (ORD in slot and tok.is_ord)


class PhraseSet:
    """Phrases indexed by their first word, longest first, for matching over tokens."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        index: dict[str, list[Phrase]] = {}
        for p in phrases:
            for first in p.slots[0]:
                index.setdefault(first, []).append(p)
        for ps in index.values():
            ps.sort(key=lambda p: -len(p))
        self._index = index

    def __bool__(self) -> bool:
        return bool(self._index)

    def at(self, toks: Sequence[Keyed], i: int) -> Match | None:
        """The longest phrase starting at token ``i``."""
        tok = toks[i]
        found: Match | None = None
        for key in (tok.key, NUM if tok.is_num else None, ORD if tok.is_ord else None):
            for p in self._index.get(key or "", ()):
                if found is not None and len(p) <= found.end - found.start:
                    break
                if i + len(p) <= len(toks) and all(
                    _slot_ok(slot, toks[i + k]) for k, slot in enumerate(p.slots)
                ):
                    found = Match(i, i + len(p), p)
                    break
        return found

    def find(self, toks: Sequence[Keyed], start: int = 0, end: int | None = None) -> list[Match]:
        """Every phrase in ``toks[start:end]``, left to right, the longest at each place; a
        match does not overlap the one before it."""
        end = len(toks) if end is None else min(end, len(toks))
        out: list[Match] = []
        i = start
        while i < end:
            m = self.at(toks, i)
            if m is not None and m.end <= end:
                out.append(m)
                i = m.end
            else:
                i += 1
        return out

    def ending_at(self, toks: Sequence[Keyed], j: int, reach: int = 8) -> Match | None:
        """The longest phrase that ends right before token ``j``."""
        best: Match | None = None
        for i in range(max(0, j - reach), j):
            m = self.at(toks, i)
            if m is not None and m.end == j and (best is None or m.start < best.start):
                best = m
        return best


class Lexicon:
    """Named word lists and phrase sets of ``data/lexicon.toml``."""

    def __init__(self, data: dict[str, Any], tokenize) -> None:
        self._data = data
        self._tokenize = tokenize
        self._sets: dict[str, PhraseSet] = {}

    def strings(self, name: str) -> list[str]:
        """A list of entries as written (``"roles.participant.before"``)."""
        node: Any = self._data
        for part in name.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"the lexicon has no list {name!r}")
            node = node[part]
        if not isinstance(node, list):
            raise KeyError(f"{name!r} in the lexicon is not a list")
        return [str(x) for x in node]

    def words(self, name: str) -> frozenset[str]:
        """A list of entries as a set of case-folded words."""
        return frozenset(s.casefold() for s in self.strings(name))

    def phrases(self, *names: str) -> PhraseSet:
        """The entries of one or more lists as a phrase set."""
        key = "|".join(names)
        if key not in self._sets:
            self._sets[key] = PhraseSet(p for n in names for p in self._parse(n))
        return self._sets[key]

    def _parse(self, name: str) -> list[Phrase]:
        out = []
        for entry in self.strings(name):
            text, weight = entry, 1.0
            head, sep, tail = entry.rpartition("@")
            if sep and tail.replace(".", "", 1).isdigit():
                text, weight = head.strip(), float(tail)
            # "representatives of/from": one phrase for each alternative
            choices = [w.split("/") if "/" in w.strip("/") else [w] for w in text.split()]
            for words in product(*choices):
                slots: list[frozenset[str]] = []
                for word in words:
                    if word in (NUM, ORD):
                        slots.append(frozenset({word}))
                    else:
                        slots.extend(frozenset({k}) for k in self._tokenize(word))
                if slots:
                    out.append(Phrase(tuple(slots), weight, entry))
        if not out and self.strings(name):
            raise IsecgError(f"the lexicon list {name!r} has no usable entry", field=name)
        return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped cue lexicon."""
    from .tokens import keys

    return Lexicon(read_toml(resources.resource("data", "lexicon.toml")), keys)
