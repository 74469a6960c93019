"""Chairmanship: changes (from, to, when, at which meeting) and chairs held."""

from __future__ import annotations

import pytest
from helpers import doc

from isecg_kg.extract import extract


def chairs(reg, text, published=None):
    return extract(doc(text, published), reg).chair_changes


def summary(changes):
    return [
        (c.previous.key if c.previous else None, c.to.key, c.when.value, c.meeting, c.state)
        for c in changes
    ]


MEETING = "ISECG heads of agency met in Paris, France on 10 June 2016. "


@pytest.mark.parametrize(
    "sentence",
    [
        "The chairmanship passed from CNES to KARI.",
        "CNES handed over the ISECG chairmanship to the Korea Aerospace Research Institute.",
        "KARI took over the chair from CNES.",
        "KARI succeeded CNES as ISECG chair.",
        # a plan in the clause after the change is the new chair's, not the change's
        "KARI took over the chairmanship of ISECG from CNES and will lead the group for a year.",
        "CNES handed over the rotating chairmanship to KARI, which will lead the group next.",
    ],
)
def test_changes_at_the_meeting(reg, sentence):
    assert summary(chairs(reg, MEETING + sentence)) == [("CNES", "KARI", "2016-06-10", 0, False)]


def test_a_plan_before_the_agencies_is_still_a_plan(reg):
    assert chairs(reg, MEETING + "The chair, which will pass to KARI, stays with CNES.") == ()


def test_change_with_its_own_date(reg):
    text = "In January 2019, JAXA assumed the ISECG chairmanship from ASI."
    assert summary(chairs(reg, text, "2019-02-01")) == [("ASI", "JAXA", "2019-01", None, False)]


def test_new_chair_without_predecessor_at_undated_meeting(reg):
    (c,) = chairs(
        reg,
        "Today, NASA hosted an ISECG meeting. The rotating chair of the group went to ESA.",
    )
    assert (c.previous, c.to.key, c.meeting, c.state) == (None, "ESA", 0, False)
    assert c.when.value is None


def test_chair_held_is_a_state(reg):
    (c,) = chairs(reg, "CSA, the current ISECG chair, opened the session.", "2021-03-03")
    assert (c.to.key, c.state, c.when.value) == ("CSA", True, "2021-03-03")


def test_meeting_chaired_by(reg):
    (c,) = chairs(reg, MEETING + "The meeting was chaired by CNES.")
    assert (c.to.key, c.state, c.when.value, c.meeting) == ("CNES", True, "2016-06-10", 0)


def test_future_chair_and_other_chairs_are_not_facts(reg):
    text = (
        "ISECG agencies met on 10 June 2016. UKSA will take over the chair next year. The "
        "panel's chair, Dr. Smith, thanked NASA."
    )
    assert chairs(reg, text) == ()


def test_transfer_of_the_chairmanship_noun_form(reg):
    text = MEETING + "The meeting marked the transfer of the chairmanship from ESA to CNES."
    assert summary(chairs(reg, text)) == [("ESA", "CNES", "2016-06-10", 0, False)]


def test_one_change_told_twice_is_one_fact(reg):
    text = MEETING + "KARI takes over the chair. KARI took over the ISECG chair from CNES."
    assert summary(chairs(reg, text)) == [("CNES", "KARI", "2016-06-10", 0, False)]


def test_change_dated_by_the_meeting_not_the_dateline(reg):
    text = (
        "SEOUL, Korea, June 12, 2016 - KARI hosted ISECG senior managers on June 9 and 10 in "
        "Daejeon. During the meeting KARI assumed the chairmanship of the group from CNES."
    )
    assert summary(chairs(reg, text)) == [("CNES", "KARI", "2016-06-09", 0, False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The heads of delegation elected KARI to chair ISECG for two years.",
        "The agencies appointed KARI as the first chair of the group.",
        "The meeting was organised by DLR and KARI, which also took over the forum's rotating "
        "chairmanship, opened the session.",
    ],
)
def test_a_chair_without_a_predecessor(reg, sentence):
    assert summary(chairs(reg, MEETING + sentence)) == [(None, "KARI", "2016-06-10", 0, False)]


