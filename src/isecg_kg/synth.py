"""Synthetic ISECG worlds at any size, written as a graph that follows docs/MODEL.md exactly.

A ``World`` is made from a meeting count and a seed (same inputs, same world, same bytes): agencies
joining over time, meetings with dates at mixed precision, participants, hosts, chair changes,
member lists, roadmaps and the source documents that report them. ``write_graph`` streams it as
N-Triples, N-Quads, Turtle or TriG (one named graph per source document) without building an
rdflib graph, so 100,000 meetings (about 3 million triples) take seconds. ``synthdocs`` writes the
same world as source documents for the whole pipeline.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ID = "https://w3id.org/isecg/id/"
ONT = "https://w3id.org/isecg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
DCT = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"

REAL_AGENCIES = (  # acronym, the name sources write, country; founders first
    ("ASI", "Italian Space Agency", "Italy"),
    ("CNES", "French Centre National d'Etudes Spatiales", "France"),
    ("CNSA", "China National Space Administration", "China"),
    ("CSA", "Canadian Space Agency", "Canada"),
    ("DLR", "German Aerospace Center", "Germany"),
    ("ESA", "European Space Agency", ""),
    ("ISRO", "Indian Space Research Organisation", "India"),
    ("JAXA", "Japan Aerospace Exploration Agency", "Japan"),
    ("KARI", "Korea Aerospace Research Institute", "Republic of Korea"),
    ("NASA", "National Aeronautics and Space Administration", "United States of America"),
    ("Roscosmos", "Russian State Space Corporation", "Russia"),
    ("UKSA", "UK Space Agency", "United Kingdom"),
    ("SSAU", "State Space Agency of Ukraine", "Ukraine"),
    ("CSIRO", "Commonwealth Scientific and Industrial Research Organisation", "Australia"),
    ("UAESA", "United Arab Emirates Space Agency", "United Arab Emirates"),
    ("LSA", "Luxembourg Space Agency", "Luxembourg"),
    ("ASA", "Australian Space Agency", "Australia"),
    ("NOSA", "Norwegian Space Agency", "Norway"),
    ("POLSA", "Polish Space Agency", "Poland"),
    ("ROSA", "Romanian Space Agency", "Romania"),
    ("SSO", "Swiss Space Office", "Switzerland"),
    ("AEB", "Brazilian Space Agency", "Brazil"),
    ("GISTDA", "Geo-Informatics and Space Technology Development Agency", "Thailand"),
    ("ISA", "Israel Space Agency", "Israel"),
    ("MBRSC", "Mohammed Bin Rashid Space Centre", "United Arab Emirates"),
    ("AEM", "Mexican Space Agency", "Mexico"),
    ("KASA", "Korea AeroSpace Administration", "Republic of Korea"),
    ("NZSA", "New Zealand Space Agency", "New Zealand"),
    ("PTS", "Portugal Space", "Portugal"),
    ("VNSC", "Vietnam National Space Center", "Vietnam"),
)
VENUES = (  # venue, city, country, host
    ("European Space Operations Centre (ESOC)", "Darmstadt", "Germany", "ESA"),
    ("John H. Chapman Space Centre", "Longueuil", "Canada", "CSA"),
    ("NASA Headquarters", "Washington", "United States of America", "NASA"),
    ("JAXA Tokyo Office", "Tokyo", "Japan", "JAXA"),
    ("CNES Headquarters", "Paris", "France", "CNES"),
    ("ASI Headquarters", "Rome", "Italy", "ASI"),
    ("DLR Space Administration", "Bonn", "Germany", "DLR"),
    ("ISRO Headquarters", "Bengaluru", "India", "ISRO"),
    ("KARI Headquarters", "Daejeon", "Republic of Korea", "KARI"),
    ("UK Space Agency", "Swindon", "United Kingdom", "UKSA"),
    ("", "Moscow", "Russia", "Roscosmos"),
    ("", "Beijing", "China", "CNSA"),
    ("", "Luxembourg", "Luxembourg", "LSA"),
    ("", "Canberra", "Australia", "ASA"),
    ("", "Dubai", "United Arab Emirates", "MBRSC"),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
START = date(2007, 5, 31)  # the Global Exploration Strategy is released; ISECG starts


@dataclass
class Agency:
    """An agency of the synthetic world and when (at what precision) it joined."""

    key: str
    name: str
    country: str
    joined: int  # index of the meeting at which it is first a member
    join_form: str = "year"  # "year" | "day" | "bounds"


@dataclass
class Meeting:
    """One meeting: date at some precision (or bounds), place, who took part."""

    n: int
    day: date
    value: str | None
    end: str | None = None
    earliest: str | None = None
    latest: str | None = None
    weekday: str | None = None
    venue: str = ""
    city: str = ""
    country: str = ""
    host: str | None = None
    virtual: bool | None = None
    stated: int | None = None
    participants: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    chair: tuple[str, str] | None = None  # (previous, new)
    joins: tuple[str, ...] = ()
    member_list: bool = False
    reports: list[str] = field(default_factory=list)  # ids of documents describing it

    @property
    def iri(self) -> str:
        return f"{ID}meeting/{self.value or self.reports[0] + '-0'}"


@dataclass
class Roadmap:
    """A roadmap edition published after a meeting."""

    edition: int
    issued: str
    after: int  # meeting index
    supplement: bool = False
    doc: str = ""


@dataclass
class World:
    """A whole synthetic history."""

    seed: int
    agencies: list[Agency]
    meetings: list[Meeting]
    roadmaps: list[Roadmap]

    def members_at(self, n: int) -> list[str]:
        """Agencies that are members at meeting ``n``."""
        return [a.key for a in self.agencies if a.joined <= n]


def doc_id(seed: int, n: int) -> str:
    """A 16-hex-digit document id, like the pipeline's (a hash), deterministic in seed and n."""
    return hashlib.sha256(f"isecg-synth/{seed}/{n}".encode()).hexdigest()[:16]


