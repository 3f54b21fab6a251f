"""Run the real Timekeeper GUI with a moderator inside: for the kill -9 test.

    python -m tests.faults.harness SESSION SEED [--finish]

This starts the app exactly as `timekeeper SESSION` does (app.cli.main: settings, the running
order, start_session with crash recovery, the controller, the moderator and projector
windows, the Qt event loop). The one addition: once the controller starts ticking, a timer
plays a moderator pressing keys at a random pace, and after each control the harness prints
what the parent needs to check the log against:

    HARNESS READY <last seq> <current segment> <status> <resumed gap or ->
    HARNESS EVENT <seq> <current segment> <status>      (printed once the line is fsynced)
    HARNESS ENDED <seq>                                  (--finish: the session was ended)

Before READY it says ``HARNESS MODE windows`` once the moderator window is open and the projector
window placed (held back, hidden, on the one offscreen screen: issue #13). The windows are
real: there is no mode without them: if the windows cannot be imported, the import error ends
the process before READY (exit 1, traceback on stderr) and the parent's test fails.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from app.cli import main as timekeeper
from app.engine import Status
from app.ui import controller as controller_module
from app.ui.controller import LiveController
from app.ui.moderator import ModeratorWindow
from app.ui.projector import ProjectorWindow

COMMANDS_BEFORE_END = 6


def say(*words: object) -> None:
    print("HARNESS", *words, flush=True)


class Moderator:
    def __init__(self, controller: LiveController, rng: random.Random, finish: bool) -> None:
        self.c = controller
        self.rng = rng
        self.finish = finish
        self.given = 0
        self.timer = QTimer(controller)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.act)
        self.texts = 0

    @property
    def seq(self) -> int:
        return int(self.c.live.session.sink.seq)  # type: ignore[union-attr]

    def state(self) -> str:
        snap = self.c.snapshot()
        return f"{snap.current} {snap.status.value}"

    def begin(self) -> None:
        gap = self.c.resumed_gap_s
        say("READY", self.seq, self.state(), "-" if gap is None else f"{gap:.6f}")
        self.timer.start(self.rng.randint(5, 40))

    def choices(self) -> list[Callable[[], bool]]:
        c, snap = self.c, self.c.snapshot()
        last = len(snap.plan.segments) - 1
        self.texts += 1
        options: list[Callable[[], bool]] = [
            c.toggle,
            c.toggle,
            lambda: c.adjust(self.rng.choice((60, -60, 30))),
            lambda: c.message(f"Merci de conclure ({self.texts})"),
            c.clear_message,
            c.blackout,
            c.undo,
            c.previous,
            lambda: c.goto(self.rng.randint(0, last - 1)),
        ]
        if snap.current + 1 < last:  # Next on the last segment would end the session
            options += [c.next, c.next]
        return options

    def act(self) -> None:
        if self.finish and self.given >= COMMANDS_BEFORE_END:
            if self.c.end():
                say("ENDED", self.seq)
            self.c.shutdown()
            QCoreApplication.quit()
            return
        ready = self.c.snapshot().status is Status.READY
        command = self.c.toggle if ready else self.rng.choice(self.choices())
        if command():
            self.given += 1
            if self.c.live.writer.pending == 0:
                say("EVENT", self.seq, self.state())
        self.timer.start(self.rng.randint(5, 40))


def main(argv: list[str]) -> int:
    session, seed = Path(argv[0]), int(argv[1])
    finish = "--finish" in argv
    rng = random.Random(seed)
    moderators: list[Moderator] = []
    original = LiveController.start_ticking

    def start_ticking(self: LiveController) -> None:
        original(self)
        shown = [type(w) for w in QApplication.topLevelWidgets() if w.isVisible()]
        # One offscreen screen: the projector window is placed but held back (issue #13).
        placed = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ProjectorWindow) and (w.isVisible() or w.held_back)
        ]
        if ModeratorWindow not in shown or not placed:
            raise SystemExit(f"harness: the windows are not open ({shown})")
        say("MODE", "windows")
        moderator = Moderator(self, rng, finish)
        moderators.append(moderator)
        moderator.begin()

    controller_module.LiveController.start_ticking = start_ticking  # type: ignore[method-assign]
    return timekeeper([str(session)])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
