"""The fast reasoner gives owlrl's data entailments (reason.infer), on the real ontology too."""

from __future__ import annotations

import time

import pyoxigraph
import pytest
from rdflib import Graph, URIRef

from isecg_kg import fastreason, reason, synth
from isecg_kg.errors import IsecgError
from isecg_kg.resources import ontology_path

EX = "http://example.org/"
ONTOLOGY = f"""
@prefix : <{EX}> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
:A rdfs:subClassOf :B . :B rdfs:subClassOf :C . :B owl:equivalentClass :B2 .
:p rdfs:subPropertyOf :q ; rdfs:domain :A ; rdfs:range :D . :q owl:inverseOf :qi .
:eq owl:equivalentProperty :p .
:near a owl:SymmetricProperty . :partOf a owl:TransitiveProperty .
:label rdfs:domain :Named ; rdfs:range rdfs:Literal .
"""
DATA = f"""
@prefix : <{EX}> .
:x :p :y ; :label "x" . :y a :A . :z :eq :w . :a :near :b .
:r1 :partOf :r2 . :r2 :partOf :r3 . :r3 :partOf :r4 .
"""


def graph(text: str, fmt: str = "turtle") -> Graph:
    return Graph().parse(data=text, format=fmt)


def test_same_entailments_as_owlrl_on_rdfs_and_owl_constructs():
    data, onto = graph(DATA), graph(ONTOLOGY)
    expected, _ = reason.infer(data, onto)
    got = fastreason.fast_infer(data, onto)
    assert set(got) == set(expected)
    assert (URIRef(f"{EX}r1"), URIRef(f"{EX}partOf"), URIRef(f"{EX}r4")) in got


def test_same_entailments_as_owlrl_on_the_project_ontology():
    onto = Graph().parse(ontology_path(), format="turtle")
    data = graph(synth.new_record(40, seed=1), "nt")
    for line in synth.registry_lines(synth.make_world(40, seed=1))[:40]:
        data.parse(data=line, format="nt")
    expected, _ = reason.infer(data, onto)
    got = fastreason.fast_infer(data, onto)
    assert len(expected) > 20
    assert set(got) == set(expected)


def test_per_document_application_merges_to_the_whole():
    onto = Graph().parse(ontology_path(), format="turtle")
    one = graph(synth.new_record(40, seed=1), "nt")
    two = graph(synth.new_record(60, seed=2), "nt")
    whole = fastreason.fast_infer(one + two, onto)
    parts = fastreason.fast_infer(one, onto) + fastreason.fast_infer(two, onto)
    assert set(whole) == set(parts)


def test_sparql_updates_give_the_same_triples():
    data, onto = graph(DATA), graph(ONTOLOGY)
    store = pyoxigraph.Store()
    store.load(data.serialize(format="nt").encode(), pyoxigraph.RdfFormat.N_TRIPLES)
    before = len(store)
    for _ in range(5):
        for update in fastreason.compile_rules(onto).updates():
            store.update(update)
    added = {
        tuple(URIRef(t.value) for t in (q.subject, q.predicate, q.object))
        for q in store
        if isinstance(q.object, pyoxigraph.NamedNode)
    }
    expected = fastreason.fast_infer(data, onto)
    assert {t for t in expected} <= added
    assert len(store) > before


def test_unsupported_construct_is_refused():
    onto = graph(
        f"@prefix : <{EX}> . @prefix owl: <http://www.w3.org/2002/07/owl#> ."
        " :p a owl:FunctionalProperty ."
    )
    with pytest.raises(IsecgError, match="FunctionalProperty"):
        fastreason.compile_rules(onto)


def test_fast_on_a_few_hundred_meetings(tmp_path):
    path = tmp_path / "g.nt"
    synth.write_graph(path, 300, seed=0)
    data = Graph().parse(path, format="nt")
    onto = Graph().parse(ontology_path(), format="turtle")
    start = time.perf_counter()
    inferred = fastreason.fast_infer(data, onto)
    assert time.perf_counter() - start < 5
    assert len(inferred) > 300


def test_disjoint_classes_reported_like_owlrl():
    onto = Graph().parse(ontology_path(), format="turtle")
    data = graph(
        "@prefix isecg: <https://w3id.org/isecg/ontology#> . "
        "<http://e/x> a isecg:Meeting, isecg:Agency . <http://e/y> isecg:host <http://e/x> ."
    )
    assert fastreason.fast_inconsistencies(data, onto) == reason.infer(data, onto)[1]
