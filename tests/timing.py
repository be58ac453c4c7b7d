"""Test helper for the linear-time regression tests: n against 10n, timed in the same run."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def fastest(run: Callable[[], T], times: int = 3) -> tuple[float, T]:
    """The fastest of `times` runs (seconds: the least disturbed by a busy machine), and what
    the last one returned, for the test to check."""
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result
