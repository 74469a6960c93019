"""validate(): results as sorted records, report formats, focus restriction, seed-like data."""

from __future__ import annotations

import json
import time

import pytest
from rdflib import RDF, SH, Dataset, Graph, Literal, URIRef

from isecg_kg.namespaces import ID, ISECG
from isecg_kg.validate import Report, Result, short, validate

PREFIXES = """
@base <https://w3id.org/isecg/id/> .
@prefix isecg:   <https://w3id.org/isecg/ontology#> .
@prefix org:     <http://www.w3.org/ns/org#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
"""

REGISTRY = """
<agency/NASA> a isecg:Agency ; skos:notation "NASA" ; skos:prefLabel "NASA"@en .
<agency/CSA> a isecg:Agency ; skos:notation "CSA" ; skos:prefLabel "Canadian Space Agency"@en .
<agency/JAXA> a isecg:Agency ; skos:notation "JAXA" ; skos:prefLabel "JAXA"@en .
<agency/AEB> a isecg:Agency ; skos:notation "AEB" ; skos:prefLabel "Brazilian Space Agency"@en .
"""

# Two records with problems of their own, and a clean one.
RECORDS = """
<source/s1> a isecg:SourceDocument ; dcterms:issued "2020-09-18"^^xsd:date .
<meeting/2020-09-09> a isecg:Meeting ; isecg:date "2020-09-09"^^xsd:date ;
    isecg:statedWeekday "Thursday" ; prov:wasDerivedFrom <source/s1> .
<meeting/2019-05-01> a isecg:Meeting ; isecg:date "2019-05-01"^^xsd:date ;
    isecg:participant <agency/AEB> ; prov:wasDerivedFrom <source/s1> .
<meeting/2005> a isecg:Meeting ; isecg:date "2005"^^xsd:gYear ; prov:wasDerivedFrom <source/s1> .
<membership/AEB> a isecg:Membership ; org:member <agency/AEB> ; org:organization <org/ISECG> ;
    isecg:joinedEarliest "2020-03"^^xsd:gYearMonth ; prov:wasDerivedFrom <source/s1> .
<evidence/s1/0> a isecg:Evidence ; isecg:describes <meeting/2005> ; isecg:quote "Q" ;
    prov:wasQuotedFrom <source/s1> .
"""


def graph(*parts: str) -> Graph:
    return Graph().parse(data=PREFIXES + "\n".join(parts), format="turtle")


def shape(r: Result) -> str:
    return str(r.source_shape).rsplit("#", 1)[-1]


@pytest.fixture
def report() -> Report:
    return validate(graph(REGISTRY, RECORDS))


def test_results_and_severities(report: Report) -> None:
    found = {(shape(r), short(r.focus), r.severity) for r in report.results}
    assert found == {
        ("WeekdayMismatch", "id:meeting/2020-09-09", "Violation"),
        ("MeetingBeforeFounding", "id:meeting/2005", "Violation"),
        ("ParticipatedBeforeJoining", "id:meeting/2019-05-01", "Warning"),
    }
    assert not report.conforms
    assert report.counts() == {"Violation": 2, "Warning": 1, "Info": 0}


def test_warnings_alone_conform() -> None:
    report = validate(
        graph(REGISTRY, '<agency/X> a isecg:Agency ; skos:prefLabel "X" ; isecg:needsReview true .')
    )
    assert report.conforms
    assert report.counts()["Warning"] == 1


def test_results_are_sorted_and_deterministic(report: Report) -> None:
    assert [r.severity for r in report.results] == ["Violation", "Violation", "Warning"]
    assert report.results == sorted(report.results, key=Result.sort_key)
    again = validate(graph(RECORDS, REGISTRY))
    assert again.to_json() == report.to_json()


def test_result_fields(report: Report) -> None:
    [r] = [r for r in report.results if shape(r) == "WeekdayMismatch"]
    assert r.focus == ID["meeting/2020-09-09"]
    assert r.path == ISECG.statedWeekday
    assert r.value == Literal("Thursday")
    assert r.source_document == ID["source/s1"]
    assert r.sources == (ID["source/s1"],)
    assert r.message == "The source says Thursday, but 2020-09-09 is a Wednesday."


