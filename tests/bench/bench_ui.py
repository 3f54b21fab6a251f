"""The live app on the real clock: how late the countdown turns, what counting costs in CPU,
how soon a window shows, how much memory the app holds.

Everything runs in child processes (tests/bench/ui_child.py): the real app, started as the
`timekeeper --lang en` command starts it (run_application, SystemClock, both windows, the seed
workshop), under QT_QPA_PLATFORM=offscreen with TIMEKEEPER_HOME in a temporary folder. A child
is measured alone: this process's own work (other benches' heaps, the bench runner) counts in
none of the figures.

The offscreen platform is given two screens, as in the room: the laptop (1280×800, primary)
and the projector (1920×1080). So the projector window is full screen at 1920×1080 and the
moderator's window maximized on the laptop, as run_application places them; Qt's default
offscreen screen (one, 800×600) would put the projector window in an 800×450 window on the
laptop, a picture four times smaller to paint than the one the room sees.

Figures:
- flip latency: from the true second boundary of the countdown (the instant the figure must
  change, computed from the engine: the session's monotonic origin plus the session time at
  which Space's snapshot says the figure changes, then every whole second) to the end of the
  repaint that shows the new figure: the projector window's ProjectorView, and the moderator
  window's countdown label (its window's whole repaint: every dirty widget painted). Over
  FLIP_S seconds of real counting; p50 and p99 (nearest rank: with ~20 samples, the worst).
  The same boundaries split the latency: the TickDriver's timer expiring (its margin, the
  timer's rounding), the refresh done (snapshot, every window's slot), the paint.
- CPU while counting, both windows open: process time over CPU_S seconds of wall time, in %
  of one core, and per wake-up of the TickDriver; then the same with sound cues on (the
  settings' ``cues = true``, a player program that plays nothing): the bell asks the engine
  at every tick which cue is due.
- start-up: from just before the parent spawns the process to the first window exposed and
  painted (both CLOCK_MONOTONIC, which is system-wide); median of STARTUP_RUNS runs.
- peak RSS of the app process with both windows and the session counting: the child's VmHWM
  at the end of the CPU run. (Not getrusage's ru_maxrss of the child: Linux carries the
  high-water mark of the memory the child had before its exec, a copy of this process, which
  after the other benches is larger than the app.)
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.bench.figures import Figure

CHILD = Path(__file__).with_name("ui_child.py")
ROOT = Path(__file__).resolve().parents[2]

FLIP_S = 22.0
CPU_S = 30.0
STARTUP_RUNS = 3


def _screen(name: str, x: int, width: int, height: int) -> dict[str, object]:
    return {"name": name, "x": x, "y": 0, "width": width, "height": height,
            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip


# The offscreen platform's configuration (Qt's qoffscreenintegration: "configfile=").
SCREENS = {"screens": [_screen("laptop", 0, 1280, 800), _screen("projector", 1280, 1920, 1080)]}

FLIP_P99_MS = 5.0
CPU_PCT = 0.5
STARTUP_S = 1.0
RSS_MB = 110.0
MB = 1024  # kB per MB (MiB, as bench_memory counts)


class ChildFailed(RuntimeError):
    pass


def _run_child(
    folder: Path, name: str, args: list[str], timeout_s: float, *, settings: str = ""
) -> tuple[dict[str, Any], float]:
    """Run ui_child.py ``args`` in a fresh TIMEKEEPER_HOME (``settings``: its settings.toml):
    its result, and CLOCK_MONOTONIC just before the spawn."""
    home = folder / name
    home.mkdir()
    if settings:
        (home / "config").mkdir()
        (home / "config" / "settings.toml").write_text(settings, encoding="utf-8")
    screens = folder / "screens.json"
    if not screens.exists():
        screens.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"
    env["TIMEKEEPER_HOME"] = str(home)
    env["TIMEKEEPER_SOUND_PLAYER"] = "true"  # cues on: a player program that plays nothing
    out_path, err_path = home / "stdout", home / "stderr"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        spawned = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), *args], cwd=ROOT, env=env, stdout=out, stderr=err
        )
        try:
            code = proc.wait(timeout_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    lines = [line for line in stdout.splitlines() if line.startswith("RESULT ")]
    if code != 0 or not lines:
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
        raise ChildFailed(f"ui_child {' '.join(args)} exited with {code}:\n{stderr[-3000:]}")
    return json.loads(lines[-1][len("RESULT ") :]), spawned


def _rank(samples: list[float], q: float) -> float:
    """Nearest-rank percentile: p99 of 22 samples is the worst of them."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def _at_most(name: str, value: float, unit: str, limit: float) -> Figure:
    return Figure(name, value, unit, f"<= {limit:g} {unit}", value <= limit)


