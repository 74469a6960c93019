"""Loaders: format from content, main text, paragraphs, links, dates, sidecars and errors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from isecg_kg.errors import IsecgError
from isecg_kg.sources import detect, discover, load, load_all

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
SEEDS = Path(__file__).parent.parent / "data" / "sources"


def assert_well_formed(doc):
    assert doc.text == "\n\n".join(doc.paragraphs)
    assert all(p and p == " ".join(p.split()) for p in doc.paragraphs)
    for link in doc.links:
        assert doc.text[link.start : link.end] == link.text


def test_wordpress_object_in_a_txt_file():
    path = FIXTURES / "wp_post.txt"
    doc = load(path)
    assert doc.kind == "wordpress-json"
    assert doc.media_type == "application/json"
    assert doc.title == "Agencies’ Meeting & Roadmap"
    assert doc.published == "2021-03-01"  # date_gmt, not the local date
    assert doc.modified == "2021-03-05"
    assert doc.url == "https://www.example.org/news/agencies-meet/"
    assert doc.publisher == "example.org"
    assert doc.paragraphs == (
        "On March 1, 2021, ten agencies met online.",
        "They welcomed the new plan – a “first” step.",
        "First item",
        "Second item",
    )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert (doc.id, doc.content_hash) == (digest[:16], digest)
    [link] = doc.links
    assert link.text == "new plan"
    assert link.href == "https://www.example.org/wp-content/uploads/2021/02/plan.pdf"
    assert_well_formed(doc)


def test_wordpress_array_gives_one_document_per_post():
    docs = load_all(FIXTURES / "wp_posts.json")
    assert [d.title for d in docs] == ["Second post", "First post"]
    assert [d.published for d in docs] == ["2019-05-02", "2019-04-01"]
    assert [d.text for d in docs] == ["Second body.", "First body."]
    assert len({d.id for d in docs}) == 2
    assert [d.id for d in docs] == [d.id for d in load_all(FIXTURES / "wp_posts.json")]
    assert docs[0].content_hash == docs[1].content_hash
    with pytest.raises(IsecgError, match="load_all"):
        load(FIXTURES / "wp_posts.json")


def test_html_keeps_the_article_and_drops_the_chrome():
    doc = load(FIXTURES / "page.htm")
    assert doc.kind == "html"
    assert doc.media_type == "text/html"
    assert doc.title == "Agencies gather in Darmstadt"
    assert doc.published == "2015-10-09"
    assert doc.url == "https://news.example/agencies-gather"
    assert doc.publisher == "Example News"
    assert "Fourteen agencies met at ESOC on Wednesday." in doc.paragraphs
    assert "They discussed the roadmap." in doc.paragraphs
    for chrome in (
        "Topics menu",
        "Menu item text",
        "Home ›",
        "Script text",
        "color: red",
        "Sidebar widget",
        "Copyright footer",
        "Share on Twitter",
        "Great article",
        "Reader Comments",
        "Example News home",
        "an HTML comment",
    ):
        assert chrome not in doc.text
    [link] = doc.links
    assert (link.text, link.href) == ("ESOC", "https://esa.example/esoc")
    assert_well_formed(doc)


def test_html_is_recognised_whatever_the_extension(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("<html><head><title>T</title></head><body><p>Body.</p></body></html>")
    doc = load(page)
    assert (doc.kind, doc.title, doc.text) == ("html", "T", "Body.")
    assert detect("<b>not a page</b> but text") == "text"
    assert detect("[Update] agencies met") == "text"


def test_plain_text_with_a_dateline():
    doc = load(FIXTURES / "release.txt")
    assert doc.kind == "text"
    assert doc.media_type == "text/plain"
    assert doc.title == "Space Agencies Sign Agreement"
    assert doc.publisher is None  # "Press Release" is a label, not a publisher
    assert doc.published == "2019-03-19"
    assert doc.paragraphs[0].startswith("WASHINGTON, March 19, 2019 — Five space agencies")
    assert doc.paragraphs[0].endswith("in Washington. The agreement covers science and technology.")
    assert doc.paragraphs[1] == "“This is a milestone,” said the chair."
    assert_well_formed(doc)


def test_plain_text_site_name_date_line_and_reader_comments():
    doc = load(FIXTURES / "site_note.txt")
    assert doc.publisher == "Orbit Weekly"
    assert doc.title == "Agencies discuss the Moon"
    assert doc.published == "2016-05-14"
    assert doc.text == "Representatives of twelve agencies met on Tuesday."


def test_plain_text_without_title_or_date(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("The group met in 2012 to discuss exploration plans of many agencies.\n")
    doc = load(path)
    assert (doc.title, doc.published, doc.publisher) == (None, None, None)


def test_sidecar_metadata_fills_and_overrides():
    doc = load(FIXTURES / "undated.txt")
    assert doc.title == "Group meets again"
    assert doc.published == "2013-06"
    assert doc.url == "https://example.net/meet"
    assert doc.text == "Today the group met for the third time."
    assert load(FIXTURES / "undated.txt", {"published": "2013"}).published == "2013"


def test_manifest_gives_metadata_and_sidecar_wins(tmp_path):
    (tmp_path / "a.txt").write_text("Body of a, long enough to be a paragraph of text.\n")
    (tmp_path / "b.txt").write_text("Body of b, long enough to be a paragraph of text.\n")
    (tmp_path / "b.txt.meta.json").write_text('{"publisher": "Sidecar"}')
    manifest = {
        "a.txt": {"published": "2012-03-01", "publisher": "CSA"},
        "b.txt": {"publisher": "Manifest", "title": "B"},
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    a, b = (load(p) for p in discover([tmp_path]))
    assert (a.published, a.publisher) == ("2012-03-01", "CSA")
    assert (b.title, b.publisher) == ("B", "Sidecar")


def test_bad_published_date_in_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("Some text.\n")
    (tmp_path / "a.txt.meta.json").write_text('{"published": "March 2012"}')
    with pytest.raises(IsecgError) as err:
        load(tmp_path / "a.txt")
    assert err.value.field == "published"
    assert err.value.file.endswith("a.txt.meta.json")
    assert "YYYY-MM-DD" in str(err.value)


def test_malformed_json_names_file_and_line(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text('{\n  "title": {"rendered": "T"}\n  "content": {"rendered": "x"}\n}\n')
    with pytest.raises(IsecgError) as err:
        load(path)
    assert err.value.file == str(path)
    assert err.value.line == 3
    assert str(err.value).startswith(f"{path}:3: malformed JSON: Expecting ',' delimiter")


def test_json_that_is_not_wordpress(tmp_path):
    path = tmp_path / "data.json"
    path.write_text('{"name": "ISECG", "members": 24}')
    with pytest.raises(IsecgError, match="not a WordPress post") as err:
        load(path)
    assert err.value.file == str(path)


def test_invalid_utf8_and_empty_documents(tmp_path):
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"line one\nline two \x81\x00\n")
    with pytest.raises(IsecgError, match="not UTF-8") as err:
        load(binary)
    assert err.value.line == 2
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("The agencies\u2019 meeting was held in Montréal.".encode("cp1252"))
    assert load(legacy).text == "The agencies\u2019 meeting was held in Montréal."
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav><p>Only a menu</p></nav></body></html>")
    with pytest.raises(IsecgError, match="no text"):
        load(empty)


def test_discover_expands_folders_and_names_a_missing_path(tmp_path):
    for name in ("b.txt", "a.txt", "sub/c.html", "README.md", ".hidden", "manifest.json"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "a.txt.meta.json").write_text("{}")
    given = tmp_path / "README.md"
    assert discover([tmp_path, given]) == [
        tmp_path / "a.txt",
        tmp_path / "b.txt",
        tmp_path / "sub" / "c.html",
        given,
    ]
    missing = tmp_path / "nowhere"
    with pytest.raises(IsecgError) as err:
        discover([missing])
    assert err.value.file == str(missing)
    with pytest.raises(IsecgError):
        load(missing)


def test_the_seed_sources():
    docs = {p.name[:3]: load(p) for p in discover([SEEDS])}
    assert {k: d.kind for k, d in docs.items()} == {
        "000": "text",
        "002": "text",
        "004": "wordpress-json",
    }
    wp = docs["004"]
    assert wp.published == "2020-09-18"
    assert wp.url == "https://www.globalspaceexploration.org/?p=1109"
    assert wp.title.startswith("International Space Agencies Meet")
    assert wp.text.startswith(
        "On September 9, 2020, senior managers representing 23 space agencies gathered virtually"
    )
    assert any("uploads/2020/08/" in link.href for link in wp.links)
    assert docs["000"].title == "Space agencies meet to discuss space exploration"
    assert docs["000"].publisher == "Spaceflight Insider"
    assert docs["000"].published is None
    assert "Reader Comments" not in docs["000"].text
    assert docs["002"].title is None
    assert docs["002"].published is None
    assert docs["002"].text.startswith("Today, the Canadian Space Agency hosted")
    for doc in docs.values():
        assert_well_formed(doc)


def test_html_table_row_is_one_paragraph_with_its_cells_set_apart(tmp_path):
    page = tmp_path / "table.html"
    page.write_text(
        "<html><body><main><h2>Delegations</h2><table><thead><tr><th>Agency</th><th>Head</th>"
        "<th></th></tr></thead><tbody><tr><td><a href='/nasa'>NASA</a></td>"
        "<td> Jane <b>Doe</b> </td><td></td></tr><tr><td><p>ESA</p></td><td>Otto Rank</td></tr>"
        "</tbody></table><p>After the table.</p></main></body></html>",
        encoding="utf-8",
    )
    doc = load(page)
    # a cell holding block elements is read as those blocks
    assert doc.paragraphs == (
        "Delegations",
        "Agency | Head",
        "NASA | Jane Doe",
        "ESA",
        "Otto Rank",
        "After the table.",
    )
    [link] = doc.links
    assert (link.text, link.href) == ("NASA", "/nasa")
    assert_well_formed(doc)


def test_html_date_from_any_meta_naming_a_publication(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta name="site:first-published-at" content="2019-04-02T09:00:00Z">'
        "<title>T</title></head><body><p>Body.</p></body></html>"
    )
    assert load(page).published == "2019-04-02"


@pytest.mark.parametrize(
    ("row", "published"),
    [
        ("<tr><th>Date</th><td>2014.05.14</td><th>Hit</th><td>1827</td></tr>", "2014-05-14"),
        ("<tr><th>Posted</th><td>2014/5/4</td></tr>", "2014-05-04"),
        ("<tr><th>Date</th><td>2014.13.14</td></tr>", None),  # no 13th month
    ],
)
def test_html_date_in_a_board_table_row(tmp_path, row, published):
    page = tmp_path / "board.html"
    page.write_text(
        "<html><body><table>" + row + "</table><div><p>ISECG met in Daejeon on May 13.</p>"
        "</div></body></html>",
        encoding="utf-8",
    )
    assert load(page).published == published


def test_plain_text_date_in_a_row_of_cells_with_a_time(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(
        "China attends space exploration meeting via video link\n"
        "Source: Xinhua | 2020-09-11 16:42:05 | Editor: huaxia\n\n"
        "BEIJING, Sept. 11 (Xinhua) -- The agency took part in a meeting.\n"
    )
    doc = load(path)
    assert doc.published == "2020-09-11"
    assert doc.title == "China attends space exploration meeting via video link"


def test_a_labelled_line_inside_a_wrapped_block_stays_its_own_paragraph(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text(
        "Minutes of the meeting\n\n"
        "The heads of agency of the coordination group met for two days to discuss plans\n"
        "Venue: European Space Research and Technology Centre, Noordwijk\n"
        "1.2 The chair opened the meeting and welcomed the new members of the group.\n"
    )
    assert load(path).paragraphs[1:] == (
        "Venue: European Space Research and Technology Centre, Noordwijk",
        "1.2 The chair opened the meeting and welcomed the new members of the group.",
    )


def test_a_dateline_below_sub_headlines_set_as_bullets_dates_the_text(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text(
        "Agency hosts space exploration coordination meeting\n"
        "- Senior managers from 18 space agencies gather for the first time\n"
        "- The agency assumes the chair of the group\n\n"
        "Daejeon, May 18, 2023 - The agency announced that it hosted the senior managers\n"
        "meeting of the coordination group on May 16 and 17, 2023.\n"
    )
    doc = load(path)
    assert doc.published == "2023-05-18"
    assert doc.paragraphs[0] == "- Senior managers from 18 space agencies gather for the first time"


def test_a_rule_line_separates_paragraphs(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text(
        "Minutes\n\n"
        "7.1  The incoming Chair will communicate the date and venue of the next\n"
        "     meeting in due course.\n"
        "---------------------------------------------------------------------------\n"
        "ANNEX A - DELEGATIONS (in order of registration)\n"
    )
    assert load(path).paragraphs == (
        "7.1 The incoming Chair will communicate the date and venue of the next meeting in due "
        "course.",
        "ANNEX A - DELEGATIONS (in order of registration)",
    )


def test_plain_text_columns_and_dot_leaders_become_cells_and_labels(tmp_path):
    """A monospaced table keeps one row a line with its cells set apart; a label with dot
    leaders is a label; a label's value set off by spaces stays with it."""
    path = tmp_path / "summary.txt"
    path.write_text(
        "Summary of conclusions\n\n"
        "  Host ........ KARI\n"
        "  Chair ....... JAXA (ISECG Chair since June 2009)\n"
        "  Secretariat . ESA/ESTEC\n"
        "  Venue:        Daejeon Convention Centre\n\n"
        "  Agenzia Spaziale Italiana (ASI)                    Italy\n"
        "  Centre National d'Etudes Spatiales (CNES)          France\n"
        "  6/01    All    Comments on the outline    31 May 2010\n"
    )
    assert load(path).paragraphs == (
        "Host: KARI",
        "Chair: JAXA (ISECG Chair since June 2009)",
        "Secretariat: ESA/ESTEC",
        "Venue: Daejeon Convention Centre",
        "Agenzia Spaziale Italiana (ASI) | Italy",
        "Centre National d'Etudes Spatiales (CNES) | France",
        "6/01 | All | Comments on the outline | 31 May 2010",
    )


