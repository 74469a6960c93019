"""The test session's network guard itself: a socket to anything but loopback fails, here and
in subprocesses, and the attempt is logged so that a swallowed error still fails the test."""

from __future__ import annotations

import socket
import subprocess
import sys

import isecg_netguard
import pytest

FAR = ("198.51.100.7", 80)  # TEST-NET-2: never reached, the guard fails first


@pytest.fixture
def private_log(tmp_path, monkeypatch):
    """Attempts of this test go to their own log, not the one every test is checked against."""
    log = tmp_path / "attempts.log"
    monkeypatch.setenv(isecg_netguard.LOG, str(log))
    return log


def test_connect_to_a_far_address_fails_and_is_logged(private_log):
    with socket.socket() as s, pytest.raises(isecg_netguard.NetworkBlocked):
        s.connect(FAR)
    with pytest.raises(OSError):
        socket.create_connection(FAR, timeout=1)
    with pytest.raises(OSError):
        socket.getaddrinfo("example.org", 80)
    assert len(private_log.read_text().splitlines()) == 3


def test_loopback_is_allowed(private_log):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=1):
            pass
    assert socket.getaddrinfo("localhost", 80)
    assert not private_log.exists()


def test_binding_every_interface_fails(private_log):
    with socket.socket() as s, pytest.raises(isecg_netguard.NetworkBlocked):
        s.bind(("", 0))


def test_subprocesses_are_guarded_too(private_log):
    code = "import socket; socket.create_connection(('198.51.100.7', 80), timeout=1)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode != 0 and "NetworkBlocked" in run.stderr
    assert "'198.51.100.7'" in private_log.read_text()
