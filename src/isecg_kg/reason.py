"""OWL 2 RL reasoning with owlrl: what the ontology entails about the data, kept apart from it.

The asserted graph is never touched: the closure runs on a copy of data plus ontology, and only
the entailed triples that say something new about the data's own nodes are returned. owlrl adds
much that says nothing (``x owl:sameAs x``, every node an ``owl:Thing``, literals typed by their
datatype, the ontology's own closure); that is left out. Inconsistencies are not exceptions in
owlrl: they come back as ``[] a err:ErrorMessage ; err:error "..."`` triples, read out here.
"""

from __future__ import annotations

from collections.abc import Iterable

import owlrl
from owlrl.Namespaces import ERRNS
from rdflib import OWL, RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.term import Node

# Predicates whose reflexive use (x p x) is entailed for everything and says nothing.
_REFLEXIVE = {
    OWL.sameAs,
    OWL.equivalentClass,
    OWL.equivalentProperty,
    RDFS.subClassOf,
    RDFS.subPropertyOf,
}
_EMPTY_TYPES = {OWL.Thing, RDFS.Resource}
# Kinds of vocabulary term: what the ontology says about its terms is not news about the data.
_TERM_KINDS = {
    OWL.Ontology,
    OWL.Class,
    RDFS.Class,
    RDFS.Datatype,
    RDF.Property,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
}
_BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))

Triple = tuple[Node, Node, Node]


def triples(graph: Graph) -> Iterable[Triple]:
    """Every triple of a graph; of a dataset, every triple of every named graph."""
    if isinstance(graph, ConjunctiveGraph | Dataset):
        return ((s, p, o) for s, p, o, _ in graph.quads((None, None, None, None)))
    return graph.triples((None, None, None))


def _data_nodes(data: Graph, ontology: Graph) -> set[Node]:
    """IRIs the data describes or points to, but not the ontology's terms (classes, properties)."""
    nodes: set[Node] = set()
    for s, p, o in triples(data):
        nodes.add(s)
        if p != RDF.type:
            nodes.add(o)
    terms = {s for kind in _TERM_KINDS for s in ontology.subjects(RDF.type, kind)}
    return {n for n in nodes if isinstance(n, URIRef) and n not in terms}


def _is_noise(t: Triple) -> bool:
    s, p, o = t
    if isinstance(s, Literal | BNode) or isinstance(o, BNode):
        return True
    if p in _REFLEXIVE and s == o:
        return True
    if p == RDF.type and o in _EMPTY_TYPES:
        return True
    return str(s).startswith(_BUILTIN)


def _errors(closure: Graph) -> list[str]:
    return sorted(
        str(message)
        for node in closure.subjects(RDF.type, ERRNS.ErrorMessage)
        for message in closure.objects(node, ERRNS.error)
    )


def _entailed(asserted: set[Triple], closure: Graph, about: set[Node]) -> Graph:
    """The triples of ``closure`` that are new, not noise, and about one of the nodes ``about``."""
    new = Graph()
    for t in closure:
        if t in asserted or t[0] not in about or _is_noise(t):
            continue
        new.add(t)
    return new


def infer(data: Graph, ontology: Graph) -> tuple[Graph, list[str]]:
    """OWL-RL entailments of ``data`` under ``ontology``: (new triples, inconsistency messages).

    ``data`` may be a graph or a dataset (all its named graphs count). Neither input is changed.
    The new triples are about the data's nodes only (types from subclasses, domains and ranges;
    super-properties such as ``schema:attendee``); the messages are owlrl's, sorted.
    """
    closure = Graph()
    for t in triples(ontology):
        closure.add(t)
    for t in triples(data):
        closure.add(t)
    asserted = set(closure)
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics,
        rdfs_closure=False,
        axiomatic_triples=False,
        datatype_axioms=False,
    ).expand(closure)
    new = _entailed(asserted, closure, _data_nodes(data, ontology))
    for prefix, namespace in ontology.namespaces():
        new.bind(prefix, namespace, override=False)
    return new, _errors(closure)
