"""Budget resolution: a part's budget is shared by what is inside it (ARCHITECTURE.md §3).

The seed workshop is the reference: "Témoignages (40')" holds three talks and a 15' question
slot, so the three talks share the 25' left, 8'20" each.
"""

from __future__ import annotations

from datetime import time

from app.model.durations import format_duration
from app.model.plan import Plan, PlannedPart, PlannedSegment, PlannedSpeaker
from app.model.schema import (
    EndAction,
    Part,
    RunningOrderFile,
    Segment,
    SegmentKind,
    Speaker,
    Thresholds,
    TimerType,
)

DEFAULT_WARNING_S = 120
DEFAULT_WARNING_FRACTION = 0.2  # a short segment warns at 20 % of its length
DEFAULT_FINAL_S = 30


class BudgetError(ValueError):
    """The durations inside a part do not fit its budget."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path


def _name(title: str) -> str:
    """A title as quoted in a one-line message: long ones are cut."""
    return repr(title if len(title) <= 50 else title[:47] + "...")


def share(total: int, count: int) -> list[int]:
    """Split ``total`` seconds in ``count`` whole-second shares that add up exactly."""
    base, extra = divmod(total, count)
    return [base + 1 if i < extra else base for i in range(count)]


def thresholds_for(
    planned_s: int,
    session: Thresholds,
    own: Thresholds | None,
    defaults: Thresholds | None = None,
) -> tuple[int, int]:
    """(warning_s, final_s): a segment's own values win, else the session file's, else the
    moderator's defaults (app settings), else 2' and 30 s — a short segment warning at 20 %."""
    warning = own.warning if own and own.warning is not None else session.warning
    final = own.final if own and own.final is not None else session.final
    if warning is None:
        base = defaults.warning if defaults and defaults.warning is not None else DEFAULT_WARNING_S
        warning = min(base, round(planned_s * DEFAULT_WARNING_FRACTION))
    if final is None:
        base = defaults.final if defaults and defaults.final is not None else DEFAULT_FINAL_S
        final = min(base, warning)
    warning = min(warning, planned_s)
    final = min(final, warning)
    return warning, final


def _seconds_of_day(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def _ends_at_durations(
    path: str, segments: list[Segment], part_offset: int, start: time
) -> list[Segment]:
    """The segments with each ``ends_at`` turned into the duration that reaches it from the
    segment's planned start; a BudgetError when it cannot start before it (or its start is
    not known: a share of the budget before it)."""
    out: list[Segment] = []
    offset = part_offset
    known = True
    for j, seg in enumerate(segments):
        if seg.ends_at is not None:
            where = f"{path}.segments[{j}].ends_at" if path.endswith("]") else path
            if not known:
                raise BudgetError(
                    where,
                    f"segment {_name(seg.title)} ends at {seg.ends_at:%H:%M}, so the segments "
                    "before it in its part need their own duration",
                )
            end = (_seconds_of_day(seg.ends_at) - _seconds_of_day(start)) % 86400
            if end <= offset:
                begins = (_seconds_of_day(start) + offset) % 86400
                raise BudgetError(
                    where,
                    f"segment {_name(seg.title)} ends at {seg.ends_at:%H:%M}, before it can "
                    f"start (planned at {begins // 3600:02d}:{begins % 3600 // 60:02d}); "
                    "expected a later ends_at",
                )
            seg = seg.model_copy(update={"duration": end - offset})
        if seg.duration is None:
            known = False
        else:
            offset += seg.duration
        out.append(seg)
    return out


def _resolve_part(index: int, part: Part) -> list[int]:
    """The duration of each segment of the part, in seconds."""
    path = f"parts[{index}]"
    name = _name(part.title)
    segments = part.segments
    explicit = sum(s.duration for s in segments if s.duration is not None)
    implicit = [i for i, s in enumerate(segments) if s.duration is None]
    if part.budget is None:
        if implicit:
            first = implicit[0]
            raise BudgetError(
                f"{path}.segments[{first}].duration",
                f"part {name} has no budget, so segment {_name(segments[first].title)} "
                "needs its own duration",
            )
        return [s.duration for s in segments if s.duration is not None]
    budget, taken = format_duration(part.budget), format_duration(explicit)
    left = part.budget - explicit
    if left < 0:
        raise BudgetError(
            f"{path}.budget",
            f"part {name}: its segments take {taken}, "
            f"{format_duration(-left)} more than its budget of {budget}",
        )
    if implicit and left < len(implicit):
        raise BudgetError(
            f"{path}.budget",
            f"part {name}: the budget of {budget} leaves no time "
            f"for the {len(implicit)} segment(s) without a duration",
        )
    if not implicit and left > 0:
        raise BudgetError(
            f"{path}.budget",
            f"part {name}: its segments take {taken} but its budget is {budget}; leave one "
            f"segment without a duration to take the {format_duration(left)} left, "
            "or change the budget",
        )
    shares = iter(share(left, len(implicit)) if implicit else [])
    return [s.duration if s.duration is not None else next(shares) for s in segments]


def _speakers(people: list[Speaker]) -> tuple[PlannedSpeaker, ...]:
    return tuple(
        PlannedSpeaker(name=p.name, role=p.role, organisation=p.organisation, note=p.note)
        for p in people
    )


def resolve(doc: RunningOrderFile, defaults: Thresholds | None = None) -> Plan:
    """Turn a validated file into a Plan, or raise BudgetError naming the part."""
    session = doc.session
    parts: list[PlannedPart] = []
    segments: list[PlannedSegment] = []
    offset = 0
    for p_index, part in enumerate(doc.parts):
        if part.segments:
            items = _ends_at_durations(f"parts[{p_index}]", part.segments, offset, session.start)
            if items != part.segments:
                part = part.model_copy(update={"segments": items})
            durations = _resolve_part(p_index, part)
        else:
            single = Segment(
                title=part.title,
                kind=part.kind or SegmentKind.TALK,
                duration=None if part.ends_at is not None else format_duration(part.budget or 1),
                speakers=part.speakers,
                notes=part.notes,
                thresholds=part.thresholds,
                end_action=part.end_action or EndAction.HOLD,
                timer=part.timer or TimerType.COUNTDOWN,
                ends_at=part.ends_at,
            )
            items = _ends_at_durations(f"parts[{p_index}].ends_at", [single], offset, session.start)
            assert items[0].duration is not None  # a budget or an ends_at: Part's validator
            durations = [items[0].duration]
        first = len(segments)
        for seg, planned in zip(items, durations, strict=True):
            warning, final = thresholds_for(planned, session.thresholds, seg.thresholds, defaults)
            segments.append(
                PlannedSegment(
                    index=len(segments),
                    part=p_index,
                    title=seg.title,
                    kind=seg.kind,
                    planned_s=planned,
                    offset_s=offset,
                    speakers=_speakers(seg.speakers),
                    notes=seg.notes if part.segments else part.notes,
                    warning_s=warning,
                    final_s=final,
                    end_action=seg.end_action,
                    explicit=seg.duration is not None or not part.segments,
                    timer=seg.timer,
                    ends_at=seg.ends_at,
                )
            )
            offset += planned
        parts.append(
            PlannedPart(
                index=p_index,
                title=part.title,
                budget_s=sum(durations),
                first=first,
                count=len(items),
                notes=part.notes if part.segments else "",
            )
        )
    return Plan(
        title=session.title,
        event=session.event,
        date=session.date,
        start=session.start,
        hard_end=session.hard_end,
        timezone=session.timezone,
        language=session.language,
        venue=session.venue,
        room=session.room,
        anchor=session.anchor,
        roll=session.roll,
        cues=session.cues,
        parts=tuple(parts),
        segments=tuple(segments),
    )
