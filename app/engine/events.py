"""The events of a session: small frozen values, one per control the moderator gives.

Every event carries ``t``: seconds since the session's origin on the monotonic time line (the
"monotonic offset" of the log). The engine never looks at anything else to know what time it
was: the live app, crash recovery and replay fold the same events to the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class Event:
    t: float
    kind: ClassVar[str] = "event"
    undoable: ClassVar[bool] = True  # a control the moderator gave, which undo can take back


@dataclass(frozen=True, slots=True)
class Start(Event):
    kind: ClassVar[str] = "start"


@dataclass(frozen=True, slots=True)
class Pause(Event):
    kind: ClassVar[str] = "pause"


@dataclass(frozen=True, slots=True)
class Resume(Event):
    kind: ClassVar[str] = "resume"


@dataclass(frozen=True, slots=True)
class Next(Event):
    kind: ClassVar[str] = "next"


@dataclass(frozen=True, slots=True)
class Previous(Event):
    kind: ClassVar[str] = "previous"


@dataclass(frozen=True, slots=True)
class Goto(Event):
    segment: int
    kind: ClassVar[str] = "goto"


@dataclass(frozen=True, slots=True)
class Adjust(Event):
    """Add (or, negative, remove) time to the current segment."""

    seconds: int
    kind: ClassVar[str] = "adjust"


@dataclass(frozen=True, slots=True)
class SetMessage(Event):
    text: str
    blink: bool = False
    kind: ClassVar[str] = "message"


@dataclass(frozen=True, slots=True)
class BlinkMessage(Event):
    on: bool
    kind: ClassVar[str] = "message_blink"


@dataclass(frozen=True, slots=True)
class ClearMessage(Event):
    kind: ClassVar[str] = "message_clear"


@dataclass(frozen=True, slots=True)
class Blackout(Event):
    on: bool
    kind: ClassVar[str] = "blackout"


@dataclass(frozen=True, slots=True)
class ApplyCatchUp(Event):
    """New planned durations for segments still to come: ((segment, seconds), ...)."""

    durations: tuple[tuple[int, int], ...]
    kind: ClassVar[str] = "catch_up"


@dataclass(frozen=True, slots=True)
class End(Event):
    kind: ClassVar[str] = "end"


@dataclass(frozen=True, slots=True)
class Undo(Event):
    """Take back the last control not yet taken back, as if it had never been given."""

    kind: ClassVar[str] = "undo"
    undoable: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class Resumed(Event):
    """The app came back after being down for ``gap_s`` seconds (measured on the wall clock).

    Not a control: undo never takes it back. The session went on in the room meanwhile, so the
    time line simply continues; this marks the downtime for reports.
    """

    gap_s: float
    kind: ClassVar[str] = "resumed"
    undoable: ClassVar[bool] = False


EVENT_TYPES: dict[str, type[Event]] = {
    cls.kind: cls
    for cls in (
        Start,
        Pause,
        Resume,
        Next,
        Previous,
        Goto,
        Adjust,
        SetMessage,
        BlinkMessage,
        ClearMessage,
        Blackout,
        ApplyCatchUp,
        End,
        Undo,
        Resumed,
    )
}


MAX_T = 1e9  # about 31 years on the session's time line: anything beyond is not a real session
MAX_SECONDS = 10_000_000  # bound on an adjustment or a catch-up duration (about 115 days)


class EventFormatError(ValueError):
    """A log line whose event is not one this version knows, or has wrong fields."""


def event_to_dict(event: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"type": event.kind}
    for f in fields(event):
        value = getattr(event, f.name)
        out[f.name] = [list(pair) for pair in value] if f.name == "durations" else value
    return out


def event_from_dict(data: dict[str, Any]) -> Event:
    kind = data.get("type")
    cls = EVENT_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise EventFormatError(f"unknown event type {kind!r}")
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            if f.name == "blink":
                continue
            raise EventFormatError(f"event {kind!r} lacks field {f.name!r}")
        values[f.name] = data[f.name]
    try:
        return _checked(cls(**values))
    except (TypeError, ValueError) as exc:
        raise EventFormatError(f"event {kind!r}: {exc}") from None


def _checked(event: Event) -> Event:
    """Types from JSON are checked here, so the fold can trust every event it gets."""
    if isinstance(event.t, bool) or not isinstance(event.t, int | float) or event.t != event.t:
        raise ValueError("t must be a number")
    if not 0 <= event.t <= MAX_T:
        raise ValueError(f"t must be a finite offset between 0 and {MAX_T:.0f}")
    if isinstance(event, Goto | Adjust):
        value = event.segment if isinstance(event, Goto) else event.seconds
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("expected a whole number")
        if isinstance(event, Adjust) and abs(value) > MAX_SECONDS:
            raise ValueError("adjustment out of range")
    if isinstance(event, SetMessage) and (
        not isinstance(event.text, str) or not isinstance(event.blink, bool)
    ):
        raise ValueError("message text must be text")
    if isinstance(event, BlinkMessage | Blackout) and not isinstance(event.on, bool):
        raise ValueError("on must be true or false")
    if isinstance(event, Resumed) and (
        isinstance(event.gap_s, bool)
        or not isinstance(event.gap_s, int | float)
        or not 0 <= event.gap_s <= MAX_T
    ):
        raise ValueError("gap_s must be a number of seconds >= 0")
    if isinstance(event, ApplyCatchUp):
        raw: Any = event.durations
        if not isinstance(raw, list | tuple):
            raise ValueError("durations must be a list")
        pairs = []
        for pair in raw:
            if (
                not isinstance(pair, list | tuple)
                or len(pair) != 2
                or not all(isinstance(x, int) and not isinstance(x, bool) for x in pair)
                or not 0 < pair[1] <= MAX_SECONDS
            ):
                raise ValueError("durations must be [segment, seconds] pairs")
            pairs.append((pair[0], pair[1]))
        return ApplyCatchUp(t=event.t, durations=tuple(pairs))
    return event
