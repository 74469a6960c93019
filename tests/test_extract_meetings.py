"""Meetings: one fact per meeting, with date, place, host, mode and stated count."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import doc

from isecg_kg.document import Document
from isecg_kg.extract import extract


def meetings(reg, text, published=None):
    return extract(doc(text, published), reg).meetings


def test_convened_with_place_host_and_date(reg):
    (m,) = meetings(
        reg, "ISECG heads of agency convened in Washington, D.C. on 14 May 2016, hosted by NASA."
    )
    assert m.when.value == "2016-05-14"
    assert (m.city, m.country, m.host.key, m.virtual) == (
        "Washington",  # the locality: the district designation "D.C." is not part of it
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


def test_dateline_is_the_release_date_not_the_meeting_date(reg):
    text = (
        "PARIS, France, June 12, 2016 - The French space agency CNES welcomed delegations to a "
        "meeting of ISECG on June 9 and 10 at its Paris headquarters."
    )
    (m,) = meetings(reg, text)
    assert (m.when.value, m.when.end, m.host.key) == ("2016-06-09", "2016-06-10", "CNES")


@pytest.mark.parametrize(
    "dateline", ["WASHINGTON (June 12, 2016) -", "Noordwijk, 12 June 2016 –", "June 12, 2016 --"]
)
def test_dateline_forms(reg, dateline):
    (m,) = meetings(reg, f"{dateline} ESA hosted ISECG managers on June 9 in Noordwijk.")
    assert m.when.value == "2016-06-09"


def test_a_dateline_alone_only_bounds_the_meeting(reg):
    (m,) = meetings(reg, "BONN, Germany, March 3, 2015 - DLR hosted an ISECG meeting in Bonn.")
    assert m.when.value is None
    assert m.when.latest == "2015-03-03"


def test_a_title_that_is_a_date_line_dates_the_report(reg):
    d = Document(
        id="t",
        path=Path("t.txt"),
        kind="text",
        text="ISECG agencies met in Rome, Italy, on Tuesday 7 May.",
        paragraphs=("ISECG agencies met in Rome, Italy, on Tuesday 7 May.",),
        title="Posted 9 May 2019 | Rome",
    )
    (m,) = extract(d, reg).meetings
    assert m.when.value == "2019-05-07"


@pytest.mark.parametrize(
    ("sentence", "host"),
    [
        ("At the invitation of CNES, ISECG agencies convened in Toulouse on 3 May 2017.", "CNES"),
        (
            "ISECG agencies met on 3 May 2017 at the headquarters of the German Aerospace Center "
            "(DLR) in Cologne.",
            "DLR",
        ),
        ("KARI welcomed the delegations to an ISECG meeting in Daejeon on 3 May 2017.", "KARI"),
        (
            "On 3 May 2017 ISECG managers gathered in Tokyo for a meeting of the group at a hotel "
            "chosen by JAXA, which hosted the meeting.",
            "JAXA",
        ),
        (
            "ISECG senior managers gathered in Montreal on 3 May 2017 for a meeting organised by "
            "the Canadian Space Agency.",
            "CSA",
        ),
        ("Hosted by KARI, the ISECG meeting took place in Seoul on 3 May 2017.", "KARI"),
        ("The ISECG meeting of 3 May 2017 was hosted at ESTEC by ESA.", "ESA"),
        ("KARI hosts ISECG meeting in Daejeon on 3 May 2017", "KARI"),
    ],
)
def test_host_wordings(reg, sentence, host):
    (m,) = meetings(reg, sentence)
    assert (m.when.value, m.host.key) == ("2017-05-03", host)


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        (
            "Eleven of the twelve member agencies met in Rome on 3 May 2017 for an ISECG meeting.",
            11,
        ),
        ("Delegates from 9 of the group's 12 member agencies met for ISECG on 3 May 2017.", 9),
        ("Nine agencies in all took part in the ISECG meeting held in Kyoto on 3 May 2017.", 9),
        ("ISECG met in Kyoto on 3 May 2017 with a total of seventeen agencies attending.", 17),
        ("On 3 May 2017, 14 of the 15 ISECG member agencies took part in the ISECG meeting.", 14),
        ("ISECG agencies met in Kyoto on 3 May 2017, with 20 agencies represented.", 20),
    ],
)
def test_stated_count_wordings(reg, sentence, count):
    (m,) = meetings(reg, sentence)
    assert m.stated_participants == count


@pytest.mark.parametrize("written", ["Washington, DC", "Washington D.C.", "Washington"])
def test_city_is_the_locality_name(reg, written):
    (m,) = meetings(reg, f"ISECG agencies met in {written} on 3 May 2017.")
    assert (m.city, m.country) == ("Washington", "United States")


def test_a_membership_date_is_not_a_meeting(reg):
    found = meetings(
        reg,
        "ISECG agencies met by videoconference on 2 March 2022. The Romanian Space Agency, which "
        "was admitted as a new member in October 2021, attended its first ISECG meeting.",
    )
    assert [m.when.value for m in found] == ["2022-03-02"]


def test_the_group_meeting_beside_a_congress(reg):
    (m,) = meetings(
        reg,
        "ISECG senior managers met in Bremen, Germany on 30 September 2018, the day before the "
        "International Astronautical Congress opened in the city.",
    )
    assert (m.when.value, m.city) == ("2018-09-30", "Bremen")
    noise = (
        "ISECG was mentioned when, at the International Astronautical Congress in Bremen on 2 "
        "October 2018, the heads of agencies met in a plenary session."
    )
    assert meetings(reg, noise) == ()


@pytest.mark.parametrize(
    ("sentence", "city", "country"),
    [
        (
            "ESA hosted ISECG at ESTEC, Noordwijk, the Netherlands, on 6 May 2017.",
            "Noordwijk",
            "Netherlands",
        ),
        (
            "Senior managers of ISECG agencies met in Washington May 6-7, 2017.",
            "Washington",
            "United States",
        ),
        ("The ISECG meeting took place on 6 May 2017 in Montréal, Canada.", "Montréal", "Canada"),
    ],
)
def test_city_wordings(reg, sentence, city, country):
    (m,) = meetings(reg, sentence)
    assert (m.when.value, m.city, m.country) == ("2017-05-06", city, country)


def test_a_meeting_cited_as_a_point_in_time_adds_nothing(reg):
    (m,) = meetings(
        reg,
        "ISECG agencies met by videoconference on 26 May 2021. Since the ISECG meeting in "
        "Bengaluru in November 2019, all meetings have been held online.",
        "2021-06-04",
    )
    assert (m.when.value, m.city) == ("2021-05-26", None)


@pytest.mark.parametrize(
    "text",
    [
        "ISECG has met at least once a year since its creation in 2007.",
        "Since 2007, ISECG senior managers have met every year to compare their plans.",
        "The agencies of ISECG gather twice a year at senior level.",
    ],
)
def test_a_habit_is_not_a_meeting(reg, text):
    assert meetings(reg, text, "2019-05-05") == ()


def test_meeting_dated_by_the_sentence_before(reg):
    (m,) = meetings(
        reg,
        "ISECG delegates spent 4 and 5 September in Ottawa. "
        "The plenary was hosted by the Canadian Space Agency at its headquarters.",
        "2018-09-20",
    )
    assert (m.when.value, m.when.end, m.host.key) == ("2018-09-04", "2018-09-05", "CSA")


def test_chronology_entries_are_meetings(reg):
    text = (
        "Our history.\n\n"
        "4 May 2012 - Graz, Austria.\n\nFifth meeting, hosted by ESA.\n\n"
        "November 2013 - Bangalore, India.\n\nSixth meeting. Hosted by ISRO.\n\n"
        "April 2014 - ISECG adopts new terms of reference."
    )
    found = meetings(reg, text)
    assert [(m.when.value, m.city, m.host.key) for m in found] == [
        ("2012-05-04", "Graz", "ESA"),
        ("2013-11", "Bangalore", "ISRO"),
    ]


def test_fact_box_under_a_meeting_heading(reg):
    (m,) = meetings(
        reg, "ISECG plenary in Graz\n\nWhen: Monday 3 - Tuesday 4 March 2025\n\nAgenda below."
    )
    assert (m.when.value, m.when.end) == ("2025-03-03", "2025-03-04")


def test_questions_and_correction_notes_report_no_meeting(reg):
    text = (
        "Member agencies of ISECG met in Lima, Peru on 2 June. "
        "Did the group meet in Quito as well? "
        "Correction, 9 June 2016: an earlier version misspelt the host."
    )
    (m,) = meetings(reg, text, "2016-06-08")
    assert m.when.value == "2016-06-02"


def test_a_forum_named_far_from_the_cue_does_not_block(reg):
    (m,) = meetings(
        reg,
        "On 11-12 October 2017 ESA welcomed to ESTEC representatives of fourteen agencies of "
        "ISECG, the voluntary coordination forum set up after the Global Exploration Strategy.",
    )
    assert m.when.value == "2017-10-11"


def test_relative_week_and_week_of_a_month(reg):
    (m,) = meetings(reg, "Last week ISECG senior managers met online.", "2022-03-09")
    assert (m.when.earliest, m.when.latest) == ("2022-02-28", "2022-03-06")
    (m,) = meetings(
        reg, "In the third week of last June, ISECG agencies gathered in Kyiv.", "2015-02-01"
    )
    assert (m.when.earliest, m.when.latest) == ("2014-06-15", "2014-06-21")


def test_publication_date_from_the_document_head(reg):
    text = "Posted on: Thu, 6 Apr 2017 · by the editors\n\nISECG agencies met on 3 April in Rome."
    (m,) = meetings(reg, text)
    assert m.when.value == "2017-04-03"


def test_unrelated_meeting_text_yields_nothing(reg):
    assert meetings(reg, "The weather on 3 May 2019 was fine. Birds met in the garden.") == ()


def test_host_field_and_conference_centre_venue(reg):
    text = (
        "ISECG agencies met in Lisbon, Portugal on 6 May 2024.\n\n"
        "Host: Portugal Space (PTS)\n\n"
        "The meeting, at the Lisbon Congress Centre, was hosted by Portugal Space."
    )
    (m,) = meetings(reg, text)
    assert (m.when.value, m.host.key) == ("2024-05-06", "PTS")
    (m,) = meetings(
        reg,
        "The meeting of ISECG, at the Kyoto conference center, took place on 2 March 2011, "
        "hosted by the Japan Aerospace Exploration Agency.",
    )
    assert (m.when.value, m.host.key) == ("2011-03-02", "JAXA")


def test_meeting_online_after_a_comma(reg):
    (m,) = meetings(reg, "On 2 June 2021 ISECG held its plenary meeting, online again.")
    assert (m.when.value, m.virtual) == ("2021-06-02", True)


def test_today_counts_from_a_dateline_below_the_page_date(reg):
    text = (
        "Space news\n\nA deck line about the group.\n\n"
        "Houston, 3 June 2019 - NASA took over the ISECG chair today at the group's meeting, "
        "held in Houston."
    )
    (m,) = meetings(reg, text, "2019-06-07")
    assert m.when.value == "2019-06-03"


def test_meeting_on_the_eve_of_a_congress_is_the_groups(reg):
    text = (
        "Exploration agencies met in Tokyo on Monday, ahead of the opening of the congress, "
        "and chose the next ISECG chair."
    )
    (m,) = meetings(reg, text, "2023-10-04")
    assert (m.when.value, m.city) == ("2023-10-02", "Tokyo")


def test_a_date_after_the_report_is_not_the_meetings(reg):
    text = (
        "ISECG agencies met by video link in March. The meeting took place while the launch "
        "slipped to 2025."
    )
    (m,) = meetings(reg, text, "2024-04-02")
    assert m.when.value == "2024-03"


def test_a_city_the_gazetteer_lacks_comes_from_the_grammar(reg):
    (m,) = meetings(reg, "ISECG senior managers met in Kiruna on 5 June 2019.")
    assert (m.when.value, m.city) == ("2019-06-05", "Kiruna")


def test_a_headline_in_the_present_tense_is_a_meeting_cue(reg):
    text = "ISECG meets in Kiruna\n\nThe group's meeting took place on 5 June 2019."
    (m,) = meetings(reg, text)
    assert (m.when.value, m.city) == ("2019-06-05", "Kiruna")


def test_no_city_from_a_longer_capitalised_name(reg):
    (m,) = meetings(reg, "ISECG senior managers met in Mission Control Room 2 on 5 June 2019.")
    assert m.city is None


def test_host_named_with_a_national_name_and_acronym_in_brackets(reg):
    text = (
        "On 8 and 9 November 2007, the German Aerospace Center (Deutsches Zentrum für Luft- und "
        "Raumfahrt; DLR) welcomed delegations from fourteen space agencies to Berlin for the "
        "first meeting of the International Space Exploration Coordination Group (ISECG)."
    )
    (m,) = extract(doc(text), reg).meetings
    assert m.host is not None and m.host.key == "DLR"
    assert m.city == "Berlin"


WIRE = (
    "BEIJING, Sept. 11 (Xinhua) -- The China National Space Administration (CNSA) took part on "
    "Wednesday in a videoconference of the International Space Exploration Coordination Group "
    "(ISECG), the CNSA said Friday."
)


def test_a_videoconference_is_a_virtual_meeting_and_a_wire_dateline_is_not_its_date(reg):
    (m,) = meetings(reg, WIRE, "2020-09-11")
    assert (m.when.value, m.virtual) == ("2020-09-09", True)
    (m,) = meetings(reg, WIRE)  # the dateline has no year: the meeting stays undated
    assert (m.when.value, m.when.weekday) == (None, "Wednesday")


def test_a_video_conference_is_not_another_gathering(reg):
    (m,) = meetings(reg, "ISECG agencies met by video conference on 9 September 2020.")
    assert (m.when.value, m.virtual) == ("2020-09-09", True)


@pytest.mark.parametrize("week", ["the week of 7 November 2022", "the week of November 9, 2022"])
def test_the_week_of_a_day_bounds_the_meeting_and_a_date_may_stand_before_the_host(reg, week):
    (m,) = meetings(
        reg,
        f"The annual heads of agency meeting of ISECG was hosted {week} by the Indian Space "
        "Research Organisation (ISRO) in Bengaluru, India.",
        "2022-12-01",
    )
    assert (m.when.value, m.when.earliest, m.when.latest) == (None, "2022-11-07", "2022-11-13")
    assert (m.host.key, m.city) == ("ISRO", "Bengaluru")


def test_a_host_named_in_a_sentence_of_its_own(reg):
    (m,) = meetings(
        reg,
        "On Sunday, 13 Oct. 2024, heads of 21 space agencies gathered in Milan, Italy, for the "
        "annual heads of agency meeting of ISECG. Some delegations attended in person and others "
        "joined online. The Italian Space Agency (Agenzia Spaziale Italiana) acted as host.",
        "2024-10-18",
    )
    assert (m.when.value, m.city, m.host.key) == ("2024-10-13", "Milan", "ASI")


def test_a_meeting_heading_over_a_line_of_place_and_date(reg, tmp_path):
    """Minutes headed "SIXTH MEETING" under the group's name, with the place and dates on the
    line below: that meeting, there, then; the date the record was prepared is not it."""
    from isecg_kg.sources import load

    path = tmp_path / "summary.txt"
    path.write_text(
        "            International Space Exploration Coordination Group\n\n"
        "                SIXTH MEETING -- SUMMARY OF CONCLUSIONS\n\n"
        "   Korea Aerospace Research Institute (KARI), 169-84 Gwahangno, Yuseong-gu,\n"
        "                 Daejeon, Republic of Korea, 26-27 April 2010\n\n"
        "Prepared by the ISECG Secretariat, 20 May 2010\n\n"
        "  Host ........ KARI\n\n"
        "  Eleven agencies attended: ASI, CNES, CSA, DLR, ESA, JAXA, KARI, NASA, NSAU,\n"
        "  Roscosmos and UKSA.\n"
    )
    (m,) = extract(load(path), reg).meetings
    assert (m.when.value, m.when.end, m.city, m.host.key) == (
        "2010-04-26",
        "2010-04-27",
        "Daejeon",
        "KARI",
    )
    assert m.stated_participants == 11 and len(m.participants) == 11


def test_a_headline_with_a_verb_over_its_release_date_is_not_a_meeting_heading(reg):
    """A news headline ("... meet in Berlin ...") over a bare date line (a page whose release
    date was not recognised): that date is not a meeting's."""
    text = (
        "DLR Portal | Deutsch | Sitemap | Contact\n\nAeronautics\n\nSpace\n\nEnergy\n\n"
        "Transport\n\nNews archive\n\n"
        "Fourteen space agencies meet in Berlin to coordinate exploration\n\n"
        "12 November 2007\n\n"
        "On 8 and 9 November 2007, DLR welcomed delegations from fourteen space agencies to the "
        "first meeting of the International Space Exploration Coordination Group."
    )
    assert [m.when.value for m in meetings(reg, text)] == ["2007-11-08"]