def test_source_document_through_evidence() -> None:
    g = graph(
        REGISTRY,
        "<source/s2> a isecg:SourceDocument ."
        ' <meeting/2005> a isecg:Meeting ; isecg:date "2005"^^xsd:gYear .'
        ' <evidence/s2/0> a isecg:Evidence ; isecg:describes <meeting/2005> ; isecg:quote "Q" ;'
        " prov:wasQuotedFrom <source/s2> .",
    )
    [r] = [r for r in validate(g).results if shape(r) == "MeetingBeforeFounding"]
    assert r.source_document == ID["source/s2"]


def test_source_document_of_a_source_is_itself() -> None:
    g = graph('<source/s3> a isecg:SourceDocument ; isecg:contentHash "nope" .')
    [r] = validate(g).results
    assert r.source_document == ID["source/s3"]


def test_report_graph_is_the_shacl_report(report: Report) -> None:
    g = report.report_graph
    assert len(set(g.subjects(RDF.type, SH.ValidationResult))) == len(report.results)


def test_to_json(report: Report) -> None:
    records = report.to_json()
    assert json.loads(json.dumps(records)) == records
    first = records[0]
    assert set(first) == {
        "severity",
        "focus",
        "path",
        "message",
        "value",
        "source_shape",
        "source_document",
        "sources",
        "source_file",
        "source_line",
    }
    assert first["focus"].startswith("https://w3id.org/isecg/id/")


def test_to_text(report: Report) -> None:
    lines = report.to_text().splitlines()
    assert len(lines) == len(report.results) + 1
    assert lines[0].startswith("Violation: id:meeting/")
    assert "shape: shapes:" in lines[0]
    assert lines[-1] == "does not conform: 2 Violations, 1 Warning, 0 Infos"


def test_focus_limits_results_to_the_record(report: Report) -> None:
    g = graph(REGISTRY, RECORDS)
    focused = validate(g, focus=[ID["meeting/2020-09-09"]])
    assert {(shape(r), r.focus) for r in focused.results} == {
        ("WeekdayMismatch", ID["meeting/2020-09-09"])
    }
    assert validate(g, focus=[ID["agency/NASA"]]).results == []


def test_focus_reaches_the_records_whose_rules_read_it() -> None:
    g = graph(REGISTRY, RECORDS)
    # a membership's join date bears on the meetings its agency attended
    by_membership = validate(g, focus=[ID["membership/AEB"]])
    assert {shape(r) for r in by_membership.results} == {"ParticipatedBeforeJoining"}
    # a source's publication date bounds the meetings it reports
    by_source = validate(g, focus=[ID["source/s1"]])
    assert {shape(r) for r in by_source.results} == {
        "WeekdayMismatch",
        "MeetingBeforeFounding",
        "ParticipatedBeforeJoining",
    }
    # evidence leads to the record it describes
    by_evidence = validate(g, focus=[ID["evidence/s1/0"]])
    assert {shape(r) for r in by_evidence.results} == {"MeetingBeforeFounding"}


def test_empty_focus_checks_nothing() -> None:
    report = validate(graph(REGISTRY, RECORDS), focus=[])
    assert report.conforms and report.results == []


def test_focus_on_one_record_in_a_large_graph_is_fast() -> None:
    parts = [REGISTRY, RECORDS]
    for k in range(300):
        day = f"{2008 + k // 28}-{k % 12 + 1:02d}-{k % 28 + 1:02d}"
        parts.append(
            f'<meeting/{day}> a isecg:Meeting ; isecg:date "{day}"^^xsd:date ;'
            " isecg:participant <agency/NASA> , <agency/CSA> , <agency/JAXA> ;"
            " prov:wasDerivedFrom <source/s1> ."
        )
    g = graph(*parts)
    assert len(g) > 1500
    validate(g, focus=[ID["meeting/2020-09-09"]])  # parse the queries once
    started = time.perf_counter()
    report = validate(g, focus=[ID["meeting/2020-09-09"]])
    assert time.perf_counter() - started < 2
    assert {r.focus for r in report.results} == {ID["meeting/2020-09-09"]}


