"""`timekeeper check [SESSION] [--json]`: validate a running order and print the resolved plan.

Without SESSION it checks the running order `timekeeper` would open (the last one used, the
seed workshop the first time), so a new user can try the command at once.

The text is what the moderator reads before the session; the JSON is the contract of
ARCHITECTURE.md §5 for scripts (more fields are welcome, none removed).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.errors import ExitCode
from app.cli.subcommand import Subparsers

if TYPE_CHECKING:  # the model is loaded by the handler: building the parser loads nothing
    from app.model import Plan


def register(sub: Subparsers) -> None:
    """Add `check`."""
    check = sub.add_parser("check", help="validate a running order and print the resolved plan")
    check.add_argument(
        "session",
        nargs="?",
        type=Path,
        help="running order (default: the one timekeeper would open, the seed workshop at first)",
    )
    check.add_argument("--json", action="store_true", help="print the plan as JSON")
    check.set_defaults(func=cmd_check)


def _hms(plan: Plan, offset_s: float, seconds: bool = False) -> str:
    return plan.clock_at(offset_s).strftime("%H:%M:%S" if seconds else "%H:%M")


def plan_as_json(plan: Plan) -> dict[str, object]:
    """The `check --json` contract of ARCHITECTURE.md §5 (more fields are welcome, none removed)."""
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
    """The plan as the moderator reads it: parts, segments with their clock times, the end."""
    from app.model import format_duration

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
    from app.cli.terminal import json_printable, printable
    from app.model import load_running_order
    from app.ui.session_choice import session_to_open  # the settings only: no Qt

    plan = load_running_order(session_to_open(args.session)).plan
    if args.json:
        print(json_printable(json.dumps(plan_as_json(plan), ensure_ascii=False, indent=2)))
    else:
        print(printable(plan_as_text(plan), keep="\n"))
    return ExitCode.OK
