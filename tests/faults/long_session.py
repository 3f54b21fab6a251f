"""An eight-hour session of 500 segments and 10,000 controls, in fast-forward on a FakeClock:
shared by tests/faults/test_long_session.py (loose, fast) and tests/bench/bench_memory.py.

The moderator here is busier than any real one (a control every 2.9 s for eight hours), so
that whatever grows with the number of events shows.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from app.engine import FakeClock, Status
from app.model import LoadedRunningOrder, parse_running_order
from app.timing_log.live import LiveSession, start_session

SEGMENTS = 500
SEGMENT_S = 58  # 500 x 58 s: 8 h 03 min
EVENTS = 10_000
STEP_S = 2.9  # 10,000 controls over eight hours


def long_running_order(segments: int = SEGMENTS, seconds: int = SEGMENT_S) -> LoadedRunningOrder:
    lines = ["format = 1", "[session]", 'title = "Marathon"', 'start = "09:00"', ""]
    per_part = 10
    for p in range(segments // per_part):
        lines += ["[[parts]]", f'title = "Part {p + 1}"']
        for s in range(per_part):
            kind = "qa" if s == per_part - 1 else "talk"
            lines += [
                "[[parts.segments]]",
                f'title = "Talk {p * per_part + s + 1}"',
                f'kind = "{kind}"',
                f'duration = "{seconds}s"',
                "[[parts.segments.speakers]]",
                f'name = "Speaker {p * per_part + s + 1}"',
            ]
    data = "\n".join(lines).encode()
    plan = parse_running_order(data, "marathon.toml")
    return LoadedRunningOrder(plan=plan, source="marathon.toml", sha256="marathon")


class LongSession:
    """Drives a live session (its real log writer included) one control at a time."""

    def __init__(self, logs_dir: Path, seed: int = 8) -> None:
        self.loaded = long_running_order()
        self.clock = FakeClock()
        self.live: LiveSession = start_session(self.loaded, self.clock, logs_dir, recover=False)
        self.rng = random.Random(seed)
        self.events = 0
        self.snapshots = 0

    @property
    def session(self):  # type: ignore[no-untyped-def]
        return self.live.session

    def _controls(self) -> list[Callable[[], bool]]:
        s, rng = self.live.session, self.rng
        return [
            lambda: s.message(f"Encore {rng.randint(1, 10**6)} secondes"),
            s.clear_message,
            lambda: s.blink(rng.random() < 0.5),
            lambda: s.blackout(None),
            lambda: s.adjust(rng.choice((60, 30, -30))),
            s.toggle,
            s.undo,
        ]

    # How often each control is given: messages and time changes most, undo rarely.
    WEIGHTS = (30, 15, 5, 10, 20, 19, 1)

    def step(self) -> None:
        """Time passes, then one control is given (and logged); a Next when the segment's
        share of controls is used up."""
        s = self.live.session
        self.clock.advance(STEP_S)
        snap = s.snapshot()
        self.snapshots += 1
        if snap.status is Status.READY:
            ok = s.start()
        elif self.events % (EVENTS // SEGMENTS) == 0 and snap.current + 1 < SEGMENTS:
            ok = s.next()
        else:
            ok = False
            controls = self._controls()
            while not ok:
                ok = self.rng.choices(controls, self.WEIGHTS)[0]()
        assert ok
        self.events += 1

    def run(self, n: int) -> None:
        for _ in range(n):
            self.step()

    def close(self) -> None:
        self.live.writer.close()
