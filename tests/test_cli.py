"""The command line: the build's summary, determinism, and one clear line for every bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from isecg_kg.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "sources"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kg") / "isecg.ttl"
    result = invoke("build", str(SEEDS), "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_build_prints_a_summary(tmp_path):
    out = tmp_path / "kg.ttl"
    result = invoke("build", str(SEEDS), "--out", str(out))
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith(f"built {out}: 3 documents, ")
    assert "meetings" in first and "agencies" in first
    assert out.exists()


def test_build_twice_gives_identical_bytes(tmp_path, built):
    again = tmp_path / "again.ttl"
    invoke("build", str(SEEDS), "--out", str(again), "-q")
    assert again.read_bytes() == built.read_bytes()


@pytest.mark.parametrize(("suffix", "fmt"), [(".nt", "nt"), (".jsonld", "json-ld")])
def test_every_export_is_isomorphic_to_turtle(tmp_path, built, suffix, fmt):
    out = tmp_path / f"kg{suffix}"
    assert invoke("build", str(SEEDS), "--out", str(out), "-q").exit_code == 0
    assert isomorphic(Graph().parse(built, format="turtle"), Graph().parse(out, format=fmt))


def test_trig_export_has_a_graph_per_source_and_the_same_triples(tmp_path, built):
    out = tmp_path / "kg.trig"
    assert invoke("build", str(SEEDS), "--out", str(out), "-q").exit_code == 0
    ds = Dataset()
    ds.parse(out, format="trig")
    union = Graph()
    for g in ds.graphs():
        union += g
    assert isomorphic(union, Graph().parse(built, format="turtle"))
    sources = [g for g in ds.graphs() if "/id/source/" in str(g.identifier)]
    assert len(sources) == 3


def test_missing_source_is_one_line_and_exit_2(tmp_path):
    result = invoke("build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "kg.ttl"))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "nope.txt" in lines[0]
    assert "Traceback" not in result.output


def test_bad_document_is_reported_and_the_others_still_built(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(SEEDS, folder)
    (folder / "broken.txt").write_text('{"id": 1, "title": {"rendered": "x"},\n  "content": ')
    out = tmp_path / "kg.ttl"
    result = invoke("build", str(folder), "--out", str(out))
    assert result.exit_code == 2
    assert "broken.txt:2" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "3 documents" in result.output
    assert out.exists()


def test_failed_build_leaves_the_old_output(tmp_path):
    out = tmp_path / "kg.xml"
    result = invoke("build", str(SEEDS), "--out", str(out))
    assert result.exit_code == 2
    assert "unknown output format" in result.stderr
    assert not out.exists()


def test_query_json_is_sparql_results(built):
    result = invoke("query", "meetings", "--data", str(built), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert "meeting" in doc["head"]["vars"]
    assert len(doc["results"]["bindings"]) == 3


def test_query_unknown_name_is_an_error(built):
    result = invoke("query", "no-such-query", "--data", str(built))
    assert result.exit_code == 2
    assert "no-such-query" in result.stderr


def test_query_bad_param_is_an_error(built):
    result = invoke("query", "members", "--data", str(built), "--param", "date=yesterday")
    assert result.exit_code == 2
    assert "date" in result.stderr and "Traceback" not in result.output
    result = invoke("query", "members", "--data", str(built), "--param", "nonsense")
    assert result.exit_code == 2


def test_query_missing_data_file_says_to_build(tmp_path):
    result = invoke("query", "meetings", "--data", str(tmp_path / "none.ttl"))
    assert result.exit_code == 2
    assert "none.ttl" in result.stderr


def test_query_list_and_query_help(built):
    listing = invoke("query", "--list")
    assert listing.exit_code == 0
    for name in ("meetings", "members", "joins", "chairs", "roadmaps", "absent"):
        assert name in listing.output
    shown = invoke("query", "members", "--help")
    assert "date" in shown.output and "since" in shown.output


@pytest.mark.parametrize("command", ["build", "query", "validate", "add", "serve"])
def test_every_command_has_help(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_python_dash_m_runs_the_same_cli():
    run = subprocess.run(
        [sys.executable, "-m", "isecg_kg", "--help"], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0
    assert "build" in run.stdout


def test_extractor_failure_on_one_document_costs_only_that_document(tmp_path, monkeypatch):
    import isecg_kg.extract as extract_module

    real = extract_module.extract

    def flaky(doc, registry):
        if doc.path.name.startswith("002_"):
            raise StopIteration  # a rule's bug, as once seen in the wild
        return real(doc, registry)

    monkeypatch.setattr(extract_module, "extract", flaky)
    out = tmp_path / "kg.ttl"
    result = invoke("build", str(SEEDS), "--out", str(out))
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "002_96262214c6026403.txt" in line and "StopIteration" in line
    assert "Traceback" not in result.output
    assert "3 documents" in result.output
    assert "2020-09-09" in out.read_text()
