"""Who took part in a meeting: lists in every shape, absentees, unknown agencies, member lists."""

from __future__ import annotations

from helpers import doc

from isecg_kg.extract import extract
from isecg_kg.facts import AgencyRef


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


def test_dash_bulleted_full_names_after_a_colon(reg):
    m = only_meeting(
        reg,
        "Senior managers convened for the ISECG meeting in Bonn on 21 March 2012.\n\n"
        "Eleven agencies were represented in Bonn:\n\n"
        "- Italian Space Agency (ASI)\n\n"
        "- Centre National d'Etudes Spatiales (CNES) - German Aerospace Center (DLR)\n\n"
        "- Korea Aerospace Research Institute (KARI), Republic of Korea - NASA\n\n"
        "The delegates toured the DLR site.",
    )
    assert keys(m.participants) == ["ASI", "CNES", "DLR", "KARI", "NASA"]


def test_one_agency_a_paragraph_after_an_attendance_label(reg):
    m = only_meeting(
        reg,
        "ISECG senior managers met in Canberra, Australia on 3 April 2023.\n\n"
        "Attendees:\n\nCanadian Space Agency (CSA)\n\nJapan Aerospace Exploration Agency (JAXA)\n\n"
        "Swiss Space Office (SSO)\n\nNASA thanked the hosts for their work.",
    )
    assert keys(m.participants) == ["CSA", "JAXA", "SSO"]


def test_inverted_and_labelled_attendance_clauses(reg):
    for cue in (
        "In attendance were",
        "Agencies represented at the meeting were:",
        "Taking part were",
    ):
        m = only_meeting(reg, f"ISECG met in Seoul on 9 May 2015. {cue} CNES, DLR, KARI and NASA.")
        assert keys(m.participants) == ["CNES", "DLR", "KARI", "NASA"], cue


def test_regions_as_labels_with_a_closing_group(reg):
    m = only_meeting(
        reg,
        "ISECG agencies met in Paris on 1 February 2019.\n\nThe delegations came from every "
        "continent:\n\nNorth America: CSA, NASA; Europe: ESA, CNES; Asia-Pacific: JAXA, ISRO; "
        "Others: Roscosmos and SSAU.",
    )
    assert keys(m.participants) == [
        "CSA",
        "NASA",
        "ESA",
        "CNES",
        "JAXA",
        "ISRO",
        "Roscosmos",
        "SSAU",
    ]


def test_agencies_from_regions_in_brackets(reg):
    m = only_meeting(
        reg,
        "Delegates gathered in Kyoto on 12 November 2013 for the ISECG meeting. Taking part were "
        "agencies from Europe (ESA, CNES), Asia (JAXA, ISRO) and North America (NASA, CSA).",
    )
    assert keys(m.participants) == ["ESA", "CNES", "JAXA", "ISRO", "NASA", "CSA"]


def test_footnote_on_a_count_in_a_sentence_of_its_own(reg):
    m = only_meeting(
        reg,
        "ISECG held its annual meeting in Bonn on 5 May 2011.\n\n"
        "Delegations from 4 space agencies* attended.\n\n"
        "* Participating agencies (in alphabetical order): DLR (Germany), ESA, JAXA (Japan), "
        "NASA (USA)",
    )
    assert keys(m.participants) == ["DLR", "ESA", "JAXA", "NASA"]
    assert m.stated_participants == 4


def test_acronyms_with_countries_after_took_part_in_the_meeting(reg):
    m = only_meeting(
        reg,
        "ISECG senior managers met in Houston on 2 June 2016. Officials of 3 agencies took part in "
        "the meeting: NASA (United States), ISRO (India) and SSAU (Ukraine).",
    )
    assert keys(m.participants) == ["NASA", "ISRO", "SSAU"]


def test_country_names_standing_for_their_agency(reg):
    m = only_meeting(
        reg,
        "The ISECG meeting took place in Rome on 4 June 2014. Delegations from Brazil, Norway, "
        "Australia and Poland attended, along with the European Space Agency.",
    )
    # Australia has had two agencies: before the ASA opened (1 July 2018) it stood for CSIRO
    # (the gazetteer's country_agency, chosen by the report's date)
    assert keys(m.participants) == ["AEB", "NOSA", "CSIRO", "POLSA", "ESA"]


