"""Shared fixtures: a clean registry for every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from translit import registry


@pytest.fixture(autouse=True)
def _clean_registry() -> Iterator[None]:
    registry.reset()
    yield
    registry.reset()
