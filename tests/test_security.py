"""The input policy at every entry point: no entity expansion, no remote contexts, no SERVICE,
no FROM fetch, bounded sizes; each refusal is one line with exit status 2 and no network."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from isecg_kg import policy
from isecg_kg.cli import cli
from isecg_kg.errors import IsecgError
from isecg_kg.policy import LOCAL_CONTEXT_IRI, Refused
from isecg_kg.queries import load_data

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "sources"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# An address no test may reach; the guard fails the socket before any packet leaves.
FAR = "http://198.51.100.7/context.jsonld"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def one_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output and "internal error" not in result.stderr
    return lines[0]


def billion_laughs(levels: int = 9) -> str:
    """The classic: ten references per level, ``10**levels`` copies of "lol", under 1 kB."""
    ents = ['<!ENTITY lol "lol">']
    for i in range(1, levels + 1):
        ref = "&lol;" if i == 1 else f"&lol{i - 1};"
        ents.append(f'<!ENTITY lol{i} "{ref * 10}">')
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(ents) + "\n]>\n"
        f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:ex="http://example.org/">\n'
        f'<rdf:Description rdf:about="http://example.org/a"><ex:p>&lol{levels};</ex:p>'
        "</rdf:Description>\n</rdf:RDF>\n"
    )


PLAIN_RDFXML = (
    f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF>\n<rdf:RDF xmlns:rdf="{RDF_NS}" '
    'xmlns:ex="http://example.org/">\n<rdf:Description rdf:about="http://example.org/a">'
    "<ex:p>plain &amp; simple</ex:p></rdf:Description>\n</rdf:RDF>\n"
)


# -- XML ------------------------------------------------------------------------------------


def test_billion_laughs_is_refused_at_once_by_query_data(tmp_path):
    bomb = tmp_path / "lol.rdf"
    bomb.write_text(billion_laughs())
    assert bomb.stat().st_size < 1000
    started = time.perf_counter()
    with pytest.raises(Refused) as caught:
        load_data([bomb])
    assert time.perf_counter() - started < 1.0
    assert caught.value.file == str(bomb) and caught.value.line == 3
    assert "entity declaration 'lol'" in str(caught.value)


def test_billion_laughs_cli_exits_2_in_one_line_and_stays_small(tmp_path):
    bomb = tmp_path / "lol.rdf"
    bomb.write_text(billion_laughs())
    # A small launcher runs the command and reports its peak memory: measured from the test
    # process itself, a child's peak would count this process's pages at the fork.
    launcher = (
        "import resource, subprocess, sys\n"
        "run = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(run.stderr)\n"
        "print('maxrss', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(run.returncode)\n"
    )
    command = [sys.executable, "-m", "isecg_kg", "query", "members", "--data", str(bomb)]
    run = subprocess.run(
        [sys.executable, "-c", launcher, *command], capture_output=True, text=True, check=False
    )
    *stderr, peak = run.stdout.strip().splitlines()
    assert run.returncode == 2, run.stdout
    [line] = stderr
    assert line.startswith(f"isecg-kg: error: {bomb}:3: XML entity declaration")
    assert int(peak.split()[1]) < 100 * 1024  # kB: the interpreter and its imports, no expansion


def test_external_entities_and_external_dtds_are_refused(tmp_path):
    xxe = tmp_path / "xxe.rdf"
    xxe.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE r [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n'
        f'<rdf:RDF xmlns:rdf="{RDF_NS}"/>\n'
    )
    dtd = tmp_path / "dtd.rdf"
    dtd.write_text(
        f'<!DOCTYPE r SYSTEM "http://198.51.100.7/x.dtd">\n<rdf:RDF xmlns:rdf="{RDF_NS}"/>'
    )
    for path, words in ((xxe, "'x' from 'file:///etc/passwd'"), (dtd, "external subset")):
        result = invoke("query", "members", "--data", str(path))
        assert result.exit_code == 2
        assert words in one_line(result)


def test_rdfxml_without_entities_still_loads(tmp_path):
    path = tmp_path / "plain.rdf"
    path.write_text(PLAIN_RDFXML)
    graph = load_data([path])
    assert [str(o) for o in graph.objects()] == ["plain & simple"]


def test_entities_in_an_html_source_are_not_expanded(tmp_path):
    page = billion_laughs().replace("rdf:RDF [", "html [", 1)
    body = "<html><body><p>ISECG met in Washington on 9 September 2020. &lol9;</p></body></html>"
    source = tmp_path / "page.html"
    source.write_text(page.split("<rdf:RDF")[0] + body)
    from isecg_kg.sources import load_all

    [doc] = load_all(source)
    assert "lollol" not in doc.text and len(doc.text) < 200


# -- JSON-LD --------------------------------------------------------------------------------

IMPORT = {"@context": {"@import": FAR}, "@id": "http://example.org/a", "http://example.org/p": "v"}
FILE_IMPORT = {
    "@context": [{"@version": 1.1}, {"ex": {"@id": "http://example.org/", "@context": {}}}],
    "@graph": [{"@context": {"@import": "file:///etc/passwd"}, "@id": "http://example.org/b"}],
}


@pytest.mark.parametrize(
    ("doc", "field", "target"),
    [
        (IMPORT, "@context.@import", FAR),
        (FILE_IMPORT, "@graph[0].@context.@import", "file:///etc/passwd"),
        ({"@context": ["https://schema.org/"], "@id": "x"}, "@context", "https://schema.org/"),
        (
            {"@context": {"term": {"@id": "http://x/", "@context": "ctx.jsonld"}}},
            "@context.term.@context",
            "ctx.jsonld",
        ),
        # rdflib also reads a list in a list, and fetched it (found by tests/test_fuzz.py)
        ({"@context": [[{"@version": 1.1}, [FAR]]], "@id": "x"}, "@context", FAR),
    ],
)
@pytest.mark.parametrize("command", ["validate", "add", "query", "build"])
def test_jsonld_references_are_refused_by_every_command(tmp_path, doc, field, target, command):
    record = tmp_path / "in" / "record.jsonld"
    record.parent.mkdir()
    record.write_text(json.dumps(doc))
    out = tmp_path / "kg.ttl"
    args = {
        "validate": ["validate", str(record)],
        "add": ["add", str(record), "--to", str(tmp_path / "data")],
        "query": ["query", "members", "--data", str(record)],
        "build": ["build", str(record.parent), "--out", str(out)],
    }[command]
    result = invoke(*args)
    assert result.exit_code == 2
    line = one_line(result) if command != "build" else result.stderr.strip().splitlines()[0]
    assert f"{record} [{field}]:" in line and repr(target) in line and "not fetched" in line
    assert "root:" not in result.output  # nothing of /etc/passwd was read
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("context", [LOCAL_CONTEXT_IRI, [[LOCAL_CONTEXT_IRI]]])
def test_the_package_context_is_resolved_locally(tmp_path, context):
    record = tmp_path / "agency.jsonld"
    record.write_text(
        json.dumps(
            {
                "@context": context,
                "@id": "agency:XYZ",
                "@type": "isecg:Agency",
                "skos:prefLabel": "Example Space Agency",
            }
        )
    )
    from isecg_kg.records import load_rdf

    graph = load_rdf(record)
    subjects = {str(s) for s in graph.subjects()}
    assert subjects == {"https://w3id.org/isecg/id/agency/XYZ"}


def test_deeply_nested_json_is_one_line(tmp_path):
    record = tmp_path / "deep.jsonld"
    record.write_text("[" * 200_000 + "]" * 200_000)
    result = invoke("validate", str(record))
    assert result.exit_code == 2
    assert str(record) in one_line(result)


# -- SPARQL ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kg") / "isecg.trig"
    assert invoke("build", str(SEEDS), "--out", str(out), "-q").exit_code == 0
    return out


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("SELECT * WHERE {\n  SERVICE <http://198.51.100.7/sparql> { ?s ?p ?o }\n}", 2, "SERVICE"),
        ("select * {\n ?s ?p ?o .\n service silent <http://x/> { ?a ?b ?c } }", 3, "SERVICE"),
        # the grammar reads "true.SERVICE" as true, a dot, SERVICE: so do we
        ("SELECT * { ?s ?p true.SERVICE <http://x/> { ?a ?b ?c } }", 1, "SERVICE"),
        ("SELECT * { ?s ?p ?o FILTER(1<2)SERVICE<http://x/>{?a ?b ?c} }", 1, "SERVICE"),
        ("LOAD <http://198.51.100.7/data.ttl>", 1, "LOAD is an update"),
        ("PREFIX ex: <http://x/>\nINSERT DATA { ex:a ex:b 1 }", 2, "INSERT is an update"),
        ("DELETE WHERE { ?s ?p ?o }", 1, "DELETE is an update"),
        ("SELECT * FROM <http://198.51.100.7/g> { ?s ?p ?o }", 1, "FROM <http://198.51.100.7/g>"),
        ("PREFIX g: <http://198.51.100.7/>\nSELECT *\nFROM NAMED g:x { ?s ?p ?o }", 3, "FROM <"),
    ],
)
def test_service_load_updates_and_foreign_from_are_refused(tmp_path, built, text, line, words):
    query = tmp_path / "hostile.rq"
    query.write_text(text)
    result = invoke("query", str(query), "--data", str(built))
    assert result.exit_code == 2
    message = one_line(result)
    assert message.startswith(f"isecg-kg: error: {query}:{line}: ") and words in message


def test_the_words_in_strings_iris_comments_and_names_are_not_keywords(tmp_path, built):
    query = tmp_path / "ok.rq"
    query.write_text(
        "# SERVICE <http://x/> and LOAD are only mentioned here\n"
        "PREFIX service: <http://example.org/service#>\n"
        'SELECT ?load WHERE { BIND("SERVICE LOAD INSERT" AS ?load)'
        " FILTER(?load != <http://example.org/LOAD>) FILTER(?load != service:insert) }"
    )
    result = invoke("query", str(query), "--data", str(built), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["load", "SERVICE LOAD INSERT"]


def test_from_a_graph_the_data_holds_selects_it(tmp_path, built):
    sources = invoke("query", "sources", "--data", str(built), "--format", "csv")
    source = sources.output.splitlines()[1].split(",")[0]
    query = tmp_path / "one.rq"
    query.write_text(f"SELECT (COUNT(*) AS ?n) FROM <{source}> WHERE {{ ?s ?p ?o }}")
    result = invoke("query", str(query), "--data", str(built), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert 0 < int(result.output.splitlines()[1]) < 1000


def test_check_query_error_is_a_refusal_with_a_kind():
    with pytest.raises(Refused) as caught:
        policy.check_query("CLEAR ALL", "q.rq")
    assert caught.value.kind == "update" and caught.value.exit_code == 2


# -- sizes ----------------------------------------------------------------------------------


def test_a_source_over_the_size_limit_is_refused_and_the_rest_built(tmp_path, monkeypatch):
    folder = tmp_path / "sources"
    folder.mkdir()
    for seed in sorted(SEEDS.iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    big = folder / "zz_big.txt"
    big.write_text("ISECG met in Washington. " * 8000)  # 200 kB
    monkeypatch.setenv("ISECG_KG_MAX_INPUT_MB", "0.1")
    out = tmp_path / "kg.ttl"
    result = invoke("build", str(folder), "--out", str(out))
    assert result.exit_code == 2
    assert f"{big}: 0.2 MB is over the 0.1 MB limit" in result.stderr
    assert "ISECG_KG_MAX_INPUT_MB" in result.stderr
    assert "3 documents" in result.output


def test_a_graph_file_over_its_limit_is_refused(tmp_path, built, monkeypatch):
    monkeypatch.setenv("ISECG_KG_MAX_GRAPH_MB", "0.001")
    result = invoke("query", "members", "--data", str(built))
    assert result.exit_code == 2
    assert "MB limit" in one_line(result) and "ISECG_KG_MAX_GRAPH_MB" in result.stderr


def test_a_bad_limit_setting_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("ISECG_KG_MAX_INPUT_MB", "lots")
    path = tmp_path / "a.txt"
    path.write_text("text")
    with pytest.raises(IsecgError, match="not a number of MB"):
        policy.read_limited(path)