def test_descriptions_before_the_names(reg):
    m = only_meeting(
        reg,
        "ISECG met in Tokyo on 4 October 2017. Participants included the French space agency "
        "CNES, Japan's JAXA, the UAE's Mohammed Bin Rashid Space Centre and Norway's space agency.",
    )
    assert keys(m.participants) == ["CNES", "JAXA", "MBRSC", "NOSA"]


def test_member_list_with_absent_marks_that_all_others_attended(reg):
    e = extract(
        doc(
            "ISECG met by videoconference on 3 March 2022. The member agencies of ISECG are listed "
            "below; each of them attended the meeting unless marked otherwise.\n\n"
            "ASI (Italy)\n\nCNSA (China): absent\n\nKARI (Korea), was unable to attend\n\n"
            "NASA (United States)\n\nSSO (Switzerland) – did not take part"
        ),
        reg,
    )
    (m,) = e.meetings
    assert keys(m.participants) == ["ASI", "NASA"]
    assert keys(m.absent) == ["CNSA", "KARI", "SSO"]
    (ml,) = e.member_lists
    assert keys(ml.members) == ["ASI", "CNSA", "KARI", "NASA", "SSO"]


def test_member_list_in_lines_is_not_attendance(reg):
    e = extract(
        doc(
            "ISECG met in Ottawa on 4 April 2017.\n\nThe members of ISECG are as follows:\n\n"
            "- Canadian Space Agency (CSA)\n\n- European Space Agency (ESA)"
        ),
        reg,
    )
    (m,) = e.meetings
    assert m.participants == ()
    assert keys(e.member_lists[0].members) == ["CSA", "ESA"]


def test_noise_other_events_and_partner_lists_give_no_participants(reg):
    m = only_meeting(
        reg,
        "ISECG heads of agencies met in Milan on 13 October 2024. On Monday, NASA, ESA, JAXA and "
        "CNSA participated in the heads of agency plenary of the congress. The station partners - "
        "the United States, Russia, Europe, Japan and Canada - agreed to extend its operations.",
    )
    assert m.participants == ()


# --- Lists set out under a heading, in table cells, with notes and continuations ---------------


def test_heading_then_one_agency_a_line_with_country_cells(reg):
    # A table rendered one cell a paragraph: a header row, then name and country cells.
    m = only_meeting(
        reg,
        "ISECG senior managers gathered in Ottawa on 3 May 2016, hosted by CSA.\n\n"
        "Delegations\n\nOrganisation\n\nCountry\n\nAgenzia Spaziale Italiana\n\nItaly\n\n"
        "Deutsches Zentrum für Luft- und Raumfahrt\n\nGermany\n\nIndian Space Research "
        "Organisation\n\nIndia\n\nKorea Aerospace Research Institute\n\nRepublic of Korea\n\n"
        "Canadian Space Agency\n\nCanada",
    )
    assert keys(m.participants) == ["ASI", "DLR", "ISRO", "KARI", "CSA"]


def test_heading_list_ends_at_the_next_prose(reg):
    m = only_meeting(
        reg,
        "The ISECG meeting took place in Bonn on 8 March 2012.\n\nList of participants\n\n"
        "NASA\n\nESA\n\nJAXA\n\nThe next meeting will be hosted by KARI.",
    )
    assert keys(m.participants) == ["NASA", "ESA", "JAXA"]


def test_a_member_heading_is_not_an_attendance_heading(reg):
    m = only_meeting(
        reg,
        "The ISECG meeting took place in Bonn on 8 March 2012.\n\nMember agencies\n\n"
        "NASA\n\nESA\n\nJAXA",
    )
    assert m.participants == ()


def test_attendance_mode_notes_keep_the_list_going(reg):
    m = only_meeting(
        reg,
        "ISECG agencies convened in Tokyo on 2 June 2018. Attending agencies:\n\n"
        "- NASA\n- ESA (online)\n- CNES - by video link\n- KARI, remotely\n- JAXA",
    )
    assert keys(m.participants) == ["NASA", "ESA", "CNES", "KARI", "JAXA"]
    assert m.absent == ()


