"""Mentions: every agency a document names, however it names it.

By a name, acronym or former name of the registry; by its country's adjective ("the Italian
hosts"); as "the Agency" in an agency's own release; and by a garbled name ("Korean Institute for
Space Research"), matched approximately (rapidfuzz) against the registry's names of the agencies
of the country the name says, or of all agencies when it says none. Countries standing for their
agency in a list ("Canada, France and Ukraine met") are read by the group stage.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..document import Document
from ..gazetteer import gazetteer
from ..registry import Mention, Registry, normalize
from .lexicon import Lexicon

# A run of capitalised words, with the small words names carry ("Organization for the Japan
# Aerospace Exploration", "Centre National d'Etudes Spatiales").
_NAME_RUN = re.compile(
    r"\b[A-Z][\w'-]*(?:\s+(?:of|for|and|the|de|du|des|la|le|d'|[A-Z][\w'-]*)(?=[\s,.;:)]|$))+"
)
_AGENCY_NOUNS = frozenset(
    "agency agencies administration institute centre center organisation organization office "
    "corporation commission authority bureau directorate".split()
)
# Words an agency's name may differ in without naming another agency.
_GENERIC = _AGENCY_NOUNS | frozenset(
    "national state federal space of for the and de du des la le d aeronautics".split()
)
_SMALL = frozenset("of for the and de du des la le d".split())
FUZZY_ANY = 88  # score a garbled name needs against any agency
FUZZY_COUNTRY = 74  # ... against an agency of the country it names
_WORD_MATCH = 80
_RECENT = 400  # characters back where "The agency" finds the agency it stands for


def _the_agency(doc: Document, registry: Registry, named: list[Mention], limit: int):
    """Mentions of "the Agency" (capitalised, as agencies write of themselves): the agency the
    document's publisher or title names, if it names one; else the first agency named before it
    whose name says "Agency"."""
    heads = {m.acronym for m in registry.mentions(f"{doc.publisher or ''}\n{doc.title or ''}")}
    own = heads.pop() if len(heads) == 1 else None
    out: list[Mention] = []
    text = doc.text
    at = 0
    while True:
        i = min(
            (
                x
                for x in (text.find("he Agency", at, limit), text.find("he agency", at, limit))
                if x >= 0
            ),
            default=-1,
        )
        if i < 1:
            break
        at = i + 9
        start = i + 3  # "Agency", as a name is masked without its article
        if text[i - 1] not in "Tt" or (i > 1 and text[i - 2].isalpha()):
            continue
        after = text[at : at + 12]
        if after[:2] in ("'s", "’s"):  # "The Agency's admission"
            after = after[2:]
        lower = text[i + 3] == "a"  # "The agency ...": the agency the text spoke of last
        if after[:1] == " " and (
            after[1:2].isupper() or after[1:].split(" ")[0] in ("of", "for", "and")
        ):
            continue  # "the Agency for ...", "The Agency Director": part of a longer name
        if after[:1].isalnum() or any(n.start < at and start < n.end for n in named):
            continue
        before = [n for n in named if n.end <= start and "agency" in n.surface.casefold()]
        acronym = own or (before[0].acronym if before else None)
        if lower:
            recent = [n for n in named if n.end <= start and start - n.end < _RECENT]
            if text[i - 1] != "T" or not recent:
                continue  # only a sentence's subject "The agency" speaks of the one just named
            acronym = recent[-1].acronym
        if acronym:
            out.append(Mention(acronym, start, at, text[start:at], "described"))
    return out


@lru_cache(maxsize=4)
def _choices(registry: Registry) -> tuple[list[str], list[str]]:
    """Every non-acronym name of the registry, normalised, and the agency it names."""
    keys, owners = [], []
    for acronym, names in registry.names().items():
        for name in names:
            if any(c.islower() for c in name) and len(name.split()) > 1:
                keys.append(normalize(name))
                owners.append(acronym)
    return keys, owners


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in _GENERIC]


def _words_agree(candidate: str, name: str) -> bool:
    """Each word a garbled name stresses matches a word of the registry's name."""
    theirs = name.split()
    return all(
        any(fuzz.ratio(w, t) >= _WORD_MATCH or (len(w) > 4 and w in t) for t in theirs)
        for w in _content(candidate.split())
    )


