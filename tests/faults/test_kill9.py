"""kill -9 of the real app, ten times in one session, relaunching each time.

The app runs as `timekeeper SESSION` does (tests/faults/harness.py adds a moderator pressing
keys at a random pace and says on stdout which events are on disk). The parent kills it at
random moments, relaunches it, and checks what a moderator relies on:

- every event the app had written is still in the log, with continuous sequence numbers;
- each relaunch resumes the state the log holds (segment, running or paused) and counts the
  downtime: between the kill and the relaunch, measured by the parent;
- at the end, every second from the start to the end is accounted for: the segments' actual
  times add up to the session's length, which equals the wall-clock time that passed between
  the Start and the End, downtime included.
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cli import main
from app.engine import Resumed, Timeline
from app.timing_log.reader import read_log
from tests.conftest import REPO, SEED

KILLS = 10
LINE_TIMEOUT_S = 60.0  # a safety net for a hung child, never a wait for time to pass


@dataclass
class Child:
    proc: subprocess.Popen[str]
    lines: queue.Queue[str | None]
    stderr: Path

    def next_line(self) -> str:
        """The next HARNESS line; fails the test if the child dies or hangs."""
        while True:
            line = self.lines.get(timeout=LINE_TIMEOUT_S)
            if line is None:
                code = self.proc.wait()
                tail = self.stderr.read_text(errors="replace")[-4000:]
                raise AssertionError(f"the app exited ({code}) unexpectedly:\n{tail}")
            if line.startswith("HARNESS "):
                return line.split(" ", 1)[1].strip()

    def expect(self, word: str) -> list[str]:
        parts = self.next_line().split()
        assert parts[0] == word, parts
        return parts[1:]


def launch(home: Path, seed: int, finish: bool = False) -> Child:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIMEKEEPER_HOME": str(home)}
    args = [sys.executable, "-m", "tests.faults.harness", str(SEED), str(seed)]
    stderr = home.parent / f"harness-{seed}.stderr"
    with stderr.open("w") as err:  # the child keeps its own copy of the descriptor
        proc = subprocess.Popen(
            [*args, "--finish"] if finish else args,
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return Child(proc, lines, stderr)


@pytest.fixture
def children() -> Iterator[list[Child]]:
    started: list[Child] = []
    yield started
    for child in started:
        if child.proc.poll() is None:
            child.proc.kill()
        child.proc.wait()
        if child.proc.stdout is not None:
            child.proc.stdout.close()


@pytest.mark.slow
def test_ten_kills_in_one_session_lose_no_event_and_no_second(
    timekeeper_home: Path, children: list[Child], capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(20200922)
    acknowledged: dict[int, str] = {}  # seq -> "segment status", as the app said after fsync
    logs = timekeeper_home / "data" / "logs"
    kill_walls: list[float] = []

    for run in range(KILLS + 1):
        final = run == KILLS
        child = launch(timekeeper_home, seed=run, finish=final)
        children.append(child)
        assert child.expect("MODE") == ["windows"]  # both windows open: the real app
        seq, current, status, gap = child.expect("READY")
        ready_wall = time.time()

        if run == 0:
            assert (seq, gap) == ("0", "-")
        else:
            # Resumed into the state the log holds, the downtime counted. (The child goes on
            # 5-40 ms after READY: on a loaded machine its next events may be written before
            # the log is read here, so the log is read up to the Resumed event.)
            (log_path,) = logs.glob("*.jsonl")
            log = read_log(log_path)
            upto = [r for r in log.records if r.seq <= int(seq)]
            assert upto[-1].seq == int(seq) and isinstance(upto[-1].event, Resumed)
            line = Timeline(
                log.header.plan,
                [r.event for r in upto],
                planned_start_t=log.header.planned_start_t,
            )
            state = line.final()
            assert (current, status) == (str(state.current), state.status.value)
            last_before = upto[-2].wall.timestamp()
            assert kill_walls[-1] - last_before - 0.01 <= float(gap)
            assert float(gap) <= ready_wall - last_before + 0.01

        if final:
            while True:
                word, *rest = child.next_line().split()
                if word == "ENDED":
                    acknowledged[int(rest[0])] = "ended"
                    break
                assert word == "EVENT"
                acknowledged[int(rest[0])] = " ".join(rest[1:])
            assert child.proc.wait(timeout=LINE_TIMEOUT_S) == 0
            break

        for _ in range(rng.randint(1, 6)):  # then kill at whatever point it has reached
            seq, current, status = child.expect("EVENT")
            acknowledged[int(seq)] = f"{current} {status}"
        child.proc.send_signal(signal.SIGKILL)
        child.proc.wait()
        kill_walls.append(time.time())

    (log_path,) = logs.glob("*.jsonl")
    log = read_log(log_path)
    seqs = [r.seq for r in log.records]
    assert seqs == list(range(1, len(seqs) + 1)), "sequence numbers continuous, none twice"
    assert set(acknowledged) <= set(seqs), "an event the app had written was lost"
    # A kill can tear the line being written; nothing else may be skipped.
    assert all("not JSON" in w or "torn" in w for w in log.warnings), log.warnings
    assert log.finished
    assert sum(r.event.kind == "resumed" for r in log.records) == KILLS

    # Every second accounted for, in the report a user would print.
    assert main(["report", str(log_path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    start = next(r for r in log.records if r.event.kind == "start")
    end = log.records[-1]
    assert end.event.kind == "end"
    length = end.event.t - start.event.t
    assert report["total_actual_s"] == pytest.approx(length, abs=1e-3)
    assert sum(s["actual_s"] for s in report["segments"]) == pytest.approx(length, abs=0.01)
    assert length == pytest.approx(end.wall.timestamp() - start.wall.timestamp(), abs=0.05)
    gaps = sum(r.event.gap_s for r in log.records if isinstance(r.event, Resumed))
    assert report["downtime_s"] == pytest.approx(gaps, abs=1e-3)
    assert gaps > KILLS * 0.1  # each relaunch took real time, and it was counted