def test_a_line_carrying_the_list_on_with_a_role_before_the_name(reg):
    m = only_meeting(
        reg,
        "ISECG met at ESTEC in Noordwijk on 4 April 2016. These agencies took part:\n\n"
        "NASA, ESA, JAXA\n\n... plus the host, the Canadian Space Agency, which opened the "
        "session.",
    )
    assert keys(m.participants) == ["NASA", "ESA", "JAXA", "CSA"]


def test_a_lone_generic_word_is_not_an_unregistered_agency(reg):
    m = only_meeting(
        reg,
        "ISECG met in Rome on 9 May 2019. Participants:\n\nAgency\n\nNASA\n\nESA",
    )
    assert keys(m.participants) == ["NASA", "ESA"]


def test_count_given_as_a_label_or_a_bare_clause(reg):
    m = only_meeting(
        reg,
        "ISECG senior managers met in Seoul on 5 June 2017. Participation: 16 agencies.",
    )
    assert m.stated_participants == 16
    m = only_meeting(
        reg, "Hosted by KARI in Seoul on 5 June 2017 for the ISECG meeting; 12 agencies."
    )
    assert m.stated_participants == 12


def test_count_in_the_present_tense_beside_its_meeting(reg):
    m = only_meeting(
        reg,
        "ISECG met in Kyoto on 4 March 2011, hosted by JAXA. Nine agencies dial in from abroad "
        "and 12 agencies attend.",
    )
    assert m.stated_participants == 12


def test_menu_of_agencies_without_a_cue_gives_no_participants(reg):
    m = only_meeting(
        reg,
        "ISECG met in Rome on 9 May 2019.\n\nPartners\n\nNASA\n\nESA\n\nJAXA",
    )
    assert m.participants == ()


def test_french_list_with_articles_and_french_acronyms(reg):
    m = only_meeting(
        reg,
        "ISECG met in Paris on 24 June 2014. Étaient présents : l'Agence spatiale italienne "
        "(ASI), le Centre national d'études spatiales (CNES), l'Agence spatiale canadienne (ASC), "
        "la NASA, l'Institut coréen de recherche aérospatiale (KARI) et l'Agence spatiale du "
        "Royaume-Uni (UKSA).",
    )
    assert keys(m.participants) == ["ASI", "CNES", "CSA", "NASA", "KARI", "UKSA"]


def test_table_rows_with_a_person_column_and_country_cells(reg):
    # The loader writes a table row as one paragraph, cells set apart by " | ".
    m = only_meeting(
        reg,
        "ISECG met in Canberra on 7 March 2023, hosted by ASA.\n\nParticipating delegations\n\n"
        "Agency | Head of delegation | Country\n\nUK Space Agency | Jane Doe | United Kingdom\n\n"
        "Agencia Espacial Mexicana | Salvador Landeros | Mexico\n\n"
        "Philippine Space Agency | Joel Marciano | Philippines\n\n"
        "Commonwealth Scientific and Industrial Research Organisation | A. Smith | Australia\n\n"
        "Total | 4 |",
    )
    assert keys(m.participants) == ["UKSA", "AEM", "Philippine Space Agency", "CSIRO"]
    assert not m.participants[2].registered


def test_table_row_naming_only_a_country_stands_for_its_agency(reg):
    m = only_meeting(
        reg,
        "ISECG met in Rome on 9 May 2019.\n\nParticipants\n\nCountry | Delegates\n\n"
        "Brazil | 2\n\nIsrael | 1\n\nAustralia | 3\n\nNASA | 4",
    )
    # in 2019 Australia's agency is the ASA (CSIRO before July 2018)
    assert keys(m.participants) == ["AEB", "ISA", "ASA", "NASA"]


def test_among_the_agencies_attending_and_an_also_present_label(reg):
    m = only_meeting(
        reg,
        "ISECG met in Rome on 9 May 2022. NASA, ESA and JAXA were among the agencies attending. "
        "Also present: CNES and DLR.",
    )
    assert keys(m.participants) == ["NASA", "ESA", "JAXA", "CNES", "DLR"]


