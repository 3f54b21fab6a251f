"""The catch-up plan, previewed inline: new durations for what is left, then Apply or Ignore.

Not a dialog: the countdown keeps running beside it and every key still works. The preview is
recomputed with each snapshot while it is open, so what Apply applies is what is on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.engine.catchup import CatchUpPlan
from app.engine.snapshot import Snapshot
from app.ui.formatting import minutes, planned_span
from app.ui.widgets import plain_label

translate = QCoreApplication.translate


class CatchUpPanel(QFrame):
    """Shows a CatchUpPlan; emits ``apply_clicked`` or ``ignore_clicked``."""

    apply_clicked = Signal()
    ignore_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.plan: CatchUpPlan | None = None
        self._snap: Snapshot | None = None
        self._target = ""
        self._clock_of: Callable[[float], str] = lambda t: ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        text = QVBoxLayout()
        self.heading = plain_label("", self)
        self.heading.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.lines = plain_label("", self)
        self.lines.setObjectName("catchUpLines")
        self.outcome = plain_label("", self)
        text.addWidget(self.heading)
        text.addWidget(self.lines)
        text.addWidget(self.outcome)
        layout.addLayout(text, 1)
        buttons = QVBoxLayout()
        self.apply_button = QPushButton(self)
        self.ignore_button = QPushButton(self)
        for button in (self.apply_button, self.ignore_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumWidth(150)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.apply_button.clicked.connect(self.apply_clicked)
        self.ignore_button.clicked.connect(self.ignore_clicked)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.apply_button.setText(translate("CatchUp", "Apply [A]"))
        self.ignore_button.setText(translate("CatchUp", "Ignore [C]"))
        if self.plan is not None and self._snap is not None:
            self.show_plan(self.plan, self._snap, self._target)

    def show_plan(
        self,
        plan: CatchUpPlan,
        snap: Snapshot,
        target: str,
        clock_of: Callable[[float], str] | None = None,
    ) -> None:
        """Fill the panel; ``target`` is the clock time it aims at (HH:MM)."""
        self.plan, self._snap, self._target = plan, snap, target
        if clock_of is not None:
            self._clock_of = clock_of
        if not plan.needed:
            self.heading.setText(
                translate("CatchUp", "Catch-up plan: the session lands by {t}").format(t=target)
            )
            self.lines.setText(translate("CatchUp", "No segment needs to be shortened."))
            self.outcome.setText("")
            self.apply_button.setEnabled(False)
            return
        self.heading.setText(
            translate("CatchUp", "Catch-up plan: {n} min to recover to end by {t}").format(
                n=max(1, minutes(plan.late_by_s)), t=target
            )
        )
        rows = []
        for index, seconds in plan.durations:
            seg = snap.plan.segments[index]
            # Two segments may share a title ("Échanges avec la salle"): the time tells them
            # apart.
            at = self._clock_of(snap.planned_start_of(index))
            rows.append(
                translate("CatchUp", "{at}  {title}: {old} → {new}").format(
                    at=at,
                    title=seg.title,
                    old=planned_span(snap.planned_of(index)),
                    new=planned_span(seconds),
                )
            )
        self.lines.setText("\n".join(rows))
        if plan.feasible:
            self.outcome.setText(
                translate("CatchUp", "With these durations the session ends by {t}.").format(
                    t=target
                )
            )
        elif plan.durations:
            self.outcome.setText(
                translate(
                    "CatchUp", "Even with these cuts the session ends {n} min after {t}."
                ).format(n=max(1, minutes(plan.short_by_s)), t=target)
            )
        else:
            self.outcome.setText(
                translate("CatchUp", "Nothing left can be shortened: the session ends late.")
            )
        self.apply_button.setEnabled(bool(plan.durations))
