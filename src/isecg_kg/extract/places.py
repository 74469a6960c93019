"""Places: where a sentence says something happened, from the gazetteer and the grammar.

"in <city>[, <country>]" with a city the gazetteer knows, or any capitalised name followed by a
country or state ("in Tromso, Norway"); "at <venue>" with a venue the gazetteer knows (its city
and owner agency come with it) or a capitalised name with a venue word ("at the Huis ter Duin
Hotel"), owned by the agency written before it ("at ESA's ESOC", "at the JAXA Tokyo Office");
a city right after a venue ("at ESTEC, Noordwijk"); a city heading an entry ("Noordwijk, The
Netherlands, December 2-3, 2009").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..gazetteer import gazetteer
from .context import Context, Sent
from .lexicon import Phrase, PhraseSet
from .tokens import Token, keys

VENUE_WORDS = frozenset(
    "centre center headquarters hq hotel institute campus hall building house palace complex "
    "facility establishment laboratory laboratories university museum academy office offices "
    "embassy auditorium club residence mansion castle park site station base".split()
)
_CITY_PREPS = frozenset(("in", "at", "to"))
_NAME_SMALL = frozenset(("of", "for", "de", "du", "and", "the", "ter", "des", "la", "le"))
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday".split()
)


@dataclass(frozen=True)
class Place:
    """A place a sentence names: city, country, venue and the venue's agency, each optional;
    ``start``/``end`` are its tokens."""

    city: str | None
    country: str | None
    venue: str | None
    owner: str | None
    start: int
    end: int
    inferred: bool = False  # the city is the gazetteer's for the venue, not written here


def _phrases(names: list[str]) -> PhraseSet:
    out = []
    for name in names:
        slots = tuple(frozenset({k}) for k in keys(name))
        if slots:
            out.append(Phrase(slots, 1.0, name))
    return PhraseSet(out)


@lru_cache(maxsize=1)
def _tables() -> tuple[PhraseSet, PhraseSet, PhraseSet]:
    g = gazetteer()
    countries = [*g.countries, *g.aliases, *g.states]
    return (
        _phrases(list(g.cities)),
        _phrases(countries),
        _phrases([v.name for v in g.venues.values()]),
    )


def _written(toks: list[Token], a: int, b: int, ctx: Context) -> str:
    return ctx.written(toks[a].start, toks[b - 1].end)


def _capitalised_run(toks: list[Token], i: int, limit: int = 4) -> int:
    """The end of a run of capitalised words starting at ``i`` (none: ``i``)."""
    j = i
    while j < len(toks) and j - i < limit and toks[j].capitalised and toks[j].key not in _MONTHS:
        j += 1
    return j


def _country_after(toks: list[Token], j: int, ctx: Context) -> tuple[str | None, int]:
    """A country or state after a comma at ``j``: "..., Germany", "..., Maryland, USA"."""
    _, countries, _ = _tables()
    g = gazetteer()
    found, end = None, j
    while end < len(toks) and toks[end].key == ",":
        k = end + 1
        if k < len(toks) and toks[k].key == "the":
            k += 1
        m = countries.at(toks, k) if k < len(toks) and toks[k].capitalised else None
        if m is None:
            break
        written = " ".join(t.text for t in toks[m.start : m.end])
        found = g.country(written) or g.states.get(written) or found
        end = m.end
    return found, end


def city_at(ctx: Context, toks: list[Token], i: int) -> Place | None:
    """A city (and its country) at token ``i``: a gazetteer city, or a capitalised name that a
    country or state follows."""
    cities, countries, _ = _tables()
    g = gazetteer()
    if i >= len(toks) or not toks[i].capitalised:
        return None
    m = cities.at(toks, i)
    if m is not None:
        name = _written(toks, m.start, m.end, ctx)
        home = g.city(name)
        country, end = _country_after(toks, m.end, ctx)
        # "Washington, D.C.": the district is part of the place, not of the sentence
        if (
            end == m.end
            and end + 1 < len(toks)
            and toks[end].key == ","
            and toks[end + 1].key in ("d.c.", "dc", "d.c")
        ):
            end += 2
        return _with_venue(ctx, toks, Place(name, country or home, None, None, i, end))
    if countries.at(toks, i) is not None:
        return None
    j = _capitalised_run(toks, i, 3)
    if j == i:
        return None
    country, end = _country_after(toks, j, ctx)
    if country is None:
        return None
    return _with_venue(ctx, toks, Place(_written(toks, i, j, ctx), country, None, None, i, end))


def _with_venue(ctx: Context, toks: list[Token], place: Place) -> Place:
    """A city with its venue in brackets after it: "Noordwijk, the Netherlands (ESTEC)"."""
    end = place.end
    if end + 2 < len(toks) and toks[end].key == "(":
        _, _, venues = _tables()
        m = venues.at(toks, end + 1)
        if m is not None and m.end < len(toks) and toks[m.end].key == ")":
            venue = gazetteer().venue(_written(toks, m.start, m.end, ctx))
            return Place(
                place.city,
                place.country,
                _written(toks, m.start, m.end, ctx),
                venue.agency if venue else None,
                place.start,
                m.end + 1,
            )
    return place


def venue_at(ctx: Context, toks: list[Token], i: int) -> Place | None:
    """A venue at token ``i`` (after "at"): a gazetteer venue, or a capitalised name with a venue
    word; an agency before it owns it ("ESA's ESOC", "the JAXA Tokyo Office")."""
    _, _, venues = _tables()
    g = gazetteer()
    k = i
    if k < len(toks) and toks[k].key == "the":
        k += 1
    owner = None
    if k < len(toks) and toks[k].kind == "agency":
        owner = ctx.text.tokens[toks[k].ref].acronym
        possessive = k + 1 < len(toks) and toks[k + 1].key in ("'s", "'")
        k += 2 if possessive else 1
    m = venues.at(toks, k) if k < len(toks) else None
    if m is not None:
        name = _written(toks, m.start, m.end, ctx)
        venue = g.venue(name)
        end = m.end
        if end < len(toks) and toks[end].key == "(":  # "ESOC (European Space Operations Centre)"
            close = next(
                (x for x in range(end, min(len(toks), end + 12)) if toks[x].key == ")"), None
            )
            if close is not None:
                end = close + 1
                name = _written(toks, m.start, end, ctx)  # the name as written, its gloss too
        return Place(
            venue.city if venue else None,
            g.city(venue.city) if venue else None,
            name,
            owner or (venue.agency if venue else None),
            i,
            end,
            inferred=venue is not None,
        )
    j = k
    while (
        j < len(toks)
        and j - k < 8
        and (
            toks[j].capitalised
            or (toks[j].key in _NAME_SMALL and j > k)
            or toks[j].kind == "agency"
        )
    ):
        j += 1
    while j > k and toks[j - 1].key in _NAME_SMALL:
        j -= 1
    words = [t.key for t in toks[k:j]]
    if j == k or not (VENUE_WORDS & set(words)):
        if owner and j == k and k < len(toks) and toks[k].key in VENUE_WORDS:  # "ESA headquarters"
            return Place(None, None, ctx.written(toks[i].start, toks[k].end), owner, i, k + 1)
        return None
    # "JAXA's Tokyo Office": the owner is the host, apart; "NASA Headquarters" keeps its owner
    bare = all(t.key in VENUE_WORDS for t in toks[k:j])
    name = _written(toks, i if bare and owner else k, j, ctx)
    city = next(
        (
            g.city(ctx.written(t.start, t.end)) and t.text
            for t in toks[k:j]
            if t.capitalised and g.city(t.text)
        ),
        None,
    )
    end = j
    if j < len(toks) and toks[j].key == "(":  # "... Conference Centre (DLR-SA) in Bonn"
        close = next((x for x in range(j + 1, min(len(toks), j + 6)) if toks[x].key == ")"), None)
        end = close + 1 if close is not None else j
    return Place(city, g.city(city) if city else None, name.removeprefix("the "), owner, i, end)


def places_in(ctx: Context, sent: Sent, start: int = 0, end: int | None = None) -> list[Place]:
    """The places a sentence names between two tokens: after "in"/"at"/"to", and a city after
    a venue's comma."""
    toks = sent.toks
    end = len(toks) if end is None else end
    out: list[Place] = []
    i = start
    labels = ctx.lex.phrases("fields.event")
    while i < end:
        t = toks[i]
        label = labels.at(toks, i)
        if label is not None and label.end + 1 < len(toks) and toks[label.end].key == ":":
            # "Venue: ESTEC, Noordwijk", "Place: Toronto": a label stands for "at"
            place = venue_at(ctx, toks, label.end + 1) or city_at(ctx, toks, label.end + 1)
            if (
                place is not None
                and place.venue
                and not place.city
                and place.end + 1 < len(toks)
                and toks[place.end].key == ","
            ):
                after = city_at(ctx, toks, place.end + 1)
                if after is not None:
                    place = Place(
                        after.city, after.country, place.venue, place.owner, place.start, after.end
                    )
            if place is not None:
                out.append(place)
                i = place.end
                continue
        if t.key in _CITY_PREPS and i + 1 < len(toks):
            nxt = i + 1
            nxt_city = nxt + 1 if toks[nxt].key == "the" and nxt + 1 < len(toks) else nxt
            place = None
            if t.key == "at":
                place = venue_at(ctx, toks, nxt)
            if place is None:
                place = city_at(ctx, toks, nxt_city)
                if (
                    place is not None
                    and t.key == "to"
                    and gazetteer().city(place.city or "") is None
                ):
                    place = None  # "to" names a destination: only a known city is a place
            if place is None and t.key == "in":
                country = country_at(ctx, toks, nxt)
                if country is not None:
                    place = Place(None, country[0], None, None, nxt, country[1])
            if place is not None:
                if (
                    place.venue
                    and not place.city
                    and place.end + 1 < len(toks)
                    and toks[place.end].key in (",", "in")
                ):  # "at ESTEC, Noordwijk"
                    after = city_at(ctx, toks, place.end + 1)
                    if after is not None:
                        place = Place(
                            after.city,
                            after.country,
                            place.venue,
                            place.owner,
                            place.start,
                            after.end,
                        )
                out.append(place)
                i = place.end
                continue
        i += 1
    return out


