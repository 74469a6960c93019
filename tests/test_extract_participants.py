"""Who took part in a meeting: lists in every shape, absentees, unknown agencies, member lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from isecg_kg.document import Document
from isecg_kg.extract import extract
from isecg_kg.facts import AgencyRef
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


def keys(refs) -> list[str]:
    return [r.key for r in refs]


def only_meeting(reg, text, published=None):
    (m,) = extract(doc(text, published), reg).meetings
    return m


def test_acronyms_with_countries_and_an_absent_note(reg):
    m = only_meeting(
        reg,
        "ISECG agencies met in Seoul, Korea on 12 April 2016. Participants were: CNES (France), "
        "KARI (Republic of Korea), NASA (USA), JAXA (absent) and DLR (Germany).",
    )
    assert keys(m.participants) == ["CNES", "KARI", "NASA", "DLR"]
    assert keys(m.absent) == ["JAXA"]
    assert m.participant_evidence.sentence.startswith("Participants were")


def test_list_grouped_by_region(reg):
    m = only_meeting(
        reg,
        "ISECG heads of agency convened on 14 May 2016. Participants came from Europe (ESA, CNES, "
        "DLR), Asia (ISRO, JAXA, KARI) and the Americas (NASA, CSA).",
    )
    assert keys(m.participants) == ["ESA", "CNES", "DLR", "ISRO", "JAXA", "KARI", "NASA", "CSA"]


def test_full_names_slash_pairs_and_country_names(reg):
    m = only_meeting(
        reg,
        "On 2 March 2021 the ISECG meeting was attended by representatives of the Italian Space "
        "Agency (ASI), Australian Space Agency (ASA)/Commonwealth Scientific and Industrial "
        "Research Organisation (CSIRO), Brazil (AEB), Thailand and the Deutsches Zentrum für Luft- "
        "und Raumfahrt.",
    )
    assert keys(m.participants) == ["ASI", "ASA", "CSIRO", "AEB", "GISTDA", "DLR"]


def test_list_before_the_verb_and_a_sentence_saying_who_did_not_attend(reg):
    m = only_meeting(
        reg,
        "The ISECG senior managers meeting was held in Ottawa on 5 June 2019. NASA, ESA, CSA and "
        "JAXA participated in the discussions. Roscosmos did not attend the meeting.",
    )
    assert keys(m.participants) == ["NASA", "ESA", "CSA", "JAXA"]
    assert keys(m.absent) == ["Roscosmos"]


def test_footnote_list(reg):
    m = only_meeting(
        reg,
        "Today, JAXA welcomed delegates of 4 space agencies** to an ISECG meeting in Tokyo.\n\n"
        "** Listed alphabetically: CSA (Canada), ESA (Europe), JAXA (Japan), NASA (USA).",
        "2014-01-09",
    )
    assert keys(m.participants) == ["CSA", "ESA", "JAXA", "NASA"]
    assert m.stated_participants == 4


def test_unknown_agency_is_kept_and_flagged(reg):
    e = extract(
        doc(
            "ISECG agencies gathered virtually on 8 July 2022. Participants included NASA, the "
            "Philippine Space Agency (PhilSA) and ESA."
        ),
        reg,
    )
    (m,) = e.meetings
    assert AgencyRef("Philippine Space Agency (PhilSA)", registered=False) in m.participants
    assert keys(m.participants)[0] == "NASA" and keys(m.participants)[-1] == "ESA"
    assert e.unregistered == ("Philippine Space Agency (PhilSA)",)


def test_member_list_is_not_attendance(reg):
    e = extract(
        doc(
            "Space agency representatives met on 3 May 2017 in Rome, Italy. ISECG is made up of "
            "the following agencies: ASI, CNES, DLR, ESA and NASA."
        ),
        reg,
    )
    (m,) = e.meetings
    assert m.participants == ()
    (members,) = e.member_lists
    assert keys(members.members) == ["ASI", "CNES", "DLR", "ESA", "NASA"]
    assert members.when.value == "2017-05-03"


def test_agencies_named_in_passing_are_not_participants(reg):
    m = only_meeting(
        reg,
        "Senior officials from 14 space agencies gathered at NASA Headquarters on 30 November "
        "2012 for the ISECG meeting. NASA thanked ESA for its work on the roadmap.",
    )
    assert m.participants == ()
    assert (m.venue, m.host.key, m.stated_participants) == ("NASA Headquarters", "NASA", 14)


def test_alongside_and_countries_after_from(reg):
    m = only_meeting(
        reg,
        "The British National Space Centre (BNSC) took part in the ISECG meeting in Kyoto on 14 "
        "November 2008 alongside the National Space Agency of Ukraine (NSAU) and the Federal Space "
        "Agency. Space agencies from Brazil, Thailand and Italy attended the ISECG meeting too.",
    )
    assert keys(m.participants) == ["UKSA", "SSAU", "Roscosmos", "AEB", "GISTDA", "ASI"]
