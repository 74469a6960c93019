"""Facts -> triples: IRIs, datatypes at the source's precision, provenance, merging."""

from __future__ import annotations

from pathlib import Path

from rdflib import DCTERMS, RDF, XSD, Literal

from isecg_kg import ids
from isecg_kg.document import Document
from isecg_kg.facts import (
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
from isecg_kg.mapping import Mapped, map_all
from isecg_kg.namespaces import ID, ISECG, ORG, PROV

EV = Evidence("The agencies met.", 0, 17)


def doc(doc_id: str, published: str | None = None) -> Document:
    return Document(
        id=doc_id,
        path=Path(f"{doc_id}.txt"),
        kind="text",
        text="The agencies met.",
        paragraphs=("The agencies met.",),
        published=published,
        title="A report",
    )


def test_meeting_literals_and_provenance():
    m = Meeting(
        local=0,
        when=When("2016-05-14", weekday="Saturday"),
        evidence=EV,
        city="Washington",
        host=AgencyRef("NASA"),
        virtual=False,
        stated_participants=3,
        participants=(AgencyRef("NASA"), AgencyRef("ESA"), AgencyRef("Mars Agency", False)),
    )
    [g] = map_all([Mapped(doc("d1", "2016-05-20"), Extraction(meetings=(m,)))])
    meeting = ID["meeting/2016-05-14"]
    assert g.identifier == ids.source("d1")
    assert (meeting, RDF.type, ISECG.Meeting) in g
    assert g.value(meeting, ISECG.date) == Literal("2016-05-14", datatype=XSD.date)
    assert g.value(meeting, ISECG.host) == ids.agency("NASA")
    assert g.value(meeting, ISECG.virtual) == Literal(False)
    assert g.value(meeting, ISECG.statedParticipantCount) == Literal(3)
    assert (meeting, PROV.wasDerivedFrom, ids.source("d1")) in g
    unknown = ids.unregistered_agency("Mars Agency")
    assert (meeting, ISECG.participant, unknown) in g
    assert g.value(unknown, ISECG.needsReview) == Literal(True)
    assert g.value(ids.source("d1"), DCTERMS.issued) == Literal("2016-05-20", datatype=XSD.date)
    quotes = set(g.objects(None, ISECG.quote))
    assert quotes == {Literal("The agencies met.")}
    assert not any(isinstance(t, type(None)) for triple in g for t in triple)


def test_undated_meeting_keeps_bounds_and_own_iri():
    when = When(earliest="2011-09", latest="2013-06", note="between the two editions")
    m = Meeting(local=0, when=when, evidence=EV, host=AgencyRef("CSA"))
    [g] = map_all([Mapped(doc("d2"), Extraction(meetings=(m,)))])
    meeting = ID["meeting/d2-0"]
    assert g.value(meeting, ISECG.date) is None
    assert g.value(meeting, ISECG.earliestDate) == Literal("2011-09", datatype=XSD.gYearMonth)
    assert g.value(meeting, ISECG.latestDate) == Literal("2013-06", datatype=XSD.gYearMonth)


def test_same_meeting_from_two_documents_gets_one_iri():
    exact = Meeting(local=0, when=When("2019-03-18"), evidence=EV, city="Washington")
    month = Meeting(local=0, when=When("2019-03"), evidence=EV, city="washington")
    other = Meeting(local=0, when=When("2019-03"), evidence=EV, city="Tokyo")
    graphs = map_all(
        [
            Mapped(doc("a"), Extraction(meetings=(exact,))),
            Mapped(doc("b"), Extraction(meetings=(month,))),
            Mapped(doc("c"), Extraction(meetings=(other,))),
        ]
    )
    subjects = [set(g.subjects(RDF.type, ISECG.Meeting)) for g in graphs]
    assert subjects[0] == subjects[1] == {ID["meeting/2019-03-18"]}
    assert subjects[2] == {ID["meeting/2019-03"]}


def test_membership_join_and_count():
    ml = MemberList(
        when=When("2020-09-09"), evidence=EV, members=(AgencyRef("SSAU"),), stated_count=24
    )
    join = Join(AgencyRef("AEB"), When(earliest="2020-03", latest="2020-09-09"), EV)
    later = Join(AgencyRef("LSA"), When("2019"), EV, ordinal=27)
    ex = Extraction(member_lists=(ml,), joins=(join, later))
    [g] = map_all([Mapped(doc("d3"), ex)])
    ssau = ids.membership("SSAU")
    assert g.value(ssau, ORG.member) == ids.agency("SSAU")
    assert g.value(ssau, ORG.organization) == ids.ISECG_ORG
    assert g.value(ssau, ISECG.memberOn) == Literal("2020-09-09", datatype=XSD.date)
    aeb = ids.membership("AEB")
    assert g.value(aeb, ISECG.joined) is None
    assert g.value(aeb, ISECG.joinedEarliest) == Literal("2020-03", datatype=XSD.gYearMonth)
    lsa = ids.membership("LSA")
    assert g.value(lsa, ISECG.joined) == Literal("2019", datatype=XSD.gYear)
    assert g.value(lsa, ISECG.memberOrdinal) == Literal(27)
    assert g.value(ids.member_count("2020-09-09"), ISECG.statedCount) == Literal(24)


def test_chair_transition_makes_two_tenures():
    m = Meeting(local=0, when=When("2020-09-09"), evidence=EV, virtual=True)
    c = ChairChange(AgencyRef("CSA"), When("2020-09-09"), EV, previous=AgencyRef("JAXA"), meeting=0)
    [g] = map_all([Mapped(doc("d4"), Extraction(meetings=(m,), chair_changes=(c,)))])
    start = ID["chair/CSA/2020-09-09"]
    end = ID["chair/JAXA/until-2020-09-09"]
    assert g.value(start, ORG.role) == ids.CHAIR_ROLE
    assert g.value(start, ISECG.startMeeting) == ID["meeting/2020-09-09"]
    assert g.value(end, ISECG.endDate) == Literal("2020-09-09", datatype=XSD.date)
    assert g.value(end, ORG.member) == ids.agency("JAXA")


def test_chair_at_undated_meeting_is_keyed_by_meeting():
    m = Meeting(local=0, when=When(), evidence=EV)
    c = ChairChange(AgencyRef("CSA"), When(), EV, meeting=0)
    [g] = map_all([Mapped(doc("d5"), Extraction(meetings=(m,), chair_changes=(c,)))])
    tenure = ID["chair/CSA/at-d5-0"]
    assert g.value(tenure, ISECG.startMeeting) == ID["meeting/d5-0"]
    assert g.value(tenure, ISECG.startDate) is None


def test_roadmaps_published_and_announced():
    first = Roadmap("Global Exploration Roadmap", EV, edition=1, published="2011-09")
    nxt = Roadmap("Global Exploration Roadmap", EV, announced=True, expected="2013-06")
    sup = Roadmap("GER Supplement", EV, supplement=True, published="2020-08")
    [g] = map_all([Mapped(doc("d6"), Extraction(roadmaps=(first, nxt, sup)))])
    assert g.value(ID["roadmap/ger/2011"], ISECG.edition) == Literal(1, datatype=XSD.integer)
    announced = ID["roadmap/ger/announced-d6-1"]
    assert g.value(announced, DCTERMS.issued) is None
    assert g.value(announced, ISECG.expected) == Literal("2013-06")
    assert (ID["roadmap/ger-supplement/2020"], RDF.type, ISECG.RoadmapSupplement) in g
