"""New records: validated in the context of the graph; stored only when they conform."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, SKOS, Graph

from isecg_kg.cli import cli
from isecg_kg.errors import IsecgError
from isecg_kg.namespaces import ID, ISECG
from isecg_kg.pipeline import ontology_graph, registry_graph
from isecg_kg.records import check, check_graphs, load_rdf, record_graphs
from isecg_kg.store import open_graph, oxigraph_of
from isecg_kg.synth import new_record, write_graph

HEAD = """@prefix isecg: <https://w3id.org/isecg/ontology#> .
@prefix meeting: <https://w3id.org/isecg/id/meeting/> .
@prefix agency: <https://w3id.org/isecg/id/agency/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
GOOD = (
    HEAD
    + """meeting:2021-11-30 a isecg:Meeting ; isecg:date "2021-11-30"^^xsd:date ;
    isecg:participant agency:NASA, agency:ESA ; isecg:statedParticipantCount 2 .
"""
)
BAD_DATE = HEAD + 'meeting:x a isecg:Meeting ; isecg:date "2021-13-01"^^xsd:date .\n'
UNKNOWN_AGENCY = HEAD + (
    'meeting:2021-11-30 a isecg:Meeting ; isecg:date "2021-11-30"^^xsd:date ;\n'
    "    isecg:participant agency:MARS .\n"
)


def context() -> Graph:
    g = Graph()
    g += registry_graph()
    g += ontology_graph()
    return g


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_conforming_record(tmp_path):
    checked = check([write(tmp_path, "good.ttl", GOOD)], context())
    assert checked.report.conforms


def test_malformed_date_is_a_violation_even_when_focused(tmp_path):
    # pySHACL's focus_nodes skips nested shapes on literal values; validate() works around it.
    checked = check([write(tmp_path, "bad.ttl", BAD_DATE)], context())
    assert not checked.report.conforms
    assert any("isecg:date must be a date" in r.message for r in checked.report.results)


def test_unknown_agency_is_a_violation(tmp_path):
    checked = check([write(tmp_path, "m.ttl", UNKNOWN_AGENCY)], context())
    assert not checked.report.conforms
    assert any(str(r.value).endswith("agency/MARS") for r in checked.report.results)


def test_syntax_error_names_file_and_line(tmp_path):
    path = write(tmp_path, "broken.ttl", HEAD + "meeting:x a isecg:Meeting\n meeting:y .\n")
    with pytest.raises(IsecgError) as e:
        load_rdf(path)
    assert str(e.value).startswith(f"{path}:6: not valid RDF")


def tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        h.update(str(p.relative_to(folder)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def test_refused_add_leaves_data_byte_identical(tmp_path):
    data = tmp_path / "data"
    (data / "sources").mkdir(parents=True)
    (data / "sources" / "a.txt").write_text("ISECG met.")
    before = tree_digest(data)
    record = write(tmp_path, "bad.ttl", UNKNOWN_AGENCY)
    result = CliRunner().invoke(cli, ["add", str(record), "--to", str(data)])
    assert result.exit_code == 1
    assert "refused" in result.stderr
    assert tree_digest(data) == before


def test_add_stores_a_conforming_record_for_the_next_build(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    record = write(tmp_path, "good.ttl", GOOD)
    result = CliRunner().invoke(cli, ["add", str(record)])
    assert result.exit_code == 0, result.output
    stored = tmp_path / "data" / "records" / "good.ttl"
    assert stored.read_text() == GOOD
    out = tmp_path / "kg.ttl"
    build = CliRunner().invoke(cli, ["build", "--out", str(out), "-q"])
    assert build.exit_code == 0, build.output
    assert "2021-11-30" in out.read_text()


def test_remote_jsonld_context_is_refused_not_fetched(tmp_path):
    path = write(tmp_path, "r.jsonld", '{"@context": "https://schema.org/", "@id": "x"}')
    with pytest.raises(IsecgError, match="remote JSON-LD context"):
        load_rdf(path)
    from isecg_kg.queries import load_data

    with pytest.raises(IsecgError, match="remote JSON-LD context"):
        load_data([path])


# --- the stricter standard of new records, and the rules across records -------------------------

CHAIR_TO_NASA = """ISECG chair passes to NASA

Published: 2020-09-20

At the virtual meeting of the International Space Exploration Coordination Group (ISECG) on
9 September 2020, the chair passed from JAXA to NASA.
"""
ATLANTIS = """Space agencies meet in Rome

Published: 2021-11-20

Senior managers of the International Space Exploration Coordination Group (ISECG) met in Rome,
Italy, on 16 November 2021, hosted by the Italian Space Agency (ASI). Representatives of ASI,
ESA, NASA and the Atlantis Orbital Authority took part.
"""
ROME = ATLANTIS.replace(" and the Atlantis Orbital Authority", " and CNES")
PREFIXES = """@base <https://w3id.org/isecg/id/> .
@prefix isecg: <https://w3id.org/isecg/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<source/r1> a isecg:SourceDocument .
"""


def tenure(agency: str, key: str, **dates: str) -> str:
    said = " ; ".join(f'isecg:{p} "{d}"^^xsd:date' for p, d in dates.items())
    return (
        f"<chair/{agency}/{key}> a isecg:Chairmanship ; org:member <agency/{agency}> ;"
        " org:organization <org/ISECG> ; org:role <role/chair> ;"
        f" prov:wasDerivedFrom <source/r1> ; {said} .\n"
    )


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory) -> Path:
    """The graph built from the seeds: JAXA handed the chair to CSA on 2020-09-09."""
    out = tmp_path_factory.mktemp("seeds") / "kg.ttl"
    result = CliRunner().invoke(cli, ["build", "data/sources", "--out", str(out), "-q"])
    assert out.exists(), result.output
    return out


def validate_cli(record: Path, data: Path):
    return CliRunner().invoke(cli, ["validate", str(record), "--data", str(data)])


def violations(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("Violation")]


def test_a_hand_over_to_another_agency_the_same_day_is_refused(tmp_path, seeds_graph):
    """The graph says JAXA handed the chair to CSA on 2020-09-09; a document saying it passed
    to NASA that day makes two open tenures start together: one clear violation naming both
    tenures and their sources."""
    result = validate_cli(write(tmp_path, "chair.txt", CHAIR_TO_NASA), seeds_graph)
    assert result.exit_code == 1, result.output
    [line] = violations(result.output)
    assert "Two chairs at once" in line and "shapes:ChairOverlap" in line
    # each source by its file: the record's as given, the graph's by the name it records
    assert f"(NASA, from {tmp_path / 'chair.txt'})" in line
    assert "chair/CSA/2020-09-09 (CSA, from 004_c7f88f3f07aedc14.txt)" in line
    assert f"source: {tmp_path / 'chair.txt'}:" in line


def test_a_refused_record_changes_nothing_on_add(tmp_path, seeds_graph):
    data = tmp_path / "data"
    (data / "sources").mkdir(parents=True)
    before = tree_digest(data)
    for name, text in (("chair.txt", CHAIR_TO_NASA), ("atlantis.txt", ATLANTIS)):
        record = write(tmp_path, name, text)
        args = ["add", str(record), "--data", str(seeds_graph), "--to", str(data)]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, result.output
        assert result.stderr.strip() == "refused: nothing was stored"
    assert tree_digest(data) == before


def test_an_unknown_agency_refuses_a_new_record_and_says_how_to_register_it(tmp_path, seeds_graph):
    result = validate_cli(write(tmp_path, "atlantis.txt", ATLANTIS), seeds_graph)
    assert result.exit_code == 1, result.output
    [line] = violations(result.output)
    assert 'Agency "Atlantis Orbital Authority" is not in the registry' in line
    assert "data/agencies.ttl" in line


def test_the_build_keeps_an_unknown_agency_as_a_warning(tmp_path):
    out = tmp_path / "kg.ttl"
    doc = write(tmp_path, "atlantis.txt", ATLANTIS)
    result = CliRunner().invoke(cli, ["build", str(doc), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Violation:" not in result.output
    assert "shapes:AgencyInRegistry" in result.output and "Warning:" in result.output


def test_a_good_record_still_conforms(tmp_path, seeds_graph):
    result = validate_cli(write(tmp_path, "rome.txt", ROME), seeds_graph)
    assert result.exit_code == 0, result.output
    assert violations(result.output) == []


@pytest.mark.parametrize(
    ("record", "shape"),
    [
        # CSA chairs from 2020-09-09; AEB joined only between 2020-03 and 2020-09-09
        (tenure("AEB", "2019-06-01", startDate="2019-06-01"), "ChairNotKnownMember"),
        (
            "<membership/AEB> a isecg:Membership ; org:member <agency/AEB> ;"
            " org:organization <org/ISECG> ; prov:wasDerivedFrom <source/r1> ;"
            ' isecg:joined "2020-05"^^xsd:gYearMonth , "2020-06-01"^^xsd:date .\n',
            "JoinedTwice",
        ),
        # SSAU attended the 2020-09-09 meeting (and is listed as a member in 2015)
        (
            "<membership/SSAU> a isecg:Membership ; org:member <agency/SSAU> ;"
            " org:organization <org/ISECG> ; prov:wasDerivedFrom <source/r1> ;"
            ' isecg:joined "2021-05-01"^^xsd:date .\n',
            "ParticipatedBeforeJoining",
        ),
    ],
    ids=["chair-not-known-member", "joined-twice", "joined-after-attending"],
)
def test_warnings_on_membership_do_not_refuse(tmp_path, seeds_graph, record, shape):
    result = validate_cli(write(tmp_path, "r.ttl", PREFIXES + record), seeds_graph)
    assert result.exit_code == 0, result.output
    assert violations(result.output) == []
    assert f"shapes:{shape})" in result.output


def test_a_hand_over_from_an_agency_not_holding_the_chair_is_refused(tmp_path, seeds_graph):
    """JAXA handed the chair over on 2020-09-09: ESA cannot have handed it over that day."""
    record = PREFIXES + tenure("ESA", "until-2020-09-09", endDate="2020-09-09")
    result = validate_cli(write(tmp_path, "r.ttl", record), seeds_graph)
    assert result.exit_code == 1, result.output
    [line] = violations(result.output)
    assert "Hand-over from ESA on 2020-09-09" in line
    assert "chair/JAXA/until-2020-09-09 (JAXA, from 004_c7f88f3f07aedc14.txt)" in line
    # the record's own source, which the graph does not hold, is known by the record's file
    record_file = tmp_path / "r.ttl"
    assert f"(from {record_file})" in line and f"source: {record_file};" in line


def test_a_new_document_is_resolved_against_the_meetings_the_graph_holds(tmp_path):
    """A report of "March 2009" in Yokohama is checked as the 2009-03-10 meeting it is."""
    held = Graph().parse(
        data=PREFIXES + '<meeting/2009-03-10> a isecg:Meeting ; isecg:date "2009-03-10"^^xsd:date ;'
        ' isecg:city "Yokohama" ; prov:wasDerivedFrom <source/r1> .',
        format="turtle",
    )
    held += context()
    doc = write(
        tmp_path,
        "yokohama.txt",
        "ISECG in Yokohama\n\nPublished: 2009-04-02\n\nThe International Space Exploration"
        " Coordination Group (ISECG) met in Yokohama, Japan, in March 2009.\n",
    )
    [g] = record_graphs([doc], held)
    assert set(g.subjects(RDF.type, ISECG.Meeting)) == {ID["meeting/2009-03-10"]}
    assert set(g.objects(ID["meeting/2009-03-10"], ISECG.date)) == set()  # the graph's is finer


def test_the_context_of_a_large_graph_gives_the_whole_graphs_report(tmp_path):
    """On a store (as for a large graph) a record is checked against what its rules read;
    the report is the one checking it against the whole graph gives."""
    path = tmp_path / "g.ttl"
    write_graph(path, 300, seed=5)
    whole = Graph().parse(path, format="turtle")
    on_store = open_graph([path], cache=True)
    assert oxigraph_of(on_store) is not None
    day = next(str(d) for d in whole.objects(None, ISECG.startDate))
    other = next(iter(whole.objects(None, SKOS.notation)))
    records = [
        new_record(300, seed=5),
        PREFIXES + tenure(str(other), day, startDate=day),
        PREFIXES + tenure(str(other), f"until-{day}", endDate=day),
        PREFIXES + f"<membership/{other}> a isecg:Membership ; org:member <agency/{other}> ;"
        ' org:organization <org/ISECG> ; isecg:joined "2030-01-01"^^xsd:date ;'
        " prov:wasDerivedFrom <source/r1> .",
    ]
    for n, text in enumerate(records):
        record = Graph().parse(data=text, format="turtle")
        expected = check_graphs([record], whole).report
        got = check_graphs([record], on_store).report
        assert sorted(r.to_text() for r in got.results) == sorted(
            r.to_text() for r in expected.results
        ), n
    assert any(not check_graphs([Graph().parse(data=t)], whole).report.conforms for t in records)


def test_the_readme_shows_what_validate_prints(seeds_graph):
    """The README's example of `isecg-kg validate` is the command's real output."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    block = readme.split("$ isecg-kg validate docs/examples/", 1)[1].split("```", 1)[0]
    shown = ("$ isecg-kg validate docs/examples/" + block).strip().splitlines()
    examples = [line.split()[-1] for line in shown if line.startswith("$ ")]
    assert len(examples) == 3
    printed = []
    for example in examples:
        result = validate_cli(Path(example), seeds_graph)
        printed += [f"$ isecg-kg validate {example}", *result.output.strip().splitlines()]
    assert printed == shown
