"""turtle.longturtle: byte for byte what rdflib's longturtle writes, or None where it declines.

The oracle is rdflib itself, called as export.canonical_turtle called it before this writer:
the graphs' union in a Graph bound to the project's prefixes, the triples that touch blank
nodes relabelled by ``to_canonical_graph`` (the labels ``canon=True`` gives).
"""

from __future__ import annotations

import random
import warnings
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import split_uri
from rdflib.plugins.serializers.longturtle import LongTurtleSerializer

from isecg_kg.export import _canonical_triples, bind_prefixes, canonical_turtle
from isecg_kg.turtle import _Names, _split, longturtle

ROOT = Path(__file__).resolve().parents[1]
ONT = Namespace("https://w3id.org/isecg/ontology#")  # any term, not only declared ones

HEAD = """
@prefix : <https://w3id.org/isecg/ontology#> .
@prefix id: <https://w3id.org/isecg/id/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://example.org/x/> .
"""


def rdflib_turtle(graphs: list[Graph]) -> bytes:
    """What rdflib's longturtle writes for the graphs, blank nodes labelled canonically."""
    blank, merged = Graph(), bind_prefixes(Graph())
    for graph in graphs:
        for triple in graph:
            if isinstance(triple[0], BNode) or isinstance(triple[2], BNode):
                blank.add(triple)
            else:
                merged.add(triple)
    for triple in to_canonical_graph(blank):
        merged.add(triple)
    return merged.serialize(format="longturtle", encoding="utf-8")


def ours(graphs: list[Graph]) -> bytes | None:
    """This writer's bytes for the graphs, or None if it declines them."""
    return longturtle(_canonical_triples(graphs), bind_prefixes(Graph()).namespace_manager)


def assert_written_alike(graphs: list[Graph]) -> None:
    """Our writer does not decline, and gives rdflib's bytes (lines first: a readable diff)."""
    expected, got = rdflib_turtle(graphs), ours(graphs)
    assert got is not None, "the writer declined the graph"
    assert got.decode().splitlines() == expected.decode().splitlines()
    assert got == expected
    assert canonical_turtle(graphs) == expected


def assert_declined_then_alike(graphs: list[Graph]) -> None:
    """Our writer declines, and canonical_turtle falls back to rdflib's bytes."""
    assert ours(graphs) is None
    assert canonical_turtle(graphs) == rdflib_turtle(graphs)


def turtle(body: str) -> list[Graph]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ill-typed literals are the point of some cases
        return [Graph().parse(data=HEAD + body, format="turtle")]


# --- the project's own graphs ---------------------------------------------------------------


@pytest.mark.parametrize("path", ["ontology/isecg.ttl", "ontology/shapes.ttl", "data/agencies.ttl"])
def test_shipped_graphs(path):
    assert_written_alike([Graph().parse(ROOT / path)])


@pytest.fixture(scope="module")
def seeds():
    from isecg_kg.pipeline import build

    return build([ROOT / "data" / "sources"], validate=False, with_inferences=True)


def test_built_seed_graph(seeds):
    assert_written_alike(seeds.asserted())


def test_built_seed_graph_with_inferences(seeds):
    assert_written_alike([*seeds.asserted(), seeds.inferred])


def test_each_named_graph_as_trig_writes_it(seeds):
    for graph in [*seeds.asserted(), seeds.inferred]:
        assert_written_alike([graph])


def test_synthetic_graph(tmp_path):
    from isecg_kg.synth import write_graph

    write_graph(tmp_path / "synth.trig", 150, seed=7)
    dataset = Dataset()
    dataset.parse(tmp_path / "synth.trig", format="trig")
    assert_written_alike([g for g in dataset.graphs() if len(g)])


def test_synthetic_corpus_built(tmp_path):
    from isecg_kg.pipeline import build
    from isecg_kg.synthdocs import write_corpus

    write_corpus(tmp_path, 15, seed=11)
    assert_written_alike(build([tmp_path], validate=False, reason=False).asserted())


