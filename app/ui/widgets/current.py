"""The current segment: a large countdown, its phase in colour and in words, who speaks,
the moderator's notes, the part budget left and what comes next.

Everything shown here is read off one Snapshot; nothing is counted locally. Every label that
can hold text from the running-order file is a plain-text label.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.engine import Status
from app.engine.snapshot import Snapshot
from app.model.plan import PlannedSegment
from app.model.schema import TimerType
from app.ui.formatting import left_span, planned_span, span
from app.ui.glyph_cache import GLYPHS
from app.ui.theme import DARK, PHASE_SYMBOLS, Theme, phase_word
from app.ui.widgets import plain_label, set_style
from app.ui.widgets.steady_label import SteadyLabel, text_shape, widest_digit

translate = QCoreApplication.translate


def speaker_lines(segment: PlannedSegment) -> list[str]:
    """One line a speaker: name — role, organisation."""
    lines = []
    for person in segment.speakers:
        about = ", ".join(x for x in (person.role, person.organisation) if x)
        lines.append(f"{person.name} — {about}" if about else person.name)
    return lines


def note_lines(segment: PlannedSegment) -> list[str]:
    """The segment's notes, then each speaker's note under their name."""
    lines = [segment.notes] if segment.notes else []
    lines += [f"{p.name} : {p.note}" for p in segment.speakers if p.note]
    return lines


class CountdownLabel(SteadyLabel):
    """The countdown as large as its room allows, never cut: "+1:08:00" after an hour of
    overtime must fit where "08:20" did, so the font shrinks to the label's width. A second
    that passes repaints it without laying the window out again (SteadyLabel)."""

    MAX_PX = 96  # on a 1280×800 laptop; a taller window allows more (``set_max_px``)
    LARGEST_PX = 160
    MIN_PX = 28

    def __init__(self, parent: QWidget | None = None) -> None:
        self._fitted: tuple[str, int, str] | None = None  # what _fit last measured for
        self._max_px = self.MAX_PX
        super().__init__("00:00", parent, wrap=False)
        self.setObjectName("countdown")
        self.setMinimumWidth(160)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        font = QFont("DejaVu Sans")
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setBold(True)
        font.setPixelSize(self.MAX_PX)
        self.setFont(font)
        self.setFixedHeight(QFontMetrics(font).height())

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if text != self.text():
            super().setText(text)
            self._fit()

    def set_max_px(self, px: int) -> None:
        """The figure's largest size, from the room its panel has: a 1080p window gets a
        larger countdown than a 1280×800 laptop."""
        px = min(self.LARGEST_PX, max(self.MAX_PX, px))
        if px == self._max_px:
            return
        self._max_px = px
        font = QFont(self.font())
        font.setPixelSize(px)
        self.setFixedHeight(QFontMetrics(font).height())
        self._fitted = None
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """One line, where QLabel would put it, drawn from the glyph cache: at 96 px Qt
        draws each digit from its outline every second."""
        painter = QPainter(self)
        self.drawFrame(painter)
        fm = QFontMetricsF(self.font())
        text = self.text()
        line = fm.boundingRect(QRectF(self.contentsRect()), int(self.alignment()), text)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        GLYPHS.draw(painter, QPointF(line.left(), line.top() + fm.ascent()), text)
        painter.end()

    def _fit(self) -> None:
        # Measure a figure of the same shape with the widest digits: the size then does not
        # jump from one second to the next (nor does it need measuring again each second).
        sample = text_shape(self.text(), widest_digit(self.font()))
        fitted = (sample, self.width(), self.font().key())
        if fitted == self._fitted:
            return
        font = QFont(self.font())
        px = self._max_px
        while px > self.MIN_PX:
            font.setPixelSize(px)
            if QFontMetrics(font).horizontalAdvance(sample) <= self.width() - 4:
                break
            px -= 4
        if font.pixelSize() != self.font().pixelSize():
            self.setFont(font)
        self._fitted = (sample, self.width(), self.font().key())


class CurrentPanel(QFrame):
    """The right-hand panel of the moderator window."""

    def __init__(self, clock_of: Callable[[float], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("currentPanel")
        self._clock_of = clock_of
        self._theme = DARK
        self._snap: Snapshot | None = None
        # Whether the projector window is shown (None: it is, or there is none) and, when it
        # is not, whether that is for want of a second screen: the thumbnail's caption says so.
        self._projector_hidden: bool | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)

        top = QHBoxLayout()
        top.setSpacing(12)
        self.phase_label = QLabel(self)
        self.phase_label.setObjectName("phaseChip")
        self.phase_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label = plain_label("", self, wrap=True)
        self.status_label.setObjectName("statusLabel")
        top.addWidget(self.phase_label, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.status_label, 1)
        grid.addLayout(top, 0, 0)

        self.countdown_label = CountdownLabel(self)
        grid.addWidget(self.countdown_label, 1, 0)

        self.detail_label = SteadyLabel("", self)  # "over by 00:42": each second
        self.detail_label.setObjectName("countdownDetail")
        grid.addWidget(self.detail_label, 2, 0)

        # The projector thumbnail goes to the right of the countdown (set by the window).
        self.thumbnail_box = QVBoxLayout()
        self.thumbnail_box.setSpacing(2)
        self.thumbnail_caption = plain_label("", self, wrap=False)
        self.thumbnail_caption.setProperty("muted", True)
        self.thumbnail_box.addWidget(self.thumbnail_caption)
        grid.addLayout(self.thumbnail_box, 0, 1, 3, 1, Qt.AlignmentFlag.AlignTop)

        self.part_label = SteadyLabel("", self)  # the part's budget left: each second
        self.part_label.setObjectName("partLabel")
        grid.addWidget(self.part_label, 3, 0, 1, 2)

        details = QWidget()
        column = QVBoxLayout(details)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(6)
        self.title_label = plain_label("", details)
        self.title_label.setObjectName("segmentTitle")
        self.speakers_label = plain_label("", details)
        self.speakers_label.setObjectName("speakers")
        self.notes_heading = plain_label("", details)
        self.notes_heading.setProperty("muted", True)
        self.notes_label = plain_label("", details)
        self.notes_label.setObjectName("notes")
        self.message_label = plain_label("", details)
        self.message_label.setObjectName("messageState")
        self.next_label = plain_label("", details)
        self.next_label.setObjectName("nextUp")
        for label in (
            self.title_label,
            self.speakers_label,
            self.notes_heading,
            self.notes_label,
            self.message_label,
            self.next_label,
        ):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(label)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(details)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.details_scroll = scroll
        grid.addWidget(scroll, 4, 0, 1, 2)
        grid.setRowStretch(4, 1)
        grid.setColumnStretch(0, 1)
        self.apply_theme(DARK)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.countdown_label.set_max_px(round(self.height() * 0.14))

    def set_thumbnail(self, widget: QWidget) -> None:
        self.thumbnail_box.addWidget(widget)

    def retranslate(self) -> None:
        self.notes_heading.setText(translate("CurrentSegment", "Notes for the moderator"))
        if self._snap is not None:
            self.show_snapshot(self._snap)

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.setStyleSheet(
            f"QLabel#segmentTitle {{ font-size: 18px; font-weight: bold; }}"
            f"QLabel#speakers {{ font-size: 15px; }}"
            f"QLabel#notes {{ font-size: 14px; font-style: italic; }}"
            f"QLabel#partLabel {{ font-size: 14px; }}"
            f"QLabel#nextUp {{ font-size: 14px; }}"
            f"QLabel#messageState {{ font-size: 14px; }}"
            f"QLabel#statusLabel {{ font-size: 15px; font-weight: 600; }}"
            f"QLabel#countdownDetail {{ font-size: 14px; color: {theme.muted}; }}"
        )
        if self._snap is not None:
            self.show_snapshot(self._snap)

    # -- rendering --------------------------------------------------------------------------

    def phase_text(self, snap: Snapshot) -> str:
        """The chip's words: the phase while a segment counts, the status otherwise."""
        if snap.status is Status.READY:
            return translate("CurrentSegment", "Not started")
        if snap.status is Status.ENDED:
            return translate("CurrentSegment", "Ended")
        return f"{PHASE_SYMBOLS[snap.phase]} {phase_word(snap.phase)}"

    def status_text(self, snap: Snapshot) -> str:
        if snap.status is Status.READY:
            return translate("CurrentSegment", "Ready: Space starts the session")
        if snap.status is Status.ENDED:
            return translate("CurrentSegment", "The session is over")
        if snap.between_segments:
            return translate("CurrentSegment", "Paused before this segment: Space starts it")
        if snap.paused:
            return translate("CurrentSegment", "Paused: Space resumes")
        return translate("CurrentSegment", "Running")

    def show_countdown(self, snap: Snapshot) -> None:
        """The figure (its text and colour)."""
        if snap.ended:
            self.countdown_label.setText("—")
        else:
            self.countdown_label.setText(snap.countdown)
        theme = self._theme
        colour = theme.countdown[snap.phase] if snap.status is not Status.READY else theme.text
        set_style(self.countdown_label, f"QLabel {{ color: {colour}; }}")

    def show_snapshot(self, snap: Snapshot) -> None:
        self._snap = snap
        theme = self._theme
        seg = snap.segment
        chip_phase = snap.phase
        if snap.status in (Status.READY, Status.ENDED):
            bg, fg = theme.border, theme.text
        else:
            bg, fg = theme.chip[chip_phase]
        self.phase_label.setText(self.phase_text(snap))
        set_style(
            self.phase_label,
            f"QLabel {{ background: {bg}; color: {fg}; font-size: 18px; font-weight: bold;"
            f" padding: 4px 12px; border-radius: 6px; }}",
        )
        self.status_label.setText(self.status_text(snap))

        self.show_countdown(snap)

        plan_text = planned_span(seg.planned_s)
        if snap.counts_up and not snap.ended:
            detail = translate("CurrentSegment", "time elapsed, no limit — planned {p}").format(
                p=plan_text
            )
        elif snap.ends_at_t is not None and not snap.ended and not snap.overtime:
            detail = translate("CurrentSegment", "until {t}").format(
                t=self._clock_of(snap.ends_at_t)
            )
        elif snap.overtime and not snap.ended:
            detail = translate("CurrentSegment", "over by {t} — planned {p}").format(
                t=span(snap.overtime_s), p=planned_span(snap.planned_s)
            )
        elif snap.planned_s != seg.planned_s:
            detail = translate("CurrentSegment", "of {p} (plan {o})").format(
                p=planned_span(snap.planned_s), o=plan_text
            )
        else:
            detail = translate("CurrentSegment", "of {p}").format(p=plan_text)
        if snap.timer is TimerType.CLOCK and not snap.ended:
            detail += translate("CurrentSegment", " · the projector shows the time of day")
        self.detail_label.setText(detail if not snap.ended else "")

        part = snap.part
        left = snap.part_left_s
        if left >= 0:
            budget = translate("CurrentSegment", "{left} left of {budget}").format(
                left=left_span(left), budget=planned_span(part.budget_s)
            )
        else:
            budget = translate("CurrentSegment", "over its {budget} by {over}").format(
                budget=planned_span(part.budget_s), over=span(-left)
            )
        self.part_label.setText(
            translate("CurrentSegment", "Part {n}: {title} — {budget}").format(
                n=part.index + 1, title=part.title, budget=budget
            )
        )

        self.title_label.setText(seg.title)
        speakers = speaker_lines(seg)
        self.speakers_label.setText("\n".join(speakers))
        self.speakers_label.setVisible(bool(speakers))
        notes = note_lines(seg)
        self.notes_label.setText("\n".join(notes))
        self.notes_heading.setVisible(bool(notes))
        self.notes_label.setVisible(bool(notes))

        self.message_label.setText(self.message_text(snap))
        self.thumbnail_caption.setText(self.caption_text(snap))
        self.next_label.setText(self.next_text(snap))

    def set_projector_shown(self, shown: bool, *, one_screen: bool = True) -> None:
        """The projector window is shown, or held back (``one_screen``: for want of a second
        screen): the thumbnail's caption follows at once."""
        self._projector_hidden = None if shown else one_screen
        if self._snap is not None:
            self.thumbnail_caption.setText(self.caption_text(self._snap))

    def caption_text(self, snap: Snapshot) -> str:
        """Above the thumbnail: what the room sees, or that the room sees nothing yet."""
        if self._projector_hidden is True:
            return translate("CurrentSegment", "Not shown: no second screen — F11 to show it")
        if self._projector_hidden is False:
            return translate("CurrentSegment", "Not shown — F11 to show it")
        if snap.blackout:
            return translate("CurrentSegment", "On the projector: blacked out")
        return translate("CurrentSegment", "On the projector")

    def message_text(self, snap: Snapshot) -> str:
        parts = []
        if snap.message is not None:
            if snap.blink:
                parts.append(
                    translate("CurrentSegment", "On the projector: “{m}” (blinking)").format(
                        m=snap.message
                    )
                )
            else:
                parts.append(
                    translate("CurrentSegment", "On the projector: “{m}”").format(m=snap.message)
                )
        if snap.blackout:
            parts.append(translate("CurrentSegment", "The projector is blacked out (B)."))
        return "\n".join(parts)

    def next_text(self, snap: Snapshot) -> str:
        if snap.ended:
            return ""
        nxt = snap.next_segment
        if nxt is None:
            return translate("CurrentSegment", "Next: end of the session")
        # Before the start the plan is what counts; once running, the pace so far.
        when = None if snap.status is Status.READY else snap.projected_start_of(nxt.index)
        at = self._clock_of(when if when is not None else snap.planned_start_of(nxt.index))
        names = ", ".join(p.name for p in nxt.speakers)
        who = f" — {names}" if names else ""
        return translate("CurrentSegment", "Next, at {at}: {title}{who}").format(
            at=at, title=nxt.title, who=who
        )
