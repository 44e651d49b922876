"""Ukrainian place names of GeoNames against the Ukrainian tables (issue 17), on both parts of
``tests/helpers/eval_names_uk.py``: the GeoNames English name is the output of the national
system or of BGN/PCGN 1965 for most places; the rest are Russian forms and other names."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))
from eval_names_uk import PARTS, figures

# Measured when added (stop 29): tuned national 74.8 %, either 86.0 % of 1,576 places;
# held-out national 74.9 %, either 87.5 % of 423. Floors about two points below.
NATIONAL = {"tuned": 0.72, "held-out": 0.72}
EITHER = {"tuned": 0.84, "held-out": 0.85}


@pytest.mark.parametrize("part", PARTS)
def test_geonames_names_follow_the_ukrainian_tables(part: str) -> None:
    result = figures(part)
    assert result["places"] > 400, result
    assert result["national"] >= NATIONAL[part], result
    assert result["either"] >= EITHER[part], result
