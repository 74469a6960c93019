"""The document as the stages see it: folded text, sentences with offsets, agencies found.

Every string the stages read has the same length as ``Document.text``, so a span found in it is
the evidence's span. Agencies are found once (``mentions``) and merged into one token per
agency however it was written ("the European Space Agency's (ESA)" is one); ``masked`` replaces
each by a same-length placeholder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from ..registry import Mention, Registry, fold
from . import mentions as agency_mentions
from .lexicon import Lexicon
from .tokens import keys

ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr prof st no inc ltd co corp "
    "gen lt col sen rep gov vs etc e.g i.e u.s u.k d.c a.m p.m jr sr approx dept est fig".split()
)
# A place's abbreviation ends a sentence when a sentence's opening word follows ("in Washington,
# D.C. The Polish Space Agency ...").
_PLACE_ABBREVIATIONS = frozenset(("u.s", "u.k", "d.c"))
_BOUNDARY = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9*])")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.[\"')\]]*$")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_LIST_MARK = ("*", "•", "·", "▪", "-", "–", "—")
_UNPUNCTUATED = 200  # a paragraph this long without a full stop has lost its punctuation
_PROSE_LINE = 100  # a line this long is report text, not a menu

AG_FIRST, AG_FILL, AG_BASE = "\ue000", "\ue001", 0xE100
AG = "\ue000[\ue100-\uf8ff]\ue001*"
MAX_TOKENS = 0xF8FF - AG_BASE


@dataclass(frozen=True)
class Sentence:
    """A sentence: its span in the document, its folded text and its agency-masked text."""

    index: int
    start: int
    end: int
    text: str
    masked: str
    paragraph: int


@dataclass(frozen=True)
class AgencyToken:
    """One agency named in the document (merged with its bracketed acronym or name)."""

    acronym: str
    start: int
    end: int
    possessive: bool
    kind: str = "name"  # "name", "described" (by a country's adjective), "garbled" (fuzzy)


def _merge(found: list[Mention], text: str) -> list[AgencyToken]:
    """Join "Name (ACR)", "ACR (Name)" and "Name's (ACR)" into one token."""
    tokens: list[AgencyToken] = []
    i = 0
    while i < len(found):
        m = found[i]
        end, possessive = m.end, False
        j = i + 1
        at = end
        if text[at : at + 2] in ("'s", "s'"):
            at += 2
        elif text[at : at + 1] == "'":
            at += 1
        while at < len(text) and text[at] == " ":
            at += 1
        if at < len(text) and text[at] == "(":  # "(ACR)", "(Name, ACR)": the same agency
            k, pos = j, at + 1
            while k < len(found) and found[k].acronym == m.acronym and found[k].start == pos:
                pos = found[k].end
                k += 1
                while pos < len(text) and text[pos] in " ;,/":
                    pos += 1
                if text[pos : pos + 3] == "or ":
                    pos += 3
            if k > j:
                close = text.find(")", found[k - 1].end, found[k - 1].end + 42)
                between = text[found[k - 1].end : close] if close >= 0 else "("
                if close >= 0 and "(" not in between:
                    end = close + 1
                    possessive = text[m.end : m.end + 1] == "'"
                    j = k
        if text[end : end + 2] in ("'s", "s'") or (
            text[end : end + 1] == "'" and not text[end + 1 : end + 2].isalpha()
        ):
            possessive = True
        prev = tokens[-1] if tokens else None
        gap = text[prev.end : m.start] if prev is not None else "\n"
        if prev is not None and prev.acronym == m.acronym and not gap.strip() and "\n" not in gap:
            # "the French space agency CNES": a description and the name, one agency
            tokens[-1] = AgencyToken(m.acronym, prev.start, end, possessive, prev.kind)
        else:
            tokens.append(AgencyToken(m.acronym, m.start, end, possessive, m.kind))
        i = j
    return tokens


def mask(text: str, tokens: list[AgencyToken]) -> str:
    """``text`` with each agency token replaced by a same-length placeholder."""
    out = list(text)
    for n, t in enumerate(tokens[:MAX_TOKENS]):
        out[t.start] = AG_FIRST
        out[t.start + 1] = chr(AG_BASE + n)
        for k in range(t.start + 2, t.end):
            out[k] = AG_FILL
    return "".join(out)


def _line_key(line: str) -> str:
    """A line as a heading is looked up: its words' keys, digits as N."""
    words = keys(line)
    return " ".join("N" if w.isdigit() else w for w in words if w not in ("#", "|"))


def _report_end(text: str, lex: Lexicon) -> int:
    """Where the report's text ends: at a line that is only a heading of page chrome."""
    stops = {_line_key(h) for h in lex.strings("text.stop_headings")}
    at = 0
    prose = False  # a site's menus above the report ("Contact Us") end nothing
    for line in text.split("\n"):
        key = _line_key(line).strip(" :")
        if prose and key and key in stops:
            return at
        prose = (
            prose
            or len(line) > _PROSE_LINE
            or (  # or a sentence: "ISECG met in Rome."
                line.rstrip().endswith((".", "!")) and len(line.split()) >= 6
            )
        )
        at += len(line) + 1
    return len(text)


