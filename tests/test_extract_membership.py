"""Membership: member lists and counts, joins with their dates or bounds."""

from __future__ import annotations

from pathlib import Path

from helpers import doc

from isecg_kg.document import Document
from isecg_kg.extract import extract


def joins(reg, text, published=None):
    return {j.agency.key: j for j in extract(doc(text, published), reg).joins}


def test_member_list_with_count_as_of_publication(reg):
    (ml,) = extract(
        doc(
            "ISECG currently comprises 5 agencies: NASA (United States), ESA, JAXA (Japan), "
            "NSAU (Ukraine) and BNSC (United Kingdom).",
            "2009-04-01",
        ),
        reg,
    ).member_lists
    assert [a.key for a in ml.members] == ["NASA", "ESA", "JAXA", "SSAU", "UKSA"]
    assert ml.stated_count == 5
    assert ml.when.value == "2009-04-01"


def test_stated_member_count_without_list(reg):
    (ml,) = extract(
        doc("ISECG, which now has 26 member agencies, published a new report today.", "2023-01-10"),
        reg,
    ).member_lists
    assert (ml.stated_count, ml.members) == (26, ())


def test_new_members_are_not_a_member_count(reg):
    e = extract(doc("The roadmap reflects plans of nine new ISECG members.", "2020-09-18"), reg)
    assert e.member_lists == ()


def test_joined_during_a_year(reg):
    found = joins(
        reg,
        "The Mexican Space Agency (AEM) and the Israel Space Agency joined ISECG during 2021.",
        "2022-01-15",
    )
    assert {k: j.when.value for k, j in found.items()} == {"AEM": "2021", "ISA": "2021"}


def test_year_first_then_join(reg):
    found = joins(
        reg, "In 2019, the Luxembourg Space Agency became a member of ISECG.", "2020-02-02"
    )
    assert found["LSA"].when.value == "2019"


def test_welcomed_as_new_member_at_a_meeting_joined_there(reg):
    found = joins(
        reg,
        "ISECG agencies met in Lisbon, Portugal on 6 May 2022. The group welcomed Portugal Space "
        "as its newest member.",
    )
    j = found["PTS"]
    assert (j.when.value, j.when.latest) == ("2022-05-06", None)


def test_joined_since_an_earlier_meeting(reg):
    found = joins(
        reg,
        "ISECG senior managers convened virtually on 14 October 2021. Delegates welcomed the new "
        "members from Mexico (AEM) and Israel (ISA), which joined ISECG since the previous "
        "senior managers meeting in April, bringing membership to 26 agencies.",
    )
    assert set(found) == {"AEM", "ISA"}
    w = found["ISA"].when
    assert (w.earliest, w.latest) == ("2021-04", "2021-10-14")
    (ml,) = extract(
        doc("ISECG met on 14 October 2021, bringing membership to 26."), reg
    ).member_lists
    assert ml.stated_count == 26 and ml.when.value == "2021-10-14"


def test_ordinal_member_with_date(reg):
    found = joins(
        reg, "The Swiss Space Office became the 21st member of ISECG in March 2018.", "2018-05-01"
    )
    assert (found["SSO"].ordinal, found["SSO"].when.value) == (21, "2018-03")


def test_future_membership_is_not_a_join(reg):
    assert (
        joins(
            reg,
            "The Korea AeroSpace Administration will become the 27th member of ISECG.",
            "2024-06-01",
        )
        == {}
    )


def test_joining_a_meeting_is_not_joining_the_group(reg):
    text = "ISECG agencies met online on 3 March 2021. KARI joined the meeting from Daejeon."
    assert joins(reg, text) == {}


def test_member_since_and_welcomed_over_the_past_year(reg):
    found = joins(reg, "CSIRO has been an ISECG member since 2007.", "2019-01-20")
    assert found["CSIRO"].when.value == "2007"
    found = joins(
        reg,
        "During the last year, ISECG has welcomed the Polish Space Agency (POLSA) and the "
        "Mohammed Bin Rashid Space Centre (MBRSC).",
        "2020-02-10",
    )
    w = found["MBRSC"].when
    assert (w.value, w.earliest, w.latest) == (None, "2019-02-10", "2020-02-10")


