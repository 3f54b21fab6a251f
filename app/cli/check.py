"""`timekeeper check [SESSION] [--json]`: validate a running order and print the resolved plan.

Without SESSION it checks the running order `timekeeper` would open (the last one used, the
seed workshop the first time), so a new user can try the command at once.

The text is what the moderator reads before the session; the JSON is the contract of
ARCHITECTURE.md §5 for scripts (more fields are welcome, none removed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.errors import ExitCode
from app.cli.subcommand import Subparsers

if TYPE_CHECKING:  # the model is loaded by the handler: building the parser loads nothing
    from app.model import Plan
    from app.model.plan import PlannedSegment


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


def _when(plan: Plan, offset_s: float) -> dict[str, object]:
    """Additive fields for a clock time: its day after the start's (1 past midnight) and, when
    the plan has a date, that time's own date (``planned_start_date``)."""
    day = plan.day_at(offset_s)
    out: dict[str, object] = {"planned_day": day}
    if plan.date is not None:
        out["planned_start_date"] = (plan.date + dt.timedelta(days=day)).isoformat()
    return out


def plan_as_json(plan: Plan) -> dict[str, object]:
    """The `check --json` contract of ARCHITECTURE.md §5 (more fields are welcome, none removed)."""
    return {
        "title": plan.title,
        "event": plan.event,
        "date": plan.date.isoformat() if plan.date else None,
        "start": plan.start.strftime("%H:%M"),
        "slot_end": plan.hard_end.strftime("%H:%M") if plan.hard_end else None,
        "planned_end": plan.planned_end.strftime("%H:%M:%S"),
        "planned_end_day": plan.day_at(plan.total_s),
        "slot_end_day": plan.hard_end_day,
        "total_s": plan.total_s,
        "slack_s": plan.slack_s,
        "anchor": plan.anchor.value,
        "roll": plan.roll,
        "cues": plan.cues,
        "parts": [
            {
                "title": p.title,
                "budget_s": p.budget_s,
                "planned_start": _hms(plan, plan.segments[p.first].offset_s, True),
                **_when(plan, plan.segments[p.first].offset_s),
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
                **_when(plan, s.offset_s),
                "speakers": [
                    {"name": p.name, "role": p.role, "organisation": p.organisation}
                    for p in s.speakers
                ],
                "notes": s.notes,
                "warning_s": s.warning_s,
                "final_s": s.final_s,
                "end_action": s.end_action.value,
                "timer": s.timer.value,
                "ends_at": s.ends_at.strftime("%H:%M:%S") if s.ends_at else None,
            }
            for s in plan.segments
        ],
    }


def _timing(seg: PlannedSegment) -> str:
    """What is not the default about a segment's timer: its type, its end time and action."""
    from app.model.schema import EndAction, TimerType

    words = []
    if seg.timer is not TimerType.COUNTDOWN:
        words.append(f"timer {seg.timer.value}")
    if seg.ends_at is not None:
        words.append(f"ends at {seg.ends_at:%H:%M}")
    if seg.end_action is not EndAction.HOLD:
        words.append(f"at zero: {seg.end_action.value}")
    return f"  ({', '.join(words)})" if words else ""


def plan_as_text(plan: Plan) -> str:
    """The plan as the moderator reads it: parts, segments with their clock times, the end."""
    from app.model import format_duration
    from app.model.schema import Anchor

    lines = [plan.title]
    when = plan.date.isoformat() + " " if plan.date else ""
    slot = f"–{plan.clock_label(plan.slot_s)}" if plan.slot_s is not None else ""
    lines.append(f"{when}{plan.start:%H:%M}{slot}  {plan.venue}".rstrip())
    if plan.anchor is not Anchor.AUTO or plan.roll:
        roll = ", roll mode" if plan.roll else ""
        lines.append(f"schedule anchored {plan.anchor.value}{roll}")
    lines.append("")
    # Past midnight a clock time carries " (+1)": the columns widen by as much for every row.
    wide = 5 if plan.day_at(max(plan.total_s, plan.slot_s or 0)) > 0 else 0
    for part in plan.parts:
        start = plan.segments[part.first].offset_s
        budget = format_duration(part.budget_s)
        lines.append(f"{plan.clock_label(start):<{5 + wide}}  {part.title}  ({budget})")
        for index in part.segment_indices:
            seg = plan.segments[index]
            shared = "" if seg.explicit else "  (share of the part)"
            lines.append(
                f"  {plan.clock_label(seg.offset_s, True):<{8 + wide}}  "
                f"{format_duration(seg.planned_s):>8}  "
                f"[{seg.kind.value}] {seg.title}{shared}{_timing(seg)}"
            )
            for person in seg.speakers:
                lines.append(f"{'':{22 + wide}}{person.label()}")
    lines.append("")
    end = plan.clock_label(plan.total_s, True)
    lines.append(f"planned end {end} ({format_duration(plan.total_s)})")
    if plan.slot_s is not None and plan.slack_s is not None:
        word = "slack" if plan.slack_s >= 0 else "OVER the slot by"
        amount = format_duration(abs(plan.slack_s)) if plan.slack_s else "0"
        lines.append(f"hard end {plan.clock_label(plan.slot_s)}: {word} {amount}")
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