def test_outgoing_chair_hands_over(reg):
    text = MEETING + "CNES, the outgoing chair, handed over to KARI at the close of the meeting."
    assert summary(chairs(reg, text)) == [("CNES", "KARI", "2016-06-10", 0, False)]


def test_handed_over_to_an_agency_that_assumes_it(reg):
    text = MEETING + (
        "At the meeting, CNES handed over the chair to the Korea Aerospace Research Institute "
        "(KARI), which assumes the chair for 2016-2017."
    )
    assert summary(chairs(reg, text)) == [("CNES", "KARI", "2016-06-10", 0, False)]


def test_chairmanship_under_which_a_meeting_was_held_is_a_state(reg):
    (c,) = chairs(reg, MEETING + "Under the chairmanship of CNES, the managers agreed a plan.")
    assert (c.to.key, c.state, c.when.value, c.meeting) == ("CNES", True, "2016-06-10", 0)


def test_under_an_agency_without_a_chair_word_is_nothing(reg):
    assert chairs(reg, MEETING + "Under ESA's leadership, the chair of the panel spoke.") == ()
    (c,) = chairs(reg, MEETING + "Under ESA's chairmanship, the managers agreed a plan.")
    assert (c.to.key, c.state) == ("ESA", True)


def test_chair_sentence_with_a_dateline(reg):
    text = (
        "TOKYO, Japan, June 12, 2016 - JAXA took over the ISECG chair from CNES at the ISECG "
        "meeting held in Tokyo on June 9."
    )
    assert summary(chairs(reg, text)) == [("CNES", "JAXA", "2016-06-09", 0, False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The chair moves from CNES to KARI.",
        "The chairmanship now lies with KARI, which takes over from CNES.",
        "The rotating chair passed to KARI, which succeeded CNES.",
        "KARI, which takes over the chair from CNES, thanked the delegates.",
    ],
)
def test_more_ways_to_say_a_change(reg, sentence):
    assert summary(chairs(reg, MEETING + sentence)) == [("CNES", "KARI", "2016-06-10", 0, False)]


def test_relative_clause_dates_its_noun_not_the_change(reg):
    text = (
        "ISECG heads of agency met in Paris, France on 10 June 2016. "
        "The chair rotated to KARI, taking over from CNES, which hosted the first meeting in "
        "Lyon last March."
    )
    assert summary(chairs(reg, text, "2016-06-20")) == [("CNES", "KARI", "2016-06-10", 0, False)]


def test_chair_at_a_meeting_known_to_one_month(reg):
    text = "ISECG agencies met online in the first week of last May. KARI took over the chair."
    (c,) = chairs(reg, text, "2019-06-15")
    assert c.when.value == "2019-05"


def test_chair_held_from_a_meeting_on_began_there(reg):
    text = MEETING + "Since that plenary meeting, the ISECG chair has rested with KARI."
    assert summary(chairs(reg, text)) == [(None, "KARI", "2016-06-10", 0, False)]


def test_a_relative_clause_between_the_outgoing_chair_and_its_verb(reg):
    text = (
        "The ISECG meeting ended on 8 May 2015. JAXA, which had led the group for two years, "
        "handed the chairmanship to CNES."
    )
    assert summary(chairs(reg, text))[0][:3] == ("JAXA", "CNES", "2015-05-08")


def test_handed_over_after_a_clause_naming_the_chair(reg):
    text = (
        "ISECG met in Berlin on 2 April 2017. DLR, which had held the chair since 2016, "
        "passed over to NASA."
    )
    assert summary(chairs(reg, text))[0][:3] == ("DLR", "NASA", "2017-04-02")


def test_a_tenure_stated_with_its_years_began_in_the_first(reg):
    text = "CNES chaired the International Space Exploration Coordination Group from 2014 to 2015."
    assert summary(chairs(reg, text, "2019-01-01")) == [(None, "CNES", "2014", None, False)]


