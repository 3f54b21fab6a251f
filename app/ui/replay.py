"""The replay window: a past session, scrubbed or played back, exactly as it was shown.

Replay is the engine with a virtual clock (ARCHITECTURE.md §2). The picture at instant ``t`` is the
fold of the log's events at ``t`` — the same fold the live app ran — handed to the same
``ProjectorView`` the projector used, beside the moderator's figures (late or early, part
budgets, message, pauses). Playing back never counts ticks: the virtual time is
``t0 + speed × real time elapsed`` read from a monotonic timer, and each repaint is scheduled
for the next moment something shown changes.

Scrubbing a long log must stay instant: the engine's ``Timeline`` keeps checkpoints (the fold
every ``CHECKPOINT_EVERY`` events), so a seek folds at most that many events from the nearest
one, and playing forward folds only the events it passes.

The log alone is enough: its header carries the resolved plan, so the running-order file is
never read (it may have been edited or deleted since). A log from a crashed session shows its
downtime as such; a torn last line or a damaged line shows the reader's warnings.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QElapsedTimer,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.engine import (
    Adjust,
    ApplyCatchUp,
    Auto,
    Blackout,
    BlinkMessage,
    Event,
    Goto,
    Resumed,
    SetAnchor,
    SetMessage,
    SetRoll,
    Snapshot,
    Status,
    Timeline,
)
from app.engine.display import format_span, signed_span
from app.i18n import Language, current_language
from app.model.schema import Anchor
from app.reports.chart_data import ChartData, chart_data
from app.reports.summary import (
    Row,
    Summary,
    Words,
    build_summary,
    headline,
    part_headers,
    part_rows,
    segment_headers,
    segment_rows,
)
from app.timing_log.errors import LogError
from app.timing_log.format import LogHeader, wall_at
from app.timing_log.reader import LoggedEvent, TimingLog, read_log
from app.ui.chart import ChartWidget
from app.ui.formatting import day_mark, late_text
from app.ui.keys import bind_keys
from app.ui.projector import ProjectorView

translate = QCoreApplication.translate

SPEEDS = (1, 10, 60)
MIN_FRAME_S = 1 / 60  # never repaint faster than a screen can show
MAX_FRAME_S = 0.5
SLIDER_UNIT_S = 0.1  # the slider counts tenths of a second: fine enough, and far from int limits


# -- words ------------------------------------------------------------------------------------


def status_text(snapshot: Snapshot) -> str:
    if snapshot.status is Status.READY:
        return translate("replay", "Not started")
    if snapshot.status is Status.ENDED:
        return translate("replay", "Ended")
    if snapshot.status is Status.PAUSED:
        return translate("replay", "Paused")
    return translate("replay", "Running")


def event_text(event: Event) -> str:
    """One line of the event list: what the moderator did, in words, and where from when it
    came through the remote server ("Next segment (remote: osc)")."""
    text = _event_words(event)
    if event.source != "key":
        text = translate("replay", "{event} (remote: {source})").format(
            event=text, source=event.source
        )
    return text


def _event_words(event: Event) -> str:
    if isinstance(event, SetMessage):
        return translate("replay", "Message «{text}»").format(text=event.text)
    if isinstance(event, Adjust):
        return translate("replay", "Time {span}").format(span=signed_span(event.seconds))
    if isinstance(event, Goto):
        return translate("replay", "Go to segment {n}").format(n=event.segment + 1)
    if isinstance(event, Blackout):
        return (
            translate("replay", "Blackout on") if event.on else translate("replay", "Blackout off")
        )
    if isinstance(event, BlinkMessage):
        return (
            translate("replay", "Message blinks")
            if event.on
            else translate("replay", "Message steady")
        )
    if isinstance(event, ApplyCatchUp):
        return translate("replay", "Catch-up plan applied ({n} segments)").format(
            n=len(event.durations)
        )
    if isinstance(event, Resumed):
        return translate("replay", "Resumed after a crash (down up to {span})").format(
            span=format_span(round(event.gap_s))
        )
    if isinstance(event, SetAnchor):
        return {
            "absolute": translate("replay", "Clock times as printed (absolute)"),
            "relative": translate("replay", "Clock times from the actual start (relative)"),
        }.get(event.anchor, translate("replay", "Clock times: automatic anchor"))
    if isinstance(event, SetRoll):
        return (
            translate("replay", "Roll mode on")
            if event.on
            else translate("replay", "Roll mode off")
        )
    if isinstance(event, Auto):
        return auto_text(event)
    names = {
        "start": translate("replay", "Start"),
        "pause": translate("replay", "Pause"),
        "resume": translate("replay", "Resume"),
        "next": translate("replay", "Next segment"),
        "previous": translate("replay", "Previous segment"),
        "message_clear": translate("replay", "Message cleared"),
        "end": translate("replay", "End of session"),
        "undo": translate("replay", "Undo"),
    }
    return names.get(event.kind, event.kind)


def auto_text(event: Auto) -> str:
    """What the engine did by itself, and why: roll mode, an end action at zero."""
    n = event.segment + 1
    if event.action == "roll_off":
        return translate("replay", "Roll mode left (a manual control)")
    if event.action == "start":
        return translate("replay", "Started by itself (roll mode)")
    if event.action == "end":
        return translate("replay", "Ended by itself at zero")
    if event.action == "load":
        return translate("replay", "Segment {n} loaded by itself at zero, waiting").format(n=n)
    if event.cause == "roll":
        return translate("replay", "Segment {n} by itself at its planned time (roll)").format(n=n)
    return translate("replay", "Segment {n} by itself at zero").format(n=n)


class _EventsModel(QAbstractListModel):
    """The log's events as a list, formatted only when shown (a log can hold thousands)."""

    def __init__(
        self,
        header: LogHeader,
        records: Sequence[LoggedEvent],
        parent: QObject,
        day_of: Callable[[float], int] = lambda t: 0,
    ) -> None:
        super().__init__(parent)
        self._header = header
        self._records = records
        self._day_of = day_of  # the engine's next-day mark of a session time

    def rowCount(  # noqa: N802 (Qt's name)
        self, parent: QModelIndex | QPersistentModelIndex | None = None
    ) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._records)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        record = self._records[index.row()]
        t = record.event.t
        when = day_mark(wall_at(self._header, t).strftime("%H:%M:%S"), self._day_of(t))
        return f"{when}   {event_text(record.event)}"