def agency_table(count: int) -> list[tuple[str, str, str]]:
    """The 30 real agencies, then synthetic ones (``XA031`` ...) up to ``count``."""
    table = list(REAL_AGENCIES[:count])
    table += [
        (f"XA{i:03d}", f"Exploration Agency {i}", f"Country {i}") for i in range(31, count + 1)
    ]
    return table


def make_world(meetings: int, seed: int = 0, agencies: int | None = None) -> World:
    """A deterministic world of ``meetings`` meetings; agencies default to 30 + meetings/500."""
    rng = random.Random(seed)
    n_agencies = agencies or 30 + meetings // 500
    table = agency_table(n_agencies)
    founders = min(12, len(table))
    ags = [Agency(k, name, c, 0) for k, name, c in table[:founders]]
    for k, name, c in table[founders:]:
        ags.append(
            Agency(
                k,
                name,
                c,
                rng.randrange(1, max(2, meetings)),
                rng.choice(("day", "day", "year", "bounds")),
            )
        )
    ags.sort(key=lambda a: a.joined)
    world = World(seed, ags, [], [])
    used: set[str] = set()
    day = START
    chair = "NASA" if any(a.key == "NASA" for a in ags) else ags[0].key
    joins_at: dict[int, list[str]] = {}
    for a in ags:
        joins_at.setdefault(a.joined, []).append(a.key)
    for n in range(meetings):
        day += timedelta(days=rng.choice((1, 1, 2, 2, 3)))
        m = Meeting(n, day, day.isoformat())
        roll = rng.random()
        if roll < 0.07 and day.isoformat()[:7] not in used:
            m.value = day.isoformat()[:7]
        elif roll < 0.11 and day.isoformat()[:4] not in used:
            m.value = day.isoformat()[:4]
        elif roll < 0.15 and n > 0:
            m.value = None
            m.earliest = (day - timedelta(days=40)).isoformat()[:7]
            m.latest = (day + timedelta(days=40)).isoformat()[:7]
        if m.value:
            used.add(m.value)
        if m.value and len(m.value) == 10:
            if rng.random() < 0.15:
                m.end = (day + timedelta(days=1)).isoformat()
            if rng.random() < 0.3:
                m.weekday = WEEKDAYS[day.weekday()]
        members = world.members_at(n)
        size = min(len(members), rng.randint(3, 10))
        m.participants = tuple(sorted(rng.sample(members, size)))
        venue = rng.choice(VENUES)
        m.virtual = rng.choice((True, False, False, False, None))
        if not m.virtual:
            m.venue, m.city, m.country = venue[:3]
        m.host = venue[3] if venue[3] in m.participants else m.participants[0]
        if rng.random() < 0.7:
            m.stated = size + (1 if rng.random() < 0.1 else 0)
        others = [a for a in members if a not in m.participants]
        if others and rng.random() < 0.05:
            m.absent = (rng.choice(others),)
        m.joins = tuple(joins_at.get(n, ())) if n > 0 else ()
        if m.value and len(m.value) == 10 and n % 40 == 39:
            new = rng.choice([a for a in members if a != chair] or [chair])
            m.chair, chair = (chair, new), new
        m.member_list = bool(m.value and len(m.value) == 10 and n % 2000 == 1000)
        world.meetings.append(m)
    _assign_documents(world, rng)
    return world


