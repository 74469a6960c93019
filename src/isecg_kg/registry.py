"""The agency registry: canonical acronyms, names and variants, read from ``data/agencies.ttl``.

``resolve`` turns any name, acronym or former name into the canonical acronym; ``mentions`` finds
every agency named in a text (longest match first). Names match regardless of case, accents,
punctuation and spacing; labels written in capitals (acronyms) match case-sensitively, so "Asa"
or "isa" in prose is not an agency.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

from . import resources
from .errors import IsecgError
from .gazetteer import gazetteer
from .namespaces import ISECG

# What a country's adjective describes when it stands for the country's agency: "the Italian
# agency", "the Emirati space agency", "the Italian hosts", "the Canadian delegation".
_DESCRIBED_WHAT = (
    r"(?:national\s+)?(?:space\s+)?(?:agency|administration|office)|"
    r"(?:space\s+)?(?:hosts?|delegation|delegates|representatives?|counterparts?)"
)


_WORD = re.compile(r"\w+")
_QUOTES = {"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "‐": "-", "\xa0": " "}


def fold(text: str) -> str:
    """The text with accents removed and quotes/dashes made plain, character for character."""
    table: dict[int, str] = {}
    for ch in set(text):
        if ch.isascii():
            continue
        if ch in _QUOTES:
            table[ord(ch)] = _QUOTES[ch]
            continue
        base = unicodedata.normalize("NFKD", ch)
        if len(base) > 1 and base[0].isascii() and all(unicodedata.combining(c) for c in base[1:]):
            table[ord(ch)] = base[0]
    return text.translate(table) if table else text


def normalize(name: str) -> str:
    """A matching key: case, accents, punctuation and spacing ignored; a leading article ('the',
    French 'l'', 'le', 'la') dropped."""
    text = fold(name).casefold()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[\W_]+", " ", text).strip()
    return re.sub(r"^(?:the|l|le|la|les) ", "", text)


def _is_acronym(label: str) -> bool:
    letters = [c for c in label if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _label_pattern(label: str) -> str:
    """A regex for a label: its words in order, any short run of punctuation/space between."""
    folded = fold(label)
    words = re.findall(r"\w+", folded)
    body = r"[^\w]{1,3}".join(re.escape(w) for w in words)
    tail = re.search(r"[^\w\s]+$", folded)
    if tail:
        body += re.escape(tail.group())
    if _is_acronym(label):
        return rf"(?<!\w){body}(?!\w)"
    return rf"(?i:(?<!\w){body}(?!\w))"


@dataclass(frozen=True)
class Mention:
    """An agency named in a text: canonical acronym and the span of the words used."""

    acronym: str
    start: int
    end: int
    surface: str
    kind: str = "name"  # "name", "described" (a country's adjective), "garbled" (approximate)


class Registry:
    """The agencies of ``data/agencies.ttl``, indexed for resolution and scanning."""

    def __init__(
        self, names: dict[str, list[str]], prefs: dict[str, str], countries: dict[str, str]
    ) -> None:
        self._prefs = prefs
        self._countries = countries
        self._names = names
        places = gazetteer()
        # a country's adjective, or its short name ("the UAE delegation"), before what it says
        adjectives = {*places.demonyms, *(a for a in places.aliases if a.isupper())}
        self._described = re.compile(
            r"\b[Tt]he\s+(?P<d>"
            + "|".join(re.escape(d) for d in sorted(adjectives, key=len, reverse=True))
            + rf")\s+(?P<what>{_DESCRIBED_WHAT})\b"
            r"(?!\s*(?:\(|,?\s*(?-i:[A-Z])))"  # "the French space agency CNES": the name follows
        )
        self._keys: dict[str, str] = {}
        clashes: set[str] = set()
        for acr, variants in names.items():
            for v in variants:
                key = normalize(v)
                if self._keys.get(key, acr) != acr:
                    clashes.add(key)
                self._keys[key] = acr
        for key in clashes:
            del self._keys[key]
        by_country: dict[str, list[str]] = {}
        for acr, country in countries.items():
            by_country.setdefault(normalize(country), []).append(acr)
        self._by_country = by_country
        # First word of a label -> its patterns, longest label first: a scan tries only these.
        starts: dict[str, list[tuple[str, str]]] = {}
        for v in {v for vs in names.values() for v in vs}:
            first = re.match(r"\w+", fold(v))
            if first:
                starts.setdefault(first.group().casefold(), []).append((v, _label_pattern(v)))
        self._starts = {
            k: [re.compile(p) for _, p in sorted(vs, key=lambda x: (-len(x[0]), x[0]))]
            for k, vs in starts.items()
        }

    @classmethod
    def load(cls, path: Path | str | None = None) -> Registry:
        """Read the registry (default: the shipped ``data/agencies.ttl``)."""
        path = Path(path) if path is not None else resources.registry_path()
        g = Graph()
        try:
            g.parse(path, format="turtle")
        except (OSError, SyntaxError, ValueError) as e:
            raise IsecgError(f"cannot read the agency registry: {e}", file=path) from None
        names: dict[str, list[str]] = {}
        prefs: dict[str, str] = {}
        countries: dict[str, str] = {}
        for agency in g.subjects(RDF.type, ISECG.Agency):
            if not isinstance(agency, URIRef):
                continue
            notation = g.value(agency, SKOS.notation)
            if notation is None:
                raise IsecgError("agency without skos:notation", file=path, field=str(agency))
            acr = str(notation)
            pref = g.value(agency, SKOS.prefLabel)
            prefs[acr] = str(pref) if pref is not None else acr
            variants = [acr] + [
                str(o)
                for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
                for o in g.objects(agency, p)
            ]
            names[acr] = variants
            country = g.value(agency, ISECG.countryName)
            if country is not None:
                countries[acr] = str(country)
        return cls(names, prefs, countries)

    @property
    def acronyms(self) -> tuple[str, ...]:
        """Every canonical acronym, sorted."""
        return tuple(sorted(self._prefs))

    def resolve(self, name: str) -> str | None:
        """The canonical acronym for any acronym, name or former name; None if unknown."""
        key = normalize(name)
        if key in self._keys:
            return self._keys[key]
        m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", name.strip())
        if m:
            outer, inner = self.resolve(m.group(1)), self.resolve(m.group(2))
            if outer and inner and outer != inner:
                return None
            return outer or inner
        return None

    def label(self, acronym: str) -> str | None:
        """The official English name of an agency."""
        return self._prefs.get(acronym)

    def country(self, acronym: str) -> str | None:
        """The agency's country (None for ESA)."""
        return self._countries.get(acronym)

    def by_country(self, country: str, when: str | None = None) -> str | None:
        """The one agency a country's name stands for (on ``when``, a partial date, where the
        gazetteer says which of a country's agencies that is); None when unknown or ambiguous."""
        places = gazetteer()
        canonical = places.country(country) or country.strip()
        if canonical in places.region_agencies:
            return places.region_agencies[canonical]
        found = self._by_country.get(normalize(canonical), [])
        if len(found) == 1:
            return found[0]
        choice = None
        for acronym, since in places.country_agency.get(canonical, []):
            # undated: the agency that stands for the country now
            if since is None or when is None or when[:10] >= since[: len(when[:10])]:
                choice = acronym
        return choice if choice in found else None

    def described(self, text: str, named: list[Mention], when: str | None = None) -> list[Mention]:
        """Agencies a text describes by their country's adjective ("the Italian hosts", "the
        Emirati space agency") where it names none there; a country with two agencies only
        when the words say "space agency" and one of them is named so, or the gazetteer says
        which one stands for the country."""
        out: list[Mention] = []
        folded = fold(text)
        places = gazetteer()
        for m in self._described.finditer(folded):
            if any(n.start < m.end() and m.start() < n.end for n in named):
                continue
            country = places.demonyms.get(m.group("d")) or places.country(m.group("d"))
            found = self._by_country.get(normalize(country), [])
            if len(found) > 1 and "agency" in m.group("what"):
                spaced = [a for a in found if "space agency" in self._prefs[a].casefold()]
                found = spaced if len(spaced) == 1 else [self.by_country(country, when)]
            elif len(found) != 1:
                found = [self.by_country(country, when)]
            if len(found) == 1 and found[0]:
                start = m.start("d")
                out.append(Mention(found[0], start, m.end(), text[start : m.end()], "described"))
        return out

    def is_country(self, name: str) -> bool:
        """True when ``name`` is a country of the gazetteer (or a region like Europe)."""
        places = gazetteer()
        return places.country(name) is not None or name.strip() in places.region_agencies

    def agencies_of(self, country: str) -> list[str]:
        """Every registered agency of a country (by any of its names)."""
        canonical = gazetteer().country(country) or country.strip()
        return list(self._by_country.get(normalize(canonical), []))

    def names(self) -> dict[str, list[str]]:
        """Every agency's names (acronym first), as the registry lists them."""
        return {a: list(v) for a, v in self._names.items()}

    def mentions(self, text: str) -> list[Mention]:
        """Every agency named in ``text``, left to right, longest name first at each place."""
        folded = fold(text)
        found: list[Mention] = []
        done = 0
        for word in _WORD.finditer(folded):
            if word.start() < done:
                continue
            for pattern in self._starts.get(word.group().casefold(), ()):
                m = pattern.match(folded, word.start())
                acr = m and self._keys.get(normalize(m.group()))
                if acr:
                    found.append(Mention(acr, m.start(), m.end(), text[m.start() : m.end()]))
                    done = m.end()
                    break
        return found


def canonical_country(name: str) -> str | None:
    """The gazetteer's name for a country as a source writes it ("USA" -> "United States"),
    or the name itself when the gazetteer does not know it."""
    stripped = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.IGNORECASE)
    if not normalize(stripped):
        return None
    return gazetteer().country(name) or gazetteer().country(stripped) or stripped