def test_numbered_lines_naming_an_agency_and_its_representative(reg):
    m = only_meeting(
        reg,
        "ISECG met in Rome on 9 May 2022. Delegations:\n\n1. NASA: Jane Doe, Associate "
        "Administrator\n\n2. European Space Agency (ESA) - Otto Rank\n\n3. JAXA, Taro Yamada\n\n"
        "4. Canberra\n\n5. KARI",
    )
    assert keys(m.participants) == ["NASA", "ESA", "JAXA"]


def test_a_line_naming_two_agencies_and_prose_is_not_a_headed_line(reg):
    m = only_meeting(
        reg,
        "ISECG met in Rome on 9 May 2022. Participants:\n\n- NASA\n\n- ESA\n\n"
        "CNES: the roadmap was discussed with DLR.",
    )
    assert keys(m.participants) == ["NASA", "ESA"]


def test_attending_and_not_attending_labels(reg):
    m = only_meeting(
        reg,
        "ISECG met in Oslo on 4 May 2022. Attending: ASI, CNES, KARI and DLR. "
        "Not attending: KARI, NASA.",
    )
    assert keys(m.participants) == ["ASI", "CNES", "DLR"]
    assert keys(m.absent) == ["KARI", "NASA"]


def test_country_then_acronym_after_the_space_agencies_of(reg):
    m = only_meeting(
        reg,
        "ISECG met in Tokyo on 3 March 2015. Six agencies were represented: the space agencies "
        "of Japan (JAXA), Germany (DLR) and the United Kingdom (UKSA).",
    )
    assert keys(m.participants) == ["JAXA", "DLR", "UKSA"]


def test_attendance_verb_then_namely(reg):
    m = only_meeting(
        reg,
        "ISECG met in Ottawa on 5 June 2009. Officials from three agencies took part in the "
        "meeting, namely the Canadian Space Agency (CSA), ESA and the British National Space "
        "Centre.",
    )
    assert keys(m.participants) == ["CSA", "ESA", "UKSA"]


def test_delegations_included_those_of(reg):
    m = only_meeting(
        reg,
        "The ISECG meeting took place in Berlin on 4 May 2017. Delegations included those of "
        "DLR, JAXA and the Canadian Space Agency.",
    )
    assert keys(m.participants) == ["DLR", "JAXA", "CSA"]


def test_cue_naming_where_they_took_part_before_a_list_of_paragraphs(reg):
    m = only_meeting(
        reg,
        "ISECG agencies met in Berlin on 8 November 2007.\n\n"
        "Taking part in the Berlin meeting were:\n\n"
        "Agenzia Spaziale Italiana (ASI)\n\nCanadian Space Agency (CSA)\n\n"
        "National Space Agency of Ukraine (NSAU)\n\n"
        "The next meeting is planned for spring 2008.",
    )
    assert keys(m.participants) == ["ASI", "CSA", "SSAU"]


def test_label_with_a_transitive_verb_before_an_ordered_list(reg):
    m = only_meeting(
        reg,
        "KARI hosted the ISECG meeting in Daejeon on 13 May 2014.\n\n"
        "Agencies attending the meeting:\n\nASI (Italy)\n\nCNES (France)\n\nJAXA (Japan)",
    )
    assert keys(m.participants) == ["ASI", "CNES", "JAXA"]
    assert m.host is not None and m.host.key == "KARI"


def test_participating_agencies_named_in_brackets(reg):
    m = only_meeting(
        reg,
        "Senior managers from 4 space agencies met on 11 May 2016 in Noordwijk for a meeting of "
        "ISECG. The participating agencies (ASI, CNES, UAE SA, UKSA) exchanged information on "
        "their exploration plans.",
    )
    assert keys(m.participants) == ["ASI", "CNES", "UAESA", "UKSA"]


