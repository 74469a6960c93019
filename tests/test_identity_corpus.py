"""Meeting identity end to end: the pairs of documents in tests/identity/, built with the seeds,
come out as one meeting each, with every document counted among its sources
(tests/identity/merges.json says which)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from isecg_kg.pipeline import build
from isecg_kg.queries import get_query, run

ROOT = Path(__file__).resolve().parents[1]
IDENTITY = ROOT / "tests" / "identity"
EXPECTED = json.loads((IDENTITY / "merges.json").read_text())

SOURCES = """
PREFIX isecg: <https://w3id.org/isecg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?meeting ?file WHERE {
  ?meeting a isecg:Meeting ; prov:wasDerivedFrom ?source . ?source isecg:fileName ?file .
}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("identity") / "kg.ttl"
    result = build([IDENTITY / "docs", ROOT / "data" / "sources"], out=out)
    assert not result.errors
    return result.data()


def meetings_of(data) -> dict[str, set[str]]:
    """Document stem -> the meetings it describes."""
    out: dict[str, set[str]] = {}
    for row in data.query(SOURCES):
        out.setdefault(Path(str(row.file)).stem, set()).add(str(row.meeting))
    return out


@pytest.mark.parametrize("group", EXPECTED["one_meeting"], ids=lambda g: g["date"])
def test_a_meeting_told_by_several_documents_is_one_meeting(built, group):
    by_doc = meetings_of(built)
    [meeting] = {m for doc in group["docs"] for m in by_doc[doc]}
    rows = {str(r["meeting"]): r for r in run(get_query("meetings"), built).rows}
    assert str(rows[meeting]["sources"]) == str(len(group["docs"]))
    assert str(rows[meeting]["date"]) == group["date"]


@pytest.mark.parametrize("group", EXPECTED["apart"], ids=lambda g: "+".join(g))
def test_meetings_without_date_or_place_stay_apart(built, group):
    by_doc = meetings_of(built)
    found = [by_doc[doc] for doc in group]
    assert all(len(f) == 1 for f in found)
    assert len(set.union(*found)) == len(group)
