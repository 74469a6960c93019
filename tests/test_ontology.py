"""The ontology: parses, has its header, declares every term the code uses, and only those."""

from __future__ import annotations

import pytest
from rdflib import DCTERMS, OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from isecg_kg import ids
from isecg_kg.namespaces import ISECG, ORG, SCHEMA
from isecg_kg.resources import ontology_path

ONTOLOGY = URIRef("https://w3id.org/isecg/ontology")
NS = "https://w3id.org/isecg/ontology#"
VANN = Namespace("http://purl.org/vocab/vann/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
TERM_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def namespace_terms() -> list[str]:
    return sorted(ISECG.__annotations__)


def test_header(onto: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY, OWL.versionIRI) == URIRef("https://w3id.org/isecg/ontology/0.1.0")
    assert onto.value(ONTOLOGY, OWL.versionInfo) == Literal("0.1.0")
    assert onto.value(ONTOLOGY, DCTERMS.title) is not None
    assert onto.value(ONTOLOGY, DCTERMS.description) is not None
    assert onto.value(ONTOLOGY, DCTERMS.created) is not None
    license_ = onto.value(ONTOLOGY, DCTERMS.license)
    assert license_ == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert str(onto.value(ONTOLOGY, VANN.preferredNamespacePrefix)) == "isecg"
    assert str(onto.value(ONTOLOGY, VANN.preferredNamespaceUri)) == NS


def test_no_imports(onto: Graph) -> None:
    assert not list(onto.triples((None, OWL.imports, None)))


@pytest.mark.parametrize("name", namespace_terms())
def test_every_namespace_term_is_declared(onto: Graph, name: str) -> None:
    term = ISECG[name]
    kinds = set(onto.objects(term, RDF.type)) & TERM_TYPES
    assert len(kinds) == 1, f"isecg:{name} must be exactly one of class/object/datatype property"
    assert onto.value(term, RDFS.label) is not None, f"isecg:{name} has no rdfs:label"
    assert onto.value(term, RDFS.comment) is not None, f"isecg:{name} has no rdfs:comment"
    assert onto.value(term, RDFS.isDefinedBy) == ONTOLOGY


def test_classes_start_upper_and_properties_lower(onto: Graph) -> None:
    for name in namespace_terms():
        is_class = (ISECG[name], RDF.type, OWL.Class) in onto
        assert is_class == name[0].isupper(), name


def test_every_isecg_term_used_is_in_the_namespace(onto: Graph) -> None:
    used = {
        str(t)[len(NS) :]
        for triple in onto
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(NS)
    }
    assert used <= set(namespace_terms()), used - set(namespace_terms())


def test_alignment(onto: Graph) -> None:
    expected = [
        (ISECG.Agency, RDFS.subClassOf, ORG.FormalOrganization),
        (ISECG.Meeting, RDFS.subClassOf, SCHEMA.Event),
        (ISECG.Membership, RDFS.subClassOf, ORG.Membership),
        (ISECG.Chairmanship, RDFS.subClassOf, ORG.Membership),
        (ISECG.Roadmap, RDFS.subClassOf, SCHEMA.CreativeWork),
        (ISECG.RoadmapSupplement, RDFS.subClassOf, ISECG.Roadmap),
        (ISECG.SourceDocument, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")),
        (ISECG.SourceDocument, RDFS.subClassOf, SCHEMA.CreativeWork),
        (ISECG.Evidence, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")),
        (ISECG.date, RDFS.subPropertyOf, SCHEMA.startDate),
        (ISECG.startDate, RDFS.subPropertyOf, SCHEMA.startDate),
        (ISECG.endDate, RDFS.subPropertyOf, SCHEMA.endDate),
        (ISECG.host, RDFS.subPropertyOf, SCHEMA.organizer),
        (ISECG.participant, RDFS.subPropertyOf, SCHEMA.attendee),
        (ISECG.venue, RDFS.subPropertyOf, SCHEMA.location),
        (ISECG.quote, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#value")),
    ]
    for triple in expected:
        assert triple in onto, triple


def test_external_terms_used_are_declared(onto: Graph) -> None:
    """Classes and properties the ontology aligns to are typed here, so no import is needed."""
    external = set(onto.objects(None, RDFS.subClassOf)) | set(
        onto.objects(None, RDFS.subPropertyOf)
    )
    external = {t for t in external if not str(t).startswith(NS) and isinstance(t, URIRef)}
    for term in external:
        assert onto.value(term, RDF.type) is not None, term
        assert onto.value(term, RDFS.isDefinedBy) is not None, term


def test_individuals(onto: Graph) -> None:
    isecg = ids.ISECG_ORG
    assert (isecg, RDF.type, ORG.OrganizationalCollaboration) in onto
    assert onto.value(isecg, SKOS.prefLabel) == Literal(
        "International Space Exploration Coordination Group", lang="en"
    )
    assert onto.value(isecg, SKOS.altLabel) == Literal("ISECG")
    assert onto.value(isecg, DCTERMS.created) == Literal("2007", datatype=XSD.gYear)
    assert (ids.CHAIR_ROLE, RDF.type, ORG.Role) in onto


def test_date_ranges_are_plain_literals(onto: Graph) -> None:
    """OWL 2 RL has no union of datatypes: date properties range over rdfs:Literal."""
    for p in (ISECG.date, ISECG.endDate, ISECG.joined, ISECG.memberOn, ISECG.startDate):
        assert onto.value(p, RDFS.range) == RDFS.Literal