def test_a_caption_naming_the_meeting_heads_the_table_of_participants(reg):
    m = only_meeting(
        reg,
        "JAXA hosted a meeting of ISECG in Kyoto, Japan, on August 30-31, 2011.\n\n"
        "The participating agencies are listed below.\n\n"
        "Participants in the ISECG meeting (Kyoto, August 30-31, 2011)\n\n"
        "Agency | Country / Region\n\n"
        "Agenzia Spaziale Italiana (ASI) | Italy\n\n"
        "Canadian Space Agency (CSA) | Canada\n\n"
        "Roscosmos | Russia",
    )
    assert keys(m.participants) == ["ASI", "CSA", "Roscosmos"]


def test_an_annex_of_delegations_in_minutes(reg, tmp_path):
    from isecg_kg.sources import load

    path = tmp_path / "minutes.txt"
    path.write_text(
        "INTERNATIONAL SPACE EXPLORATION COORDINATION GROUP (ISECG)\n\n"
        "SUMMARY RECORD OF THE FOURTH ISECG MEETING\n\n"
        "Venue:     British National Space Centre, London, United Kingdom\n"
        "Dates:     Tuesday 23 - Wednesday 24 June 2009\n"
        "Host:      BNSC\n\n"
        "1.1  The meeting was opened by the Chair, who thanked BNSC for hosting the\n"
        "     group for the first time in the United Kingdom.\n\n"
        "---------------------------------------------------------------------------\n"
        "ANNEX A - DELEGATIONS (in order of registration)\n\n"
        "  1.  ASI\n  2.  BNSC (host)\n  3.  CNES\n  4.  NSAU\n"
    )
    (m,) = extract(load(path), reg).meetings
    assert m.when.value == "2009-06-23"
    assert keys(m.participants) == ["ASI", "UKSA", "CNES", "SSAU"]


def test_took_part_among_them_in_the_sentence_after_the_meeting(reg):
    m = only_meeting(
        reg,
        "The membership was welcomed at the ISECG heads of agency meeting hosted by NASA in "
        "Washington, D.C. on 20 October 2019. Heads of 19 agencies took part, among them NASA, "
        "the European Space Agency and the Canadian Space Agency.",
    )
    assert keys(m.participants) == ["NASA", "ESA", "CSA"]
    assert m.stated_participants == 19


def test_agencies_represented_in_a_city_and_the_total_count(reg):
    m = only_meeting(
        reg,
        "The heads of the ISECG agencies met on November 16-17, 2021 in a hybrid format. "
        "Delegations from three agencies gathered in Rome, while the other delegations followed "
        "online. In total, 25 agencies took part in the meeting.\n\n"
        "The agencies represented in Rome were:\n\n"
        "Agenzia Spaziale Italiana (ASI)\n\nLuxembourg Space Agency\n\nUK Space Agency",
    )
    assert keys(m.participants) == ["ASI", "LSA", "UKSA"]
    assert m.stated_participants == 25  # the whole attendance, not the part in Rome


def test_agencies_or_delegations_present_in_a_city(reg):
    m = only_meeting(
        reg,
        "ISECG agencies met at the Centre spatial de Toulouse on 3 and 4 June 2014. "
        "Alongside CNES, the delegations present in Toulouse included the Agence spatiale "
        "europeenne (ESA), the Agenzia Spaziale Italiana (ASI) and NASA.",
    )
    assert {"ESA", "ASI", "NASA"} <= set(keys(m.participants))


def test_the_following_agencies_were_represented_in_a_city(reg):
    m = only_meeting(
        reg,
        "Senior managers from three space agencies gathered on July 15 and 16, 2008, at the "
        "Canadian Space Agency's John H. Chapman Space Centre for a meeting of the ISECG. "
        "The following agencies were represented in Saint-Hubert: ASI, CSA and NASA.",
    )
    assert keys(m.participants) == ["ASI", "CSA", "NASA"]


