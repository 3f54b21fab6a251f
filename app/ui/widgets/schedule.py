"""The schedule line: the clock, the planned and projected end, lateness, slack to the hard end.

The moderator's second question after "how long does this speaker have" is "are we late":
this line answers it in words and local clock times, from the same Snapshot as the rest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from app.engine.display import Phase
from app.engine.snapshot import Snapshot
from app.model.schema import Anchor
from app.ui.formatting import late_text, minutes, minutes_text
from app.ui.theme import DARK, Theme
from app.ui.widgets import plain_label, set_style

translate = QCoreApplication.translate


class ScheduleLine(QFrame):
    def __init__(self, clock_of: Callable[[float], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self._clock_of = clock_of
        self._theme = DARK
        self._snap: Snapshot | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(22)
        self.now_label = plain_label("", self, wrap=False)
        self.planned_label = plain_label("", self, wrap=False)
        self.projected_label = plain_label("", self, wrap=False)
        self.late_label = plain_label("", self, wrap=False)
        self.slack_label = plain_label("", self, wrap=False)
        self.anchor_label = plain_label("", self, wrap=False)
        self.roll_label = plain_label("", self, wrap=False)
        for label in (
            self.now_label,
            self.planned_label,
            self.projected_label,
            self.late_label,
            self.slack_label,
            self.anchor_label,
            self.roll_label,
        ):
            layout.addWidget(label)
        layout.addStretch(1)
        self.apply_theme(DARK)

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.setStyleSheet("QLabel { font-size: 15px; }")
        if self._snap is not None:
            self.show_snapshot(self._snap)

    def retranslate(self) -> None:
        if self._snap is not None:
            self.show_snapshot(self._snap)

    def anchor_text(self, snap: Snapshot) -> str:
        """Which anchor is in force, and since when: the schedule's clock times count from it."""
        clock = self._clock_of
        if snap.anchor is Anchor.ABSOLUTE:
            text = translate("Schedule", "Times as printed")
        elif snap.started_at is None:
            text = translate("Schedule", "Times from the actual start")
        else:
            text = translate("Schedule", "Relative to the actual start {t}").format(
                t=clock(snap.anchored_at_t)
            )
        if snap.anchor_setting is Anchor.AUTO:
            text = translate("Schedule", "{anchor} (auto)").format(anchor=text)
        return text

    def show_snapshot(self, snap: Snapshot) -> None:
        self._snap = snap
        clock = self._clock_of
        self.anchor_label.setText(self.anchor_text(snap))
        autos = snap.autos if not snap.roll else ()
        left = bool(autos) and autos[-1][1] == "roll_off" and not snap.ended
        if snap.roll:
            self.roll_label.setText(translate("Schedule", "▶ Roll mode"))
        elif left:  # said on screen: a manual control took the session out of roll mode
            self.roll_label.setText(translate("Schedule", "Roll mode off: a control was given"))
        self.roll_label.setVisible(snap.roll or left)
        set_style(self.roll_label, "QLabel { font-weight: bold; }")
        self.now_label.setText(translate("Schedule", "Now {t}").format(t=clock(snap.t)))
        self.planned_label.setText(
            translate("Schedule", "Planned end {t}").format(t=clock(snap.planned_end_t))
        )
        if snap.ended:
            self.projected_label.setText(
                translate("Schedule", "Ended at {t}").format(t=clock(snap.projected_end_t))
            )
        else:
            self.projected_label.setText(
                translate("Schedule", "Projected end {t}").format(t=clock(snap.projected_end_t))
            )
        late = snap.late_s
        late_colour = (
            self._theme.countdown[Phase.OVERTIME]
            if minutes(late) > 0 and late > 0
            else self._theme.text
        )
        self.late_label.setText(late_text(late))
        set_style(self.late_label, f"QLabel {{ font-weight: bold; color: {late_colour}; }}")
        hard = snap.hard_end_t
        slack = snap.slack_s
        if hard is None or slack is None:
            self.slack_label.setText(translate("Schedule", "No hard end"))
            set_style(self.slack_label, "")
        elif slack >= 0:
            self.slack_label.setText(
                translate("Schedule", "{amount} of slack before {t}").format(
                    amount=minutes_text(int(slack // 60)), t=clock(hard)
                )
            )
            set_style(self.slack_label, "")
        else:
            self.slack_label.setText(
                translate("Schedule", "{amount} past the hard end {t}").format(
                    amount=minutes_text(max(1, minutes(slack))), t=clock(hard)
                )
            )
            set_style(
                self.slack_label,
                f"QLabel {{ font-weight: bold; color: {self._theme.countdown[Phase.OVERTIME]}; }}",
            )
