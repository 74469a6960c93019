"""Roadmaps: editions, supplements, publication dates (text or link), announced editions."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import doc

from isecg_kg.document import Link
from isecg_kg.extract import extract


def roadmaps(reg, text, published=None, links=()):
    found = extract(doc(text, published, links), reg).roadmaps
    return [(r.supplement, r.edition, r.published, r.announced, r.expected) for r in found]


def test_fifth_edition_released_today(reg):
    text = "ISECG released the fifth edition of the Global Exploration Roadmap today."
    assert roadmaps(reg, text, "2024-05-15") == [(False, 5, "2024-05-15", False, None)]


def test_year_before_the_title_and_repeated_mentions_are_one_roadmap(reg):
    text = (
        "The 2018 Global Exploration Roadmap was the third edition. The GER sets out a path to "
        "Mars. The roadmap was discussed widely."
    )
    assert roadmaps(reg, text) == [(False, 3, "2018", False, None)]


def test_editions_listed_with_their_dates(reg):
    text = (
        "ISECG released the first edition of the Global Exploration Roadmap in September 2011, the "
        "second in August 2013 and the third iteration in January 2018."
    )
    assert sorted(roadmaps(reg, text)) == [
        (False, 1, "2011-09", False, None),
        (False, 2, "2013-08", False, None),
        (False, 3, "2018-01", False, None),
    ]


def test_announced_edition_with_expected_date(reg):
    text = (
        "Work continues on the upcoming edition of the Global Exploration Roadmap. The update will "
        "reflect new lunar plans. It is scheduled to be published in late 2023."
    )
    assert roadmaps(reg, text) == [(False, None, None, True, "late 2023")]


def test_supplement_dated_by_its_link_when_just_published(reg):
    text = (
        "The agencies welcomed the newly released Global Exploration Roadmap Supplement, which "
        "updates the lunar scenario."
    )
    start = text.index("Global")
    link = Link(
        "Global Exploration Roadmap Supplement",
        "https://example.org/wp-content/uploads/2022/10/GER-supplement.pdf",
        start,
        start + len("Global Exploration Roadmap Supplement"),
    )
    (r,) = extract(doc(text, "2022-11-20", [link]), reg).roadmaps
    assert (r.supplement, r.published, r.url) == (True, "2022-10", link.href)


def test_upload_folder_of_a_link_is_not_used_without_a_publication_cue(reg):
    text = "See the Global Exploration Roadmap for details."
    link = Link(
        "Global Exploration Roadmap", "https://x.org/wp-content/uploads/2020/08/g.pdf", 8, 34
    )
    assert [r[2] for r in roadmaps(reg, text, links=[link])] == [None]


def test_other_roadmaps_are_not_the_ger(reg):
    text = "ISECG met in 2019. NASA presented its technology roadmap, published in 2015."
    assert roadmaps(reg, text) == []


def test_date_after_the_title_and_ordinal_before_it(reg):
    text = (
        "ISECG published the Global Exploration Roadmap Supplement, October 2022. The third "
        "Global Exploration Roadmap remains the reference."
    )
    assert roadmaps(reg, text) == [
        (True, None, "2022-10", False, None),
        (False, 3, None, False, None),
    ]


def test_ordinal_edition_standing_just_before_its_verb(reg):
    text = (
        "The Global Exploration Roadmap came out first in 2011, and the third edition, published "
        "in January 2018, put the Moon first."
    )
    assert (False, 3, "2018-01", False, None) in roadmaps(reg, text)


def test_relative_part_of_the_year(reg):
    text = "ISECG agencies discussed the Global Exploration Roadmap, updated at the beginning of "
    text += "the year, at length."
    assert roadmaps(reg, text, "2019-05-02") == [(False, None, "2019", False, None)]


def test_year_label_of_an_edition(reg):
    text = "ISECG agencies met to review the 2013 version of the Global Exploration Roadmap."
    assert roadmaps(reg, text) == [(False, None, "2013", False, None)]


def test_year_label_refined_by_its_release_day(reg):
    text = "ISECG presented GER 2026 to the press on 12 May in Rome. GER 2026 covers Mars."
    assert roadmaps(reg, text, "2026-05-20") == [(False, None, "2026-05-12", False, None)]


def test_year_label_refined_by_its_upload_folder(reg):
    text = (
        "ISECG agencies discussed the Global Exploration Roadmap. The group drew on the 2020 "
        "Supplement in its work."
    )
    start = text.index("2020 Supplement")
    link = Link(
        "2020 Supplement",
        "https://example.org/wp-content/uploads/2020/08/GER-2020-Supplement.pdf",
        start,
        start + len("2020 Supplement"),
    )
    assert (True, None, "2020-08", False, None) in roadmaps(reg, text, links=[link])


def test_supplement_announced_without_its_title(reg):
    text = (
        "ISECG agencies discussed the Global Exploration Roadmap. Their lunar scenario will be "
        "released as a supplement to the roadmap in 2021."
    )
    assert (True, None, None, True, "2021") in roadmaps(reg, text)


def test_next_version_announced_after_the_roadmap_is_named(reg):
    text = (
        "ISECG published the Global Exploration Roadmap in 2011. Agencies will keep their plans "
        "aligned, and the next edition is due to appear in 2013."
    )
    assert roadmaps(reg, text) == [
        (False, None, "2011", False, None),
        (False, None, None, True, "2013"),
    ]


def test_agency_will_publish_an_update(reg):
    text = "ISECG agencies agreed that ISECG will release an update of the Global Exploration "
    text += "Roadmap in 2027."
    assert roadmaps(reg, text) == [(False, None, None, True, "2027")]


def test_strategy_and_terms_of_reference_are_not_roadmaps(reg):
    text = (
        "The Global Exploration Strategy was released by fourteen agencies in May 2007. ISECG "
        "updated its Terms of Reference in 2023; the new version is available online."
    )
    link = Link("Terms of Reference", "https://x.org/wp-content/uploads/2023/02/tor.pdf", 130, 148)
    assert roadmaps(reg, text, links=[link]) == []


def test_a_year_label_after_publication_is_an_announcement(reg):
    text = "ISECG agencies are preparing the 2026 edition of the Global Exploration Roadmap."
    assert roadmaps(reg, text, "2024-03-01") == [(False, None, None, True, "2026")]


def summary(found):
    return sorted(r[:4] for r in found)


def test_numbered_short_name_and_relative_month(reg):
    found = roadmaps(
        reg,
        "ISECG's GER2 (2013) was followed by GER3, which came out in January last year.",
        "2019-05-01",
    )
    assert summary(found) == [(False, 2, "2013", False), (False, 3, "2018-01", False)]


def test_timeline_entries_date_their_editions(reg):
    text = (
        "March 2016 - The Global Exploration Roadmap gets a new website.\n\n"
        "May 2017 - Fourth edition of the Global Exploration Roadmap.\n\n"
    )
    assert (False, 4, "2017-05", False) in [r[:4] for r in roadmaps(reg, text)]


def test_preparation_is_an_announcement(reg):
    text = (
        "The Global Exploration Roadmap appeared in 2018. "
        "The group is now drafting a supplement to the roadmap."
    )
    assert summary(roadmaps(reg, text, "2019-10-01")) == [
        (False, None, "2018", False),
        (True, None, None, True),
    ]


def test_edition_stated_by_the_sentence(reg):
    found = roadmaps(
        reg, "ISECG's 2020 GER, released last March, was the fourth edition.", "2021-01-10"
    )
    assert summary(found) == [(False, 4, "2020-03", False)]


def test_one_edition_named_several_ways_is_one_roadmap(reg):
    text = (
        "GER4 status. A new roadmap is being drafted. "
        "The fourth edition of the Global Exploration Roadmap is aiming for spring."
    )
    assert [r[:4] for r in roadmaps(reg, text, "2022-01-10")] == [(False, 4, None, True)]


def test_ordinal_in_the_mention_is_an_edition_unless_a_rank(reg):
    text = (
        "The third edition of the Global Exploration Roadmap was published in 2018. "
        "Whether a fourth roadmap follows is open. "
        "It was the first roadmap to mention the Gateway."
    )
    assert sorted(r[1] for r in roadmaps(reg, text, "2019-03-01")) == [3, 4]


def test_a_list_of_editions_and_supplements(reg):
    text = (
        "ISECG issues the Global Exploration Roadmap: 2012, 2015, with supplements in 2017 "
        "and 2019."
    )
    assert sorted(roadmaps(reg, text, "2020-01-10")) == [
        (False, None, "2012", False, None),
        (False, None, "2015", False, None),
        (True, None, "2017", False, None),
        (True, None, "2019", False, None),
    ]


def test_published_yesterday_and_issued_for_the_first_time(reg):
    text = (
        "The agencies yesterday released the Global Exploration Roadmap. The roadmap, published "
        "for the first time, will be revised regularly."
    )
    assert roadmaps(reg, text, "2015-03-10") == [(False, 1, "2015-03-09", False, None)]


def test_first_published_before_the_mention(reg):
    text = "Originally issued in May 2010, the Global Exploration Roadmap was revised last year."
    assert (False, 1, "2010-05", False, None) in roadmaps(reg, text, "2015-03-10")


def test_a_supplement_named_by_its_topic(reg):
    text = (
        "ISECG maintains the Global Exploration Roadmap. Its authors drew on the robotic "
        "science supplement released in March 2021."
    )
    assert (True, None, "2021-03", False, None) in roadmaps(reg, text, "2022-01-10")


def test_earlier_editions_numbered_from_a_later_ordinal(reg):
    text = (
        "The fourth edition of the Global Exploration Roadmap was released in May 2025. "
        "The roadmap builds on the editions published in 2012, 2016 and 2020."
    )
    found = roadmaps(reg, text, "2025-06-01")
    assert sorted((r[2], r[1]) for r in found) == [
        ("2012", 1),
        ("2016", 2),
        ("2020", 3),
        ("2025-05", 4),
    ]


def test_a_passing_mention_is_kept_when_it_is_the_only_one(reg):
    text = "ISECG agencies work on joint products such as the Global Exploration Roadmap."
    assert roadmaps(reg, text, "2020-01-01") == [(False, None, None, False, None)]


def test_the_next_roadmap_is_announced(reg):
    text = "The ISECG agreed that the next Global Exploration Roadmap should cover Mars."
    assert roadmaps(reg, text, "2020-01-01") == [(False, None, None, True, None)]


def test_the_roadmap_named_beside_a_dated_supplement_is_a_roadmap_of_its_own(reg):
    # the gold's convention: a roadmap the report names is a fact even with no date to it
    text = (
        "ISECG released a supplement to the Global Exploration Roadmap in June 2021. "
        "Its products include the Global Exploration Roadmap."
    )
    assert sorted(roadmaps(reg, text, "2021-07-01"), key=str) == [
        (False, None, None, False, None),
        (True, None, "2021-06", False, None),
    ]


def test_announcement_kept_as_a_bare_mention_does_not_crash(reg):
    # This report once raised StopIteration in find_roadmaps: an announced edition that _add
    # kept aside as a bare mention was then looked up among the editions.
    from isecg_kg.extract import extract
    from isecg_kg.sources import load_all

    path = Path(__file__).parent / "eval4" / "docs" / "e4_07_isecg_wp_2019.json"
    [doc] = load_all(path)
    facts = extract(doc, reg)
    assert facts.meetings and facts.roadmaps


def test_today_opening_the_sentence_dates_the_release(reg):
    text = (
        "Today the International Space Exploration Coordination Group (ISECG) released the "
        "fourth edition of its Global Exploration Roadmap (GER 2024)."
    )
    assert roadmaps(reg, text, "2024-05-21") == [(False, 4, "2024-05-21", False, None)]


def test_two_supplements_named_by_their_years(reg):
    text = (
        "The Global Exploration Roadmap 2024 succeeds the third edition, published in January "
        "2018, and the 2020 and 2022 lunar supplements."
    )
    found = roadmaps(reg, text, "2024-05-21")
    assert (True, None, "2020", False, None) in found
    assert (True, None, "2022", False, None) in found


def test_the_publication_in_a_month_of_an_edition(reg):
    text = (
        "The agencies reviewed their plans since the publication in January of the third edition "
        "of the Global Exploration Roadmap. Two agencies joined after the roadmap's publication "
        "in January."
    )
    assert roadmaps(reg, text, "2018-10-05") == [(False, 3, "2018-01", False, None)]


def test_a_publication_in_a_journal_dates_nothing(reg):
    text = (
        "A summary of the Global Exploration Roadmap saw publication in the journal Space Policy."
    )
    assert roadmaps(reg, text, "2018-10-05") == [(False, None, None, False, None)]


def test_released_on_the_occasion_of_the_meeting(reg):
    text = (
        "JAXA hosted the senior managers meeting of ISECG on May 23rd. On the occasion of the "
        "meeting, ISECG released the fourth edition of the Global Exploration Roadmap (GER). "
        "It follows the third edition, published in January 2018, and two supplements on lunar "
        "surface exploration published in August 2020 and in 2022."
    )
    assert sorted(roadmaps(reg, text, "2024-05-29"), key=str) == sorted(
        [
            (False, 4, "2024-05-23", False, None),
            (False, 3, "2018-01", False, None),
            (True, None, "2020-08", False, None),
            (True, None, "2022", False, None),
        ],
        key=str,
    )


def test_presented_at_the_meeting_is_no_release(reg):
    text = (
        "ISECG met in Rome on 3 May 2022. At the meeting NASA presented the Global Exploration "
        "Roadmap to the delegations."
    )
    assert roadmaps(reg, text) == [(False, None, None, False, None)]


def test_unveiled_on_a_weekday(reg):
    text = (
        "The space agencies of ISECG on Thursday unveiled what they called the first edition of a "
        "Global Exploration Roadmap."
    )
    assert roadmaps(reg, text, "2011-09-02") == [(False, 1, "2011-09-01", False, None)]


def test_a_year_before_the_roadmap_word_is_its_publication(reg):
    text = (
        "The agencies discussed the next Global Exploration Roadmap. The 2013 roadmap set out a "
        "path to Mars."
    )
    found = roadmaps(reg, text, "2016-05-23")
    assert (False, None, "2013", False, None) in found


def test_the_release_of_an_edition_dates_the_edition_named_after_it(reg):
    text = (
        "The agencies are preparing a supplement to the Global Exploration Roadmap, the first "
        "product since the release of the third edition of the Global Exploration Roadmap in "
        "January 2018."
    )
    found = roadmaps(reg, text, "2020-03-16")
    assert (False, 3, "2018-01", False, None) in found
    assert not any(supplement and published for supplement, _, published, _, _ in found)


def test_a_date_set_after_an_edition_is_its_publication(reg):
    text = (
        "We review the Global Exploration Roadmap. Its first edition (September 2011) set out two "
        "pathways; the second edition, of August 2013, converged on one."
    )
    found = roadmaps(reg, text, "2017-09-25")
    assert found == [(False, 1, "2011-09", False, None), (False, 2, "2013-08", False, None)]


def test_a_table_of_releases(reg):
    text = (
        "Global Exploration Roadmap\n\nDocument | Released\n\nGER, 1st edition | September 2011"
        "\n\nGER, 3rd edition | January 2018\n\nGER, 4th edition | in preparation, expected 2024"
    )
    found = roadmaps(reg, text, "2024-03-01")
    assert (False, 1, "2011-09", False, None) in found
    assert (False, 3, "2018-01", False, None) in found
    assert [r[:4] for r in found if r[1] == 4] == [(False, 4, None, True)]  # a plan


@pytest.mark.parametrize(
    "after",
    [
        "The roadmap will be released to the public in September 2011.",
        "JAXA contributed to the roadmap through its work on the Kibo module.",
        "The new edition builds on the experience of the agencies.",
    ],
)
def test_a_plan_in_the_clause_of_the_roadmap_named_before_is_no_new_edition(reg, after):
    text = "ISECG released the third edition of the Global Exploration Roadmap today. " + after
    assert roadmaps(reg, text, "2018-01-31") == [(False, 3, "2018-01-31", False, None)]


def test_an_update_to_come_beside_the_one_named_is_announced(reg):
    text = (
        "The agencies discussed the Global Exploration Roadmap Supplement - Lunar Surface "
        "Exploration Scenario Update, published in August 2020, and agreed to prepare a further "
        "update of the lunar scenario, to be published as a new supplement in 2022."
    )
    found = roadmaps(reg, text, "2021-03-26")
    assert (True, None, "2020-08", False, None) in found
    assert [r for r in found if r[3]] == [(True, None, None, True, "2022")]


def test_a_due_date_in_an_actions_table_is_no_publication(reg):
    text = (
        "ISECG met on 26 April 2010. The group endorsed the outline of the Global Exploration "
        "Roadmap.\n\nNo. | Owner | Action | Due\n\n6/01 | All | Comments on Roadmap outline | "
        "31 May 2010"
    )
    assert all(r[2] != "2010-05-31" for r in roadmaps(reg, text, "2010-05-20"))
