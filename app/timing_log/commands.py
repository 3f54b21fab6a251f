"""`timekeeper report`: the subcommand of the timing-log package (app/cli.py dispatches)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from app.reports.formats import FORMATS, render
from app.reports.model import build_report
from app.timing_log.errors import LogError
from app.timing_log.reader import TimingLog, read_header, read_log

# Formats rendered outside this package (HTML and PDF need Qt's painter): the CLI passes them in,
# so that this package never imports the UI.
Renderer = Callable[[TimingLog], bytes]

EXIT_OK = 0


def register(sub: Any, extra_formats: Mapping[str, Renderer] | None = None) -> None:
    extra = dict(extra_formats or {})
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
        choices=(*FORMATS, *extra),
        default="text",
        help="text (default), csv, json" + "".join(f", {name}" for name in extra),
    )
    report.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write the report to FILE (replaced if it exists) instead of printing it",
    )
    report.set_defaults(func=cmd_report, extra_formats=extra)


def cmd_report(args: argparse.Namespace) -> int:
    log_path: Path = args.log
    log = read_log(log_path)
    extra: dict[str, Renderer] = getattr(args, "extra_formats", {})
    if args.format in extra:
        if args.format == "pdf" and args.output is None and sys.stdout.isatty():
            raise LogError("a PDF is not for a terminal: add -o report.pdf")
        data = extra[args.format](log)
    else:
        data = render(build_report(log), args.format).encode("utf-8")
    if args.output is None:
        _write_stdout(data)
    else:
        write_output(args.output, data, log_path)
    for warning in log.warnings:
        print(f"timekeeper: warning: {log_path}: {warning}", file=sys.stderr)
    return EXIT_OK


def _write_stdout(data: bytes) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout without bytes underneath
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


def write_output(target: Path, data: bytes, log_path: Path) -> None:
    """Write a report file. A report is derived data, so an earlier report is replaced; but
    never the log it was made from, nor any other timing log."""
    if target.exists():
        if target.is_dir():
            raise LogError(f"{target}: this is a folder, expected a file name for the report")
        if _same_file(target, log_path):
            raise LogError(f"{target}: refusing to write the report over the timing log itself")
        if _is_timing_log(target):
            raise LogError(f"{target}: is a timing log; a report never overwrites a log")
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise LogError(f"{target}: cannot write the report ({exc.strerror or exc})") from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _is_timing_log(path: Path) -> bool:
    try:
        read_header(path)
    except LogError:
        return False
    return True
