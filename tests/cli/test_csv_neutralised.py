"""Data is text (ARCHITECTURE.md §2): a title or a speaker that reads like a spreadsheet
formula comes out of `report --format csv` and `export --format csv` with an apostrophe in
front, so that the spreadsheet the README sends users to shows it and never runs it; the
numbers stay numbers; `import` of an exported sheet gives back the text as it was."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import tomli_w

from app.cli import main
from app.engine import FakeClock
from app.model import load_running_order
from app.model.text import neutralise_cell, restore_cell
from app.timing_log.live import start_session

FORMULAS = ("=1+1", "+x", "-x", "@x", '=HYPERLINK("http://evil","clic")')


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """A running order whose part, titles, speakers and roles read like formulas."""
    data = {
        "format": 1,
        "session": {"title": "=cmd|' /C calc'!A0", "start": "09:00", "language": "en"},
        "parts": [
            {
                "title": "@SUM(A1:A9)",
                "budget": "30'",
                "segments": [
                    {
                        "title": title,
                        "duration": "5'",
                        "speakers": [{"name": title, "role": "-role", "organisation": "+org"}],
                    }
                    for title in FORMULAS
                ]
                + [{"title": "Plain talk", "duration": "5'"}],
            }
        ],
    }
    path = tmp_path / "formulas.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def test_export_csv_prefixes_formulas_and_import_gives_them_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_file: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    code, _, err = run(capsys, "export", plan_file, "--format", "csv", "-o", sheet)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    titles = [r["Title"] for r in rows if r["Title"]]
    assert titles == ["'" + t for t in FORMULAS] + ["Plain talk"]
    assert {r["Part"] for r in rows if r["Part"]} == {"'@SUM(A1:A9)"}
    assert {r["Role"] for r in rows if r["Role"]} == {"'-role"}
    assert {r["Organisation"] for r in rows if r["Organisation"]} == {"'+org"}
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())

    back = tmp_path / "back.toml"
    code, _, err = run(capsys, "import", sheet, "-o", back)
    assert code == 0, err
    original = load_running_order(plan_file).plan
    again = load_running_order(back).plan
    assert [s.title for s in again.segments] == [s.title for s in original.segments]
    assert [p.title for p in again.parts] == ["@SUM(A1:A9)"]
    assert [s.speakers for s in again.segments] == [s.speakers for s in original.segments]


def test_report_csv_prefixes_text_cells_and_keeps_numbers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_file: Path
) -> None:
    clock = FakeClock()
    live = start_session(load_running_order(plan_file), clock, tmp_path / "logs")
    live.session.start()
    for _ in FORMULAS:
        clock.advance(120)  # every one ends three minutes early: negative figures
        live.session.next()
    clock.advance(300)
    live.session.end()
    live.writer.close()
    code, out, err = run(capsys, "report", live.log_path, "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [r["title"] for r in rows] == ["'" + t for t in FORMULAS] + ["Plain talk"]
    assert [r["speakers"] for r in rows] == ["'" + t for t in FORMULAS] + [""]
    assert {r["part"] for r in rows} == {"'@SUM(A1:A9)"}
    assert rows[0]["longer_than_planned_s"] == "-180"  # a number, left as a number
    assert rows[0]["planned_s"] == "300"


@pytest.mark.parametrize("text", ["=1+1", "+x", "-x", "@x", "\tx", "\rx", "'=x", "''@x"])
def test_every_trigger_is_neutralised_and_restored(text: str) -> None:
    cell = neutralise_cell(text)
    assert cell == "'" + text
    assert restore_cell(cell) == text


@pytest.mark.parametrize("text", ["", "x", "Q&A", "'quoted'", "2020-09-22T09:00:00+02:00", "1-2"])
def test_plain_text_is_left_as_it_is(text: str) -> None:
    assert neutralise_cell(text) == text == restore_cell(text)