def country_at(ctx: Context, toks: list[Token], i: int) -> tuple[str, int] | None:
    """A country named at token ``i``, and the token after it."""
    _, countries, _ = _tables()
    if i >= len(toks) or not toks[i].capitalised:
        return None
    m = countries.at(toks, i)
    if m is None:
        return None
    written = " ".join(t.text for t in toks[m.start : m.end])
    found = gazetteer().country(written)
    return (found, m.end) if found else None


def entry_place(ctx: Context, sent: Sent) -> Place | None:
    """A city written beside a date as an entry gives it: "13-14 November 2019 - Tokyo,
    Japan", "Montreal, 10-12 July", "Second plenary: Montreal, 10-12 July"."""
    toks = sent.toks
    for k, t in enumerate(toks):
        if t.kind != "date":
            continue
        if k + 2 < len(toks) and toks[k + 1].key in ("-", "–", "—", ":", "|", ","):
            place = city_at(ctx, toks, k + 2) or venue_at(ctx, toks, k + 2)
            if place is not None and (place.city or place.venue):
                return place
        if k >= 2 and toks[k - 1].key in (",", "-", "–", "|", "("):
            for start in range(max(0, k - 6), k - 1):
                place = city_at(ctx, toks, start)
                if (
                    place is not None
                    and place.end == k - 1
                    and (start == 0 or toks[start - 1].key in (":", "-", "–", "|", ",", "("))
                ):
                    return place
    return heading_place(ctx, sent)