def test_agencies_said_to_come_with_another_or_to_brief_the_meeting_took_part(reg):
    text = (
        "On Wednesday, 24 March 2021, representatives of 22 of the 24 member agencies of ISECG met "
        "by videoconference.\n\n"
        "The Polish Space Agency (POLSA) took part in the meeting, as did the Romanian Space "
        "Agency (ROSA) and the State Space Agency of Ukraine. The European Space Agency and NASA "
        "briefed the participants on the status of the Gateway. Roscosmos and the China National "
        "Space Administration were not represented."
    )
    (m,) = extract(doc(text, "2021-03-26"), reg).meetings
    assert sorted(a.key for a in m.participants) == ["ESA", "NASA", "POLSA", "ROSA", "SSAU"]
    assert sorted(a.key for a in m.absent) == ["CNSA", "Roscosmos"]


def test_a_list_far_from_the_mentions_goes_to_the_meeting_whose_city_it_names(reg):
    text = (
        "Senior managers from eleven space agencies gathered on July 15 and 16, 2008 in "
        "Saint-Hubert for a meeting of ISECG. The meeting followed the inaugural gathering of the "
        "group in Berlin last November.\n\n"
        "Delegations reviewed the terms of reference.\n\nThey agreed on a work plan.\n\n"
        "Canada has a proud history in space.\n\n"
        "The following agencies were represented in Saint-Hubert:\n\n"
        "Agenzia Spaziale Italiana (ASI)\n\nCanadian Space Agency (CSA)\n\n"
        "European Space Agency (ESA)"
    )
    found = {
        m.when.value: keys(m.participants) for m in extract(doc(text, "2008-07-18"), reg).meetings
    }
    # the Berlin meeting is recalled in passing ("followed the inaugural gathering"): if it is
    # read as a meeting of its own, the Saint-Hubert list is not its
    assert found["2008-07-15"] == ["ASI", "CSA", "ESA"]
    assert all(not v for k, v in found.items() if k != "2008-07-15")


def test_a_listed_name_the_registry_does_not_know_glossed_by_one_it_does(reg):
    (m,) = extract(
        doc(
            "ISECG met in Toulouse on 3 June 2014. The delegations present in Toulouse included "
            "the Agence spatiale europeenne (ESA), the Agence d'exploration aerospatiale du Japon "
            "(JAXA) and the National Aeronautics and Space Administration (NASA).",
            "2014-06-06",
        ),
        reg,
    ).meetings
    assert keys(m.participants) == ["ESA", "JAXA", "NASA"]


def test_regions_represented_by_and_the_clauses_that_share_the_verb(reg):
    m = only_meeting(
        reg,
        "ISECG senior managers met in Rome on 3 May 2016.\n\nEurope was represented by ESA and by "
        "national agencies (CNES, DLR); Asia by JAXA and KARI; and North America by NASA and the "
        "Canadian Space Agency; the session was opened by ASI.",
    )
    assert keys(m.participants) == ["ESA", "CNES", "DLR", "JAXA", "KARI", "NASA", "CSA"]


def test_the_clauses_that_share_the_verb_may_name_their_region_with_an_article(reg):
    m = only_meeting(
        reg,
        "ISECG senior managers met in Milan on 13 October 2024.\n\nEurope was represented by ESA "
        "and by national agencies (CNES, DLR); the Asia-Pacific region by JAXA and KARI; the "
        "Americas by AEB and NASA; and the Middle East by ISA.",
    )
    assert keys(m.participants) == ["ESA", "CNES", "DLR", "JAXA", "KARI", "AEB", "NASA", "ISA"]


def test_around_the_table_names_the_participants(reg):
    m = only_meeting(
        reg,
        "ISECG held its spring meeting in Paris on 4 April 2018.\n\nAround the table were CNES, "
        "ESA and NASA, three of the group's members.",
    )
    assert keys(m.participants) == ["CNES", "ESA", "NASA"]


def test_all_agencies_took_part_then_the_member_list(reg):
    m = only_meeting(
        reg,
        "ISECG met in Berlin on 6 November 2007. Delegations from all five ISECG agencies took "
        "part in the meeting. The members of ISECG are ASI, CNES, the Canadian Space Agency, "
        "DLR and NASA.",
    )
    assert keys(m.participants) == ["ASI", "CNES", "CSA", "DLR", "NASA"]