def _noise(paragraph: str, lex: Lexicon) -> bool:
    """A credit, a caption, a line of links or an author's biography: not report text."""
    head = " ".join(keys(paragraph[:80]))
    if any(head.startswith(" ".join(keys(n))) for n in lex.strings("text.noise_starts")):
        return True
    words = paragraph.split()
    # "Tomasz Nowakowski is the owner of ...": a name, "is/was a/an/the", a writer's noun
    for n in range(2, 5):
        if (
            len(words) > n + 2
            and all(w[:1].isupper() for w in words[:n])
            and words[n] in ("is", "was")
            and words[n + 1] in ("a", "an", "the")
        ):
            rest = {w.strip(",.").casefold() for w in words[n + 2 : n + 8]}
            return bool(rest & lex.words("text.bio_nouns"))
    return False


def _chunks(text: str, limit: int, lex: Lexicon) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each paragraph, split at line breaks that end a sentence:
    after sentence punctuation, before a list item, or after a short line (a heading)."""
    out: list[tuple[int, int, int]] = []
    for para, pm in enumerate(re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text[:limit])):
        if _noise(pm.group().strip(), lex):
            continue
        start = pm.start()
        at = pm.start()
        for line in pm.group().split("\n")[:-1]:
            at += len(line) + 1  # just after the line break
            before = text[start : at - 1].rstrip()
            after = text[at : pm.end()].lstrip()
            numbered = after[:1].isdigit() and after.lstrip("0123456789")[:1] in (".", ")")
            if (
                before.endswith((".", "!", "?", ":", ";", '"', "”", ")"))
                or (after[:1] in _LIST_MARK and after[1:2] == " ")
                or numbered
                or (len(before) < 60 and after[:1].isupper())
            ):
                out.append((start, at - 1, para))
                start = at
        out.append((start, pm.end(), para))
    return out


def _opener_splits(text: str, a: int, b: int, lex: Lexicon) -> list[int]:
    """Where a run of text that lost its full stops starts new sentences: before a sentence's
    opening word ("The", "It", ...) written capitalised after a word."""
    openers = set(lex.strings("text.sentence_openers"))
    names = lex.strings("text.opener_names")
    cuts = []
    for m in re.finditer(r"(?<=[a-z0-9)\]]) ([A-Z][a-z]*)\b", text[a:b]):
        word = m.group(1)
        at = a + m.start(1)
        if word not in openers or any(text.startswith(n, at) for n in names):
            continue
        cuts.append(at)
    return cuts


def split_sentences(
    text: str, lex: Lexicon, limit: int | None = None
) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence of the (folded) text up to ``limit``."""
    spans: list[tuple[int, int, int]] = []
    for start, end, para in _chunks(text, len(text) if limit is None else limit, lex):
        s = start
        cuts = [b for b in _BOUNDARY.finditer(text, start, end)]
        for b in cuts:
            if b.start() > 0 and text[b.start() - 1] == ".":
                continue  # an ellipsis or a leader ("1st edition ... September 2011")
            last = _LAST_WORD.search(text[s : b.start() + 1])
            word = last.group(1).casefold() if last else ""
            after = text[b.end() : b.end() + 12]
            if (word in ABBREVIATIONS or len(word) == 1) and not (
                word in _PLACE_ABBREVIATIONS and after.split(" ")[0] in _OPENERS
            ):
                continue
            if text[s : b.start()].rstrip()[-2:].strip().isdigit() and after.casefold().startswith(
                _MONTHS
            ):
                continue  # "07. November 2007": a day, not a sentence's end
            spans.append((s, b.start() + len(b.group().rstrip()), para))
            s = b.end()
        if end - start > _UNPUNCTUATED and not re.search(r"[.!?]", text[start:end]):
            for cut in _opener_splits(text, s, end, lex):
                spans.append((s, cut, para))
                s = cut
        spans.append((s, end, para))
    out = []
    for a, b, p in spans:
        piece = text[a:b]
        if piece.strip():
            a2 = a + len(piece) - len(piece.lstrip())
            out.append((a2, a + len(piece.rstrip()), p))
    return out


_OPENERS = frozenset(("The", "It", "Its", "This", "These", "They", "There", "In", "On", "At", "A"))


@dataclass(frozen=True)
class Text:
    """A document prepared for the stages."""

    doc: Document
    folded: str
    masked: str
    tokens: tuple[AgencyToken, ...]
    sentences: tuple[Sentence, ...]

    def tokens_in(self, start: int, end: int) -> list[AgencyToken]:
        """The agency tokens lying inside a document span."""
        return [t for t in self.tokens if t.start >= start and t.end <= end]


def prepare(doc: Document, registry: Registry, lex: Lexicon) -> Text:
    """Fold, find agencies, mask and split a document."""
    folded = fold(doc.text)
    limit = _report_end(folded, lex)
    named = agency_mentions.find(doc, registry, lex, limit)
    tokens = _merge(named, folded)
    masked = mask(folded, tokens)
    sentences = tuple(
        Sentence(i, a, b, folded[a:b], masked[a:b], p)
        for i, (a, b, p) in enumerate(split_sentences(folded, lex, limit))
    )
    return Text(doc, folded, masked, tuple(tokens), sentences)
