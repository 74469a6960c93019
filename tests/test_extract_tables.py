"""Tables: a header row gives each column its role; rows of meetings become meetings."""

from __future__ import annotations

from helpers import doc

from isecg_kg.extract import extract

TABLE = (
    "ISECG meetings\n\n"
    "Senior managers of the participating agencies meet about twice a year. Meetings to date:\n\n"
    "Dates | Location | Host agency | Agencies represented | Remarks\n\n"
    "November 8-9, 2007 | Berlin, Germany | DLR | 12 | Inaugural meeting\n\n"
    "May 20-21, 2008 | Tokyo, Japan | JAXA | 13 | Work plan adopted\n\n"
    "February 24-25, 2009 | Noordwijk, the Netherlands (ESTEC) | ESA | 14 | Chair to ESA\n\n"
    "Week of October 12, 2009 (planned) | Daejeon, Republic of Korea | KARI | - | To be held\n\n"
    "NASA chaired the group until February 2009, when the European Space Agency assumed the "
    "rotating chair at the meeting in Noordwijk."
)


def test_a_table_of_meetings(reg):
    x = extract(doc(TABLE, "2009-09-03"), reg)
    got = [
        (m.when.value, m.when.end, m.city, m.host.key, m.stated_participants, m.venue)
        for m in x.meetings
    ]
    assert sorted(got) == [
        ("2007-11-08", "2007-11-09", "Berlin", "DLR", 12, None),
        ("2008-05-20", "2008-05-21", "Tokyo", "JAXA", 13, None),
        ("2009-02-24", "2009-02-25", "Noordwijk", "ESA", 14, "ESTEC"),
    ]
    # "until February 2009, when ...": the change's month, and so the Noordwijk meeting
    assert [(c.to.key, c.when.value) for c in x.chair_changes] == [("ESA", "2009-02-24")]


def test_a_table_without_a_header_is_no_table(reg):
    text = "November 8-9, 2007 | Berlin, Germany | DLR | 12\n\nMay 20-21, 2008 | Tokyo | JAXA | 13"
    assert extract(doc(text, "2009-09-03"), reg).meetings == ()


def test_a_table_of_the_agencies_that_joined(reg):
    text = (
        "Agencies that joined ISECG after 2007\n\n"
        "Agency | Country | Joined\n\n"
        "UAE Space Agency | United Arab Emirates | May 2016\n\n"
        "Australian Space Agency | Australia | 2019\n\n"
        "Portugal Space | Portugal | June 2021"
    )
    x = extract(doc(text, "2026-01-10"), reg)
    assert {j.agency.key: j.when.value for j in x.joins} == {
        "UAESA": "2016-05",
        "ASA": "2019",
        "PTS": "2021-06",
    }


ROSTER = (
    "The fourth meeting of ISECG took place in Noordwijk on 2-3 December 2009.\n\n"
    "The table below lists the ISECG agencies in alphabetical order and whether each was "
    "represented in Noordwijk.\n\n"
    "Agency | Country | Represented in Noordwijk\n\n"
    "ASI | Italy | Yes\n\nCNSA | China | No\n\nCSA | Canada | Yes\n\nNASA | United States | Yes"
)


def test_an_attendance_table_of_the_members_is_a_roster(reg):
    x = extract(doc(ROSTER, "2009-12-10"), reg)
    (m,) = x.meetings
    assert [a.key for a in m.participants] == ["ASI", "CSA", "NASA"]
    assert [a.key for a in m.absent] == ["CNSA"]
    (ml,) = [ml for ml in x.member_lists if ml.members]
    assert ([a.key for a in ml.members], ml.when.value) == (
        ["ASI", "CNSA", "CSA", "NASA"],
        "2009-12-02",
    )


def test_an_attendance_table_of_guests_is_no_member_list(reg):
    text = ROSTER.replace("the ISECG agencies in alphabetical order", "the invited delegations")
    x = extract(doc(text, "2009-12-10"), reg)
    assert [a.key for a in x.meetings[0].participants] == ["ASI", "CSA", "NASA"]
    assert not [ml for ml in x.member_lists if ml.members]
