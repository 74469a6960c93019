"""Shared test scaffolding: the agency registry, and short documents written for a test."""

from __future__ import annotations

import pytest

from isecg_kg.registry import Registry


@pytest.fixture(scope="session")
def reg() -> Registry:
    """The registry shipped with isecg-kg, loaded once."""
    return Registry.load()