def test_another_body_s_meeting_is_not_the_group_s(reg):
    text = (
        "ISECG met in Daejeon on 26 April 2010. NASA briefed the group on the budget request of "
        "February 2010. ESA reported on the preparations for the ESA Council meeting in the autumn."
    )
    assert [m.when.value for m in meetings(reg, text, "2010-05-20")] == ["2010-04-26"]


def test_a_wire_lead_dates_the_meeting_its_next_paragraph_reports(reg):
    """A wire story: the lead, with a dateline whose year only the page's "Last updated" line
    gives, says "agreed on Sunday"; the next paragraph reports the meeting, hosted by an agency
    described before it is named."""
    text = (
        "Last updated: 2017-09-25 11:08 JST\n\n"
        "Space agencies agree on outline of new exploration roadmap\n\n"
        "ADELAIDE, Australia, Sept. 25 Kyodo - Space agencies from around the world agreed on "
        "Sunday on the main content of a joint roadmap, officials said.\n\n"
        "Representatives of 16 space agencies took part in the meeting of the International "
        "Space Exploration Coordination Group, hosted in Adelaide by Australia's national science "
        "agency, the Commonwealth Scientific and Industrial Research Organisation. A vice "
        "president of the Japan Aerospace Exploration Agency attended for Japan."
    )
    (m,) = meetings(reg, text)
    assert (m.when.value, m.city, m.host.key, m.stated_participants) == (
        "2017-09-24",
        "Adelaide",
        "CSIRO",
        16,
    )
    assert [a.key for a in m.participants] == ["JAXA"]


