"""One measured figure of a benchmark, and how figures are measured and printed."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str  # "µs", "ms", "s", "MB"...
    target: str = ""  # e.g. "< 50 µs"; empty when the figure is only informative
    ok: bool | None = None  # None when there is no target

    @property
    def verdict(self) -> str:
        return {True: "pass", False: "FAIL", None: ""}[self.ok]


_SCALE = {"s": 1.0, "ms": 1e-3, "µs": 1e-6, "ns": 1e-9}


def per_call(fn: Callable[[], object], *, calls: int, repeats: int = 7) -> float:
    """Median, over ``repeats`` runs, of the seconds one call of ``fn`` takes (each run times
    ``calls`` calls in a row with time.perf_counter, so timer overhead is spread out)."""
    fn()  # warm caches
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        runs.append((time.perf_counter() - start) / calls)
    return statistics.median(runs)


def median_of(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def below(name: str, seconds: float, unit: str, limit: float) -> Figure:
    """A figure in ``unit`` with the target ``< limit unit``."""
    value = seconds / _SCALE[unit]
    return Figure(name, value, unit, f"< {limit:g} {unit}", value < limit)


def table(figures: Sequence[Figure]) -> str:
    rows = [("figure", "value", "unit", "target", "result")]
    for f in figures:
        value = f"{f.value:.3g}" if f.value < 1000 else f"{f.value:.0f}"
        rows.append((f.name, value, f.unit, f.target, f.verdict))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            row[0].ljust(widths[0]),
            row[1].rjust(widths[1]),
            row[2].ljust(widths[2]),
            row[3].ljust(widths[3]),
            row[4],
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
