"""Shared by the engine and timing-log tests: plans, a live session on a fake clock, and the
figures of a snapshot (everything a view could show) as one comparable value."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time
from functools import cache
from typing import Any

from app.engine import Auto, Event, FakeClock, Snapshot, Timeline
from app.engine.session import Session
from app.model import load_running_order
from app.model.plan import Plan, PlannedPart, PlannedSegment
from app.model.schema import Anchor, EndAction, SegmentKind, TimerType
from tests.conftest import SEED

# The seed workshop, resolved (ARCHITECTURE.md §1).
INTRO, TALK1, TALK2, TALK3, QA1, TOUIL, QA2, CONCLUSION = range(8)


@cache
def seed_plan() -> Plan:
    return load_running_order(SEED).plan


@dataclass(frozen=True)
class Seg:
    planned_s: int
    kind: SegmentKind = SegmentKind.TALK
    end_action: EndAction = EndAction.HOLD
    warning_s: int | None = None
    final_s: int | None = None
    timer: TimerType = TimerType.COUNTDOWN
    fixed: bool = False  # ends_at the clock time its planned end falls on


def make_plan(
    parts: Sequence[Sequence[Seg]],
    *,
    slack_s: int | None = 300,
    anchor: Anchor = Anchor.AUTO,
    roll: bool = False,
) -> Plan:
    """A plan from parts of segments, starting at 16:00, thresholds as the defaults resolve
    them (2 min, or 20 % of a short segment; 30 s); ``slack_s`` to the hard end (None: none).
    A ``fixed`` segment ends at the clock time of its planned end (``ends_at``)."""
    segments: list[PlannedSegment] = []
    planned_parts: list[PlannedPart] = []
    offset = 0
    for p, part in enumerate(parts):
        first = len(segments)
        for seg in part:
            warning = seg.warning_s
            if warning is None:
                warning = min(120, round(seg.planned_s * 0.2))
            final = seg.final_s if seg.final_s is not None else min(30, warning)
            segments.append(
                PlannedSegment(
                    index=len(segments),
                    part=p,
                    title=f"{seg.kind.value} {len(segments) + 1}",
                    kind=seg.kind,
                    planned_s=seg.planned_s,
                    offset_s=offset,
                    warning_s=min(warning, seg.planned_s),
                    final_s=min(final, warning, seg.planned_s),
                    end_action=seg.end_action,
                    timer=seg.timer,
                    ends_at=_clock(offset + seg.planned_s) if seg.fixed else None,
                )
            )
            offset += seg.planned_s
        planned_parts.append(
            PlannedPart(
                index=p,
                title=f"Part {p + 1}",
                budget_s=sum(s.planned_s for s in part),
                first=first,
                count=len(part),
            )
        )
    hard_end = None
    if slack_s is not None:
        end = 16 * 3600 + offset + slack_s
        hard_end = time(end // 3600 % 24, end // 60 % 60, end % 60)
    return Plan(
        title="Test session",
        start=time(16, 0),
        hard_end=hard_end,
        anchor=anchor,
        roll=roll,
        parts=tuple(planned_parts),
        segments=tuple(segments),
    )


def _clock(offset_s: int) -> time:
    end = 16 * 3600 + offset_s
    return time(end // 3600 % 24, end // 60 % 60, end % 60)


class Live:
    """A Session on a FakeClock whose sink keeps the events: a moderator and a stopwatch."""

    def __init__(
        self,
        plan: Plan | None = None,
        *,
        planned_start_t: float = 0.0,
        on_planned_date: bool = True,
    ) -> None:
        self.plan = plan if plan is not None else seed_plan()
        self.clock = FakeClock()
        self.logged: list[Event] = []
        self.session = Session(
            Timeline(self.plan, planned_start_t=planned_start_t, on_planned_date=on_planned_date),
            self.clock,
            origin_mono=self.clock.monotonic(),
            origin_wall=self.clock.wall(),
            sink=lambda event, wall: self.logged.append(event),
        )

    @property
    def controls(self) -> list[Event]:
        """The logged events that are not the engine's own records (Auto lines)."""
        return [e for e in self.logged if not isinstance(e, Auto)]

    @property
    def engine(self) -> Timeline:
        return self.session.engine

    def wait(self, seconds: float) -> None:
        self.clock.advance(seconds)

    @property
    def t(self) -> float:
        return self.session.now()

    @property
    def snap(self) -> Snapshot:
        """What the window shows now: the tick driver writes the automatic moves first."""
        self.session.log_autos()
        return self.session.snapshot()

    def do(self, command: str, *args: Any) -> bool:
        """Give a control by name, as the UI does; returns whether it was taken."""
        return give_to(self.session, command, *args)


def give_to(s: Session, command: str, *args: Any) -> bool:
    """Give a control by name to a session, as the UI does; whether it was taken."""
    if command == "catch_up":
        return s.apply_catch_up(s.catch_up())
    method = {
        "resume": s.resume_counting,
        "clear": s.clear_message,
    }.get(command) or getattr(s, command)
    return bool(method(*args))


def figures(snap: Snapshot) -> tuple[Any, ...]:
    """Every figure a view can read off a snapshot, rows and parts included."""
    plan = snap.plan
    head = (
        snap.t,
        snap.status,
        snap.current,
        snap.planned_s,
        snap.active_s,
        snap.occupied_s,
        snap.remaining_s,
        snap.phase,
        snap.countdown,
        snap.part_used_s,
        snap.message,
        snap.blink,
        snap.blackout,
        snap.started_at,
        snap.ended_at,
        snap.paused_s,
        snap.projected_end_t,
        snap.planned_start_t,
        snap.pauses,
        snap.anchor,
        snap.anchor_setting,
        snap.roll,
        snap.timer,
        snap.ends_at_t,
        snap.autos,
    )
    rows = tuple(
        (
            snap.row_state(i),
            snap.planned_of(i),
            snap.actual_of(i),
            snap.active_of(i),
            snap.started_at_of(i),
            snap.ended_at_of(i),
            snap.projected_start_of(i),
        )
        for i in range(len(plan.segments))
    )
    parts = tuple(snap.part_left_of(p.index) for p in plan.parts)
    return head + rows + parts


def observe(snap: Snapshot, key: str) -> Any:
    """A figure by name: ``countdown``, or ``actual:3`` for ``snap.actual_of(3)``,
    ``row:3`` for ``snap.row_state(3)``."""
    if ":" in key:
        name, index = key.split(":")
        method = "row_state" if name == "row" else f"{name}_of"
        return getattr(snap, method)(int(index))
    return getattr(snap, key)