def test_dataset_is_validated_as_the_union_of_its_graphs() -> None:
    ds = Dataset()
    ds.graph(URIRef("urn:registry")).parse(data=PREFIXES + REGISTRY, format="turtle")
    ds.graph(ID["source/s1"]).parse(data=PREFIXES + RECORDS, format="turtle")
    assert validate(ds).counts() == {"Violation": 2, "Warning": 1, "Info": 0}


def test_custom_shapes_and_ontology() -> None:
    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix isecg: <https://w3id.org/isecg/ontology#> .
        <urn:s> a sh:PropertyShape ; sh:targetClass isecg:Agency ; sh:path isecg:countryName ;
            sh:minCount 1 ; sh:severity sh:Info ; sh:message "no country" .
        """,
        format="turtle",
    )
    report = validate(graph(REGISTRY), shapes=shapes, ontology=Graph())
    assert report.conforms
    assert report.counts() == {"Violation": 0, "Warning": 0, "Info": 4}


# --- the seed documents, as docs/MODEL.md maps them --------------------------------------------

SEED_AGENCIES = [
    "AEB",
    "ASA",
    "ASI",
    "CNES",
    "CNSA",
    "CSA",
    "CSIRO",
    "DLR",
    "ESA",
    "GISTDA",
    "ISRO",
    "JAXA",
    "KARI",
    "LSA",
    "NASA",
    "NOSA",
    "POLSA",
    "ROSA",
    "Roscosmos",
    "SSAU",
    "SSO",
    "UAESA",
    "UKSA",
]
MEMBERS_2015 = [
    "ASI",
    "CNES",
    "CNSA",
    "CSA",
    "CSIRO",
    "DLR",
    "ESA",
    "ISRO",
    "JAXA",
    "KARI",
    "NASA",
    "SSAU",
    "Roscosmos",
    "UKSA",
]
PARTICIPANTS_2012 = [
    "ASI",
    "CNES",
    "CNSA",
    "CSA",
    "DLR",
    "ESA",
    "JAXA",
    "KARI",
    "NASA",
    "Roscosmos",
    "UKSA",
]


def agencies(names: list[str]) -> str:
    return " , ".join(f"<agency/{a}>" for a in names)


def seeds() -> Graph:
    parts = [
        f'<agency/{a}> a isecg:Agency ; skos:notation "{a}" ; skos:prefLabel "{a}"@en .'
        for a in SEED_AGENCIES
    ]
    parts.append(f"""
<source/f7c73ab28de8e19f> a isecg:SourceDocument ; dcterms:publisher "Spaceflight Insider" ;
    isecg:fileName "000_f7c73ab28de8e19f.txt" ; isecg:sourceFormat "text" .
<meeting/2015-10-07> a isecg:Meeting ; isecg:date "2015-10-07"^^xsd:date ;
    isecg:statedWeekday "Wednesday" ;
    isecg:venue "European Space Operations Centre (ESOC)" ; isecg:city "Darmstadt" ;
    isecg:country "Germany" ; isecg:host <agency/ESA> ; isecg:statedParticipantCount 14 ;
    isecg:participant {agencies(MEMBERS_2015)} ;
    prov:wasDerivedFrom <source/f7c73ab28de8e19f> .
<roadmap/ger/2013> a isecg:Roadmap ; dcterms:title "Global Exploration Roadmap" ;
    dcterms:issued "2013-08"^^xsd:gYearMonth ; prov:wasDerivedFrom <source/f7c73ab28de8e19f> .

<source/96262214c6026403> a isecg:SourceDocument ; isecg:fileName "002_96262214c6026403.txt" .
<meeting/96262214c6026403-0> a isecg:Meeting ;
    isecg:earliestDate "2011-09"^^xsd:gYearMonth ; isecg:latestDate "2013-06"^^xsd:gYearMonth ;
    isecg:dateNote "after the roadmap first issued in September 2011; before the next edition" ;
    isecg:host <agency/CSA> ; isecg:statedParticipantCount 11 ;
    isecg:participant {agencies(PARTICIPANTS_2012)} ;
    prov:wasDerivedFrom <source/96262214c6026403> .
