"""A real process with the real clock, killed with SIGKILL in the middle of a segment while it
writes events as fast as it can; a new process on the same logs folder comes back in the
same segment with the time that passed counted, and no event the first one had written is
lost. Nothing here sleeps: the test reads what the child says it has done."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.engine import Resumed, SystemClock
from app.model import load_running_order
from app.paths import logs_dir
from app.timing_log.live import start_session
from app.timing_log.reader import read_log
from tests.conftest import REPO, SEED
from tests.engine.helpers import TALK1

# The child: start the seed workshop, go to the first testimony, then toggle the projector
# blackout for ever; after each control (written and fsynced when it returns) it says so.
CHILD = """
import sys, time
from app.engine import SystemClock
from app.model import load_running_order
from app.paths import logs_dir
from app.timing_log.live import start_session

live = start_session(load_running_order(sys.argv[1]), SystemClock(), logs_dir())
s = live.session
s.start()
s.next()
print("log", live.log_path, flush=True)
on = True
while True:
    assert s.blackout(on)
    on = not on
    wall = time.time()  # read first: the elapsed time below is at least this late
    snap = s.snapshot()
    print("written", len(s.engine.events), snap.current, repr(snap.active_s), repr(wall),
          flush=True)
"""

EVENTS_BEFORE_KILL = 150
PATIENCE_S = 60.0  # only for a child that hangs or dies: never reached when things work


class Child:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(SEED)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.proc.stdout, selectors.EVENT_READ)
        self.deadline = time.monotonic() + PATIENCE_S

    def line(self) -> str:
        assert self.proc.stdout is not None
        if not self.selector.select(timeout=max(0.0, self.deadline - time.monotonic())):
            raise AssertionError("the child said nothing for too long")
        text = self.proc.stdout.readline()
        if not text:
            err = self.proc.stderr.read() if self.proc.stderr else ""
            raise AssertionError(f"the child died: {err}")
        return text.rstrip("\n")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.selector.close()
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


def test_a_session_killed_mid_segment_comes_back_with_nothing_lost() -> None:
    child = Child()
    try:
        kind, path_text = child.line().split(" ", 1)
        assert kind == "log"
        written: list[int] = []
        while len(written) < EVENTS_BEFORE_KILL:
            kind, seq, current, active, wall = child.line().split()
            assert kind == "written" and int(current) == TALK1
            written.append(int(seq))
        killed_at = time.time()
        os.kill(child.proc.pid, signal.SIGKILL)  # mid-segment, maybe mid-write
        assert child.proc.wait() == -signal.SIGKILL
    finally:
        child.close()
    elapsed_before, said_at = float(active), float(wall)
    path = Path(path_text)

    # Every event the child had written when it said so is in the log, in order.
    log = read_log(path)
    seqs = [r.seq for r in log.records]
    assert seqs == list(range(1, len(seqs) + 1))
    assert set(written) <= set(seqs)
    assert all(w.endswith("(torn write)") for w in log.warnings) and len(log.warnings) <= 1

    restarted_at = time.time()
    live = start_session(load_running_order(SEED), SystemClock(), logs_dir())
    try:
        snap = live.session.snapshot()
        now = time.time()
        assert live.log_path == path
        assert snap.current == TALK1 and snap.running
        # The time the app was down counts: the room went on.
        gap = live.resumed_gap_s
        assert gap is not None and gap >= restarted_at - killed_at - 0.005
        assert snap.active_s >= elapsed_before + (restarted_at - killed_at) - 0.005
        # ... and nothing more than the time that really passed since the child's last word.
        assert snap.active_s <= elapsed_before + (now - said_at) + 0.005
        after = read_log(path)
        last = after.records[-1]
        assert last.event == Resumed(t=last.event.t, gap_s=gap)
        assert last.seq == seqs[-1] + 1
        # Writing goes on: the next control is a whole line after the resumed one.
        assert live.session.next()
        final = read_log(path)
        assert [r.event.kind for r in final.records[-2:]] == ["resumed", "next"]
        assert final.records[-1].seq == last.seq + 1
    finally:
        live.writer.close()
