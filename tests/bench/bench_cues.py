"""Sound cues' cost on the tick (README, Performance): what the live controller adds to each
refresh with cues on, measured in this process, interleaved with the same work cues off.

- which cue is due (``app.engine.cues.cue_due``) on the tick's snapshot, per tick;
- a tick's engine work cues off (the snapshot) and on (the snapshot, then cue_due), taken in
  alternation so that the machine's load weighs on both alike;
- a cue handed to the player (``CuePlayer.play``: a queue put; the player program runs on the
  worker thread, here ``true``).

- the same ticks' instructions, counted by valgrind (callgrind) in a child process: a
  count that the machine's load does not move (skipped, said so, without valgrind). The child
  ticks the seed's intro once a second through its warning, final and zero (700 ticks), cues
  off and on; a third run with no tick is the start-up to take away.

bench_ui's child runs the real app 30 s with cues off, on, then off again: the process's CPU
and one wake-up's cycle, side by side.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from app.engine import FakeClock, Timeline
from app.engine.cues import Cue, CueWatch, cue_due
from app.engine.session import Session
from app.model import load_running_order
from app.sound.player import CuePlayer
from tests.bench.figures import Figure, below, per_call
from tests.conftest import SEED

CALLS = 2000
TICKS = 700
ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from app.engine import FakeClock, Timeline
from app.engine.cues import CueWatch, cue_due
from app.engine.session import Session
from app.model import load_running_order
from app.resources import default_session

mode, ticks = sys.argv[1], int(sys.argv[2])
clock = FakeClock()
session = Session(
    Timeline(load_running_order(default_session()).plan),
    clock,
    origin_mono=clock.monotonic(),
    origin_wall=clock.wall(),
)
session.start()
watch = CueWatch()
rung = 0
for _ in range(ticks):
    clock.advance(1.0)
    snap = session.snapshot()
    if mode == "on":
        watch, due = cue_due(watch, snap)
        rung += due is not None
assert mode == "off" or ticks == 0 or rung == 3, rung
"""


def _instructions(mode: str, ticks: int, folder: Path) -> int:
    out = folder / f"callgrind.{mode}.{ticks}"
    valgrind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
    done = subprocess.run(
        [*valgrind, sys.executable, "-c", CHILD, mode, str(ticks)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind said no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def _counted() -> list[Figure]:
    if shutil.which("valgrind") is None:
        return [Figure("cues: instructions per tick (valgrind not installed: skipped)", 0, "")]
    with tempfile.TemporaryDirectory(prefix="tk-bench-cues-") as tmp:
        folder = Path(tmp)
        base = _instructions("off", 0, folder)
        off = (_instructions("off", TICKS, folder) - base) / TICKS
        on = (_instructions("on", TICKS, folder) - base) / TICKS
    return [
        Figure(f"cues: a tick's engine work, cues off (callgrind, {TICKS} ticks)", off, "instr"),
        Figure("cues: the same, cues on (cue_due too)", on, "instr"),
        Figure("cues: on minus off, per tick", on - off, "instr"),
    ]


def _running() -> tuple[Session, FakeClock]:
    clock = FakeClock()
    session = Session(
        Timeline(load_running_order(SEED).plan),
        clock,
        origin_mono=clock.monotonic(),
        origin_wall=clock.wall(),
    )
    session.start()
    clock.advance(470.5)  # the intro's 02:10: the warning in ten seconds
    return session, clock


def run() -> list[Figure]:
    session, _ = _running()
    snap = session.snapshot()
    watch, _ = cue_due(CueWatch(), snap)

    def due() -> None:
        cue_due(watch, snap)

    def tick_off() -> None:
        session.snapshot()

    def tick_on() -> None:
        cue_due(watch, session.snapshot())

    off: list[float] = []
    on: list[float] = []
    for _ in range(5):  # interleaved
        off.append(per_call(tick_off, calls=CALLS, repeats=3))
        on.append(per_call(tick_on, calls=CALLS, repeats=3))
    player = CuePlayer(lambda _: None, program=["true"])
    put = per_call(lambda: player.play(Cue.WARNING), calls=200, repeats=5)
    player.close(timeout_s=5)
    off_s, on_s = statistics.median(off), statistics.median(on)
    return [
        below("cues: which cue is due (cue_due), per tick", per_call(due, calls=CALLS), "µs", 20),
        Figure("cues: a tick's snapshot, cues off", off_s * 1e6, "µs"),
        Figure("cues: a tick's snapshot and cue_due, cues on", on_s * 1e6, "µs"),
        Figure("cues: on minus off, per tick", (on_s - off_s) * 1e6, "µs"),
        below("cues: a cue handed to the player (queue put)", put, "µs", 50),
        *_counted(),
    ]
