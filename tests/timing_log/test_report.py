"""`timekeeper report LOG [--format text|csv|json] [-o FILE]` (ARCHITECTURE.md §5): planned against
actual per segment and per part, from the log alone; an unfinished session reports the
segment that was running as open. Bad input: exit 2 and one sentence, never a traceback."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.engine import FakeClock
from app.model import load_running_order
from app.reports.model import build_report
from app.timing_log.live import LiveSession, start_session
from app.timing_log.reader import read_log
from tests.conftest import SEED
from tests.engine.helpers import QA1, QA2, TALK1, TALK2, TALK3, TOUIL

ACTUAL = [630, 570, 620, 700, 900, 900, 780, 300]


def play_seed(logs: Path, *, until_end: bool = True) -> tuple[LiveSession, FakeClock]:
    """The seed workshop as tests/engine/test_seed_workshop.py plays it: the testimonies
    overrun, a 45 s pause, a minute granted, the catch-up plan, the hard end at 17:30."""
    clock = FakeClock()
    live = start_session(load_running_order(SEED), clock, logs)
    s = live.session
    s.start()
    for seconds in (630, 570):
        clock.advance(seconds)
        s.next()
    clock.advance(440)
    s.message("Merci de conclure")
    clock.advance(180)
    s.clear_message()
    s.next()
    clock.advance(200)
    s.pause()
    clock.advance(45)
    s.resume_counting()
    s.adjust(60)
    if not until_end:
        clock.advance(100)  # Cyril Labi speaks when the app dies
        return live, clock
    clock.advance(455)
    s.next()
    assert s.apply_catch_up(s.catch_up())
    for seconds in (900, 900, 780):
        clock.advance(seconds)
        s.next()
    clock.advance(300)
    s.end()
    live.writer.close()
    return live, clock


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["report", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_played_workshop_reported_segment_by_segment(tmp_path: Path) -> None:
    live, _ = play_seed(tmp_path)
    report = build_report(read_log(live.log_path))
    rows = report.segments
    assert [r.actual_s for r in rows] == ACTUAL
    assert [r.planned_s for r in rows] == [600, 500, 500, 500, 900, 900, 900, 300]
    assert [r.overrun_s for r in rows] == [30, 70, 120, 200, 0, 0, 0, 0]
    assert [r.longer_than_planned_s for r in rows][-2:] == [-120, 0]
    assert (rows[TALK3].final_planned_s, rows[QA2].final_planned_s) == (560, 780)
    assert (rows[TALK3].paused_s, rows[TALK3].active_s) == (45, 655)
    assert all(r.status == "done" for r in rows)
    assert rows[TALK1].started_at is not None and rows[TALK1].ended_at is not None
    assert rows[TALK1].started_at.strftime("%H:%M:%S") == "16:10:30"
    assert rows[TALK1].ended_at.strftime("%H:%M:%S") == "16:20:00"
    assert rows[TALK2].start_delay_s == 100  # planned 16:18:20, began 16:20:00
    assert [p.actual_s for p in report.parts] == [630, 2790, 1680, 300]
    assert [p.budget_s for p in report.parts] == [600, 2400, 1800, 300]
    assert report.parts[1].overrun_s == 390
    assert (report.total_planned_s, report.total_actual_s) == (5100, 5400)
    assert sum(r.actual_s for r in rows) == report.total_actual_s
    assert (report.finished, report.open, report.late_end_s, report.paused_s) == (
        True,
        False,
        300,
        45,
    )
    assert report.ended_at == report.hard_end


def test_json_keeps_the_documented_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live, _ = play_seed(tmp_path)
    code, out, err = run(capsys, str(live.log_path), "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert {"segments", "total_planned_s", "total_actual_s"} <= set(data)
    assert (data["total_planned_s"], data["total_actual_s"]) == (5100, 5400)
    first = data["segments"][TALK1]
    assert {"title", "planned_s", "actual_s", "overrun_s", "started_at", "ended_at"} <= set(first)
    assert first["title"].startswith("Expérience d'une coopération")
    assert (first["planned_s"], first["actual_s"], first["overrun_s"]) == (500, 570, 70)
    assert (first["started_at"], first["ended_at"]) == (
        "2020-09-22T16:10:30+00:00",
        "2020-09-22T16:20:00+00:00",
    )
    assert first["speakers"] == ["Laurent Rey Lescure"] and first["open"] is False
    assert [p["title"] for p in data["parts"]][1] == "Témoignages"
    assert (data["late_end_s"], data["ended_at"], data["finished"]) == (
        300,
        "2020-09-22T17:30:00+00:00",
        True,
    )


def test_csv_opens_in_a_spreadsheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    live, _ = play_seed(tmp_path)
    out_file = tmp_path / "report.csv"
    code, out, _ = run(capsys, str(live.log_path), "--format", "csv", "-o", str(out_file))
    assert (code, out) == (0, "")
    raw = out_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes a spreadsheet read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 8  # one a segment, under one header row
    assert [int(r["actual_s"]) for r in rows] == ACTUAL
    assert rows[TALK1]["part"] == "Témoignages"
    assert rows[TOUIL]["speakers"] == "Raja Touil"
    assert rows[TALK3]["overrun_s"] == "200" and rows[QA1]["started_at"].startswith("2020-09-22T")


def test_text_is_a_table_a_person_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    live, _ = play_seed(tmp_path)
    code, out, _ = run(capsys, str(live.log_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Encourager le développement économique")
    assert "Started 16:00:00, ended 17:30:00." in lines
    assert "ended +05:00 against the plan" in out
    laurent = next(x for x in lines if "Laurent Rey Lescure" in x)
    # planned clock time, start, start delay, plan, actual, longer, over the countdown, paused
    assert laurent.split()[:9] == [
        "2",
        "16:10:00",
        "16:10:30",
        "+00:30",
        "08:20",
        "09:30",
        "+01:10",
        "+01:10",
        "00:00",
    ]
    total = next(x for x in lines if x.split()[:1] == ["total"])
    assert total.split() == ["total", "1:25:00", "1:30:00", "+05:00"]
    assert "Paused 00:45." in lines


def test_a_crashed_session_reports_the_running_segment_as_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live, _ = play_seed(tmp_path, until_end=False)
    live.writer.close()
    report = build_report(read_log(live.log_path))
    cyril = report.segments[TALK3]
    assert (cyril.status, cyril.open, cyril.ended_at) == ("open", True, None)
    assert cyril.actual_s == 245  # known up to the last event: the minute granted at 200 + 45
    assert report.segments[QA1].status == "not reached"
    assert (report.finished, report.open, report.ended_at) == (False, True, None)
    assert report.parts[1].open and report.parts[1].ended_at is None
    code, out, _ = run(capsys, str(live.log_path), "--format", "json")
    data = json.loads(out)
    assert data["segments"][TALK3]["open"] is True and data["segments"][TALK3]["ended_at"] is None
    assert data["ended_at"] is None and data["open"] is True
    code, out, _ = run(capsys, str(live.log_path))
    assert code == 0 and "NOT ENDED (last event 16:34:25)" in out
    assert next(x for x in out.splitlines() if "Cyril Labi" in x).endswith("[open]")


def test_a_resumed_session_reports_its_downtime(tmp_path: Path) -> None:
    live, clock = play_seed(tmp_path, until_end=False)
    live.writer.close()
    again_clock = FakeClock(wall=clock.wall() + timedelta(seconds=20), monotonic=7.0)
    again = start_session(load_running_order(SEED), again_clock, tmp_path)
    again_clock.advance(30)
    again.session.next()
    again.writer.close()
    report = build_report(read_log(again.log_path))
    assert (report.resumed, report.downtime_s) == (1, 120)  # 100 s speaking + 20 s down
    assert report.segments[TALK3].actual_s == 245 + 120 + 30
    assert report.segments[QA1].status == "open"


def test_a_log_that_never_started(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clock = FakeClock()
    live = start_session(load_running_order(SEED), clock, tmp_path)
    live.session.blackout(True)
    live.writer.close()
    report = build_report(read_log(live.log_path))
    assert report.started_at is None and report.total_actual_s == 0 and not report.open
    assert {r.status for r in report.segments} == {"not reached"}
    code, out, _ = run(capsys, str(live.log_path))
    assert code == 0 and "Not started." in out


def test_reader_warnings_reach_the_report_and_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live, _ = play_seed(tmp_path)
    with live.log_path.open("ab") as f:
        f.write(b'{"seq": 99, "t": 1e4, "wa')
    code, out, err = run(capsys, str(live.log_path), "--format", "json")
    assert code == 0
    assert json.loads(out)["warnings"] == ["line 17: incomplete last line skipped (torn write)"]
    assert err == (
        f"timekeeper: warning: {live.log_path}: line 17: incomplete last line skipped "
        "(torn write)\n"
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "no such file"),
        (b"", "empty file, expected a Timekeeper timing log"),
        (b"name,duration\nintro,10\n", "not a Timekeeper timing log"),
        (b'{"type": "header", "schema": 7}\n', "written by a newer Timekeeper (log schema 7"),
    ],
)
def test_bad_input_exits_2_with_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, reason: str
) -> None:
    path = tmp_path / "session.jsonl"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"timekeeper: {path}") and reason in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_folder_and_an_unknown_format_are_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2 and "this is a folder" in err
    live, _ = play_seed(tmp_path / "logs")
    code, _, err = run(capsys, str(live.log_path), "--format", "docx")
    assert code == 2 and "invalid choice" in err


def test_output_never_goes_into_a_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    live, _ = play_seed(tmp_path)
    before = live.log_path.read_bytes()
    code, _, err = run(capsys, str(live.log_path), "-o", str(live.log_path), "--force")
    assert code == 2 and "is a timing log, which this command never replaces" in err
    other = tmp_path / "other.jsonl"
    other.write_bytes(before)
    code, _, err = run(capsys, str(live.log_path), "-o", str(other))
    assert code == 2 and "is a timing log" in err
    assert live.log_path.read_bytes() == before == other.read_bytes()
    code, _, err = run(capsys, str(live.log_path), "-o", str(tmp_path))
    assert code == 2 and "is a folder" in err
    code, _, err = run(capsys, str(live.log_path), "-o", str(tmp_path / "no" / "such" / "r.txt"))
    assert code == 2 and err.startswith("timekeeper: ") and "does not exist" in err


def test_an_earlier_report_is_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    live, _ = play_seed(tmp_path)
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    code, _, err = run(capsys, str(live.log_path), "--format", "json", "-o", str(target))
    assert code == 2 and "use --force" in err and target.read_text(encoding="utf-8") == "old"
    code, _, _ = run(capsys, str(live.log_path), "--format", "json", "-o", str(target), "--force")
    assert code == 0 and json.loads(target.read_text(encoding="utf-8"))["total_actual_s"] == 5400
    code, _, _ = run(capsys, str(live.log_path), "--format", "json", "-o", str(target))
    assert code == 0  # an earlier JSON report: replaced without --force