def test_the_host_of_the_next_meeting_is_not_this_one_s(reg):
    text = (
        "On 24 March 2021, ISECG met by videoconference. The next ISECG heads of agency meeting "
        "is planned for November 2021 in Rome, hosted by the Italian Space Agency."
    )
    (m,) = meetings(reg, text, "2021-03-26")
    assert (m.when.value, m.city, m.host, m.virtual) == ("2021-03-24", None, None, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "No meeting was necessary: the decision was taken by the member agencies by mail.",
        "The members decided without a meeting, by written procedure.",
        "Switzerland will attend its first ISECG heads of agency meeting in Washington.",
        "On 10 April 2019 two member agencies, NASA and ESA, held a bilateral meeting in Bern.",
        "On 10 April 2019 the ISS partner agencies held their own meeting in Bern.",
        "On 11 April 2019 the State Secretary received ESA's Director General in Bern. That "
        "meeting concerned ESA only and was not an ISECG meeting.",
    ],
)
def test_a_meeting_denied_avoided_or_only_planned_is_no_meeting(reg, sentence):
    text = (
        "The ISECG member agencies approved the application of Switzerland by written procedure, "
        "which concluded on 9 April 2019. " + sentence
    )
    assert meetings(reg, text, "2019-04-12") == ()


def test_another_meeting_the_day_after_is_not_a_second_isecg_meeting(reg):
    text = (
        "Senior managers from eleven space agencies gathered on July 15 and 16, 2008 in "
        "Saint-Hubert for a meeting of ISECG. On July 17, the day after the ISECG meeting "
        "closed, the President of the CSA and the NASA Associate Administrator held a separate "
        "bilateral meeting in Montreal."
    )
    assert [m.when.value for m in meetings(reg, text, "2008-07-18")] == ["2008-07-15"]


