"""The Oxigraph-backed engine: term conversion, union semantics, parameters, the build/ cache."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from isecg_kg import store
from isecg_kg.bench import bindings_for, raw_parameters
from isecg_kg.errors import IsecgError
from isecg_kg.synth import write_graph

EX = "http://example.org/"
TRIG = f"""
@prefix ex: <{EX}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:g1 {{ ex:m ex:p ex:a ; ex:date "2020-09-09"^^xsd:date ; ex:label "Ukraine"@en, "plain",
         "quote \\" and \\\\ back" ; ex:n 23 ; ex:ok true ; ex:year "2018"^^xsd:gYear . }}
ex:g2 {{ ex:m ex:p ex:a , ex:b . }}
"""


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("synth") / "g.ttl"
    write_graph(path, 120, seed=3)
    return path


def rows_of(graph, query: str, bindings=None) -> list[tuple]:
    _, rows = store.select(graph, query, bindings or {})
    return rows


def test_terms_round_trip_with_datatype_language_and_escapes(tmp_path):
    path = tmp_path / "d.trig"
    path.write_text(TRIG)
    oxg = store.open_graph([path])
    ref = Dataset(default_union=True)
    ref.parse(path, format="trig")
    query = f"SELECT ?o WHERE {{ <{EX}m> ?p ?o }} ORDER BY STR(?o)"
    ours = sorted(rows_of(oxg, query), key=repr)
    assert sorted(set(ref.objects(URIRef(f"{EX}m"), None)), key=repr) == sorted(
        {r[0] for r in ours}, key=repr
    )
    assert (Literal("plain"),) in ours  # xsd:string comes back as a plain literal
    assert (Literal("Ukraine", lang="en"),) in ours
    assert (Literal("2018", datatype=XSD.gYear),) in ours


def test_union_counts_a_triple_stated_by_two_graphs_once(tmp_path):
    path = tmp_path / "d.trig"
    path.write_text(TRIG)
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{EX}m> <{EX}p> ?o }}"
    assert rows_of(store.open_graph([path]), q) == [(Literal(2),)]
    q_graphs = f"SELECT ?g WHERE {{ GRAPH ?g {{ <{EX}m> <{EX}p> <{EX}a> }} }} ORDER BY ?g"
    assert [r[0] for r in rows_of(store.open_graph([path]), q_graphs)] == [
        URIRef(f"{EX}g1"),
        URIRef(f"{EX}g2"),
    ]


def test_parameter_bound_as_term_even_when_not_projected(tmp_path):
    path = tmp_path / "d.trig"
    path.write_text(TRIG)
    g = store.open_graph([path])
    q = f"SELECT ?o WHERE {{ ?s <{EX}p> ?o }}"
    cols, rows = store.select(g, q, {"s": URIRef(f"{EX}m")})
    assert cols == ["o"] and len(rows) == 2
    grouped = f"SELECT (COUNT(?o) AS ?n) WHERE {{ ?s <{EX}p> ?o }} GROUP BY ?o"
    assert store.select(g, grouped, {"s": URIRef(f"{EX}m")})[0] == ["n"]
    # a literal holding SPARQL syntax stays a literal
    evil = Literal('x" } ?s ?p ?o { "')
    assert rows_of(g, f"SELECT ?s WHERE {{ ?s <{EX}label> ?l }}", {"l": evil}) == []


def test_blank_nodes_convert_both_ways():
    b = BNode("b1")
    assert store.from_ox(store.to_ox(b)) == b
    with pytest.raises(IsecgError):
        store.to_ox("not a term")


def slots(term) -> tuple:
    """Everything an rdflib term holds: its class, its text and a literal's four slots."""
    extra = tuple(getattr(term, name) for name in getattr(term, "__slots__", ()))
    return type(term), str(term), extra


AWKWARD = [
    URIRef(f"{EX}é/x?y=1#z"),
    BNode("b7"),
    Literal("plain"),
    Literal(""),
    Literal('tab\tnew\nline "quoted" back\\slash é ☃'),
    Literal("x", lang="en-GB"),
    Literal("2008-04-02", datatype=XSD.date),
    Literal("2008-04", datatype=XSD.gYearMonth),
    Literal("not a date", datatype=XSD.date),
    Literal("23", datatype=XSD.integer),
    Literal("-1.5", datatype=XSD.decimal),
    Literal("1.0E3", datatype=XSD.double),
    Literal("true", datatype=XSD.boolean),
    Literal("false", datatype=XSD.boolean),
    Literal("abc", datatype=URIRef(f"{EX}custom")),
]


def test_results_read_from_tsv_are_the_terms_pyoxigraph_gives():
    """The cached-answer reader builds, slot for slot, what converting pyoxigraph's terms does."""
    ox = pytest.importorskip("pyoxigraph")
    oxs = ox.Store()
    for i, term in enumerate(AWKWARD):
        oxs.add(
            ox.Quad(ox.NamedNode(f"{EX}s{i % 3}"), ox.NamedNode(f"{EX}p{i}"), store.to_ox(term))
        )
    query = f"SELECT ?s ?o ?none WHERE {{ ?s ?p ?o OPTIONAL {{ ?o <{EX}q> ?none }} }} ORDER BY ?p"
    data = oxs.query(query).serialize(format=ox.QueryResultsFormat.TSV)
    columns, rows = store._read_tsv(data)
    ref_columns, ref_rows = store._rows(oxs.query(query))
    assert columns == ref_columns == ["s", "o", "none"]
    assert len(rows) == len(AWKWARD)
    assert [[slots(t) for t in row] for row in rows] == [[slots(t) for t in r] for r in ref_rows]
    assert all(row[2] is None for row in rows)
    # a one-column answer whose only value is unbound is an empty line, still a row
    one = oxs.query(
        f"SELECT ?none WHERE {{ <{EX}s0> <{EX}p0> ?o OPTIONAL {{ ?o <{EX}q> ?none }} }}"
    )
    assert store._read_tsv(one.serialize(format=ox.QueryResultsFormat.TSV)) == (["none"], [(None,)])


def test_fast_term_constructors_build_what_rdflib_builds():
    for text in ["plain", "", " spaced ", "é☃", "1", "true", "2008-04-02"]:
        assert slots(store._plain(text)) == slots(Literal(text))
        assert slots(store._plain(text, "en-gb")) == slots(Literal(text, lang="en-gb"))
        iri = f"{EX}{text.strip()}"
        assert slots(store._uri(iri)) == slots(URIRef(iri))
    for term in AWKWARD:
        o = store.to_ox(term)  # pyoxigraph lower-cases language tags; rdflib keeps them
        if isinstance(term, Literal):
            typed = o.datatype.value not in (str(XSD.string), str(RDF.langString))
            expected = Literal(
                o.value, lang=o.language, datatype=o.datatype.value if typed else None
            )
        else:
            expected = term
        assert slots(store.from_ox(o)) == slots(expected)


def test_a_damaged_answer_file_is_not_trusted():
    assert store._read_tsv(b"?a\t?b\n<x>\n") is None  # a row one cell short
    assert store._read_tsv(b"not tsv") is None
    assert store._read_tsv('?a\n"caf\xe9"\n'.encode("latin-1")) is None


@pytest.fixture(scope="module")
def graphs(synthetic) -> tuple[Graph, Graph]:
    ref = Graph()
    ref.parse(synthetic, format="turtle")
    return ref, store.open_graph([synthetic], cache=False)


def saved_queries():
    from isecg_kg import queries

    return queries.list_queries()


@pytest.mark.parametrize("query", saved_queries(), ids=lambda q: q.name)
def test_saved_query_gives_the_same_rows_as_rdflib(graphs, query):
    """Every queries/*.rq, with sensible parameters, gives rdflib's rows on Oxigraph."""
    ref, oxg = graphs
    bindings = bindings_for(query, ref, raw_parameters(120, seed=3))
    ours = store.select(oxg, query.text, bindings)
    theirs = store.select(ref, query.text, bindings)
    assert ours[0] == theirs[0]
    assert sorted(ours[1], key=repr) == sorted(theirs[1], key=repr)


def test_large_graph_is_cached_next_to_it_and_refreshed_when_it_changes(tmp_path, synthetic):
    path = tmp_path / "isecg.ttl"
    path.write_bytes(synthetic.read_bytes())
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    n = rows_of(store.open_graph([path], cache=True), q)
    cache = tmp_path / "isecg.oxigraph"
    assert (cache / store.STAMP).exists()
    built = (cache / store.STAMP).stat().st_mtime_ns
    assert rows_of(store.open_graph([path], cache=True), q) == n
    assert (cache / store.STAMP).stat().st_mtime_ns == built  # reused, not rebuilt
    path.write_text(f"<{EX}s> <{EX}p> <{EX}o> .\n")
    later = time.time() + 5
    os.utime(path, (later, later))
    assert rows_of(store.open_graph([path], cache=True), q) == [(Literal(1),)]
    assert not list(tmp_path.glob(".isecg.oxigraph.*"))  # no temporary folders left


def test_missing_or_broken_file_is_one_clear_error(tmp_path):
    with pytest.raises(IsecgError, match="run `isecg-kg build` first"):
        store.open_graph([tmp_path / "none.ttl"])
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n")
    with pytest.raises(IsecgError) as e:
        store.open_graph([bad])
    assert "bad.ttl" in str(e.value)


def test_plain_rdflib_graph_still_works():
    g = Graph()
    g.add((URIRef(f"{EX}s"), URIRef(f"{EX}p"), Literal("x")))
    cols, rows = store.select(g, "SELECT ?o WHERE { ?s ?p ?o }", {"s": URIRef(f"{EX}s")})
    assert cols == ["o"] and rows == [(Literal("x"),)]
