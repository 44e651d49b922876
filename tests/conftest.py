"""Shared fixtures: a clean registry for every test; tests/ importable for helper modules."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from translit import registry

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True)
def _clean_registry() -> Iterator[None]:
    registry.reset()
    yield
    registry.reset()
