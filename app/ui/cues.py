"""The sound cues on the live side: the controller shows it each Snapshot it refreshes with; it
asks the engine which cue is due (``app.engine.cues.cue_due``) and hands that cue to the
player (``app.sound.player``), which plays it on a thread of its own: the tick never waits.

Made only when cues are on (Settings → Sound cues) or tested (Settings → Test sound cues):
until then neither this module nor the sound package is imported. A player that cannot play
(no player program, no audio device) says so once, through ``problem``: the moderator window
shows it as a banner.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.engine.cues import Cue, CueWatch, Due, cue_due
from app.engine.snapshot import Snapshot

if TYPE_CHECKING:
    from app.sound.player import CuePlayer


class CueBell(QObject):
    # One sentence, emitted on the player's thread: a queued connection brings it to the
    # window's thread.
    problem = Signal(str)

    def __init__(self, parent: QObject | None = None, *, player: CuePlayer | None = None) -> None:
        super().__init__(parent)
        self._watch = CueWatch()
        self._player = player
        self._closed = False
        self.rung: list[Due] = []  # every cue rung this session (tests and the bench read it)

    @property
    def player(self) -> CuePlayer:
        if self._player is None:
            from app.sound.player import CuePlayer

            self._player = CuePlayer(self._say)
        return self._player

    def _say(self, problem: str) -> None:
        """On the player's thread: nothing once closed (the window may be gone at exit)."""
        if self._closed:
            return
        with contextlib.suppress(RuntimeError):  # the C++ object went first: nobody to tell
            self.problem.emit(problem)

    def start(self) -> None:
        """Make the player now (its thread; the player program looked for), not at the
        first cue: a machine without one says so when cues are turned on."""
        _ = self.player

    def look(self, snap: Snapshot) -> None:
        """Called with each refreshed Snapshot: plays the cue that is due, if one is."""
        self._watch, due = cue_due(self._watch, snap)
        if due is not None:
            self.rung.append(due)
            self.player.play(due.cue)

    def forget(self) -> None:
        """A new session (start over, another running order): nothing rung yet."""
        self._watch = CueWatch()

    def test(self) -> None:
        """The test button: the three cues, one after the other."""
        for cue in Cue:
            self.player.play(cue)

    def close(self) -> None:
        self._closed = True
        if self._player is not None:
            self._player.close()