# -- flip latency ------------------------------------------------------------------------------


def _first_after(times: list[float], at: float, within: float = 0.5) -> float | None:
    return next((t for t in times if at <= t < at + within), None)


def _flip_figures(r: dict[str, Any]) -> list[Figure]:
    boundaries: list[tuple[float, str]] = [(b, text) for b, text in r["boundaries"]]
    n = len(boundaries)
    if n < 10:
        raise ChildFailed(f"only {n} second boundaries in the flip run")
    figures: list[Figure] = []
    wrong = 0  # a new figure painted before its boundary, or never painted
    labels = {
        "projector": "projector view 1920x1080",
        "moderator": "moderator countdown (window repaint)",
    }
    starts: dict[str, list[float]] = {}
    for name, label in labels.items():
        paints = r["paints"][name]  # [begin, end, figure, end of the window's repaint]
        latencies, begun = [], []
        for at, figure in boundaries:
            first = next((p for p in paints if p[2] == figure), None)
            if first is None or first[0] < at:
                wrong += 1
                continue
            latencies.append((first[3] - at) * 1e3)
            begun.append((first[0] - at) * 1e3)
        if not latencies:
            raise ChildFailed(f"no flip of the {name} was painted")
        starts[name] = begun
        figures.append(Figure(f"flip: boundary -> {label} (p50)", _rank(latencies, 0.5), "ms"))
        figures.append(
            _at_most(
                f"flip: the same, p99 of {len(latencies)} (nearest rank: the worst)",
                _rank(latencies, 0.99),
                "ms",
                FLIP_P99_MS,
            )
        )
    # Where the time goes: the timer's expiry and the refresh, against the same boundaries.
    woke = [(at, t) for at, _ in boundaries if (t := _first_after(r["expired"], at)) is not None]
    timer_ms = [(t - at) * 1e3 for at, t in woke]
    refresh_ms = [
        (done - t) * 1e3 for _, t in woke if (done := _first_after(r["refreshed"], t)) is not None
    ]
    # Expiries less than 5 ms before a boundary: a refresh that showed the old figure if it
    # was aimed at that boundary (the margin too small); a wall-clock second falls there too.
    early = sum(1 for at, _ in boundaries for t in r["expired"] if at - 0.005 <= t < at)
    margin_ms = r["margin_s"] * 1e3
    figures += [
        Figure(
            f"flip: TickDriver timer ({r['backend']}) expiry after the boundary, p50"
            f" (MARGIN_S {margin_ms:g} ms)",
            _rank(timer_ms, 0.5),
            "ms",
        ),
        Figure(
            "flip: TickDriver timer expiry after the boundary, p99", _rank(timer_ms, 0.99), "ms"
        ),
        Figure(
            "flip: timer expiry -> refresh done (both windows' slots), p50",
            _rank(refresh_ms, 0.5),
            "ms",
        ),
        Figure(
            "flip: boundary -> projector paint begins, p50", _rank(starts["projector"], 0.5), "ms"
        ),
        Figure("flip: timer expiries less than 5 ms before a boundary", early, ""),
        Figure(f"flip: figures painted early or never (of {2 * n})", wrong, "", "= 0", wrong == 0),
    ]
    return figures


# -- the rest ----------------------------------------------------------------------------------


def _startup_figures(runs: list[tuple[dict[str, Any], float]]) -> list[Figure]:
    shown = [r["painted"] - spawned for r, spawned in runs]
    interpreter = [r["script"] - spawned for r, spawned in runs]
    qt = [r["qt_ready"] - spawned for r, spawned in runs]
    return [
        _at_most(
            f"start-up: spawn -> first window painted (median of {len(runs)})",
            statistics.median(shown),
            "s",
            STARTUP_S,
        ),
        Figure("start-up: the slowest run", max(shown), "s"),
        Figure(
            "start-up: spawn -> interpreter running (median)", statistics.median(interpreter), "s"
        ),
        Figure(
            "start-up: spawn -> Qt imported, QApplication made (median)", statistics.median(qt), "s"
        ),
    ]