def test_a_separate_meeting_of_another_board_is_not_the_group_s(reg):
    text = (
        "Heads of 17 space agencies gathered in Bremen, Germany, on Sunday 30 September 2018 for "
        "the ISECG meeting. The German Aerospace Center (DLR) hosted the meeting on the eve of "
        "the 69th International Astronautical Congress. The heads of the ISS partner agencies "
        "held their own, separate meeting in Bremen on 2 October 2018. That meeting of the ISS "
        "Multilateral Coordination Board is not an ISECG activity."
    )
    (m,) = meetings(reg, text, "2018-10-05")
    assert (m.when.value, m.city, m.host.key) == ("2018-09-30", "Bremen", "DLR")


def test_a_meeting_verb_after_a_meeting_sentence_carries_its_story_on(reg):
    text = (
        "Heads of 23 space agencies took part in the annual heads of agency meeting of ISECG on "
        "Sunday, 1 October. Some delegations met in Baku while others connected online. The "
        "Vietnam National Space Center (VNSC) took part for the first time as a member."
    )
    (m,) = meetings(reg, text, "2023-10-06")
    assert (m.when.value, m.city, [a.key for a in m.participants]) == (
        "2023-10-01",
        "Baku",
        ["VNSC"],
    )


def test_a_day_within_the_meeting_s_days_is_the_same_meeting(reg):
    text = (
        "Senior representatives of thirteen space agencies met in Toulouse on 3 and 4 June 2014 "
        "for the ISECG meeting. CNES handed the chairmanship to DLR at the close of the meeting "
        "on 4 June."
    )
    (m,) = meetings(reg, text, "2014-06-06")
    assert (m.when.value, m.when.end) == ("2014-06-03", "2014-06-04")