def test_the_outgoing_chair_named_in_the_next_sentence(reg):
    text = (
        "JAXA became the new ISECG chair at the meeting in Tokyo on 4 March 2016. "
        "The transition from NASA was marked by a short ceremony."
    )
    assert summary(chairs(reg, text))[0][:3] == ("NASA", "JAXA", "2016-03-04")


def test_a_date_of_another_event_in_the_sentence_does_not_date_the_change(reg):
    text = (
        "ISECG agencies met by videoconference on Wednesday. The meeting welcomed the roadmap "
        "supplement, published by the group in August, and the rotating chair of the group "
        "passed from the Japan Aerospace Exploration Agency to the Canadian Space Agency."
    )
    assert summary(chairs(reg, text, "2020-09-11")) == [("JAXA", "CSA", "2020-09-09", 0, False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting also saw JAXA assume the rotating ISECG chair, succeeding KARI.",
        "The meeting also marked the passage of the ISECG chairmanship from KARI to JAXA.",
    ],
)
def test_more_wordings_of_a_change_at_the_meeting(reg, sentence):
    assert summary(chairs(reg, MEETING + sentence)) == [("KARI", "JAXA", "2016-06-10", 0, False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chair: JAXA (ISECG Chair since June 2009)",
        "The meeting was opened by JAXA, ISECG chair since June 2009.",
        "JAXA has held the ISECG chair since June 2009.",
        "JAXA has chaired ISECG since June 2009.",
    ],
)
def test_a_tenure_stated_with_its_start_is_a_change_then(reg, sentence):
    assert summary(chairs(reg, sentence, "2010-05-20")) == [(None, "JAXA", "2009-06", None, False)]


def test_a_chair_since_an_undated_time_is_no_change(reg):
    # it says who holds the chair on the report's day, not when the tenure began
    found = chairs(reg, "JAXA has held the ISECG chair since then.", "2010-05-20")
    assert summary(found) == [(None, "JAXA", "2010-05-20", None, True)]


def test_ceded_the_chair(reg):
    text = (
        MEETING + "At the close of the meeting ISRO ceded the chair to the Australian Space Agency."
    )
    assert summary(chairs(reg, text)) == [("ISRO", "ASA", "2016-06-10", 0, False)]


def test_whose_term_ended_passed_the_chair(reg):
    text = (
        MEETING + "The UAE Space Agency, whose term as chair ended at the meeting, passed the "
        "chair to the Indian Space Research Organisation (ISRO)."
    )
    assert summary(chairs(reg, text)) == [("UAESA", "ISRO", "2016-06-10", 0, False)]


def test_held_the_chair_until_a_year_when_it_passed(reg):
    text = "ISECG was founded in 2007. NASA held the chair until 2009, when it passed to ESA."
    assert summary(chairs(reg, text, "2026-01-10")) == [("NASA", "ESA", "2009", None, False)]


def test_chaired_since_a_meeting_dated_after_it(reg):
    text = "ESA, which has chaired ISECG since its meeting in Rome last May, opened the session."
    assert summary(chairs(reg, text, "2016-10-01")) == [(None, "ESA", "2016-05", None, False)]


def test_chaired_since_a_date_when_it_took_over_from_another(reg):
    text = "ESA has chaired ISECG since 20 May 2009, when it took over the chairmanship from JAXA."
    assert summary(chairs(reg, text, "2009-12-10")) == [("JAXA", "ESA", "2009-05-20", None, False)]


def test_a_change_dated_by_its_year_keeps_it_beside_a_meeting_that_year(reg):
    text = (
        "In June 2010, senior managers of twelve ISECG agencies met at National Harbor, Maryland."
        "\n\nIts chairmanship rotates, and NASA, which took over the chair from ESA in 2010, led "
        "the work."
    )
    assert summary(chairs(reg, text, "2012-05-22")) == [("ESA", "NASA", "2010", None, False)]


def test_a_timeline_entry_in_the_present_hands_the_chair_on(reg):
    text = (
        "9 Jan 2014 — A ministerial forum in Washington, not an ISECG meeting.\n\n"
        "30 Sep 2014 — At a meeting of ISECG senior agency managers, the Canadian Space Agency "
        "hands the chair to the European Space Agency."
    )
    (c,) = chairs(reg, text, "2018-02-01")
    assert (c.previous.key, c.to.key, c.when.value) == ("CSA", "ESA", "2014-09-30")


