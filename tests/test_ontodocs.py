"""The ontology's HTML documentation (``isecg_kg.ontodocs``, ``isecg-kg docs``): every term is
on the page, the page fetches nothing, and docs/ontology.html is what the code makes today."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from rdflib import RDFS, Graph

from isecg_kg import ontodocs
from isecg_kg.cli import cli
from isecg_kg.resources import ontology_path

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "docs" / "ontology.html"


@pytest.fixture(scope="module")
def page() -> str:
    return ontodocs.render_html()


def _text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "lxml").get_text(" ").split())


def test_committed_docs_are_what_the_ontology_gives_today(page) -> None:
    assert COMMITTED.read_text(encoding="utf-8") == page, (
        "docs/ontology.html is out of date with ontology/isecg.ttl: regenerate it with "
        "`isecg-kg docs --out docs/ontology.html` and commit it"
    )


def test_every_labelled_or_commented_term_is_on_the_page(page) -> None:
    ontology = Graph().parse(ontology_path(), format="turtle")
    text = _text(page)
    terms = sorted({s for p in (RDFS.label, RDFS.comment) for s in ontology.subjects(p, None)})
    assert len(terms) > 40  # the classes, properties, individuals and external terms
    missing = []
    for term in terms:
        if str(term) not in page:
            missing.append(f"{term}: IRI")
        for p in (RDFS.label, RDFS.comment):
            for value in ontology.objects(term, p):
                if " ".join(str(value).split()) not in text:
                    missing.append(f"{term}: {p.fragment} {str(value)[:40]!r}")
    assert missing == []


def test_the_individuals_have_their_section_and_toc_entry(page) -> None:
    soup = BeautifulSoup(page, "lxml")
    section = soup.find(id="individuals")
    assert section is not None
    assert "International Space Exploration Coordination Group" in section.get_text()
    assert soup.find(id="individual-role-chair") is not None
    assert soup.find("a", href="#individual-org-ISECG") is not None


def test_the_page_fetches_nothing(page) -> None:
    soup = BeautifulSoup(page, "lxml")

    def remote(url: str | None) -> bool:
        return bool(url) and url.strip().lower().startswith(("http:", "https:", "//"))

    for tag in soup.find_all(["script", "img", "iframe", "embed", "source", "audio", "video"]):
        assert not remote(tag.get("src")), tag
    for tag in soup.find_all("link"):
        assert not remote(tag.get("href")), tag
    for style in soup.find_all("style"):
        assert "@import" not in style.get_text() and "url(http" not in style.get_text()
    assert ontodocs._FETCHES.search(page) is None


@pytest.mark.parametrize(
    "fetching",
    [
        '<script src="https://cdn.example.org/x.js"></script>',
        "<link rel=stylesheet href=//cdn.example.org/x.css>",
        '<img alt="" src="http://example.org/logo.png">',
        "<style>@import url('https://fonts.example.org/f.css');</style>",
    ],
)
def test_the_guard_refuses_a_page_that_would_fetch(monkeypatch, fetching) -> None:
    class Fetching:
        def __init__(self, graph, sort_subjects=False):
            pass

        def make_html(self):
            body = ontodocs._TOC + ontodocs._SECTION  # where the individuals go
            return f"<html><head>{fetching}</head><body>{body}</body></html>"

    monkeypatch.setattr(ontodocs, "_ontpub", lambda: Fetching)
    with pytest.raises(ontodocs.IsecgError, match="would fetch from the web"):
        ontodocs.render_html()


def test_a_link_to_elsewhere_is_no_fetch() -> None:
    assert ontodocs._FETCHES.search('<a href="https://w3id.org/isecg/ontology">x</a>') is None
    assert ontodocs._FETCHES.search('<link rel="icon" href="data:image/png;base64,AA">') is None


def test_rendering_leaves_the_callers_logging_as_it_was(page) -> None:
    root = logging.getLogger()
    before = (root.handlers[:], root.level)
    ontodocs.render_html()
    assert (root.handlers[:], root.level) == before


def test_docs_command_writes_build_ontology_html_by_default(tmp_path, monkeypatch, page) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["docs"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("wrote build/ontology.html: ontology documentation, ")
    assert (tmp_path / "build" / "ontology.html").read_text(encoding="utf-8") == page


def test_docs_command_reports_an_unwritable_out_in_one_line(tmp_path) -> None:
    (tmp_path / "file").write_text("")
    result = CliRunner().invoke(cli, ["docs", "--out", str(tmp_path / "file" / "x.html")])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("isecg-kg: error: ") and "x.html: cannot write" in line


def test_pylode_unable_to_write_its_cache_is_one_clear_error(monkeypatch) -> None:
    class Unwritable:
        def __init__(self, graph, sort_subjects=False):
            raise PermissionError(13, "Permission denied", "/site-packages/pylode/rdf/refs.pickle")

    monkeypatch.setattr(ontodocs, "_ontpub", lambda: Unwritable)
    with pytest.raises(ontodocs.IsecgError) as caught:
        ontodocs.render_html()
    assert str(caught.value) == (
        "/site-packages/pylode/rdf/refs.pickle: pyLODE cannot cache its background ontologies: "
        "Permission denied (run `isecg-kg docs` once as the user who installed it)"
    )
