"""Count the work a call does (Python and C function calls), to test linear growth without timing.

A loop that is quadratic in the input shows up as a call count that grows faster than the input;
unlike a timer, the count does not depend on the machine or its load.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def count_calls(function: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
    """How many function calls (Python and built-in) ``function(*args, **kwargs)`` makes."""
    calls = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(profile)
    try:
        function(*args, **kwargs)
    finally:
        sys.setprofile(None)
    return calls


def grows_linearly(function: Callable[[str], Any], unit: str, *, factor: int = 4,
                   slack: float = 1.5) -> tuple[bool, int, int]:
    """Whether ``function`` on ``unit`` does at most ``slack`` × ``factor`` times the work it
    does on the first 1/``factor`` of it (plus a constant for start-up work)."""
    small = count_calls(function, unit[: len(unit) // factor])
    large = count_calls(function, unit)
    return large <= slack * factor * small + 2000, small, large
