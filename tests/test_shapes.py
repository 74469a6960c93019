"""Every shape in ontology/shapes.ttl: a record that must trigger it, and one that must not.

Records follow docs/MODEL.md; ``@base`` is the id namespace, so ``<meeting/2020-09-09>`` is
``id:meeting/2020-09-09``. Each case adds its records to BASE, a small graph that is clean.
"""

from __future__ import annotations

from datetime import date, timedelta

import pyshacl
import pytest
from rdflib import RDF, RDFS, SH, Graph, Literal, URIRef

from isecg_kg.namespaces import ISECG
from isecg_kg.resources import shapes_path
from isecg_kg.validate import validate

SHAPES = "https://w3id.org/isecg/shapes#"
HASH = "c7f88f3f07aedc14" + "0" * 48

PREFIXES = """
@base <https://w3id.org/isecg/id/> .
@prefix isecg:   <https://w3id.org/isecg/ontology#> .
@prefix org:     <http://www.w3.org/ns/org#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
"""

BASE = f"""
<agency/NASA> a isecg:Agency ; skos:notation "NASA" ;
    skos:prefLabel "National Aeronautics and Space Administration"@en .
<agency/CSA> a isecg:Agency ; skos:notation "CSA" ; skos:prefLabel "Canadian Space Agency"@en .
<agency/JAXA> a isecg:Agency ; skos:notation "JAXA" ;
    skos:prefLabel "Japan Aerospace Exploration Agency"@en .
<agency/AEB> a isecg:Agency ; skos:notation "AEB" ; skos:prefLabel "Brazilian Space Agency"@en .

<source/s1> a isecg:SourceDocument ;
    dcterms:title "International Space Agencies Meet" ;
    dcterms:issued "2020-09-18"^^xsd:date ; dcterms:modified "2020-09-18"^^xsd:date ;
    isecg:fileName "004_c7f88f3f07aedc14.txt" ; isecg:contentHash "{HASH}" .
<source/s2> a isecg:SourceDocument ; isecg:fileName "002_96262214c6026403.txt" .

<meeting/2020-09-09> a isecg:Meeting ;
    isecg:date "2020-09-09"^^xsd:date ; isecg:statedWeekday "Wednesday" ;
    isecg:virtual true ; isecg:host <agency/CSA> ;
    isecg:statedParticipantCount 3 ;
    isecg:participant <agency/NASA> , <agency/CSA> , <agency/JAXA> ;
    prov:wasDerivedFrom <source/s1> .
<meeting/s2-0> a isecg:Meeting ;
    isecg:earliestDate "2011-09"^^xsd:gYearMonth ; isecg:latestDate "2013-06"^^xsd:gYearMonth ;
    isecg:dateNote "after the roadmap first issued; before the next edition" ;
    isecg:participant <agency/CSA> ;
    prov:wasDerivedFrom <source/s2> .

<membership/NASA> a isecg:Membership ; org:member <agency/NASA> ;
    org:organization <org/ISECG> ; isecg:memberOn "2015-10-07"^^xsd:date ;
    prov:wasDerivedFrom <source/s1> .
<membership/CSA> a isecg:Membership ; org:member <agency/CSA> ;
    org:organization <org/ISECG> ; isecg:memberOn "2015-10-07"^^xsd:date ;
    prov:wasDerivedFrom <source/s1> .
<membership/JAXA> a isecg:Membership ; org:member <agency/JAXA> ;
    org:organization <org/ISECG> ; isecg:memberOn "2015-10-07"^^xsd:date ;
    prov:wasDerivedFrom <source/s1> .
<membership/AEB> a isecg:Membership ; org:member <agency/AEB> ; org:organization <org/ISECG> ;
    isecg:joinedEarliest "2020-03"^^xsd:gYearMonth ; isecg:joinedLatest "2020-09-09"^^xsd:date ;
    isecg:memberOrdinal 23 ;
    prov:wasDerivedFrom <source/s1> .
<member-count/2020-09-09> a isecg:MemberCount ;
    isecg:date "2020-09-09"^^xsd:date ; isecg:statedCount 4 ; prov:wasDerivedFrom <source/s1> .

<chair/CSA/2020-09-09> a isecg:Chairmanship ;
    org:member <agency/CSA> ; org:organization <org/ISECG> ; org:role <role/chair> ;
    isecg:startDate "2020-09-09"^^xsd:date ; isecg:startMeeting <meeting/2020-09-09> ;
    prov:wasDerivedFrom <source/s1> .
<chair/JAXA/until-2020-09-09> a isecg:Chairmanship ;
    org:member <agency/JAXA> ; org:organization <org/ISECG> ; org:role <role/chair> ;
    isecg:endDate "2020-09-09"^^xsd:date ; isecg:endMeeting <meeting/2020-09-09> ;
    prov:wasDerivedFrom <source/s1> .
<chair/CSA/at-s2-0> a isecg:Chairmanship ;
    org:member <agency/CSA> ; org:organization <org/ISECG> ; org:role <role/chair> ;
    isecg:startMeeting <meeting/s2-0> ; prov:wasDerivedFrom <source/s2> .

<roadmap/ger/2011> a isecg:Roadmap ; dcterms:title "Global Exploration Roadmap" ;
    isecg:edition 1 ; dcterms:issued "2011-09"^^xsd:gYearMonth ; prov:wasDerivedFrom <source/s2> .
<roadmap/ger-supplement/2020> a isecg:RoadmapSupplement , isecg:Roadmap ;
    dcterms:title "Global Exploration Roadmap Supplement" ;
    dcterms:issued "2020-08"^^xsd:gYearMonth ; prov:wasDerivedFrom <source/s1> .

<evidence/s1/0> a isecg:Evidence ;
    isecg:describes <meeting/2020-09-09> ; isecg:aboutProperty isecg:participant ;
    isecg:quote "This virtual meeting included representatives from ..." ;
    isecg:charStart 1234 ; isecg:charEnd 1500 ; prov:wasQuotedFrom <source/s1> .
"""

