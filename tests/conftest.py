"""Shared fixtures: the table layer (user folders and every table cache) reset around each test;
the helper modules of tests/helpers importable."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from translit import table_layer

sys.path.insert(0, str(Path(__file__).resolve().parent / "helpers"))

# The test run replays the same examples every time, so that a red run means a change broke
# something; searching new inputs is the fuzzer's job (bench/fuzz.py, bench/README.md).
# HYPOTHESIS_PROFILE=explore runs the property tests on fresh random examples instead.
settings.register_profile("replay", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "replay"))


@pytest.fixture(autouse=True)
def _clean_tables() -> Iterator[None]:
    table_layer.reset()
    yield
    table_layer.reset()