def _cpu_figures(r: dict[str, Any]) -> list[Figure]:
    if not r["running"]:
        raise ChildFailed("the session was not counting at the end of the CPU run")
    pct = r["cpu_s"] / r["wall_s"] * 100
    wakeups = r["wakeups"]
    hwm_mb = r["vm_hwm_kb"] / MB
    return [
        _at_most(f"CPU counting, both windows ({r['wall_s']:.0f} s wall)", pct, "%", CPU_PCT),
        Figure("CPU: TickDriver wake-ups per second", wakeups / r["wall_s"], "/s"),
        Figure("CPU: per wake-up", r["cpu_s"] / max(1, wakeups) * 1e3, "ms"),
        Figure(
            "CPU: one wake-up's cycle, median (a loaded machine inflates some)",
            statistics.median(r["cycles_cpu_s"]) * 1e3,
            "ms",
        ),
        _at_most("peak RSS, both windows, counting (VmHWM)", hwm_mb, "MB", RSS_MB),
    ]


def _cues_figures(offs: tuple[dict[str, Any], ...], on: dict[str, Any]) -> list[Figure]:
    """The tick's CPU with sound cues on against off, the off runs before and after it
    (README, Performance). bench_cues counts the instructions, which load does not move."""
    if not on.get("cues_on") or any(off.get("cues_on") for off in offs):
        raise ChildFailed("the cues-on run did not have its cues on (or an off run had)")
    pct = on["cpu_s"] / on["wall_s"] * 100
    off_pct = statistics.mean(off["cpu_s"] / off["wall_s"] * 100 for off in offs)
    off_cycle = statistics.mean(statistics.median(off["cycles_cpu_s"]) for off in offs) * 1e3
    on_cycle = statistics.median(on["cycles_cpu_s"]) * 1e3
    return [
        _at_most(f"CPU counting, sound cues on ({on['wall_s']:.0f} s)", pct, "%", CPU_PCT),
        Figure("CPU counting, cues off: mean of the runs before and after", off_pct, "%"),
        Figure("CPU: one wake-up's cycle, median, sound cues on", on_cycle, "ms"),
        Figure(
            "CPU: cues on minus off (mean of 2), one wake-up's cycle", on_cycle - off_cycle, "ms"
        ),
        Figure("peak RSS, sound cues on (VmHWM)", on["vm_hwm_kb"] / MB, "MB"),
        Figure(
            "peak RSS, cues on minus off (mean of 2)",
            (on["vm_hwm_kb"] - statistics.mean(off["vm_hwm_kb"] for off in offs)) / MB,
            "MB",
        ),
    ]


def run() -> list[Figure]:
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="tk-bench-ui-") as tmp:
        folder = Path(tmp)
        runs = []
        for i in range(STARTUP_RUNS):
            result, spawned = _run_child(folder, f"startup{i}", ["startup"], 60)
            runs.append((result, spawned))
        flip, _ = _run_child(folder, "flip", ["flip", f"{FLIP_S:g}"], FLIP_S + 60)
        cpu, _ = _run_child(folder, "cpu", ["cpu", f"{CPU_S:g}"], CPU_S + 60)
        # The same with sound cues on (the bell looks at every tick's snapshot), then cues off
        # once more: on is compared with the mean of the two off runs around it.
        cues, _ = _run_child(
            folder, "cpu-cues", ["cpu", f"{CPU_S:g}"], CPU_S + 60, settings="cues = true\n"
        )
        again, _ = _run_child(folder, "cpu-again", ["cpu", f"{CPU_S:g}"], CPU_S + 60)
    size = "x".join(map(str, flip["projector_size"]))
    if flip["projector_screen"] != "projector" or size != "1920x1080":
        raise ChildFailed(f"the projector window is not full screen on the projector: {size}")
    figures += _flip_figures(flip)
    figures += _cpu_figures(cpu)
    figures += _cues_figures((cpu, again), cues)
    figures += _startup_figures(runs)
    return figures
