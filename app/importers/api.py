"""The entry points: ``import_file`` for the CLI and the UI's File → Import, and the exports."""

from __future__ import annotations

from pathlib import Path

from app.importers.draft import ImportDiagnostics, ImportFailure, ImportResult, finish
from app.importers.schedule_xml import import_schedule
from app.importers.spreadsheet import decode, import_csv
from app.importers.text import import_text
from app.inputs import InputError, read_bounded

# No programme comes near this (a day's text is a few KB); it bounds the import's time.
MAX_BYTES = 5 * 1024 * 1024
# Lines of text or rows of CSV: a day of a large conference is a few hundred. Every line is
# read in linear time, but with a few hundred microseconds each; this keeps a megabyte of
# short lines from taking tens of seconds before it is refused anyway (500 parts at most).
MAX_LINES = 5_000
PROGRAMME = "a programme (text, CSV or schedule XML)"
FORMATS = ("text", "csv", "xml")


def detect_format(name: str, data: bytes) -> str:
    """text, csv or xml, from the file name and its first bytes."""
    suffix = Path(name).suffix.lower()
    if data.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xls", ".ods", ".xlsm"):
        raise ImportFailure(
            name,
            "spreadsheets (.xlsx, .ods) are not read: save the sheet as CSV (UTF-8) and "
            "import the .csv",
        )
    if data.startswith((b"%PDF", b"\xd0\xcf\x11\xe0")) or suffix in (".pdf", ".doc", ".docx"):
        raise ImportFailure(name, "documents (.pdf, .doc) are not read: save them as plain text")
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
    if len(data) > MAX_BYTES:
        raise ImportFailure(source, f"larger than 5 MB, too large for {PROGRAMME}")
    if not data.strip():
        raise ImportFailure(source, "the file is empty")
    fmt = fmt or detect_format(source, data)
    if fmt not in FORMATS:
        raise ImportFailure(source, f"unknown format {fmt!r}, expected one of {FORMATS}")
    lines = max(data.count(b"\n"), data.count(b"\r"))
    if fmt != "xml" and lines > MAX_LINES:
        raise ImportFailure(
            source,
            f"{lines:,} lines, too many for a programme (at most {MAX_LINES:,}); "
            "import one day or one room at a time",
        )
    report = ImportDiagnostics()
    origin = Path(source).name
    if fmt == "xml":
        draft = import_schedule(data, source, report, day=day, room=room)
    else:
        text = decode(data, source, report)
        if fmt == "csv":
            draft = import_csv(text, source, report, day=day, room=room)
        else:
            draft, text_report = import_text(text, source, day=day, room=room)
            report.warnings[:0] = text_report.warnings
            report.problems[:0] = text_report.problems
    return finish(draft, report, source, origin)


def import_file(
    path: str | Path,
    day: str | None = None,
    room: str | None = None,
    fmt: str | None = None,
) -> ImportResult:
    """Import a programme file (text, CSV or conference schedule XML).

    ``day`` and ``room`` choose one session in a file that holds several (a schedule XML, a
    multi-day programme); without them ChoiceNeeded lists the choices. ``result.toml_text`` is
    the running order to save, ``result.document`` the validated model, ``result.warnings`` the
    guesses and ``result.problems`` the lines left out (the CLI refuses to write without
    --force when there are any).
    """
    path = Path(path)
    name = str(path)
    try:
        data = read_bounded(path, limit=MAX_BYTES, what=PROGRAMME)
    except FileNotFoundError:
        raise ImportFailure(name, "no such file") from None
    except InputError as exc:  # a FIFO, a device, a folder, more than 5 MB: one sentence
        raise ImportFailure(name, exc.problem) from None
    return import_data(data, name, fmt=fmt, day=day, room=room)
