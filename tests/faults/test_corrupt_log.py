"""A timing log torn, truncated or corrupted: killed mid-write, edited by hand, copied
half-way, written by a newer version.

What the user must see: the replay (the fold of the events read) and ``timekeeper report``
work on what is valid and say what was skipped, line by line; or they refuse with one clear
sentence, exit 2 and no traceback. And a relaunch continues a torn log without gluing the new
events to the torn line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import paths
from app.cli import main
from app.engine import FakeClock, fold
from app.timing_log.errors import LogError
from app.timing_log.reader import TimingLog, read_log
from tests.conftest import REPO
from tests.engine.helpers import figures
from tests.faults.helpers import crash, live_session, raw_lines


def a_real_log(ended: bool = True) -> Path:
    """A session as a moderator ran it: every kind of control, the clock moving."""
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock)
    s = live.session
    steps = [
        s.start,
        lambda: s.message("Merci de conclure"),
        s.next,
        lambda: s.adjust(60),
        s.pause,
        s.resume_counting,
        s.next,
        lambda: s.blackout(True),
        s.undo,
        s.next,
    ]
    for step in steps:
        clock.advance(41.5)
        assert step()
    if ended:
        clock.advance(30.0)
        assert s.end()
        live.writer.close()
    else:
        crash(live)
    return live.log_path


def report_json(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict, str]:
    code = main(["report", str(path), "--format", "json"])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else {}), err


def assert_refused(path: Path, capsys: pytest.CaptureFixture[str], *words: str) -> str:
    code = main(["report", str(path), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("timekeeper: ")
    assert "Traceback" not in err
    for word in words:
        assert word in err
    return err


def totals_add_up(report: dict) -> None:
    """Every second between the start and the last event belongs to one segment."""
    actual = sum(s["actual_s"] for s in report["segments"])
    assert actual == pytest.approx(report["total_actual_s"], abs=1e-3)


def replay(log: TimingLog) -> tuple[object, ...]:
    """Every figure the replay shows at the log's last event."""
    last = log.events[-1].t if log.events else 0.0
    return figures(fold(log.header.plan, log.events, last, log.header.planned_start_t))


def test_the_intact_log_reports_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    path = a_real_log()
    code, report, err = report_json(path, capsys)
    assert code == 0 and err == ""
    assert report["finished"] and report["warnings"] == []
    totals_add_up(report)


def test_torn_last_line_is_skipped_and_named(capsys: pytest.CaptureFixture[str]) -> None:
    path = a_real_log(ended=False)
    intact = read_log(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 25])  # killed in the middle of the last write

    log = read_log(path)
    n = len(raw_lines(path))
    assert log.warnings == [f"line {n}: incomplete last line skipped (torn write)"]
    assert log.records == intact.records[:-1]
    plan, start_t = intact.header.plan, intact.header.planned_start_t
    assert replay(log) == figures(fold(plan, intact.events[:-1], intact.events[-2].t, start_t))

    code, report, err = report_json(path, capsys)
    assert code == 0
    assert report["open"] and not report["finished"]
    assert report["warnings"] == log.warnings
    assert f"line {n}: incomplete last line skipped" in err
    totals_add_up(report)


