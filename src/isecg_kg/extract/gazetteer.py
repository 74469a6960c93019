"""Word tables the rules look things up in: numbers, ordinals, countries, cities, venue words."""

from __future__ import annotations

import re

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
            words[f"{tens} {_UNITS[i]}"] = value + i
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

_alt = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
NUMBER = rf"(?:\d{{1,3}}|(?i:{_alt}))"
_ord_alt = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ord_alt}))"


def number(text: str) -> int | None:
    """The value of a number written in digits or words ("23", "eleven", "twenty-three")."""
    t = text.strip().casefold()
    if t.isdigit():
        return int(t)
    return NUMBER_WORDS.get(t)


def ordinal(text: str) -> int | None:
    """The value of an ordinal ("3rd", "third")."""
    t = text.strip().casefold()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t)
    if m:
        return int(m.group(1))
    return ORDINAL_WORDS.get(t)


# Cities where space agencies meet, as sources write them -> (city, country).
# fmt: off
CITIES: dict[str, tuple[str, str]] = {
    "Washington, D.C.": ("Washington, D.C.", "United States"),
    "Washington D.C.": ("Washington, D.C.", "United States"),
    "Washington, DC": ("Washington, D.C.", "United States"),
    "Washington DC": ("Washington, D.C.", "United States"),
    "Washington": ("Washington", "United States"), "Houston": ("Houston", "United States"),
    "Pasadena": ("Pasadena", "United States"), "Cape Canaveral": ("Cape Canaveral",
    "United States"),
    "Colorado Springs": ("Colorado Springs", "United States"), "Huntsville": ("Huntsville",
    "United States"),
    "New York": ("New York", "United States"),
    "Darmstadt": ("Darmstadt", "Germany"), "Bonn": ("Bonn", "Germany"), "Berlin": ("Berlin",
    "Germany"),
    "Cologne": ("Cologne", "Germany"), "Bremen": ("Bremen", "Germany"), "Munich": ("Munich",
    "Germany"),
    "Oberpfaffenhofen": ("Oberpfaffenhofen", "Germany"), "Hamburg": ("Hamburg", "Germany"),
    "Noordwijk": ("Noordwijk", "Netherlands"), "The Hague": ("The Hague", "Netherlands"),
    "Amsterdam": ("Amsterdam", "Netherlands"),
    "Paris": ("Paris", "France"), "Toulouse": ("Toulouse", "France"),
    "Rome": ("Rome", "Italy"), "Frascati": ("Frascati", "Italy"), "Naples": ("Naples", "Italy"),
    "Turin": ("Turin", "Italy"), "Milan": ("Milan", "Italy"),
    "Tokyo": ("Tokyo", "Japan"), "Kyoto": ("Kyoto", "Japan"), "Tsukuba": ("Tsukuba", "Japan"),
    "Sagamihara": ("Sagamihara", "Japan"), "Yokohama": ("Yokohama", "Japan"),
    "Montreal": ("Montreal", "Canada"), "Montréal": ("Montréal", "Canada"),
    "Saint-Hubert": ("Saint-Hubert", "Canada"), "St-Hubert": ("St-Hubert", "Canada"),
    "Longueuil": ("Longueuil", "Canada"), "Ottawa": ("Ottawa", "Canada"),
    "Toronto": ("Toronto", "Canada"), "Vancouver": ("Vancouver", "Canada"),
    "Moscow": ("Moscow", "Russia"), "Beijing": ("Beijing", "China"),
    "Bangalore": ("Bangalore", "India"), "Bengaluru": ("Bengaluru", "India"),
    "New Delhi": ("New Delhi", "India"),
    "Seoul": ("Seoul", "South Korea"), "Daejeon": ("Daejeon", "South Korea"),
    "Busan": ("Busan", "South Korea"), "Jeju": ("Jeju", "South Korea"),
    "Canberra": ("Canberra", "Australia"), "Adelaide": ("Adelaide", "Australia"),
    "Sydney": ("Sydney", "Australia"), "Melbourne": ("Melbourne", "Australia"),
    "Luxembourg City": ("Luxembourg", "Luxembourg"), "Luxembourg": ("Luxembourg", "Luxembourg"),
    "Singapore": ("Singapore", "Singapore"),
    "Oslo": ("Oslo", "Norway"), "Warsaw": ("Warsaw", "Poland"), "Bucharest": ("Bucharest",
    "Romania"),
    "Kyiv": ("Kyiv", "Ukraine"), "Kiev": ("Kiev", "Ukraine"), "Dnipro": ("Dnipro", "Ukraine"),
    "Bern": ("Bern", "Switzerland"), "Geneva": ("Geneva", "Switzerland"),
    "Zurich": ("Zurich", "Switzerland"),
    "Dubai": ("Dubai", "United Arab Emirates"), "Abu Dhabi": ("Abu Dhabi", "United Arab Emirates"),
    "Bangkok": ("Bangkok", "Thailand"), "Hanoi": ("Hanoi", "Vietnam"), "Lisbon": ("Lisbon",
    "Portugal"),
    "Tel Aviv": ("Tel Aviv", "Israel"), "Jerusalem": ("Jerusalem", "Israel"),
    "Wellington": ("Wellington", "New Zealand"), "Mexico City": ("Mexico City", "Mexico"),
    "Brasília": ("Brasília", "Brazil"), "Brasilia": ("Brasilia", "Brazil"),
    "London": ("London", "United Kingdom"), "Harwell": ("Harwell", "United Kingdom"),
    "Swindon": ("Swindon", "United Kingdom"), "Glasgow": ("Glasgow", "United Kingdom"),
    "Madrid": ("Madrid", "Spain"), "Vienna": ("Vienna", "Austria"), "Prague": ("Prague",
    "Czech Republic"),
    "Brussels": ("Brussels", "Belgium"), "Stockholm": ("Stockholm", "Sweden"),
    "Guadalajara": ("Guadalajara", "Mexico"), "Dubrovnik": ("Dubrovnik", "Croatia"),
    "Baku": ("Baku", "Azerbaijan"), "Istanbul": ("Istanbul", "Turkey"),
}