def members(reg, text, published=None):
    return extract(doc(text, published), reg).member_lists


def test_member_list_stated_as_current_is_dated_by_its_meeting(reg):
    (ml,) = members(
        reg,
        "ISECG senior managers met in Lisbon on 6 May 2022. After the meeting, the group's "
        "members are now: ASI (Italy), ESA (Europe) and PTS (Portugal).",
        "2022-05-20",
    )
    assert [a.key for a in ml.members] == ["ASI", "ESA", "PTS"]
    assert ml.when.value == "2022-05-06"


def test_member_list_not_stated_as_current_is_dated_by_publication(reg):
    (ml,) = members(
        reg,
        "ISECG met in Ottawa on 4 April 2017. The eight member agencies of ISECG are: the "
        "Brazilian Space Agency, the French space agency CNES, Australia's CSIRO, Thailand's "
        "GISTDA, the UAE's Mohammed Bin Rashid Space Centre (MBRSC), NASA, Luxembourg's space "
        "agency and the UK Space Agency (UKSA).",
        "2017-04-20",
    )
    assert [a.key for a in ml.members] == [
        "AEB",
        "CNES",
        "CSIRO",
        "GISTDA",
        "MBRSC",
        "NASA",
        "LSA",
        "UKSA",
    ]
    # the present tense of a report on a meeting speaks of the meeting's day (no later than
    # the report's): the members were members then
    assert ml.when.value == "2017-04-04"


def test_member_count_introducing_its_list_and_a_label(reg):
    (ml,) = members(
        reg,
        "ISECG currently has 4 member agencies: ASI (Italy), CNES (France), JAXA (Japan) and "
        "NASA (United States).",
        "2012-01-05",
    )
    assert ([a.key for a in ml.members], ml.stated_count) == (["ASI", "CNES", "JAXA", "NASA"], 4)
    (ml,) = members(
        reg,
        "ISECG member agencies:\n\n- Brazilian Space Agency (AEB)\n\n- NASA\n\n- UK Space Agency",
        "2020-01-01",
    )
    assert [a.key for a in ml.members] == ["AEB", "NASA", "UKSA"]


def test_part_of_the_counted_members_listed(reg):
    found = members(
        reg,
        "ISECG brings together 20 space agencies. Of these, five led the work on the roadmap: "
        "ASI, CNES, DLR, ESA and NASA.",
        "2018-02-01",
    )
    assert [(ml.stated_count, [a.key for a in ml.members]) for ml in found] == [
        (20, []),
        (None, ["ASI", "CNES", "DLR", "ESA", "NASA"]),
    ]


def test_a_subset_without_membership_before_it_is_not_a_member_list(reg):
    text = (
        "Twenty agencies met in Bonn to discuss the ISECG roadmap. Five of them led the work: "
        "ASI, CNES, DLR, ESA and NASA."
    )
    assert members(reg, text, "2018-02-01") == ()


def test_join_with_its_object_left_out_beside_a_join(reg):
    found = joins(
        reg,
        "The Norwegian Space Agency joined ISECG in September. Poland's space agency, which "
        "joined in 2018 too, also attended.",
        "2019-11-14",
    )
    assert {k: j.when.value for k, j in found.items()} == {"NOSA": "2019-09", "POLSA": "2018"}


def test_join_with_its_object_left_out_alone_is_not_a_join(reg):
    text = (
        "ISECG met in Paris on 3 May 2019. The Norwegian Space Agency, which joined in 2017, spoke."
    )
    assert joins(reg, text, "2019-05-14") == {}


def test_since_the_previous_meeting_in_a_month_is_the_last_such_month(reg):
    found = joins(
        reg,
        "ISECG agencies met by videoconference on 2 February 2022. The Romanian Space Agency "
        "(ROSA) has joined since the previous meeting in November.",
        "2022-02-10",
    )
    w = found["ROSA"].when
    assert (w.earliest, w.latest) == ("2021-11", "2022-02-02")


def test_became_the_nth_member_in_a_month(reg):
    found = joins(
        reg,
        "ISECG held its annual meeting online on 15 December 2021. The Swiss Space Office, which "
        "became the 22nd member in March 2021, presented its plans at the meeting.",
        "2021-12-20",
    )
    assert (found["SSO"].when.value, found["SSO"].ordinal) == ("2021-03", 22)


