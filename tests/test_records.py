"""New records: validated in the context of the graph; stored only when they conform."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from isecg_kg.cli import cli
from isecg_kg.errors import IsecgError
from isecg_kg.pipeline import ontology_graph, registry_graph
from isecg_kg.records import check, load_rdf

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