def test_a_labelled_date_below_a_long_menu_dates_the_report(reg):
    menu = "\n".join(["Home", "About", "Satellites", "Launchers", "PR Center"] * 3)
    text = (
        f"{menu}\n\nDate | 2014.06.18 | Hit | 1,204\n\n"
        "Senior managers of ISECG agencies gathered in Daejeon on June 10th and 11th."
    )
    (m,) = meetings(reg, text)
    assert (m.when.value, m.when.end) == ("2014-06-10", "2014-06-11")


def test_the_head_line_of_a_meeting_report_dates_the_meeting(reg):
    from dataclasses import replace

    text = (
        "London, United Kingdom, 12-13 May 2016\n\n"
        "Summary prepared by the Secretariat, issued 20 May 2016\n\n"
        "The UK Space Agency (UKSA), which took over the ISECG chair from the European Space "
        "Agency (ESA) at the October 2015 meeting in Darmstadt, chaired both days."
    )
    report = replace(doc(text), title="ISECG SENIOR MANAGERS MEETING - SUMMARY OF OUTCOMES")
    (m,) = extract(report, reg).meetings
    assert (m.when.value, m.when.end, m.city) == ("2016-05-12", "2016-05-13", "London")
    # without the title naming a meeting, a place and days alone are no meeting
    assert [x.when.value for x in meetings(reg, text)] == []


