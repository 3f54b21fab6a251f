"""Replay and report figures on a 10,000-event log (far longer than any real session: a
stress test of the checkpointed time line and of the exports).

- open: read the log, build the replay window, show it and paint it once (offscreen);
- seek: one scrub to a random instant (fold from the nearest checkpoint), and a playback frame;
- each report format: HTML (with the inline SVG chart), PDF, PNG and SVG of the chart.

Run with ``python -m tests.bench`` (all benchmarks) or ``python -m tests.bench.bench_replay``.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app import __version__
from app.engine import (
    Adjust,
    Blackout,
    BlinkMessage,
    ClearMessage,
    End,
    Event,
    Next,
    Pause,
    Previous,
    Resume,
    SetMessage,
    Start,
    Timeline,
    Undo,
)
from app.model import load_running_order
from app.reports.qt.export import export_chart, pdf_bytes, render_html
from app.timing_log.format import LogHeader, event_line
from app.timing_log.reader import TimingLog, read_log
from app.ui.replay import ReplayWindow
from tests.bench.figures import Figure

SEED = (
    Path(__file__).resolve().parents[2]
    / "sessions"
    / "aict-2020-atelier-developpement-economique.toml"
)
EVENTS = 10_000


def make_log(path: Path, n: int = EVENTS, seed: int = 11) -> Path:
    """A seed-workshop log of ``n`` accepted controls of every kind (about 1 in 12 an undo),
    as the live engine would have logged them, written the way the writer writes lines."""
    rng = random.Random(seed)
    plan = load_running_order(SEED).plan
    origin = datetime(2020, 9, 22, 15, 58).astimezone()
    header = LogHeader(
        app_version=__version__,
        created=origin,
        session_slug="bench",
        origin_wall=origin,
        planned_start=origin.replace(hour=16, minute=0),
        plan=plan,
    )
    engine = Timeline(plan, planned_start_t=header.planned_start_t)
    lines = [header.to_line()]
    last = len(plan.segments) - 1

    def emit(event: Event) -> None:
        if engine.accepts(event) and engine.apply(event):
            wall = origin + timedelta(seconds=event.t)
            lines.append(event_line(len(lines), event, wall))

    t = 120.0
    emit(Start(t))
    while len(lines) < n:
        t = round(t + rng.uniform(0.2, 3.0), 6)
        r = rng.random()
        current = engine.snapshot(t).current
        event: Event
        if r < 0.30:
            event = SetMessage(t, rng.choice(["Merci de conclure", "2 minutes", "Micro !"]))
        elif r < 0.40:
            event = ClearMessage(t)
        elif r < 0.50:
            event = Adjust(t, rng.choice([60, -60, 30]))
        elif r < 0.60:
            event = Pause(t)
        elif r < 0.70:
            event = Resume(t)
        elif r < 0.78:
            event = Undo(t)
        elif r < 0.84:
            event = Blackout(t, rng.random() < 0.5)
        elif r < 0.90:
            event = BlinkMessage(t, rng.random() < 0.5)
        elif r < 0.95 and current < last:
            event = Next(t)
        else:
            event = Previous(t)
        emit(event)
    emit(End(round(t + 1, 6)))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _median_ms(fn: Callable[[], object], repeats: int) -> float:
    fn()  # warm up: imports, font caches
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def _below(name: str, ms: float, limit_ms: float) -> Figure:
    return Figure(name, ms, "ms", f"< {limit_ms:g} ms", ms < limit_ms)


def run() -> list[Figure]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = make_log(Path(tmp) / "bench.jsonl")
        log = read_log(path)
        assert len(log.records) >= EVENTS, len(log.records)
        figures.append(Figure("replay: events in the log", len(log.records), "events"))
        figures.append(
            Figure("replay: read_log (10k events)", _median_ms(lambda: read_log(path), 5), "ms")
        )

        windows: list[ReplayWindow] = []
        samples = []
        for _ in range(6):
            start = time.perf_counter()
            window = ReplayWindow(read_log(path), path, language="en")
            window.show()
            window.grab()  # paints everything once: projector view, chart, tables
            samples.append(time.perf_counter() - start)
            app.processEvents()  # the window's own first paint, outside the measure
            windows.append(window)
        opened = statistics.median(samples[1:]) * 1000  # the first run warms caches
        figures.append(_below("replay: open + first paint (10k events)", opened, 300))
        window = windows[-1]
        assert window.timeline is not None
        timeline = window.timeline
        # Checkpoints are folded on demand: the first seek to the end folds the whole log once.
        start = time.perf_counter()
        timeline.snapshot(window.end_t)
        first = (time.perf_counter() - start) * 1000
        figures.append(_below("replay: first seek to the end (folds all)", first, 150))
        rng = random.Random(5)
        instants = [rng.uniform(0, window.end_t) for _ in range(400)]
        start = time.perf_counter()
        for t in instants:
            timeline.snapshot(t)
        seek = (time.perf_counter() - start) / len(instants) * 1000
        figures.append(_below("replay: snapshot at a random instant", seek, 5))
        start = time.perf_counter()
        for t in instants[:60]:
            window.seek(t)
        figures.append(
            _below(
                "replay: seek + repaint data (window)",
                (time.perf_counter() - start) / 60 * 1000,
                16,
            )
        )
        step = window.end_t / 2000
        start = time.perf_counter()
        for i in range(2000):
            timeline.snapshot(i * step)
        frame = (time.perf_counter() - start) / 2000 * 1000
        figures.append(_below("replay: playback frame (forward fold)", frame, 1))
        for w in windows:
            w.close()
            w.deleteLater()
        app.processEvents()

        figures.append(_report(log, "html", lambda: render_html(log, "en"), 200))
        figures.append(_report(log, "pdf", lambda: pdf_bytes(log, "en"), 1000))
        png, svg = Path(tmp) / "chart.png", Path(tmp) / "chart.svg"
        figures.append(_report(log, "png", lambda: export_chart(log, png), 200))
        figures.append(_report(log, "svg", lambda: export_chart(log, svg), 200))
        figures.append(Figure("report: html size", len(render_html(log, "en")) / 1e6, "MB"))
    return figures


def _report(log: TimingLog, fmt: str, make: Callable[[], object], limit_ms: float) -> Figure:
    del log
    return _below(f"report: {fmt} (10k events)", _median_ms(make, 3), limit_ms)


if __name__ == "__main__":
    for figure in run():
        verdict = {True: "pass", False: "FAIL", None: ""}[figure.ok]
        print(f"{figure.name:45} {figure.value:10.3g} {figure.unit:6} {figure.target:10} {verdict}")
