"""The on-demand load test's own machinery, on a small bounded run: every request is answered,
the over-time query is stopped, the report is written. (Its figures are for docs/SERVER.md.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from isecg_kg import loadtest
from isecg_kg.cli import cli

SEEDS = Path(__file__).resolve().parents[1] / "data" / "sources"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    out = tmp_path_factory.mktemp("kg") / "isecg.ttl"
    assert CliRunner().invoke(cli, ["build", str(SEEDS), "--out", str(out), "-q"]).exit_code == 0
    proc, port = loadtest._start(out, timeout=1.0, workers=2)
    yield port
    proc.terminate()
    proc.wait(10)


def test_a_small_load_is_answered_without_errors(server):
    result = loadtest.load(server, loadtest._texts(), requests=60, clients=6, keep_alive=False)
    assert result["requests"] == 60 and result["errors"] == 0 and result["statuses"] == [200]
    assert result["p50_ms"] <= result["p99_ms"] <= result["max_ms"]


def test_the_timeout_case_stops_the_long_query_and_answers_the_others(server):
    result = loadtest.timeout_case(server, timeout=1.0, clients=2)
    assert result["long_status"] == 503
    assert result["quick_answered"] > 0 and result["quick_errors"] == 0


def test_the_report_reads_as_the_docs_table():
    load = {
        "requests": 10,
        "clients": 2,
        "keep_alive": False,
        "p50_ms": 2.0,
        "p90_ms": 3.0,
        "p99_ms": 4.0,
        "max_ms": 5.0,
        "per_second": 100.0,
        "errors": 0,
        "listen_drops": 0,
    }
    timeout = {
        "timeout": 2.0,
        "long_status": 503,
        "long_seconds": 2.01,
        "quick_answered": 9,
        "quick_errors": 0,
        "quick_p50_ms": 1.0,
        "quick_p99_ms": 2.0,
    }
    text = loadtest.markdown(
        {"load": load, "timeout": timeout, "queries": 3, "triples": 10, "workers": 2}
    )
    assert "| 2.0 ms | 3.0 ms | 4.0 ms | 5.0 ms | 2.0 | 100 | 0 | 0 |" in text
    assert "answered 503 after 2.01 s" in text