def _assign_documents(world: World, rng: random.Random) -> None:
    """Each meeting gets a report; one in ten a second one; each roadmap its own document."""
    count = 0
    for m in world.meetings:
        m.reports.append(doc_id(world.seed, count))
        count += 1
        if rng.random() < 0.1:
            m.reports.append(doc_id(world.seed, count))
            count += 1
    step = max(1, len(world.meetings) // max(2, len(world.meetings) // 5000))
    for edition, after in enumerate(range(step // 2, len(world.meetings), step), start=1):
        m = world.meetings[after]
        issued = m.day.isoformat()[:7]
        rm = Roadmap(edition, issued, after, supplement=edition % 3 == 0)
        rm.doc = doc_id(world.seed, count)
        count += 1
        world.roadmaps.append(rm)


# -- sentences (shared with synthdocs, so evidence quotes read like the documents) ------------


def names(world_agencies: dict[str, Agency], keys: tuple[str, ...]) -> str:
    """'the Italian Space Agency (ASI), ... and UK Space Agency (UKSA)'."""
    parts = [f"{world_agencies[k].name} ({k})" for k in keys]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def meeting_sentence(m: Meeting) -> str:
    """The lead sentence of a meeting report."""
    count = m.stated if m.stated is not None else len(m.participants)
    where = "virtually" if m.virtual else f"in {m.city}, {m.country}" if m.city else ""
    return (
        f"Senior managers representing {count} space agencies gathered {where} for a meeting of "
        "the International Space Exploration Coordination Group (ISECG)."
    ).replace("  ", " ")


def participants_sentence(m: Meeting, agencies: dict[str, Agency]) -> str:
    """The sentence listing who took part."""
    kind = "virtual meeting" if m.virtual else "meeting"
    return f"This {kind} included representatives from the {names(agencies, m.participants)}."


# -- the graph ---------------------------------------------------------------------------------


def _lit(value: str | int | bool) -> str:
    if isinstance(value, bool):
        return f'"{str(value).lower()}"^^<{XSD}boolean>'
    if isinstance(value, int):
        return f'"{value}"^^<{XSD}integer>'
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _date(value: str) -> str:
    kind = {4: "gYear", 7: "gYearMonth", 10: "date"}[len(value)]
    return f'"{value}"^^<{XSD}{kind}>'


class _Graph:
    """Triples of one named graph as N-Triples lines; ``shared`` ones repeat another graph's."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: list[str] = []
        self.shared: set[int] = set()
        self.evidence = 0

    def add(self, s: str, p: str, o: str, shared: bool = False) -> None:
        if shared:
            self.shared.add(len(self.lines))
        self.lines.append(f"<{s}> {p} {o} .")

    def ev(self, doc: str, about: str, quote: str, prop: str | None = None) -> None:
        node = f"{ID}evidence/{doc}/{self.evidence}"
        self.evidence += 1
        self.add(node, RDF_TYPE, f"<{ONT}Evidence>")
        self.add(node, f"<{ONT}describes>", f"<{about}>")
        if prop:
            self.add(node, f"<{ONT}aboutProperty>", f"<{ONT}{prop}>")
        start = 40 * self.evidence
        self.add(node, f"<{ONT}quote>", _lit(quote))
        self.add(node, f"<{ONT}charStart>", _lit(start))
        self.add(node, f"<{ONT}charEnd>", _lit(start + len(quote)))
        self.add(node, f"<{PROV}wasQuotedFrom>", f"<{ID}source/{doc}>")


def _source(g: _Graph, doc: str, n: int, title: str, published: date) -> None:
    s = f"{ID}source/{doc}"
    kind = ("wordpress-json", "html", "text")[n % 3]
    media = {"wordpress-json": "application/json", "html": "text/html", "text": "text/plain"}[kind]
    g.add(s, RDF_TYPE, f"<{ONT}SourceDocument>")
    g.add(s, f"<{DCT}title>", _lit(title))
    g.add(s, f"<{SCHEMA}url>", _lit(f"https://www.globalspaceexploration.org/?p={n + 1000}"))
    g.add(s, f"<{DCT}publisher>", _lit("ISECG Secretariat"))
    g.add(s, f"<{DCT}issued>", _date(published.isoformat()))
    g.add(s, f"<{DCT}format>", _lit(media))
    g.add(s, f"<{ONT}sourceFormat>", _lit(kind))
    g.add(s, f"<{ONT}fileName>", _lit(f"{n:06d}_{doc}.{'json' if n % 3 == 0 else 'txt'}"))
    g.add(s, f"<{ONT}contentHash>", _lit(hashlib.sha256(doc.encode()).hexdigest()))


def _meeting_graph(world: World, m: Meeting, doc: str, shared: bool, agencies: dict) -> _Graph:
    g = _Graph(f"{ID}source/{doc}")
    _source(g, doc, int(doc, 16) % 999_983, f"ISECG meeting {m.n + 1}", m.day + timedelta(days=9))
    iri, o = m.iri, ONT
    g.add(iri, RDF_TYPE, f"<{o}Meeting>", shared)
    g.add(iri, f"<{PROV}wasDerivedFrom>", f"<{g.name}>")
    for prop, value in (
        ("date", m.value),
        ("endDate", m.end),
        ("earliestDate", m.earliest),
        ("latestDate", m.latest),
    ):
        if value:
            g.add(iri, f"<{o}{prop}>", _date(value), shared)
    if m.earliest:
        g.add(iri, f"<{o}dateNote>", _lit("between the meetings before and after it"), shared)
    for prop, text in (
        ("statedWeekday", m.weekday),
        ("venue", m.venue),
        ("city", m.city),
        ("country", m.country),
    ):
        if text:
            g.add(iri, f"<{o}{prop}>", _lit(text), shared)
    if m.host:
        g.add(iri, f"<{o}host>", f"<{ID}agency/{m.host}>", shared)
    if m.virtual is not None:
        g.add(iri, f"<{o}virtual>", _lit(m.virtual), shared)
    if m.stated is not None:
        g.add(iri, f"<{o}statedParticipantCount>", _lit(m.stated), shared)
    for a in m.participants:
        g.add(iri, f"<{o}participant>", f"<{ID}agency/{a}>", shared)
    for a in m.absent:
        g.add(iri, f"<{o}absentee>", f"<{ID}agency/{a}>", shared)
    g.ev(doc, iri, meeting_sentence(m))
    if len(m.participants) > 7:
        g.ev(doc, iri, participants_sentence(m, agencies), "participant")
    if shared:
        return g
    for rm in world.roadmaps:
        if rm.after == m.n + 10:
            _announced(g, doc, rm)
    _chair(g, m, doc, agencies)
    _joins(g, world, m, doc, agencies)
    if m.member_list:
        _member_list(g, world, m, doc)
    return g


def _chair(g: _Graph, m: Meeting, doc: str, agencies: dict) -> None:
    if not m.chair:
        return
    prev, new = m.chair
    quote = (
        f"During the meeting the role of ISECG Chair transitioned from the "
        f"{agencies[prev].name} ({prev}) to the {agencies[new].name} ({new})."
    )
    for key, iri, date_prop, meeting_prop in (
        (new, f"{ID}chair/{new}/{m.value}", "startDate", "startMeeting"),
        (prev, f"{ID}chair/{prev}/until-{m.value}", "endDate", "endMeeting"),
    ):
        g.add(iri, RDF_TYPE, f"<{ONT}Chairmanship>")
        g.add(iri, f"<{ORG}member>", f"<{ID}agency/{key}>")
        g.add(iri, f"<{ORG}organization>", f"<{ID}org/ISECG>")
        g.add(iri, f"<{ORG}role>", f"<{ID}role/chair>")
        g.add(iri, f"<{ONT}{date_prop}>", _date(m.value))
        g.add(iri, f"<{ONT}{meeting_prop}>", f"<{m.iri}>")
        g.add(iri, f"<{PROV}wasDerivedFrom>", f"<{g.name}>")
        g.ev(doc, iri, quote, date_prop)


def _membership(g: _Graph, key: str) -> str:
    iri = f"{ID}membership/{key}"
    g.add(iri, RDF_TYPE, f"<{ONT}Membership>")
    g.add(iri, f"<{ORG}member>", f"<{ID}agency/{key}>")
    g.add(iri, f"<{ORG}organization>", f"<{ID}org/ISECG>")
    g.add(iri, f"<{PROV}wasDerivedFrom>", f"<{g.name}>")
    return iri


def _joins(g: _Graph, world: World, m: Meeting, doc: str, agencies: dict) -> None:
    by_key = {a.key: a for a in world.agencies}
    for key in m.joins:
        iri = _membership(g, key)
        form = by_key[key].join_form
        day = m.day.isoformat()
        if form == "day" and m.value and len(m.value) == 10:
            g.add(iri, f"<{ONT}joined>", _date(day))
        elif form == "bounds" and m.n > 0:
            g.add(iri, f"<{ONT}joinedEarliest>", _date(world.meetings[m.n - 1].day.isoformat()[:7]))
            g.add(iri, f"<{ONT}joinedLatest>", _date(day))
        else:
            g.add(iri, f"<{ONT}joined>", _date(day[:4]))
        ordinal = sum(1 for a in world.agencies if a.joined < m.n) + m.joins.index(key) + 1
        g.add(iri, f"<{ONT}memberOrdinal>", _lit(ordinal))
        g.ev(
            doc,
            iri,
            f"The senior agency managers welcomed {agencies[key].name} ({key}) as "
            f"the {ordinal}th member of ISECG.",
            "joined",
        )


def _member_list(g: _Graph, world: World, m: Meeting, doc: str) -> None:
    members = world.members_at(m.n)
    quote = f"ISECG now counts {len(members)} member agencies."
    for key in members:
        iri = _membership(g, key)
        g.add(iri, f"<{ONT}memberOn>", _date(m.value))
    count = f"{ID}member-count/{m.value}"
    g.add(count, RDF_TYPE, f"<{ONT}MemberCount>")
    g.add(count, f"<{ONT}date>", _date(m.value))
    g.add(count, f"<{ONT}statedCount>", _lit(len(members)))
    g.add(count, f"<{PROV}wasDerivedFrom>", f"<{g.name}>")
    g.ev(doc, count, quote, "statedCount")


def _founders(world: World) -> _Graph:
    """The founding members' memberships, told by the first report."""
    first = world.meetings[0].reports[0]
    g = _Graph(f"{ID}source/{first}")
    for a in world.agencies:
        if a.joined == 0:
            iri = _membership(g, a.key)
            g.add(iri, f"<{ONT}joined>", _date(str(START.year)))
    return g


def _roadmap_graph(rm: Roadmap, world: World) -> _Graph:
    g = _Graph(f"{ID}source/{rm.doc}")
    m = world.meetings[rm.after]
    _source(g, rm.doc, int(rm.doc, 16) % 999_983, "Global Exploration Roadmap", m.day)
    kind = "ger-supplement" if rm.supplement else "ger"
    iri = f"{ID}roadmap/{kind}/{rm.issued[:4]}"
    g.add(iri, RDF_TYPE, f"<{ONT}Roadmap>")
    if rm.supplement:
        g.add(iri, RDF_TYPE, f"<{ONT}RoadmapSupplement>")
    title = "Global Exploration Roadmap" + (" Supplement" if rm.supplement else "")
    g.add(iri, f"<{DCT}title>", _lit(title))
    g.add(iri, f"<{ONT}edition>", _lit(rm.edition))
    g.add(iri, f"<{DCT}issued>", _date(rm.issued))
    g.add(
        iri, f"<{SCHEMA}url>", _lit(f"https://www.globalspaceexploration.org/ger-{rm.edition}.pdf")
    )
    g.add(iri, f"<{PROV}wasDerivedFrom>", f"<{g.name}>")
    g.ev(rm.doc, iri, f"ISECG published edition {rm.edition} of the {title}.")
    return g


def _announced(g: _Graph, doc: str, rm: Roadmap) -> None:
    iri = f"{ID}roadmap/ger/announced-{doc}-0"
    g.add(iri, RDF_TYPE, f"<{ONT}Roadmap>")
    g.add(iri, f"<{DCT}title>", _lit("Global Exploration Roadmap"))
    g.add(iri, f"<{ONT}expected>", _lit(f"mid-{rm.issued[:4]}"))
    g.add(iri, f"<{PROV}wasDerivedFrom>", f"<{g.name}>")
    g.ev(
        doc,
        iri,
        f"The next edition of the roadmap is expected to be published in mid-{rm.issued[:4]}.",
    )


def registry_lines(world: World) -> list[str]:
    """The agency registry (graph ``id:graph/registry``) for the world's agencies."""
    out = []
    for a in world.agencies:
        s = f"<{ID}agency/{a.key}>"
        out.append(f"{s} {RDF_TYPE} <{ONT}Agency> .")
        out.append(f"{s} <{SKOS}notation> {_lit(a.key)} .")
        out.append(f"{s} <{SKOS}prefLabel> {_lit(a.name)}@en .")
        if a.country:
            out.append(f"{s} <{ONT}countryName> {_lit(a.country)} .")
    return out


def graphs(world: World) -> Iterator[_Graph]:
    """Every named graph of the world: the registry, then one per source document."""
    agencies = {a.key: a for a in world.agencies}
    reg = _Graph(f"{ID}graph/registry")
    reg.lines = registry_lines(world)
    yield reg
    yield _founders(world)
    for m in world.meetings:
        for i, doc in enumerate(m.reports):
            yield _meeting_graph(world, m, doc, i > 0, agencies)
    for rm in world.roadmaps:
        yield _roadmap_graph(rm, world)


def write_graph(path: Path, meetings: int, seed: int = 0) -> int:
    """Write the world of ``meetings`` meetings to ``path`` (.nt .nq .ttl .trig); returns lines."""
    fmt = path.suffix.lower()
    if fmt not in {".nt", ".nq", ".ttl", ".trig"}:
        raise ValueError(f"unsupported synthetic graph format {fmt!r}: use .nt .nq .ttl .trig")
    world = make_world(meetings, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for g in graphs(world):
            if fmt == ".trig":
                out.write(f"<{g.name}> {{\n" + "\n".join(g.lines) + "\n}\n")
                written += len(g.lines)
                continue
            lines = [ln for i, ln in enumerate(g.lines) if i not in g.shared]
            if fmt == ".nq":
                lines = [ln[:-1] + f"<{g.name}> ." for ln in g.lines]
            out.write("\n".join(lines) + "\n")
            written += len(lines)
    return written


def new_record(meetings: int, seed: int = 0) -> str:
    """One new meeting report (N-Triples) for the world of ``meetings``: a meeting after the
    last, with its source and evidence, naming agencies the graph already has."""
    world = make_world(meetings, seed)
    last = world.meetings[-1]
    day = last.day + timedelta(days=30)
    members = world.members_at(len(world.meetings))
    m = Meeting(
        len(world.meetings),
        day,
        day.isoformat(),
        city="Tokyo",
        country="Japan",
        venue="JAXA Tokyo Office",
        host=members[0],
        virtual=False,
        participants=tuple(sorted(members[:8])),
        stated=8,
    )
    m.reports.append(doc_id(seed + 1, 0))
    agencies = {a.key: a for a in world.agencies}
    g = _meeting_graph(world, m, m.reports[0], False, agencies)
    return "\n".join(g.lines) + "\n"
