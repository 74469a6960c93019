"""Facts -> triples: each document's facts into its own named graph, with deterministic IRIs.

The only stage that makes RDF. Meeting identity across documents is settled first
(``identity.resolve``), so that one meeting told by two documents gets one IRI, each document
writes only the most precise values its meeting has, and merging the per-document graphs is a
plain union.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rdflib import DCTERMS, RDF, SKOS, XSD, Graph, Literal, URIRef

from . import identity, ids, temporal
from .document import Document
from .facts import (
    AgencyRef,
    ChairChange,
    Evidence,
    Extraction,
    Join,
    Meeting,
    MemberList,
    Roadmap,
    When,
)
from .namespaces import ISECG, ORG, PROV, SCHEMA

MeetingKey = identity.Key  # (document id, meeting number within the document)


@dataclass(frozen=True)
class Mapped:
    """A document with what was extracted from it."""

    document: Document
    extraction: Extraction


def describe(items: Sequence[Mapped]) -> list[identity.Description]:
    """Every meeting the documents describe, as identity compares them."""
    return [
        identity.describe(item.document.id, m, item.document.published)
        for item in items
        for m in item.extraction.meetings
    ]


def resolve(
    items: Sequence[Mapped], existing: Sequence[identity.Description] = ()
) -> identity.Resolution:
    """Meeting identity across the documents (and the meetings of a graph, ``existing``)."""
    return identity.resolve(describe(items), existing)


class _DocumentMapper:
    """Writes one document's facts into one graph."""

    def __init__(self, doc: Document, resolution: identity.Resolution) -> None:
        self.doc = doc
        self.source = ids.source(doc.id)
        self.meetings = resolution.meetings
        self.keeps = resolution.keeps
        self.graph = Graph(identifier=self.source)
        self._evidence = 0

    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        if o is None:
            return
        self.graph.add((s, p, o if isinstance(o, URIRef | Literal) else Literal(o)))

    def date(self, s: URIRef, p: URIRef, value: str | None) -> None:
        if value:
            self.graph.add((s, p, temporal.literal(value)))

    def derived(self, s: URIRef) -> None:
        self.graph.add((s, PROV.wasDerivedFrom, self.source))

    def agency(self, ref: AgencyRef) -> URIRef:
        if ref.registered:
            return ids.agency(ref.key)
        iri = ids.unregistered_agency(ref.key)
        self.graph.add((iri, RDF.type, ISECG.Agency))
        self.graph.add((iri, SKOS.prefLabel, Literal(ref.key)))
        self.graph.add((iri, ISECG.needsReview, Literal(True)))
        self.derived(iri)
        return iri

    def evidence(self, about: URIRef, ev: Evidence | None, prop: URIRef | None = None) -> None:
        if ev is None:
            return
        node = ids.evidence(self.doc.id, self._evidence)
        self._evidence += 1
        g = self.graph
        g.add((node, RDF.type, ISECG.Evidence))
        g.add((node, ISECG.describes, about))
        if prop is not None:
            g.add((node, ISECG.aboutProperty, prop))
        g.add((node, ISECG.quote, Literal(ev.sentence)))
        g.add((node, ISECG.charStart, Literal(ev.start)))
        g.add((node, ISECG.charEnd, Literal(ev.end)))
        g.add((node, PROV.wasQuotedFrom, self.source))

    def when(self, s: URIRef, when: When, *, start: URIRef, end: URIRef) -> None:
        self.date(s, start, when.value)
        self.date(s, end, when.end)

    # -- the source itself -------------------------------------------------------------------

    def source_node(self) -> None:
        d, s = self.doc, self.source
        self.add(s, RDF.type, ISECG.SourceDocument)
        self.add(s, DCTERMS.title, d.title)
        self.add(s, SCHEMA.url, d.url)
        self.add(s, DCTERMS.publisher, d.publisher)
        self.date(s, DCTERMS.issued, d.published)
        self.date(s, DCTERMS.modified, d.modified)
        self.add(s, DCTERMS["format"], d.media_type)
        self.add(s, ISECG.sourceFormat, d.kind)
        self.add(s, ISECG.fileName, d.path.name)
        self.add(s, ISECG.contentHash, d.content_hash or None)

    # -- facts --------------------------------------------------------------------------------

    def meeting(self, m: Meeting) -> None:
        key = (self.doc.id, m.local)
        iri = self.meetings[key]
        keep = self.keeps.get(key, identity.ALL)
        self.add(iri, RDF.type, ISECG.Meeting)
        self.derived(iri)
        if identity.TIME in keep:  # what a less precise source said stays in its evidence
            self.when(iri, m.when, start=ISECG.date, end=ISECG.endDate)
            if not m.when.value:
                self.date(iri, ISECG.earliestDate, m.when.earliest)
                self.date(iri, ISECG.latestDate, m.when.latest)
            self.add(iri, ISECG.dateNote, m.when.note)
            self.add(iri, ISECG.statedWeekday, m.when.weekday)
        if "venue" in keep:
            self.add(iri, ISECG.venue, m.venue)
        if "city" in keep:
            self.add(iri, ISECG.city, m.city)
        if "country" in keep:
            self.add(iri, ISECG.country, m.country)
        if m.host is not None:
            self.add(iri, ISECG.host, self.agency(m.host))
        if m.virtual is not None:
            self.add(iri, ISECG.virtual, Literal(m.virtual))
        if m.stated_participants is not None:
            self.add(iri, ISECG.statedParticipantCount, Literal(m.stated_participants))
        for ref in m.participants:
            self.add(iri, ISECG.participant, self.agency(ref))
        for ref in m.absent:
            self.add(iri, ISECG.absentee, self.agency(ref))
        self.evidence(iri, m.evidence)
        self.evidence(iri, m.participant_evidence, ISECG.participant)

    def membership(self, ref: AgencyRef) -> URIRef:
        agency = self.agency(ref)
        iri = ids.membership(_key(ref))
        self.add(iri, RDF.type, ISECG.Membership)
        self.add(iri, ORG.member, agency)
        self.add(iri, ORG.organization, ids.ISECG_ORG)
        self.derived(iri)
        return iri

    def member_list(self, ml: MemberList) -> None:
        for ref in ml.members:
            iri = self.membership(ref)
            if ml.when.value:
                self.date(iri, ISECG.memberOn, ml.when.value)
                self.evidence(iri, ml.evidence, ISECG.memberOn)
            else:  # a page with no date: a member today, on no date the graph can name
                self.add(iri, ISECG.memberUndated, Literal(True))
                self.evidence(iri, ml.evidence, ISECG.memberUndated)
        if ml.stated_count is not None and ml.when.value:
            count = ids.member_count(ml.when.value)
            self.add(count, RDF.type, ISECG.MemberCount)
            self.date(count, ISECG.date, ml.when.value)
            self.add(count, ISECG.statedCount, Literal(ml.stated_count))
            self.derived(count)
            self.evidence(count, ml.evidence, ISECG.statedCount)

    def join(self, j: Join) -> None:
        iri = self.membership(j.agency)
        self.date(iri, ISECG.joined, j.when.value)
        if not j.when.value:
            self.date(iri, ISECG.joinedEarliest, j.when.earliest)
            self.date(iri, ISECG.joinedLatest, j.when.latest)
        if j.ordinal is not None:
            self.add(iri, ISECG.memberOrdinal, Literal(j.ordinal))
        self.evidence(iri, j.evidence, ISECG.joined)

    def _anchor(self, meeting: int | None) -> str:
        if meeting is not None and (self.doc.id, meeting) in self.meetings:
            return str(self.meetings[(self.doc.id, meeting)]).rsplit("/", 1)[-1]
        return f"{self.doc.id}-chair"

    def _tenure(self, ref: AgencyRef, iri: URIRef) -> URIRef:
        self.add(iri, RDF.type, ISECG.Chairmanship)
        self.add(iri, ORG.member, self.agency(ref))
        self.add(iri, ORG.organization, ids.ISECG_ORG)
        self.add(iri, ORG.role, ids.CHAIR_ROLE)
        self.derived(iri)
        return iri

    def chair(self, c: ChairChange) -> None:
        anchor = self._anchor(c.meeting)
        meeting = self.meetings.get((self.doc.id, c.meeting)) if c.meeting is not None else None
        if c.state:
            iri = self._tenure(c.to, ids.chair(_key(c.to), None, None, anchor))
            self.date(iri, ISECG.heldOn, c.when.value)
            self.evidence(iri, c.evidence, ISECG.heldOn)
            return
        iri = self._tenure(c.to, ids.chair(_key(c.to), c.when.value, None, anchor))
        self.date(iri, ISECG.startDate, c.when.value)
        self.add(iri, ISECG.startMeeting, meeting)
        self.evidence(iri, c.evidence, ISECG.startDate)
        if c.previous is not None:
            prev = self._tenure(c.previous, ids.chair(_key(c.previous), None, c.when.value, anchor))
            self.date(prev, ISECG.endDate, c.when.value)
            self.add(prev, ISECG.endMeeting, meeting)
            self.evidence(prev, c.evidence, ISECG.endDate)

    def roadmap(self, r: Roadmap, n: int) -> None:
        year = r.published[:4] if r.published else None
        fallback = f"{'announced' if r.announced else 'undated'}-{self.doc.id}-{n}"
        iri = ids.roadmap(r.supplement, year, r.edition, fallback)
        self.add(iri, RDF.type, ISECG.Roadmap)
        if r.supplement:
            self.add(iri, RDF.type, ISECG.RoadmapSupplement)
        self.add(iri, DCTERMS.title, r.title)
        if r.edition is not None:
            self.add(iri, ISECG.edition, Literal(r.edition, datatype=XSD.integer))
        self.date(iri, DCTERMS.issued, r.published)
        self.add(iri, ISECG.expected, r.expected)
        self.add(iri, SCHEMA.url, r.url)
        self.derived(iri)
        self.evidence(iri, r.evidence)


def _key(ref: AgencyRef) -> str:
    return ref.key if ref.registered else f"unregistered-{ids.slug(ref.key)}"


def map_document(item: Mapped, resolution: identity.Resolution) -> Graph:
    """The named graph of one document: its source node and every fact it supports."""
    mapper = _DocumentMapper(item.document, resolution)
    mapper.source_node()
    ex = item.extraction
    for m in ex.meetings:
        mapper.meeting(m)
    for ml in ex.member_lists:
        mapper.member_list(ml)
    for j in ex.joins:
        mapper.join(j)
    for c in ex.chair_changes:
        mapper.chair(c)
    for n, r in enumerate(ex.roadmaps):
        mapper.roadmap(r, n)
    return mapper.graph


def map_all(items: Iterable[Mapped], existing: Sequence[identity.Description] = ()) -> list[Graph]:
    """Named graphs for many documents, with meeting identity settled across all of them
    (and against the meetings of a graph, ``existing``, when new records are checked)."""
    items = list(items)
    resolution = resolve(items, existing)
    return [map_document(item, resolution) for item in items]
