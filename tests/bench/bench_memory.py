"""Memory and repaint cost over a long day: 8 hours, 500 segments, 10,000 controls in
fast-forward on a FakeClock (tests/faults/long_session.py), the real log writer included.

Figures:
- memory kept after 10,000 events, and the growth per 1,000 events early (events 1-2k, after
  a warm-up thousand) and late (9-10k): tracemalloc, after a collection; "flat" means the late
  growth is no larger than the early one (the log is event-sourced: each event is kept once,
  as an event and as its log line, so memory grows linearly and slowly, never faster);
- the peak growth while a thousand events are given (tracemalloc's peak over the window);
- a snapshot (one repaint's read of the engine) at event 1,000 and at event 10,000: time and
  bytes allocated per call;
- an undo at event 1,000 and at event 10,000 (undo refolds from the time line's last mark:
  informative);
- recovery: reading the 10,000-event log and folding it, as a relaunch after a crash does.
"""

from __future__ import annotations

import gc
import os
import tempfile
import time
import tracemalloc
from pathlib import Path

from app.engine import Timeline, Undo
from app.timing_log.reader import read_log
from tests.bench.figures import Figure, per_call
from tests.faults.long_session import EVENTS, LongSession

KB, MB = 1024, 1024 * 1024


def _snapshot_bytes(day: LongSession) -> int:
    before, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    day.session.snapshot()
    return tracemalloc.get_traced_memory()[1] - before


def _undo_cost_s(day: LongSession) -> float:
    """What an undo costs now: the refold from the time line's last mark before the control
    it takes back (measured on a copy of the day, folded first)."""
    engine = day.session.engine
    copy = Timeline(engine.initial_plan, engine.events, planned_start_t=engine.planned_start_t)
    copy.final()
    started = time.perf_counter()
    assert copy.append(Undo(t=copy.last_t + 1.0))
    return time.perf_counter() - started


def _snapshot_times_us(day: LongSession) -> tuple[float, float]:
    """A repaint's snapshot with 1,000 and with 10,000 events behind it: the engine as it was
    at event 1,000 (rebuilt from those events) against the live one, timed in turns so that
    a busy machine slows both alike; the fastest of many runs of each."""
    live = day.session.engine
    early = Timeline(live.plan, live.events[:1000], planned_start_t=live.planned_start_t)
    t_early, t_live = early.last_t + 1.5, live.last_t + 1.5
    runs_early, runs_live = [], []
    for _ in range(15):
        runs_early.append(per_call(lambda: early.snapshot(t_early), calls=500, repeats=1))
        runs_live.append(per_call(lambda: live.snapshot(t_live), calls=500, repeats=1))
    return min(runs_early) * 1e6, min(runs_live) * 1e6


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="tk-bench-memory-") as folder:
        return _run(Path(folder))


def _run(folder: Path) -> list[Figure]:
    real_fsync = os.fsync
    os.fsync = lambda fd: None  # the disk is not what this measures (fsync: bench_engine)
    try:
        day = LongSession(folder / "logs")
        day.run(1000)  # warm-up: caches, first allocations, interned strings
        undo_ms_1k = min(_undo_cost_s(day) for _ in range(5)) * 1e3

        tracemalloc.start()
        try:
            snap_bytes_1k = _snapshot_bytes(day)
            gc.collect()
            base, _ = tracemalloc.get_traced_memory()
            windows: list[tuple[int, int]] = []  # (growth, peak growth) per 1,000 events
            while day.events < EVENTS:
                gc.collect()
                start, _ = tracemalloc.get_traced_memory()
                tracemalloc.reset_peak()
                day.run(1000)
                _, peak = tracemalloc.get_traced_memory()
                gc.collect()
                end, _ = tracemalloc.get_traced_memory()
                windows.append((end - start, peak - start))
            kept = tracemalloc.get_traced_memory()[0] - base
            snap_bytes_10k = _snapshot_bytes(day)
        finally:
            tracemalloc.stop()

        snap_us_1k, snap_us_10k = _snapshot_times_us(day)
        undo_ms_10k = min(_undo_cost_s(day) for _ in range(5)) * 1e3
        day.close()
    finally:
        os.fsync = real_fsync

    started = time.perf_counter()
    log = read_log(day.live.log_path)
    engine = Timeline(log.header.plan, log.events, planned_start_t=log.header.planned_start_t)
    engine.snapshot(engine.last_t)
    recovery_s = time.perf_counter() - started
    assert len(log.records) == EVENTS

    early, late = windows[0][0], windows[-1][0]
    peak = max(p for _, p in windows)
    # Retained since tracing began, plus what the first 1,000 events kept (about one window).
    kept_total = kept + early
    return [
        Figure(
            "memory: kept after 10,000 events (8 h, 500 segments)",
            kept_total / MB,
            "MB",
            "< 20 MB",
            kept_total < 20 * MB,
        ),
        Figure("memory: growth per 1,000 events, events 1-2k", early / KB, "KB"),
        Figure(
            "memory: growth per 1,000 events, events 9-10k",
            late / KB,
            "KB",
            "flat: <= 1.25 x events 1-2k",
            late <= 1.25 * early,
        ),
        Figure(
            "memory: peak growth per 1,000 events after warm-up",
            peak / KB,
            "KB",
            "< 2048 KB",
            peak < 2048 * KB,
        ),
        Figure("snapshot: time per call at event 1,000", snap_us_1k, "µs"),
        Figure(
            "snapshot: time per call at event 10,000",
            snap_us_10k,
            "µs",
            "flat: <= 1.5 x at 1,000",
            snap_us_10k <= 1.5 * snap_us_1k,
        ),
        Figure("snapshot: bytes allocated per call at event 1,000", snap_bytes_1k / KB, "KB"),
        Figure(
            "snapshot: bytes allocated per call at event 10,000",
            snap_bytes_10k / KB,
            "KB",
            "<= 1.5 x at 1,000",
            snap_bytes_10k <= 1.5 * snap_bytes_1k,
        ),
        Figure("undo: refold at event 1,000", undo_ms_1k, "ms"),
        Figure("undo: refold at event 10,000 (from the last mark)", undo_ms_10k, "ms"),
        Figure(
            "recovery: read and fold a 10,000-event log",
            recovery_s * 1e3,
            "ms",
            "< 2000 ms",
            recovery_s < 2.0,
        ),
    ]