<chair/CSA/at-96262214c6026403-0> a isecg:Chairmanship ; org:member <agency/CSA> ;
    org:organization <org/ISECG> ; org:role <role/chair> ;
    isecg:startMeeting <meeting/96262214c6026403-0> ;
    prov:wasDerivedFrom <source/96262214c6026403> .
<roadmap/ger/2011> a isecg:Roadmap ; dcterms:title "Global Exploration Roadmap" ; isecg:edition 1 ;
    dcterms:issued "2011-09"^^xsd:gYearMonth ; prov:wasDerivedFrom <source/96262214c6026403> .
<roadmap/ger/announced-96262214c6026403-1> a isecg:Roadmap ;
    dcterms:title "Global Exploration Roadmap" ; isecg:expected "2013" ;
    prov:wasDerivedFrom <source/96262214c6026403> .

<source/c7f88f3f07aedc14> a isecg:SourceDocument ;
    dcterms:issued "2020-09-18"^^xsd:date ; dcterms:modified "2020-09-18"^^xsd:date ;
    isecg:contentHash "{"c7f88f3f07aedc14" + "0" * 48}" .
<meeting/2020-09-09> a isecg:Meeting ; isecg:date "2020-09-09"^^xsd:date ; isecg:virtual true ;
    isecg:statedParticipantCount 23 ; isecg:participant {agencies(SEED_AGENCIES)} ;
    prov:wasDerivedFrom <source/c7f88f3f07aedc14> .
<member-count/2020-09-09> a isecg:MemberCount ; isecg:date "2020-09-09"^^xsd:date ;
    isecg:statedCount 24 ; prov:wasDerivedFrom <source/c7f88f3f07aedc14> .
<chair/CSA/2020-09-09> a isecg:Chairmanship ; org:member <agency/CSA> ;
    org:organization <org/ISECG> ; org:role <role/chair> ;
    isecg:startDate "2020-09-09"^^xsd:date ; isecg:startMeeting <meeting/2020-09-09> ;
    prov:wasDerivedFrom <source/c7f88f3f07aedc14> .
<chair/JAXA/until-2020-09-09> a isecg:Chairmanship ; org:member <agency/JAXA> ;
    org:organization <org/ISECG> ; org:role <role/chair> ;
    isecg:endDate "2020-09-09"^^xsd:date ; isecg:endMeeting <meeting/2020-09-09> ;
    prov:wasDerivedFrom <source/c7f88f3f07aedc14> .
<roadmap/ger-supplement/2020> a isecg:RoadmapSupplement , isecg:Roadmap ;
    dcterms:title "Global Exploration Roadmap Supplement" ;
    dcterms:issued "2020-08"^^xsd:gYearMonth ; prov:wasDerivedFrom <source/c7f88f3f07aedc14> .
<roadmap/ger/2018> a isecg:Roadmap ; dcterms:title "Global Exploration Roadmap" ;
    prov:wasDerivedFrom <source/c7f88f3f07aedc14> .
""")
    for a in MEMBERS_2015:
        parts.append(
            f"<membership/{a}> a isecg:Membership ; org:member <agency/{a}> ;"
            ' org:organization <org/ISECG> ; isecg:memberOn "2015-10-07"^^xsd:date ;'
            " prov:wasDerivedFrom <source/f7c73ab28de8e19f> ."
        )
    for a in ("AEB", "GISTDA"):
        parts.append(
            f"<membership/{a}> a isecg:Membership ; org:member <agency/{a}> ;"
            ' org:organization <org/ISECG> ; isecg:joinedEarliest "2020-03"^^xsd:gYearMonth ;'
            ' isecg:joinedLatest "2020-09-09"^^xsd:date ;'
            " prov:wasDerivedFrom <source/c7f88f3f07aedc14> ."
        )
    return graph(*parts)


def test_seed_graph_has_no_violation_and_only_the_real_tension() -> None:
    report = validate(seeds())
    assert report.conforms, report.to_text()
    [warning] = report.results
    assert shape(warning) == "MemberCountExceedsKnown"
    assert warning.message == (
        "A source states 24 ISECG members on 2020-09-09, but the graph knows only 16 by then."
    )


# Findings name the source file (``locate``)

LOCATED = """
<source/s1> a isecg:SourceDocument ; isecg:fileName "minutes.txt" .
<source/s2> a isecg:SourceDocument ; isecg:fileName "other.txt" .
<meeting/2005> a isecg:Meeting ; prov:wasDerivedFrom <source/s1> .
<evidence/s1/0> a isecg:Evidence ; isecg:describes <meeting/2005> ; isecg:charStart 0 ;
    isecg:quote "The group first met in 2005." ; prov:wasQuotedFrom <source/s1> .