def test_present_tense_member_since_and_approved_membership(reg):
    found = joins(reg, "The Polish Space Agency (POLSA) officially joins ISECG.", "2019-02-15")
    assert found["POLSA"].when.latest == "2019-02-15"
    found = joins(
        reg, "The Luxembourg Space Agency, an ISECG member since 2019, spoke.", "2021-02-15"
    )
    assert found["LSA"].when.value == "2019"
    found = joins(
        reg,
        "At the meeting on 3 May 2022 in Lisbon, ISECG approved the membership of the New Zealand "
        "Space Agency.",
    )
    assert found["NZSA"].when.value == "2022-05-03"
    assert joins(reg, "Vietnam's VNSC joins ISECG next year.", "2024-10-16") == {}


# --- Joins said without their object, with weak verbs, dated by their report or entry ---------


def test_join_verbs_that_need_the_membership_in_view(reg):
    found = joins(
        reg,
        "ISECG membership keeps growing. The Polish Space Agency came on board in May, and "
        "Portugal Space signed up as a member in the autumn of last year.",
        "2021-09-15",
    )
    assert found["POLSA"].when.value == "2021-05"
    assert "PTS" in found


def test_weak_join_verbs_without_membership_in_view_are_not_joins(reg):
    found = joins(
        reg,
        "ISECG published its roadmap. The request from NASA came in last year, and ESA signed "
        "on to the statement in May.",
        "2021-09-15",
    )
    assert found == {}


def test_elided_join_in_a_paragraph_about_newcomers(reg):
    found = joins(
        reg,
        "ISECG met in Paris on 4 October 2022. Two newcomers: the Mexican Space Agency, which "
        "was admitted in February, and the Israel Space Agency, which joined back in 2021.",
        "2022-10-10",
    )
    assert found["AEM"].when.value == "2022-02"
    assert found["ISA"].when.value == "2021"


def test_participle_admitted_after_a_name(reg):
    found = joins(
        reg,
        "The ISECG members welcomed Norway's NOSA, admitted into the group in January, at the "
        "meeting.",
        "2020-03-01",
    )
    assert found["NOSA"].when.value == "2020-01"


def test_plural_present_join_in_a_dated_timeline_entry(reg):
    found = joins(
        reg,
        "ISECG milestones\n\n2018 - ASA and LSA join; the membership grows to 19.\n\n"
        "2019 - NOSA joins the group.",
        "2021-01-01",
    )
    assert {k: j.when.value for k, j in found.items()} == {
        "ASA": "2018",
        "LSA": "2018",
        "NOSA": "2019",
    }


def test_invited_to_join_is_not_a_join(reg):
    found = joins(reg, "ISECG invited AEM and ISA to join at its next meeting.", "2021-01-01")
    assert found == {}


def test_join_since_our_previous_meeting_is_bounded_by_the_meeting_reported(reg):
    found = joins(
        reg,
        "ISECG senior managers met in Montreal on 6 June 2023. The group grew to 28 members "
        "with the accession of VNSC, approved since our previous meeting in October 2022.",
        "2023-06-20",
    )
    w = found["VNSC"].when
    assert (w.value, w.earliest, w.latest) == (None, "2022-10", "2023-06-06")


# --- Member lists: partial, stated with an event, the attendance of all members ---------------


def test_partial_member_list_after_a_dated_membership_event(reg):
    ex = extract(
        doc(
            "On 2 March 2020 ISECG admitted AEB, bringing its membership to 21 agencies. The "
            "group counts agencies such as NASA, ESA and JAXA among its members.",
            "2020-03-05",
        ),
        reg,
    )
    lists_ = [ml for ml in ex.member_lists if ml.members]
    (ml,) = lists_
    assert [a.key for a in ml.members] == ["NASA", "ESA", "JAXA"]
    assert ml.when.value == "2020-03-02"
    (count,) = [ml for ml in ex.member_lists if ml.stated_count == 21]
    assert count.when.value == "2020-03-02"