def _country_of(words: list[str]) -> str | None:
    places = gazetteer()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n])
            country = places.country(phrase) or places.demonyms.get(phrase)
            if country:
                return country
    return None


def _runs(text: str, limit: int):
    """Candidate names: each capitalised run, and its parts between " and the " (a list of
    two names runs on: "the Korean Institute for Space Research and the British National
    Space Centre")."""
    for m in _NAME_RUN.finditer(text, 0, limit):
        run = m.group()
        yield m.start(), run
        at = 0
        for part in run.split(" and the "):
            if part != run:
                yield m.start() + at, part
            at += len(part) + len(" and the ")


def garbled(text: str, registry: Registry, named: list[Mention], limit: int) -> list[Mention]:
    """Agencies named by a name the registry does not hold, matched approximately."""
    keys, owners = _choices(registry)
    out: list[Mention] = []
    for start, run in _runs(text, limit):
        words = run.split()
        while words and words[-1].casefold() in _SMALL:
            words.pop()
        if len(words) < 2 or not any(w.casefold() in _AGENCY_NOUNS for w in words):
            continue
        end = start + len(" ".join(words))
        if any(n.start < end and start < n.end for n in named):
            continue
        query = normalize(" ".join(words))
        country = _country_of(words)
        if country is not None:
            allowed = set(registry.agencies_of(country))
            if country in gazetteer().region_agencies:
                allowed.add(gazetteer().region_agencies[country])
            pool = [(k, o) for k, o in zip(keys, owners, strict=True) if o in allowed]
            threshold = FUZZY_COUNTRY
        else:
            pool = list(zip(keys, owners, strict=True))
            threshold = FUZZY_ANY
        if not pool:
            continue
        best = process.extractOne(query, [k for k, _ in pool], scorer=fuzz.token_set_ratio)
        if best is None or best[1] < threshold or not _words_agree(query, best[0]):
            continue
        out.append(Mention(pool[best[2]][1], start, end, text[start:end], "garbled"))
    return out


def find(doc: Document, registry: Registry, lex: Lexicon, limit: int) -> list[Mention]:
    """Every agency the document names before ``limit``, left to right."""
    text = doc.text[:limit]
    named = registry.mentions(text)
    when = doc.published or doc.modified
    named = sorted(named + registry.described(text, named, when), key=lambda m: m.start)
    named = sorted(named + _the_agency(doc, registry, named, limit), key=lambda m: m.start)
    named = sorted(named + garbled(text, registry, named, limit), key=lambda m: m.start)
    named = sorted(named + _pronouns(text, lex, named), key=lambda m: m.start)
    return named


def _pronouns(text: str, lex: Lexicon, named: list[Mention]) -> list[Mention]:
    """ "The Polish Space Agency attended for the first time. It joined ISECG in March 2017.":
    a sentence opening with "It" and a verb of membership or attendance (``mentions.pronoun_verbs``)
    speaks of the one agency the sentence before named."""
    verbs = sorted(lex.strings("mentions.pronoun_verbs"), key=len, reverse=True)
    out: list[Mention] = []
    at = 0
    while (i := text.find("It ", at)) >= 0:
        at = i + 3
        head = text[:i].rstrip()
        if head and head[-1] not in ".!?":
            continue  # only a sentence's first word
        rest = text[at : at + 40].casefold()
        if not any(rest.startswith(v + " ") or rest.startswith(v + ".") for v in verbs):
            continue
        start = max(head.rfind(". ", 0, len(head) - 1), head.rfind("\n", 0, len(head) - 1)) + 1
        before = {n.acronym for n in named if start <= n.start < len(head)}
        if len(before) == 1:
            out.append(Mention(before.pop(), i, i + 2, "It", "described"))
    return out