# Countries (and US states, for "Houston, Texas") a "in <City>, <Country>" may end with.
COUNTRIES: frozenset[str] = frozenset({
    "Argentina", "Australia", "Austria", "Azerbaijan", "Bahrain", "Belgium", "Brazil", "Canada",
    "Chile", "China", "Colombia", "Croatia", "Czech Republic", "Czechia", "Denmark", "Egypt",
    "Finland", "France", "Germany", "Greece", "Hungary", "India", "Indonesia", "Ireland", "Israel",
    "Italy", "Japan", "Kenya", "Luxembourg", "Malaysia", "Mexico", "Netherlands", "New Zealand",
    "Nigeria", "Norway", "Peru", "Philippines", "Poland", "Portugal", "Romania", "Russia",
    "Saudi Arabia", "Singapore", "South Africa", "South Korea", "Korea", "Republic of Korea",
    "Spain", "Sweden", "Switzerland", "Thailand", "Turkey", "UAE", "Ukraine",
    "United Arab Emirates",
    "United Kingdom", "UK", "U.K.", "United States", "United States of America", "USA", "U.S.",
    "Vietnam", "Viet Nam", "England", "Scotland",
})
US_STATES: frozenset[str] = frozenset({
    "Alabama", "California", "Colorado", "Florida", "Maryland", "Texas", "Virginia", "Ohio",
    "New Mexico", "Arizona", "Hawaii",
})
# fmt: on