def test_all_members_attended_is_both_attendance_and_membership(reg):
    ex = extract(
        doc(
            "ISECG met in Rome on 12 May 2015. All 4 member agencies were represented:\n\n"
            "NASA, ESA,\n\nJAXA\n\n...and also the newest member, KARI, admitted last month.",
            "2015-05-20",
        ),
        reg,
    )
    (m,) = ex.meetings
    assert [a.key for a in m.participants] == ["NASA", "ESA", "JAXA", "KARI"]
    (ml,) = ex.member_lists
    assert [a.key for a in ml.members] == ["NASA", "ESA", "JAXA", "KARI"]
    assert (ml.when.value, ml.stated_count) == ("2015-05-12", 4)


def test_all_members_counted_without_a_list(reg):
    ex = extract(
        doc("ISECG met online on 3 June 2021; all 26 member agencies logged on.", "2021-06-04"),
        reg,
    )
    (ml,) = ex.member_lists
    assert (ml.members, ml.stated_count, ml.when.value) == ((), 26, "2021-06-03")


def test_acceded_and_a_membership_approved_in_the_passive(reg):
    found = joins(
        reg,
        "ISECG news. KASA acceded to ISECG last year. The membership application of NZSA was "
        "formally approved in May.",
        "2022-06-01",
    )
    assert (found["KASA"].when.value, found["NZSA"].when.value) == ("2021", "2022-05")


def test_newcomers_named_under_a_label(reg):
    found = joins(
        reg, "ISECG update. Newcomers this year: the Israel Space Agency and LSA.", "2022-06-01"
    )
    assert sorted(found) == ["ISA", "LSA"]
    assert found["ISA"].when.latest == "2022-06-01"


def test_member_heading_over_a_list_is_a_member_list(reg):
    ex = extract(doc("About ISECG\n\nOur members\n\nNASA\n\nESA\n\nJAXA", "2022-06-01"), reg)
    (ml,) = ex.member_lists
    assert [a.key for a in ml.members] == ["NASA", "ESA", "JAXA"]
    assert ml.when.value == "2022-06-01"
    assert ex.meetings == ()


def test_joining_a_discussion_in_a_membership_paragraph_is_not_a_join(reg):
    found = joins(
        reg,
        "ISECG membership grew again. NASA joined in the discussion on Mars, and CNES joined "
        "the working group on lunar surface operations. ESA joined in 2019.",
        "2022-06-01",
    )
    assert list(found) == ["ESA"]


def test_join_bounded_by_a_meeting_known_only_by_its_bounds(reg):
    found = joins(
        reg,
        "Last week the ISECG senior managers met online. The newcomers: POLSA, which joined "
        "since the previous meeting in March, took part.",
        "2021-10-22",
    )
    w = found["POLSA"].when
    assert (w.value, w.earliest, w.latest) == (None, "2021-03", "2021-10-17")


def test_the_group_admitting_an_agency_and_the_newest_member_having_joined(reg):
    found = joins(
        reg,
        "ISECG met on 4 May 2022. In March, the group admitted the Swiss Space Office. The "
        "Polish Space Agency is the group's newest member, having joined in April.",
        "2022-05-10",
    )
    assert (found["SSO"].when.value, found["POLSA"].when.value) == ("2022-03", "2022-04")


def test_an_agency_owning_what_the_group_accepted_did_not_join(reg):
    found = joins(
        reg,
        "ISECG met on 4 May 2022. ISECG accepted NASA's proposal for a study, and the group "
        "welcomed the European Space Agency's (ESA) offer to host.",
        "2022-05-10",
    )
    assert found == {}


def test_timeline_entries_under_a_year_line(reg):
    ex = extract(
        doc(
            "ISECG milestones\n\n2016\n\nThe UAE Space Agency joins as the 15th member.\n\n2018\n\n"
            "ASA and LSA join; membership grows to 19 agencies.",
            "2021-01-01",
        ),
        reg,
    )
    assert {j.agency.key: (j.when.value, j.ordinal) for j in ex.joins} == {
        "UAESA": ("2016", 15),
        "ASA": ("2018", None),
        "LSA": ("2018", None),
    }
    (count,) = ex.member_lists
    assert (count.stated_count, count.when.value) == (19, "2018")


