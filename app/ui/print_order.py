"""File → Print running order… and File → Save running order as PDF…: the printed running order
for speakers and crew, the same page `timekeeper export --format pdf` writes
(app.reports.qt.running_order draws it on the printer or the PDF).

QtPrintSupport is loaded only when the moderator prints; where it is missing (a bundle built
without it), printing falls back to saving the PDF. The print dialog is opened window-modal
(shown, never ``exec()``): the session keeps ticking behind it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import QFileDialog, QWidget

from app.files import user_file_kind, write_atomic
from app.model.plan import Plan
from app.reports.qt.running_order import paint_running_order, printed, running_order_pdf

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

translate = QCoreApplication.translate


def print_to(device: QPagedPaintDevice, plan: Plan) -> int:
    """Draw the running order on a printer (or any paged device); the number of pages."""
    return paint_running_order(device, printed(plan))


def open_print_dialog(parent: QWidget, plan: Plan) -> tuple[QPrintDialog, QPrinter] | None:
    """The system's print dialog for the running order (A4), and its printer (the caller
    keeps both while the dialog is open); None when Qt's print support is not there (the
    caller then saves a PDF instead)."""
    try:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    except ImportError:
        return None
    from PySide6.QtGui import QPageLayout, QPageSize

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(plan.title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Moderator", "Print running order"))
    dialog.accepted.connect(lambda: print_to(printer, plan))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)  # as open(): never exec()
    dialog.show()
    return dialog, printer


def save_pdf_dialog(parent: QWidget, plan: Plan, start_dir: Path) -> Path | None:
    """Ask where to save the running order as PDF and write it; the path written, or None
    when the moderator cancelled. app.files.FileWriteError is the caller's (a banner)."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        translate("Moderator", "Save running order as PDF"),
        str(start_dir),
        translate("Moderator", "PDF (*.pdf)"),
    )
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    # The moderator confirmed the name in the dialog (it asks before replacing a file).
    write_atomic(target, running_order_pdf(plan), force=True, keep=user_file_kind)
    return target
