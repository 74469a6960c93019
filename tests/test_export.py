"""Exports: every format re-parses into the same graph; the same graph gives the same bytes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from isecg_kg.errors import IsecgError
from isecg_kg.export import export, serialize, write_atomic
from isecg_kg.namespaces import ID, ISECG

SCRIPT = """
import sys
from rdflib import Graph, Literal, XSD
from isecg_kg.export import serialize
from isecg_kg.namespaces import ID, ISECG
graphs = []
for n in range(3):
    g = Graph(identifier=ID[f"source/s{n}"])
    for k in range(20):
        m = ID[f"meeting/2020-01-{k + 1:02d}"]
        g.add((m, ISECG.city, Literal(f"Town {k} é")))
        g.add((m, ISECG.date, Literal(f"2020-01-{k + 1:02d}", datatype=XSD.date)))
        g.add((m, ISECG.participant, ID[f"agency/A{(k * 7 + n) % 11}"]))
    graphs.append(g)
sys.stdout.buffer.write(serialize(graphs, sys.argv[1]))
"""


def sample() -> list[Graph]:
    graphs = []
    for n in range(2):
        g = Graph(identifier=ID[f"source/s{n}"])
        m = ID["meeting/2020-09-09"]
        g.add((m, ISECG.statedParticipantCount, Literal(23)))
        g.add((m, ISECG.virtual, Literal(True)))
        g.add((m, ISECG.city, Literal(f"Köln {n}", lang="de")))
        g.add((m, ISECG.participant, ID[f"agency/A{n}"]))
        graphs.append(g)
    return graphs


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld", "trig"])
def test_same_graph_same_bytes_across_processes(fmt):
    src = str(Path(__file__).resolve().parents[1] / "src")
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": src}
        run = subprocess.run(
            [sys.executable, "-c", SCRIPT, fmt], env=env, capture_output=True, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1


@pytest.mark.parametrize(
    ("suffix", "fmt"), [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")]
)
def test_formats_reparse_isomorphic(tmp_path, suffix, fmt):
    graphs = sample()
    reference = Graph()
    for g in graphs:
        reference += g
    path = tmp_path / f"kg{suffix}"
    export(graphs, path)
    again = Graph().parse(path, format=fmt)
    assert isomorphic(reference, again)


def test_trig_keeps_one_named_graph_per_source(tmp_path):
    path = tmp_path / "kg.trig"
    export(sample(), path)
    ds = Dataset()
    ds.parse(path, format="trig")
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {ID["source/s0"], ID["source/s1"]}


def test_jsonld_context_is_local():
    text = serialize(sample(), "json-ld").decode()
    assert '"@context": {' in text
    assert "http://schema.org/docs" not in text


def test_unknown_extension_is_an_error(tmp_path):
    with pytest.raises(IsecgError, match="unknown output format"):
        export(sample(), tmp_path / "kg.xml")


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "kg.ttl"
    path.write_bytes(b"old")

    def boom(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["kg.ttl"]


def test_uriref_only_no_blank_nodes_in_data():
    for g in sample():
        assert all(isinstance(s, URIRef) for s in g.subjects())


def _with_blank_nodes(shape: str) -> str:
    """Turtle whose blank nodes are inlined (lists, nested), shared, top-level, or a cycle."""
    head = "@prefix : <https://w3id.org/isecg/ontology#> .\n"
    bodies = {
        "inlined": ":M :in ( :A :B ( :C ) ) ; :note [ :says [ :what 1 ] ] .",
        "shared": ":M :p _:x . :N :p _:x . _:x :q 1 .",
        "top-level": "[] :q 1 ; :r [ :s 2 ] .",
        "cycle": ":M :q 0 . _:a :p _:b . _:b :p _:a .",
    }
    return head + bodies[shape]


@pytest.mark.parametrize("shape", ["inlined", "shared", "top-level", "cycle"])
def test_turtle_with_blank_nodes_matches_rdflib_canonical_form(shape):
    from isecg_kg.export import bind_prefixes, canonical_turtle

    text = _with_blank_nodes(shape)
    first, second = Graph().parse(data=text), Graph().parse(data=text)  # new labels each parse
    bind_prefixes(first)
    expected = first.serialize(format="longturtle", canon=True, encoding="utf-8")
    assert canonical_turtle(first) == expected
    assert canonical_turtle(second) == canonical_turtle(first)
    assert isomorphic(Graph().parse(data=canonical_turtle(first), format="turtle"), first)


def test_ontology_export_matches_rdflib_canonical_form():
    from isecg_kg.export import bind_prefixes, canonical_turtle
    from isecg_kg.resources import ontology_path

    ontology = bind_prefixes(Graph().parse(ontology_path()))
    assert canonical_turtle(ontology) == ontology.serialize(
        format="longturtle", canon=True, encoding="utf-8"
    )


def test_turtle_written_by_rdflib_where_the_fast_writer_declines(monkeypatch):
    from isecg_kg import export
    from isecg_kg.resources import ontology_path

    graphs = [*sample(), Graph().parse(ontology_path())]
    fast = export.canonical_turtle(graphs)
    monkeypatch.setattr(export, "longturtle", lambda triples, namespaces: None)
    assert export.canonical_turtle(graphs) == fast