def test_agencies_participating_in_the_group_label_a_member_list(reg):
    e = extract(
        doc(
            "The study draws on the input of eight of the agencies participating in ISECG: "
            "NASA (United States), JAXA (Japan) and DLR (Germany).",
            "2012-02-01",
        ),
        reg,
    )
    (ml,) = e.member_lists
    assert [a.key for a in ml.members] == ["NASA", "JAXA", "DLR"]
    assert e.meetings == ()


def test_pronoun_subject_joins_as_the_agency_named_before(reg):
    found = joins(
        reg,
        "The Polish Space Agency attended for the first time. It joined ISECG in March 2017.",
        "2017-06-01",
    )
    assert found["POLSA"].when.value == "2017-03"


def test_joined_since_an_earlier_date_gives_the_lower_bound(reg):
    found = joins(
        reg,
        "POLSA was founded on 26 September 2014 and has since joined ISECG.",
        "2017-06-01",
    )
    assert (found["POLSA"].when.earliest, found["POLSA"].when.latest) == (
        "2014-09-26",
        "2017-06-01",
    )


def test_joined_this_year_is_bounded_by_the_year_start(reg):
    found = joins(
        reg, "ISECG welcomed LSA and POLSA, all of which joined the group this year.", "2019-11-02"
    )
    assert (found["LSA"].when.earliest, found["LSA"].when.latest) == ("2019-01-01", "2019-11-02")


def test_membership_effective_date_in_the_next_sentence_and_the_list_it_dates(reg):
    e = extract(
        doc(
            "ISECG announced that Portugal Space has become a member of the group. Its "
            "membership became effective on 12 February.\n\n"
            "Following the admission of Portugal Space, ISECG now has 3 member agencies: "
            "NASA, ESA and Portugal Space.",
            "2020-02-20",
        ),
        reg,
    )
    (j,) = e.joins
    assert (j.agency.key, j.when.value) == ("PTS", "2020-02-12")
    (ml,) = e.member_lists
    assert ml.when.value == "2020-02-12"


def test_counted_subject_with_its_agencies_after_a_colon(reg):
    text = (
        "On 20 October 2019 ISECG senior managers met in Washington. The senior managers "
        "welcomed two agencies that became members of ISECG earlier this year: the Luxembourg "
        "Space Agency (LSA) and the Polish Space Agency (POLSA)."
    )
    joins = extract(doc(text, published="2019-10-25"), reg).joins
    assert [(j.agency.key, j.when.earliest, j.when.latest) for j in joins] == [
        ("LSA", "2019-01-01", "2019-10-20"),
        ("POLSA", "2019-01-01", "2019-10-20"),
    ]


def test_a_counted_subject_that_did_something_else_is_no_join(reg):
    text = (
        "On 20 October 2019 ISECG senior managers met in Washington. Two agencies attended for "
        "the first time: LSA and POLSA."
    )
    assert not extract(doc(text, published="2019-10-25"), reg).joins


def test_a_current_member_list_beside_an_undated_meeting_is_as_of_publication(reg):
    text = (
        "The membership was approved at the group's meeting hosted by ESA in Noordwijk. The "
        "Hope probe is due to reach Mars in 2021.\n\n"
        "With the new member, ISECG now comprises the following agencies:\n\n"
        "ASI\n\nItalian Space Agency, Italy\n\nNASA\n\nUAESA"
    )
    (ml,) = extract(doc(text, "2016-05-15"), reg).member_lists
    assert [a.key for a in ml.members] == ["ASI", "NASA", "UAESA"]
    assert ml.when.value == "2016-05-15" and "publication" in ml.when.note


