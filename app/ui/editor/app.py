"""The editor on its own (`timekeeper edit`, `timekeeper --edit`): no session, no log."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.i18n import choose_language, install_language
from app.ui.editor.window import EditorWindow
from app.ui.settings import load_settings, threshold_defaults

# For tests: "1" quits once the window has shown (exit 0), printing its title.
QUIT_AFTER_SHOW_ENV = "TIMEKEEPER_EDITOR_QUIT_AFTER_SHOW"


def run_editor(path: Path | None, *, language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Timekeeper")
    app.setOrganizationName("Timekeeper")
    settings, _ = load_settings()
    install_language(app, choose_language(language, settings.language))
    window = EditorWindow(defaults=threshold_defaults(settings))
    if path is not None:
        window.open_path(path)
    window.show()
    if os.environ.get(QUIT_AFTER_SHOW_ENV) == "1":

        def done() -> None:
            print(f"editor: {window.windowTitle()}", flush=True)
            print(f"summary: {window.summary.text()}", flush=True)
            app.quit()

        QTimer.singleShot(0, done)
    return int(app.exec())