# --- literals --------------------------------------------------------------------------------

STRINGS = r'''
:s :p "plain" , "with \"quotes\"" , "back\\slash" , "tab\there" , "cr\rhere" , "" ,
    "ünïcødé ✓ 𝄞" , "single 'apostrophe'" , "x"^^xsd:string , "a"@en , "b"@de-CH ,
    """multi
line""" , """ends with quote
x\"""" , """has \"\"\" triple
quotes""" , """newline then \\ backslash
end""" .
:s :q """ends with quote
\"""" .
:s :r """ends with newline
""" .
:t :p "a"@EN .
:t :q "a"@en , "A"@en .
'''

NUMBERS = """
:n :i 1 , -5 , 0 , "01"^^xsd:integer , "+5"^^xsd:integer , "abc"^^xsd:integer ,
    100000000000000000000000 .
:n :d 1.5 , "0.50"^^xsd:decimal , "2"^^xsd:decimal , "-0.0"^^xsd:decimal , "INF"^^xsd:decimal .
:n :f 1.0E3 , "1.0E3"^^xsd:double , "1e0"^^xsd:double , "INF"^^xsd:double , "-INF"^^xsd:double ,
    "NaN"^^xsd:double , "NaN"^^xsd:float , "1.5"^^xsd:float , "x"^^xsd:double .
:n :b true , false , "TRUE"^^xsd:boolean , "1"^^xsd:boolean , "0"^^xsd:boolean ,
    "maybe"^^xsd:boolean .
:n :o "1/3"^^<http://www.w3.org/2002/07/owl#rational> .
:m :i 1 , 1.0 , "1"^^xsd:decimal .
"""

DATATYPES = """
:t :v "2020-01-02"^^xsd:date , "2020"^^xsd:gYear , "2020-03"^^xsd:gYearMonth ,
    "2020-01-02T10:00:00Z"^^xsd:dateTime , "http://x"^^xsd:anyURI , "5"^^xsd:nonNegativeInteger ,
    "5"^^xsd:positiveInteger , "5"^^xsd:int , "5"^^xsd:long , "P1D"^^xsd:duration ,
    "10:00:00"^^xsd:time , "2020-13-45"^^xsd:date , "abc"^^ex:custom , "abc"^^:myType ,
    "abc"^^<http://nowhere.example/dt> , "abc"^^<http://nowhere.example/dt/1x> ,
    "abc"^^<http://nowhere.example/dt/x.> , "q"^^rdf:HTML , "<b>x</b>"^^rdf:XMLLiteral .
"""


@pytest.mark.filterwarnings("ignore:Serializing weird numerical")
@pytest.mark.parametrize("body", [STRINGS, NUMBERS, DATATYPES], ids=["strings", "numbers", "types"])
def test_literals(body):
    assert_written_alike(turtle(body))


def test_literals_made_in_python():
    g = Graph()
    s = ONT.s
    for value in [
        1.5,
        0.1,
        1e300,
        float("inf"),
        Decimal("2.50"),
        Decimal("3"),
        10**30,
        True,
        date(2020, 1, 2),
        "\ud800 lone surrogate",
        "\x00\x07 control",
    ]:
        g.add((s, ONT.v, Literal(value)))
    g.add((s, ONT.w, Literal("x", datatype=URIRef("http://nowhere.example/dt"))))
    g.add((s, ONT.w, Literal("2020", datatype=XSD.gYear)))
    g.add((s, RDFS.label, Literal("label", lang="en")))
    assert_written_alike([g])


# --- IRIs ------------------------------------------------------------------------------------