def test_a_headed_table_of_participating_agencies_as_at_a_date(reg, tmp_path):
    """ "PART IV -- ISECG PARTICIPATING AGENCIES (as at 27 April 2010)" over a table of names
    and countries: the group's members on the date the heading states, not the release's."""
    from isecg_kg.sources import load

    path = tmp_path / "summary.txt"
    path.write_text(
        "International Space Exploration Coordination Group\n\n"
        "Prepared by the ISECG Secretariat, 20 May 2010\n\n"
        "PART IV -- ISECG PARTICIPATING AGENCIES (as at 27 April 2010)\n\n"
        "  Agenzia Spaziale Italiana (ASI)                                 Italy\n"
        "  Commonwealth Scientific and Industrial Research Organisation    Australia\n"
        "  Russian Federal Space Agency (Roscosmos)                        Russia\n"
        "  UK Space Agency (UKSA)                                          United Kingdom\n\n"
        "-- END --\n"
    )
    (ml,) = extract(load(path), reg).member_lists
    assert [a.key for a in ml.members] == ["ASI", "CSIRO", "Roscosmos", "UKSA"]
    assert ml.when.value == "2010-04-27"


def test_a_join_told_of_a_name_the_registry_glosses(reg):
    text = (
        "With Switzerland, ISECG now counts 20 member agencies. The Luxemburgische "
        "Weltraumagentur (Luxembourg Space Agency) joined earlier this year."
    )
    assert list(joins(reg, text, "2019-04-12")) == ["LSA"]


def test_a_relative_join_date_gives_way_to_the_month_set_beside_it(reg):
    (join,) = joins(
        reg,
        "With Switzerland, ISECG now counts 20 member agencies. The Luxembourg Space Agency "
        "joined earlier this year, in January.",
        "2019-04-12",
    ).values()
    assert join.when.value == "2019-01"


def test_a_join_with_what_the_agency_is_part_of_between_subject_and_verb(reg):
    (join,) = joins(
        reg,
        "The Vietnam National Space Center, part of the Vietnam Academy of Science and "
        "Technology, joined ISECG in August, becoming the group's 28th member agency.",
        "2023-10-06",
    ).values()
    assert (join.agency.key, join.when.value) == ("VNSC", "2023-08")


def test_welcomed_in_the_meetings_story_joined_at_the_meeting(reg):
    text = (
        "ISECG senior managers met in Baku on Sunday. Two decisions stood out. The Vietnam "
        "National Space Center was welcomed as the group's newest member. At the same meeting "
        "the group admitted the Mexican Space Agency (AEM)."
    )
    found = joins(reg, text, "2023-10-05")
    assert {k: j.when.value for k, j in found.items()} == {
        "VNSC": "2023-10-01",
        "AEM": "2023-10-01",
    }


def test_welcomed_to_a_meeting_is_not_a_join_there(reg):
    text = (
        "ISECG senior managers met in Milan on 14 October 2024. The group welcomed the Korea "
        "AeroSpace Administration (KASA) to its first ISECG meeting. KASA was established on "
        "27 May 2024 and has since joined ISECG."
    )
    (j,) = joins(reg, text, "2024-10-20").values()
    assert (j.when.value, j.when.earliest, j.when.latest) == (None, "2024-05-27", "2024-10-14")


def test_members_are_the_agencies_that_did_something(reg):
    text = (
        "That forum is ISECG. Its members are the fourteen agencies that drew up the framework "
        "document: the Italian Space Agency (ASI), the British National Space Centre (BNSC), "
        "CNES and NASA."
    )
    (ml,) = members(reg, text, "2007-11-14")
    assert [a.key for a in ml.members] == ["ASI", "UKSA", "CNES", "NASA"]


def test_the_senior_managers_admitted_two_agencies(reg):
    text = (
        "The senior managers of ISECG met by videoconference on 10 June 2021. At the same meeting "
        "the senior managers admitted Portugal Space and the Mexican Space Agency (AEM)."
    )
    found = joins(reg, text, "2021-06-11")
    assert {k: j.when.value for k, j in found.items()} == {"PTS": "2021-06-10", "AEM": "2021-06-10"}


def test_guests_welcomed_to_the_meeting_did_not_join(reg):
    text = (
        "ISECG met in Rome on 3 May 2022. The group welcomed ESA and JAXA to the "
        "meeting. The group welcomed POLSA as its newest member."
    )
    assert list(joins(reg, text)) == ["POLSA"]