def heading_place(ctx: Context, sent: Sent) -> Place | None:
    """A city opening a line that is only a place and a date: "Noordwijk, The Netherlands,
    December 2-3, 2009", "London, 12-13 May 2016"."""
    toks = sent.toks
    if not toks or len(toks) > 14:
        return None
    place = city_at(ctx, toks, 0)
    if place is None:
        return None
    rest = [t for t in toks[place.end :] if t.kind != "punct"]
    if rest and all(t.kind == "date" for t in rest):
        return place
    return None


def cue_city(ctx: Context, toks: list[Token], j: int) -> str | None:
    """A city the gazetteer does not know, from the grammar alone: one or two capitalised words
    right after a meeting verb and "in" ("met in Bangalore"), that are no country, region, month
    or agency, and no longer name."""
    if j + 1 >= len(toks) or toks[j].key != "in":
        return None
    g = gazetteer()
    k = _capitalised_run(toks, j + 1, 2)
    if k == j + 1:
        return None
    if k < len(toks) and (toks[k].capitalised or toks[k].key in _NAME_SMALL):
        return None  # "in Space Policy ...": the first words of a longer name
    name = _written(toks, j + 1, k, ctx)
    if g.country(name) or g.is_region(name) or name in g.states:
        return None
    if ctx.lex.phrases("group.names").at(toks, j + 1) is not None:
        return None  # "meet by videoconference in ISECG": the group, not a place
    if VENUE_WORDS & {t.key for t in toks[j + 1 : k]}:
        return None
    return name
