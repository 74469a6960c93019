"""The document as the rules see it: folded text, sentences with offsets, agencies masked.

Every string the rules match against has the same length as ``Document.text``, so a match's
span is the evidence's span. Agencies are masked into placeholders of the same length
(``AG`` in a pattern matches one), each standing for one agency however it was written
("the European Space Agency's (ESA)" is one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from ..registry import Mention, Registry, fold

# Headings after which a page holds no more report text (reader comments, related links).
STOP_HEADINGS = re.compile(
    r"^\W*(?:reader comments|comments?|leave a (?:reply|comment)|post comment|commenting rules|"
    r"related(?: articles| posts| stories| news)?|share this:?|about the author|you may also like|"
    r"responses|\d+ (?:comments|responses)|related (?:coverage|content|links|reading|stories)|"
    r"further reading|see also|read (?:next|also|more)|more (?:news|stories|on this topic)|"
    r"(?:latest|recent|popular|top) (?:news|posts|stories|articles)|most (?:read|popular|viewed)|"
    r"you might also like|in other news)\W*$",
    re.IGNORECASE | re.MULTILINE,
)
# A paragraph that is an author's biography or a photo credit, not report text.
NOISE_PARAGRAPHS = re.compile(
    r"^(?:[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3} (?:is|was) (?:a|an|the) (?:[\w-]+ ){0,4}?"
    r"(?:owner|writer|journalist|reporter|editor|contributor|author|founder|correspondent)\b|"
    r"(?:Photo|Image) (?:credit|courtesy)\b|"
    # a line of links to other posts: "Also on this blog: Notes from Tokyo · ..."
    r"(?i:(?:also on this (?:blog|site)|related(?: (?:articles|posts|stories|news|links|coverage|"
    r"reading))?|see also|read (?:more|also|next)|more on this (?:topic|story)|"
    r"about the author)\s*:))",
)
ABBREVIATIONS = frozenset(
    re.findall(
        r"\S+",
        "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr prof st no inc ltd co corp "
        "gen lt col sen rep gov vs etc e.g i.e u.s u.k d.c a.m p.m jr sr approx dept est fig",
    )
)
# A place's abbreviation ends a sentence when a sentence's opening word follows ("in Washington,
# D.C. The Polish Space Agency ...").
_PLACE_ABBREVIATIONS = frozenset(("u.s", "u.k", "d.c"))
_OPENER = re.compile(r"(?:The|It|Its|This|These|They|There|In|On|At|A|An|He|She|We)\b")
_BOUNDARY = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9*])")
_DAY_END = re.compile(r"(?<![\d.])\b[0-3]?\d$")
_MONTH_START = re.compile(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.[\"')\]]*$")

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

    def span(self, m: re.Match[str]) -> tuple[int, int]:
        """A match on ``text``/``masked`` as document offsets."""
        return self.start + m.start(), self.start + m.end()


@dataclass(frozen=True)
class AgencyToken:
    """One agency named in the document (merged with its bracketed acronym or name)."""

    acronym: str
    start: int
    end: int
    possessive: bool


def _merge(mentions: list[Mention], text: str) -> list[AgencyToken]:
    """Join "Name (ACR)", "ACR (Name)" and "Name's (ACR)" into one token."""
    tokens: list[AgencyToken] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        end, possessive = m.end, False
        j = i + 1
        tail = re.match(r"(['’]s?)?\s*\(", text[end:])
        if tail:  # "(ACR)", "(Name, ACR)", "(Deutsches Zentrum ...; DLR)": all the same agency
            at, k = end + tail.end(), j
            while k < len(mentions) and mentions[k].acronym == m.acronym:
                if mentions[k].start != at:
                    break
                k += 1
                sep = re.match(r"\s*(?:[;,/]|\bor\b)\s*", text[mentions[k - 1].end :])
                at = mentions[k - 1].end + (sep.end() if sep else 0)
            close = re.match(r"(?:,[^()]{0,40})?\)", text[mentions[k - 1].end :]) if k > j else None
            if close:
                end = mentions[k - 1].end + close.end()
                possessive = bool(tail.group(1))
                j = k
        if re.match(r"['’]s?(?!\w)", text[end:]):
            possessive = True
        tokens.append(AgencyToken(m.acronym, m.start, end, possessive))
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


def token_index(placeholder: str) -> int:
    """The token number a placeholder stands for."""
    return ord(placeholder[1]) - AG_BASE


def _report_end(text: str) -> int:
    m = STOP_HEADINGS.search(text)
    return m.start() if m else len(text)


def _chunks(text: str, limit: int) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each paragraph, split at line breaks that end a sentence."""
    out: list[tuple[int, int, int]] = []
    for para, pm in enumerate(re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text[:limit])):
        if NOISE_PARAGRAPHS.match(pm.group().strip()):
            continue
        start = pm.start()
        for nl in re.finditer(r"\n", pm.group()):
            before = text[start : pm.start() + nl.start()].rstrip()
            after = text[pm.start() + nl.end() :]
            if (
                re.search(r"[.!?:;\"”)]$", before)
                or re.match(r"\s*(?:[*•·▪-]|\d+[.)])\s", after)
                or (len(before) < 60 and re.match(r"\s*[A-Z]", after))
            ):
                out.append((start, pm.start() + nl.start(), para))
                start = pm.start() + nl.end()
        out.append((start, pm.end(), para))
    return out


