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
