"""Shared test scaffolding: the agency registry, and short documents written for a test."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

from isecg_kg.registry import Registry

_CACHE = tempfile.mkdtemp(prefix="isecg-kg-cache-")


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
