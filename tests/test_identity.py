"""Meeting identity: which descriptions from several documents are one meeting, on what
evidence, and which values each writes. Small fact records, no documents."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rdflib import RDF, Graph

from isecg_kg import identity
from isecg_kg.document import Document
from isecg_kg.facts import AgencyRef, Evidence, Extraction, Meeting, When
from isecg_kg.identity import Description, link, resolve
from isecg_kg.mapping import Mapped, map_all
from isecg_kg.namespaces import ID, ISECG, PROV

YEARLESS = "dated only by 'July 10-12'; after 'November 2007', cited in the past tense"


def d(doc: str, when: When, n: int = 0, **kw) -> Description:
    return Description(key=(doc, n), when=when, **kw)


def iris(*descriptions: Description, existing=()) -> dict[str, str]:
    found = resolve(descriptions, existing).meetings
    return {k[0]: str(v).rsplit("/", 1)[-1] for k, v in found.items()}


# --- what suffices ----------------------------------------------------------------------------


def test_an_exact_date_and_its_month_in_the_same_city_are_one_meeting():
    exact = d("a", When("2009-03-10", end="2009-03-12"), city="Yokohama")
    month = d("b", When("2009-03"), city="Yokohama")
    assert link(exact, month) == "date and place"
    assert iris(exact, month) == {"a": "2009-03-10", "b": "2009-03-10"}


def test_a_year_containing_the_date_in_the_same_city():
    exact = d("a", When("2018-09-30"), city="Bremen")
    year = d("b", When("2018"), city="Bremen")
    assert iris(exact, year) == {"a": "2018-09-30", "b": "2018-09-30"}


def test_a_day_without_its_year_and_the_month_in_the_same_city():
    """ "July 10-12", bounded only from below, is the "July 2008" meeting in Montreal."""
    yearless = d("a", When(earliest="2007-11", note=YEARLESS), city="Montreal")
    month = d("b", When("2008-07"), city="Montreal")
    assert identity.yearless(yearless.when) == (7, 10, 12)
    assert link(yearless, month) == "month and place"
    assert iris(yearless, month) == {"a": "2008-07", "b": "2008-07"}


def test_a_day_without_its_year_matches_the_exact_day_and_no_other():
    yearless = d("a", When(earliest="2007-11", note=YEARLESS), city="Montreal")
    assert link(yearless, d("b", When("2008-07-10"), city="Montreal")) == "date and place"
    assert link(yearless, d("c", When("2008-07-15"), city="Montreal")) is None  # other days
    assert link(yearless, d("e", When("2007-07-10"), city="Montreal")) is None  # before bounds
    assert link(yearless, d("f", When("2009-08"), city="Montreal")) is None  # other month


def test_an_exact_date_within_bounds_in_the_same_city():
    exact = d("a", When("2016-05-18"), city="Rome")
    week = d("b", When(earliest="2016-05-16", latest="2016-05-22"), city="Rome")
    assert link(exact, week) == "date and place"
    outside = d("c", When(earliest="2016-05-23", latest="2016-05-27"), city="Rome")
    assert link(exact, outside) is None


def test_overlapping_ranges_are_one_meeting_without_a_place():
    a = d("a", When("2019-03-06", end="2019-03-07"))
    b = d("b", When("2019-03-07"), city="Washington")
    assert link(a, b) == "same day"
    assert iris(a, b) == {"a": "2019-03-06", "b": "2019-03-06"}


def test_an_undated_report_naming_the_venue_and_count_is_the_dated_meeting_there():
    dated = Description(
        ("seed", 0),
        When("2015-10-07"),
        city="Darmstadt",
        venue="European Space Operations Centre (ESOC)",
        stated=14,
    )
    undated = d("r", When(), venue="ESOC", stated=14)
    assert link(dated, undated) == "venue and count"
    assert iris(dated, undated) == {"seed": "2015-10-07", "r": "2015-10-07"}
    assert link(dated, d("s", When(), venue="ESOC", stated=12)) is None  # counts differ
    assert link(dated, d("t", When(), venue="ESOC")) is None  # the venue alone


def test_bounds_and_a_venue_the_gazetteer_places():
    """A venue identifies its city: ESTEC is in Noordwijk."""
    dated = d("a", When("2016-05-11"), city="Noordwijk")
    report = d("b", When(latest="2016-06-30"), venue="ESTEC")
    assert link(dated, report) == "date and place"


def test_a_month_of_a_meeting_held_online_and_that_meeting():
    exact = d("a", When("2020-09-09"), virtual=True)
    month = d("b", When("2020-09"), virtual=True)
    assert link(exact, month) == "date and place"
    assert link(exact, d("c", When("2020-09"))) is None  # neither place nor online


# --- what never suffices, and what contradicts -------------------------------------------------


def test_two_undated_meetings_without_a_place_stay_two():
    a, b = d("a", When(latest="2020-01-01")), d("b", When(latest="2020-01-01"))
    assert link(a, b) is None
    assert len(set(iris(a, b).values())) == 2


def test_a_place_alone_or_a_year_alone_is_not_enough():
    assert link(d("a", When(), city="Paris"), d("b", When(), city="Paris")) is None
    assert link(d("a", When("2014"), city="Paris"), d("b", When("2014"), city="Paris")) is None
    assert link(d("a", When("2014-06-24")), d("b", When("2014"))) is None


def test_a_month_that_fits_two_meetings_joins_neither():
    one = d("a", When("2007-11-06"), city="Berlin")
    two = d("b", When("2007-11-08"), city="Berlin")
    month = d("c", When("2007-11"), city="Berlin")
    found = iris(one, two, month)
    assert found["a"] != found["b"]
    assert found["c"] not in (found["a"], found["b"])


def test_the_same_day_in_two_cities_is_two_meetings_told_apart_by_place():
    a = d("a", When("2019-03-18"), city="Washington")
    b = d("b", When("2019-03-18"), city="Noordwijk")
    c = d("c", When("2019-03-18"), venue="ESTEC")
    assert link(a, b) is None
    assert iris(a, b, c) == {
        "a": "2019-03-18-washington",
        "b": "2019-03-18-noordwijk",
        "c": "2019-03-18-noordwijk",
    }


def test_host_and_online_contradict_a_coarser_date():
    assert link(d("a", When("2021-06-10"), host="ASI"), d("b", When("2021-06"), host="CSA")) is None
    online, in_rome = d("a", When("2021-06-10"), virtual=True), d("b", When("2021-06"), city="Rome")
    assert link(online, replace(in_rome, virtual=False)) is None


def test_a_shared_day_outweighs_a_different_host_or_online_but_not_a_city():
    """A date to the day is read more surely than a host or 'virtual': the two stay one
    meeting, both values are kept, and a shape warns; two cities are two meetings."""
    a = d("a", When("2019-03-18", end="2019-03-19"), host="ESA", virtual=True)
    b = d("b", When("2019-03-18"), city="Noordwijk", host="ESA", virtual=False)
    assert link(a, b) == "same day"
    assert link(a, d("c", When("2019-03-18"), host="NASA")) == "same day"
    assert link(b, d("e", When("2019-03-18"), city="Washington")) is None


def test_a_value_some_source_of_the_meeting_gives_does_not_contradict():
    """Once a shared day has brought 'online' and 'in person' into one meeting, a month in the
    same city that says 'in person' agrees with one of its sources: it joins."""
    placeless = d("a", When("2019-03-18"), host="ESA", virtual=True)
    noordwijk = d("b", When("2019-03-18"), city="Noordwijk", host="ESA", virtual=False)
    month = d("c", When("2019-03"), city="Noordwijk", virtual=False)
    assert len(set(iris(placeless, noordwijk, month).values())) == 1


def test_of_two_meetings_on_a_day_the_one_agreeing_wins():
    noordwijk = d("a", When("2019-03-18"), city="Noordwijk", host="ESA")
    washington = d("b", When("2019-03-18"), city="Washington", host="NASA")
    placeless = d("c", When("2019-03-18"), host="ESA")
    found = iris(noordwijk, washington, placeless)
    assert found["c"] == found["a"] != found["b"]
    either = d("e", When("2019-03-18"))  # agrees with both: ambiguous, a meeting of its own
    found = iris(noordwijk, washington, either)
    assert found["e"] not in (found["a"], found["b"])


def test_a_meeting_after_a_source_was_published_is_not_the_one_it_reports():
    exact = d("a", When("2009-03-10"), city="Yokohama")
    early = d("b", When("2009-03"), city="Yokohama", published="2009-03-05")
    assert link(exact, early) is None


def test_identity_does_not_depend_on_the_order_of_documents():
    items = [
        d("z", When("2019-03-18")),
        d("a", When("2019-03-18"), city="Washington"),
        d("m", When("2019-03"), city="Washington"),
        d("b", When("2019-03-18"), city="Noordwijk"),
    ]
    assert iris(*items) == iris(*reversed(items))


# --- what a merged meeting keeps ---------------------------------------------------------------


def test_each_attribute_is_written_by_the_sources_giving_its_most_precise_value():
    exact = d("a", When("2015-10-07"), city="Darmstadt", venue="ESOC", stated=14)
    month = d(
        "b", When("2015-10"), city="Darmstadt", venue="European Space Operations Centre (ESOC)"
    )
    keeps = resolve([exact, month]).keeps
    assert keeps[("a", 0)] == {"when", "city"}
    assert keeps[("b", 0)] == {"city", "venue"}


def test_the_report_of_every_day_gives_the_time_of_a_multi_day_meeting():
    both = d("a", When("2019-03-06", end="2019-03-07"), city="Washington")
    second = d("b", When("2019-03-07"), city="Washington")
    keeps = resolve([both, second]).keeps
    assert "when" in keeps[("a", 0)] and "when" not in keeps[("b", 0)]
    other = d("c", When("2019-03-07", end="2019-03-08"), city="Washington")  # they disagree
    keeps = resolve([both, other]).keeps
    assert "when" in keeps[("a", 0)] and "when" in keeps[("c", 0)]


def test_a_meeting_the_graph_holds_keeps_its_iri():
    held = Description(
        ("graph", 0),
        When("2015-10-07"),
        venue="ESOC",
        stated=14,
        iri=str(ID["meeting/2015-10-07"]),
    )
    new = d("r", When(), venue="European Space Operations Centre", stated=14)  # one venue
    assert iris(new, existing=[held])["r"] == "2015-10-07"
    same_day = d("n", When("2015-10-07"), city="Houston")  # contradicts: a meeting of its own
    assert iris(same_day, existing=[held])["n"] == "2015-10-07-houston"


def test_mapping_writes_the_merged_meeting_once_with_every_source():
    ev = Evidence("The agencies met.", 0, 17)

    def mapped(doc_id: str, meeting: Meeting) -> Mapped:
        document = Document(
            id=doc_id,
            path=Path(f"{doc_id}.txt"),
            kind="text",
            text=ev.sentence,
            paragraphs=(ev.sentence,),
        )
        return Mapped(document, Extraction(meetings=(meeting,)))

    exact = Meeting(0, When("2009-03-10", end="2009-03-12"), ev, city="Yokohama")
    month = Meeting(0, When("2009-03"), ev, city="Yokohama", host=AgencyRef("JAXA"))
    a, b = map_all([mapped("a", exact), mapped("b", month)])
    meeting = ID["meeting/2009-03-10"]
    union = Graph()
    for g in (a, b):
        union += g
    assert set(union.subjects(RDF.type, ISECG.Meeting)) == {meeting}
    assert {str(v) for v in union.objects(meeting, ISECG.date)} == {"2009-03-10"}
    assert set(b.objects(meeting, ISECG.date)) == set()  # the month stays in b's evidence
    assert set(union.objects(meeting, PROV.wasDerivedFrom)) == {
        ID["source/a"],
        ID["source/b"],
    }
    assert {str(v) for v in b.objects(meeting, ISECG.host)} == {str(ID["agency/JAXA"])}
    assert len(set(b.subjects(ISECG.describes, meeting))) == 1
