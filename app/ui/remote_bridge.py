"""The Qt side of the remote server: STATE out to its thread, commands in to the Qt thread.

Snapshots out: at each refresh of the controller (every command, and each wake-up of the tick
driver at ``next_shown_change_in``: pushed, never polled), the STATE is built here, on the Qt
thread, by the pure ``app.remote.state.build_state``, and handed to the server's loop with
``call_soon_threadsafe`` (``RemoteServer.publish``): a new dict never changed afterwards, so
the server reads it without a lock and the Qt thread never waits. Built here rather than on
the server's thread because a Snapshot reads the engine's state, which belongs to the Qt
thread, and because the words it needs (the projector's phase line, the clock times) are the
windows' own (Qt translation, the moderator's clock formatting); the JSON encoding, once for
every client, is done on the server's thread. The room's projector has already repainted when
this runs: the bridge listens to ``room_updated`` after the projector, and before the
moderator window's slots (``updated``), so the pages hear of a change as soon as the room.

Commands in: the server calls ``submit`` on its thread, which emits a queued signal; the slot
runs on the Qt thread, gives the command to the controller exactly as a key would (with its
source in the event), and answers the future with the new STATE.

Nothing of the network stack is imported until ``start``.
"""

from __future__ import annotations

import concurrent.futures
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

from app.engine.cues import CueWatch, cue_due
from app.engine.snapshot import Snapshot
from app.ui.controller import LiveController
from app.ui.formatting import clock
from app.ui.settings import Settings

if TYPE_CHECKING:
    from app.remote.commands import Command
    from app.remote.server import CommandResult, RemoteServer, Stats
    from app.remote.tokens import Tokens


@dataclass(frozen=True)
class Listening:
    viewer: str
    control: str
    osc_port: int | None

    def line(self) -> str:
        """The one line printed on standard output (the only place a token is printed)."""
        return f"remote: viewer {self.viewer} control {self.control}"