def test_a_congress_centre_is_a_venue_not_another_gathering(reg):
    text = (
        "ISECG squeezed its senior managers meeting into a room near the Baku Congress Centre on "
        "Sunday, the day before the 74th International Astronautical Congress opened."
    )
    (m,) = meetings(reg, text, "2023-10-05")
    assert m.when.value == "2023-10-01"


def test_a_weekday_makes_the_year_of_the_meeting_finer(reg):
    text = "On Tuesday, senior managers met by videoconference for the first ISECG meeting of 2026."
    (m,) = meetings(reg, text, "2026-02-19")
    assert m.when.value == "2026-02-17"


def test_a_date_in_a_since_phrase_is_the_earlier_events(reg):
    text = (
        "ISECG senior managers met on Wednesday in Bengaluru. The meeting was the first since "
        "the release of the third edition of the Global Exploration Roadmap in January."
    )
    (m,) = meetings(reg, text, "2018-06-08")
    assert m.when.value == "2018-06-06"


CHRONOLOGY = (
    "ISECG milestones. Its Secretariat is hosted by ESA at ESTEC. This page is not a complete "
    "record of every ISECG meeting; working-level teleconferences are not listed.\n\n"
    "7–8 November 2007 – First ISECG meeting, Berlin, Germany, hosted by DLR.\n\n"
    "22–24 May 2012 – Global Space Exploration Conference (GLEX 2012), Washington. ISECG "
    "agencies present the roadmap; GLEX is a conference, not an ISECG meeting.\n\n"
    "11–12 May 2016 – ISECG meeting at ESTEC, Noordwijk, the Netherlands, hosted by ESA. The "
    "UAE Space Agency joins the group on 11 May, the first new member since 2007.\n\n"
    "20 October 2019 – Heads of agency meeting at NASA Headquarters, Washington, hosted by "
    "NASA. The Australian Space Agency joins the group."
)


