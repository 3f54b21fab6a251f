"""`timekeeper report LOG [--format text|csv|json|html|pdf] [-o FILE]`: a timing log summarised.

The only module of app.cli that imports the report code (app.reports for the figures and the
pure formats, app.reports.qt for HTML and PDF). HTML and PDF need Qt's painter:
app.reports.qt is imported only when one is asked for, so the text formats work without Qt.
Their words are in the interface's language (app.i18n.choose_language, as the windows
choose it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.errors import BadInput, ExitCode
from app.cli.subcommand import Subparsers

if TYPE_CHECKING:  # loaded by the handler: building the parser loads no layer below
    from app.timing_log.reader import TimingLog

# app.reports.formats.FORMATS, named here so that the parser is built without loading the
# reports (tests/cli/test_subcommands.py holds the two equal).
FORMATS = ("text", "csv", "json")

# Rendered by app.reports.qt.export (its REPORT_FORMATS); named here so that building the
# parser does not load Qt.
QT_FORMATS = ("html", "pdf")


def register(sub: Subparsers) -> None:
    """Add `report`."""
    report = sub.add_parser(
        "report",
        help="summarise a timing log: planned against actual, per segment and per part",
        description=(
            "Read a timing log (.jsonl) and print, per segment and per part, the planned and "
            "actual start and duration and the overrun. A log whose session never ended "
            "reports the segment that was running as open. The log is only read."
        ),
    )
    report.add_argument("log", type=Path, help="a timing log (.jsonl)")
    report.add_argument(
        "--format",
        choices=(*FORMATS, *QT_FORMATS),
        default="text",
        help="text (default), csv, json" + "".join(f", {name}" for name in QT_FORMATS),
    )
    report.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=(
            "write the report to FILE instead of printing it; an earlier report of the same "
            "format is replaced, any other file only with --force, a timing log or a running "
            "order never"
        ),
    )
    report.add_argument(
        "--force",
        action="store_true",
        help="replace FILE even when it is not an earlier report (never a log or running order)",
    )
    report.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from app.cli.terminal import printable
    from app.timing_log.reader import read_log

    log_path: Path = args.log
    log = read_log(log_path)
    if args.format == "pdf" and args.output is None and sys.stdout.isatty():
        raise BadInput("a PDF is not for a terminal: add -o report.pdf")
    data = report_data(log, args.format)
    if args.output is None:
        _write_stdout(data)
    else:
        write_output(args.output, data, args.format, force=args.force)
    for warning in log.warnings:
        print(f"timekeeper: warning: {printable(f'{log_path}: {warning}')}", file=sys.stderr)
    return ExitCode.OK


def report_data(log: TimingLog, fmt: str) -> bytes:
    """The report in ``fmt`` as the bytes to write."""
    from app.cli.terminal import json_printable, printable

    if fmt in QT_FORMATS:
        from app.i18n import choose_language
        from app.reports.qt.export import report_bytes
        from app.ui.settings import load_settings

        saved = load_settings(set_aside=False)[0].language  # a report never moves the file
        return report_bytes(log, fmt, choose_language(None, saved))
    from app.reports.formats import render
    from app.reports.model import build_report

    text = render(build_report(log), fmt)
    if fmt == "text":  # read in a terminal: the log's titles and names shown escaped
        text = printable(text, keep="\n")
    elif fmt == "json":  # the same data, with C1 and direction controls as \u escapes too
        text = json_printable(text)
    return text.encode("utf-8")


def _write_stdout(data: bytes) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout without bytes underneath
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


def write_output(target: Path, data: bytes, fmt: str, *, force: bool = False) -> None:
    """Write a report file through app.files (atomic; a failure leaves the old file). A
    report is derived data, so an earlier report of the same format is replaced (recognised by
    its content: app.reports.formats.EARLIER_REPORT); another file only with ``force``; a
    timing log (the one it was made from included) or a running order never."""
    from app.files import write_atomic
    from app.reports.formats import EARLIER_REPORT

    write_atomic(target, data, replaceable=EARLIER_REPORT[fmt], force=force)