def test_a_day_without_its_year_is_a_day_of_the_meeting(reg):
    text = (
        "On 6 and 7 March 2012 the CSA hosted the ISECG senior managers in Saint-Hubert. On 7 "
        "March, the CSA assumed the rotating chair of ISECG from JAXA for a one-year term."
    )
    assert summary(chairs(reg, text)) == [("JAXA", "CSA", "2012-03-07", 0, False)]


def test_a_change_at_the_close_of_a_meeting_is_on_its_last_day(reg):
    text = (
        "Senior managers of ISECG met November 12-13, 2019 in Luxembourg. At the close of the "
        "meeting, ISRO passed the chair to JAXA."
    )
    assert summary(chairs(reg, text, "2019-11-15")) == [("ISRO", "JAXA", "2019-11-13", 0, False)]


@pytest.mark.parametrize(
    "text",
    [
        "ISECG status. Current chair: JAXA - in office since November 2018, succeeding NASA.",
        "ISECG key facts.\n\nItem | Value\n\nCurrent chair | JAXA, since November 2018 (took "
        "over from NASA)",
    ],
)
def test_a_current_chair_label_with_its_start_and_predecessor(reg, text):
    (c,) = chairs(reg, text, "2019-04-09")
    assert (c.previous.key, c.to.key, c.when.value, c.state) == ("NASA", "JAXA", "2018-11", False)


def test_a_handover_told_before_its_heir(reg):
    text = (
        "The handover from the Canadian Space Agency (CSA) took place during the virtual senior "
        "managers meeting of ISECG on the 10th of June. The managers thanked CSA. ASI, the "
        "group's new chair, presented its priorities."
    )
    changes = chairs(reg, text, "2021-06-11")
    assert [(c.previous and c.previous.key, c.to.key, c.when.value, c.state) for c in changes] == [
        ("CSA", "ASI", "2021-06-10", False)
    ]


def test_thanks_name_the_outgoing_chair_only_for_the_chair(reg):
    held = "Chair: JAXA (ISECG Chair since June 2009)\n\n"
    hosting = chairs(reg, held + "The Chair thanked KARI for hosting the group.", "2010-05-20")
    assert [(c.previous, c.to.key) for c in hosting] == [(None, "JAXA")]
    text = MEETING + "KARI took over the chair. The group thanked CNES for its chairmanship."
    assert summary(chairs(reg, text)) == [("CNES", "KARI", "2016-06-10", 0, False)]


def test_a_report_whose_full_stops_were_lost_in_wrapping_keeps_its_sentences_apart(tmp_path):
    """A PDF export: lines wrapped at a steady width, full stops lost at line ends, words broken
    across lines ("To-" / "ronto", "Eu-" / "ropean"). A line whose capitalised first word would
    have fitted on the line before starts a sentence of its own."""
    from isecg_kg.extract import extract
    from isecg_kg.registry import Registry
    from isecg_kg.sources import load

    text = (
        "ISECG Annual Report\n\n"
        "On 30 September 2014 senior managers of 12 agencies met in To-\n"
        "ronto, Canada, at a meeting hosted by the Canadian Space Agency on the\n"
        "margins of the 65th International Astronautical Congress in that city\n"
        "During the meeting CSA handed over the ISECG Chairmanship to the Eu-\n"
        "ropean Space Agency, which thanked the outgoing chair for its work\n"
        "ESA thus returns to a role it first held from May 2009, when it took\n"
        "over the chair from JAXA\n"
    )
    path = tmp_path / "report.txt"
    path.write_text(text)
    ex = extract(load(path, {"published": "2015-03-27"}), Registry.load())
    assert [m.city for m in ex.meetings] == ["Toronto"]
    changes = {(c.previous.key if c.previous else None, c.to.key) for c in ex.chair_changes}
    assert ("CSA", "ESA") in changes and ("JAXA", "ESA") in changes