@pytest.mark.parametrize(
    "junk",
    [
        b"\x00\x00\x00\x00\x00\x00",  # a block of zeros: a crash of the file system, not of us
        b'{"seq": 4, "t": 12.0, "wall": "2020-09-22T16:00:12+00:00", "type": "teleport"}',
        b'{"seq": "four", "t": 1, "wall": "x", "type": "next"}',
        b"\xff\xfe not utf-8 \xc3\x28",
        b"[1, 2, 3]",
        b'{"seq": 3, "t": -5, "wall": "2020-09-22T16:00:12+00:00", "type": "next"}',
        b"garbage in the middle {",
    ],
)
def test_a_bad_line_in_the_middle_is_skipped_and_named(
    junk: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    path = a_real_log()
    intact = read_log(path)
    lines = path.read_bytes().split(b"\n")
    lines.insert(4, junk)  # after the header and 3 events: it becomes line 5
    path.write_bytes(b"\n".join(lines))

    log = read_log(path)
    assert len(log.warnings) == 1 and log.warnings[0].startswith("line 5: skipped (")
    assert log.records == intact.records
    assert replay(log) == replay(intact)

    code, report, err = report_json(path, capsys)
    assert code == 0 and report["finished"]
    assert "line 5: skipped" in err
    totals_add_up(report)


def test_a_line_written_twice_is_read_once(capsys: pytest.CaptureFixture[str]) -> None:
    path = a_real_log()
    intact = read_log(path)
    lines = path.read_bytes().split(b"\n")
    lines.insert(4, lines[3])
    path.write_bytes(b"\n".join(lines))
    log = read_log(path)
    assert log.records == intact.records
    assert log.warnings == ["line 5: skipped (sequence 3 out of order)"]
    code, _, _ = report_json(path, capsys)
    assert code == 0


def test_a_log_cut_in_the_middle_reports_what_it_has(capsys: pytest.CaptureFixture[str]) -> None:
    """A copy to a USB stick that stopped half-way: the session looks open at the cut."""
    path = a_real_log()
    data = path.read_bytes()
    header_end = data.index(b"\n") + 1
    path.write_bytes(data[: header_end + (len(data) - header_end) // 2])
    log = read_log(path)
    assert log.records and not log.finished
    code, report, _ = report_json(path, capsys)
    assert code == 0 and report["open"]
    totals_add_up(report)


def test_a_header_from_a_future_schema_is_refused_in_one_sentence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = a_real_log()
    lines = path.read_bytes().split(b"\n")
    header = json.loads(lines[0])
    header["schema"] = 7
    header["something_new"] = {"we": "cannot know"}
    lines[0] = json.dumps(header).encode()
    path.write_bytes(b"\n".join(lines))

    with pytest.raises(LogError, match="newer Timekeeper"):
        read_log(path)
    err = assert_refused(path, capsys, "schema 7", "update Timekeeper")
    assert str(path) in err


def test_the_refusal_holds_in_a_real_process(tmp_path: Path) -> None:
    """`python -m app report` on a future log: exit 2, one line, no traceback."""
    path = a_real_log()
    lines = path.read_bytes().split(b"\n")
    header = json.loads(lines[0])
    header["schema"] = 2
    lines[0] = json.dumps(header).encode()
    path.write_bytes(b"\n".join(lines))
    env = {**os.environ, "TIMEKEEPER_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "app", "report", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "newer Timekeeper" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", ("empty file",)),
        (b'{"type": "header", "schema": 1, "app_ver', ("not a Timekeeper timing log",)),
        (b'format = 1\n[session]\ntitle = "x"\n', ("not a Timekeeper timing log",)),
        (b'{"seq": 1, "t": 0, "type": "start"}\n', ("no header line",)),
        (b'{"type": "header", "schema": "1"}\n', ("no schema version",)),
        (b'{"type": "header", "schema": 1, "plan": 3}\n', ("invalid header field",)),
    ],
)
def test_what_is_not_a_usable_log_is_refused_in_one_sentence(
    content: bytes, words: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "session.jsonl"
    path.write_bytes(content)
    assert_refused(path, capsys, str(path), *words)


def test_a_folder_or_a_missing_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(tmp_path, capsys, "folder")
    assert_refused(tmp_path / "nowhere.jsonl", capsys, "no such file")


def test_a_relaunch_continues_a_torn_log_on_a_fresh_line() -> None:
    """Killed mid-write, relaunched: the session goes on, the torn line stays a skipped line
    of its own (named in the warnings), and every new event is readable."""
    path = a_real_log(ended=False)
    intact = read_log(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 10])

    clock = FakeClock()
    clock.advance(intact.events[-1].t + 60.0)
    again = live_session(paths.logs_dir(), clock)
    assert again.log_path == path
    assert any("torn write" in w for w in again.warnings)
    assert again.session.next()
    assert again.session.end()
    again.writer.close()

    log = read_log(path)
    assert [r.seq for r in log.records] == list(range(1, len(log.records) + 1))
    assert log.records[: len(intact.records) - 1] == intact.records[:-1]
    kinds = [r.event.kind for r in log.records[len(intact.records) - 1 :]]
    assert kinds == ["resumed", "next", "end"]
    assert len(log.warnings) == 1 and "skipped" in log.warnings[0]
    assert log.finished