EV = '<evidence/s1/1> a isecg:Evidence ; isecg:describes <meeting/2020-09-09> ; isecg:quote "Q"'

# (shape, records that must trigger it, records that must not)
CASES: list[tuple[str, str, str]] = [
    # --- agencies
    (
        "AgencyName",
        '<agency/X> a isecg:Agency ; skos:notation "X" .',
        '<agency/X> a isecg:Agency ; skos:notation "X" ; skos:prefLabel "X Agency"@en .',
    ),
    (
        "AgencyNotation",
        '<agency/X> a isecg:Agency ; skos:prefLabel "X Agency"@en .',
        '<agency/X> a isecg:Agency ; skos:prefLabel "X Agency"@en ; isecg:needsReview true .',
    ),
    (
        "AgencyNotation",
        '<agency/X> a isecg:Agency ; skos:prefLabel "X"@en ; skos:notation "X", "Y" .',
        '<agency/X> a isecg:Agency ; skos:prefLabel "X"@en ; skos:notation "X" .',
    ),
    (
        "AgencyInRegistry",
        '<agency/unregistered-x> a isecg:Agency ; skos:prefLabel "X" ; isecg:needsReview true .',
        '<agency/X> a isecg:Agency ; skos:prefLabel "X" ; skos:notation "X" ;'
        " isecg:needsReview false .",
    ),
    (
        "AgencyNeedsReviewBoolean",
        '<agency/X> a isecg:Agency ; skos:prefLabel "X" ; skos:notation "X" ;'
        ' isecg:needsReview "no" .',
        '<agency/X> a isecg:Agency ; skos:prefLabel "X" ; skos:notation "X" ;'
        " isecg:needsReview false .",
    ),
    # --- meetings
    (
        "MeetingUndated",
        "<meeting/x-0> a isecg:Meeting ; prov:wasDerivedFrom <source/s1> .",
        '<meeting/x-0> a isecg:Meeting ; isecg:latestDate "2020-09"^^xsd:gYearMonth ;'
        " prov:wasDerivedFrom <source/s1> .",
    ),
    (
        "MeetingEndNeedsStart",
        '<meeting/x-0> a isecg:Meeting ; isecg:earliestDate "2019"^^xsd:gYear ;'
        ' isecg:endDate "2019-05-02"^^xsd:date ; prov:wasDerivedFrom <source/s1> .',
        '<meeting/2019-05-01> a isecg:Meeting ; isecg:date "2019-05-01"^^xsd:date ;'
        ' isecg:endDate "2019-05-02"^^xsd:date ; prov:wasDerivedFrom <source/s1> .',
    ),
    (
        "MeetingWeekdayName",
        '<meeting/2020-09-09> isecg:statedWeekday "Wed" .',
        '<meeting/2015-10-07> a isecg:Meeting ; isecg:date "2015-10-07"^^xsd:date ;'
        ' isecg:statedWeekday "Wednesday" ; prov:wasDerivedFrom <source/s1> .',
    ),
    (
        "MeetingParticipant",
        '<meeting/2016-05-14> a isecg:Meeting ; isecg:date "2016-05-14"^^xsd:date ;'
        " isecg:participant <agency/MARS> ; prov:wasDerivedFrom <source/s1> .",
        '<meeting/2016-05-14> a isecg:Meeting ; isecg:date "2016-05-14"^^xsd:date ;'
        " isecg:participant <agency/NASA> ; prov:wasDerivedFrom <source/s1> .",
    ),
    (
        "MeetingAbsentee",
        '<meeting/2016-05-14> a isecg:Meeting ; isecg:date "2016-05-14"^^xsd:date ;'
        ' isecg:absentee "KARI" ; prov:wasDerivedFrom <source/s1> .',
        '<meeting/2016-05-14> a isecg:Meeting ; isecg:date "2016-05-14"^^xsd:date ;'
        " isecg:absentee <agency/JAXA> ; prov:wasDerivedFrom <source/s1> .",
    ),
    (
        "MeetingHost",
        '<meeting/2016-05-14> a isecg:Meeting ; isecg:date "2016-05-14"^^xsd:date ;'
        " isecg:host <source/s1> ; prov:wasDerivedFrom <source/s1> .",
        '<meeting/2016-05-14> a isecg:Meeting ; isecg:date "2016-05-14"^^xsd:date ;'
        " isecg:host <agency/NASA> ; prov:wasDerivedFrom <source/s1> .",
    ),
    (
        "MeetingVirtual",
        '<meeting/2020-09-09> isecg:virtual "yes" .',
        "<meeting/2020-09-09> isecg:virtual true .",
    ),
    (
        "MeetingParticipantCount",
        '<meeting/2016-05-14> a isecg:Meeting ; isecg:date "2016-05-14"^^xsd:date ;'
        ' isecg:statedParticipantCount "14" ; prov:wasDerivedFrom <source/s1> .',
        '<meeting/2016-05-14> a isecg:Meeting ; isecg:date "2016-05-14"^^xsd:date ;'
        " isecg:statedParticipantCount 14 ; prov:wasDerivedFrom <source/s1> .",
    ),
    (
        "MeetingParticipantCount",
        '<meeting/2016-05-14> a isecg:Meeting ; isecg:date "2016-05-14"^^xsd:date ;'
        " isecg:statedParticipantCount 0 ; prov:wasDerivedFrom <source/s1> .",
        '<meeting/2016-05-14> a isecg:Meeting ; isecg:date "2016-05-14"^^xsd:date ;'
        " isecg:statedParticipantCount 1 ; prov:wasDerivedFrom <source/s1> .",
    ),
    (
        "Provenance",
        '<meeting/2016-05-14> a isecg:Meeting ; isecg:date "2016-05-14"^^xsd:date .',
        '<meeting/2016-05-14> a isecg:Meeting ; isecg:date "2016-05-14"^^xsd:date ;'
        " prov:wasDerivedFrom <source/s2> .",
    ),
    (
        "Provenance",
        "<membership/ESA> a isecg:Membership ; org:member <agency/NASA> ;"
        " org:organization <org/ISECG> ; prov:wasDerivedFrom <source/unknown> .",
        "<membership/ESA> a isecg:Membership ; org:member <agency/NASA> ;"
        " org:organization <org/ISECG> ; prov:wasDerivedFrom <source/s1> .",
    ),
    # --- memberships and chair tenures
    (
        "MemberIsOneAgency",
        "<membership/AEB> org:member <agency/NASA> .",
        "<membership/AEB> org:member <agency/AEB> .",
    ),
    (
        "MemberIsOneAgency",
        "<chair/X/2016> a isecg:Chairmanship ; org:organization <org/ISECG> ;"
        " org:role <role/chair> ;"
        ' isecg:heldOn "2016"^^xsd:gYear ; prov:wasDerivedFrom <source/s1> .',
        "<chair/X/2016> a isecg:Chairmanship ; org:member <agency/AEB> ;"
        " org:organization <org/ISECG> ;"
        " org:role <role/chair> ;"
        ' isecg:heldOn "2016"^^xsd:gYear ; prov:wasDerivedFrom <source/s1> .',
    ),
    (
        "OrganizationIsISECG",
        "<membership/AEB> org:organization <agency/ESA> .",
        "<membership/AEB> org:organization <org/ISECG> .",
    ),
    (
        "MembershipOrdinal",
        "<membership/AEB> isecg:memberOrdinal 0 .",
        "<membership/AEB> isecg:memberOrdinal 23 .",
    ),
    (
        "ChairRole",
        "<chair/CSA/2020-09-09> org:role <role/member> .",
        "<chair/CSA/2020-09-09> org:role <role/chair> .",
    ),
    (
        "ChairStartMeeting",
        "<chair/CSA/2020-09-09> isecg:startMeeting <agency/NASA> .",
        "<chair/CSA/2020-09-09> isecg:startMeeting <meeting/2020-09-09> .",
    ),
    (
        "ChairEndMeeting",
        "<chair/JAXA/until-2020-09-09> isecg:endMeeting <meeting/2020-09-10> .",
        "<chair/JAXA/until-2020-09-09> isecg:endMeeting <meeting/2020-09-09> .",
    ),
    (
        "ChairAnchored",
        "<chair/NASA/x> a isecg:Chairmanship ; org:member <agency/NASA> ;"
        " org:organization <org/ISECG> ; org:role <role/chair> ; prov:wasDerivedFrom <source/s1> .",
        "<chair/NASA/x> a isecg:Chairmanship ; org:member <agency/NASA> ;"
        " org:organization <org/ISECG> ; org:role <role/chair> ;"
        ' isecg:heldOn "2016"^^xsd:gYear ; prov:wasDerivedFrom <source/s1> .',
    ),
    (
        "MemberCountDate",
        "<member-count/x> a isecg:MemberCount ; isecg:statedCount 3 ;"
        " prov:wasDerivedFrom <source/s1> .",
        '<member-count/2016> a isecg:MemberCount ; isecg:date "2016"^^xsd:gYear ;'
        " isecg:statedCount 3 ; prov:wasDerivedFrom <source/s1> .",
    ),
    (
        "MemberCountValue",
        '<member-count/2016> a isecg:MemberCount ; isecg:date "2016"^^xsd:gYear ;'
        ' isecg:statedCount "three" ; prov:wasDerivedFrom <source/s1> .',
        '<member-count/2016> a isecg:MemberCount ; isecg:date "2016"^^xsd:gYear ;'
        " isecg:statedCount 3 ; prov:wasDerivedFrom <source/s1> .",
    ),
    # --- roadmaps, sources, evidence
    (
        "RoadmapTitle",
        "<roadmap/ger/2018> a isecg:Roadmap ; prov:wasDerivedFrom <source/s1> .",
        '<roadmap/ger/2018> a isecg:Roadmap ; dcterms:title "Global Exploration Roadmap" ;'
        " prov:wasDerivedFrom <source/s1> .",
    ),
    (
        "RoadmapEdition",
        "<roadmap/ger/2011> isecg:edition 0 .",
        "<roadmap/ger/2011> isecg:edition 1 .",
    ),
    (
        "SourceHash",
        '<source/s2> isecg:contentHash "C7F88F3F" .',
        f'<source/s2> isecg:contentHash "{"a" * 64}" .',
    ),
    (
        "SourceIssued",
        '<source/s1> dcterms:issued "2020-09-19"^^xsd:date .',
        '<source/s2> dcterms:issued "2013"^^xsd:gYear .',
    ),
    (
        "EvidenceQuote",
        "<evidence/s1/1> a isecg:Evidence ; isecg:describes <meeting/2020-09-09> ;"
        " prov:wasQuotedFrom <source/s1> .",
        EV + " ; prov:wasQuotedFrom <source/s1> .",
    ),
    (
        "EvidenceSource",
        EV + " .",
        EV + " ; prov:wasQuotedFrom <source/s2> .",
    ),
    (
        "EvidenceDescribes",
        '<evidence/s1/1> a isecg:Evidence ; isecg:describes "the meeting" ; isecg:quote "Q" ;'
        " prov:wasQuotedFrom <source/s1> .",
        '<evidence/s1/1> a isecg:Evidence ; isecg:describes <membership/AEB> ; isecg:quote "Q" ;'
        " prov:wasQuotedFrom <source/s1> .",
    ),
    (
        "EvidenceSpanStart",
        EV + " ; isecg:charStart 30 ; isecg:charEnd 20 ; prov:wasQuotedFrom <source/s1> .",
        EV + " ; isecg:charStart 20 ; isecg:charEnd 30 ; prov:wasQuotedFrom <source/s1> .",
    ),
    (
        "EvidenceSpanEnd",
        EV + ' ; isecg:charEnd "end" ; prov:wasQuotedFrom <source/s1> .',
        EV + " ; isecg:charEnd 5 ; prov:wasQuotedFrom <source/s1> .",
    ),
    # --- dates: one shape per date property, all through shapes:PartialDate
    (
        "DateValue-date",
        '<meeting/2020-09-09> isecg:date "2020-09-09" .',
        '<meeting/2020-09-09> isecg:date "2020-09"^^xsd:gYearMonth .',
    ),
    (
        "DateValue-date",
        '<meeting/2020-09-09> isecg:date "2020-09-09T10:00:00"^^xsd:dateTime .',
        '<meeting/2020-09-09> isecg:date "2020"^^xsd:gYear .',
    ),
    (
        "DateValue-date",
        # (rdflib itself drops a time zone from an xsd:date when it parses it)
        '<meeting/2020> a isecg:Meeting ; isecg:date "2020Z"^^xsd:gYear .',
        '<meeting/2020> a isecg:Meeting ; isecg:date "2020"^^xsd:gYear .',
    ),
    (
        "DateValue-endDate",
        '<meeting/2020-09-09> isecg:endDate "2020-13-45"^^xsd:date .',
        '<meeting/2020-09-09> isecg:endDate "2020-09-10"^^xsd:date .',
    ),
    (
        "DateValue-earliestDate",
        '<meeting/s2-0> isecg:earliestDate "September 2011" .',
        '<meeting/s2-0> isecg:earliestDate "2011"^^xsd:gYear .',
    ),
    (
        "DateValue-latestDate",
        "<meeting/s2-0> isecg:latestDate <meeting/2020-09-09> .",
        '<meeting/s2-0> isecg:latestDate "2013"^^xsd:gYear .',
    ),
    (
        "DateValue-joined",
        '<membership/NASA> isecg:joined "2007"^^xsd:integer .',
        '<membership/NASA> isecg:joined "2007"^^xsd:gYear .',
    ),
    (
        "DateValue-joinedEarliest",
        '<membership/AEB> isecg:joinedEarliest "2020-3"^^xsd:gYearMonth .',
        '<membership/AEB> isecg:joinedEarliest "2020"^^xsd:gYear .',
    ),
    (
        "DateValue-joinedLatest",
        '<membership/AEB> isecg:joinedLatest "2020-09-09"^^xsd:string .',
        '<membership/AEB> isecg:joinedLatest "2020-09"^^xsd:gYearMonth .',
    ),
    (
        "DateValue-memberOn",
        '<membership/NASA> isecg:memberOn "2015-10-07"@en .',
        '<membership/NASA> isecg:memberOn "2015"^^xsd:gYear .',
    ),
    (
        "DateValue-startDate",
        '<chair/CSA/2020-09-09> isecg:startDate "09/09/2020" .',
        '<chair/CSA/2020-09-09> isecg:startDate "2020-09"^^xsd:gYearMonth .',
    ),
    (
        "DateValue-heldOn",
        '<chair/CSA/at-s2-0> isecg:heldOn "2012-1"^^xsd:gYearMonth .',
        '<chair/CSA/at-s2-0> isecg:heldOn "2012"^^xsd:gYear .',
    ),
    (
        "DateValue-issued",
        '<roadmap/ger/2011> dcterms:issued "2011-09-01T00:00:00"^^xsd:dateTime .',
        '<roadmap/ger/2011> dcterms:issued "2011-09-01"^^xsd:date .',
    ),
    (
        "DateValue-modified",
        '<source/s2> dcterms:modified "yesterday" .',
        '<source/s2> dcterms:modified "2012-04-20"^^xsd:date .',
    ),
    # --- a consistent graph
    (
        "DateBoundsOrder",
        '<meeting/s2-0> isecg:earliestDate "2014"^^xsd:gYear .',
        '<meeting/s2-0> isecg:earliestDate "2012"^^xsd:gYear .',
    ),
    (
        "DateBoundsOrder",
        '<meeting/2020-09-09> isecg:endDate "2020-09-08"^^xsd:date .',
        '<meeting/2020-09-09> isecg:endDate "2020-09-10"^^xsd:date .',
    ),
    (
        "DateBoundsOrder",
        '<membership/AEB> isecg:joined "2019"^^xsd:gYear .',
        '<membership/AEB> isecg:joined "2020-05"^^xsd:gYearMonth .',
    ),
    (
        "DateBoundsOrder",
        '<membership/NASA> isecg:joinedEarliest "2009"^^xsd:gYear ;'
        ' isecg:joinedLatest "2008"^^xsd:gYear .',
        '<membership/NASA> isecg:joinedEarliest "2007"^^xsd:gYear ;'
        ' isecg:joinedLatest "2008"^^xsd:gYear .',
    ),
    (
        "TenureOrder",
        '<chair/CSA/2020-09-09> isecg:endDate "2019"^^xsd:gYear .',
        '<chair/CSA/2020-09-09> isecg:endDate "2021-09"^^xsd:gYearMonth .',
    ),
    (
        "TenureOrder",
        '<chair/CSA/2020-09-09> isecg:heldOn "2020-08-01"^^xsd:date .',
        '<chair/CSA/2020-09-09> isecg:heldOn "2020-10-01"^^xsd:date .',
    ),
    (
        "ChairOverlap",
        "<chair/NASA/2020-01-01> a isecg:Chairmanship ; org:member <agency/NASA> ;"
        " org:organization <org/ISECG> ; org:role <role/chair> ;"
        ' isecg:startDate "2020-01-01"^^xsd:date ; isecg:endDate "2020-12-01"^^xsd:date ;'
        " prov:wasDerivedFrom <source/s1> .",
        "<chair/NASA/2017-01-01> a isecg:Chairmanship ; org:member <agency/NASA> ;"
        " org:organization <org/ISECG> ; org:role <role/chair> ;"
        ' isecg:startDate "2017-01-01"^^xsd:date ; isecg:endDate "2018-01-01"^^xsd:date ;'
        " prov:wasDerivedFrom <source/s1> .",
    ),
    (
        "ChairOverlap",
        '<chair/JAXA/until-2020-09-09> isecg:heldOn "2020-09-01"^^xsd:date .'
        ' <chair/CSA/2020-09-09> isecg:heldOn "2020-09-05"^^xsd:date .',
        # the hand-over day itself is no overlap: the old chair ends as the new one starts
        '<chair/JAXA/until-2020-09-09> isecg:heldOn "2020-09-01"^^xsd:date .',
    ),
    (
        "ChairOverlap",
        # two open tenures that both start the same day: an overlap though neither ends
        "<chair/NASA/2020-09-09> a isecg:Chairmanship ; org:member <agency/NASA> ;"
        " org:organization <org/ISECG> ; org:role <role/chair> ;"
        ' isecg:startDate "2020-09-09"^^xsd:date ; prov:wasDerivedFrom <source/s2> .',
        "<chair/NASA/2020-09-10> a isecg:Chairmanship ; org:member <agency/NASA> ;"
        " org:organization <org/ISECG> ; org:role <role/chair> ;"
        ' isecg:startDate "2020-09-10"^^xsd:date ; prov:wasDerivedFrom <source/s2> .',
    ),
    (
        "HandoverFromHolder",
        # NASA hands the chair over on the day JAXA does
        "<chair/NASA/until-2020-09-09> a isecg:Chairmanship ; org:member <agency/NASA> ;"
        " org:organization <org/ISECG> ; org:role <role/chair> ;"
        ' isecg:endDate "2020-09-09"^^xsd:date ; prov:wasDerivedFrom <source/s2> .',
        "<chair/NASA/until-2015-01-01> a isecg:Chairmanship ; org:member <agency/NASA> ;"
        " org:organization <org/ISECG> ; org:role <role/chair> ;"
        ' isecg:endDate "2015-01-01"^^xsd:date ; prov:wasDerivedFrom <source/s2> .',
    ),
    (
        "HandoverFromHolder",
        # NASA hands the chair over on 1 October 2020, while CSA held it from 9 September to
        # at least 1 December
        '<chair/CSA/2020-09-09> isecg:heldOn "2020-12-01"^^xsd:date .'
        " <chair/NASA/until-2020-10-01> a isecg:Chairmanship ; org:member <agency/NASA> ;"
        " org:organization <org/ISECG> ; org:role <role/chair> ;"
        ' isecg:endDate "2020-10-01"^^xsd:date ; prov:wasDerivedFrom <source/s2> .',
        '<chair/CSA/2020-09-09> isecg:heldOn "2020-12-01"^^xsd:date .'
        " <chair/NASA/until-2021-01-01> a isecg:Chairmanship ; org:member <agency/NASA> ;"
        " org:organization <org/ISECG> ; org:role <role/chair> ;"
        ' isecg:endDate "2021-01-01"^^xsd:date ; prov:wasDerivedFrom <source/s2> .',
    ),
    (
        "ChairNotKnownMember",
        "<chair/AEB/2019-01-01> a isecg:Chairmanship ; org:member <agency/AEB> ;"
        " org:organization <org/ISECG> ; org:role <role/chair> ;"
        ' isecg:startDate "2019-01-01"^^xsd:date ; prov:wasDerivedFrom <source/s2> .',
        "<chair/AEB/2021-01-01> a isecg:Chairmanship ; org:member <agency/AEB> ;"
        " org:organization <org/ISECG> ; org:role <role/chair> ;"
        ' isecg:startDate "2021-01-01"^^xsd:date ; prov:wasDerivedFrom <source/s2> .',
    ),
    (
        "MeetingBeforeFounding",
        '<meeting/2005> a isecg:Meeting ; isecg:date "2005"^^xsd:gYear ;'
        " prov:wasDerivedFrom <source/s1> .",
        '<meeting/2007> a isecg:Meeting ; isecg:date "2007"^^xsd:gYear ;'
        " prov:wasDerivedFrom <source/s1> .",
    ),
    (
        "MeetingAfterPublication",
        '<meeting/2021-01> a isecg:Meeting ; isecg:date "2021-01"^^xsd:gYearMonth ;'
        " prov:wasDerivedFrom <source/s1> .",
        '<meeting/2020-09> a isecg:Meeting ; isecg:date "2020-09"^^xsd:gYearMonth ;'
        " prov:wasDerivedFrom <source/s1> .",
    ),
    (
        "MeetingAfterPublication",
        '<meeting/x-1> a isecg:Meeting ; isecg:earliestDate "2020-10"^^xsd:gYearMonth ;'
        " prov:wasDerivedFrom <source/s2> ."
        ' <evidence/s1/9> a isecg:Evidence ; isecg:describes <meeting/x-1> ; isecg:quote "Q" ;'
        " prov:wasQuotedFrom <source/s1> .",
        '<meeting/x-1> a isecg:Meeting ; isecg:earliestDate "2020-01"^^xsd:gYearMonth ;'
        " prov:wasDerivedFrom <source/s2> ."
        ' <evidence/s1/9> a isecg:Evidence ; isecg:describes <meeting/x-1> ; isecg:quote "Q" ;'
        " prov:wasQuotedFrom <source/s1> .",
    ),
    (
        "WeekdayMismatch",
        '<meeting/2015-10-08> a isecg:Meeting ; isecg:date "2015-10-08"^^xsd:date ;'
        ' isecg:statedWeekday "Wednesday" ; prov:wasDerivedFrom <source/s1> .',
        '<meeting/2015-10-07> a isecg:Meeting ; isecg:date "2015-10-07"^^xsd:date ;'
        ' isecg:statedWeekday "Wednesday" ; prov:wasDerivedFrom <source/s1> .',
    ),
    (
        "ConflictingExactDates",
        '<meeting/2020-09-09> isecg:date "2020-09-10"^^xsd:date .',
        '<meeting/2020-09-09> isecg:date "2020-09"^^xsd:gYearMonth .',
    ),
    (
        "MeetingSourcesDisagree",
        "<meeting/2020-09-09> isecg:host <agency/NASA> .",
        "<meeting/2020-09-09> isecg:host <agency/CSA> ; isecg:virtual true .",
    ),
    (
        "MeetingSourcesDisagree",
        "<meeting/2020-09-09> isecg:virtual false .",
        "<meeting/2020-09-09> isecg:virtual true .",
    ),
    (
        "ParticipantCount",
        "<meeting/2020-09-09> isecg:participant <agency/AEB> .",
        '<meeting/2016-05-14> a isecg:Meeting ; isecg:date "2016-05-14"^^xsd:date ;'
        " isecg:statedParticipantCount 14 ; prov:wasDerivedFrom <source/s1> .",
    ),
    (
        "ParticipatedBeforeJoining",
        '<meeting/2019-05-01> a isecg:Meeting ; isecg:date "2019-05-01"^^xsd:date ;'
        " isecg:participant <agency/AEB> ; prov:wasDerivedFrom <source/s1> .",
        '<meeting/2020-06-15> a isecg:Meeting ; isecg:date "2020-06-15"^^xsd:date ;'
        " isecg:participant <agency/AEB> ; prov:wasDerivedFrom <source/s1> .",
    ),
    (
        "ListedBeforeJoining",
        '<membership/AEB> isecg:memberOn "2019-12-31"^^xsd:date .',
        '<membership/AEB> isecg:memberOn "2020-09-09"^^xsd:date .',
    ),
    (
        "JoinedTwice",
        '<membership/AEB> isecg:joined "2020-05"^^xsd:gYearMonth , "2020-06-01"^^xsd:date .',
        '<membership/AEB> isecg:joined "2020"^^xsd:gYear , "2020-05"^^xsd:gYearMonth .',
    ),
    (
        "MemberCountExceedsKnown",
        '<member-count/2020-10-01> a isecg:MemberCount ; isecg:date "2020-10-01"^^xsd:date ;'
        " isecg:statedCount 24 ; prov:wasDerivedFrom <source/s1> .",
        '<member-count/2016> a isecg:MemberCount ; isecg:date "2016"^^xsd:gYear ;'
        " isecg:statedCount 3 ; prov:wasDerivedFrom <source/s1> .",
    ),
]