def test_a_chronology_page_entries(reg):
    x = extract(doc(CHRONOLOGY, "2019-11-15"), reg)
    assert [(m.when.value, m.host.key, m.virtual) for m in x.meetings] == [
        ("2007-11-07", "DLR", False),
        ("2016-05-11", "ESA", False),
        ("2019-10-20", "NASA", False),
    ]
    assert {j.agency.key: j.when.value for j in x.joins} == {
        "UAESA": "2016-05-11",
        "ASA": "2019-10-20",
    }


def test_two_days_by_their_weekdays_a_city_as_the_meeting_place_and_who_attended(reg):
    text = (
        "Last Thursday and Friday, Berlin was the meeting place for the agencies of ISECG. The "
        "two-day meeting took place at the DLR Institute of Planetary Research. Delegations from "
        "twelve space agencies attended."
    )
    (m,) = meetings(reg, text, "2007-11-14")
    assert (m.when.value, m.when.end, m.city, m.stated_participants) == (
        "2007-11-08",
        "2007-11-09",
        "Berlin",
        12,
    )


def test_a_meeting_the_next_sentence_denies_is_not_the_groups(reg):
    text = (
        "Readers asked whether the lunar steering committee, which met in Montreal on 1 March "
        "2012, was the ISECG lunar meeting. It was not an ISECG meeting. The two have separate "
        "members."
    )
    assert meetings(reg, text, "2012-04-01") == ()


def test_city_before_a_where_clause_and_host_named_with_as_host(reg):
    (m,) = meetings(
        reg,
        "Last week I was in Tokyo, where the International Space Exploration Coordination Group "
        "held its meeting on 20 May 2008. The sessions ran in a room at the agency's offices, with "
        "the Japan Aerospace Exploration Agency as host.",
        "2008-05-27",
    )
    assert (m.city, m.host.key) == ("Tokyo", "JAXA")


def test_a_line_of_links_to_other_posts_states_no_meeting(reg):
    text = (
        "ISECG agencies met in Rome on 3 May 2016.\n\n"
        "Also on this blog: ISECG heads of agency meet in Berlin (November 2007)\n\n"
        "Read more\n\nISECG met in Ottawa on 2 June 2017"
    )
    assert [m.when.value for m in meetings(reg, text)] == ["2016-05-03"]


def test_yesterday_counts_from_the_publication_day_when_the_dateline_gives_only_its_month(reg):
    (m,) = meetings(
        reg,
        "November 2007\n\nAt a meeting hosted yesterday by DLR in Berlin, delegates formally "
        "established the International Space Exploration Coordination Group (ISECG).",
        "2007-11-07",
    )
    assert (m.when.value, m.host.key, m.city) == ("2007-11-06", "DLR", "Berlin")


