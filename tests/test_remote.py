"""Hand-over to a real Oxigraph server on loopback: push per named graph, query with parameters."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from isecg_kg import remote, store
from isecg_kg.errors import IsecgError
from isecg_kg.sparqltext import inject_values, nt_term

EX = "http://example.org/"
TRIG = f"""
@prefix ex: <{EX}> .
ex:g1 {{ ex:m ex:p ex:a ; ex:label "Ukraine"@en, "quote \\" }} ?x {{" ; ex:n 23 . }}
ex:g2 {{ ex:m ex:p ex:a , ex:b . ex:b ex:label "b" . }}
"""
QUERY = f"""SELECT ?o ?l WHERE {{ ?s <{EX}p> ?o . OPTIONAL {{ ?o <{EX}label> ?l }}
  {{ ?s ?any ?x }} UNION {{ ?s ?any ?x FILTER(?s = <{EX}nothing>) }} }} ORDER BY ?o ?l"""


def oxigraph_binary() -> str | None:
    here = Path(sys.executable).with_name("oxigraph")
    return str(here) if here.exists() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    binary = oxigraph_binary()
    assert binary is not None, "the oxigraph server is not installed (pip install oxigraph)"
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("oxigraph server did not start")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_push_per_named_graph_then_query_sees_the_union_once(server, tmp_path):
    path = tmp_path / "g.trig"
    path.write_text(TRIG)
    sent = remote.push([path], f"{server}/store")
    assert sent[f"{EX}g1"] == 4 and sent[f"{EX}g2"] == 3
    _, rows = remote.remote_select(
        f"{server}/query", f"SELECT (COUNT(*) AS ?n) WHERE {{ <{EX}m> <{EX}p> ?o }}"
    )
    assert rows == [(Literal(2),)]  # the triple both graphs state, once
    nt = urllib.request.urlopen(f"{server}/store?graph={EX}g2").read().decode()
    assert f"<{EX}b>" in nt and "Ukraine" not in nt
    remote.push([path], f"{server}/store")  # pushing again replaces, not duplicates
    assert remote.remote_select(
        f"{server}/query", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"
    )[1] == [(Literal(7),)]


def test_remote_query_with_parameters_equals_the_local_engine(server, tmp_path):
    path = tmp_path / "g.trig"
    path.write_text(TRIG)
    remote.push([path], f"{server}/store")
    local = store.open_graph([path], cache=False)
    for bindings in ({"s": URIRef(f"{EX}m")}, {"l": Literal('quote " } ?x {')}, {}):
        assert remote.remote_select(f"{server}/query", QUERY, bindings) == store.select(
            local, QUERY, bindings
        )


def test_saved_query_runs_unchanged_on_the_server(server, tmp_path):
    from isecg_kg import queries
    from isecg_kg.bench import bindings_for, raw_parameters
    from isecg_kg.synth import write_graph

    path = tmp_path / "s.ttl"
    write_graph(path, 60, seed=5)
    remote.push([path], f"{server}/store")
    local = store.open_graph([path], cache=False)
    for name in ("meeting-participants", "absent", "agency-meetings", "members"):
        q = queries.get_query(name)
        b = bindings_for(q, local, raw_parameters(60, seed=5))
        ours = store.select(local, q.text, b)
        assert remote.remote_select(f"{server}/query", q.text, b) == ours, name


def test_unreachable_endpoint_is_one_clear_error():
    with pytest.raises(IsecgError, match="cannot reach"):
        remote.remote_select(f"http://127.0.0.1:{free_port()}/query", "ASK {}")
    with pytest.raises(IsecgError, match="not an http"):
        remote.push([], "ftp://example.org/store")


def test_values_injection_is_parse_safe():
    evil = Literal('x" } . ?s ?p ?o { "\n\\')
    text = inject_values("SELECT * WHERE { ?s ?p ?l { ?l ?q ?r } UNION { ?s ?q ?r } }", {"l": evil})
    prepareQuery(text)  # still one valid query
    assert text.count("VALUES ?l") == 2  # the outer group and the branch that uses ?l
    with pytest.raises(IsecgError):
        nt_term(URIRef("http://example.org/a> <b"))
    assert nt_term(Literal("é", lang="fr")) == '"é"@fr'


def test_parameters_resolve_against_the_server(server, tmp_path):
    from isecg_kg import queries
    from isecg_kg.synth import write_graph

    path = tmp_path / "s.ttl"
    write_graph(path, 60, seed=5)
    remote.push([path], f"{server}/store")
    q = queries.get_query("agency-meetings")
    bound = queries.bind_params(q, remote.remote_graph(f"{server}/query"), {"agency": "esa"})
    assert bound == {"agency": URIRef("https://w3id.org/isecg/id/agency/ESA")}
    assert remote.remote_select(f"{server}/query", q.text, bound)[1]


def test_cli_push_then_query_endpoint_matches_local(server, tmp_path):
    from click.testing import CliRunner

    from isecg_kg.cli import cli

    seeds = Path(__file__).resolve().parents[1] / "data" / "sources"
    out = tmp_path / "kg.trig"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(seeds), "--out", str(out), "-q"]).exit_code == 0
    pushed = runner.invoke(cli, ["push", "--data", str(out), "--endpoint", f"{server}/store"])
    assert pushed.exit_code == 0, pushed.output
    assert "graphs" in pushed.output
    args = ["query", "agency-meetings", "--param", "agency=NSAU", "--format", "csv"]
    remote = runner.invoke(cli, [*args, "--endpoint", f"{server}/query"])
    local = runner.invoke(cli, [*args, "--data", str(out)])
    assert remote.exit_code == 0, remote.output
    assert remote.output == local.output
    assert "2020-09-09" in remote.output
