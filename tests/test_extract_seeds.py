"""The three seed reports against the facts they state (tests/fixtures/docs/gold)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from isecg_kg.extract import extract
from isecg_kg.sources import load_all

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "docs" / "gold"
SOURCES = ROOT / "data" / "sources"


def cases() -> list:
    return [
        pytest.param(json.loads(gold.read_text()), id=gold.stem)
        for gold in sorted(GOLD.glob("*.json"))
    ]


def bounds_match(gold: str | None, got: str | None) -> bool:
    return gold is None or (got is not None and (got.startswith(gold) or gold.startswith(got)))


@pytest.fixture(scope="module")
def extracted(reg):
    out = {}
    for gold in GOLD.glob("*.json"):
        (doc,) = load_all(SOURCES / f"{gold.stem}.txt")
        out[gold.stem] = (doc, extract(doc, reg))
    return out


@pytest.mark.parametrize("gold", cases())
def test_meetings(gold, extracted):
    doc, e = extracted[gold["doc"]]
    assert len(e.meetings) == len(gold["meetings"])
    for g, m in zip(gold["meetings"], e.meetings, strict=True):
        assert m.when.value == g["date"]
        if g["date"] is None:
            assert bounds_match(g["earliest"], m.when.earliest)
            assert bounds_match(g["latest"], m.when.latest)
        assert (m.city, m.country, m.venue) == (g["city"], g["country"], g["venue"])
        assert (m.host.key if m.host else None) == g["host"]
        assert m.virtual == g["virtual"]
        assert m.stated_participants == g["stated_participant_count"]
        want = g["participants"] or []
        assert [a.key for a in m.participants] == want
        assert doc.text[m.evidence.start : m.evidence.end] == m.evidence.sentence


@pytest.mark.parametrize("gold", cases())
def test_members_and_joins(gold, extracted):
    _, e = extracted[gold["doc"]]
    members = gold["members"]
    if members is None:
        assert e.member_lists == ()
    else:
        (ml,) = e.member_lists
        assert ml.when.value == members["as_of"]
        assert sorted(a.key for a in ml.members) == sorted(members["listed"])
        if not members["listed"]:
            assert ml.stated_count == members["stated_count"]
    got = {j.agency.key: j.when for j in e.joins}
    assert set(got) == {j["agency"] for j in gold["joins"]}
    for j in gold["joins"]:
        w = got[j["agency"]]
        assert (w.value, w.earliest, w.latest) == (j["date"], j["earliest"], j["latest"])


@pytest.mark.parametrize("gold", cases())
def test_chairs(gold, extracted):
    _, e = extracted[gold["doc"]]
    got = [
        (c.previous.key if c.previous else None, c.to.key, c.when.value) for c in e.chair_changes
    ]
    assert got == [(c["from"], c["to"], c["date"]) for c in gold["chair_transitions"]]
    for c, g in zip(e.chair_changes, gold["chair_transitions"], strict=True):
        if g.get("at_meeting"):
            assert c.meeting == 0


@pytest.mark.parametrize("gold", cases())
def test_roadmaps(gold, extracted):
    _, e = extracted[gold["doc"]]
    got = sorted((r.supplement, r.edition or 0, r.published or "") for r in e.roadmaps)
    want = sorted(
        ("supplement" in g["title"].casefold(), g["edition"] or 0, g["published"] or "")
        for g in gold["roadmaps"]
    )
    assert got == want
    titles = {r.title for r in e.roadmaps}
    assert {g["title"] for g in gold["roadmaps"]} <= titles