def test_plain_text_hard_wrapped_wider_than_a_hundred_columns(tmp_path):
    words = (
        "the group met in Baku near the congress centre on Sunday before the congress "
        "opened and talked about the roadmap "
    ) * 3
    lines, line = [], ""
    for w in words.split():
        if len(line) + len(w) + 1 > 105:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    assert max(map(len, lines)) > 100
    path = tmp_path / "wide.txt"
    path.write_text("A note on the group\n\n" + "\n".join(lines) + "\n")
    assert load(path).paragraphs == (" ".join(lines),)


def test_html_timeline_times_do_not_date_the_page_its_last_update_does(tmp_path):
    path = tmp_path / "milestones.html"
    path.write_text(
        "<html><head><title>ISECG milestones</title>"
        '<meta name="dcterms.modified" content="2019-11-15"></head><body><main>'
        "<h1>ISECG milestones</h1><p>The main milestones of the group.</p><ol>"
        '<li><time datetime="2007-11-07">7-8 November 2007</time> - First ISECG meeting.</li>'
        '<li><time datetime="2016-05-11">11-12 May 2016</time> - ISECG meeting at ESTEC.</li>'
        "</ol></main></body></html>"
    )
    doc = load(path)
    assert (doc.published, doc.modified) == (None, "2019-11-15")


