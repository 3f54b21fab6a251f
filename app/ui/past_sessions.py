"""The past sessions: the timing logs in the data folder, listed to be replayed.

A folder may hold years of logs, so the list never folds a whole log: it reads the header
(the first line), the first event and the last complete line. That is enough for the date,
the title, how long the session ran and how late it ended; the replay window, opened with a
double click, folds the whole log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.engine.display import format_span
from app.timing_log.errors import LogError
from app.timing_log.format import SUFFIX
from app.timing_log.reader import read_header

translate = QCoreApplication.translate

TAIL_BYTES = 64 * 1024
HEAD_LINES = 50  # how far to look for the start: a moderator may move the cursor first


@dataclass(frozen=True)
class PastSession:
    path: Path
    title: str
    planned_start: datetime | None
    started: datetime | None
    last: datetime | None  # the wall time of the last complete event line
    duration_s: float | None  # from the start to the last event
    late_s: float | None  # the end against the planned end; None when it never ended
    finished: bool
    problem: str | None = None  # the reason a log cannot be listed properly


def _event_of(line: bytes) -> tuple[str, float, datetime] | None:
    """(type, t, wall) of one event line, or None for anything else (a torn line, say)."""
    try:
        data: Any = json.loads(line)
        kind, t, wall = data["type"], float(data["t"]), datetime.fromisoformat(data["wall"])
    except (ValueError, KeyError, TypeError):
        return None
    return (kind, t, wall) if isinstance(kind, str) else None


def summarise(path: Path) -> PastSession:
    """The list's line for one log, from its first lines and its last one."""
    try:
        header = read_header(path)
    except LogError as exc:
        reason = str(exc)
        if reason.startswith(str(path)):  # the list names the file already
            reason = reason[len(str(path)) :].lstrip(",: ")
        return PastSession(path, path.name, None, None, None, None, None, False, reason)
    start = _first_start(path)
    last = _last_event(path)
    started = None if start is None else start[2]
    duration = None if start is None or last is None else max(0.0, last[1] - start[1])
    finished = last is not None and last[0] == "end"
    late = None
    if finished and last is not None and start is not None:
        late = last[1] - (header.planned_start_t + header.plan.total_s)
    return PastSession(
        path=path,
        title=header.plan.title,
        planned_start=header.planned_start,
        started=started,
        last=None if last is None else last[2],
        duration_s=duration,
        late_s=late,
        finished=finished,
    )


def _first_start(path: Path) -> tuple[str, float, datetime] | None:
    try:
        with path.open("rb") as handle:
            handle.readline()  # the header
            for _ in range(HEAD_LINES):
                line = handle.readline()
                if not line:
                    return None
                event = _event_of(line)
                if event is not None and event[0] == "start":
                    return event
    except OSError:
        return None
    return None


def _last_event(path: Path) -> tuple[str, float, datetime] | None:
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - TAIL_BYTES))
            tail = handle.read()
    except OSError:
        return None
    for line in reversed(tail.split(b"\n")):
        if line.strip():
            event = _event_of(line)
            if event is not None:
                return event
    return None


def scan(folder: Path | None = None) -> list[PastSession]:
    """Every log in ``folder`` (the data folder's logs by default), newest first."""
    folder = folder or paths.logs_dir()
    try:
        files = [p for p in folder.glob(f"*{SUFFIX}") if p.is_file()]
    except OSError:
        return []
    return [summarise(p) for p in sorted(files, key=lambda p: p.name, reverse=True)]


def _late_text(late_s: float | None, finished: bool) -> str:
    if not finished:
        return translate("past_sessions", "not ended")
    assert late_s is not None
    whole = round(late_s)
    if whole == 0:
        return translate("past_sessions", "on time")
    if whole > 0:
        return translate("past_sessions", "{span} late").format(span=format_span(whole))
    return translate("past_sessions", "{span} early").format(span=format_span(-whole))


class PastSessionsWidget(QWidget):
    """The list of past sessions; a double click (or Enter) opens one in the replay window."""

    opened = Signal(object)  # the Path of the log opened

    COLUMNS = 4

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder or paths.logs_dir()
        self.sessions: list[PastSession] = []
        self.windows: list[QWidget] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.where = QLabel()
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setStyleSheet("color: #5b6472;")
        refresh = QPushButton(translate("past_sessions", "Refresh"))
        refresh.clicked.connect(self.refresh)
        top.addWidget(self.where, 1)
        top.addWidget(refresh)
        layout.addLayout(top)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                translate("past_sessions", "Date"),
                translate("past_sessions", "Session"),
                translate("past_sessions", "Duration"),
                translate("past_sessions", "End"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.open_row(row))
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.sessions = scan(self.folder)
        self.where.setText(
            translate("past_sessions", "{n} timing log(s) in {folder}").format(
                n=len(self.sessions), folder=self.folder
            )
        )
        self.table.setRowCount(len(self.sessions))
        for row, s in enumerate(self.sessions):
            when = s.started or s.planned_start
            cells = (
                when.strftime("%Y-%m-%d %H:%M") if when else "—",
                s.title if s.problem is None else f"{s.path.name} — {s.problem}",
                format_span(round(s.duration_s)) if s.duration_s is not None else "—",
                _late_text(s.late_s, s.finished) if s.problem is None else "—",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(s.path))
                if col in (2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)

    def open_row(self, row: int) -> QWidget | None:
        """Open the log of ``row`` in a replay window (kept alive by this widget's window)."""
        if not 0 <= row < len(self.sessions):
            return None
        from app.ui.replay import open_replay

        path = self.sessions[row].path
        window = open_replay(path, self.window())
        self.windows.append(window)
        window.destroyed.connect(lambda _=None, w=window: self._forget(w))
        self.opened.emit(path)
        return window

    def _forget(self, window: QWidget) -> None:
        if window in self.windows:
            self.windows.remove(window)
