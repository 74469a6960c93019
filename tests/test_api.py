"""The Python API: build, load, run a saved query with parameters, rows as dicts."""

from __future__ import annotations

from pathlib import Path

import isecg_kg

SEEDS = Path(__file__).resolve().parents[1] / "data" / "sources"


def test_build_then_query_members(tmp_path):
    out = tmp_path / "kg.ttl"
    result = isecg_kg.build(SEEDS, out=out)
    assert result.summary()["documents"] == 3
    rows = isecg_kg.query("members", data=out, date="2015-10-07")
    acronyms = {r["agency"] for r in rows}
    assert {"NASA", "ESA", "SSAU", "CSIRO"} <= acronyms
    assert "AEB" not in acronyms  # joined in 2020
    graph = isecg_kg.load(out)
    assert isecg_kg.query("meetings", data=graph)[0].keys() >= {"meeting", "date", "sources"}


def test_saved_query_names():
    assert {"meetings", "members", "joins", "chairs", "roadmaps"} <= set(isecg_kg.saved_queries())
