"""Synthetic corpora: deterministic, shaped like docs/MODEL.md, readable by the whole pipeline."""

from __future__ import annotations

import hashlib

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.namespace import XSD

from isecg_kg import temporal
from isecg_kg.namespaces import ID, ISECG, ORG, PROV
from isecg_kg.synth import make_world, write_graph
from isecg_kg.synthdocs import write_corpus


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_same_seed_same_bytes_other_seed_other_world(tmp_path):
    a, b, c = tmp_path / "a.trig", tmp_path / "b.trig", tmp_path / "c.trig"
    write_graph(a, 200, seed=1)
    write_graph(b, 200, seed=1)
    write_graph(c, 200, seed=2)
    assert digest(a) == digest(b) != digest(c)


def test_graph_follows_the_model(tmp_path):
    path = tmp_path / "g.ttl"
    lines = write_graph(path, 300, seed=4)
    g = Graph().parse(path, format="turtle")
    assert 25 * 300 < len(g) <= lines
    meetings = set(g.subjects(RDF.type, ISECG.Meeting))
    assert len(meetings) == 300
    for m in meetings:
        assert str(m).startswith(str(ID["meeting/"]))
        assert g.value(m, ISECG.date) or g.value(m, ISECG.earliestDate)
        assert g.value(m, PROV.wasDerivedFrom) is not None
        for a in g.objects(m, ISECG.participant):
            assert (a, RDF.type, ISECG.Agency) in g
    dates = [o for p in (ISECG.date, ISECG.joined, ISECG.memberOn) for o in g.objects(None, p)]
    precisions = {o.datatype for o in dates}
    assert {XSD.date, XSD.gYearMonth, XSD.gYear} <= precisions
    for o in dates:
        assert o.datatype == temporal.datatype(str(o))
    assert set(g.subjects(RDF.type, ISECG.Chairmanship))
    assert set(g.subjects(RDF.type, ISECG.Roadmap))
    assert all(isinstance(s, URIRef) for s in g.subjects())  # no blank nodes
    for ms in g.subjects(RDF.type, ISECG.Membership):
        assert g.value(ms, ORG.organization) == ID["org/ISECG"]


def test_trig_keeps_one_graph_per_source_and_the_same_union(tmp_path):
    write_graph(tmp_path / "g.trig", 100, seed=2)
    write_graph(tmp_path / "g.ttl", 100, seed=2)
    ds = Dataset()
    ds.parse(tmp_path / "g.trig", format="trig")
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    flat = Graph().parse(tmp_path / "g.ttl", format="turtle")
    assert set(union) == set(flat)
    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert str(ID["graph/registry"]) in names
    assert sum(n.startswith(str(ID["source/"])) for n in names) >= 100


def test_corpus_goes_through_the_pipeline(tmp_path):
    from isecg_kg.extract import extract
    from isecg_kg.pipeline import read_documents
    from isecg_kg.registry import Registry

    write_corpus(tmp_path, 12, seed=3)
    docs, errors = read_documents([tmp_path])
    assert not errors
    assert {d.kind for d in docs} == {"wordpress-json", "html", "text"}
    world = make_world(12, seed=3, agencies=30)
    registry = Registry.load()
    found = 0
    for doc in docs:
        n = int(doc.path.stem)
        truth = world.meetings[n]
        meetings = extract(doc, registry).meetings
        if truth.value and len(truth.value) == 10 and meetings:
            found += meetings[0].when.value == truth.value
    assert found >= 6


def test_build_benchmark_times_every_stage_and_the_real_build(tmp_path):
    from isecg_kg.buildbench import build_report, build_throughput

    stats = build_throughput(12, tmp_path, seed=1, builds=2)
    assert stats["documents"] == 12 and stats["errors"] == 0
    assert {
        "load",
        "extract",
        "map",
        "validate (fastshacl, whole graph)",
        "validate (pySHACL, whole graph, reference)",
        "export (.ttl)",
    } <= set(stats["stages"])
    assert len(stats["build_runs_s"]) == 2 and stats["build_s"] > 0
    built = Graph().parse(tmp_path / "built-12.ttl")  # the command's own output, complete
    assert len(built) > stats["triples"]  # the documents' triples plus ontology and registry
    assert "**`isecg-kg build`, end to end, own process**" in build_report(stats)


def test_query_benchmark_engines_agree_and_the_report_compares_them(tmp_path):
    from isecg_kg.bench import benchmark, report

    result = benchmark(
        150, tmp_path, seed=2, reps=2, budget=60, engines=("isecg", "pyoxigraph", "pyoxigraph-disk")
    )
    engines = result["engines"]
    assert not [name for name, e in engines.items() if "error" in e]
    ours = engines["isecg"]["queries"]
    for other in ("pyoxigraph", "pyoxigraph-disk"):
        theirs = engines[other]["queries"]
        assert {q: ours[q]["rows"] for q in ours} == {q: theirs[q]["rows"] for q in theirs}
    assert ours["meeting-participants"]["rows"] > 0 and ours["meetings"]["rows"] == 150
    table = report(result)
    assert "| isecg / pyoxigraph (on disk) |" in table
    row = next(line for line in table.splitlines() if "`meeting-participants`" in line)
    assert row.count("|") == 10 and "–" not in row.split("|")[5:9]
