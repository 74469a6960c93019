"""OWL-RL reasoning: entailments about the data, kept apart; inconsistencies reported."""

from __future__ import annotations

import time

import pytest
from rdflib import OWL, RDF, RDFS, XSD, BNode, Dataset, Graph, Literal
from rdflib.compare import isomorphic

from isecg_kg.namespaces import ID, ISECG, ORG, PROV, SCHEMA
from isecg_kg.reason import infer, triples
from isecg_kg.validate import default_ontology

DATA = """
@base <https://w3id.org/isecg/id/> .
@prefix isecg: <https://w3id.org/isecg/ontology#> .
@prefix org:   <http://www.w3.org/ns/org#> .
@prefix prov:  <http://www.w3.org/ns/prov#> .
@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:   <http://www.w3.org/2001/XMLSchema#> .

<agency/CSA> a isecg:Agency ; skos:notation "CSA" ; skos:prefLabel "Canadian Space Agency"@en .
<meeting/2020-09-09> a isecg:Meeting ;
    isecg:date "2020-09-09"^^xsd:date ;
    isecg:host <agency/CSA> ;
    isecg:participant <agency/CSA> , <agency/NASA> ;
    isecg:venue "online" ;
    prov:wasDerivedFrom <source/s1> .
<chair/CSA/2020-09-09> a isecg:Chairmanship ;
    org:member <agency/CSA> ; org:role <role/chair> ; org:organization <org/ISECG> ;
    isecg:startDate "2020-09-09"^^xsd:date .
<evidence/s1/0> isecg:quote "They met." ; isecg:describes <meeting/2020-09-09> ;
    isecg:aboutProperty isecg:participant .
"""


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return default_ontology()


@pytest.fixture
def data() -> Graph:
    return Graph().parse(data=DATA, format="turtle")


def test_ontology_alone_is_consistent_and_entails_nothing_about_data(ontology: Graph) -> None:
    new, errors = infer(Graph(), ontology)
    assert errors == []
    assert len(new) == 0


def test_subclass_and_subproperty_entailments(data: Graph, ontology: Graph) -> None:
    new, errors = infer(data, ontology)
    assert errors == []
    csa, nasa, meeting = ID["agency/CSA"], ID["agency/NASA"], ID["meeting/2020-09-09"]
    assert (csa, RDF.type, ORG.FormalOrganization) in new
    assert (meeting, RDF.type, SCHEMA.Event) in new
    assert (meeting, SCHEMA.attendee, nasa) in new
    assert (meeting, SCHEMA.organizer, csa) in new
    assert (meeting, SCHEMA.startDate, Literal("2020-09-09", datatype=XSD.date)) in new
    assert (meeting, SCHEMA.location, Literal("online")) in new
    tenure = ID["chair/CSA/2020-09-09"]
    assert (tenure, RDF.type, ORG.Membership) in new
    assert (tenure, SCHEMA.startDate, Literal("2020-09-09", datatype=XSD.date)) in new


def test_domain_and_range_entailments(data: Graph, ontology: Graph) -> None:
    new, _ = infer(data, ontology)
    nasa = ID["agency/NASA"]  # only named as a participant: its range makes it an Agency
    assert (nasa, RDF.type, ISECG.Agency) in new
    assert (nasa, RDF.type, ORG.FormalOrganization) in new
    evidence = ID["evidence/s1/0"]  # untyped: the domain of isecg:quote makes it Evidence
    assert (evidence, RDF.type, ISECG.Evidence) in new
    assert (evidence, RDF.type, PROV.Entity) in new
    assert (evidence, PROV.value, Literal("They met.")) in new


def test_asserted_graph_is_unchanged(data: Graph, ontology: Graph) -> None:
    before, onto_before = Graph(), Graph()
    before += data
    onto_before += ontology
    new, _ = infer(data, ontology)
    assert isomorphic(data, before)
    assert isomorphic(ontology, onto_before)
    assert not set(new) & set(data)
    assert not set(new) & set(ontology)


def test_no_noise(data: Graph, ontology: Graph) -> None:
    new, _ = infer(data, ontology)
    for s, p, o in new:
        assert not isinstance(s, Literal | BNode) and not isinstance(o, BNode), (s, p, o)
        assert not (p == OWL.sameAs and s == o)
        assert not (p == RDF.type and o in (OWL.Thing, RDFS.Resource))
        assert str(s).startswith(str(ID)), (s, p, o)  # about the data's nodes only


def test_inconsistency_is_reported(data: Graph, ontology: Graph) -> None:
    meeting = ID["meeting/2020-09-09"]
    data.add((meeting, RDF.type, ISECG.Agency))
    _, errors = infer(data, ontology)
    assert len(errors) == 1
    assert "Disjoint classes" in errors[0]
    assert str(meeting) in errors[0]


def test_range_clash_is_an_inconsistency(data: Graph, ontology: Graph) -> None:
    """A meeting named as a participant would be an Agency too: the ontology refuses it."""
    data.add((ID["meeting/2020-09-09"], ISECG.participant, ID["meeting/2020-09-09"]))
    _, errors = infer(data, ontology)
    assert errors


def test_dataset_input(ontology: Graph) -> None:
    ds = Dataset()
    ds.graph(ID["source/s1"]).parse(data=DATA, format="turtle")
    new, errors = infer(ds, ontology)
    assert errors == []
    assert (ID["agency/CSA"], RDF.type, ORG.FormalOrganization) in new
    assert len(list(triples(ds))) == len(Graph().parse(data=DATA, format="turtle"))


def test_a_few_thousand_triples_in_reasonable_time(ontology: Graph) -> None:
    g = Graph()
    agencies = [ID[f"agency/A{i}"] for i in range(30)]
    for k in range(150):
        meeting = ID[f"meeting/{2008 + k // 12}-{k % 12 + 1:02d}-15"]
        g.add((meeting, RDF.type, ISECG.Meeting))
        g.add((meeting, PROV.wasDerivedFrom, ID["source/s1"]))
        for a in agencies[:15]:
            g.add((meeting, ISECG.participant, a))
    assert len(g) > 2000
    started = time.perf_counter()
    new, errors = infer(g, ontology)
    assert time.perf_counter() - started < 30
    assert errors == []
    assert len(list(new.triples((None, SCHEMA.attendee, None)))) == 150 * 15