def test_an_annex_of_the_membership_as_at_a_day_in_capitals(reg):
    text = (
        "The group met in London on 12 May 2016.\n\n"
        "ANNEX A - ISECG MEMBERSHIP AS AT 13 MAY 2016\n\n"
        "ASI (Italy), CNES (France), CNSA (China), UKSA (United Kingdom)."
    )
    (ml,) = members(reg, text, "2016-05-20")
    assert (ml.when.value, [a.key for a in ml.members]) == (
        "2016-05-13",
        ["ASI", "CNES", "CNSA", "UKSA"],
    )


def test_a_date_after_the_join_verb_wins_over_one_opening_the_sentence(reg):
    got = joins(reg, "Established in May, KASA joined ISECG in October.", "2024-12-18")
    assert got["KASA"].when.value == "2024-10"


def test_joined_late_last_year_is_a_part_of_the_year_before_the_report(reg):
    got = joins(
        reg,
        "The meeting was the first since the UAE Space Agency became the fifteenth member of "
        "ISECG late last year.",
        "2016-05-23",
    )
    when = got["UAESA"].when
    assert (when.value, when.earliest, when.latest) in {
        ("2015", None, None),
        (None, "2015-09", "2015-12"),
        (None, "2015-09-01", "2015-12-31"),
    }


def test_agencies_that_followed_a_join_joined_too(reg):
    found = joins(
        reg,
        "The Israel Space Agency joined ISECG in March; the Polish Space Agency and Portugal "
        "Space followed in June.",
        "2017-10-01",
    )
    assert {k: j.when.value for k, j in found.items()} == {
        "ISA": "2017-03",
        "POLSA": "2017-06",
        "PTS": "2017-06",
    }


def test_followed_without_a_join_before_is_not_a_join(reg):
    found = joins(
        reg,
        "NASA presented its lunar plans to the ISECG members; ESA followed with a report.",
        "2017-10-01",
    )
    assert found == {}


def test_joined_in_a_year_after_a_dated_event_is_bounded_by_both(reg):
    found = joins(
        reg,
        "POLSA and PTS became members of ISECG during 2021, after the agencies met online in "
        "February.",
        "2022-01-10",
    )
    for key in ("POLSA", "PTS"):
        when = found[key].when
        assert (when.value, when.earliest, when.latest) == (None, "2021-02", "2021")


def test_joined_since_the_group_last_met_is_after_that_meeting(reg):
    found = joins(
        reg,
        "The Mexican Space Agency has joined ISECG since the heads of agency last met in June "
        "2021.",
        "2022-03-01",
    )
    when = found["AEM"].when
    assert (when.value, when.earliest, when.latest) == (None, "2021-06", "2022-03-01")


def test_became_its_nth_member(reg):
    found = joins(
        reg,
        "ISECG met in Rome last week. It was the group's first meeting since the Israel Space "
        "Agency became its sixteenth member late last year.",
        "2017-05-23",
    )
    assert found["ISA"].when.value == "2016"


def test_a_full_member_and_one_accepted_at_the_same_meeting(reg):
    found = joins(
        reg,
        "The Norwegian Space Centre signed ISECG's terms of reference in February. It became a "
        "full member on 7 March, when the senior managers accepted the application at their "
        "meeting in Washington, D.C. The Polish Space Agency was accepted at the same meeting.",
        "2019-03-12",
    )
    assert {k: j.when.value for k, j in found.items()} == {
        "NOSA": "2019-03-07",
        "POLSA": "2019-03-07",
    }


def test_a_long_agency_name_does_not_push_the_join_date_away(reg):
    found = joins(
        reg,
        "We trace the growth of ISECG. The admission of the United Arab Emirates Space Agency in "
        "October 2015 was the first enlargement since the founding.",
        "2017-09-25",
    )
    assert found["UAESA"].when.value == "2015-10"


def test_all_members_counted_and_listed_at_a_meeting_are_the_members_then(reg):
    e = extract(
        doc(
            "The ISECG senior managers met in Washington, DC on 29-30 March 2017. All five "
            "members were represented at that meeting: ASI, CNES, CSA, ESA and NASA.",
            "2017-09-25",
        ),
        reg,
    )
    (ml,) = e.member_lists
    assert (ml.when.value, [a.key for a in ml.members]) == (
        "2017-03-29",
        ["ASI", "CNES", "CSA", "ESA", "NASA"],
    )
    (m,) = e.meetings
    assert (m.stated_participants, len(m.participants)) == (5, 5)


