"""Engine and timing-log figures: the cost of a snapshot (taken on every repaint), of a report
of a long log, of an fsynced event, of recovering and of undoing in a long session."""

from __future__ import annotations

import random
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from app.engine import FakeClock, Timeline
from app.engine.session import Session
from app.model import load_running_order
from app.model.plan import Plan
from app.model.schema import SegmentKind
from app.reports.formats import render
from app.reports.model import build_report
from app.timing_log.format import LogHeader, event_line
from app.timing_log.reader import read_log
from app.timing_log.writer import LogWriter
from tests.bench.figures import Figure, below, median_of, per_call
from tests.conftest import SEED
from tests.engine.helpers import Seg, make_plan


def _seed_engine() -> Timeline:
    """The seed workshop in its second testimony, with a pause and a minute granted."""
    clock = FakeClock()
    plan = load_running_order(SEED).plan
    session = Session(
        Timeline(plan), clock, origin_mono=clock.monotonic(), origin_wall=clock.wall()
    )
    session.start()
    clock.advance(630)
    session.next()
    clock.advance(570)
    session.next()
    clock.advance(100)
    session.pause()
    clock.advance(20)
    session.resume_counting()
    session.adjust(60)
    session.message("Merci de conclure")
    return session.engine


def _big_plan(segments: int) -> Plan:
    kinds = [SegmentKind.TALK, SegmentKind.TALK, SegmentKind.QA, SegmentKind.BREAK]
    parts = [
        [Seg(300 + 30 * (j % 5), kinds[j % 4]) for j in range(10)] for _ in range(segments // 10)
    ]
    return make_plan(parts, slack_s=600)


def _big_engine(plan: Plan) -> Timeline:
    """Half-way through a 500-segment day: 250 segments done, the current one paused once."""
    clock = FakeClock()
    session = Session(
        Timeline(plan), clock, origin_mono=clock.monotonic(), origin_wall=clock.wall()
    )
    session.start()
    for _ in range(len(plan.segments) // 2):
        clock.advance(200)
        session.next()
    clock.advance(30)
    session.pause()
    clock.advance(10)
    session.resume_counting()
    return session.engine


def _snapshot_cost(engine: Timeline, calls: int) -> float:
    t0 = engine.last_t
    ts = [t0 + 0.37 * i for i in range(calls)]
    it = iter(ts * 1000)

    def one() -> object:
        return engine.snapshot(next(it))

    return per_call(one, calls=calls)


def _long_log(folder: Path, events: int = 10_000, hours: float = 8) -> Path:
    """A conference day of ``hours`` with ``events`` controls, written as the app writes them:
    every event was accepted by the engine when it was given."""
    rng = random.Random(2020)
    plan = make_plan(
        [
            [Seg(1500, SegmentKind.TALK), Seg(600, SegmentKind.QA), Seg(900, SegmentKind.BREAK)]
            for _ in range(10)
        ],
        slack_s=600,
    )
    clock = FakeClock()
    origin = clock.wall()
    lines: list[str] = []
    session = Session(
        Timeline(plan),
        clock,
        origin_mono=clock.monotonic(),
        origin_wall=origin,
        sink=lambda e, wall: lines.append(event_line(len(lines) + 1, e, wall)),
    )
    session.start()
    step = hours * 3600 / events
    texts = ["Merci de conclure", "Plus que 2 minutes", "Micro !"]
    while len(lines) < events - 1:
        clock.advance(step * rng.uniform(0.2, 1.8))
        snap = session.snapshot()
        roll = rng.random()
        if snap.remaining_s <= 0 and roll < 0.5:
            session.next()
        elif roll < 0.25:
            session.blackout()
        elif roll < 0.45:
            session.message(rng.choice(texts), rng.random() < 0.3)
        elif roll < 0.6:
            session.clear_message()
        elif roll < 0.75:
            session.toggle()
        elif roll < 0.85:
            session.adjust(rng.choice([-60, 60]))
        elif roll < 0.995:
            session.blink(rng.random() < 0.5)
        else:
            session.undo()
    clock.advance(1)
    session.end()
    header = LogHeader(
        app_version="bench",
        created=origin,
        session_slug="bench",
        origin_wall=origin,
        planned_start=origin,
        plan=plan,
    )
    path = folder / "long-day.jsonl"
    path.write_text("\n".join([header.to_line(), *lines]) + "\n", encoding="utf-8")
    return path


def _report_cost(path: Path) -> tuple[float, float, float]:
    """Median seconds for the whole `timekeeper report` work (read, fold, render) on the wall
    clock and in CPU time of this process, and how long the logged day was."""
    wall, cpu = [], []
    span = 0.0
    for _ in range(9):
        start, start_cpu = time.perf_counter(), time.process_time()
        report = build_report(read_log(path))
        render(report, "json")
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        span = report.total_actual_s
    return median_of(wall), median_of(cpu), span


def _fsync_cost(folder: Path, count: int = 200) -> tuple[float, float]:
    header = '{"type":"header"}'
    writer = LogWriter(folder / "fsync.jsonl", [header])
    line = event_line(1, _seed_engine().events[-1], datetime.now().astimezone())
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        assert writer.append(line)
        samples.append(time.perf_counter() - start)
    writer.close()
    samples.sort()
    return median_of(samples), samples[int(len(samples) * 0.95)]


def _recovery_and_undo_cost(path: Path) -> tuple[float, float]:
    log = read_log(path)
    plan, events = log.header.plan, log.events
    runs = []
    engine = Timeline(plan)
    for _ in range(3):
        start = time.perf_counter()
        engine = Timeline(plan, events[:-1])  # the day, before its end: as after a crash
        engine.final()  # folded (a Timeline folds when first read)
        runs.append(time.perf_counter() - start)
    recovery = median_of(runs)
    clock = FakeClock(monotonic=0.0)
    session = Session(
        engine,
        clock,
        origin_mono=-engine.last_t,
        origin_wall=clock.wall() - timedelta(seconds=engine.last_t),
    )
    start = time.perf_counter()
    session.undo()
    return recovery, time.perf_counter() - start


def run() -> list[Figure]:
    figures: list[Figure] = []
    seed = _seed_engine()
    figures.append(below("snapshot, seed workshop (median per call)", _snapshot_cost(seed, 20_000),
                         "µs", 50))  # fmt: skip
    big = _big_engine(_big_plan(500))
    figures.append(below("snapshot, 500-segment running order", _snapshot_cost(big, 5_000),
                         "µs", 500))  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = _long_log(folder)
        cost, cpu, span = _report_cost(path)
        assert span > 7 * 3600, span
        figures.append(below("report of a 10,000-event 8-hour log", cost, "ms", 100))
        figures.append(Figure("  the same, CPU time of this process", cpu * 1e3, "ms"))
        recovery, undo = _recovery_and_undo_cost(path)
        figures.append(below("recovery: engine rebuilt from that log", recovery, "ms", 100))
        figures.append(below("undo at the end of that log (from the last mark)", undo, "ms", 100))
        median, p95 = _fsync_cost(folder)
        figures.append(below("log event written + fsynced (median)", median, "ms", 16))
        figures.append(Figure("log event written + fsynced (95th percentile)", p95 * 1e3, "ms"))
    return figures
