"""The entry points: ``import_file`` for the CLI and the UI's File → Import, and the exports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.importers.draft import (
    ImportDiagnostics,
    ImportFailure,
    ImportResult,
    finish,
)
from app.importers.pages import dropped_note, split_pages
from app.importers.schedule_xml import import_schedule
from app.importers.spreadsheet import decode, import_csv, import_rows
from app.importers.text import import_text, session_from
from app.inputs import InputError, read_bounded

if TYPE_CHECKING:
    from app.importers.documents import SheetDocument, TextDocument

# No programme comes near this (a day's text is a few KB); it bounds the import's time.
MAX_BYTES = 5 * 1024 * 1024
# Lines of text or rows of CSV: a day of a large conference is a few hundred. Every line is
# read in linear time, but with a few hundred microseconds each; this keeps a megabyte of
# short lines from taking tens of seconds before it is refused anyway (500 parts at most).
MAX_LINES = 5_000
# A PDF, a Word document or a workbook holds pictures, fonts and styles besides the text.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
PROGRAMME = "a programme (text, CSV, schedule XML, PDF, Word or Excel)"
FORMATS = ("text", "csv", "xml", "pdf", "docx", "xlsx")
DOCUMENTS = ("pdf", "docx", "xlsx")  # read by app.importers.documents, loaded only for them


def detect_format(name: str, data: bytes) -> str:
    """text, csv, xml, pdf, docx or xlsx, from the file name and its first bytes."""
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return "pdf"
    if data.startswith(b"PK\x03\x04") or suffix in (".docx", ".xlsx", ".xlsm"):
        if suffix == ".docx" or b"word/" in data[:4096]:
            return "docx"
        if suffix in (".xlsx", ".xlsm") or b"xl/" in data[:4096]:
            return "xlsx"
        if suffix == ".ods" or b"opendocument" in data[:4096]:
            raise ImportFailure(
                name, "OpenDocument files (.ods, .odt) are not read: save as .xlsx, .docx or CSV"
            )
        raise ImportFailure(name, "a zip archive, not a Word document or a workbook")
    if data.startswith(b"\xd0\xcf\x11\xe0") or suffix in (".doc", ".xls", ".ods", ".odt"):
        raise ImportFailure(
            name,
            "old Word and Excel files (.doc, .xls) and OpenDocument files are not read: "
            "save the file as .docx, .xlsx or CSV",
        )
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if suffix == ".xml" or head.startswith((b"<?xml", b"<schedule", b"<!doctype")):
        return "xml"
    if suffix in (".csv", ".tsv"):
        return "csv"
    return "text"


def import_data(
    data: bytes,
    source: str,
    fmt: str | None = None,
    day: str | None = None,
    room: str | None = None,
) -> ImportResult:
    """Read a programme given as bytes. Raises ImportFailure (or ChoiceNeeded) when nothing
    usable comes out; otherwise the result lists what was guessed and what was left out."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ImportFailure(source, f"larger than 20 MB, too large for {PROGRAMME}")
    if not data.strip():
        raise ImportFailure(source, "the file is empty")
    fmt = fmt or detect_format(source, data)
    if fmt not in FORMATS:
        raise ImportFailure(source, f"unknown format {fmt!r}, expected one of {FORMATS}")
    if fmt in DOCUMENTS:
        return _import_document(fmt, data, source, day, room)
    if len(data) > MAX_BYTES:
        raise ImportFailure(
            source, "larger than 5 MB, too large for a programme (text, CSV or schedule XML)"
        )
    lines = max(data.count(b"\n"), data.count(b"\r"))
    if fmt != "xml" and lines > MAX_LINES:
        raise ImportFailure(
            source,
            f"{lines:,} lines, too many for a programme (at most {MAX_LINES:,}); "
            "import one day or one room at a time",
        )
    report = ImportDiagnostics()
    origin = Path(source).name
    if fmt == "text" and b"\f" in data:  # pages (pdftotext, a printed copy): furniture out
        text = decode(data, source, report)
        text, report.pages, dropped = split_pages(text)
        if dropped:
            report.warn(None, dropped_note(dropped))
        draft, text_report = import_text(text, source, day=day, room=room)
        report.adopt(text_report)
        return finish(draft, report, source, origin)
    if fmt == "xml":
        draft = import_schedule(data, source, report, day=day, room=room)
    else:
        text = decode(data, source, report)
        if fmt == "csv":
            draft = import_csv(text, source, report, day=day, room=room)
        else:
            draft, text_report = import_text(text, source, day=day, room=room)
            report.adopt(text_report)
    return finish(draft, report, source, origin)


def _import_document(
    fmt: str, data: bytes, source: str, day: str | None, room: str | None
) -> ImportResult:
    """A PDF, Word document or workbook, read into text lines or sheet rows
    (``documents``), then imported like a text programme or a CSV sheet."""
    from app.importers.documents import TextDocument, read_document

    doc = read_document(fmt, data, source)
    origin = Path(source).name
    if isinstance(doc, TextDocument):
        return _document_text(doc, source, origin, day, room)
    return _document_sheet(doc, source, origin, day, room)


def _document_text(
    doc: TextDocument, source: str, origin: str, day: str | None, room: str | None
) -> ImportResult:
    if len(doc.text) > MAX_BYTES:
        raise ImportFailure(
            source,
            f"{len(doc.text) // (1024 * 1024)} MB of text, too much for a programme (at most 5 MB)",
        )
    lines = doc.text.count("\n") + 1
    if lines > MAX_LINES:
        raise ImportFailure(
            source,
            f"{lines:,} lines of text, too many for a programme (at most {MAX_LINES:,}); "
            "import one day or one room at a time",
        )
    report = ImportDiagnostics(pages=doc.pages)
    for note in doc.warnings:
        report.warn(None, note)
    try:
        draft, text_report = import_text(doc.text, source, day=day, room=room)
    except ImportFailure as exc:
        exc.problems = [report.at(p.line, p.message) for p in exc.problems]
        raise
    report.adopt(text_report)
    return finish(draft, report, source, origin)


def _document_sheet(
    doc: SheetDocument, source: str, origin: str, day: str | None, room: str | None
) -> ImportResult:
    report = ImportDiagnostics(unit=doc.unit)
    for note in doc.warnings:
        report.warn(None, note)
    above = None
    if doc.preamble.strip():
        above, _ = session_from(doc.preamble, source)
    draft = import_rows(doc.records, source, report, day=day, room=room, above=above)
    return finish(draft, report, source, origin)


def import_file(
    path: str | Path,
    day: str | None = None,
    room: str | None = None,
    fmt: str | None = None,
) -> ImportResult:
    """Import a programme file (text, CSV, conference schedule XML, PDF, .docx or .xlsx).

    ``day`` and ``room`` choose one session in a file that holds several (a schedule XML, a
    multi-day programme); without them ChoiceNeeded lists the choices. ``result.toml_text`` is
    the running order to save, ``result.document`` the validated model, ``result.warnings`` the
    guesses and ``result.problems`` the lines left out (the CLI refuses to write without
    --force when there are any).
    """
    path = Path(path)
    name = str(path)
    try:
        data = read_bounded(path, limit=MAX_DOCUMENT_BYTES, what=PROGRAMME)
    except FileNotFoundError:
        raise ImportFailure(name, "no such file") from None
    except InputError as exc:  # a FIFO, a device, a folder, more than 5 MB: one sentence
        raise ImportFailure(name, exc.problem) from None
    return import_data(data, name, fmt=fmt, day=day, room=room)
