"""Timing logs written to hurt, through the real `timekeeper report` (README, Reliability,
points 8, 10 and 11): exit 2 with one sentence naming the file and line 1 for a header that
cannot be used; a BOM is read; a go-to past the plan is reported with its line."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.timing_log.test_report import play_seed

pytestmark = pytest.mark.slow

Header = dict[str, Any]


def report(path: Path, fmt: str = "text") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "app", "report", "--format", fmt, str(path)],
        cwd=REPO,
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def seed_lines(tmp_path: Path) -> list[str]:
    live, _ = play_seed(tmp_path / "logs")
    return live.log_path.read_text(encoding="utf-8").split("\n")


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _with_header(lines: list[str], change: Callable[[Header], None]) -> list[str]:
    header = json.loads(lines[0])
    change(header)
    return [json.dumps(header, ensure_ascii=False), *lines[1:]]


def _huge_segment(h: Header) -> None:
    h["plan"]["segments"][7]["planned_s"] = 10**15
    h["plan"]["parts"][3]["budget_s"] = 10**15


def _year_9999(h: Header) -> None:
    for key in ("created", "origin_wall", "planned_start"):
        h[key] = "9999-12-31T23:00:00+00:00"
    h["plan"]["date"] = "9999-12-31"


def _cut_segments(h: Header) -> None:
    h["plan"]["segments"] = h["plan"]["segments"][:1]


def _schema(value: int) -> Callable[[Header], None]:
    def change(h: Header) -> None:
        h["schema"] = value

    return change


def _title_is_a_number(h: Header) -> None:
    h["plan"]["title"] = 5


HEADERS = {
    "schema-0": (_schema(0), "log schema 0 does not exist"),
    "schema-negative": (_schema(-3), "log schema -3 does not exist"),
    "enormous-duration": (_huge_segment, "segment 7 lasts 1000000000000000 s"),
    "year-9999": (_year_9999, "expected a date between the years 1900 and 2999"),
    "parts-past-the-segments": (_cut_segments, "invalid header field plan"),
    "title-is-a-number": (_title_is_a_number, "plan.title: expected text, got 5"),
}


@pytest.mark.parametrize("change,words", HEADERS.values(), ids=HEADERS.keys())
def test_a_header_that_cannot_be_used_is_refused_in_one_sentence(
    tmp_path: Path, seed_lines: list[str], change: Callable[[Header], None], words: str
) -> None:
    path = _write(tmp_path, _with_header(seed_lines, change))
    done = report(path)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert err.count("\n") == 1 and err.startswith(f"timekeeper: {path}, line 1: "), err
    assert words in err
    for bad in ("Traceback", "pydantic", "errors.pydantic.dev", "unexpected error"):
        assert bad not in err


def test_thousands_of_digits_in_the_header(tmp_path: Path, seed_lines: list[str]) -> None:
    lines = [seed_lines[0].replace('"budget_s":600', '"budget_s":' + "9" * 5000, 1)]
    path = _write(tmp_path, lines + seed_lines[1:])
    done = report(path)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert (
        err == f"timekeeper: {path}, line 1: the header holds a number with too many digits; "
        "this is not a log Timekeeper wrote\n"
    )


def test_thousands_of_digits_in_an_event_skip_that_line(
    tmp_path: Path, seed_lines: list[str]
) -> None:
    lines = list(seed_lines)
    lines[3] = lines[3].replace('"t":1200.0', '"t":1' + "0" * 5000)
    done = report(_write(tmp_path, lines))
    err = done.stderr.decode("utf-8")
    assert done.returncode == 0, err
    assert "line 4: skipped (not an event (a number with too many digits))" in err
    assert "set_int_max_str_digits" not in err


def test_a_log_saved_with_a_bom_is_read(tmp_path: Path, seed_lines: list[str]) -> None:
    plain = _write(tmp_path, seed_lines)
    with_bom = tmp_path / "bom.jsonl"
    with_bom.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    done = report(with_bom)
    assert done.returncode == 0, done.stderr
    assert done.stdout == report(plain).stdout


def test_a_goto_past_the_plan_is_reported_with_its_line(
    tmp_path: Path, seed_lines: list[str]
) -> None:
    lines = list(seed_lines)
    lines[3] = '{"seq":3,"t":1200.0,"wall":"2020-09-22T16:20:00+00:00","type":"goto","segment":41}'
    done = report(_write(tmp_path, lines))
    err = done.stderr.decode("utf-8")
    assert done.returncode == 0, err
    assert "line 4: goto to segment 41, but the plan has 8 (numbered 0 to 7); ignored" in err