class RemoteBridge(QObject):
    started = Signal(object)  # Listening
    stopped = Signal()
    stats_changed = Signal(object)  # app.remote.server.Stats, on the Qt thread
    trigger_failed = Signal(str)  # one sentence: an outgoing trigger could not be sent
    _command = Signal(object, object)  # (Command, Future): emitted on the server's thread
    _stats = Signal(object)
    _trigger_error = Signal(str)

    def __init__(
        self,
        controller: LiveController,
        settings: Settings,
        *,
        save: Any = None,
        presets: tuple[str, ...] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._save = save  # Callable[[Settings], None]: keeps the window's copy in step
        self.presets = presets
        self.server: RemoteServer | None = None
        self.listening: Listening | None = None
        self.stats: Stats | None = None
        self.pushes = 0
        self._triggers: Any = None
        self._last_state: dict[str, Any] | None = None
        # The speaker view's sound cues: decided here, once for every page, by the engine's
        # rule (app/engine/cues.py) over the snapshots pushed; the STATE carries the last one.
        self._cue_watch = CueWatch()
        self._cues = 0
        self._cue: dict[str, Any] | None = None
        self._command.connect(self._run, Qt.ConnectionType.QueuedConnection)
        self._stats.connect(self._on_stats, Qt.ConnectionType.QueuedConnection)
        self._trigger_error.connect(self.trigger_failed, Qt.ConnectionType.QueuedConnection)

    # -- the tokens ------------------------------------------------------------------------

    def tokens(self) -> Tokens:
        """The settings' tokens, made (and saved, 0600) the first time."""
        from app.remote.tokens import Tokens

        s = self.settings
        if s.remote_view_token and s.remote_control_token:
            return Tokens(s.remote_view_token, s.remote_control_token)
        tokens = Tokens.generate()
        self._store(tokens)
        return tokens

    def rotate(self) -> None:
        """New tokens; every client of the old ones is dropped, the links change."""
        from app.remote.tokens import Tokens

        tokens = Tokens.generate()
        self._store(tokens)
        if self.server is not None:
            self.server.set_tokens(tokens)
            viewer, control = self.server.urls(tokens)
            self.listening = Listening(viewer, control, self.server.osc_port)
            self.started.emit(self.listening)

    def _store(self, tokens: Tokens) -> None:
        self.settings = self.settings.model_copy(
            update={"remote_view_token": tokens.view, "remote_control_token": tokens.control}
        )
        if self._save is not None:
            self._save(self.settings)

    # -- on and off --------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.server is not None

    def start(
        self,
        *,
        bind: str | None = None,
        port: int | None = None,
        osc_port: int | None = None,
        osc: bool = True,
    ) -> Listening:
        """Listen (raises OSError, one sentence, when the address or port cannot be had)."""
        if self.listening is not None:
            return self.listening
        from app import resources

        try:
            from app.remote.server import Config, Hooks, RemoteServer
            from app.remote.triggers import Triggers
        except ImportError as exc:  # installed without the `remote` extra
            raise OSError(
                f"it needs {exc.name or 'aiohttp'}: pip install 'timekeeper[remote]'"
            ) from None

        s = self.settings
        config = Config(
            bind=bind if bind is not None else s.remote_bind,
            port=port if port is not None else s.remote_port,
            osc_port=(osc_port if osc_port is not None else s.remote_osc_port) if osc else None,
            osc_allowed=tuple(s.remote_osc_allowed),
            pages_dir=resources.remote_pages_dir(),
            sounds_dir=resources.sounds_dir(),
        )
        tokens = self.tokens()
        server = RemoteServer(config, tokens, Hooks(submit=self._submit, stats=self._stats.emit))
        server.start()
        self.server = server
        self._triggers = Triggers(
            [t.model_dump() for t in s.remote_triggers], self._trigger_error.emit
        )
        viewer, control = server.urls(tokens)
        self.listening = Listening(viewer, control, server.osc_port)
        # room_updated: right after the projector's repaint (the room's figure is never
        # delayed by this), before the moderator window's own slots.
        self.controller.room_updated.connect(self.push)
        self.controller.session_replaced.connect(self._forget_cues)
        self.push(self.controller.last)
        self.started.emit(self.listening)
        return self.listening

    def stop(self) -> None:
        if self.server is None:
            return
        self.controller.room_updated.disconnect(self.push)
        self.controller.session_replaced.disconnect(self._forget_cues)
        self._forget_cues()
        self.server.stop()
        if self._triggers is not None:
            self._triggers.close()
        self.server = None
        self._triggers = None
        self.listening = None
        self.stats = None
        self.stopped.emit()

    # -- STATE out -------------------------------------------------------------------------

    def state_of(self, snap: Snapshot) -> dict[str, Any]:
        from app.remote.state import build_state
        from app.ui.projector import phase_label

        session = self.controller.live.session
        return build_state(
            snap,
            clock_of=lambda t: clock(session.wall_of(t)),
            phase_text=phase_label(snap),
            presets=self.presets,
            server_time=time.time(),
            cue=self._cue,
        )

    def _look_for_cue(self, snap: Snapshot) -> None:
        """The engine's decision for this snapshot; a due cue becomes the STATE's ``cue``
        (it stays there, with its id, until the next one)."""
        from app.remote.state import cue_state

        self._cue_watch, due = cue_due(self._cue_watch, snap)
        if due is not None:
            self._cues += 1
            self._cue = cue_state(self._cues, due, time.time())

    def _forget_cues(self) -> None:
        """Another session (or the server stopped): nothing rung yet; the last cue is gone."""
        self._cue_watch = CueWatch()
        self._cue = None

    def push(self, snap: Snapshot) -> None:
        server = self.server
        if server is None:
            return
        self._look_for_cue(snap)
        state = self.state_of(snap)
        self.pushes += 1
        server.publish(state)
        if self._triggers is not None:
            self._triggers.observe(self._last_state, state)
        self._last_state = state

    # -- commands in -----------------------------------------------------------------------

    def _submit(self, command: Command) -> concurrent.futures.Future[CommandResult]:
        """On the server's thread: queue the command to the Qt thread; never waits."""
        future: concurrent.futures.Future[CommandResult] = concurrent.futures.Future()
        self._command.emit(command, future)
        return future

    def _run(self, command: Command, future: concurrent.futures.Future[CommandResult]) -> None:
        from app.remote.server import CommandResult

        if not future.set_running_or_notify_cancel():
            return
        try:
            changed, error = self.execute(command)
            future.set_result(CommandResult(changed, self.state_of(self.controller.last), error))
        except Exception as exc:  # never lost silently: the client hears of it
            future.set_exception(exc)

    def execute(self, command: Command) -> tuple[bool, str | None]:
        """Run one remote command as the keys would: (changed, error sentence)."""
        c, session, src = self.controller, self.controller.session, command.source
        name = command.name
        if name == "goto":
            count = len(c.plan.segments)
            if command.index is None or command.index >= count:
                return False, f"there is no segment {command.index} (0 to {count - 1})"
            index = command.index
            return c.apply(lambda: session.goto(index, source=src)), None
        if name == "add":
            seconds = command.seconds or 0
            return c.apply(lambda: session.adjust(seconds, source=src)), None
        if name == "message":
            text, blink = command.text or "", command.blink
            return c.apply(lambda: session.message(text, blink, source=src)), None
        simple = {
            "start": lambda: session.start(source=src),
            "pause": lambda: session.pause(source=src),
            "toggle": lambda: session.toggle(source=src),
            "next": lambda: session.next(source=src),
            "previous": lambda: session.previous(source=src),
            "blackout": lambda: session.blackout(None, source=src),
            "clear-message": lambda: session.clear_message(source=src),
            "undo": lambda: session.undo(source=src),
        }
        return c.apply(simple[name]), None

    # -- the moderator's figures --------------------------------------------------------------

    def _on_stats(self, stats: Stats) -> None:
        self.stats = stats
        self.stats_changed.emit(stats)
