"""One writer per timing log, with real processes (ARCHITECTURE.md §2 "Nothing is lost").

Two windows on one running order used to write one log together: two headers, or overlapping
sequence numbers that readers skip. Here real child processes start the seed workshop on one
logs folder, and the test checks what a moderator would see: one of them runs, the other says
in one sentence which process has the running order open, and the log reads back whole. No
test sleeps: the children say what they did, and the parent waits for that (bounded).
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.engine import FakeClock
from app.model import load_running_order
from app.paths import logs_dir
from app.timing_log.errors import SessionBusy
from app.timing_log.live import start_session
from app.timing_log.reader import read_log
from tests.conftest import REPO, SEED

# The child: ready, then (on "go" from the parent) start_session on the seed workshop. As
# the writer it starts the session (unless it resumed one), goes to the next segment, says
# so and holds the session until told "quit" (or killed); as the second window it prints
# the sentence and exits 2.
CHILD = """
import sys
from app.engine import SystemClock
from app.model import load_running_order
from app.paths import logs_dir
from app.timing_log.errors import SessionBusy
from app.timing_log.live import start_session

loaded = load_running_order(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
try:
    live = start_session(loaded, SystemClock(), logs_dir())
except SessionBusy as exc:
    print("busy", exc, flush=True)
    sys.exit(2)
s = live.session
resumed = live.resumed_gap_s is not None
assert (resumed or s.start()) and s.next()
print("writer", live.log_path, "resumed" if resumed else "new", flush=True)
sys.stdin.readline()
assert s.next()
live.writer.close()
print("closed", flush=True)
"""

PATIENCE_S = 60.0  # only for a child that hangs or dies: never reached when things work


class Child:
    def __init__(self, home: Path) -> None:
        env = {**os.environ, "TIMEKEEPER_HOME": str(home)}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(SEED)],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.proc.stdout, selectors.EVENT_READ)

    def line(self) -> str:
        assert self.proc.stdout is not None
        if not self.selector.select(timeout=PATIENCE_S):
            raise AssertionError("the child said nothing for too long")
        text = self.proc.stdout.readline()
        if not text:
            err = self.proc.stderr.read() if self.proc.stderr else ""
            raise AssertionError(f"the child died: {err}")
        return text.rstrip("\n")

    def say(self, word: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(word + "\n")
        self.proc.stdin.flush()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=PATIENCE_S)
        self.selector.close()
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def children(timekeeper_home: Path) -> Iterator[list[Child]]:
    started: list[Child] = []
    yield started
    for child in started:
        child.close()


def spawn(children: list[Child], home: Path) -> Child:
    child = Child(home)
    children.append(child)
    assert child.line() == "ready"
    return child


def headers(path: Path) -> int:
    return sum(json.loads(x)["type"] == "header" for x in path.read_text("utf-8").splitlines())


def test_two_windows_opened_at_the_same_instant_one_writes_the_other_names_it(
    timekeeper_home: Path, children: list[Child]
) -> None:
    a, b = spawn(children, timekeeper_home), spawn(children, timekeeper_home)
    a.say("go")
    b.say("go")  # both are past their imports, waiting: they start at the same instant
    said = {child: child.line().split(" ", 1) for child in (a, b)}
    writers = [c for c, (word, _) in said.items() if word == "writer"]
    busy = [c for c, (word, _) in said.items() if word == "busy"]
    assert len(writers) == 1 and len(busy) == 1, said
    writer, other = writers[0], busy[0]
    sentence = said[other][1]
    assert f"open in another Timekeeper window (process {writer.proc.pid})" in sentence
    assert "timekeeper replay" in sentence and "\n" not in sentence
    assert other.proc.wait(timeout=PATIENCE_S) == 2
    assert other.proc.stderr is not None and other.proc.stderr.read() == ""  # no traceback

    writer.say("quit")
    assert writer.line() == "closed"
    (path,) = logs_dir().glob("*.jsonl")  # one log, not two
    log = read_log(path)
    assert log.warnings == [] and headers(path) == 1
    assert [r.seq for r in log.records] == [1, 2, 3]
    assert [e.kind for e in log.events] == ["start", "next", "next"]


def test_a_second_window_later_does_not_resume_the_live_log(
    timekeeper_home: Path, children: list[Child]
) -> None:
    first = spawn(children, timekeeper_home)
    first.say("go")
    word, rest = first.line().split(" ", 1)
    assert word == "writer"
    path = Path(rest.split()[0])
    before = path.read_bytes()

    # The same running order, opened again while the first window runs: in this process...
    with pytest.raises(SessionBusy, match=rf"\(process {first.proc.pid}\)"):
        start_session(load_running_order(SEED), FakeClock(), logs_dir())
    # ...and by the app itself: one sentence on stderr, exit 2, no window, no traceback.
    env = {**os.environ, "TIMEKEEPER_HOME": str(timekeeper_home), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.run(
        [sys.executable, "-m", "app", str(SEED)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=PATIENCE_S,
    )
    assert app.returncode == 2
    assert app.stderr.count("\n") == 1 and "Traceback" not in app.stderr
    assert f"open in another Timekeeper window (process {first.proc.pid})" in app.stderr

    assert path.read_bytes() == before  # nobody else wrote to it
    assert list(logs_dir().glob("*.jsonl")) == [path]
    first.say("quit")
    assert first.line() == "closed"
    assert [r.seq for r in read_log(path).records] == [1, 2, 3]


def test_after_kill_9_the_next_window_resumes_the_log(
    timekeeper_home: Path, children: list[Child]
) -> None:
    first = spawn(children, timekeeper_home)
    first.say("go")
    word, rest = first.line().split(" ", 1)
    assert word == "writer"
    path = Path(rest.split()[0])
    os.kill(first.proc.pid, signal.SIGKILL)
    assert first.proc.wait(timeout=PATIENCE_S) == -signal.SIGKILL

    again = spawn(children, timekeeper_home)  # the OS released the dead process's lock
    again.say("go")
    assert again.line() == f"writer {path} resumed"
    again.say("quit")
    assert again.line() == "closed"
    log = read_log(path)
    assert log.warnings == [] and headers(path) == 1
    assert [e.kind for e in log.events] == ["start", "next", "resumed", "next", "next"]
    assert [r.seq for r in log.records] == list(range(1, 6))


def test_two_sessions_started_in_the_same_second_get_two_files(tmp_path: Path) -> None:
    clock = FakeClock()
    logs = tmp_path / "logs"
    first = start_session(load_running_order(SEED), clock, logs, recover=False)
    assert first.session.start()
    first.writer.close()
    second = start_session(load_running_order(SEED), clock, logs, recover=False)
    taken = second.log_path  # chosen free; now taken before the first event creates it
    taken.write_text("someone else's file\n", encoding="utf-8")
    assert second.session.start()
    second.writer.close()
    names = sorted(p.name for p in logs.glob("*.jsonl"))
    assert len(names) == 3 and len({first.log_path, second.log_path, taken}) == 3
    assert taken.read_text(encoding="utf-8") == "someone else's file\n"  # never appended to
    for path in (first.log_path, second.log_path):
        assert [e.kind for e in read_log(path).events] == ["start"]


def test_without_a_known_holder_the_sentence_still_says_what_to_do() -> None:
    """The PID is written right after the lock is taken; read in between, none is named."""
    assert str(SessionBusy("atelier", None)) == (
        "the running order “atelier” is open in another Timekeeper window; "
        "close it first, or open its log read-only with `timekeeper replay LOG`"
    )
