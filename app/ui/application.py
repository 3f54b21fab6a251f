"""The running application: one QApplication, the controller, the two windows."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenuBar, QWidget

from app import paths, resources
from app.engine.clock import SystemClock
from app.i18n import choose_language, install_language
from app.model import RunningOrderError, load_running_order
from app.timing_log.live import running_order_from_log, start_session
from app.timing_log.writer import fallback_dir
from app.ui.controller import LiveController
from app.ui.session_choice import choose_session
from app.ui.settings import load_settings, save_settings, threshold_defaults

__all__ = ["QUIT_AFTER_PAINT_ENV", "choose_session", "run_application"]


# For tests and packaging checks: "1" makes the app print its windows' titles, its menus and
# its tick driver's timer once the moderator window has painted, then quit (exit 0). Not an
# option: users never need it.
QUIT_AFTER_PAINT_ENV = "TIMEKEEPER_QUIT_AFTER_PAINT"


class _QuitOnFirstPaint(QObject):
    """Prints what the windows say (their titles, the menu bar) after the first paint of the
    moderator window, then ends the event loop: the installed app, run for real, proves it
    found its translation without anyone closing a window."""

    def __init__(self, window: QWidget, projector: QWidget, tick_backend: str) -> None:
        super().__init__(window)
        self._window, self._projector, self._done = window, projector, False
        self._tick_backend = tick_backend

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            bar = self._window.findChild(QMenuBar)
            menus = [a.text() for a in bar.actions()] if bar is not None else []
            print(f"window: {self._window.windowTitle()}", flush=True)
            print(f"projector: {self._projector.windowTitle()}", flush=True)
            print(f"menus: {' | '.join(menus)}", flush=True)
            print(f"tick: {self._tick_backend}", flush=True)  # timerfd on Linux, else qtimer
            QTimer.singleShot(0, QApplication.quit)
        return False


def run_application(
    session_path: Path | None,
    *,
    language: str | None = None,
    serve: dict[str, object] | None = None,
) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Timekeeper")
    app.setOrganizationName("Timekeeper")
    app.setDesktopFileName("timekeeper")
    icon = resources.icon_file()
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    settings, settings_problem = load_settings()
    wanted = choose_language(language, settings.language)
    language_problem = None
    if not install_language(app, wanted):
        language_problem = (
            f"the {wanted} translation is missing (in a checkout: make translations); "
            "the interface is in English"
        )

    path = choose_session(session_path, settings)
    file_problem = None
    try:
        loaded = load_running_order(path, threshold_defaults(settings))
    except RunningOrderError as exc:
        # After a crash, a file saved with an error must not stop the session: its log holds
        # the plan it ran, so it resumes on that and the error is shown beside it.
        logs = paths.logs_dir()
        found = running_order_from_log(path, logs, SystemClock().wall(), fallback_dir(logs))
        if found is None:
            raise  # nothing to resume on: the command line reports the file's error
        loaded = found[0]
        file_problem = f"{exc} — the session resumed on the plan kept in its timing log"
    settings = settings.model_copy(update={"last_session": str(path.resolve())})
    save_problem = save_settings(settings)

    live = start_session(loaded, SystemClock(), paths.logs_dir())
    controller = LiveController(live, loaded, SystemClock(), paths.logs_dir())

    from app.ui.moderator import open_windows

    window, projector = open_windows(controller, settings)
    settings_notice = settings_problem.notice() if settings_problem else None
    for problem in (settings_notice, save_problem, language_problem, file_problem, *live.warnings):
        if problem:
            window.show_notice(problem)
    # The projector first (with one screen it waits, hidden, until a second screen appears or
    # the moderator asks for it: F11 or the button under the thumbnail), and the window
    # manager stacks the window mapped last on top, which must be the moderator's (it takes
    # the whole laptop screen and the keyboard).
    if os.environ.get(QUIT_AFTER_PAINT_ENV) == "1":
        window.installEventFilter(_QuitOnFirstPaint(window, projector, controller.ticks.backend))
    projector.place_and_show()
    window.showMaximized()
    QTimer.singleShot(0, window.raise_)
    QTimer.singleShot(0, window.activateWindow)
    controller.start_ticking()
    if serve is not None:
        where = {key: value for key, value in serve.items() if value is not None}
        listening = window.start_remote(**where)
        if listening is not None:
            print(listening.line(), flush=True)  # the one place the tokens are printed
        else:
            print("remote: the server could not start (the window says why)", file=sys.stderr)
    code = app.exec()
    window.remote.stop()
    controller.shutdown()
    return int(code)
