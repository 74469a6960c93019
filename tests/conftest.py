"""Shared test scaffolding: the network guard, the agency registry, hypothesis profiles."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

_GUARD = Path(__file__).parent / "netguard"
_CACHE = tempfile.mkdtemp(prefix="isecg-kg-cache-")
_NETLOG = Path(_CACHE) / "network-attempts.log"

# No test opens a socket to anything but loopback: this process, and every Python subprocess
# (sitecustomize on PYTHONPATH), gets a socket that fails and logs the attempt.
os.environ["ISECG_KG_NETGUARD_LOG"] = str(_NETLOG)
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(_GUARD), os.environ.get("PYTHONPATH")) if p
)
sys.path.insert(0, str(_GUARD))
import isecg_netguard  # noqa: E402

isecg_netguard.install()

from hypothesis import HealthCheck, settings  # noqa: E402

from isecg_kg.registry import Registry  # noqa: E402

# Fuzzing (tests/test_fuzz.py): "ci", the same few hundred inputs per target on every run;
# ISECG_KG_FUZZ=long, ISECG_KG_FUZZ_EXAMPLES (default 10,000) random inputs per target.
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[*_SLOW_OK, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("ISECG_KG_FUZZ_EXAMPLES", "10000")),
    database=None,
    deadline=None,
    suppress_health_check=[*_SLOW_OK, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("ISECG_KG_FUZZ", "ci"))


def _attempts() -> list[str]:
    try:
        return _NETLOG.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []


@pytest.fixture(autouse=True)
def no_network():
    """Fail the test that tried to reach the network, even if the code swallowed the error."""
    before = len(_attempts())
    yield
    new = _attempts()[before:]
    if new:
        pytest.fail("network access attempted:\n" + "\n".join(new), pytrace=False)


def pytest_configure(config: pytest.Config) -> None:
    """A fresh fastshacl cache for each run (CLI subprocesses inherit it): every run checks
    the analysis of the shapes itself, and nothing is left in the user's cache."""
    os.environ["ISECG_KG_CACHE"] = _CACHE


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def reg() -> Registry:
    """The registry shipped with isecg-kg, loaded once."""
    return Registry.load()