IRIS = r"""
<http://nowhere.example/a/b> :p <http://nowhere.example/c#d> ,
    <https://w3id.org/isecg/id/role/chair> , id:agency\/NASA ,
    <https://w3id.org/isecg/id/meeting/2020-01-01> ,
    <https://w3id.org/isecg/id/meeting/x.> , <https://w3id.org/isecg/id/meeting/a(b)> ,
    <https://w3id.org/isecg/id/meeting/a%20b> , <https://w3id.org/isecg/id/meeting/a%zz> ,
    <https://w3id.org/isecg/id/meeting/_x> , <https://w3id.org/isecg/id/meeting/-x> ,
    <https://w3id.org/isecg/id/meeting/ünï> , <https://w3id.org/isecg/id/> ,
    <https://w3id.org/isecg/id/agency/> , <https://w3id.org/isecg/id/agency/x/y> ,
    <http://purl.org/dc/terms/> , <http://purl.org/dc/terms> , <urn:isbn:123> , <mailto:a@b.c> ,
    <http://www.w3.org/XML/1998/namespace#lang> , <http://www.w3.org/XML/1998/namespace> ,
    <https://w3id.org/isecg/ontology#> , <https://w3id.org/isecg/ontology#a.b> ,
    <https://w3id.org/isecg/ontology#1st> , <https://w3id.org/isecg/ontology#a·b> ,
    <http://example.org/x/y?q=1&r=2> , <http://example.org/x/y=> , <http://example.org/x/~y> ,
    <http://example.org/x/%41> , rdf:nil , rdf:type .
rdf:type :p :q .
rdf:nil :p 1 .
:x rdf:nil :y .
:x <http://nowhere.example/> :y .
:x <http://www.w3.org/2000/01/rdf-schema#> :y .
"""


def test_iris_as_qnames_or_in_full():
    assert_written_alike(turtle(IRIS))


def test_a_predicate_in_no_known_namespace_is_left_to_rdflib():
    # rdflib makes up a prefix (ns1) for it, numbered in the order it meets such predicates
    assert_declined_then_alike(turtle(":s <http://nowhere.example/p> 1 ; :q <http://else/r/t> ."))


def test_an_iri_rdflib_refuses_is_left_to_rdflib():
    g = Graph()
    g.add((ONT.s, ONT.p, URIRef("http://example.org/a b")))
    assert ours([g]) is None
    with pytest.raises(Exception, match="does not look like a valid URI"):
        canonical_turtle([g])


def test_unusual_term_types_are_left_to_rdflib():
    class Iri(URIRef):
        pass

    g = Graph()
    g.add((Literal("subject"), ONT.p, ONT.o))
    g.add((ONT.s, ONT.p, Iri("https://w3id.org/isecg/ontology#o2")))
    assert_declined_then_alike([g])


@pytest.mark.parametrize("seed", range(3))
def test_split_matches_rdflib(seed):
    rng = random.Random(seed)
    alphabet = "ab1_-.%()/#:?=~ ·é"
    for _ in range(3000):
        uri = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        try:
            expected = split_uri(uri)
        except ValueError:
            expected = None
        assert _split(uri) == expected, uri


def test_qnames_match_rdflib_with_namespaces_that_extend_others():
    graph = bind_prefixes(Graph())
    graph.bind("ab", "http://example.org/x/ab")
    graph.bind("ex", "http://example.org/x/")
    graph.bind("deep", "https://w3id.org/isecg/id/meeting/2020-")
    names = _Names(graph.namespace_manager)
    iris = [
        "http://example.org/x/abc",
        "http://example.org/x/ab",
        "http://example.org/x/a",
        "http://example.org/x/",
        "https://w3id.org/isecg/id/meeting/2020-01-01",
        "https://w3id.org/isecg/id/meeting/2021-01-01",
        "https://w3id.org/isecg/id/agency/ESA",
        "http://www.w3.org/2001/XMLSchema#date",
        "http://nowhere.example/x",
    ]
    for iri in iris:
        fresh = LongTurtleSerializer(graph)  # rdflib's answer, one IRI at a time
        assert names.qname(iri) == fresh.get_pname(URIRef(iri), gen_prefix=False), iri
    extended = Graph()
    for n, iri in enumerate(iris):
        extended.add((URIRef(iri), ONT.p, Literal(n)))
    for prefix, ns in graph.namespaces():
        extended.bind(prefix, ns, override=True, replace=True)
    got = longturtle(extended, extended.namespace_manager)
    assert got == extended.serialize(format="longturtle", encoding="utf-8")


