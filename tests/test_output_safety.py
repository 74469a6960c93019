"""What a build leaves on disk: a good graph is not replaced by a worse one, files get the
umask's permissions, killed writers' leftovers are removed; a closed pipe or a bad port is one
line and exit status 2."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from isecg_kg import store
from isecg_kg.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "sources"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A checkout's layout with the seeds, built once: data/sources/ -> build/isecg.ttl."""
    shutil.copytree(SEEDS, tmp_path / "data" / "sources")
    monkeypatch.chdir(tmp_path)
    assert invoke("build", "-q").exit_code == 0
    return tmp_path


def test_a_mistyped_source_path_leaves_the_built_graph_as_it_was(project):
    graph = project / "build" / "isecg.ttl"
    before = graph.read_bytes(), graph.stat().st_mtime_ns
    result = invoke("build", "data/source")
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert errors == [
        "isecg-kg: error: data/source: no such file or folder (check the source path)",
        "isecg-kg: error: build/isecg.ttl: kept as it was, not replaced: 1 source failed "
        "(--force replaces it anyway)",
    ]
    assert result.stdout.splitlines()[0].startswith("read, not written to build/isecg.ttl: 0 ")
    assert (graph.read_bytes(), graph.stat().st_mtime_ns) == before


def test_one_bad_document_among_good_ones_keeps_the_old_graph_too(project):
    graph = project / "build" / "isecg.ttl"
    before = graph.read_bytes()
    (project / "data" / "sources" / "broken.json").write_text('{"title": ')
    result = invoke("build")
    assert result.exit_code == 2
    assert "broken.json:1: malformed JSON" in result.stderr and "kept as it was" in result.stderr
    assert graph.read_bytes() == before


def test_force_replaces_it(project):
    graph = project / "build" / "isecg.ttl"
    result = invoke("build", "data/source", "--force", "-q")
    assert result.exit_code == 2
    assert "kept" not in result.stderr
    assert "2020-09-09" not in graph.read_text()  # only the registry is left: what was asked


def test_a_new_output_is_written_though_a_source_failed(project):
    out = project / "elsewhere.ttl"
    result = invoke("build", "data/sources", "data/source", "--out", str(out), "-q")
    assert result.exit_code == 2
    assert "2020-09-09" in out.read_text()


def test_outputs_honour_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        out = tmp_path / "kg.ttl"
        assert invoke("build", str(SEEDS), "--out", str(out), "-q").exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o640
        os.umask(0o002)
        assert invoke("build", str(SEEDS), "--out", str(out), "-q").exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_what_killed_writers_left_is_removed_and_a_live_ones_kept(tmp_path):
    out = tmp_path / "kg.ttl"
    dead, alive = _dead_pid(), os.getppid()
    stale_file = tmp_path / f".kg.ttl.{dead}.k3x9.tmp"
    live_file = tmp_path / f".kg.ttl.{alive}.k3x9.tmp"
    stale_store = tmp_path / f".kg.oxigraph.{dead}.tmp"
    stale_old = tmp_path / f".kg.oxigraph.{dead}.old"
    for p in (stale_file, live_file):
        p.write_text("half a graph")
    for d in (stale_store, stale_old):
        d.mkdir()
        (d / "000001.sst").write_bytes(b"x")
    assert invoke("build", str(SEEDS), "--out", str(out), "-q").exit_code == 0
    assert not stale_file.exists() and live_file.exists()
    store.open_store([out], cache=True)  # builds kg.oxigraph/ beside it
    assert not stale_store.exists() and not stale_old.exists()
    assert (tmp_path / "kg.oxigraph").is_dir()


def test_a_closed_pipe_is_one_line_and_exit_2(tmp_path):
    out = tmp_path / "kg.ttl"
    assert invoke("build", str(SEEDS), "--out", str(out), "-q").exit_code == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "isecg_kg", "query", "agencies", "--data", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # the reader is gone before the first line: `| head -0`
    stderr = proc.stderr.read().decode()
    assert proc.wait() == 2
    assert stderr.splitlines() == ["isecg-kg: error: output closed early (broken pipe)"]


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_a_bad_port_is_one_line_and_exit_2(tmp_path, port):
    out = tmp_path / "kg.ttl"
    out.write_text("<http://example.org/a> <http://example.org/p> 1 .\n")
    result = invoke("serve", "--data", str(out), "--port", port)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"isecg-kg: error: --port {port} is not a TCP port (0-65535; 0 takes a free one)"
    )
