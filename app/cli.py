"""The `timekeeper` command: one entry point, subcommands (design.md §5).

Exit codes: 0 success, 2 bad input (one clear line on stderr, never a traceback),
1 unexpected failure. Qt is imported only by the subcommands that open a window, so that
`check`, `report` and `schema` work on a machine without a display.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app import __version__
from app.model import Plan, RunningOrderError, format_duration, json_schema, load_running_order
from app.timing_log.errors import LogError
from app.timing_log.reader import TimingLog

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2

SUBCOMMANDS = ("check", "schema", "import", "export", "report", "replay")


class BadInput(Exception):
    """Raised by a subcommand for input it cannot use; the message is shown as is."""


def _hms(plan: Plan, offset_s: float, seconds: bool = False) -> str:
    return plan.clock_at(offset_s).strftime("%H:%M:%S" if seconds else "%H:%M")


def plan_as_json(plan: Plan) -> dict[str, object]:
    """The `check --json` contract of design.md §5 (more fields are welcome, none removed)."""
    return {
        "title": plan.title,
        "event": plan.event,
        "date": plan.date.isoformat() if plan.date else None,
        "start": plan.start.strftime("%H:%M"),
        "slot_end": plan.hard_end.strftime("%H:%M") if plan.hard_end else None,
        "planned_end": plan.planned_end.strftime("%H:%M:%S"),
        "total_s": plan.total_s,
        "slack_s": plan.slack_s,
        "parts": [
            {
                "title": p.title,
                "budget_s": p.budget_s,
                "planned_start": _hms(plan, plan.segments[p.first].offset_s, True),
            }
            for p in plan.parts
        ],
        "segments": [
            {
                "section": plan.parts[s.part].title,
                "title": s.title,
                "kind": s.kind.value,
                "planned_s": s.planned_s,
                "planned_start": _hms(plan, s.offset_s, True),
                "speakers": [
                    {"name": p.name, "role": p.role, "organisation": p.organisation}
                    for p in s.speakers
                ],
                "notes": s.notes,
                "warning_s": s.warning_s,
                "final_s": s.final_s,
                "end_action": s.end_action.value,
            }
            for s in plan.segments
        ],
    }


def plan_as_text(plan: Plan) -> str:
    lines = [plan.title]
    when = plan.date.isoformat() + " " if plan.date else ""
    slot = f"–{plan.hard_end:%H:%M}" if plan.hard_end else ""
    lines.append(f"{when}{plan.start:%H:%M}{slot}  {plan.venue}".rstrip())
    lines.append("")
    for part in plan.parts:
        start = plan.segments[part.first].offset_s
        lines.append(f"{_hms(plan, start)}  {part.title}  ({format_duration(part.budget_s)})")
        for index in part.segment_indices:
            seg = plan.segments[index]
            shared = "" if seg.explicit else "  (share of the part)"
            lines.append(
                f"  {_hms(plan, seg.offset_s, True)}  {format_duration(seg.planned_s):>8}  "
                f"[{seg.kind.value}] {seg.title}{shared}"
            )
            for person in seg.speakers:
                lines.append(f"                      {person.label()}")
    lines.append("")
    lines.append(f"planned end {plan.planned_end:%H:%M:%S} ({format_duration(plan.total_s)})")
    if plan.hard_end is not None and plan.slack_s is not None:
        word = "slack" if plan.slack_s >= 0 else "OVER the slot by"
        amount = format_duration(abs(plan.slack_s)) if plan.slack_s else "0"
        lines.append(f"hard end {plan.hard_end:%H:%M}: {word} {amount}")
    return "\n".join(lines)


def cmd_check(args: argparse.Namespace) -> int:
    plan = load_running_order(args.session).plan
    if args.json:
        print(json.dumps(plan_as_json(plan), ensure_ascii=False, indent=2))
    else:
        print(plan_as_text(plan))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _report_language() -> str:
    """The report's words in the interface's language: the one choice the windows make."""
    from app.i18n import choose_language
    from app.ui.settings import load_settings

    return choose_language(None, load_settings()[0].language)


def _report_html(log: TimingLog) -> bytes:
    from app.reports.qt.export import report_bytes

    return report_bytes(log, "html", _report_language())


def _report_pdf(log: TimingLog) -> bytes:
    from app.reports.qt.export import report_bytes

    return report_bytes(log, "pdf", _report_language())


def cmd_replay(args: argparse.Namespace) -> int:
    from app.ui.launch import platform_problem

    problem = platform_problem()
    if problem is not None:
        raise BadInput(problem)
    if not args.log.is_file():
        raise BadInput(f"{args.log}: no such timing log")
    from app.ui.replay import run_replay

    return run_replay(args.log)


def cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.launch import run_gui

    return run_gui(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timekeeper",
        description="Countdown, speaker display and timing log for a live workshop.",
    )
    parser.add_argument("--version", action="version", version=f"timekeeper {__version__}")
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", help="validate a running order and print the resolved plan")
    check.add_argument("session", type=Path)
    check.add_argument("--json", action="store_true", help="print the plan as JSON")
    check.set_defaults(func=cmd_check)

    schema = sub.add_parser("schema", help="print the JSON Schema of the running-order format")
    schema.set_defaults(func=cmd_schema)

    # Each subsystem adds its own subcommands, so that this module stays a dispatcher.
    from app.importers.commands import register as register_importers
    from app.timing_log.commands import register as register_log

    register_importers(sub)
    register_log(sub, {"html": _report_html, "pdf": _report_pdf})

    replay = sub.add_parser("replay", help="replay a timing log in a window")
    replay.add_argument("log", type=Path)
    replay.set_defaults(func=cmd_replay)
    return parser


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timekeeper", description="Open the moderator window.")
    parser.add_argument("session", nargs="?", type=Path, help="running order (.toml or .json)")
    parser.add_argument("--lang", choices=("fr", "en"), help="language of the interface")
    parser.add_argument("--version", action="version", version=f"timekeeper {__version__}")
    parser.set_defaults(func=cmd_gui)
    return parser


Handler = Callable[[argparse.Namespace], int]


def _dispatch(argv: Sequence[str]) -> tuple[argparse.Namespace, Handler]:
    first = next((a for a in argv if not a.startswith("-")), None)
    if first in SUBCOMMANDS or (argv and argv[0] in ("-h", "--help")):
        args = build_parser().parse_args(argv)
    else:
        args = gui_parser().parse_args(argv)
    return args, args.func


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args, func = _dispatch(argv)
        return func(args)
    except SystemExit as exc:  # argparse: usage errors are bad input
        code = exc.code
        return code if isinstance(code, int) else EXIT_BAD_INPUT
    except (RunningOrderError, BadInput, LogError) as exc:
        print(f"timekeeper: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the last line of defence: no traceback for users
        print(
            f"timekeeper: unexpected error ({type(exc).__name__}: {exc}); "
            "please report it with the command you ran",
            file=sys.stderr,
        )
        return EXIT_FAILURE
