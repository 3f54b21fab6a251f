"""The running-order file as users write it (TOML or JSON), validated by pydantic.

These models mirror the file one to one, so that an error can name the exact field path the
user typed. Budget sharing is not done here but in ``resolve``, which turns a validated file
into the immutable ``Plan`` the engine runs.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from datetime import time
from enum import StrEnum
from typing import Annotated, Any, Final, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from app.model.characters import plain_name, plain_notes
from app.model.durations import EXPECTED, MAX_DURATION_S, MAX_TEXT, parse_duration

FORMAT_VERSION: Final = 1


class SegmentKind(StrEnum):
    INTRO = "intro"
    TALK = "talk"
    QA = "qa"
    PANEL = "panel"
    BREAK = "break"
    CONCLUSION = "conclusion"
    OTHER = "other"


class EndAction(StrEnum):
    """What happens when a segment's countdown reaches zero."""

    HOLD = "hold"  # stay on the segment and count the overtime (the default)
    NEXT = "next"  # the next segment starts at once (Ontime's play-next)
    LOAD_NEXT = "load-next"  # the next segment is loaded and waits for the moderator


def _legacy_end_action(value: object) -> object:
    """``"advance"`` (older running orders and logs) is read as ``"next"``."""
    return EndAction.NEXT.value if value == "advance" else value


EndActionField = Annotated[
    EndAction,
    BeforeValidator(_legacy_end_action),
    WithJsonSchema({"enum": ["hold", "next", "load-next", "advance"], "default": "hold"}),
]


class TimerType(StrEnum):
    """What a segment's timer shows (ARCHITECTURE.md §3)."""

    COUNTDOWN = "countdown"  # time left, then overtime (the default)
    COUNTUP = "countup"  # time elapsed, never overtime: an open debate
    CLOCK = "clock"  # the projector shows the time of day: doors opening, a break


class Anchor(StrEnum):
    """What the planned clock times are counted from."""

    AUTO = "auto"  # absolute on the planned date within two hours of the start, else relative
    ABSOLUTE = "absolute"  # the planned clock times as printed
    RELATIVE = "relative"  # counted from the actual start (a rehearsal, a moved session)


Duration = Annotated[
    int,
    BeforeValidator(parse_duration),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1, "maxLength": MAX_TEXT},
                {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_DURATION_S // 60,
                    "description": "minutes",
                },
            ],
            "description": EXPECTED,
            "examples": ["10'", "8'20\"", "10 min", "1h30", "90s", "00:10:00", 10],
        }
    ),
]

_CLOCK = re.compile(r"(?P<h>\d{1,2})\s*[h:]\s*(?P<m>\d{2})?(?::(?P<s>\d{2}))?")


def _parse_clock(value: object) -> time:
    """Accept "16:00", "16h00", "16h" and TOML local times (16:00:00), to the whole second.

    Numbers are refused: pydantic would read ``start = 1600`` as 1600 seconds after midnight.
    """
    if isinstance(value, time) and value.tzinfo is None:
        return value.replace(microsecond=0)
    expected = 'expected a clock time such as "16:00" or "16h00"'
    if not isinstance(value, str):
        raise ValueError(f"{expected}, got {_shown(value)}")
    match = _CLOCK.fullmatch(value.strip().lower())
    if match is None:
        raise ValueError(f"{expected}, got {_shown(value)}")
    h, m, s = int(match["h"]), int(match["m"] or 0), int(match["s"] or 0)
    if h > 23 or m > 59 or s > 59:
        raise ValueError(f"{expected}, got {_shown(value)}")
    return time(h, m, s)


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


ClockTime = Annotated[
    time,
    BeforeValidator(_parse_clock),
    WithJsonSchema({"type": "string", "examples": ["16:00", "16h00"]}),
]