def split_sentences(text: str, limit: int | None = None) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence of the (folded) text up to ``limit``."""
    spans: list[tuple[int, int, int]] = []
    for start, end, para in _chunks(text, len(text) if limit is None else limit):
        s = start
        for b in _BOUNDARY.finditer(text, start, end):
            last = _LAST_WORD.search(text[s : b.start() + 1])
            word = last.group(1).casefold() if last else ""
            if (word in ABBREVIATIONS or len(word) == 1) and not (
                word in _PLACE_ABBREVIATIONS and _OPENER.match(text, b.end())
            ):
                continue
            if _DAY_END.search(text, s, b.start()) and _MONTH_START.match(text, b.end()):
                continue  # "07. November 2007": a day, not a sentence's end
            spans.append((s, b.start() + len(b.group().rstrip()), para))
            s = b.end()
        spans.append((s, end, para))
    out = []
    for a, b, p in spans:
        piece = text[a:b]
        if piece.strip():
            a2 = a + len(piece) - len(piece.lstrip())
            out.append((a2, a + len(piece.rstrip()), p))
    return out


@dataclass(frozen=True)
class Text:
    """A document prepared for the rules."""

    doc: Document
    folded: str
    masked: str
    tokens: tuple[AgencyToken, ...]
    sentences: tuple[Sentence, ...]

    def agency(self, placeholder: str) -> AgencyToken:
        return self.tokens[token_index(placeholder)]

    def tokens_in(self, start: int, end: int) -> list[AgencyToken]:
        """The agency tokens lying inside a document span."""
        return [t for t in self.tokens if t.start >= start and t.end <= end]

    def after(self, s: Sentence) -> Sentence | None:
        """The sentence after ``s``, if any."""
        return self.sentences[s.index + 1] if s.index + 1 < len(self.sentences) else None

    def sentence_at(self, pos: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None


# "the Agency" standing for one agency: the document's own, or the one last named as an agency.
_THE_AGENCY = re.compile(r"\b[Tt]he Agency\b(?!['’]?\s+(?:[A-Z]|of\b|for\b|and\b))")


def _the_agency(
    doc: Document, registry: Registry, named: list[Mention], limit: int
) -> list[Mention]:
    """Mentions of "the Agency" (capitalised, as agencies write of themselves): the agency the
    document's publisher or title names, if it names one; else the first agency named before it
    whose name says "Agency", the one the text is about ("The UK Space Agency takes part ...
    Officials of the Agency")."""
    heads = {m.acronym for m in registry.mentions(f"{doc.publisher or ''}\n{doc.title or ''}")}
    own = heads.pop() if len(heads) == 1 else None
    out: list[Mention] = []
    for m in _THE_AGENCY.finditer(doc.text, 0, limit):
        if any(n.start < m.end() and m.start() < n.end for n in named):
            continue
        before = [n for n in named if n.end <= m.start() and "agency" in n.surface.casefold()]
        acronym = own or (before[0].acronym if before else None)
        if acronym:
            start = m.start() + 4  # "Agency", as a name is masked without its article
            out.append(Mention(acronym, start, m.end(), doc.text[start : m.end()]))
    return out


def prepare(doc: Document, registry: Registry) -> Text:
    """Fold, mask and split a document."""
    folded = fold(doc.text)
    limit = _report_end(folded)
    named = registry.mentions(doc.text[:limit])
    described = registry.described(doc.text[:limit], named)
    named = sorted(named + described, key=lambda m: m.start)
    named = sorted(named + _the_agency(doc, registry, named, limit), key=lambda m: m.start)
    tokens = _merge(named, folded)
    masked = mask(folded, tokens)
    sentences = tuple(
        Sentence(i, a, b, folded[a:b], masked[a:b], p)
        for i, (a, b, p) in enumerate(split_sentences(folded, limit))
    )
    return Text(doc, folded, masked, tuple(tokens), sentences)
