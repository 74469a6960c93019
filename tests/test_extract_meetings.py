"""Meetings: one fact per meeting, with date, place, host, mode and stated count."""

from __future__ import annotations

from pathlib import Path

import pytest

from isecg_kg.document import Document
from isecg_kg.extract import extract
from isecg_kg.registry import Registry


@pytest.fixture(scope="module")
def reg() -> Registry:
    return Registry.load()


def doc(text: str, published: str | None = None) -> Document:
    return Document(
        id="t",
        path=Path("t.txt"),
        kind="text",
        text=text,
        paragraphs=tuple(text.split("\n\n")),
        published=published,
    )


def meetings(reg, text, published=None):
    return extract(doc(text, published), reg).meetings


def test_convened_with_place_host_and_date(reg):
    (m,) = meetings(
        reg, "ISECG heads of agency convened in Washington, D.C. on 14 May 2016, hosted by NASA."
    )
    assert m.when.value == "2016-05-14"
    assert (m.city, m.country, m.host.key, m.virtual) == (
        "Washington, D.C.",
        "United States",
        "NASA",
        False,
    )
    assert m.evidence.sentence.startswith("ISECG heads of agency convened")
    assert m.evidence.start == 0


def test_range_venue_of_an_agency_and_count_in_words(reg):
    (m,) = meetings(
        reg,
        "The International Space Exploration Coordination Group held its meeting at JAXA's Tokyo "
        "Office on March 18 - 19, 2019. Twelve agencies took part in the meeting.",
        "2019-03-25",
    )
    assert (m.when.value, m.when.end) == ("2019-03-18", "2019-03-19")
    assert (m.venue, m.host.key, m.city, m.country) == ("Tokyo Office", "JAXA", "Tokyo", "Japan")
    assert m.stated_participants == 12


def test_one_meeting_from_many_sentences(reg):
    (m,) = meetings(
        reg,
        "On 4 June 2019, senior managers of nineteen space agencies gathered in Bremen, Germany "
        "for "
        "an ISECG meeting.\n\nThe meeting was hosted by DLR. During the meeting, the agencies "
        "reviewed the roadmap.",
    )
    assert (m.when.value, m.city, m.host.key, m.stated_participants) == (
        "2019-06-04",
        "Bremen",
        "DLR",
        19,
    )


@pytest.mark.parametrize(
    ("wording", "virtual"),
    [
        ("met by videoconference", True),
        ("met online", True),
        ("gathered in person in Rome, Italy", False),
        ("met in a hybrid format in Rome, Italy", False),
    ],
)
def test_virtual_or_not(reg, wording, virtual):
    (m,) = meetings(reg, f"On 3 March 2021, ISECG agencies {wording}.")
    assert m.virtual is virtual


def test_no_mode_stated_is_unknown(reg):
    (m,) = meetings(reg, "On 3 March 2021, representatives of ISECG agencies met.")
    assert m.virtual is None


def test_today_is_the_publication_date(reg):
    (m,) = meetings(reg, "Today, ISECG members convened for their annual meeting.", "2017-11-02")
    assert m.when.value == "2017-11-02"


def test_today_without_publication_date_gives_bounds(reg):
    (m,) = meetings(
        reg,
        "Today, ESA hosted delegates of 15 agencies for a meeting of ISECG. The agencies reviewed "
        "the roadmap released in January 2018; its next edition will be published in 2022.",
    )
    assert m.when.value is None
    assert (m.when.earliest, m.when.latest) == ("2018-01", "2022")
    assert m.when.note


def test_weekday_without_year_fixed_by_cited_dates(reg):
    (m,) = meetings(
        reg,
        "Space agency delegations met on Thursday, June 4 to discuss the Global Exploration "
        "Roadmap that ISECG released in January 2018.",
    )
    assert (m.when.value, m.when.weekday) == ("2020-06-04", "Thursday")


def test_bare_weekday_in_a_dated_report(reg):
    (m,) = meetings(
        reg, "Eleven ISECG space agencies met in Kyoto, Japan, on Wednesday.", "2011-11-18"
    )
    assert m.when.value == "2011-11-16"


def test_reference_and_future_meetings_are_not_facts(reg):
    found = meetings(
        reg,
        "ISECG agencies met virtually on 9 September 2020. KARI joined since the previous ISECG "
        "meeting in March. The next meeting will be held in Tokyo in 2021.",
    )
    assert [m.when.value for m in found] == ["2020-09-09"]
    assert found[0].city is None


def test_other_gatherings_are_not_isecg_meetings(reg):
    text = (
        "ISECG published its roadmap in 2018. The station partners NASA, ESA and JAXA met in "
        "Houston on 3 February 2017. ISECG meets regularly to exchange information."
    )
    assert meetings(reg, text) == ()


def test_two_meetings_in_one_report(reg):
    found = meetings(
        reg,
        "The 2019 ISECG senior managers meeting took place in Tokyo, Japan on 14 March 2019. "
        "A second meeting of the ISECG agencies was held in Washington on 21 October 2019.",
    )
    assert [(m.local, m.when.value, m.city) for m in found] == [
        (0, "2019-03-14", "Tokyo"),
        (1, "2019-10-21", "Washington"),
    ]


def test_iss_partners_count_is_not_the_meeting_count(reg):
    (m,) = meetings(
        reg,
        "Agencies of ISECG met on 2 May 2016. Five agencies from the United States, Russia, "
        "Europe, "
        "Japan and Canada are partners in the space station.",
    )
    assert m.stated_participants is None


def test_not_about_isecg_yields_nothing(reg):
    assert extract(doc("NASA and ESA met in Paris on 4 June 2019."), reg).meetings == ()


def test_last_week_gives_bounds_and_a_dateline_stands_for_publication(reg):
    (m,) = meetings(
        reg,
        "Representatives of 14 ISECG agencies met in Toulouse, France, last week.",
        "2016-09-12",
    )
    assert (m.when.value, m.when.earliest, m.when.latest) == (None, "2016-09-05", "2016-09-11")
    (m,) = meetings(reg, "OTTAWA, Nov. 15, 2012 /CNW/ - Today CSA hosted an ISECG meeting.")
    assert (m.when.value, m.host.key) == ("2012-11-15", "CSA")


def test_a_report_online_and_a_bilateral_meeting_say_nothing(reg):
    (m,) = meetings(
        reg,
        "ISECG agencies met in Tokyo on 10 March 2017. The meeting report is available online.",
    )
    assert m.virtual is False
    text = "ISECG was not discussed when the NASA Administrator met with the heads of ESA and JAXA."
    assert meetings(reg, text, "2021-10-30") == ()
