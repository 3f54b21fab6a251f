"""The resolved plan: what the engine runs and what a timing log embeds in its header.

Everything here is explicit: every segment has its duration in whole seconds, its offset from
the session start and its phase thresholds. A log that carries a Plan replays on its own, even
after the running-order file was edited or deleted.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime, time, timedelta

from pydantic import BaseModel, ConfigDict, model_validator

from app.model.durations import MAX_DURATION_S
from app.model.schema import Anchor, EndAction, EndActionField, SegmentKind, TimerType, slot_seconds

PLAN_VERSION = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PlannedSpeaker(_Frozen):
    name: str
    role: str = ""
    organisation: str = ""
    note: str = ""

    def label(self) -> str:
        """Name, role and organisation on one line, as a moderator introduces someone."""
        return ", ".join(x for x in (self.name, self.role, self.organisation) if x)


class PlannedSegment(_Frozen):
    index: int
    part: int
    title: str
    kind: SegmentKind
    planned_s: int
    offset_s: int  # planned start, in seconds after the session start
    speakers: tuple[PlannedSpeaker, ...] = ()
    notes: str = ""
    warning_s: int
    final_s: int
    end_action: EndActionField = EndAction.HOLD
    explicit: bool = True  # False when the duration is a share of the part's budget
    timer: TimerType = TimerType.COUNTDOWN
    ends_at: time | None = None  # a countdown to this clock time (its planned_s reaches it)


class PlannedPart(_Frozen):
    index: int
    title: str
    budget_s: int
    first: int  # index of its first segment
    count: int
    notes: str = ""

    @property
    def segment_indices(self) -> range:
        return range(self.first, self.first + self.count)


class Plan(_Frozen):
    version: int = PLAN_VERSION
    title: str
    event: str = ""
    date: dt.date | None = None
    start: time
    hard_end: time | None = None
    timezone: str | None = None
    language: str = "fr"
    venue: str = ""
    room: str = ""
    anchor: Anchor = Anchor.AUTO
    roll: bool = False
    cues: bool | None = None  # None: the app's setting decides (README, "Sound cues")
    parts: tuple[PlannedPart, ...]
    segments: tuple[PlannedSegment, ...]

    @model_validator(mode="after")
    def _consistent(self) -> Plan:
        """A plan read back from a log must hang together: the engine indexes with it."""
        if not self.segments or not self.parts:
            raise ValueError("a plan has at least one part and one segment")
        offset = 0
        for i, seg in enumerate(self.segments):
            if seg.index != i or not 0 <= seg.part < len(self.parts):
                raise ValueError(f"segment {i} has a wrong index or part")
            # Bounded as a running order bounds them: a log's header is a file too, and an
            # enormous duration would overflow the clock times of every report.
            if not 0 <= seg.planned_s <= MAX_DURATION_S:
                raise ValueError(
                    f"segment {i} lasts {seg.planned_s} s, expected 0 to {MAX_DURATION_S} (24 h)"
                )
            if seg.offset_s != offset:
                raise ValueError(f"segment {i} has a wrong duration or offset")
            if not (0 <= seg.warning_s <= MAX_DURATION_S and 0 <= seg.final_s <= MAX_DURATION_S):
                raise ValueError(f"segment {i} has a phase threshold out of range")
            offset += seg.planned_s
        first = 0
        for i, part in enumerate(self.parts):
            if part.index != i or part.first != first or part.count < 1:
                raise ValueError(f"part {i} does not cover its segments")
            if part.first + part.count > len(self.segments):
                raise ValueError(f"part {i} does not cover its segments")
            if not 0 <= part.budget_s <= MAX_DURATION_S * part.count:
                raise ValueError(f"part {i} has a budget out of range")
            if any(self.segments[j].part != i for j in part.segment_indices):
                raise ValueError(f"part {i} does not cover its segments")
            first += part.count
        if first != len(self.segments):
            raise ValueError("the parts do not cover every segment")
        return self

    @property
    def total_s(self) -> int:
        return sum(s.planned_s for s in self.segments)

    @property
    def slot_s(self) -> int | None:
        """Seconds from the planned start to the hard end, when there is one."""
        if self.hard_end is None:
            return None
        return slot_seconds(self.start, self.hard_end)

    @property
    def slack_s(self) -> int | None:
        slot = self.slot_s
        return None if slot is None else slot - self.total_s

    def clock_at(self, offset_s: float) -> time:
        """The local clock time ``offset_s`` seconds after the planned start.

        A time of day, so computed on an arbitrary day: on the plan's own date a session of
        31 December 9999 that runs past midnight would overflow the calendar.
        """
        base = datetime.combine(_ANY_DAY, self.start)
        return (base + timedelta(seconds=offset_s % 86400)).time()

    def day_at(self, offset_s: float) -> int:
        """Days after the start's day at ``offset_s`` seconds after the planned start: 1 for
        00:30 in an evening that began at 20:00 (clock times after midnight are the next day)."""
        return int((_seconds_of_day(self.start) + offset_s) // 86400)

    def clock_label(self, offset_s: float, seconds: bool = False) -> str:
        """HH:MM (or HH:MM:SS), with " (+1)" on the next day: "00:30 (+1)"."""
        text = self.clock_at(offset_s).strftime("%H:%M:%S" if seconds else "%H:%M")
        return day_label(text, self.day_at(offset_s))

    def ends_at_offset(self, index: int) -> int | None:
        """Seconds from the planned start to the segment's ``ends_at`` (None without one)."""
        end = self.segments[index].ends_at
        if end is None:
            return None
        return (_seconds_of_day(end) - _seconds_of_day(self.start)) % 86400

    @property
    def planned_end(self) -> time:
        return self.clock_at(self.total_s)

    @property
    def hard_end_day(self) -> int | None:
        """Days after the start's day of the hard end: 1 for a slot 20:00-01:00."""
        slot = self.slot_s
        return None if slot is None else self.day_at(slot)


def day_label(text: str, day: int) -> str:
    """A clock time with its next-day mark: "00:30" on day 1 reads "00:30 (+1)" (the one
    spelling of the mark: ``check``, the moderator window and the replay all use it)."""
    return f"{text} (+{day})" if day > 0 else text


_ANY_DAY = dt.date(2000, 1, 1)


def _seconds_of_day(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def same_segments(old: Plan, new: Plan) -> bool:
    """Same count, same titles, same parts: the events' segment indices keep their meaning, so
    an edited running order can be taken in while a session runs."""
    return (
        len(old.segments) == len(new.segments)
        and all(a.title == b.title for a, b in zip(old.segments, new.segments, strict=True))
        and [(p.first, p.count) for p in old.parts] == [(p.first, p.count) for p in new.parts]
    )