def test_representatives_of_a_count_of_agencies_is_the_attendance(reg):
    m = only_meeting(
        reg,
        "The fourth meeting of ISECG took place in Noordwijk on 2 December 2009. Representatives "
        "of ten space agencies reviewed the work of the working groups.",
    )
    assert m.stated_participants == 10


def test_a_table_of_agencies_marked_as_represented_or_not(reg):
    m = only_meeting(
        reg,
        "The fourth meeting of ISECG took place in Noordwijk on 2 December 2009.\n\n"
        "Agency | Country | Represented in Noordwijk\n\nASI | Italy | Yes\n\nCNSA | China | No\n\n"
        "JAXA | Japan | Yes",
    )
    assert (keys(m.participants), keys(m.absent)) == (["ASI", "JAXA"], ["CNSA"])


def test_alongside_those_of_an_agency_names_no_participant(reg):
    m = only_meeting(
        reg,
        "ISECG met in Cologne on 5 December 2024. The agencies present included ESA and KASA. "
        "KASA was taking part in a meeting of the group for the first time; its engineers will "
        "work alongside those of the Korea Aerospace Research Institute.",
    )
    assert keys(m.participants) == ["ESA", "KASA"]


def test_a_count_of_agencies_with_the_list_in_brackets(reg):
    m = only_meeting(
        reg,
        "On 6 and 7 March 2012 the CSA hosted ISECG senior managers from 4 space agencies (ASI, "
        "CNES, JAXA and the CSA) in Saint-Hubert.",
    )
    assert (keys(m.participants), m.stated_participants) == (["ASI", "CNES", "JAXA", "CSA"], 4)


def test_an_agencys_officials_took_part(reg):
    m = only_meeting(
        reg, "Senior CSA officials took part in the ISECG meeting held in Kyoto in August 2011."
    )
    assert keys(m.participants) == ["CSA"]


def test_agencies_that_joined_remotely_took_part(reg):
    m = only_meeting(
        reg,
        "ISECG senior managers met in Tokyo on 2 March 2020. NASA and ESA met in person. The "
        "Indian Space Research Organisation, KARI and the Swiss Space Office joined remotely.",
    )
    assert {"ISRO", "KARI", "SSO"} <= set(keys(m.participants))


def test_host_named_before_a_long_apposition(reg):
    m = only_meeting(
        reg,
        "On 2 and 3 March 2020, the Japan Aerospace Exploration Agency (JAXA), the current chair "
        "of the International Space Exploration Coordination Group (ISECG), hosted the group's "
        "senior managers at its Tokyo office.",
    )
    assert m.host.key == "JAXA"


def test_all_members_except_two_attended_and_the_member_list_in_a_box(reg, tmp_path):
    from isecg_kg.sources import load

    path = tmp_path / "digest.txt"
    path.write_text(
        "The 25th ISECG meeting took place on Sunday 24 September 2017 in Adelaide. Australia's\n"
        "CSIRO, the country's representative in the group, acted as host.\n\n"
        "All member agencies except Roscosmos and the State Space Agency of Ukraine\n"
        "attended (see the member list in the box below).\n\n"
        "    +--------------------------------------------------+\n"
        "    | ISECG MEMBER AGENCIES (5)                        |\n"
        "    | ASI (Italy) - CNES (France) - CSIRO (Australia)  |\n"
        "    | Roscosmos (Russia) - SSAU (Ukraine)              |\n"
        "    +--------------------------------------------------+\n"
    )
    x = extract(load(path), reg)
    (m,) = x.meetings
    assert (keys(m.participants), keys(m.absent)) == (
        ["ASI", "CNES", "CSIRO"],
        ["Roscosmos", "SSAU"],
    )
    assert m.host.key == "CSIRO"
    (ml,) = x.member_lists
    assert keys(ml.members) == ["ASI", "CNES", "CSIRO", "Roscosmos", "SSAU"]


def test_agencies_described_by_their_country_adjective(reg):
    m = only_meeting(
        reg,
        "ISECG agencies met in Rome on 18 May 2016. Delegations included NASA, the Italian "
        "hosts and the Emirati space agency, which attended for the first time.",
    )
    assert keys(m.participants) == ["NASA", "ASI", "UAESA"]