# A district designation written after a city's name: a city is its locality name, so
# "Washington, D.C." is the city "Washington".
DISTRICT_SUFFIX = re.compile(r",?\s*\bD\.?\s?C\.?$")
# A known city set off by a comma after a venue: "at ESTEC, Noordwijk, the Netherlands".
CITY_AFTER_COMMA = re.compile(
    r",\s+(?P<city>"
    + "|".join(re.escape(c) for c in sorted(CITIES, key=len, reverse=True))
    + r")(?=\s*[,.;()]|\s+(?:on|in|for|from)\b|$)"
)

# Words that make a capitalised phrase a venue ("European Space Operations Centre").
VENUE_WORDS = re.compile(
    r"\b(?:Cent(?:re|er)|Headquarters|HQ|Hotel|Institute|Campus|Hall|Building|House|Palace|"
    r"Complex|Facility|Establishment|Laborator(?:y|ies)|University|Museum|Academy|Office|Offices|"
    r"Embassy|Conference Cent(?:re|er)|Convention|Auditorium|Space Center|ESOC|ESTEC|ESRIN|EAC|"
    r"Club|Residence|Mansion|Castle|Forum)\b"
)

# Words that make a list item an agency the registry may not know ("Philippine Space Agency").
AGENCY_WORDS = re.compile(
    r"\b(?:Agency|Agencies|Administration|Office|Organi[sz]ation|Institute|Cent(?:re|er)|"
    r"Commission|Authority|Ministry|Council|Bureau|Corporation|Department|Directorate|"
    r"Programme|Program)\b"
)

# Regions a list may group its agencies by ("Asia (ISRO, JAXA, KARI)").
REGIONS: frozenset[str] = frozenset(
    {
        "Asia",
        "Europe",
        "Americas",
        "North America",
        "South America",
        "Latin America",
        "Africa",
        "Oceania",
        "Middle East",
        "Asia-Pacific",
        "Asia Pacific",
        "Australasia",
    }
)

# Labels a list may group its remaining agencies under ("Other: Roscosmos, SSAU").
LIST_GROUPS: frozenset[str] = frozenset(
    {"Other", "Others", "Other agencies", "Rest of the world", "Elsewhere", "International"}
)

# Lower-case words describing an agency before its name ("the French space agency CNES",
# "Australia's national science agency CSIRO") or standing for it ("Norway's space agency").
AGENCY_QUALIFIERS = (
    r"national|federal|state|new|former|space|science|scientific|research|aerospace|"
    r"government|civil|civilian|exploration"
)
AGENCY_NOUNS = (
    r"agency|agencies|administration|centre|center|office|organi[sz]ation|institute|corporation"
)

# How an agency took part, noted after a list item: "SSAU - remote", "CSA (by video link)".
ATTENDANCE_MODES = (
    r"remote(?:ly)?|online|virtual(?:ly)?|in[- ]person|in the room|on[- ]site|hybrid|"
    r"(?:by|via) (?:video(?:[- ]?(?:link|conference))?|videoconference|tele(?:phone|conference)|"
    r"phone)|(?:connected|participating|attending|joining) (?:remotely|online|virtually)"
)
# Words that name a list item by its role before its name ("... and the newcomer, UAESA").
LIST_APPOSITIVES = re.compile(
    r"(?i:(?:(?:the|our|its|their)\s+)?(?:(?:incoming|outgoing|current)\s+)?(?:newcomers?|"
    r"new(?:est)?\s+(?:members?|additions?|arrivals?)|latest\s+(?:members?|additions?)|hosts?|"
    r"host\s+agency|chair))"
)
# Column labels of a table's header row ("Agency | Country / region").
TABLE_COLUMNS = re.compile(
    r"(?i:agenc(?:y|ies)|name|full name|acronym|abbreviation|country|countries|region|"
    r"organi[sz]ations?|delegations?|delegates?|heads? of delegations?|heads?|representatives?|"
    r"participants?|member(?:s| since)?|joined|since|nation|state|type|role|notes?|remarks?|"
    r"number|no\.?|#|count|contacts?|title|position|website|flag|logo)"
)
