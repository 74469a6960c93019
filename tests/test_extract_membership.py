"""Membership: member lists and counts, joins with their dates or bounds."""

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


def test_welcomed_as_new_member_at_a_meeting_is_bounded_by_it(reg):
    found = joins(
        reg,
        "ISECG agencies met in Lisbon, Portugal on 6 May 2022. The group welcomed Portugal Space "
        "as its newest member.",
    )
    j = found["PTS"]
    assert (j.when.value, j.when.latest) == (None, "2022-05-06")


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
