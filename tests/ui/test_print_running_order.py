"""File → Print running order… and File → Save running order as PDF… in the moderator window
(issue #13): the page `timekeeper export --format pdf` writes, on a printer or in a file; the
print dialog never blocks the session (shown window-modal, not exec'd)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from app.ui.print_order import print_to
from tests.ui.moderator_harness import Harness, seed_window


@pytest.fixture
def moderator(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Harness]:
    yield from seed_window(qtbot, tmp_path, seed_path)


def pages_of(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_the_file_menu_offers_print_and_save_as_pdf(moderator: Harness) -> None:
    texts = [a.text() for a in moderator.window.menus.file_menu.actions()]
    assert "Prin&t running order…" in texts and "Save running order as P&DF…" in texts


def test_print_opens_the_dialog_without_blocking_and_prints_one_page(
    moderator: Harness, qtbot: QtBot, tmp_path: Path
) -> None:
    moderator.window.menus.print_action.trigger()  # returns at once: no nested exec()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog))
    assert dialog.isVisible() and dialog.windowModality() is Qt.WindowModality.WindowModal
    moderator.advance(5)  # the session still ticks behind it
    dialog.reject()
    # What the dialog's printer receives, printed to a PDF file as a printer would.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_to(printer, moderator.controller.plan) == 1
    data = (tmp_path / "printed.pdf").read_bytes()
    assert data.startswith(b"%PDF") and pages_of(data) == 1


def test_save_as_pdf_writes_the_one_page(
    moderator: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deroule"  # no suffix typed: .pdf is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    moderator.window.menus.save_pdf_action.trigger()
    data = (tmp_path / "deroule.pdf").read_bytes()
    assert data.startswith(b"%PDF") and pages_of(data) == 1


def test_a_failed_save_is_a_banner_not_a_traceback(
    moderator: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "missing-folder" / "deroule.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    assert not moderator.window.banners.isVisible()
    moderator.window.save_running_order_pdf()
    assert not target.exists()
    assert moderator.window.banners.isVisible()


@pytest.mark.slow
def test_print_support_is_loaded_only_when_printing() -> None:
    """The moderator window starts without QtPrintSupport or the printout's drawing code."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import app.ui.moderator, app.ui.application\n"
        "print(sorted(m for m in sys.modules if 'PrintSupport' in m or "
        "m.endswith('.running_order') and not m.startswith('app.ui.widgets')))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
