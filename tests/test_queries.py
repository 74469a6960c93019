"""Saved queries (``isecg_kg.queries``, ``queries/*.rq``), each on a fixture graph written for it.

The fixtures in ``tests/fixtures/graphs/`` follow docs/MODEL.md; every expected row below was
worked out by hand from them. The same queries also run on Oxigraph and must give the same rows.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from isecg_kg import queries as Q
from isecg_kg.errors import IsecgError
from isecg_kg.namespaces import ID, WD

GRAPHS = Path(__file__).parent / "fixtures" / "graphs"
FIXTURES = [
    GRAPHS / f"{n}.ttl" for n in ("registry", "meetings", "membership", "chairs", "roadmaps")
]

M2011 = str(ID["meeting/aaaa000000000004-0"])  # undated: 2011-09 .. 2013-06
M2015 = str(ID["meeting/2015-10-07"])
M2019 = str(ID["meeting/2019-05-06"])  # 2019-05-06 .. 2019-05-08
M2020 = str(ID["meeting/2020-09-09"])

CONTRACT = {
    "meetings": "meeting date end earliest latest city country venue host virtual "
    "stated_participants listed_participants sources",
    "meeting-participants": "agency name",
    "members": "agency name since",
    "joins": "agency date earliest latest",
    "chairs": "agency start end meeting",
    "roadmaps": "roadmap title edition published",
    "agency-meetings": "meeting date city",
    "absent": "agency name",
    "membership-growth": "year members joined",
}


@pytest.fixture(scope="module")
def graph():
    return Q.load_data(FIXTURES)


def rows(graph, name: str, **params: str) -> list[tuple[str | None, ...]]:
    """The lexical rows of a saved query, in column order."""
    result = Q.run(Q.get_query(name), graph, params)
    return [tuple(row.values()) for row in result.as_dicts()]


def column(graph, name: str, col: str = "agency", **params: str) -> list[str | None]:
    return [row[col] for row in Q.run(Q.get_query(name), graph, params).as_dicts()]


# The files and their headers


def test_every_contract_query_is_saved_with_its_exact_columns():
    saved = {q.name: q for q in Q.list_queries()}
    for name, columns in CONTRACT.items():
        assert saved[name].columns == columns.split(), name


@pytest.mark.parametrize("query", Q.list_queries(), ids=lambda q: q.name)
def test_header_matches_the_sparql(query):
    projected = [str(v) for v in prepareQuery(query.text).algebra["PV"]]
    assert query.columns == projected
    assert query.title and query.question and query.path.suffix == ".rq"
    for p in query.params:
        assert re.search(rf"\?{p.name}\b", query.text), p.name
        assert p.description


def test_parse_header():
    text = (
        "# title: Members on a date\n"
        "# question: Which agencies were members\n"
        "#   on a given date?\n"
        "# param: date (xsd:date, default: today) — the day to ask about\n"
        "# param: agency (agency, required) - the agency\n"
        "# columns: agency, name,\n"
        "#   since\n"
        "PREFIX x: <urn:x#>\n"
        "# title: not the header any more\n"
        "SELECT ?agency ?name ?since WHERE { }\n"
    )
    q = Q.parse_query(text, "members")
    assert q.title == "Members on a date"
    assert q.question == "Which agencies were members on a given date?"
    assert q.params == [
        Q.Param("date", "date", "today", "the day to ask about"),
        Q.Param("agency", "agency", None, "the agency", required=True),
    ]
    assert q.columns == ["agency", "name", "since"]
    assert q.text == text and q.path is None


def test_header_of_a_query_without_one_defaults_to_its_name():
    q = Q.parse_query("SELECT * WHERE { ?s ?p ?o }", "adhoc")
    assert (q.title, q.params, q.columns) == ("adhoc", [], [])


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("# param: date xsd:date", "bad parameter line"),
        ("# param: d (colour)", "unknown parameter kind"),
    ],
)
def test_bad_param_line_names_file_and_line(line, problem):
    with pytest.raises(IsecgError, match=problem) as e:
        Q.parse_query(f"# title: t\n{line}\nSELECT * {{}}", "q", Path("q.rq"))
    assert (e.value.file, e.value.line) == ("q.rq", 2)


def test_get_query_by_name_by_path_and_unknown(tmp_path):
    assert Q.get_query("members").path == Q.get_query(Q.get_query("members").path).path
    with pytest.raises(IsecgError, match="did you mean members"):
        Q.get_query("member")
    with pytest.raises(IsecgError, match="no such query file"):
        Q.get_query(tmp_path / "missing.rq")


# Each saved query on its fixture


def test_meetings(graph):
    bound = [
        {c: v for c, v in row.items() if v is not None}
        for row in Q.run(Q.get_query("meetings"), graph).as_dicts()
    ]
    counts = ("stated_participants", "listed_participants", "sources")
    assert bound == [
        {"meeting": M2011, "earliest": "2011-09", "latest": "2013-06", "host": "CSA"}
        | dict(zip(counts, ("11", "3", "1"), strict=True)),
        {
            "meeting": M2015,
            "date": "2015-10-07",
            "city": "Darmstadt",
            "country": "Germany",
            "venue": "European Space Operations Centre (ESOC)",
            "host": "ESA",
            "virtual": "false",
        }
        | dict(zip(counts, ("14", "0", "1"), strict=True)),
        {"meeting": M2019, "date": "2019-05-06", "end": "2019-05-08", "city": "Tokyo"}
        | {"country": "Japan", "host": "JAXA", "listed_participants": "3", "sources": "1"},
        {"meeting": M2020, "date": "2020-09-09", "virtual": "true"}
        | dict(zip(counts, ("23", "7", "2"), strict=True)),
    ]


def test_meetings_terms_are_typed(graph):
    row = Q.run(Q.get_query("meetings"), graph).rows[-1]
    assert row["meeting"] == URIRef(M2020)
    assert row["virtual"] == Literal("true", datatype=XSD.boolean)
    assert row["stated_participants"] == Literal(23)
    assert row["date"] == Literal("2020-09-09")  # the lexical form, a plain literal


def test_meeting_participants(graph):
    assert rows(graph, "meeting-participants", meeting=M2020) == [
        ("AEB", "Brazilian Space Agency"),
        ("CSA", "Canadian Space Agency"),
        ("ESA", "European Space Agency"),
        ("Foo Space Agency", "Foo Space Agency"),
        ("NASA", "National Aeronautics and Space Administration"),
        ("SSAU", "State Space Agency of Ukraine"),
        ("UAESA", "UAE Space Agency"),
    ]
    # The English preferred label, of two; an agency known only by its IRI shows its key.
    assert rows(graph, "meeting-participants", meeting=M2019)[0] == (
        "CNES",
        "National Centre for Space Studies",
    )
    assert column(graph, "meeting-participants", meeting=M2011) == ["CSA", "ISA", "NASA"]


@pytest.mark.parametrize(
    "params",
    [
        {"meeting": M2019},
        {"meeting": f"<{M2019}>"},
        {"meeting": "id:meeting/2019-05-06"},
        {"meeting": "2019-05-06"},
        {"date": "2019-05-06"},
        {"date": "2019-05-07"},  # a day inside the multi-day meeting
        {"date": "2019-05"},  # the other precision a source gives
        {"meeting": M2019, "date": "2019-05-06"},
    ],
)
def test_meeting_by_iri_or_date(graph, params):
    assert column(graph, "meeting-participants", **params) == ["CNES", "JAXA", "NASA"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "needs meeting or date"),
        ({"date": "2019-05-10"}, "no meeting dated 2019-05-10"),
        ({"meeting": str(ID["meeting/1999-01-01"])}, "no meeting <"),
        ({"meeting": "last week"}, "not a meeting IRI or date"),
        ({"meeting": M2019, "date": "2020-09-09"}, "name different things"),
    ],
)
def test_meeting_errors(graph, params, message):
    with pytest.raises(IsecgError, match=message):
        rows(graph, "meeting-participants", **params)


ALL_MEMBERS = ["AEB", "CSA", "ESA", "Foo Space Agency", "JAXA", "KARI", "NASA", "SSAU", "UAESA"]


@pytest.mark.parametrize(
    ("date", "members"),
    [
        ("2020-09-09", ALL_MEMBERS),
        ("2020-09-08", ["CSA", "ESA", "JAXA", "KARI", "NASA", "SSAU", "UAESA"]),
        ("2020-01-01", ["CSA", "ESA", "JAXA", "KARI", "NASA", "SSAU", "UAESA"]),
        ("2019-12-31", ["CSA", "ESA", "JAXA", "KARI", "NASA", "SSAU", "UAESA"]),
        ("2019-03-01", ["CSA", "ESA", "JAXA", "KARI", "NASA", "SSAU"]),  # joined "2019": not yet
        ("2019", ["CSA", "ESA", "JAXA", "KARI", "NASA", "SSAU", "UAESA"]),  # a year: its last day
        ("2015-10-31", ["CSA", "ESA", "JAXA", "KARI", "NASA", "SSAU"]),
        ("2015-10-07", ["CSA", "ESA", "JAXA", "KARI", "NASA"]),  # SSAU listed only for 2015-10
        ("2007-06", ["JAXA"]),
        ("2006", []),
        ("today", ALL_MEMBERS),
    ],
)
def test_members_on_a_date(graph, date, members):
    assert column(graph, "members", date=date) == members


def test_members_since_and_default_date(graph):
    assert rows(graph, "members") == [
        ("AEB", "Brazilian Space Agency", "2020-09-09"),
        ("CSA", "Canadian Space Agency", "2012-05"),
        ("ESA", "European Space Agency", "2015-10-07T10:00:00"),
        ("Foo Space Agency", "Foo Space Agency", "2020-09-09"),
        ("JAXA", "Japan Aerospace Exploration Agency", "2007"),
        ("KARI", "Korea Aerospace Research Institute", "2015-10-07"),
        ("NASA", "National Aeronautics and Space Administration", "2007"),
        ("SSAU", "State Space Agency of Ukraine", "2015-10"),
        ("UAESA", "UAE Space Agency", "2019"),
    ]


def test_mixed_date_datatypes_keep_their_rows(graph):
    # ESA's date is an xsd:dateTime, KARI's an untyped string, the asked date an xsd:gYear:
    # typed comparison would drop both rows silently.
    assert {"ESA", "KARI"} <= set(column(graph, "members", date="2015"))
    result = Q.run(Q.get_query("members"), graph, {"date": Literal("2015", datatype=XSD.gYear)})
    assert {"ESA", "KARI"} <= {r["agency"] for r in result.as_dicts()}


def test_joins(graph):
    assert rows(graph, "joins") == [
        ("AEB", None, "2020-03", "2020-09-09"),
        ("CSA", "2012-05", None, None),
        ("GISTDA", None, "2020-03", None),  # the tighter of 2020 and 2020-03
        ("JAXA", "2007-05-31", None, None),  # the more precise of 2007 and 2007-05-31
        ("NASA", "2007", None, None),
        ("UAESA", "2019", None, None),
    ]


def test_chairs(graph):
    assert rows(graph, "chairs") == [
        ("CSA", None, None, M2011),
        ("NASA", "2014-01", "2016", None),
        ("CSA", "2020-09-09", None, M2020),
        ("JAXA", None, "2020-09-09", None),
    ]


def test_chair_held_is_a_statement_not_a_tenure(graph):
    assert "UKSA" not in column(graph, "chairs")
    source = str(ID["source/aaaa000000000005"])
    assert rows(graph, "chair-held") == [("UKSA", "2017-03", source)]


def test_roadmaps(graph):
    roadmap = str(ID["roadmap/ger"])
    supplement = "Global Exploration Roadmap Supplement - Lunar Surface Exploration Scenario Update"
    assert rows(graph, "roadmaps") == [
        (f"{roadmap}/announced-aaaa000000000004-1", "Global Exploration Roadmap", None, None),
        (f"{roadmap}/2011", "Global Exploration Roadmap", "1", "2011-09"),
        (f"{roadmap}/2013", "Global Exploration Roadmap", "2", "2013-08"),
        (f"{roadmap}/2018", "Global Exploration Roadmap", None, "2018"),
        (str(ID["roadmap/ger-supplement/2020"]), supplement, None, "2020-08"),
    ]


@pytest.mark.parametrize(
    ("agency", "meetings"),
    [
        ("NSAU", [(M2020, "2020-09-09", None)]),  # the former acronym of SSAU
        ("SSAU", [(M2020, "2020-09-09", None)]),
        (" ssau ", [(M2020, "2020-09-09", None)]),
        ("UAE SA", [(M2020, "2020-09-09", None)]),
        ("State Space Agency of the Ukraine", [(M2020, "2020-09-09", None)]),  # hidden label
        ("Canadian Space Agency", [(M2011, None, None), (M2020, "2020-09-09", None)]),
        ("agence SPATIALE canadienne", [(M2011, None, None), (M2020, "2020-09-09", None)]),
        ("JAXA", [(M2019, "2019-05-06", "Tokyo")]),
        ("ISA", [(M2011, None, None)]),  # not in the registry, named only by its IRI
        ("foo space agency", [(M2020, "2020-09-09", None)]),  # unregistered, by its label
        ("ASI", []),  # registered, in no meeting
        (
            str(ID["agency/NASA"]),
            [(M2011, None, None), (M2019, "2019-05-06", "Tokyo"), (M2020, "2020-09-09", None)],
        ),
    ],
)
def test_agency_meetings(graph, agency, meetings):
    assert rows(graph, "agency-meetings", agency=agency) == meetings


def test_unknown_agency_says_so_and_suggests(graph):
    with pytest.raises(IsecgError, match=r"unknown agency 'NASAA'.*did you mean NASA\?") as e:
        rows(graph, "agency-meetings", agency="NASAA")
    assert e.value.field == "agency"


@pytest.mark.parametrize(
    ("meeting", "absent"),
    [
        (M2020, ["JAXA", "KARI"]),
        (M2015, ["CSA", "ESA", "JAXA", "KARI", "NASA"]),  # no participants listed
        (M2019, ["CSA", "ESA", "KARI", "SSAU"]),  # judged on 2019-05-06: UAESA not yet known
        (M2011, ["JAXA"]),  # undated: judged on its earliest bound, 2011-09-01
    ],
)
def test_absent(graph, meeting, absent):
    assert column(graph, "absent", meeting=meeting) == absent


def test_absent_by_date_gives_names(graph):
    assert rows(graph, "absent", date="2020-09-09") == [
        ("JAXA", "Japan Aerospace Exploration Agency"),
        ("KARI", "Korea Aerospace Research Institute"),
    ]


def test_membership_growth(graph):
    members = {2007: 2, 2012: 3, 2015: 6, 2019: 7, 2020: 9}
    joined = {2007: 2, 2012: 1, 2019: 1, 2020: 1}
    expected, count = [], 0
    for year in range(2007, 2021):
        count = members.get(year, count)
        expected.append((str(year), str(count), str(joined.get(year, 0))))
    assert rows(graph, "membership-growth") == expected


def test_membership_growth_without_memberships_is_empty():
    assert rows(Q.load_data([GRAPHS / "registry.ttl"]), "membership-growth") == []


def test_sources(graph):
    source = str(ID["source/aaaa00000000000"])
    assert rows(graph, "sources") == [
        (f"{source}3", "Space agencies gather in Darmstadt", None, None, None, "3", "1"),
        (f"{source}4", "Canada takes the ISECG chair", None, None, None, "4", "0"),
        (
            f"{source}1",
            "International Space Agencies Meet Virtually",
            "https://www.globalspaceexploration.org/?p=1109",
            "2020-09-18",
            "004_aaaa000000000001.txt",
            "5",  # the meeting, AEB's membership, the member count, two chair tenures
            "2",
        ),
        (f"{source}2", "ISECG welcomes new members", None, "2020-09-20T08:00:00", None, "1", "0"),
    ]


def test_evidence(graph):
    source = str(ID["source/aaaa000000000001"])
    title = "International Space Agencies Meet Virtually"
    expected = [
        ("The meeting was held virtually on 9 September 2020.", None, source, title, "10", "61"),
        (
            "This virtual meeting included representatives from AEB, CSA, NASA, SSAU and UAE SA.",
            "https://w3id.org/isecg/ontology#participant",
            source,
            title,
            "120",
            "205",
        ),
    ]
    assert rows(graph, "evidence", about=M2020) == expected
    assert rows(graph, "evidence", about="id:meeting/2020-09-09") == expected
    assert rows(graph, "evidence", about="2020-09-09") == expected
    assert rows(graph, "evidence", about="NASA") == []
    with pytest.raises(IsecgError, match="nothing in the graph"):
        rows(graph, "evidence", about=str(ID["meeting/1999"]))


def test_agencies(graph):
    assert rows(graph, "agencies") == [
        ("AEB", "Brazilian Space Agency", "Brazil", "2020-09-09", None),
        ("ASI", "Italian Space Agency", "Italy", None, None),
        ("CNES", "National Centre for Space Studies", "France", None, None),
        ("CSA", "Canadian Space Agency", "Canada", "2012-05", None),
        ("ESA", "European Space Agency", None, "2015-10-07T10:00:00", f"{WD}Q42262"),
        (
            "GISTDA",
            "Geo-Informatics and Space Technology Development Agency",
            "Thailand",
            None,
            None,
        ),
        ("JAXA", "Japan Aerospace Exploration Agency", "Japan", "2007", None),
        ("KARI", "Korea Aerospace Research Institute", "South Korea", "2015-10-07", None),
        (
            "NASA",
            "National Aeronautics and Space Administration",
            "United States",
            "2007",
            f"{WD}Q23548",
        ),
        ("SSAU", "State Space Agency of Ukraine", "Ukraine", "2015-10", None),
        ("UAESA", "UAE Space Agency", "United Arab Emirates", "2019", None),
    ]


def test_unregistered(graph):
    iri = str(ID["agency/unregistered-foo-space-agency"])
    # Named as a participant of the 2020 meeting (two sources) and by a membership.
    assert rows(graph, "unregistered") == [("Foo Space Agency", iri, "2", "2")]


# Parameters are data, never query text


INJECTIONS = ['2020-09-09" } UNION { ?s ?p ?o', "NASA'}", "{ }", '"}}#', "<urn:x> } #", "a\\b"]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("members", "date"),
        ("agency-meetings", "agency"),
        ("absent", "meeting"),
        ("meeting-participants", "date"),
        ("evidence", "about"),
    ],
)
def test_quotes_and_braces_are_data(graph, query, param, value):
    # Never a SPARQL syntax error or more rows: the value is refused, naming the parameter ...
    try:
        got = rows(graph, query, **{param: value})
    except IsecgError as e:
        assert e.field == param
        return
    # ... or it names something in the graph, punctuation aside ("NASA'}" is NASA).
    assert got == rows(graph, query, **{param: re.sub(r"\W", "", value)})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("European Space Agency", ["ESA"]),
        ('x" || true || "', []),
        ("} UNION { ?a ?b ?c", []),
        ("\\u0022", []),
        ("'; DROP", []),
    ],
)
def test_string_parameter_is_bound_as_a_literal(graph, tmp_path, value, expected):
    path = tmp_path / "by-label.rq"
    path.write_text(
        "# title: By label\n"
        "# param: label (xsd:string, required) — an agency's English name\n"
        "# columns: agency\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT ?agency WHERE { ?a skos:prefLabel ?l ; skos:notation ?agency .\n"
        "  FILTER(STR(?l) = ?label) }\n"
    )
    result = Q.run(Q.get_query(path), graph, {"label": value})
    assert [r["agency"] for r in result.as_dicts()] == expected


def test_unknown_parameter_is_named(graph):
    with pytest.raises(IsecgError, match="members has no parameter 'day'") as e:
        rows(graph, "members", day="2020-09-09")
    assert "its parameters: date" in str(e.value)


@pytest.mark.parametrize("value", ["2020-13-01", "2020-02-30", "09/09/2020", ""])
def test_bad_date_is_named(graph, value):
    with pytest.raises(IsecgError, match="not a date") as e:
        rows(graph, "members", date=value)
    assert e.value.field == "date"


def test_bound_terms(graph):
    members = Q.get_query("members")
    assert Q.bind_params(members, graph, {"date": "2019-05"}) == {
        "date": Literal("2019-05", datatype=XSD.gYearMonth)
    }
    assert Q.bind_params(Q.get_query("agency-meetings"), graph, {"agency": "NSAU"}) == {
        "agency": ID["agency/SSAU"]
    }


def test_unknown_prefix_in_a_query_file_names_it(graph, tmp_path):
    path = tmp_path / "prefix.rq"
    path.write_text("SELECT * WHERE { ?s foo:bar ?o }\n")
    with pytest.raises(IsecgError, match="bad SPARQL: Unknown namespace prefix") as e:
        Q.run(Q.get_query(path), graph)
    assert e.value.file == str(path)


def test_syntax_error_in_a_query_file_names_it(graph, tmp_path):
    path = tmp_path / "broken.rq"
    path.write_text("# title: Broken\nSELECT ?x WHERE {\n  ?x ?y\n}\n")
    with pytest.raises(IsecgError, match="SPARQL syntax error") as e:
        Q.run(Q.get_query(path), graph)
    assert e.value.file == str(path) and e.value.line is not None


# Output formats


@pytest.fixture(scope="module")
def result(graph):
    return Q.run(Q.get_query("meetings"), graph)


def test_json_is_w3c_sparql_results(result):
    doc = json.loads(Q.format_result(result, "json"))
    assert set(doc) == {"head", "results"}
    assert doc["head"] == {"vars": result.columns}
    bindings = doc["results"]["bindings"]
    assert len(bindings) == len(result.rows)
    for binding in bindings:
        assert set(binding) <= set(result.columns)
        for term in binding.values():
            assert term["type"] in {"uri", "literal", "bnode"}
            assert set(term) <= {"type", "value", "datatype", "xml:lang"}
            assert isinstance(term["value"], str)
            assert not ("datatype" in term and "xml:lang" in term)
    last = bindings[-1]
    assert last["meeting"] == {"type": "uri", "value": M2020}
    assert last["date"] == {"type": "literal", "value": "2020-09-09"}
    assert last["virtual"] == {"type": "literal", "value": "true", "datatype": str(XSD.boolean)}
    assert last["sources"] == {"type": "literal", "value": "2", "datatype": str(XSD.integer)}
    assert "city" not in last  # unbound: absent, never empty


def test_json_language_tag_and_blank_node():
    row = {"a": Literal("Agence", lang="fr"), "b": BNode("b0"), "c": None}
    doc = json.loads(Q.format_result(Q.Result(["a", "b", "c"], [row]), "json"))
    assert doc["results"]["bindings"] == [
        {
            "a": {"type": "literal", "value": "Agence", "xml:lang": "fr"},
            "b": {"type": "bnode", "value": "b0"},
        }
    ]


def test_csv_round_trips(graph):
    result = Q.run(Q.get_query("evidence"), graph, {"about": M2015})
    text = Q.format_result(result, "csv")
    assert text.startswith("quote,property,source,title,start,end\r\n")
    back = list(csv.DictReader(io.StringIO(text, newline="")))
    assert back == [{c: v or "" for c, v in row.items()} for row in result.as_dicts()]
    assert back[0]["quote"] == 'ISECG met on "Wednesday, Oct. 7"\nat ESOC | Darmstadt, Germany'


def test_tsv_escapes_tabs_and_newlines(graph):
    result = Q.run(Q.get_query("evidence"), graph, {"about": M2015})
    lines = Q.format_result(result, "tsv").splitlines()
    assert lines[0].split("\t") == result.columns
    assert len(lines) == 2
    assert lines[1].startswith('ISECG met on "Wednesday, Oct. 7"\\nat ESOC | Darmstadt, Germany\t')


def test_markdown_and_table(graph, result):
    md = Q.format_result(Q.run(Q.get_query("evidence"), graph, {"about": M2015}), "md")
    assert md.splitlines()[:2] == [
        "| quote | property | source | title | start | end |",
        "|---|---|---|---|---|---|",
    ]
    assert "at ESOC \\| Darmstadt" in md and md.count("\n") == 3
    table = Q.format_result(result, "table").splitlines()
    assert table[0].split() == result.columns
    assert set(table[1]) == {"-", " "}
    assert table[2].startswith("id:meeting/aaaa000000000004-0  ")
    assert table[-1] == "(4 rows)"
    assert len({line.index("date") for line in table[:1]}) == 1


def test_rows_keep_select_order(result):
    assert list(result.rows[0]) == result.columns == CONTRACT["meetings"].split()


def test_unknown_format(result):
    with pytest.raises(IsecgError, match="unknown format 'xml'"):
        Q.format_result(result, "xml")


# Loading data


def test_trig_is_read_as_a_union_of_its_graphs(tmp_path):
    path = tmp_path / "kg.trig"
    path.write_text(
        "@prefix isecg: <https://w3id.org/isecg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://w3id.org/isecg/id/graph/registry> {\n"
        "  <https://w3id.org/isecg/id/agency/NASA> a isecg:Agency ; skos:notation 'NASA' . }\n"
        "<https://w3id.org/isecg/id/source/s1> {\n"
        "  <https://w3id.org/isecg/id/meeting/2020-09-09> a isecg:Meeting ;\n"
        "    isecg:participant <https://w3id.org/isecg/id/agency/NASA> . }\n"
    )
    g = Q.load_data([path])
    assert rows(g, "meeting-participants", meeting=M2020) == [("NASA", None)]


@pytest.mark.parametrize(
    ("name", "content", "message", "line"),
    [
        ("bad.ttl", '@prefix : <urn:> .\n:a :b :c .\n:a :b "x\n', "cannot parse turtle", 3),
        ("bad.jsonld", '{"@id": "urn:a",\n "urn:b": [1,}', "cannot parse json-ld", 2),
        ("bad.nt", "<urn:a> <urn:b .\n", "cannot parse nt", 1),
        ("data.csv", "a,b\n", "unknown data format", None),
    ],
)
def test_unreadable_data_names_the_file(tmp_path, name, content, message, line):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(IsecgError, match=message) as e:
        Q.load_data([path])
    assert (e.value.file, e.value.line) == (str(path), line)


def test_missing_data_file(tmp_path):
    with pytest.raises(IsecgError, match="no such data file"):
        Q.load_data([tmp_path / "isecg.ttl"])


# The same queries on Oxigraph


def _term(term) -> tuple | None:
    """An rdflib or pyoxigraph term as (kind, value, datatype or language)."""
    if term is None:
        return None
    if isinstance(term, URIRef | ox.NamedNode):
        return ("uri", str(term) if isinstance(term, URIRef) else term.value)
    if isinstance(term, Literal):
        dt = None if term.datatype in (None, XSD.string) else str(term.datatype)
        return ("literal", str(term), term.language or dt)
    dt = term.datatype.value
    return ("literal", term.value, term.language or (None if dt == str(XSD.string) else dt))


def oxigraph_rows(query: Q.SavedQuery, bindings: dict) -> list[tuple]:
    """Run the unchanged query text on Oxigraph, parameters given as VALUES first in WHERE."""
    store = ox.Store()
    for path in FIXTURES:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    text = query.text
    if bindings:
        select = re.search(r"^SELECT\b", text, re.M).start()
        where = re.compile(r"\bWHERE\s*\{", re.I).search(text, select).end()
        names = " ".join(f"?{k}" for k in bindings)
        terms = " ".join(t.n3() for t in bindings.values())
        text = f"{text[:where]} VALUES ({names}) {{ ({terms}) }}{text[where:]}"
    solutions = store.query(text)
    columns = [v.value for v in solutions.variables]
    return [tuple(_term(s[c]) for c in columns) for s in solutions]


PARITY = [
    ("meetings", {}),
    ("meeting-participants", {"meeting": M2020}),
    ("meeting-participants", {"date": "2019-05-07"}),
    ("members", {"date": "2020-09-09"}),
    ("members", {"date": "2019"}),
    ("members", {"date": "2015-10-07"}),
    ("joins", {}),
    ("chairs", {}),
    ("roadmaps", {}),
    ("agency-meetings", {"agency": "NSAU"}),
    ("agency-meetings", {"agency": "NASA"}),
    ("absent", {"meeting": M2011}),
    ("absent", {"date": "2019-05-06"}),
    ("absent", {"meeting": M2020}),
    ("membership-growth", {}),
    ("sources", {}),
    ("evidence", {"about": M2020}),
    ("agencies", {}),
    ("unregistered", {}),
]


@pytest.mark.parametrize(("name", "params"), PARITY, ids=[f"{n}{p}" for n, p in PARITY])
def test_oxigraph_gives_the_same_rows(graph, name, params):
    query = Q.get_query(name)
    result = Q.run(query, graph, params)
    mine = [tuple(_term(row[c]) for c in result.columns) for row in result.rows]
    assert mine, "a parity case should have rows"
    assert oxigraph_rows(query, Q.bind_params(query, graph, params)) == mine
