"""The running application: one QApplication, the controller, the two windows."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import paths
from app.engine.clock import SystemClock
from app.i18n import choose_language, install_language
from app.model import RunningOrderError, load_running_order
from app.timing_log.live import running_order_from_log, start_session
from app.timing_log.writer import fallback_dir
from app.ui.controller import LiveController
from app.ui.settings import Settings, load_settings, save_settings, threshold_defaults


def choose_session(requested: Path | None, settings: Settings) -> Path:
    """The file named on the command line, else the last one used, else the seed workshop."""
    if requested is not None:
        return requested
    if settings.last_session and Path(settings.last_session).is_file():
        return Path(settings.last_session)
    return paths.default_session()


def run_application(session_path: Path | None, *, language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Timekeeper")
    app.setOrganizationName("Timekeeper")
    app.setDesktopFileName("timekeeper")
    icon = paths.resources_dir() / "icons" / "timekeeper.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    settings, settings_problem = load_settings()
    wanted = choose_language(language, settings.language)
    language_problem = None
    if not install_language(app, wanted):
        language_problem = (
            f"the {wanted} translation is missing (run make translations); "
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
    # The projector first: with one screen it is a window on the laptop, and the window
    # manager stacks the window mapped last on top, which must be the moderator's (it takes
    # the whole laptop screen and the keyboard).
    projector.place_and_show()
    window.showMaximized()
    QTimer.singleShot(0, window.raise_)
    QTimer.singleShot(0, window.activateWindow)
    controller.start_ticking()
    code = app.exec()
    controller.shutdown()
    return int(code)
