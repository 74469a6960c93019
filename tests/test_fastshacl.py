"""fastshacl gives pySHACL's results: the same records and the same report graph, on every
shape's cases, on focused validation, on the graphs the seeds and the evaluation sets build, and
on a synthetic corpus; shapes it does not support go to pySHACL."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, SH, Graph, URIRef
from rdflib.compare import isomorphic
from test_shapes import BASE, CASES
from test_shapes import graph as shapes_case
from test_validate import RECORDS, REGISTRY
from test_validate import graph as records_graph

from isecg_kg import fastshacl
from isecg_kg import validate as validate_module
from isecg_kg.pipeline import build
from isecg_kg.synthdocs import write_corpus
from isecg_kg.validate import FAST_ABOVE, engine_for, record_shapes, validate

ROOT = Path(__file__).resolve().parents[1]


def assert_same(data: Graph, focus: list[URIRef] | None = None, *, fallback: bool = False) -> None:
    """fastshacl's report is pySHACL's; with ``fallback``, the data is one fastshacl refuses
    (so "auto" runs pySHACL)."""
    reference = validate(data, focus=focus, engine="pyshacl")
    if fallback:
        with pytest.raises(fastshacl.Unsupported):
            validate(data, focus=focus, engine="fast")
        fast = validate(data, focus=focus)
        assert fast.results == reference.results
        return
    fast = validate(data, focus=focus, engine="fast")
    assert fast.results == reference.results
    assert fast.conforms == reference.conforms
    if focus is None:  # a focused report is assembled from two pySHACL runs: compare results
        assert isomorphic(fast.report_graph, reference.report_graph)


@pytest.mark.parametrize(("shape", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_each_shape_case(shape: str, bad: str, good: str) -> None:
    # a plain literal typed xsd:string is one rdflib and pyoxigraph would compare differently
    assert_same(shapes_case(BASE, bad), fallback="^^xsd:string" in bad)
    assert_same(shapes_case(BASE, good), fallback="^^xsd:string" in good)


def test_focus_on_each_record() -> None:
    g = records_graph(REGISTRY, RECORDS)
    for node in sorted({s for s in g.subjects() if isinstance(s, URIRef)}):
        assert_same(g, focus=[node])
    assert_same(g, focus=[])


def test_the_shapes_for_new_records() -> None:
    """The stricter shapes of new records (an unknown agency is a violation) give pySHACL's
    results too, whole and focused."""
    unknown = (
        '<agency/unregistered-x> a isecg:Agency ; skos:prefLabel "X Agency" ;'
        " isecg:needsReview true . <meeting/2020-09-09> isecg:participant <agency/unregistered-x> ."
    )
    data = shapes_case(BASE, unknown)
    for focus in (None, [URIRef("https://w3id.org/isecg/id/agency/unregistered-x")]):
        reference = validate(data, shapes=record_shapes(), focus=focus, engine="pyshacl")
        fast = validate(data, shapes=record_shapes(), focus=focus, engine="fast")
        assert fast.results == reference.results
        assert {str(r.source_shape).rsplit("#")[-1] for r in fast.results} >= {
            "NewRecordAgencyInRegistry"
        }
        assert not fast.conforms
    assert validate(data).conforms  # a build: only a warning


@pytest.mark.parametrize("folder", ["data/sources", "tests/eval/docs", "tests/eval4/docs"])
def test_built_graphs(folder: str) -> None:
    result = build([ROOT / folder], validate=False, reason=False)
    assert_same(result.data())


def test_synthetic_corpus(tmp_path: Path) -> None:
    write_corpus(tmp_path, 40, seed=3)
    data = build([tmp_path], validate=False, reason=False).data()
    assert_same(data)
    meetings = sorted(data.subjects(RDF.type, URIRef("https://w3id.org/isecg/ontology#Meeting")))
    assert_same(data, focus=meetings[:3])


def engines_run(monkeypatch) -> list[str]:
    """The engines validate() runs from now on, in order."""
    ran: list[str] = []
    real_run, real_fast = validate_module._run, validate_module._fast
    monkeypatch.setattr(
        validate_module, "_run", lambda *a, **k: ran.append("pyshacl") or real_run(*a, **k)
    )
    monkeypatch.setattr(
        validate_module, "_fast", lambda *a, **k: ran.append("fast") or real_fast(*a, **k)
    )
    return ran


def many(n: int, body: str) -> Graph:
    """A graph of ``n`` copies of a record (``X`` numbered)."""
    text = "@prefix ex: <http://example.org/> .\n" + "\n".join(
        body.replace("X", str(i)) for i in range(n)
    )
    return Graph().parse(data=text, format="turtle")


def test_auto_runs_fastshacl_on_large_graphs_only(monkeypatch) -> None:
    ran = engines_run(monkeypatch)
    small = records_graph(REGISTRY, RECORDS)
    assert validate(small).counts() == {"Violation": 2, "Warning": 1, "Info": 0}
    assert ran == ["pyshacl"]
    large = records_graph(REGISTRY, RECORDS) + many(FAST_ABOVE, "ex:xX ex:p ex:y .")
    ran.clear()
    assert validate(large).counts() == {"Violation": 2, "Warning": 1, "Info": 0}
    assert ran == ["fast"]
    ran.clear()
    validate(large, focus=[URIRef("https://w3id.org/isecg/id/meeting/2005")])
    assert "fast" not in ran


def test_unsupported_shapes_go_to_pyshacl(monkeypatch) -> None:
    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:p ; sh:uniqueLang true ] .
        """,
        format="turtle",
    )
    engine, why = engine_for(shapes)
    assert engine == "pyshacl" and "uniqueLang" in why
    data = many(FAST_ABOVE // 3 + 1, 'ex:xX a ex:C ; ex:p "a"@en , "b"@en .')
    with pytest.raises(fastshacl.Unsupported):
        validate(data, shapes=shapes, engine="fast")
    ran = engines_run(monkeypatch)
    report = validate(data, shapes=shapes)  # auto: fastshacl refuses, pySHACL runs
    assert ran == ["pyshacl"]
    assert len(report.results) == FAST_ABOVE // 3 + 1
    assert set(report.report_graph.objects(None, SH.sourceConstraintComponent)) == {
        SH.UniqueLangConstraintComponent
    }


def test_shipped_shapes_run_fast() -> None:
    assert engine_for() == ("fast", None)


QUERY = """PREFIX ex: <http://example.org/>
SELECT $this ?value WHERE { $this ex:p ?value . FILTER NOT EXISTS { ?value ex:q ?x } }"""


def test_the_analysis_of_a_query_is_kept_on_disk(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ISECG_KG_CACHE", str(tmp_path))
    fastshacl._prebound.cache_clear()
    first = fastshacl._prebound(QUERY, "this")
    assert first.predicates == {URIRef("http://example.org/p"), URIRef("http://example.org/q")}
    (kept,) = tmp_path.glob("prebound-*.json")

    def no_analysis(query: str, var: str) -> None:
        raise AssertionError("analysed again")

    monkeypatch.setattr(fastshacl, "_analyse", no_analysis)
    fastshacl._prebound.cache_clear()
    assert fastshacl._prebound(QUERY, "this") == first  # read back, not worked out

    monkeypatch.undo()
    monkeypatch.setenv("ISECG_KG_CACHE", str(tmp_path))
    kept.write_text("{not json")
    fastshacl._prebound.cache_clear()
    assert fastshacl._prebound(QUERY, "this") == first  # a damaged file is worked out again
    fastshacl._prebound.cache_clear()


def test_a_cache_that_cannot_be_written_costs_only_time(tmp_path, monkeypatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("ISECG_KG_CACHE", str(blocked / "cache"))  # under a file: not creatable
    fastshacl._prebound.cache_clear()
    assert fastshacl._prebound(QUERY, "this").names == ("this", "value")
    fastshacl._prebound.cache_clear()
