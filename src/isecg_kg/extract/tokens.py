"""Tokens: a sentence as the stages read it, with agencies and dates as single tokens.

Every token keeps its span in ``Document.text``. Words are matched by ``key`` (case and accents
folded); an agency's name, however long, is one token (``key`` "<agency>"), and so is a date
expression ("30th November and 2nd December 2021"). Numbers and ordinals, in digits or words,
carry their value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..registry import fold

# fmt: off
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_ORD_UNITS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
              "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
              "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
_ORD_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40}
# fmt: on


def _number_words() -> dict[str, int]:
    words = {w: i for i, w in enumerate(_UNITS) if i}
    for tens, value in _TENS.items():
        words[tens] = value
        for i in range(1, 10):
            words[f"{tens}-{_UNITS[i]}"] = value + i
    return words


def _ordinal_words() -> dict[str, int]:
    words = {w: i for i, w in enumerate(_ORD_UNITS) if i}
    words.update(_ORD_TENS)
    for tens, value in _TENS.items():
        for i in range(1, 10):
            words[f"{tens}-{_ORD_UNITS[i]}"] = value + i
    return words


NUMBER_WORDS: dict[str, int] = _number_words()
ORDINAL_WORDS: dict[str, int] = _ordinal_words()
TENS = frozenset(_TENS)

# One token: an abbreviation with dots ("U.S.", "D.C."), an ordinal or number in digits, a word
# (hyphens inside), a possessive "'s", or any other character.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|\d+(?:st|nd|rd|th)\b|\d+|[^\W\d_][^\W_]*(?:-[^\W_]+)*|'s\b|\S"
)
AGENCY, DATE = "<agency>", "<date>"


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a sentence.

    ``kind``: "word", "num", "punct", "agency" or "date". ``ref`` is the index of the agency
    token (``text.Text.tokens``) or of the date mention (in the sentence's dates) it stands for.
    ``value``: a number's or ordinal's value.
    """

    kind: str
    text: str
    key: str
    start: int
    end: int
    ref: int = -1
    value: int | None = None
    is_ord: bool = False

    @property
    def is_num(self) -> bool:
        return self.value is not None and not self.is_ord

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    @property
    def capitalised(self) -> bool:
        return self.kind == "word" and self.text[:1].isupper()


def _plain(text: str, start: int) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        key = word.casefold()
        a, b = start + m.start(), start + m.end()
        if word.isdigit():
            out.append(Token("num", word, key, a, b, value=int(word)))
        elif word[:1].isdigit():
            out.append(Token("num", word, key, a, b, value=int(word[:-2]), is_ord=True))
        elif key in NUMBER_WORDS:
            out.append(Token("word", word, key, a, b, value=NUMBER_WORDS[key]))
        elif key in ORDINAL_WORDS:
            out.append(Token("word", word, key, a, b, value=ORDINAL_WORDS[key], is_ord=True))
        elif word[0].isalpha() or word == "'s":
            out.append(Token("word", word, key, a, b))
        else:
            out.append(Token("punct", word, key, a, b))
    return out


def keys(text: str) -> list[str]:
    """The matching keys of a phrase as the lexicon writes it."""
    return [t.key for t in _plain(fold(text), 0)]


def tokenize(
    text: str, start: int, end: int, atoms: Sequence[tuple[int, int, str, int]]
) -> list[Token]:
    """The tokens of ``text[start:end]`` (the document's folded text); ``atoms`` are spans that
    are one token each: ``(start, end, kind, ref)`` with kind "agency" or "date", in order."""
    out: list[Token] = []
    at = start
    for a, b, kind, ref in atoms:
        if a < at or b > end:
            continue  # overlaps the atom before it, or outside the sentence
        out.extend(_plain(text[at:a], at))
        out.append(Token(kind, text[a:b], AGENCY if kind == "agency" else DATE, a, b, ref=ref))
        at = b
    out.extend(_plain(text[at:end], at))
    return out