# --- blank nodes and lists -------------------------------------------------------------------

BLANK = """
:M :in ( :A :B ( :C ) ) ; :note [ :says [ :what 1 ] ] ; :empty () ; :lits ( "a" 1 "b"@en ) ;
    :bn ( [ :x 1 ] [ :x 2 ] ) ; :two [ :k 1 ] , [ :k 2 ] , :Z , "lit" ; :blank [] .
[] :q 1 ; :r [ :s 2 ] .
[] :q 1 ; :r [ :s 3 ] .
[] a rdfs:Class ; :r 3 .
:K a rdfs:Class .
:A a rdfs:Class , :Other .
"""

SHARED = """
:M :p _:x . :N :p _:x . _:x :q 1 .
_:a :p _:b . _:b :p _:a .
_:l rdf:first 1 ; rdf:rest rdf:nil . :O :list _:l . :P :list _:l .
:Q :bad _:m . _:m rdf:first 1 ; rdf:rest rdf:nil ; :extra 2 .
"""

ODD_LISTS = """
:A :l _:n1 . _:n1 rdf:first 1 ; rdf:rest :iri . :iri rdf:first 2 ; rdf:rest rdf:nil .
:B :l _:n2 . _:n2 rdf:first 1 ; :other 2 .
:C :l _:n3 . _:n3 rdf:first 1 ; rdf:rest _:n4 . _:n4 rdf:rest rdf:nil ; :z 1 .
"""

MIXED = """
:m :v "b" , "a"@en , 1 , 2.0 , "x"^^ex:custom , "2020-01-01"^^xsd:date , "2020"^^xsd:gYear ,
    :iri , [ :a 1 ] , "1"^^xsd:decimal , 1.0 , true , _:shared .
:n :v _:shared .
:m rdfs:label "z" , "y"@en , "x" .
:m a :C , :B .
"""


@pytest.mark.parametrize(
    "body", [BLANK, SHARED, ODD_LISTS, MIXED], ids=["nested", "shared", "odd-lists", "mixed"]
)
def test_blank_nodes_and_lists(body):
    assert_written_alike(turtle(body))


def test_blank_node_labels_do_not_depend_on_the_parse():
    first, second = turtle(BLANK + SHARED), turtle(BLANK + SHARED)
    assert ours(first) == ours(second) == rdflib_turtle(first)


def test_a_list_ending_in_a_literal_is_left_to_rdflib():
    # rdflib stops at a falsy rdf:rest and registers xsd: for a 0 it never writes
    assert_declined_then_alike(turtle(":A :l _:n . _:n rdf:first 1 ; rdf:rest 0 ."))


def test_a_cyclic_list_is_declined():
    # rdflib's serializer never finishes on it (isValidList loops), so there is nothing to
    # compare with
    g = Graph()
    a, b = BNode(), BNode()
    g.add((a, RDF.first, Literal(1)))
    g.add((a, RDF.rest, b))
    g.add((b, RDF.first, Literal(2)))
    g.add((b, RDF.rest, a))
    assert longturtle(g, bind_prefixes(Graph()).namespace_manager) is None


def test_duplicate_triples_across_graphs_are_written_once():
    graphs = turtle(":s :p 1 , 2 ; :q :o .") + turtle(":s :p 2 , 3 ; :q :o .")
    assert_written_alike(graphs)


def test_empty_graph():
    assert ours([Graph()]) == rdflib_turtle([Graph()]) == b""
