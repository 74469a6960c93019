"""The agency registry: every canonical acronym, resolution of variants, scanning prose."""

from __future__ import annotations

import re
import time

import pytest

from isecg_kg.registry import Registry

ACRONYMS = re.findall(
    r"\S+",
    "AEB AEM ASA ASI CNES CNSA CSA CSIRO DLR ESA GISTDA ISA ISRO JAXA KARI KASA LSA MBRSC NASA "
    "NOSA NZSA POLSA PTS ROSA Roscosmos SSAU SSO UAESA UKSA VNSC",
)


@pytest.fixture(scope="module")
def reg() -> Registry:
    return Registry.load()


def test_every_contract_acronym_is_registered(reg):
    assert set(reg.acronyms) == set(ACRONYMS)
    for acr in ACRONYMS:
        assert reg.resolve(acr) == acr
        assert reg.label(acr)


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("NSAU", "SSAU"),
        ("National Space Agency of Ukraine", "SSAU"),
        ("State Space Agency of the Ukraine", "SSAU"),
        ("BNSC", "UKSA"),
        ("British National Space Centre", "UKSA"),
        ("UAE SA", "UAESA"),
        ("UAE-SA", "UAESA"),
        ("UAE Space Agency", "UAESA"),
        ("Russian Federal Space Agency", "Roscosmos"),
        ("ROSCOSMOS", "Roscosmos"),
        ("Centre National d'Études Spatiales", "CNES"),
        ("centre national d’etudes spatiales", "CNES"),
        ("French Centre National d'Etudes Spatiales", "CNES"),
        ("the Canadian Space Agency", "CSA"),
        ("Canadian Space Agency's", "CSA"),
        ("Deutsches Zentrum für Luft- und Raumfahrt", "DLR"),
        ("Indian Space Research Organization", "ISRO"),
        ("宇宙航空研究開発機構", "JAXA"),
        ("Norsk Romsenter", "NOSA"),
        ("Korea AeroSpace Administration", "KASA"),
        ("Israel Space Agency", "ISA"),
        ("Brazil (AEB)", "AEB"),
        ("ASC", "CSA"),
        ("Agence spatiale canadienne (ASC)", "CSA"),
        ("Agence spatiale italienne", "ASI"),
        ("Administration spatiale nationale chinoise", "CNSA"),
        ("Centre allemand pour l'aéronautique et l'astronautique", "DLR"),
        ("Agence japonaise d'exploration aerospatiale", "JAXA"),
        ("l'Institut coréen de recherche aérospatiale", "KARI"),
        ("Agence spatiale d'État d'Ukraine", "SSAU"),
        ("Agence spatiale du Royaume-Uni", "UKSA"),
        ("Agencia Espacial Europea", "ESA"),
        ("Europäische Weltraumorganisation", "ESA"),
        ("Agenția Spațială Română", "ROSA"),
        ("Agenţia Spaţială Română", "ROSA"),  # cedilla instead of comma below
        ("Polska Agencja Kosmiczna", "POLSA"),
        ("Agencia Espacial Mexicana", "AEM"),
    ],
)
def test_resolve_variants(reg, name, acronym):
    assert reg.resolve(name) == acronym


@pytest.mark.parametrize("name", ["Czech Space Agency", "Mars", "", "Philippine Space Agency"])
def test_unknown_names_resolve_to_none(reg, name):
    assert reg.resolve(name) is None


def test_by_country_the_one_agency_that_stands_for_it_then(reg):
    assert reg.by_country("Brazil") == "AEB"
    assert reg.by_country("Thailand") == "GISTDA"
    assert reg.by_country("United States of America") == "NASA"
    assert reg.by_country("Atlantis") is None
    # a country with two agencies: the one data/gazetteer.toml [country_agency] says stood
    # for it on the document's date; undated, the one that stands for it now
    assert reg.by_country("Republic of Korea", "2015-10") == "KARI"
    assert reg.by_country("Republic of Korea", "2024-06") == "KASA"
    assert reg.by_country("Republic of Korea") == "KASA"
    assert reg.by_country("Australia", "2015") == "CSIRO"
    assert reg.by_country("Australia", "2019-03") == "ASA"
    assert reg.by_country("UAE", "2012") == "UAESA"  # not MBRSC


def test_by_country_none_when_the_gazetteer_does_not_choose(reg, monkeypatch):
    from isecg_kg.gazetteer import gazetteer

    monkeypatch.setattr(gazetteer(), "country_agency", {})
    assert reg.by_country("Republic of Korea", "2015") is None  # KARI or KASA
    assert reg.by_country("Australia") is None  # ASA or CSIRO


def test_country_of_an_agency(reg):
    assert reg.country("DLR") == "Germany"
    assert reg.country("ESA") is None


def test_mentions_spans_and_longest_match(reg):
    text = "Delegates of the European Space Agency (ESA) and the UAE SA met; Asa and isa did not."
    found = reg.mentions(text)
    assert [m.acronym for m in found] == ["ESA", "ESA", "UAESA"]
    for m in found:
        assert text[m.start : m.end] == m.surface
    assert found[0].surface == "European Space Agency"


def test_mentions_across_line_breaks_and_accents(reg):
    text = "the Japan Aerospace\nExploration Agency and the Centre National d’Études Spatiales"
    assert [m.acronym for m in reg.mentions(text)] == ["JAXA", "CNES"]


def test_mentions_is_fast(reg):
    text = ("The Canadian Space Agency (CSA) hosted NASA, ESA and JAXA in Montreal. " * 150)[
        :10_000
    ]
    reg.mentions(text)
    start = time.perf_counter()
    reg.mentions(text)
    assert time.perf_counter() - start < 0.05


def test_french_acronym_is_case_sensitive(reg):
    assert [m.acronym for m in reg.mentions("L'ASC et le CNES; an asc file")] == ["CSA", "CNES"]


def test_every_agency_has_a_french_name_or_is_french_named(reg):
    """A French-language report names every agency; the registry knows each name."""
    for name, acr in [
        ("Agence spatiale brésilienne", "AEB"),
        ("Agence spatiale australienne", "ASA"),
        ("Agence spatiale luxembourgeoise", "LSA"),
        ("Agence spatiale norvégienne", "NOSA"),
        ("Agence spatiale néo-zélandaise", "NZSA"),
        ("Agence spatiale des Émirats arabes unis", "UAESA"),
        ("Agence spatiale fédérale russe", "Roscosmos"),
    ]:
        assert reg.resolve(name) == acr


def test_an_agency_described_by_its_country_adjective(reg):
    def described(text):
        return [m.acronym for m in reg.described(text, reg.mentions(text))]

    assert described("the Italian hosts and the Canadian delegation") == ["ASI", "CSA"]
    # two agencies of the Emirates: "space agency" names the one called so
    assert described("the Emirati space agency") == ["UAESA"]
    # a country with two agencies: the one standing for it on the date
    assert [m.acronym for m in reg.described("the Australian delegation", [], "2015")] == ["CSIRO"]
    assert [m.acronym for m in reg.described("the Korean agency", [], "2016")] == ["KARI"]
    assert described("the French space agency CNES") == []  # named right after
    assert described("the Italian Space Agency") == []  # a name of its own