def graph(*records: str) -> Graph:
    return Graph().parse(data=PREFIXES + "\n".join(records), format="turtle")


def fired(g: Graph) -> dict[str, set[str]]:
    """Shape local name -> severities it reported."""
    out: dict[str, set[str]] = {}
    for r in validate(g).results:
        out.setdefault(str(r.source_shape).removeprefix(SHAPES), set()).add(r.severity)
    return out


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


def shape_names(shapes: Graph) -> set[str]:
    kinds = (SH.NodeShape, SH.PropertyShape)
    return {
        str(s).removeprefix(SHAPES)
        for kind in kinds
        for s in shapes.subjects(RDF.type, kind)
        if str(s).startswith(SHAPES)
    }


def test_shapes_graph_is_valid_shacl(shapes: Graph) -> None:
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_base_graph_is_clean() -> None:
    assert validate(graph(BASE)).results == []


@pytest.mark.parametrize(("shape", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_shape(shapes: Graph, shape: str, bad: str, good: str) -> None:
    severity = shapes.value(URIRef(SHAPES + shape), SH.severity)
    expected = str(severity).removeprefix(str(SH))
    bad_found = fired(graph(BASE, bad))
    assert shape in bad_found, f"{shape} should fire; fired: {sorted(bad_found)}"
    assert bad_found[shape] == {expected}
    good_report = validate(graph(BASE, good))
    good_found = {str(r.source_shape).removeprefix(SHAPES) for r in good_report.results}
    assert shape not in good_found
    assert good_report.conforms, good_report.to_text()


def test_every_shape_has_a_case(shapes: Graph) -> None:
    tested = {c[0] for c in CASES}
    reached = {"PartialDate"}  # only through sh:node, by every DateValue-* case
    assert shape_names(shapes) - tested - reached == set()


def test_every_shape_documents_its_rule(shapes: Graph) -> None:
    for name in shape_names(shapes):
        s = URIRef(SHAPES + name)
        assert shapes.value(s, SH.severity) in (SH.Violation, SH.Warning, SH.Info), name
        assert shapes.value(s, SH.message) is not None, name
        assert shapes.value(s, RDFS.comment) is not None, name


def test_shapes_use_only_declared_terms(shapes: Graph) -> None:
    ns = str(ISECG._NS)
    used = {
        str(t)[len(ns) :]
        for triple in shapes
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(ns)
    }
    used |= {
        word.split(":", 1)[1].rstrip(".,;)")
        for select in shapes.objects(None, SH.select)
        for word in str(select).split()
        if word.startswith("isecg:")
    }
    assert used <= set(ISECG.__annotations__), used - set(ISECG.__annotations__)


def _weekday_records(days: list[date], shift: int) -> str:
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    return "\n".join(
        f'<meeting/{d}> a isecg:Meeting ; isecg:date "{d}"^^xsd:date ;'
        f' isecg:statedWeekday "{names[(d.weekday() + shift) % 7]}" ;'
        " prov:wasDerivedFrom <source/s1> ."
        for d in days
    )


def test_weekday_rule_agrees_with_python_calendar() -> None:
    """Zeller's congruence in SPARQL, across month ends, leap days and century years."""
    days = [date(2000, 2, 28) + timedelta(days=n) for n in range(0, 5)]
    days += [date(2007, 1, 1) + timedelta(days=97 * n) for n in range(0, 48)]
    days += [date(2100, 2, 28), date(2100, 3, 1), date(2012, 12, 31), date(2013, 1, 1)]
    right = [r for r in validate(graph(_weekday_records(days, 0))).results]
    assert not [r for r in right if str(r.source_shape).endswith("WeekdayMismatch")]
    wrong = validate(graph(_weekday_records(days, 1))).results
    flagged = {r.focus for r in wrong if str(r.source_shape).endswith("WeekdayMismatch")}
    assert len(flagged) == len(set(days))


def test_weekday_is_checked_only_against_exact_dates() -> None:
    g = graph(
        '<meeting/2015-10> a isecg:Meeting ; isecg:date "2015-10"^^xsd:gYearMonth ;'
        ' isecg:statedWeekday "Wednesday" ; prov:wasDerivedFrom <source/s1> .'
    )
    assert "WeekdayMismatch" not in fired(g)


def test_isecg_founding_date_comes_from_the_graph_when_present() -> None:
    g = graph(
        BASE,
        '<org/ISECG> dcterms:created "2010"^^xsd:gYear .',
        '<meeting/2008> a isecg:Meeting ; isecg:date "2008"^^xsd:gYear ;'
        " prov:wasDerivedFrom <source/s1> .",
    )
    assert "MeetingBeforeFounding" in fired(g)


def test_chair_overlap_is_reported_on_both_tenures() -> None:
    bad = next(c[1] for c in CASES if c[0] == "ChairOverlap")
    report = validate(graph(BASE, bad))
    foci = {r.focus for r in report.results if str(r.source_shape).endswith("ChairOverlap")}
    base = "https://w3id.org/isecg/id/chair/"
    assert foci == {URIRef(base + "NASA/2020-01-01"), URIRef(base + "CSA/2020-09-09")}


def test_messages_name_the_values() -> None:
    report = validate(graph(BASE, '<meeting/2020-09-09> isecg:statedWeekday "Friday" .'))
    [r] = [r for r in report.results if str(r.source_shape).endswith("WeekdayMismatch")]
    assert r.message == "The source says Friday, but 2020-09-09 is a Wednesday."
    assert r.value == Literal("Friday")
    assert r.path == ISECG.statedWeekday
