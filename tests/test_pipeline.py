"""The whole build on the real seeds: consistent, reasoned, and inferences kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph

from isecg_kg import ids
from isecg_kg.namespaces import ISECG, ORG, PROV
from isecg_kg.pipeline import build

SEEDS = Path(__file__).resolve().parents[1] / "data" / "sources"


@pytest.fixture(scope="module")
def result():
    return build([SEEDS])


def test_built_graph_has_no_violation_and_only_real_tensions(result):
    report = result.report
    assert report.conforms, report.to_text()
    shapes = {str(r.source_shape).rsplit("#", 1)[-1] for r in report.results}
    assert shapes == {"MemberCountExceedsKnown"}, report.to_text()
    assert result.inconsistencies == []


def test_one_named_graph_per_source_with_provenance(result):
    assert len(result.sources) == 3
    for graph in result.sources:
        assert (graph.identifier, RDF.type, ISECG.SourceDocument) in graph
        for meeting in graph.subjects(RDF.type, ISECG.Meeting):
            assert graph.value(meeting, PROV.wasDerivedFrom) == graph.identifier
        quotes = list(graph.objects(None, ISECG.quote))
        assert quotes, "every document's facts keep the sentence they came from"


def test_inferences_are_kept_apart_and_never_rewrite_sources(result):
    inferred = result.inferred
    assert inferred is not None and inferred.identifier == ids.INFERRED_GRAPH
    assert (ids.agency("CSA"), RDF.type, ORG.FormalOrganization) in inferred
    asserted = Graph()
    for g in result.sources:
        asserted += g
    assert not set(inferred) & set(asserted)


def test_export_says_whether_it_includes_inferences(tmp_path):
    plain, full = tmp_path / "plain.ttl", tmp_path / "full.ttl"
    build([SEEDS], out=plain)
    build([SEEDS], out=full, with_inferences=True)
    p, f = Graph().parse(plain), Graph().parse(full)
    triple = (ids.agency("CSA"), RDF.type, ORG.FormalOrganization)
    assert triple not in p and triple in f


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Forty synthetic reports, one unreadable file and one record of RDF."""
    from isecg_kg.synthdocs import write_corpus

    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 40, seed=3)
    (folder / "zz-broken.json").write_text('{"title": ', encoding="utf-8")
    return folder


def _outcome(documents, records, items, errors):
    return (
        [d.id for d in documents],
        [i.extraction for i in items],
        sorted(len(r) for r in records),
        [str(e) for e in errors],
    )


def test_reading_and_extracting_in_worker_processes_gives_the_same_result(corpus, monkeypatch):
    from isecg_kg import pipeline

    monkeypatch.setattr(pipeline, "_CHUNK", 7)  # several chunks per worker
    alone = _outcome(*pipeline.read_and_extract([corpus], workers=1))
    pooled = _outcome(*pipeline.read_and_extract([corpus], workers=2))
    assert pooled == alone
    assert len(alone[0]) == 40
    assert len(alone[3]) == 1 and "zz-broken.json" in alone[3][0]  # named, the rest kept


def test_a_rule_failing_in_a_worker_is_reported_for_its_document_only(corpus, monkeypatch):
    from isecg_kg import extract as extraction
    from isecg_kg import pipeline

    real = extraction.extract

    def failing(doc, registry):
        if doc.path.name.startswith("000007"):
            raise KeyError("boom")
        return real(doc, registry)

    monkeypatch.setattr(extraction, "extract", failing)  # inherited by the forked workers
    monkeypatch.setattr(pipeline, "_CHUNK", 7)
    _, _, items, errors = pipeline.read_and_extract([corpus], workers=2)
    failed = [str(e) for e in errors if "extractor failed" in str(e)]
    assert len(failed) == 1 and "KeyError" in failed[0]
    assert sum(1 for i in items if i.extraction.meetings) >= 38


def test_an_unknown_output_format_is_refused_before_any_document_is_read(tmp_path, monkeypatch):
    from isecg_kg import pipeline
    from isecg_kg.errors import IsecgError

    def never(*args, **kwargs):
        raise AssertionError("documents were read before the output format was checked")

    monkeypatch.setattr(pipeline, "read_and_extract", never)
    with pytest.raises(IsecgError, match=r"unknown output format '\.xml'"):
        build([tmp_path], out=tmp_path / "kg.xml")
    assert not (tmp_path / "kg.xml").exists()
