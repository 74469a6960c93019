"""The gazetteer (``data/gazetteer.toml``): countries, regions, cities and venues, as data.

Names are looked up as sources write them, accents folded. The registry uses it for the agency a
country's name stands for; the extractor for meeting places and venues.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import resources
from .errors import IsecgError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML data file, or one clear error naming it."""
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except OSError as e:
        raise IsecgError(f"cannot read: {e.strerror}", file=path) from None
    except tomllib.TOMLDecodeError as e:
        raise IsecgError(f"not valid TOML: {e}", file=path) from None


def _key(name: str) -> str:
    """A name as the gazetteer looks it up: accents folded, case and spacing ignored."""
    from .registry import fold

    return " ".join(fold(name).casefold().split())


@dataclass(frozen=True)
class Venue:
    """A named venue: the city it is in and the agency it belongs to (if any)."""

    name: str
    city: str
    agency: str | None


class Gazetteer:
    """Lookups over the gazetteer's tables."""

    def __init__(self, data: dict[str, Any]) -> None:
        try:
            self.countries = frozenset(data["countries"]["names"])
            self.aliases: dict[str, str] = dict(data["country_aliases"])
            self.demonyms: dict[str, str] = dict(data["demonyms"])
            self.regions = frozenset(data["regions"]["names"])
            self.region_agencies: dict[str, str] = dict(data["region_agencies"])
            self.states: dict[str, str] = dict(data["states"])
            self.cities: dict[str, str] = {_key(k): v for k, v in data["cities"].items()}
            self.venues: dict[str, Venue] = {
                _key(k): Venue(k, v["city"], v.get("agency") or None)
                for k, v in data["venues"].items()
            }
            self.country_agency: dict[str, list[tuple[str, str | None]]] = {
                k: [(e["agency"], e.get("from")) for e in v]
                for k, v in data.get("country_agency", {}).items()
            }
        except (KeyError, TypeError, AttributeError) as e:
            raise IsecgError(f"the gazetteer lacks or misshapes {e}", field="gazetteer") from None
        bad = {
            v for v in [*self.aliases.values(), *self.cities.values()] if v not in self.countries
        }
        if bad:
            raise IsecgError(f"the gazetteer names unknown countries: {sorted(bad)}")

    def country(self, name: str) -> str | None:
        """The gazetteer's name for a country as a source writes it ("USA" -> "United States");
        None when it is no country."""
        name = name.strip()
        if name in self.countries:
            return name
        if name in self.aliases:
            return self.aliases[name]
        bare = name[4:] if name.casefold().startswith("the ") else name
        if bare in self.countries:
            return bare
        return self.aliases.get(bare)

    def is_region(self, name: str) -> bool:
        return name.strip() in self.regions

    def city(self, name: str) -> str | None:
        """The country of a city the gazetteer knows."""
        return self.cities.get(_key(name))

    def venue(self, name: str) -> Venue | None:
        return self.venues.get(_key(name))

    def place_names(self) -> list[str]:
        """Every country, alias, region, state and city name, for matching in text."""
        return sorted(
            {*self.countries, *self.aliases, *self.regions, *self.states, *self.cities},
            key=lambda n: (-len(n), n),
        )


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer."""
    return Gazetteer(read_toml(resources.resource("data", "gazetteer.toml")))
