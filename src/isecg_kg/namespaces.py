"""Vocabularies used by isecg-kg; ``ISECG`` must match the terms ``ontology/isecg.ttl`` declares."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
WD = Namespace("http://www.wikidata.org/entity/")
ID = Namespace("https://w3id.org/isecg/id/")


class ISECG(DefinedNamespace):
    """The isecg-kg ontology. A term not listed here fails at once (``_fail = True``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/isecg/ontology#")

    # Classes
    Agency: URIRef
    Meeting: URIRef
    Roadmap: URIRef
    RoadmapSupplement: URIRef
    Chairmanship: URIRef
    Membership: URIRef
    MemberCount: URIRef
    SourceDocument: URIRef
    Evidence: URIRef

    # Meetings
    date: URIRef
    endDate: URIRef
    earliestDate: URIRef
    latestDate: URIRef
    dateNote: URIRef
    statedWeekday: URIRef
    venue: URIRef
    city: URIRef
    country: URIRef
    host: URIRef
    virtual: URIRef
    statedParticipantCount: URIRef
    participant: URIRef
    absentee: URIRef

    # Membership and chairmanship
    joined: URIRef
    joinedEarliest: URIRef
    joinedLatest: URIRef
    memberOn: URIRef
    memberUndated: URIRef
    memberOrdinal: URIRef
    startDate: URIRef
    startMeeting: URIRef
    endMeeting: URIRef
    heldOn: URIRef
    statedCount: URIRef

    # Roadmaps
    edition: URIRef
    expected: URIRef

    # Agencies
    needsReview: URIRef
    countryName: URIRef

    # Sources and evidence
    fileName: URIRef
    contentHash: URIRef
    sourceFormat: URIRef
    describes: URIRef
    aboutProperty: URIRef
    quote: URIRef
    charStart: URIRef
    charEnd: URIRef
