"""Drift of the displayed countdown: the naive timer against the engine, side by side.

The naive approach, as many timer apps do it: a counter decremented by a timer, either a
1-second repeating QTimer (the default timer type, CoarseTimer) or a 1-second single-shot
QTimer re-armed in its own slot. The engine approach (the app): every figure is derived from
the clock by the engine, and the TickDriver (app/ui/tick.py, its own ``delay_s`` is called
here) arms one precise single-shot timer at the next moment a shown figure changes.

Ninety minutes cannot run for real, so the bench runs a discrete-event model of Qt's event
loop on simulated clocks, then checks the model against the real thing for 8 real seconds.

The model (Qt 6, src/corelib/kernel/qtimerinfo_unix.cpp, QTimerInfoList; the GLib event
dispatcher Qt uses on Linux drives the same QTimerInfoList):
- registerTimer: timeout = now + interval; a CoarseTimer (the default for intervals between
  20 ms and 20 s) is then moved by calculateCoarseTimerTimeout: for an interval that is a
  multiple of 500 ms below 5 s, the millisecond fraction of the timeout goes 5 % of the
  interval (50 ms) towards the nearest multiple of 500 ms of the steady clock, or straight
  to a whole second when within 50 ms of one; sub-millisecond parts are dropped.
- activateTimers, on each wake-up: ``now`` is read once; each expired timer (timeout <= now)
  gets calculateNextTimeout(t, now) *before* its slot runs: timeout += interval, and if that
  is still in the past (the loop was blocked longer than an interval) timeout = now +
  interval — the missed ticks are dropped, not replayed; then the coarse rounding again.
- timerWait: the loop sleeps ceil(timeout - now) to the millisecond (roundToMillisecond
  rounds up), then the kernel wakes it up to 50 µs late (Linux default timer slack).
- A single-shot QTimer stops itself before its slot runs. Qt C++'s QTimer::singleShot(ms)
  uses a PreciseTimer below 2 s (qtimer.cpp: "coarse timers are worst in their first
  firing"); PySide6 6.12's QTimer.singleShot(1000, callable) does not: measured, its ticks
  align on the steady clock's half-seconds like a CoarseTimer. Both re-armed variants run
  (with explicit timer types in the real check, so that it holds whatever PySide does).
- Timers run on CLOCK_MONOTONIC (std::chrono::steady_clock), which stops while the laptop
  sleeps; the engine reads CLOCK_BOOTTIME, which does not.
- A stall is a slot that blocks the loop (in the real check: time.sleep in a timer slot).

The check against the real thing (PySide6 here, QEventDispatcherGlib): all the counters and
the real TickDriver on the real engine run in one real event loop for 8 s, with real 200 ms
stalls and a 5 ms heartbeat timer; a missed heartbeat outside our stalls is the machine
holding the process up (other work on the CPU), and is fed to the model as a stall too. The
model then replays the same 8 s (same start instant, same stalls, measured slot costs) and
each tick and each change of the engine's display is compared: real against model.

Measured, over the 90-minute session (one segment of 90:00, so that nothing resets a count):
- drift at the end: at the last display update before 90:00 have passed, the error of the
  time the shown figure was computed from (naive: the ticks counted; engine: the engine's
  elapsed time) against the true elapsed time;
- worst display error: the longest time, over the session, that the screen showed a figure
  the true countdown was not showing (too late, or too early), in seconds.
"""

from __future__ import annotations

import itertools
import math
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from app.engine import Timeline
from app.engine.session import Session
from app.model import parse_running_order
from app.model.plan import Plan
from app.ui.tick import TickDriver
from tests.bench.figures import Figure

NS, MS, US = 1_000_000_000, 1_000_000, 1_000
SESSION_S = 90 * 60
NAIVE_COST = 300 * US  # a naive slot: decrement, setText, repaint of one label
ENGINE_COST = 2 * MS  # a refresh: snapshot, both windows repainted
SLACK = 50 * US  # Linux default timer slack: a wake-up up to 50 µs late


