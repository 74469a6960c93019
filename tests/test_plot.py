"""Timelines (``isecg_kg.plot``, ``isecg-kg plot``): what the saved queries say, drawn honestly,
the same bytes every time, and one clear line for every bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from isecg_kg import plot
from isecg_kg import queries as Q
from isecg_kg.cli import cli
from isecg_kg.errors import IsecgError

GRAPHS = Path(__file__).parent / "fixtures" / "graphs"
FIXTURES = [
    GRAPHS / f"{n}.ttl" for n in ("registry", "meetings", "membership", "chairs", "roadmaps")
]
PREFIXES = """
@prefix isecg: <https://w3id.org/isecg/ontology#> .
@prefix org:   <http://www.w3.org/ns/org#> .
@prefix xsd:   <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/isecg/id/> .
"""


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Q.load_data(FIXTURES)


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory, graph) -> Path:
    """The fixture graphs in one Turtle file, as ``render`` and the command take it."""
    path = tmp_path_factory.mktemp("plot") / "kg.ttl"
    merged = Graph()
    for triple in graph:
        merged.add(triple)
    merged.serialize(path, format="turtle")
    return path


def turtle(tmp_path: Path, body: str, name: str = "g") -> Path:
    path = tmp_path / f"{name}.ttl"
    path.write_text(PREFIXES + body, encoding="utf-8")
    return path


# The data: the saved queries' rows, nothing added


def test_span_of_each_precision_and_of_bounds() -> None:
    assert plot.span("2020-09-09") == plot.Span(date(2020, 9, 9), date(2020, 9, 9), "2020-09-09")
    assert plot.span("2013-02") == plot.Span(date(2013, 2, 1), date(2013, 2, 28), "2013-02")
    assert plot.span("2018").last == date(2018, 12, 31)
    assert plot.span("2011-09", "2013-06").text == "2011-09 – 2013-06"
    assert plot.span("2015-10-07T10:00:00") == plot.span("2015-10-07")
    assert plot.span(None) is None
    assert plot.span("soon") is None


def test_membership_counts_members_per_year_from_membership_growth(graph) -> None:
    data = plot.membership(graph)
    growth = Q.run(Q.get_query("membership-growth"), graph).as_dicts()
    assert data.years == [int(r["year"]) for r in growth] == list(range(2007, 2021))
    assert data.members == [int(r["members"]) for r in growth]


def test_a_join_known_only_by_bounds_is_not_a_stated_date(graph) -> None:
    joins = {j.agency: j for j in plot.membership(graph).joins}
    assert joins["JAXA"] == plot.Join("JAXA", 2007, stated=True)
    assert joins["CSA"] == plot.Join("CSA", 2012, stated=True)
    # AEB joined between 2020-03 and 2020-09-09: counted in its latest bound's year, as bounds.
    assert joins["AEB"] == plot.Join("AEB", 2020, stated=False)


def test_a_join_with_no_upper_bound_is_said_not_drawn(graph) -> None:
    data = plot.membership(graph)
    assert "GISTDA" not in {j.agency for j in data.joins}
    assert data.unplaced == ["GISTDA joined no earlier than 2020-03"]


def test_tenures_from_chairs_with_a_start_dated_by_its_meeting(graph) -> None:
    placed, unplaced = plot.tenures(graph)
    assert unplaced == []
    by = {(t.agency, t.start.text if t.start else None): t for t in placed}
    undated = by[("CSA", "2011-09 – 2013-06")]  # began at the meeting dated only by bounds
    assert undated.start_from_meeting and undated.end is None
    assert not undated.start.exact
    nasa = by[("NASA", "2014-01")]
    assert nasa.end.text == "2016" and (nasa.end.first, nasa.end.last) == (
        date(2016, 1, 1),
        date(2016, 12, 31),
    )
    jaxa = by[("JAXA", None)]
    assert jaxa.end.exact and jaxa.end.first == date(2020, 9, 9)
    assert by[("CSA", "2020-09-09")].end is None


def test_a_tenure_no_date_places_is_said_not_drawn(tmp_path) -> None:
    path = turtle(
        tmp_path,
        "<chair/CSA/x> a isecg:Chairmanship ; org:member <agency/CSA> ;"
        " isecg:startMeeting <meeting/nowhere-0> .",
    )
    placed, unplaced = plot.tenures(Q.load_data([path]))
    assert placed == []
    assert unplaced == ["CSA: a tenure no source dates"]
    assert b"a tenure no source dates" in plot.render("chairs", path, "svg")


# The drawing


@pytest.mark.parametrize("kind", plot.KINDS)
def test_svg_names_what_it_draws_and_says_open(graph_file, kind) -> None:
    svg = plot.render(kind, graph_file, "svg").decode("utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    assert "<dc:date>" not in svg  # no date: the same graph gives the same bytes
    for text in {"membership": ["AEB", "JAXA, NASA", "known only as a range"]}.get(
        kind, ["NASA", "JAXA", "open: start or end not stated", "began 2011-09 – 2013-06"]
    ):
        assert text in svg


@pytest.mark.parametrize("kind", plot.KINDS)
@pytest.mark.parametrize("fmt", plot.FORMATS)
def test_same_graph_same_bytes_in_another_process(graph_file, kind, fmt) -> None:
    here = plot.render(kind, graph_file, fmt)
    assert plot.render(kind, graph_file, fmt) == here
    code = (
        "import sys; from pathlib import Path; from isecg_kg.plot import render; "
        f"sys.stdout.buffer.write(render({kind!r}, Path({str(graph_file)!r}), {fmt!r}))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    there = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env=env, check=True
    ).stdout
    assert there == here
    assert here.startswith(b"\x89PNG" if fmt == "png" else b"<?xml")


def test_bounded_joins_are_hatched_stated_ones_are_not(tmp_path) -> None:
    stated = turtle(
        tmp_path,
        "<membership/CSA> a isecg:Membership ; org:member <agency/CSA> ;"
        ' isecg:joined "2012"^^xsd:gYear .',
        "stated",
    )
    svg = plot.render("membership", stated, "svg").decode()
    legend_hatches = svg.count("url(#h")
    bounded = turtle(
        tmp_path,
        "<membership/AEB> a isecg:Membership ; org:member <agency/AEB> ;"
        ' isecg:joinedEarliest "2019-03"^^xsd:gYearMonth ;'
        ' isecg:joinedLatest "2020-09-09"^^xsd:date .',
        "bounded",
    )
    assert plot.membership(Q.load_data([bounded])).joins == [plot.Join("AEB", 2020, False)]
    assert plot.render("membership", bounded, "svg").decode().count("url(#h") == legend_hatches + 1


def test_open_end_fades(tmp_path) -> None:
    closed = turtle(
        tmp_path,
        "<chair/NASA/2014> a isecg:Chairmanship ; org:member <agency/NASA> ;"
        ' isecg:startDate "2014-01-01"^^xsd:date ; isecg:endDate "2016-01-01"^^xsd:date .',
        "closed",
    )
    opened = turtle(
        tmp_path,
        "<chair/NASA/2014> a isecg:Chairmanship ; org:member <agency/NASA> ;"
        ' isecg:startDate "2014-01-01"^^xsd:date .',
        "open",
    )
    closed_svg = plot.render("chairs", closed, "svg").decode()
    open_svg = plot.render("chairs", opened, "svg").decode()
    assert open_svg.count("opacity") >= closed_svg.count("opacity") + plot._FADE_STEPS - 1


@pytest.mark.parametrize(
    ("kind", "says"), [("membership", "No membership dates"), ("chairs", "No dated chair tenure")]
)
def test_an_empty_graph_draws_a_chart_that_says_so(tmp_path, kind, says) -> None:
    path = turtle(tmp_path, "<agency/CSA> a isecg:Agency .")
    assert says in plot.render(kind, path, "svg").decode()


def test_render_refuses_what_it_cannot_draw(graph_file, tmp_path) -> None:
    with pytest.raises(IsecgError, match="unknown timeline 'gantt'"):
        plot.render("gantt", graph_file, "svg")
    with pytest.raises(IsecgError, match="unknown image format 'jpg'"):
        plot.render("chairs", graph_file, "jpg")
    with pytest.raises(IsecgError, match="no such data file"):
        plot.render("chairs", tmp_path / "none.ttl", "svg")


# The command


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_plot_writes_the_format_its_extension_names(graph_file, tmp_path) -> None:
    out = tmp_path / "c.png"
    result = invoke("plot", "chairs", "--data", str(graph_file), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out}: chairs timeline, ")
    assert out.read_bytes() == plot.render("chairs", graph_file, "png")


def test_plot_writes_build_kind_svg_from_build_isecg_ttl_by_default(
    graph_file, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "isecg.ttl").write_bytes(graph_file.read_bytes())
    result = invoke("plot", "membership")
    assert result.exit_code == 0, result.output
    written = tmp_path / "build" / "membership.svg"
    assert written.read_bytes() == plot.render("membership", graph_file, "svg")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["plot", "gantt"], "unknown timeline 'gantt'"),
        (["plot", "chairs", "--out", "c.jpg"], "c.jpg: unknown image format"),
        (["plot", "chairs", "--out", "c"], "c: unknown image format"),
        (["plot", "chairs", "--data", "missing.ttl"], "missing.ttl: no such data file"),
        (["plot", "chairs", "--data", "README.md"], "README.md: unknown data format"),
    ],
)
def test_plot_errors_are_one_line_and_exit_2(tmp_path, monkeypatch, args, says) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("# not a graph\n")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("isecg-kg: error: ") and says in line
    assert "Traceback" not in result.output
    assert not list(tmp_path.glob("c*"))


def test_the_readme_shows_both_timelines_and_a_real_error() -> None:
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    for kind in plot.KINDS:
        image = root / "docs" / "images" / f"{kind}.png"
        assert f"](docs/images/{kind}.png)" in readme
        assert image.read_bytes().startswith(b"\x89PNG")
    block = readme.split("$ isecg-kg plot chairs --out chairs.jpg\n", 1)[1].split("\n", 1)[0]
    result = CliRunner().invoke(cli, ["plot", "chairs", "--out", "chairs.jpg"])
    assert result.stderr.strip() == block


def test_threads_drawing_at_once_get_the_same_bytes(graph_file) -> None:
    from concurrent.futures import ThreadPoolExecutor

    alone = {kind: plot.render(kind, graph_file, "svg") for kind in plot.KINDS}
    kinds = list(plot.KINDS) * 4
    with ThreadPoolExecutor(4) as pool:
        drawn = list(pool.map(lambda kind: plot.render(kind, graph_file, "svg"), kinds))
    assert all(image == alone[kind] for kind, image in zip(kinds, drawn, strict=True))