<evidence/s1/1> a isecg:Evidence ; isecg:describes <meeting/2005> ; isecg:charStart 40 ;
    isecg:aboutProperty isecg:date ;
    isecg:quote "Its members met again in Tokyo, in the spring of 2005, for two days." ;
    prov:wasQuotedFrom <source/s1> .
"""


def finding(path=None, message: str = "Bad date.") -> Report:
    result = Result(
        severity="Violation",
        focus=ID["meeting/2005"],
        path=path,
        message=message,
        value=None,
        source_shape=URIRef("https://w3id.org/isecg/shapes#S"),
        source_document=ID["source/s1"],
        sources=(ID["source/s1"],),
    )
    return Report(conforms=False, results=[result])


def test_a_finding_names_the_file_as_given_and_the_line_of_its_evidence(tmp_path) -> None:
    from isecg_kg.validate import locate

    path = tmp_path / "minutes.txt"
    path.write_text(
        "Minutes\n\nThe group first met in 2005.\n\nIts members met again in Tokyo, in the\n"
        "spring of 2005, for two days.\n",
        encoding="utf-8",
    )
    data = graph(LOCATED)
    [r] = locate(finding(ISECG.date), data, {ID["source/s1"]: path}).results
    assert (r.source_file, r.source_line) == (str(path), 5)  # the quote about isecg:date
    assert f"source: {path}:5;" in r.to_text() and "id:source/s1" not in r.to_text()
    assert r.to_dict()["source_file"] == str(path) and r.to_dict()["source_line"] == 5
    [r] = locate(finding(), data, {ID["source/s1"]: path}).results
    assert r.source_line == 3  # no evidence about the path: the document's first


def test_a_quote_the_file_does_not_hold_word_for_word_gives_no_line(tmp_path) -> None:
    from isecg_kg.validate import locate

    path = tmp_path / "minutes.json"
    path.write_text('{"content": "<p>The group <b>first</b> met in 2005.</p>"}', encoding="utf-8")
    [r] = locate(finding(), graph(LOCATED), {ID["source/s1"]: path}).results
    assert (r.source_file, r.source_line) == (str(path), None)
    assert f"source: {path};" in r.to_text()


def test_a_source_read_before_is_named_by_the_file_name_the_graph_records() -> None:
    from isecg_kg.validate import locate

    [r] = locate(finding(), graph(LOCATED)).results
    assert (r.source_file, r.source_line) == ("minutes.txt", None)
    assert "source: minutes.txt;" in r.to_text()


def test_sources_a_message_names_are_named_by_their_files(tmp_path) -> None:
    from isecg_kg.validate import locate

    message = "Clash (from source/s1) with another (from source/s2), not source/s9."
    [r] = locate(finding(message=message), graph(LOCATED), {ID["source/s1"]: tmp_path}).results
    assert r.message == f"Clash (from {tmp_path}) with another (from other.txt), not source/s9."


def test_build_names_the_source_file_in_its_findings(tmp_path) -> None:
    from isecg_kg.pipeline import build

    source = tmp_path / "note.txt"
    source.write_text(
        "ISECG\n\nOn September 9, 2020, senior managers representing 23 space agencies "
        "gathered virtually for a meeting of the International Space Exploration "
        "Coordination Group (ISECG), the group of 24 member agencies.\n",
        encoding="utf-8",
    )
    [r] = build([source]).report.results  # 24 members stated, none known
    assert "MemberCountExceedsKnown" in str(r.source_shape)
    assert (r.source_file, r.source_line) == (str(source), 3)
    assert f"source: {source}:3;" in r.to_text() and "id:source/" not in r.to_text()
