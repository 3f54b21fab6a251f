"""The running-order file, watched on disk while the moderator works.

Editors save in several steps (write, rename), so a change is read once the writes have
settled. What a change leads to is decided by ``app.ui.reload_decision`` (a pure function);
this module only loads the file, applies the decision to the controller and says it in the
"reload" banner. No dialog ever opens: the session may be running.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer

from app.model import RunningOrderError, load_running_order
from app.model.loader import LoadedRunningOrder
from app.ui.banner import BannerArea, Kind
from app.ui.controller import LiveController
from app.ui.reload_decision import ReloadAction, reload_decision
from app.ui.session_files import replace_session, session_running, swap_plan
from app.ui.settings import Settings, threshold_defaults

translate = QCoreApplication.translate

RELOAD_DEBOUNCE_MS = 300  # editors write a file in several steps; reload once they are done
NOTICE_MS = 8000  # how long the "reloaded" notices stay


class SourceWatch(QObject):
    """Watches ``controller.loaded.source`` and reloads it as ``reload_decision`` says.

    ``settings`` is read at each reload (the default thresholds may have changed);
    ``plan_swapped`` runs after an edit taken in during a session (the views show the new
    titles). A reload that has to wait for the end of the session is offered, with a button,
    by ``session_status`` once no session runs.
    """

    def __init__(
        self,
        controller: LiveController,
        banners: BannerArea,
        settings: Callable[[], Settings],
        plan_swapped: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._banners = banners
        self._settings = settings
        self._plan_swapped = plan_swapped
        self.pending = False  # a reload waits for the end of the session
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(RELOAD_DEBOUNCE_MS)
        self._settle.timeout.connect(self.reload_from_disk)
        self.watch()

    def watch(self) -> None:
        """Watch the controller's file (again: after a new session was opened)."""
        for old in self.watcher.files():
            self.watcher.removePath(old)
        self._add(Path(self._controller.loaded.source))

    def forget(self) -> None:
        """Another file was opened: a reload waiting for the old one no longer applies."""
        self.pending = False
        self._banners.hide_banner("reload")

    def session_status(self, running: bool) -> None:
        """Called with each snapshot: the session has ended, offer the reload that waited."""
        if self.pending and not running:
            self.pending = False
            self._banners.show_banner(
                "reload",
                translate("Moderator", "The running order changed on disk while the session ran."),
                Kind.INFO,
                action=(translate("Moderator", "Reload it"), self.reload_from_disk),
            )

    def _add(self, source: Path) -> None:
        if source.is_file() and str(source) not in self.watcher.files():
            self.watcher.addPath(str(source))

    def _file_changed(self, path: str) -> None:
        # Editors often save by writing a new file and renaming it: watch the new one.
        self._add(Path(path))
        self._settle.start()

    def _load(self) -> LoadedRunningOrder | RunningOrderError:
        source = Path(self._controller.loaded.source)
        self._add(source)
        try:
            return load_running_order(source, threshold_defaults(self._settings()))
        except RunningOrderError as exc:
            return exc

    def reload_from_disk(self) -> None:
        """The file changed on disk: take the change in if that is safe (see the module)."""
        on_disk = self._load()
        c = self._controller
        decision = reload_decision(session_running(c), c.loaded, on_disk)
        action = decision.action
        if action is ReloadAction.REFUSE:
            self._banners.show_banner(
                "reload",
                translate(
                    "Moderator",
                    "The running order on disk has an error, so the session goes on "
                    "unchanged: {error}",
                ).format(error=decision.reason),
                Kind.ERROR,
            )
            return
        if action is ReloadAction.UNCHANGED:
            self._banners.hide_banner("reload")
            return
        assert isinstance(on_disk, LoadedRunningOrder)
        if action is ReloadAction.RELOAD:
            replace_session(c, on_disk)
            self.pending = False
            self._info(translate("Moderator", "The running order was reloaded from disk."))
        elif action is ReloadAction.CHANGE_PLAN:
            swap_plan(c, on_disk)
            self._plan_swapped()
            self._info(
                translate(
                    "Moderator",
                    "The running order was reloaded from disk; the timing goes on as it was.",
                )
            )
        else:
            self.pending = True
            self._banners.show_banner(
                "reload",
                translate(
                    "Moderator",
                    "The running order changed on disk and its segments no longer match the "
                    "running session: it will be reloaded once the session has ended.",
                ),
                Kind.WARNING,
            )

    def _info(self, text: str) -> None:
        self._banners.show_banner("reload", text, Kind.INFO, timeout_ms=NOTICE_MS)