def test_a_place_after_at_with_its_state_and_country(reg):
    (m,) = meetings(
        reg,
        "In June 2010, senior managers of twelve ISECG agencies, meeting at National Harbor, "
        "Maryland, USA, agreed to broaden the work.",
        "2012-05-22",
    )
    assert (m.when.value, m.city, m.stated_participants) == ("2010-06", "National Harbor", 12)


def test_a_date_field_over_a_place_field_dates_the_meeting_of_a_record(reg):
    (m,) = meetings(
        reg,
        "ISECG Senior Agency Managers Meeting - Summary Record\n\nDate: 2014-09-30\n\n"
        "Place: Metro Toronto Convention Centre, Toronto, Canada\n\nHost: Canadian Space Agency",
        "2014-10-20",
    )
    assert (m.when.value, m.city, m.host.key) == ("2014-09-30", "Toronto", "CSA")


def test_a_weekday_of_last_week_is_its_day(reg):
    (m,) = meetings(reg, "ISECG senior managers met in Rome last week, on Wednesday.", "2016-05-23")
    assert m.when.value == "2016-05-18"


def test_earlier_this_month_is_bounded_by_the_first_and_the_report(reg):
    (m,) = meetings(
        reg, "ISECG senior managers gathered earlier this month in Cologne, Germany.", "2024-12-18"
    )
    assert (m.when.value, m.when.earliest, m.when.latest) == (None, "2024-12-01", "2024-12-18")


def test_a_timeline_entry_with_its_host_in_brackets_after_the_city(reg):
    found = meetings(
        reg,
        "6 Nov 2007 — First ISECG meeting, in Berlin.\n\n"
        "10–12 Jul 2008 — Second meeting, Montreal (host: Canadian Space Agency).",
        "2018-02-01",
    )
    second = next(m for m in found if m.when.value == "2008-07-10")
    assert (second.city, second.host.key) == ("Montreal", "CSA")


def test_the_city_after_a_long_venue_name_is_the_meetings(reg):
    (m,) = extract(
        doc(
            "Senior managers of 16 agencies held a meeting of the International Space "
            "Exploration Coordination Group (ISECG) at the German Aerospace Center's Space "
            "Administration Conference Centre (DLR-SA) in Bonn, Germany, on 4 April 2017.",
            "2017-04-06",
        ),
        reg,
    ).meetings
    assert (m.when.value, m.city, m.country) == ("2017-04-04", "Bonn", "Germany")


def test_a_place_abbreviation_ends_a_sentence_before_a_sentence_opener():
    from isecg_kg.extract.lexicon import lexicon
    from isecg_kg.extract.text import split_sentences

    text = "They met in Washington, D.C. The U.S. National Space Council attended."
    assert [text[a:b] for a, b, _ in split_sentences(text, lexicon())] == [
        "They met in Washington, D.C.",
        "The U.S. National Space Council attended.",
    ]


@pytest.mark.parametrize(
    "when", ["on Thursday and Friday of last week", "last week, on Thursday and Friday"]
)
def test_weekdays_of_last_week_are_days_of_that_week(reg, when):
    (m,) = extract(
        doc(f"The senior managers of ISECG met by videoconference {when}.", "2020-03-20"), reg
    ).meetings
    assert (m.when.value, m.when.end) == ("2020-03-12", "2020-03-13")  # a Friday's report


def test_a_week_told_beside_the_year_dates_the_meeting_by_the_week(reg):
    text = (
        "Senior managers of ISECG gathered at the headquarters of the Italian Space Agency (ASI) "
        "in Rome earlier this week for the group's first meeting of 2016. ASI hosted the event."
    )
    (m,) = extract(doc(text, "2016-05-27"), reg).meetings
    assert (m.when.value, m.when.earliest, m.when.latest) == (None, "2016-05-23", "2016-05-27")