# -- the window ---------------------------------------------------------------------------------


class _AspectBox(QWidget):
    """Keeps its child at the projector's 16:9, centred, like the screen in the room."""

    def __init__(self, child: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child = child
        child.setParent(self)
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#111111"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(640, 360)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        del event
        w, h = self.width(), self.height()
        if w * 9 > h * 16:
            cw, ch = h * 16 // 9, h
        else:
            cw, ch = w, w * 9 // 16
        self.child.setGeometry((w - cw) // 2, (h - ch) // 2, cw, ch)
        for other in self.findChildren(QLabel, "overlay"):
            other.setGeometry(self.child.geometry())


class ReplayWindow(QWidget):
    """A timing log, replayed. ``t`` is the instant shown; see the module docstring."""

    def __init__(
        self,
        log: TimingLog | None,
        path: Path,
        *,
        error: str | None = None,
        language: str | None = None,
        real_clock: Callable[[], float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.path = path
        self.log = log
        self.language = Language(language or current_language())
        self._elapsed = QElapsedTimer()
        self._elapsed.start()
        self._real = real_clock or (lambda: self._elapsed.nsecsElapsed() / 1e9)
        self._speed = 1
        self._playing = False
        self._anchor_t = 0.0
        self._anchor_real = 0.0
        self._t = 0.0
        self._snapshot: Snapshot | None = None
        self._frame = QTimer(self)
        self._frame.setSingleShot(True)
        self._frame.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame.timeout.connect(self._on_frame)
        self.setMinimumSize(900, 600)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:  # as large as useful, never larger than the screen
            room = screen.availableGeometry()
            self.resize(min(1440, int(room.width() * 0.96)), min(940, int(room.height() * 0.94)))

        if log is None:
            self.timeline: Timeline | None = None
            self.data: ChartData | None = None
            self.summary: Summary | None = None
            self._build_error(error or translate("replay", "This timing log cannot be read."))
            return
        self.timeline = log.timeline(replay=True)
        self.data = chart_data(log)
        self.summary = None  # built when its tab is first shown: opening stays quick
        self._build(log)
        first = next((r.event.t for r in log.records), 0.0)
        self.seek(first)

    # -- building ---------------------------------------------------------------------------

    def _build_error(self, message: str) -> None:
        self.setWindowTitle(translate("replay", "Replay — {file}").format(file=self.path.name))
        layout = QVBoxLayout(self)
        label = QLabel(message)
        label.setObjectName("error")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("font-size: 16px; color: #8a1c12; padding: 40px;")
        layout.addWidget(label)
        self.error_label = label

    def _build(self, log: TimingLog) -> None:
        header = log.header
        plan = header.plan
        assert self.timeline is not None and self.data is not None
        self.setWindowTitle(
            translate("replay", "Replay — {title}").format(title=plan.title)
            + f" ({self.path.name})"
        )
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 10)
        root.setSpacing(8)

        title = QLabel(plan.title)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        start = header.planned_start
        sub = QLabel(
            " · ".join(
                x
                for x in (
                    plan.event,
                    self.language.date(start),
                    f"{start:%H:%M}",
                    plan.venue,
                    self.path.name,
                )
                if x
            )
        )
        sub.setTextFormat(Qt.TextFormat.PlainText)
        sub.setWordWrap(True)
        sub.setStyleSheet("color: #5b6472;")
        root.addWidget(title)
        root.addWidget(sub)

        self.notices = QLabel()
        self.notices.setObjectName("notices")
        self.notices.setTextFormat(Qt.TextFormat.PlainText)
        self.notices.setWordWrap(True)
        self.notices.setStyleSheet(
            "background: #fff4d6; color: #5c4000; border: 1px solid #e8c16d;"
            "border-radius: 6px; padding: 6px 10px;"
        )
        notes = self._notices(log)
        self.notices.setText("\n".join(notes))
        self.notices.setToolTip("\n".join(log.warnings))
        self.notices.setVisible(bool(notes))
        root.addWidget(self.notices)

        # The projector as it was, beside the moderator's figures.
        top = QSplitter(Qt.Orientation.Horizontal)
        if ProjectorView is not None:
            self.projector: QWidget = ProjectorView()
        else:  # pragma: no cover - only before the projector lands
            self.projector = QLabel()
            self.projector.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.projector.setStyleSheet("color: white; background: black; font-size: 48px;")
        self.screen_box = _AspectBox(self.projector)
        self.down_overlay = QLabel(self.screen_box)
        self.down_overlay.setObjectName("overlay")
        self.down_overlay.setWordWrap(True)
        self.down_overlay.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.down_overlay.setStyleSheet(
            "background: rgba(40, 44, 52, 200); color: #ffffff; font-size: 15px; padding: 20px;"
        )
        self.down_overlay.hide()
        top.addWidget(self.screen_box)
        top.addWidget(self._build_state_panel(plan.parts))
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)

        self.tabs = QTabWidget()
        self.chart = ChartWidget()
        self.chart.set_data(self.data, self.language)
        self.chart.seek.connect(self.seek)
        chart_scroll = QScrollArea()
        chart_scroll.setWidget(self.chart)
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tabs.addTab(chart_scroll, translate("replay", "Planned against actual"))
        self.summary_page = QWidget()
        QVBoxLayout(self.summary_page)
        self.tabs.addTab(self.summary_page, translate("replay", "Summary"))
        self.tabs.currentChanged.connect(self._on_tab)
        self.events_view = QListView()
        self.events_view.setUniformItemSizes(True)
        self.events_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        assert self.timeline is not None
        self.events_model = _EventsModel(header, log.records, self, self.timeline.day_of)
        self.events_view.setModel(self.events_model)
        self.events_view.clicked.connect(self._on_event_clicked)
        self.tabs.addTab(self.events_view, translate("replay", "Events"))

        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(top)
        middle.addWidget(self.tabs)
        middle.setStretchFactor(0, 4)
        middle.setStretchFactor(1, 5)
        # The chart needs the height more than the projector picture does: a 16:9 preview
        # of 600 px is legible, and the chart's type shrinks when it is starved.
        middle.setSizes([360, 480])
        top.setSizes([640, 420])
        root.addWidget(middle, 1)
        root.addLayout(self._build_transport())
        self._install_keys()

    def _notices(self, log: TimingLog) -> list[str]:
        notes: list[str] = []
        data = self.data
        assert data is not None
        if log.warnings:
            shown = "; ".join(log.warnings[:3])
            more = len(log.warnings) - 3
            text = translate(
                "replay", "This log is damaged: {details}. Everything that could be read is shown."
            ).format(details=shown)
            if more > 0:
                text += " " + translate("replay", "({n} more problems)").format(n=more)
            notes.append(text)
        for a, b in data.gaps:
            notes.append(
                translate(
                    "replay",
                    "Timekeeper stopped and resumed: nothing was recorded from {start} to {end} "
                    "(up to {span} down). The session went on in the room; the time counted.",
                ).format(
                    start=self._clock(a, "%H:%M:%S"),
                    end=self._clock(b, "%H:%M:%S"),
                    span=format_span(round(b - a)),
                )
            )
        if data.started_t is not None and not data.ended:
            notes.append(
                translate(
                    "replay", "This session was never ended in Timekeeper: the log stops at {at}."
                ).format(at=self._clock(data.end_t, "%H:%M:%S"))
            )
        return notes

    def _clock(self, t: float, fmt: str = "%H:%M:%S") -> str:
        """The clock time of session time ``t`` as the log's origin gives it, with the
        engine's next-day mark past midnight of the planned start's day: "00:30:05 (+1)"."""
        assert self.log is not None and self.timeline is not None
        return day_mark(wall_at(self.log.header, t).strftime(fmt), self.timeline.day_of(t))

    def _build_state_panel(self, parts: Sequence[Any]) -> QWidget:
        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(panel)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.fields: dict[str, QLabel] = {}
        # (key, label, row, column, columns spanned by the value)
        places = (
            ("clock", translate("replay", "Clock"), 0, 0, 1),
            ("countdown", translate("replay", "Countdown"), 0, 2, 1),
            ("status", translate("replay", "State"), 1, 0, 1),
            ("segment", translate("replay", "Segment"), 1, 2, 1),
            ("schedule", translate("replay", "Schedule"), 2, 0, 3),
            ("hard_end", translate("replay", "Hard end"), 3, 0, 1),
            ("projector", translate("replay", "Projector"), 3, 2, 1),
            ("message", translate("replay", "Message"), 4, 0, 3),
            ("pauses", translate("replay", "Pauses"), 5, 0, 3),
        )
        for key, label, row, col, span in places:
            name = QLabel(label)
            name.setStyleSheet("color: #5b6472;")
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel("—")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.fields[key] = value
            grid.addWidget(name, row, col)
            grid.addWidget(value, row, col + 1, 1, span)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)
        big = QFont(self.fields["countdown"].font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.fields["countdown"].setFont(big)
        self.fields["clock"].setFont(big)
        layout.addLayout(grid)
        self.parts_table = QTableWidget(len(parts), 4)
        self.parts_table.setHorizontalHeaderLabels(
            [
                translate("replay", "Part"),
                translate("replay", "Budget"),
                translate("replay", "Used"),
                translate("replay", "Left"),
            ]
        )
        self.parts_table.verticalHeader().hide()
        self.parts_table.verticalHeader().setDefaultSectionSize(
            round(self.fontMetrics().height() * 1.5)
        )
        self.parts_table.setWordWrap(False)
        self.parts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.parts_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        head = self.parts_table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for row, part in enumerate(parts):
            self.parts_table.setItem(row, 0, QTableWidgetItem(part.title))
            self.parts_table.setItem(row, 1, _num_item(format_span(part.budget_s)))
            self.parts_table.setItem(row, 2, _num_item(""))
            self.parts_table.setItem(row, 3, _num_item(""))
        layout.addWidget(self.parts_table, 1)
        return panel

    def ensure_summary(self) -> Summary:
        """The summary tab's figures (the report's), computed on first use."""
        if self.summary is None:
            assert self.log is not None
            self.summary = build_summary(self.log, self.data)
            self._fill_summary(self.summary)
        return self.summary

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.summary_page:
            self.ensure_summary()

    def _fill_summary(self, summary: Summary) -> None:
        words = Words(self.language)
        layout = self.summary_page.layout()
        assert isinstance(layout, QVBoxLayout)
        # The headline figures as the report prints them: label, value, a line of context.
        figures = QGridLayout()
        figures.setHorizontalSpacing(24)
        figures.setVerticalSpacing(0)
        for col, fig in enumerate(headline(summary, words)):
            label, value, note = QLabel(fig.label), QLabel(fig.value), QLabel(fig.note)
            for widget in (label, value, note):
                widget.setTextFormat(Qt.TextFormat.PlainText)
            label.setStyleSheet("color: #5b6472;")
            note.setStyleSheet("color: #5b6472;")
            note.setWordWrap(True)
            font = QFont(value.font())
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            value.setFont(font)
            if fig.alarm:
                value.setStyleSheet("color: #b42318;")
            figures.addWidget(label, 0, col)
            figures.addWidget(value, 1, col)
            figures.addWidget(note, 2, col)
            figures.setColumnStretch(col, 1)
        layout.addLayout(figures)
        largest = summary.largest_overruns
        if largest:
            text = (
                words.largest
                + ": "
                + "; ".join(f"{signed_span(s.overrun_s)} {s.title}" for s in largest)
            )
        else:
            text = words.no_overrun
        over = QLabel(text)
        over.setTextFormat(Qt.TextFormat.PlainText)
        over.setWordWrap(True)
        layout.addWidget(over)
        # Segments above parts, each the full width: the segment table's last columns (over
        # the countdown, longer than planned) are the ones read first, never scrolled away.
        split = QSplitter(Qt.Orientation.Vertical)
        self.segments_table = _table(segment_headers(words), segment_rows(summary, words))
        self.parts_summary_table = _table(part_headers(words), part_rows(summary, words))
        split.addWidget(self.segments_table)
        split.addWidget(self.parts_summary_table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

    def _build_transport(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        style = self.style()
        self.previous_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipBackward),
            translate("replay", "Previous event"),
        )
        self.previous_button.setToolTip(translate("replay", "Previous event (Left)"))
        self.previous_button.clicked.connect(self.previous_event)
        self.play_button = QPushButton()
        self.play_button.setCheckable(True)
        self.play_button.setMinimumWidth(96)
        self.play_button.toggled.connect(self._on_play_toggled)
        self.next_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward),
            translate("replay", "Next event"),
        )
        self.next_button.setToolTip(translate("replay", "Next event (Right)"))
        self.next_button.clicked.connect(self.next_event)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.play_button)
        bar.addWidget(self.next_button)
        self.speed_buttons: dict[int, QPushButton] = {}
        for speed in SPEEDS:
            button = QPushButton(f"{speed}×")
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setToolTip(translate("replay", "Play at {n} times real time").format(n=speed))
            button.clicked.connect(lambda _=False, s=speed: self.set_speed(s))
            self.speed_buttons[speed] = button
            bar.addWidget(button)
        self.speed_buttons[self._speed].setChecked(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        assert self.timeline is not None
        self.slider.setRange(0, math.ceil(self.timeline.end_t / SLIDER_UNIT_S))
        self.slider.setPageStep(round(60 / SLIDER_UNIT_S))
        self.slider.setSingleStep(round(1 / SLIDER_UNIT_S))
        self.slider.valueChanged.connect(self._on_slider)
        bar.addWidget(self.slider, 1)
        self.time_label = QLabel()
        self.time_label.setMinimumWidth(170)
        bar.addWidget(self.time_label)
        self._update_play_button()
        return bar

    def _install_keys(self) -> None:
        bindings: tuple[tuple[str, Callable[[], object]], ...] = (
            ("Space", self.toggle_play),
            ("Left", self.previous_event),
            ("Right", self.next_event),
            ("Home", lambda: self.seek(0.0)),
            ("End", lambda: self.seek(self.end_t)),
            ("Ctrl+W", self.close),
        )
        bind_keys(self, bindings, auto_repeat=True)  # held arrows step through the events

    # -- reading ----------------------------------------------------------------------------

    @property
    def t(self) -> float:
        return self._t

    @property
    def end_t(self) -> float:
        return self.timeline.end_t if self.timeline is not None else 0.0

    @property
    def snapshot(self) -> Snapshot | None:
        """The snapshot shown: the one the projector view was given."""
        return self._snapshot

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def speed(self) -> int:
        return self._speed

    def in_downtime(self, t: float | None = None) -> bool:
        """Whether ``t`` falls where the app was down (no record; the fold reconstructs)."""
        at = self._t if t is None else t
        return self.data is not None and any(a < at < b for a, b in self.data.gaps)

    # -- moving -----------------------------------------------------------------------------

    def seek(self, t: float) -> None:
        """Show instant ``t`` (clamped to the session); playing goes on from there."""
        if self.timeline is None:
            return
        t = min(max(0.0, t), self.end_t)
        if self._playing:
            self._anchor_t, self._anchor_real = t, self._real()
        self._show(t)
        if self._playing:
            self._schedule()

    def previous_event(self) -> None:
        if self.timeline is None:
            return
        t = self.timeline.previous_event_t(self._t)
        self.seek(0.0 if t is None else t)

    def next_event(self) -> None:
        if self.timeline is None:
            return
        t = self.timeline.next_event_t(self._t)
        self.seek(self.end_t if t is None else t)

    def set_speed(self, speed: int) -> None:
        if speed not in SPEEDS:
            raise ValueError(f"speed must be one of {SPEEDS}")
        if self._playing:  # keep the instant shown, change the pace from now on
            self._anchor_t, self._anchor_real = self.virtual_t(), self._real()
        self._speed = speed
        button = self.speed_buttons.get(speed) if hasattr(self, "speed_buttons") else None
        if button is not None and not button.isChecked():
            button.setChecked(True)
        if self._playing:
            self._schedule()

    def play(self, speed: int | None = None) -> None:
        if self.timeline is None:
            return
        if speed is not None:
            self.set_speed(speed)
        if self._t >= self.end_t:  # at the end, play starts over
            self._show(0.0)
        self._playing = True
        self._anchor_t, self._anchor_real = self._t, self._real()
        self._update_play_button()
        self._schedule()

    def pause(self) -> None:
        if not self._playing:
            return
        t = self.virtual_t()
        self._playing = False
        self._frame.stop()
        self._update_play_button()
        self._show(t)

    def toggle_play(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def virtual_t(self) -> float:
        """The instant a running playback is at: t0 + speed × real time since it began."""
        if not self._playing:
            return self._t
        return min(self.end_t, self._anchor_t + self._speed * (self._real() - self._anchor_real))

    def _on_frame(self) -> None:
        if not self._playing:
            return
        t = self.virtual_t()
        self._show(t)
        if t >= self.end_t:
            self.pause()
            return
        self._schedule()

    def _schedule(self) -> None:
        """Wake up when the next shown figure changes: the countdown's or the clock's next
        second, or the next event, whichever is first (in virtual time)."""
        assert self.timeline is not None
        t = self._t
        waits = [1.0 - (t + self._wall_fraction()) % 1.0]
        if self._snapshot is not None and self._snapshot.next_change_in is not None:
            waits.append(self._snapshot.next_change_in)
        nxt = self.timeline.next_event_t(t)
        if nxt is not None:
            waits.append(nxt - t)
        real = min(waits) / self._speed + 0.002
        real = min(MAX_FRAME_S, max(MIN_FRAME_S, real))
        self._frame.start(max(1, round(real * 1000)))

    def _wall_fraction(self) -> float:
        if self.log is None:
            return 0.0
        return self.log.header.origin_wall.microsecond / 1e6

    # -- showing ----------------------------------------------------------------------------

    def _show(self, t: float) -> None:
        assert self.timeline is not None and self.log is not None
        self._t = t
        snap = self.timeline.snapshot(max(0.0, t))
        self._snapshot = snap
        wall = wall_at(self.log.header, t)
        render: Callable[..., None] | None = getattr(self.projector, "render", None)
        if ProjectorView is not None and render is not None:
            render(snap, wall.strftime("%H:%M"))
        elif isinstance(self.projector, QLabel):  # pragma: no cover - fallback
            self.projector.setText(snap.countdown)
        self._update_panel(snap, day_mark(wall.strftime("%H:%M:%S"), snap.day_of(t)))
        self.chart.set_cursor(t)
        self.slider.blockSignals(True)
        self.slider.setValue(round(t / SLIDER_UNIT_S))
        self.slider.blockSignals(False)
        self.time_label.setText(
            translate("replay", "{clock}   ({elapsed} / {total})").format(
                clock=day_mark(wall.strftime("%H:%M:%S"), snap.day_of(t)),
                elapsed=format_span(int(t)),
                total=format_span(math.ceil(self.end_t)),
            )
        )
        count = self.timeline.count_at(t)
        if count > 0:
            index = self.events_model.index(count - 1, 0)
            self.events_view.setCurrentIndex(index)
            if self.tabs.currentWidget() is self.events_view:
                self.events_view.scrollTo(index)
        else:
            self.events_view.clearSelection()
        down = self.in_downtime(t)
        if down:
            self.down_overlay.setText(
                translate(
                    "replay",
                    "Timekeeper was not running at this time (it stopped, then resumed).\n"
                    "Shown: what the timing reconstructs.",
                )
            )
            self.down_overlay.setGeometry(self.projector.geometry())
        self.down_overlay.setVisible(down)

    def _update_panel(self, snap: Snapshot, clock: str) -> None:
        f = self.fields
        f["clock"].setText(clock)
        status = status_text(snap)
        if self.in_downtime(snap.t):
            status += " — " + translate("replay", "app down, reconstructed")
        f["status"].setText(status)
        n = len(snap.plan.segments)
        f["segment"].setText(f"{snap.current + 1}/{n}  {snap.segment.title}")
        if snap.status is Status.ENDED:
            f["countdown"].setText("—")
        else:
            word = translate("replay", "overtime") if snap.overtime else ""
            f["countdown"].setText(f"{snap.countdown} {word}".strip())
        schedule = late_text(snap.late_s, exact=True)  # read closely
        if snap.status is Status.ENDED:
            end = translate("replay", "ended at {clock}")
        else:
            end = translate("replay", "projected end {clock}")
        assert self.log is not None
        end_t = snap.projected_end_t
        projected = day_mark(
            wall_at(self.log.header, end_t).strftime("%H:%M:%S"), snap.day_of(end_t)
        )
        line = f"{schedule} · {end.format(clock=projected)}"
        if snap.anchor is Anchor.RELATIVE and snap.started_at is not None:
            at_t = snap.anchored_at_t
            at = day_mark(wall_at(self.log.header, at_t).strftime("%H:%M"), snap.day_of(at_t))
            words = translate("replay", "relative to the actual start {clock}")
            line += " · " + words.format(clock=at)
        f["schedule"].setText(line)
        slack = snap.slack_s
        if slack is None:
            f["hard_end"].setText("—")
        elif slack >= 0:
            f["hard_end"].setText(
                translate("replay", "{span} to spare").format(span=format_span(round(slack)))
            )
        else:
            f["hard_end"].setText(
                translate("replay", "over by {span}").format(span=format_span(round(-slack)))
            )
        if snap.message:
            blink = translate("replay", " (blinking)") if snap.blink else ""
            f["message"].setText(f"«{snap.message}»{blink}")
        else:
            f["message"].setText("—")
        f["projector"].setText(
            translate("replay", "blackout") if snap.blackout else translate("replay", "showing")
        )
        f["pauses"].setText(
            translate("replay", "{n} pause(s), {span} in all").format(
                n=len(snap.pauses), span=format_span(round(snap.paused_s))
            )
        )
        for row in range(len(snap.plan.parts)):
            left, over_budget = snap.part_left_of(row), snap.part_over_of(row)
            used_item, item = self.parts_table.item(row, 2), self.parts_table.item(row, 3)
            assert used_item is not None and item is not None
            used_item.setText(format_span(round(snap.part_used_of(row))))
            item.setText(signed_span(-left) if over_budget else format_span(round(left)))
            text_colour = self.palette().text().color()
            item.setForeground(QColor("#b42318") if over_budget else text_colour)
            item.setToolTip(
                translate("replay", "over budget") if over_budget else translate("replay", "left")
            )

    # -- Qt plumbing ------------------------------------------------------------------------

    def _on_slider(self, value: int) -> None:
        self.seek(value * SLIDER_UNIT_S)

    def _on_event_clicked(self, index: QModelIndex) -> None:
        if self.log is not None and index.isValid():
            self.seek(self.log.records[index.row()].event.t)

    def _on_play_toggled(self, on: bool) -> None:
        if on != self._playing:
            self.play() if on else self.pause()

    def _update_play_button(self) -> None:
        self.play_button.blockSignals(True)
        self.play_button.setChecked(self._playing)
        self.play_button.blockSignals(False)
        style = self.style()
        if self._playing:
            self.play_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPause))
            self.play_button.setText(translate("replay", "Pause"))
        else:
            self.play_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
            self.play_button.setText(translate("replay", "Play"))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._frame.stop()
        self._playing = False
        super().closeEvent(event)


