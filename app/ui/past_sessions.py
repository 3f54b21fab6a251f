"""The past sessions: the timing logs in the data folder, listed to be replayed.

Each line's figures (finished or not, how long it ran, how late it ended) are the engine's,
read off the log's time line exactly as the report reads them; a log is folded once per
version of its file, so reopening the list of a folder of old logs costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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
from app.timing_log.format import SUFFIX, wall_at
from app.timing_log.reader import read_log
from app.ui.formatting import late_text

translate = QCoreApplication.translate


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


def summarise(path: Path) -> PastSession:
    """The list's line for one log: the log read and folded on the engine's time line, so
    "finished", the duration and the lateness are the report's own figures (remembered per
    file size and modification time: a folder of old logs is folded once)."""
    try:
        stat = path.stat()
    except OSError as exc:
        return _unreadable(path, str(exc.strerror or exc))
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    known = _SUMMARIES.get(key)
    if known is None:
        known = _summarise(path)
        _SUMMARIES[key] = known
    return known


_SUMMARIES: dict[tuple[str, int, int], PastSession] = {}


def _unreadable(path: Path, reason: str) -> PastSession:
    return PastSession(path, path.name, None, None, None, None, None, False, reason)


def _summarise(path: Path) -> PastSession:
    try:
        log = read_log(path)
    except LogError as exc:
        reason = str(exc)
        if reason.startswith(str(path)):  # the list names the file already
            reason = reason[len(str(path)) :].lstrip(",: ")
        return _unreadable(path, reason)
    header = log.header
    final = log.timeline().final()
    started_t = final.started_at
    return PastSession(
        path=path,
        title=final.plan.title,
        planned_start=header.planned_start,
        started=None if started_t is None else wall_at(header, started_t),
        last=log.last_wall if log.records else None,
        duration_s=None if started_t is None else final.held_s,
        late_s=final.late_s if final.finished else None,
        finished=final.finished,
    )


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
    return late_text(late_s, exact=True)


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
