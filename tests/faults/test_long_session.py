"""A long day: eight hours, 500 segments, 10,000 controls in fast-forward. Nothing a moderator
would notice may grow with the length of the session: memory stays small and grows at the
same pace at the end as at the start, and a repaint's snapshot does the same work at event
10,000 as at event 1,000. Loose bounds, no timings: tracemalloc sizes and call counts (the
figures with times are in tests/bench/bench_memory.py).
"""

from __future__ import annotations

import gc
import itertools
import os
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.faults.long_session import EVENTS, LongSession

MB = 1024 * 1024


def python_calls(fn: Callable[[], object]) -> int:
    """How many Python functions one call of ``fn`` runs (C functions not counted)."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def allocated_by(fn: Callable[[], object]) -> int:
    """Peak bytes allocated while ``fn`` runs (tracemalloc must be tracing)."""
    before, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    return peak - before


@pytest.fixture
def tracing() -> Iterator[None]:
    tracemalloc.start()
    try:
        yield
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_eight_hours_of_controls_leave_memory_and_repaints_flat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tracing: None
) -> None:
    # Durability is not what this measures: 10,000 fsyncs would only make it slow.
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    day = LongSession(tmp_path / "logs")
    retained: list[int] = []
    snapshot_bytes: list[int] = []
    snapshot_calls: list[int] = []
    while day.events < EVENTS:
        day.run(1000)
        gc.collect()
        retained.append(tracemalloc.get_traced_memory()[0])
        snapshot_bytes.append(allocated_by(day.session.snapshot))
        snapshot_calls.append(python_calls(day.session.snapshot))
    day.close()

    growth = [b - a for a, b in itertools.pairwise(retained)]
    assert retained[-1] < 20 * MB, f"{retained[-1] / MB:.1f} MB kept after {EVENTS} events"
    assert growth[-1] <= 2 * growth[0] + 64 * 1024, f"growth per 1,000 events: {growth}"
    assert snapshot_calls[-1] == snapshot_calls[0], "a snapshot must not walk the events"
    # Loose: a snapshot copies the segment lists (flat) and the list of pauses (which grows
    # by one entry per pause: about 8 bytes each, 1,000 pauses here).
    assert snapshot_bytes[-1] <= 1.5 * snapshot_bytes[0], snapshot_bytes
    snap = day.session.snapshot()
    assert snap.current >= 490  # the day really went through its running order
    lines = day.live.log_path.read_bytes().count(b"\n")
    assert lines == EVENTS + 1  # the header and every control, on disk
