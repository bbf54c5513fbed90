"""Figures the benchmarks share."""

from __future__ import annotations


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` of 1); NaN for no values."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, int(-(-share * len(ordered) // 1)) - 1))]
