"""The build's progress: told by ``pipeline.build``, drawn by ``isecg-kg build`` as a bar on
stderr only when stderr is a terminal and the build has more than 20 files."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from isecg_kg import pipeline

TEXT = (
    "ISECG news {n}\n\nOn September 9, 2020, senior managers of 23 space agencies met "
    "virtually for a meeting of the International Space Exploration Coordination Group "
    "(ISECG).\n"
)


def sources(folder: Path, n: int) -> Path:
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"d{i:02d}.txt").write_text(TEXT.format(n=i), encoding="utf-8")
    return folder


def build_on_terminal(tmp_path: Path, folder: Path, *args: str) -> tuple[int, str, str]:
    """``isecg-kg build`` with stderr on a pseudo-terminal 100 columns wide: exit status,
    what the terminal showed, stdout."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    command = [sys.executable, "-m", "isecg_kg", "build", str(folder)]
    command += ["--out", str(tmp_path / "kg.ttl"), *args]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=slave) as child:
        os.close(slave)
        shown = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closed: the child has exited
                break
            if not chunk:
                break
            shown += chunk
        stdout = child.stdout.read().decode()
    os.close(master)
    return child.returncode, shown.decode("utf-8", "replace"), stdout


def test_build_tells_its_progress_file_by_file_then_by_stage(tmp_path) -> None:
    calls: list[tuple[str, int, int]] = []
    pipeline.build([sources(tmp_path / "s", 3)], progress=lambda *a: calls.append(a))
    assert calls == [
        ("read", 0, 3),
        ("read", 1, 3),
        ("read", 2, 3),
        ("read", 3, 3),
        ("reason", 0, 1),
        ("validate", 0, 1),
    ]


def test_progress_from_a_worker_pool_reaches_every_file(tmp_path) -> None:
    told: list[int] = []
    files = sources(tmp_path / "s", 3)
    docs, _, items, errors = pipeline.read_and_extract(
        [files], workers=2, progress=lambda stage, done, total: told.append((done, total))
    )
    assert len(docs) == len(items) == 3 and errors == []
    assert told[0] == (0, 3) and told[-1] == (3, 3)
    assert [d for d, _ in told] == sorted(d for d, _ in told)


def test_a_terminal_shows_a_bar_for_many_documents(tmp_path) -> None:
    status, shown, stdout = build_on_terminal(tmp_path, sources(tmp_path / "s", 21))
    assert status == 0, shown
    assert "reading" in shown and "21/21" in shown and "%|" in shown
    assert stdout.startswith("built ")  # the summary stays on stdout, apart from the bar


def test_a_terminal_shows_no_bar_for_a_few_documents(tmp_path) -> None:
    status, shown, _ = build_on_terminal(tmp_path, sources(tmp_path / "s", 20))
    assert status == 0, shown
    assert "%|" not in shown and "\r" not in shown.replace("\r\n", "")


def test_quiet_shows_no_bar(tmp_path) -> None:
    status, shown, stdout = build_on_terminal(tmp_path, sources(tmp_path / "s", 21), "-q")
    assert status == 0 and stdout == ""
    assert "%|" not in shown


def test_no_terminal_no_bar(tmp_path) -> None:
    folder = sources(tmp_path / "s", 21)
    command = [sys.executable, "-m", "isecg_kg", "build", str(folder)]
    done = subprocess.run(
        [*command, "--out", str(tmp_path / "kg.ttl")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "%|" not in done.stderr and "\r" not in done.stderr and "reading" not in done.stderr
    assert done.stdout.startswith("built ")


@pytest.mark.parametrize("broken", ["isatty", "closed"])
def test_a_stream_that_cannot_say_is_no_terminal(broken) -> None:
    from isecg_kg.cli import _is_tty

    class Stream:
        def isatty(self) -> bool:
            raise ValueError("I/O operation on closed file")

    assert _is_tty(object() if broken == "isatty" else Stream()) is False
