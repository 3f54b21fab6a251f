"""`timekeeper import` and `timekeeper export`.

import: reads a programme (text, CSV, schedule XML, PDF, Word .docx, Excel .xlsx), prints
every guess as a warning on stderr and writes the running order (TOML) to -o or stdout. Lines
it could not understand are listed with their numbers and nothing is written unless --force;
an existing file is never overwritten without --force, and a timing log never (app.files).

export: writes a running order as a programme (text) or a sheet (CSV or .xlsx, cells kept as
text). An existing file needs --force; a timing log or a running order is never replaced.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.errors import BadInput, ExitCode
from app.cli.subcommand import Subparsers

if TYPE_CHECKING:  # loaded by the handlers: building the parser loads no layer below
    from app.files import Keeper
    from app.model.plan import Plan

# app.importers.api.FORMATS, named here so that the parser is built without loading the
# importers (tests/cli/test_subcommands.py holds the two equal).
FORMATS = ("text", "csv", "xml", "pdf", "docx", "xlsx")
EXPORT_FORMATS = ("text", "csv", "xlsx", "pdf", "html")  # pdf and html: the printed running order


def register(sub: Subparsers) -> None:
    """Add `import` and `export`."""
    imp = sub.add_parser(
        "import",
        help="turn a programme (text, CSV, schedule XML, PDF, .docx, .xlsx) into a running order",
        description=(
            "Read a programme — plain text in French or English, a CSV sheet, a conference "
            "schedule XML (frab/pretalx), a PDF, a Word .docx or an Excel .xlsx — and write a "
            "running order (TOML) that `check` accepts. Every guess is printed as a warning "
            "with its line number."
        ),
    )
    imp.add_argument(
        "file", type=Path, help="the programme: .txt/.md, .csv, .xml, .pdf, .docx or .xlsx"
    )
    imp.add_argument("-o", "--output", type=Path, help="where to write the TOML (default: stdout)")
    imp.add_argument("--day", help="the day to take (YYYY-MM-DD, or the day's number)")
    imp.add_argument("--room", help="the room to take from a schedule with several")
    imp.add_argument(
        "--format", choices=("auto", *FORMATS), default="auto", help="the input's format"
    )
    imp.add_argument(
        "--force",
        action="store_true",
        help=(
            "write even when some lines were not understood, and replace the output file "
            "(never a timing log)"
        ),
    )
    imp.set_defaults(func=cmd_import)

    exp = sub.add_parser(
        "export",
        help="print a running order as a programme (text), a sheet (CSV, .xlsx) or to print",
        description=(
            "Write a running order as a programme for the speakers (text, which `import` reads "
            "back to the same plan), as a sheet (CSV, or an Excel .xlsx with -o), or as the "
            "printed running order for speakers and crew (pdf: A4; html: a page to print), in "
            "the session's language."
        ),
    )
    exp.add_argument("session", type=Path, help="the running order (.toml or .json)")
    exp.add_argument("--format", choices=EXPORT_FORMATS, default="text")
    exp.add_argument("-o", "--output", type=Path, help="where to write (default: stdout)")
    exp.add_argument(
        "--force",
        action="store_true",
        help="replace the output file (never a timing log or a running order)",
    )
    exp.set_defaults(func=cmd_export)


def _write(path: Path, text: str, force: bool, keep: Keeper) -> None:
    """Write through app.files (atomic; a failure leaves the old file). An existing file is
    replaced only with --force: a programme or a sheet written earlier is meant to be edited
    by people, so it is theirs once written. ``keep`` names what is never replaced."""
    from app.files import write_atomic

    write_atomic(path, text.encode("utf-8"), force=force, keep=keep)


def cmd_import(args: argparse.Namespace) -> int:
    from app.cli.terminal import printable
    from app.files import timing_log_kind
    from app.importers.api import import_file
    from app.importers.draft import ChoiceNeeded, ImportFailure

    source: Path = args.file
    fmt = None if args.format == "auto" else args.format
    try:
        result = import_file(source, day=args.day, room=args.room, fmt=fmt)
    except ChoiceNeeded as exc:
        for choice in exc.choices:
            print(f"  {printable(str(choice))}", file=sys.stderr)
        raise BadInput(str(exc)) from None
    except ImportFailure as exc:
        for problem in exc.problems[:50]:
            print(f"error: {printable(str(problem))}", file=sys.stderr)
        if len(exc.problems) > 50:
            print(f"error: ... and {len(exc.problems) - 50} more", file=sys.stderr)
        raise BadInput(f"{exc}; nothing written") from None
    for warning in result.warnings:
        print(f"warning: {printable(str(warning))}", file=sys.stderr)
    if result.problems:
        for problem in result.problems:
            print(f"error: {printable(str(problem))}", file=sys.stderr)
        lines = sorted({p.line for p in result.problems if p.line is not None})
        where = ", ".join(str(n) for n in lines) or "see above"
        if not args.force:
            raise BadInput(
                f"{source}: could not understand line(s) {where}; nothing written "
                "(fix the programme, or use --force to write what was understood)"
            )
    if args.output is None:
        sys.stdout.write(result.toml_text)
        sys.stdout.flush()
    else:
        _write(args.output, result.toml_text, args.force, timing_log_kind)
        plan = result.plan
        end = f", slot ends {plan.clock_label(plan.slot_s)}" if plan.slot_s is not None else ""
        print(
            f"wrote {args.output}: {len(plan.parts)} parts, {len(plan.segments)} segments, "
            f"{plan.start:%H:%M}–{plan.clock_label(plan.total_s)}{end}",
            file=sys.stderr,
        )
    return ExitCode.OK


def cmd_export(args: argparse.Namespace) -> int:
    from app.cli.terminal import printable
    from app.files import user_file_kind, write_atomic
    from app.importers.export import ExportError, export_csv, export_text, export_warnings
    from app.model.loader import load_running_order

    if args.format == "xlsx" and args.output is None:
        raise BadInput("--format xlsx writes a workbook, not text: give -o FILE.xlsx")
    plan = load_running_order(args.session).plan
    if args.format in ("pdf", "html"):
        return _export_printed(args, plan)
    if args.format == "xlsx":
        from app.importers.export import export_xlsx

        try:
            book = export_xlsx(plan)
        except ImportError:
            raise BadInput(
                "writing .xlsx needs the openpyxl library: pip install 'timekeeper[import]'"
            ) from None
        for warning in export_warnings(plan, sheet=True):
            print(f"warning: {printable(str(warning))}", file=sys.stderr)
        write_atomic(args.output, book, force=args.force, keep=user_file_kind)
        print(f"wrote {args.output}", file=sys.stderr)
        return ExitCode.OK
    try:
        text = export_text(plan) if args.format == "text" else export_csv(plan)
    except ExportError as exc:
        raise BadInput(f"{args.session}: {exc}") from None
    for warning in export_warnings(plan, sheet=args.format == "csv"):
        print(f"warning: {printable(str(warning))}", file=sys.stderr)
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        _write(args.output, text, args.force, user_file_kind)
        print(f"wrote {args.output}", file=sys.stderr)
    return ExitCode.OK


def _export_printed(args: argparse.Namespace, plan: Plan) -> int:
    """The printed running order: PDF through Qt's painter (offscreen without a display),
    HTML from the pure report package."""
    from app.files import user_file_kind, write_atomic

    if args.format == "pdf":
        if args.output is None and sys.stdout.isatty():
            raise BadInput("a PDF is not for a terminal: add -o running-order.pdf")
        from app.reports.qt.running_order import running_order_pdf

        data = running_order_pdf(plan)
    else:
        from app.reports.qt.export import ensure_gui
        from app.reports.qt.running_order import printed
        from app.reports.running_order import running_order_html

        ensure_gui()  # the session's language comes from the compiled translations
        data = running_order_html(printed(plan)).encode("utf-8")
    if args.output is None:
        buffer = getattr(sys.stdout, "buffer", None)
        sys.stdout.flush()
        if buffer is None:
            sys.stdout.write(data.decode("utf-8", "replace"))
        else:
            buffer.write(data)
            buffer.flush()
    else:
        write_atomic(args.output, data, force=args.force, keep=user_file_kind)
        print(f"wrote {args.output}", file=sys.stderr)
    return ExitCode.OK