def test_html_footer_last_update_is_the_page_date_when_no_tag_gives_one(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><main><h1>4th Meeting of ISECG</h1><p>The group met in Noordwijk.</p>"
        "</main><div id='footer'><p>Last update: 10 December 2009 &middot; Copyright ESA</p>"
        "</div></body></html>"
    )
    doc = load(path)
    assert (doc.published, doc.modified) == (None, "2009-12-10")


def test_minutes_head_release_note_dates_the_record_not_its_meeting_date_field(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text(
        "ISECG Senior Managers Meeting - Summary Record\n"
        "Public version, released by the Secretariat on 2014-10-20\n\n"
        "Date:      2014-09-30\n"
        "Place:     Toronto, Canada\n\n"
        "The meeting reviewed the roadmap and the work plan of the coordination group.\n"
    )
    assert load(path).published == "2014-10-20"


def test_plain_text_words_broken_across_lines_are_joined(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "Performance Summary\n\n"
        "On 6 and 7 March 2012 the CSA hosted senior managers from 12 space agen-\n"
        "cies at the John H. Chapman Space Centre and agreed on a work plan for the road-\n"
        "map, planned for 2013 by the coordination group.\n"
    )
    text = load(path).text
    assert "12 space agencies at" in text and "for the roadmap, planned" in text


def test_markdown_front_matter_headings_emphasis_and_pipe_tables(tmp_path):
    path = tmp_path / "notes.txt"  # recognised from the front matter, whatever the extension
    path.write_text(
        '---\ntitle: "ISECG in 2019"\nauthor: A. Writer\ndate: 2019-04-02\n---\n\n'
        "# ISECG in 2019\n\n> **Senior managers** met in *Noordwijk*.\n\n"
        "| Agency | Joined |\n|---|:---:|\n| Polish Space Agency (POLSA) | 2018 |\n",
        encoding="utf-8",
    )
    doc = load(path)
    assert_well_formed(doc)
    assert (doc.kind, doc.media_type) == ("markdown", "text/markdown")
    assert (doc.title, doc.published) == ("ISECG in 2019", "2019-04-02")
    assert doc.paragraphs == (
        "ISECG in 2019",
        "Senior managers met in Noordwijk.",
        "Agency | Joined",
        "Polish Space Agency (POLSA) | 2018",
    )


def test_markdown_is_recognised_by_headings_with_a_table_or_by_its_extension(tmp_path):
    assert detect("# Facts\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n") == "markdown"
    assert detect("# not a heading, a shell comment\nrm -rf build\n") == "text"
    path = tmp_path / "post.md"
    path.write_text("Last updated: 1 March 2024.\n\nISECG **met** in [Rome](https://x.org/r).\n")
    doc = load(path)
    assert doc.kind == "markdown"
    assert doc.modified == "2024-03-01"
    assert doc.paragraphs[-1] == "ISECG met in Rome."
    assert [(link.text, link.href) for link in doc.links] == [("Rome", "https://x.org/r")]


def test_plain_text_rule_with_a_label_and_a_label_ending_its_line(tmp_path):
    """A slide export: "===== Slide 2" is a rule and a heading; "Speaker notes:" alone on its
    line is a label of its own, not the end of the line above."""
    path = tmp_path / "slides.txt"
    path.write_text(
        "Deck export\n\n" + "=" * 40 + " Slide 2\n"
        "Chair\n"
        "  * Current chair: JAXA - in office since November 2018, succeeding NASA\n"
        "  * Chair normally serves one to two years in the rotation of the group\n"
        "Speaker notes:\n"
        "  The handover was done by correspondence.\n"
    )
    assert load(path).paragraphs == (
        "Slide 2",
        "Chair",
        "* Current chair: JAXA - in office since November 2018, succeeding NASA",
        "* Chair normally serves one to two years in the rotation of the group",
        "Speaker notes:",
        "The handover was done by correspondence.",
    )


def test_plain_text_labelled_date_with_the_place_it_was_issued_from(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "UAE SPACE AGENCY\nANNUAL REPORT 2015-2016\n\nPublished April 2017 - Abu Dhabi\n\n"
        "Body text here.\n"
    )
    doc = load(path)
    assert (doc.publisher, doc.title, doc.published) == (
        "UAE SPACE AGENCY",
        "ANNUAL REPORT 2015-2016",
        "2017-04",
    )