def ninety_minutes() -> Plan:
    toml = b"""format = 1
[session]
title = "Drift"
start = "16:00"
hard_end = "17:30"
[[parts]]
title = "Atelier"
[[parts.segments]]
title = "Atelier"
duration = "90'"
"""
    return parse_running_order(toml, "drift.toml")


# -- the model of Qt's timers ----------------------------------------------------------------


def ceil_ms(ns: int) -> int:
    return -(-ns // MS) * MS


def coarse_round(timeout: int, interval: int, now: int) -> int:
    """calculateCoarseTimerTimeout for intervals of 100 ms and more (not 25/50/75 ms)."""
    assert interval >= 100 * MS
    secs = timeout // NS * NS
    frac = (timeout - secs) // MS  # whole milliseconds: the rest is dropped
    interval_ms = interval // MS
    max_rounding = interval_ms // 20
    low, high = max(0, frac - max_rounding), min(1000, frac + max_rounding)
    if low == 0:
        frac = 0
    elif high == 1000:
        frac = 1000
    else:
        if interval_ms % 500 == 0:
            if interval_ms >= 5000:
                frac = high if frac >= 500 else low
                return _recalculate(secs, frac, interval, now)
            multiple = 500
        elif interval_ms % 50 == 0:
            mult50 = interval_ms // 50
            if mult50 % 4 == 0:
                multiple = 200
            elif mult50 % 2 == 0:
                multiple = 100
            elif mult50 % 5 == 0:
                multiple = 250
            else:
                multiple = 50
        else:
            multiple = 25
        base = frac // multiple * multiple
        frac = max(base, low) if frac < base + multiple // 2 else min(base + multiple, high)
    return _recalculate(secs, frac, interval, now)


def _recalculate(secs: int, frac_ms: int, interval: int, now: int) -> int:
    timeout = secs + frac_ms * MS
    return timeout + interval if timeout < now else timeout


@dataclass(eq=False)
class Timer:
    slot: Callable[[], None]
    coarse: bool = False
    single: bool = True
    interval: int = 0
    timeout: int = 0
    active: bool = False


@dataclass
class Loop:
    """One Qt event loop on simulated clocks: ``now`` is CLOCK_MONOTONIC (Qt's timers),
    ``boot()`` is CLOCK_BOOTTIME (the engine's clock), in nanoseconds."""

    now: int
    rng: random.Random
    suspended: int = 0
    suspends: list[tuple[int, int]] = field(default_factory=list)  # (steady at, duration)
    resumes: list[int] = field(default_factory=list)  # boot times of the resumes
    timers: list[Timer] = field(default_factory=list)

    def boot(self) -> int:
        return self.now + self.suspended

    def start(self, timer: Timer, interval_ms: int) -> None:
        """QTimer::start: (re)register with timeout = now + interval (coarse: rounded)."""
        self.stop(timer)
        timer.interval = interval_ms * MS
        timer.timeout = self.now + timer.interval
        if timer.coarse:
            timer.timeout = coarse_round(timer.timeout, timer.interval, self.now)
        self._insert(timer)

    def start_at(self, timer: Timer, at: int) -> None:
        """A precise single-shot timer due at ``at`` (the stall source's schedule)."""
        self.stop(timer)
        timer.interval, timer.timeout = 0, at
        self._insert(timer)

    def stop(self, timer: Timer) -> None:
        if timer.active:
            self.timers.remove(timer)
            timer.active = False

    def _insert(self, timer: Timer) -> None:
        # timerInsert: after every timer whose timeout is not later
        index = len(self.timers)
        while index and timer.timeout < self.timers[index - 1].timeout:
            index -= 1
        self.timers.insert(index, timer)
        timer.active = True

    def spend(self, ns: int) -> None:
        """A slot running: the loop is blocked (and the clocks move) for ``ns``."""
        self.now += ns

    def _sleep_until(self, target: int) -> None:
        for at, duration in self.suspends:
            if self.now < at <= target:
                self.suspended += duration  # asleep: BOOTTIME moves, the steady clock not
                self.resumes.append(at + self.suspended)
        self.now = target

    def run_until(self, end: int) -> None:
        while self.now < end and self.timers:
            first = self.timers[0].timeout
            if first > self.now:
                slack = self.rng.randint(0, SLACK // US) * US
                self._sleep_until(self.now + ceil_ms(first - self.now) + slack)
            self._activate()

    def _activate(self) -> None:
        now = self.now
        count = sum(1 for t in self.timers if t.timeout <= now)
        fired: set[int] = set()
        while count > 0 and self.timers:
            count -= 1
            timer = self.timers[0]
            if now < timer.timeout or id(timer) in fired:
                break
            fired.add(id(timer))
            self.timers.pop(0)
            timer.active = False
            # calculateNextTimeout, before the slot runs
            timer.timeout += timer.interval
            if timer.timeout < now:
                timer.timeout = now + timer.interval
            if timer.coarse:
                timer.timeout = coarse_round(timer.timeout, timer.interval, now)
            if not timer.single:
                self._insert(timer)
            timer.slot()


# -- what is shown ---------------------------------------------------------------------------


def shown(remaining_s: float) -> int:
    """The countdown as a signed whole number: 5400 ... 1 while counting, 0, -1... after."""
    return math.ceil(remaining_s) if remaining_s > 0 else -math.floor(-remaining_s)


@dataclass
class Display:
    """The figure on screen over time (boot ns), and the error of each figure computed."""

    changes: list[tuple[int, int]] = field(default_factory=list)
    figure_errors: list[tuple[int, float]] = field(default_factory=list)  # (boot, error s)

    def show(self, boot: int, value: int) -> None:
        if not self.changes or self.changes[-1][1] != value:
            self.changes.append((boot, value))


def worst_error_s(display: Display, start: int, until: int, hidden: list[tuple[int, int]]) -> float:
    """The longest time the screen showed a figure the truth was not showing. The truth shows
    ``v`` during [start + (R - v) s, start + (R - v + 1) s). Hidden spans (the laptop asleep,
    the screen off) are not counted."""
    worst = 0.0
    points = [*display.changes, (until, display.changes[-1][1])]
    for (x, value), (y, _) in itertools.pairwise(points):
        a = start + (SESSION_S - value) * NS
        b = a + NS
        for lo, hi in _visible(x, min(y, until), hidden):
            worst = max(worst, (a - lo) / NS, (hi - b) / NS)
    return worst


def _visible(x: int, y: int, hidden: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = [(x, y)]
    for h0, h1 in hidden:
        spans = [s for lo, hi in spans for s in ((lo, min(hi, h0)), (max(lo, h1), hi))]
        spans = [(lo, hi) for lo, hi in spans if hi > lo]
    return spans


# -- the three ways of counting down -----------------------------------------------------------


class Naive:
    """A counter decremented by a 1-second timer: ``repeating`` (QTimer.start(1000), the
    default CoarseTimer), or a single-shot re-armed at the end of its slot, ``coarse`` as
    PySide6 6.12's QTimer.singleShot(1000, f) does (measured: it aligns like a CoarseTimer) or
    ``precise`` as Qt C++'s QTimer::singleShot(1000, ...) does (< 2 s: PreciseTimer)."""

    def __init__(self, loop: Loop, kind: str, cost: int = NAIVE_COST) -> None:
        self.loop, self.kind, self.cost, self.display = loop, kind, cost, Display()
        repeating = kind == "repeating"
        self.timer = Timer(self.tick, coarse=kind != "precise", single=not repeating)
        self.ticks: list[int] = []  # boot time of each tick

    def press_start(self) -> None:
        self.counter = SESSION_S
        self.started = self.loop.boot()
        self.display.show(self.loop.boot(), self.counter)
        self.loop.start(self.timer, 1000)

    def tick(self) -> None:
        boot = self.loop.boot()
        self.counter -= 1
        self.ticks.append(boot)
        self.display.show(boot, self.counter)
        self.display.figure_errors.append((boot, (boot - self.started) / NS - len(self.ticks)))
        self.loop.spend(self.cost)
        if self.kind != "repeating":
            self.loop.start(self.timer, 1000)


NAIVE = {
    "repeating": "naive QTimer 1 s repeating (CoarseTimer, the default)",
    "coarse": "naive single-shot re-armed, CoarseTimer (PySide6 singleShot)",
    "precise": "naive single-shot re-armed, PreciseTimer (Qt C++ default)",
}


class SimClock:
    """The engine's injected clock on the loop's simulated clocks."""

    def __init__(self, loop: Loop, wall0: datetime, boot0_s: float) -> None:
        self.loop, self.wall0, self.boot0_s = loop, wall0, boot0_s

    def monotonic(self) -> float:
        return self.boot0_s + self.loop.boot() / NS

    def wall(self) -> datetime:
        return self.wall0 + timedelta(microseconds=self.loop.boot() // US)


class EngineDriven:
    """The app: Session + Engine on the clock, and TickDriver's delay_s aiming a precise
    single-shot timer at the next change of a shown figure (as the live windows do)."""

    name = "engine + TickDriver"

    def __init__(self, loop: Loop, wall0: datetime, cost: int = ENGINE_COST) -> None:
        self.loop, self.cost, self.display = loop, cost, Display()
        self.clock = SimClock(loop, wall0, boot0_s=1000.0 - loop.boot() / NS)
        self.session = Session(
            Timeline(ninety_minutes()),
            self.clock,
            origin_mono=self.clock.monotonic(),
            origin_wall=self.clock.wall(),
        )
        self.timer = Timer(self.refresh, coarse=False, single=True)
        origin = self.session.origin_wall
        self.wall_offset = origin.second + origin.microsecond / 1_000_000
        self.driver = SimpleNamespace(
            _next_change_in=lambda: self.session.snapshot().next_shown_change_in(self.wall_offset),
        )
        self.refreshes: list[int] = []

    def press_start(self) -> None:
        assert self.session.start()
        self.started = self.loop.boot()
        self.refresh()

    def refresh(self) -> None:
        boot = self.loop.boot()
        snap = self.session.snapshot()
        self.refreshes.append(boot)
        self.display.show(boot, shown(snap.remaining_s))
        self.display.figure_errors.append((boot, snap.active_s - (boot - self.started) / NS))
        self.loop.spend(self.cost)
        delay = TickDriver.delay_s(self.driver)  # type: ignore[arg-type]
        self.loop.start(self.timer, max(1, math.ceil(delay * 1000)))


Counter = Naive | EngineDriven


# -- scenarios ---------------------------------------------------------------------------------


@dataclass
class Outcome:
    drift_end_s: float
    worst_error_s: float
    after_resume_s: float | None = None


def stall_schedule(
    rng: random.Random, start: int, end: int, every: tuple[float, float], length_ms: int
) -> list[tuple[int, int]]:
    stalls, t = [], start
    while True:
        t += round(rng.uniform(*every) * 1e6) * US
        if t >= end:
            return stalls
        stalls.append((t, length_ms * MS))


class StallSource:
    """A timer whose slot blocks the loop, at given steady times (a slow slot elsewhere)."""

    def __init__(self, loop: Loop, stalls: list[tuple[int, int]]) -> None:
        self.loop, self.pending = loop, sorted(stalls)
        self.timer = Timer(self.fire, single=True)
        self.done: list[tuple[int, int]] = []
        self._arm()

    def _arm(self) -> None:
        if self.pending:
            self.loop.start_at(self.timer, self.pending[0][0])

    def fire(self) -> None:
        _, length = self.pending.pop(0)
        begin = self.loop.now
        self.loop.spend(length)
        self.done.append((begin, self.loop.now))
        self._arm()


Stalls = Callable[[random.Random, int, int], list[tuple[int, int]]]


@dataclass(frozen=True)
class Scenario:
    seed: int
    stalls: Stalls
    suspends: tuple[tuple[float, float], ...] = ()  # (seconds after the start, duration)


def simulate(make: Callable[[Loop], Counter], scenario: Scenario) -> Outcome:
    seed, suspends = scenario.seed, scenario.suspends
    rng = random.Random(seed)
    # The steady clock: hours since boot. Whole microseconds everywhere, as in the log.
    start = round(rng.uniform(50_000, 90_000) * 1e6) * US
    loop = Loop(now=start, rng=random.Random(seed + 1))
    loop.suspends = [(start + round(at * NS), round(d * NS)) for at, d in suspends]
    end = start + SESSION_S * NS
    StallSource(loop, scenario.stalls(random.Random(seed + 2), start, end))
    counter = make(loop)
    press = Timer(counter.press_start, single=True)
    loop.start(press, 137)  # the moderator presses Space at some millisecond
    loop.run_until(end + 3 * NS)

    started = counter.started
    true_end = started + SESSION_S * NS
    hidden = [(r - round(d * NS), r) for r, (_, d) in zip(loop.resumes, suspends, strict=True)]
    errors = [e for b, e in counter.display.figure_errors if b <= true_end]
    after_resume = None
    if loop.resumes and isinstance(counter, EngineDriven):
        resume = loop.resumes[0]
        after_resume = (min(b for b in counter.refreshes if b >= resume) - resume) / NS
    return Outcome(
        drift_end_s=errors[-1],
        worst_error_s=worst_error_s(counter.display, started, true_end, hidden),
        after_resume_s=after_resume,
    )


WALL0 = datetime(2020, 9, 22, 14, 0, 0, 417_000, tzinfo=UTC)


def _stalls_200ms(rng: random.Random, start: int, end: int) -> list[tuple[int, int]]:
    return stall_schedule(rng, start, end, (2.0, 6.0), 200)


def _stalls_and_freezes(rng: random.Random, start: int, end: int) -> list[tuple[int, int]]:
    """Plus a 1.5 s freeze (a projector plugged in, swapping) at a random second of every
    tenth minute."""
    freezes = [
        (start + k * 600 * NS + rng.randint(0, 59_999_999) * US, 1500 * MS) for k in range(1, 9)
    ]
    return _stalls_200ms(rng, start, end) + freezes


# -- the real thing, for 8 seconds -----------------------------------------------------------


REAL_S = 8.0
HEARTBEAT_MS = 5


@dataclass
class RealRun:
    start_steady: int = 0  # ns, CLOCK_MONOTONIC when Space was "pressed"
    boot_minus_steady: int = 0
    wall_minus_steady: int = 0
    ticks: dict[str, list[int]] = field(default_factory=dict)  # steady ns of each tick
    engine: list[tuple[int, int]] = field(default_factory=list)  # (steady ns, value shown)
    stalls: list[tuple[int, int]] = field(default_factory=list)  # ours: (start, length)
    heartbeat: list[int] = field(default_factory=list)
    costs: dict[str, list[int]] = field(default_factory=dict)

    def outside_stalls(self) -> list[tuple[int, int]]:
        """Times the loop was blocked by something else (the machine busy with other work):
        the heartbeat, due every 5 ms, did not fire, and none of our stalls was running."""
        ours = [(a, a + n) for a, n in self.stalls]
        found = []
        for a, b in itertools.pairwise(self.heartbeat):
            due = a + HEARTBEAT_MS * MS
            if b - due > 3 * MS and not any(x < b and due < y for x, y in ours):
                found.append((due, b - due))
        return found


def real_check(seed: int = 7) -> RealRun:
    """A real Qt event loop, all at once: a repeating QTimer counter, two re-armed
    single-shot counters and the real TickDriver on the real engine, with real 200 ms
    stalls (time.sleep in a timer slot), and a 5 ms heartbeat that shows when the loop was
    held up by anything else."""
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from app.engine.clock import SystemClock

    # A QApplication (not a bare QCoreApplication): the benches share one process, and the
    # ones that open windows need it.
    app = QCoreApplication.instance() or QApplication([])
    rng = random.Random(seed)
    run = RealRun(ticks={k: [] for k in NAIVE}, costs={k: [] for k in (*NAIVE, "engine")})
    steady = time.monotonic_ns
    clock = SystemClock()

    def recorder(kind: str, rearm: Callable[[], None] | None) -> Callable[[], None]:
        def tick() -> None:
            t = steady()
            run.ticks[kind].append(t)
            if rearm is not None:
                rearm()
            run.costs[kind].append(steady() - t)

        return tick

    repeating = QTimer()
    repeating.setInterval(1000)  # CoarseTimer: the default
    repeating.timeout.connect(recorder("repeating", None))

    coarse = QTimer()
    coarse.setSingleShot(True)
    coarse.setTimerType(Qt.TimerType.CoarseTimer)
    coarse.timeout.connect(recorder("coarse", lambda: coarse.start(1000)))
    precise = QTimer()
    precise.setSingleShot(True)
    precise.setTimerType(Qt.TimerType.PreciseTimer)
    precise.timeout.connect(recorder("precise", lambda: precise.start(1000)))

    session = Session(
        Timeline(ninety_minutes()), clock, origin_mono=clock.monotonic(), origin_wall=clock.wall()
    )
    origin = session.origin_wall
    driver = TickDriver(
        lambda: session.snapshot().next_shown_change_in(origin.second + origin.microsecond / 1e6)
    )

    def engine_refresh() -> None:
        t = steady()
        run.engine.append((t, shown(session.snapshot().remaining_s)))
        run.costs["engine"].append(steady() - t)

    driver.fired.connect(engine_refresh)

    stall = QTimer()
    stall.setSingleShot(True)
    stall.setTimerType(Qt.TimerType.PreciseTimer)

    def stall_slot() -> None:
        begin = steady()
        time.sleep(0.2)
        run.stalls.append((begin, steady() - begin))
        stall.start(rng.randint(1100, 1900))

    stall.timeout.connect(stall_slot)
    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(lambda: run.heartbeat.append(steady()))

    def press_start() -> None:
        run.start_steady = steady()
        run.boot_minus_steady = time.clock_gettime_ns(time.CLOCK_BOOTTIME) - steady()
        run.wall_minus_steady = time.time_ns() - steady()
        repeating.start()
        coarse.start(1000)
        precise.start(1000)
        assert session.start()
        engine_refresh()
        driver.arm()
        stall.start(rng.randint(300, 900))
        heartbeat.start()
        QTimer.singleShot(round(REAL_S * 1000), app.quit)

    QTimer.singleShot(0, press_start)
    app.exec()
    for timer in (repeating, coarse, precise, stall, heartbeat):
        timer.stop()
    driver.stop()
    return run


def model_of(real: RealRun) -> tuple[dict[str, list[int]], list[tuple[int, int]]]:
    """The same 8 seconds in the model: same start, same stalls (ours and the machine's), the
    slot costs measured."""
    loop = Loop(now=real.start_steady, rng=random.Random(3))
    cost = {k: round(statistics.median(v)) if v else 0 for k, v in real.costs.items()}
    StallSource(loop, real.stalls + real.outside_stalls())
    naive = {kind: Naive(loop, kind, cost[kind]) for kind in NAIVE}
    loop.suspended = real.boot_minus_steady  # BOOTTIME = MONOTONIC + time slept since boot
    wall0 = datetime.fromtimestamp(real.wall_minus_steady / NS, UTC)
    engine = EngineDriven(
        loop, wall0 - timedelta(microseconds=loop.suspended // US), cost["engine"]
    )
    for counter in naive.values():
        counter.press_start()
    engine.press_start()
    loop.run_until(real.start_steady + round(REAL_S * NS))
    off = loop.suspended
    return (
        {kind: [t - off for t in counter.ticks] for kind, counter in naive.items()},
        [(t - off, v) for t, v in engine.display.changes],
    )


def _max_gap_ms(real: list[int], model: list[int]) -> float:
    n = min(len(real), len(model))
    assert n >= 5, (real, model)
    return max(abs(a - b) for a, b in zip(real[:n], model[:n], strict=True)) / MS


def _first_shown(changes: list[tuple[int, int]]) -> dict[int, int]:
    first: dict[int, int] = {}
    for t, value in changes:
        first.setdefault(value, t)
    return first


# -- figures -----------------------------------------------------------------------------------


def _engine(loop: Loop) -> EngineDriven:
    return EngineDriven(loop, WALL0)


def _naive(kind: str) -> Callable[[Loop], Naive]:
    return lambda loop: Naive(loop, kind)


def run() -> list[Figure]:
    figures: list[Figure] = []
    stalled = Scenario(2020, _stalls_200ms)
    for kind, name in NAIVE.items():
        out = simulate(_naive(kind), stalled)
        figures += [
            Figure(f"{name}: drift at 90:00, 200 ms stalls", out.drift_end_s, "s"),
            Figure(f"{name}: worst display error", out.worst_error_s, "s"),
        ]
    out = simulate(_engine, stalled)
    figures += [
        Figure(
            "engine + TickDriver: drift at 90:00, 200 ms stalls",
            round(out.drift_end_s, 6),
            "s",
            "= 0",
            round(out.drift_end_s, 6) == 0,
        ),
        Figure(
            "engine + TickDriver: worst display error",
            out.worst_error_s,
            "s",
            "< 1 s",
            out.worst_error_s < 1.0,
        ),
    ]

    frozen = Scenario(2021, _stalls_and_freezes)
    naive = simulate(_naive("repeating"), frozen)
    engine = simulate(_engine, frozen)
    figures += [
        Figure(
            "naive repeating: drift at 90:00, + a 1.5 s freeze every 10'", naive.drift_end_s, "s"
        ),
        Figure(
            "engine: worst display error, + a 1.5 s freeze every 10'",
            engine.worst_error_s,
            "s",
            "< 2 s (the freeze itself)",
            engine.worst_error_s < 2.0,
        ),
    ]

    asleep = Scenario(2022, _stalls_200ms, suspends=((45 * 60.0, 300.0),))
    naive = simulate(_naive("repeating"), asleep)
    engine = simulate(_engine, asleep)
    figures += [
        Figure("naive repeating: drift at 90:00, lid closed 5' at 45'", naive.drift_end_s, "s"),
        Figure(
            "engine: drift at 90:00, lid closed 5' at 45'",
            round(engine.drift_end_s, 6),
            "s",
            "= 0",
            round(engine.drift_end_s, 6) == 0,
        ),
        Figure(
            "engine: right again after the lid opens",
            engine.after_resume_s or 0.0,
            "s",
            "<= 1.002 s",
            engine.after_resume_s is not None and engine.after_resume_s <= 1.002,
        ),
    ]

    real = real_check()
    model_ticks, model_engine = model_of(real)
    outside = real.outside_stalls()
    figures.append(
        Figure(
            f"model check: {REAL_S:.0f} real s, {len(real.stalls)} stalls of ours, "
            f"{len(outside)} by the machine",
            sum(n for _, n in outside) / MS,
            "ms",
        )
    )
    for kind in NAIVE:
        gap = _max_gap_ms(real.ticks[kind], model_ticks[kind])
        figures.append(
            Figure(f"model check: {kind} ticks, real vs model", gap, "ms", "< 20 ms", gap < 20)
        )
    real_first, model_first = _first_shown(real.engine), _first_shown(model_engine)
    common = sorted(set(real_first) & set(model_first))
    gap = max(abs(real_first[v] - model_first[v]) for v in common) / MS
    figures.append(
        Figure("model check: engine display changes, real vs model", gap, "ms", "< 20 ms", gap < 20)
    )
    return figures
