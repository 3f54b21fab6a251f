"""The list of past sessions: read cheaply from each log's first and last lines, opened into
the replay window with a double click."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import paths
from app.engine import Next, Start
from app.model import load_running_order
from app.ui.past_sessions import PastSessionsWidget, scan, summarise
from app.ui.replay import ReplayWindow
from tests.ui.test_replay import play_seed_session, write_log


@pytest.fixture
def logs(tmp_path: Path, seed_path: Path) -> Path:
    folder = paths.logs_dir()
    play_seed_session(folder, seed_path)
    plan = load_running_order(seed_path).plan
    origin = datetime(2020, 9, 23, 9, 58).astimezone()
    write_log(
        folder / "2020-09-23_095800_rehearsal.jsonl",
        plan,
        [Start(120.0), Next(700.0)],
        origin=origin,
    )
    with (folder / "2020-09-23_095800_rehearsal.jsonl").open("ab") as handle:
        handle.write(b'{"seq":3,"t":9')  # torn: the app was killed mid-write
    (folder / "2020-09-24_000000_junk.jsonl").write_text("not a log\n", encoding="utf-8")
    return folder


def test_scan_reads_title_duration_and_lateness(logs: Path) -> None:
    junk, rehearsal, seed = scan(logs)
    assert junk.problem is not None and "not a Timekeeper timing log" in junk.problem
    assert rehearsal.started is not None and rehearsal.started.hour == 10
    assert rehearsal.duration_s == pytest.approx(580)
    assert not rehearsal.finished and rehearsal.late_s is None
    assert seed.finished
    assert seed.title.startswith("Encourager le développement")
    assert seed.duration_s == pytest.approx(5508.25 - 125)
    # Ended at 17:29:48.25 against a planned end of 17:25.
    assert seed.late_s == pytest.approx(288.25)
    assert summarise(seed.path) == seed


def test_double_click_opens_the_replay(qtbot: QtBot, logs: Path) -> None:
    widget = PastSessionsWidget()
    qtbot.addWidget(widget)
    widget.show()
    assert widget.table.rowCount() == 3
    assert widget.table.item(2, 1).text().startswith("Encourager")
    assert widget.table.item(2, 3).text() == "04:48 late"
    assert widget.table.item(1, 3).text() == "not ended"
    with qtbot.waitSignal(widget.opened) as opened:
        # A real double-click: a click, then the second press Qt calls a double-click.
        cell = widget.table.visualItemRect(widget.table.item(1, 0)).center()
        qtbot.mouseClick(widget.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.mouseDClick(widget.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened.args[0].name == "2020-09-23_095800_rehearsal.jsonl"
    window = widget.windows[-1]
    assert isinstance(window, ReplayWindow)
    assert "torn" in window.notices.text()
    assert "never ended" in window.notices.text()
    window.close()