# Titles and names are one line of plain text; notes may have tabs and lines
# (app.model.characters: no control characters, no direction overrides).
Title = Annotated[str, Field(min_length=1, max_length=1000), AfterValidator(plain_name)]
Name = Annotated[str, Field(min_length=1, max_length=500), AfterValidator(plain_name)]
Line = Annotated[str, Field(max_length=10_000), AfterValidator(plain_name)]
Text = Annotated[str, Field(max_length=10_000), AfterValidator(plain_notes)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Thresholds(_Strict):
    """When the countdown changes phase, as time left in the segment."""

    warning: Duration | None = Field(
        default=None, description="time left when the phase turns to warning (default 2')"
    )
    final: Duration | None = Field(
        default=None, description="time left when the phase turns to final (default 30s)"
    )


class Speaker(_Strict):
    name: Name
    role: Line = ""
    organisation: Line = ""
    note: Text = Field(default="", description="a note for the moderator about this person")


class Segment(_Strict):
    title: Title
    kind: SegmentKind = SegmentKind.TALK
    duration: Duration | None = Field(
        default=None,
        description="own duration; without it the segment shares what its part's budget leaves",
    )
    speakers: list[Speaker] = Field(default_factory=list, max_length=100)
    notes: Text = ""
    thresholds: Thresholds | None = None
    end_action: EndActionField = EndAction.HOLD
    timer: TimerType = Field(
        default=TimerType.COUNTDOWN,
        description="countdown (the default), countup (elapsed, no limit) or clock (time of day)",
    )
    ends_at: ClockTime | None = Field(
        default=None,
        description="a countdown to this clock time (lunch ends at 13:00); sets the duration",
    )

    @field_validator("ends_at")
    @classmethod
    def _timer_fits(cls, value: time | None, info: ValidationInfo) -> time | None:
        timer = info.data.get("timer", TimerType.COUNTDOWN)
        _check_timer(timer, value, info.data.get("duration"))
        return value


def _check_timer(timer: TimerType, ends_at: time | None, duration: int | None) -> None:
    if ends_at is None:
        return
    if timer is not TimerType.COUNTDOWN:
        raise ValueError(
            f'ends_at is for a countdown; a "{timer.value}" timer has no end time '
            "(remove ends_at or the timer)"
        )
    if duration is not None:
        raise ValueError(
            "ends_at sets the duration: give either ends_at or a duration (budget), not both"
        )


class Part(_Strict):
    title: Title
    budget: Duration | None = Field(
        default=None,
        description="time shared by the part's segments; without it, the sum of their durations",
    )
    notes: Text = ""
    segments: list[Segment] = Field(default_factory=list, max_length=2000)
    # A part without segments is one segment: these describe it.
    kind: SegmentKind | None = None
    speakers: list[Speaker] = Field(default_factory=list, max_length=100)
    thresholds: Thresholds | None = None
    end_action: EndActionField | None = None
    timer: TimerType | None = None
    ends_at: ClockTime | None = None

    @model_validator(mode="after")
    def _one_level(self) -> Part:
        if self.segments and (self.speakers or self.kind is not None):
            raise ValueError(
                "a part with segments takes its speakers and kind in its segments, "
                "not on the part itself"
            )
        if self.segments and (self.timer is not None or self.ends_at is not None):
            raise ValueError(
                "a part with segments takes its timer and ends_at in its segments, "
                "not on the part itself"
            )
        if not self.segments and self.budget is None and self.ends_at is None:
            raise ValueError("a part without segments needs a budget (its duration)")
        return self

    @field_validator("ends_at")
    @classmethod
    def _timer_fits(cls, value: time | None, info: ValidationInfo) -> time | None:
        if not info.data.get("segments"):
            timer = info.data.get("timer") or TimerType.COUNTDOWN
            _check_timer(timer, value, info.data.get("budget"))
        return value


class Session(_Strict):
    title: Title
    event: Line = ""
    date: dt.date | None = None
    start: ClockTime = Field(description="planned start, local clock time")
    hard_end: ClockTime | None = Field(
        default=None, description="the time the room must be free: the end of the slot"
    )
    timezone: str | None = Field(
        default=None, max_length=200, description="IANA name, e.g. Europe/Paris"
    )
    language: Literal["fr", "en"] = "fr"
    venue: Line = ""
    room: Line = ""
    thresholds: Thresholds = Field(default_factory=Thresholds)
    anchor: Anchor = Field(
        default=Anchor.AUTO,
        description="clock times as printed (absolute), from the actual start (relative), "
        "or auto: absolute on the planned date within two hours of the start",
    )
    roll: bool = Field(
        default=False,
        description="the session starts itself at its planned start and moves on at the "
        "planned clock times; any manual control leaves roll mode",
    )
    cues: StrictBool | None = Field(
        default=None,
        description="sound cues at warning, final and zero for this session: true turns them "
        "on, false off; absent, the app's setting decides",
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            near = _nearest_zone(value)
            hint = f"did you mean {near!r}?" if near else "expected an IANA name like Europe/Paris"
            raise ValueError(f"unknown time zone {value!r}; {hint}") from None
        return value

    @field_validator("hard_end")
    @classmethod
    def _end_after_start(cls, value: time | None, info: ValidationInfo) -> time | None:
        """A hard end earlier than the start is the next morning (an evening 20:00-01:00, a
        conference day to 04:00), up to MAX_SLOT_S after the start: 16:00 to 15:30 is a slip
        of the pen, not a slot of 23 h 30."""
        start = info.data.get("start")
        if value is None or not isinstance(start, time):
            return value
        if value == start or slot_seconds(start, value) > MAX_SLOT_S:
            raise ValueError(
                f"hard_end {value:%H:%M} must be after start {start:%H:%M} "
                f"(or, past midnight, at most {MAX_SLOT_S // 3600} h after it)"
            )
        return value


MAX_SLOT_S = 20 * 3600  # the longest slot: a conference day from 08:00 to 04:00 the next morning


def slot_seconds(start: time, end: time) -> int:
    """Seconds from ``start`` to ``end``; an end at or before the start is the next day."""
    a = start.hour * 3600 + start.minute * 60 + start.second
    b = end.hour * 3600 + end.minute * 60 + end.second
    return (b - a) % 86400 or 86400


def _nearest_zone(value: str) -> str | None:
    """The IANA name the user most likely meant: same letters in another case, or close."""
    names = sorted(available_timezones())
    same = [n for n in names if n.lower() == value.lower()]
    near = same or difflib.get_close_matches(value, names, n=1, cutoff=0.6)
    return near[0] if near else None


class RunningOrderFile(_Strict):
    """The whole file. ``format`` lets a later version read older files (Picard-style)."""

    format: Literal[1] = FORMAT_VERSION
    session: Session
    parts: Annotated[list[Part], Field(min_length=1, max_length=500)]


def json_schema() -> dict[str, Any]:
    """The JSON Schema printed by ``timekeeper schema``."""
    schema = RunningOrderFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Timekeeper running order"
    schema["description"] = (
        "A [session] and its [[parts]]; a part's budget is shared by the segments inside it."
    )
    return schema