def _num_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(headers: Sequence[str], rows: Sequence[Row]) -> QTableWidget:
    """A summary table: the report's rows, differences in red (+, over) or green (−, short)
    and the sign written, so the colour is never the only clue."""
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    for r, row in enumerate(rows):
        last = len(row.cells) - 1
        for c, text in enumerate(row.cells):
            item = QTableWidgetItem(text)
            if c == last and row.over:
                item.setForeground(QColor("#b42318" if row.over > 0 else "#1e7b45"))
            if row.strong:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(r, c, item)
    head = table.horizontalHeader()
    head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    stretch = 1 if headers and headers[0] == "#" else 0
    head.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


# -- entry points -------------------------------------------------------------------------------


def open_replay(path: Path, parent: QWidget | None = None) -> QWidget:
    """Open ``path`` in a replay window (a separate top-level window owned by ``parent``).

    Never raises for a bad log: the window then says what is wrong, in place, without a
    modal dialog (a live session may be running behind it).
    """
    try:
        log: TimingLog | None = read_log(path)
        error = None
    except LogError as exc:
        log, error = None, str(exc)
    window = ReplayWindow(log, Path(path), error=error, parent=parent)
    window.show()
    window.raise_()
    return window


def run_replay(path: Path, *, quit_after_paint: bool = False) -> int:
    """`timekeeper replay LOG`: the replay window on its own, until it is closed.

    Raises LogError when the log is unusable (the command line turns it into its exit code).
    ``quit_after_paint`` ends the event loop once the window has painted, so that tests can
    run the real command without anyone closing the window.
    """
    log = read_log(path)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Timekeeper")
    from app.i18n import choose_language, install_language
    from app.ui.settings import load_settings

    language = choose_language(None, load_settings(set_aside=False)[0].language)
    install_language(app, language)
    window = ReplayWindow(log, Path(path), language=language)
    if quit_after_paint:
        from PySide6.QtCore import QEvent

        class QuitOnFirstPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
                if event.type() == QEvent.Type.Paint:
                    QTimer.singleShot(0, app.quit)
                return False

        window.installEventFilter(QuitOnFirstPaint(window))
    window.show()
    return int(app.exec())
