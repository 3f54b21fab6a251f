"""The Qt-drawn report formats for the command line and the windows: HTML, PDF, and the chart
alone as PNG or SVG. Works without a display: a QGuiApplication on the offscreen platform is
made when none exists."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from app.i18n import Language
from app.reports.chart_data import chart_data
from app.reports.qt.chart_paint import write_chart
from app.reports.qt.html import render_html
from app.reports.qt.pdf import pdf_bytes
from app.timing_log.reader import TimingLog


def ensure_gui() -> QGuiApplication:
    """Fonts and painting need a QGuiApplication. `timekeeper report --format pdf` runs in a
    terminal, maybe without a display, so one is created on the offscreen platform there."""
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication([sys.argv[0] if sys.argv else "timekeeper", "-platform", "offscreen"])
    assert isinstance(app, QGuiApplication)
    return app


REPORT_FORMATS = ("html", "pdf")


def report_bytes(log: TimingLog, fmt: str, language: str) -> bytes:
    """`timekeeper report LOG --format html|pdf`: the report as bytes, in ``language``."""
    ensure_gui()
    lang = language
    if fmt == "html":
        return render_html(log, lang).encode("utf-8")
    if fmt == "pdf":
        return pdf_bytes(log, lang)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {REPORT_FORMATS}")


# -- the chart alone ----------------------------------------------------------------------------


def export_chart(log: TimingLog, path: Path, language: str = "en", *, force: bool = False) -> Path:
    """The chart as .png or .svg (by the file's suffix), written through app.files."""
    ensure_gui()
    return write_chart(chart_data(log), path, language=Language(language), force=force)