def test_the_agency_is_the_publishers_or_the_first_agency_the_text_names(reg):
    report = Document(
        id="r",
        path=Path("r.txt"),
        kind="text",
        text="The Agency's admission as the fifteenth member of ISECG took effect on the 5th of "
        "October 2015.",
        paragraphs=(),
        publisher="UAE SPACE AGENCY",
        published="2017-04",
    )
    assert {j.agency.key: j.when.value for j in extract(report, reg).joins} == {
        "UAESA": "2015-10-05"
    }
    answer = doc(
        "The UK Space Agency takes part in ISECG. Officials of the Agency attended the ISECG "
        "meeting in Longueuil on 24 May 2023, hosted by the Canadian Space Agency.",
        "2023-06-13",
    )
    (m,) = extract(answer, reg).meetings
    assert "UKSA" in [a.key for a in m.participants]


def test_an_application_endorsed_and_an_admission_that_took_effect(reg):
    found = joins(
        reg,
        "The UAE Space Agency's application was endorsed by the ISECG agencies in the autumn of "
        "2015, and its admission as the fifteenth member of the Group took effect on the 5th of "
        "October 2015.",
        "2017-04",
    )
    assert found["UAESA"].when.value == "2015-10-05"


def test_a_list_after_a_colon_takes_the_role_the_words_before_it_give(reg):
    found = joins(
        reg,
        "ISECG now has 22 members. They follow three agencies that became members in the course "
        "of 2019, after the senior managers met in Noordwijk last March: the Australian Space "
        "Agency (ASA), the Romanian Space Agency (ROSA) and the Swiss Space Office (SSO).",
        "2020-03-01",
    )
    assert {k: (j.when.earliest, j.when.latest) for k, j in found.items()} == {
        "ASA": ("2019-03", "2019"),
        "ROSA": ("2019-03", "2019"),
        "SSO": ("2019-03", "2019"),
    }


def test_new_members_after_a_colon_joined(reg):
    found = joins(
        reg,
        "The ISECG senior managers met online on 30 November 2021. They welcomed three new "
        "members: the Mexican Space Agency (AEM), Portugal Space (PTS) and the New Zealand Space "
        "Agency (NZSA), which have joined ISECG since the managers last met in September 2020.",
        "2021-12-03",
    )
    assert {k: (j.when.earliest, j.when.latest) for k, j in found.items()} == {
        "AEM": ("2020-09", "2021-11-30"),
        "PTS": ("2020-09", "2021-11-30"),
        "NZSA": ("2020-09", "2021-11-30"),
    }


def test_a_join_at_the_same_meeting_takes_its_date(reg):
    found = joins(
        reg,
        "The ISECG senior managers met online on the 10th of June. Representatives of 22 agencies "
        "connected. The managers thanked CSA for its chairmanship. At the same meeting the senior "
        "managers admitted Portugal Space and the Mexican Space Agency (AEM).",
        "2021-06-11",
    )
    assert {k: j.when.value for k, j in found.items()} == {"PTS": "2021-06-10", "AEM": "2021-06-10"}


def test_comprises_n_participating_agencies_is_the_membership_not_an_attendance():
    import tempfile
    from pathlib import Path

    from isecg_kg.extract import extract
    from isecg_kg.registry import Registry
    from isecg_kg.sources import load

    text = (
        "ISECG Annual Report\n\nOn 30 September 2014 managers of 3 agencies (ASI, CNES and NASA)"
        " met in Toronto.\n\nAt the date of this report ISECG comprises 4 participating agencies:"
        "\n\nASI\nCNES\nNASA\nJAXA\n"
    )
    path = Path(tempfile.mkdtemp()) / "r.txt"
    path.write_text(text)
    ex = extract(load(path, {"published": "2015-03-27"}), Registry.load())
    assert [sorted(a.key for a in m.participants) for m in ex.meetings] == [["ASI", "CNES", "NASA"]]
    assert sorted(a.key for ml in ex.member_lists for a in ml.members) == [
        "ASI",
        "CNES",
        "JAXA",
        "NASA",
    ]
