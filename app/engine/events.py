"""The events of a session: small frozen values, one per control the moderator gives.

Every event carries ``t``: seconds since the session's origin on the monotonic time line (the
"monotonic offset" of the log). The engine never looks at anything else to know what time it
was: the live app, crash recovery and replay fold the same events to the same figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from pydantic import ValidationError

from app.model.plan import Plan

# Where a control came from: the moderator's keys (and buttons), or the remote server's HTTP
# API, its WebSocket or OSC. Written in the log line only when it is not "key" (older logs,
# and every key press, read back as "key").
SOURCES = ("key", "http", "ws", "osc")


@dataclass(frozen=True, slots=True)
class Event:
    t: float
    source: str = field(default="key", kw_only=True)
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


@dataclass(frozen=True, slots=True)
class PlanChanged(Event):
    """The running-order file was edited and taken in during the session.

    Only an edit that keeps every segment in place is taken in while a session runs (same
    count, same titles): the events' segment indices keep their meaning. The new plan travels
    in the log, so recovery, replay and reports see what the moderator saw. Not a control:
    undo never takes it back (the file on disk would still say otherwise).
    """

    plan: Plan
    source_sha256: str
    kind: ClassVar[str] = "plan_changed"
    undoable: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class SetAnchor(Event):
    """The moderator switches what the planned clock times count from: ``"absolute"`` (as
    printed), ``"relative"`` (from the actual start) or ``"auto"`` (the session's rule)."""

    anchor: str
    kind: ClassVar[str] = "anchor"


@dataclass(frozen=True, slots=True)
class SetRoll(Event):
    """Roll mode on or off: the session starts itself at its planned start and moves on at
    the planned clock times."""

    on: bool
    kind: ClassVar[str] = "roll"


AUTO_ACTIONS = frozenset({"start", "next", "load", "end", "roll_off"})
AUTO_CAUSES = frozenset({"roll", "end_action", "manual"})


@dataclass(frozen=True, slots=True)
class Auto(Event):
    """Something the engine did by itself, written to the log for the record (replay and
    reports show it). The time line takes it at the exact instant ``at`` whether or not the
    line was written (the fold derives it: roll mode, an end action at zero, a control that
    left roll mode); folding the line changes nothing. ``t`` is when it was written, never
    before the line preceding it; ``segment`` is the segment it moved to (or left).

    Not a control: undo never takes it back.
    """

    at: float
    action: str  # start, next, load (the next is loaded and waits), end, roll_off
    segment: int
    cause: str  # roll, end_action, manual
    kind: ClassVar[str] = "auto"
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
        PlanChanged,
        SetAnchor,
        SetRoll,
        Auto,
    )
}

ANCHORS = frozenset({"auto", "absolute", "relative"})


MAX_T = 1e9  # about 31 years on the session's time line: anything beyond is not a real session
MAX_SECONDS = 10_000_000  # bound on an adjustment or a catch-up duration (about 115 days)


class EventFormatError(ValueError):
    """A log line whose event is not one this version knows, or has wrong fields."""


# The field names of each event type, looked up once (dataclasses.fields is slow, and a long
# log has tens of thousands of events to read).
_FIELDS: dict[str, tuple[type[Event], tuple[str, ...]]] = {
    kind: (cls, tuple(f.name for f in fields(cls) if f.name != "source"))
    for kind, cls in EVENT_TYPES.items()
}
_OPTIONAL = frozenset({"blink"})  # a field added after schema 1 was first written


def event_to_dict(event: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"type": event.kind}
    for name in _FIELDS[event.kind][1]:
        value = getattr(event, name)
        if name == "durations":
            value = [list(pair) for pair in value]
        elif name == "plan":
            value = value.model_dump(mode="json")
        out[name] = value
    if event.source != "key":
        out["source"] = event.source
    return out


def event_from_dict(data: dict[str, Any]) -> Event:
    """The event a log line's object holds; keys that are not its fields are ignored."""
    kind = data.get("type")
    entry = _FIELDS.get(kind) if isinstance(kind, str) else None
    if entry is None:
        raise EventFormatError(f"unknown event type {kind!r}")
    cls, names = entry
    try:
        args = [data[name] for name in names]
    except KeyError as missing:
        if missing.args[0] not in _OPTIONAL:
            raise EventFormatError(f"event {kind!r} lacks field {missing.args[0]!r}") from None
        args = [data[name] for name in names if name in data]  # optional fields come last
    source = data.get("source", "key")
    if source not in SOURCES:
        raise EventFormatError(f"event {kind!r}: unknown source {source!r}")
    try:
        return _checked(cls(*args, source=source))
    except (TypeError, ValueError) as exc:
        raise EventFormatError(f"event {kind!r}: {exc}") from None


def _checked(event: Event) -> Event:
    """Types from JSON are checked here, so the fold can trust every event it gets."""
    t = event.t
    if (type(t) is not float and (isinstance(t, bool) or not isinstance(t, int))) or t != t:
        raise ValueError("t must be a number")
    if not 0 <= t <= MAX_T:
        raise ValueError(f"t must be a finite offset between 0 and {MAX_T:.0f}")
    check = _CHECKS.get(type(event))
    return event if check is None else check(event)


def _whole(value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("expected a whole number")


def _check_goto(event: Goto) -> Event:
    _whole(event.segment)
    return event


def _check_adjust(event: Adjust) -> Event:
    _whole(event.seconds)
    if abs(event.seconds) > MAX_SECONDS:
        raise ValueError("adjustment out of range")
    return event


def _check_message(event: SetMessage) -> Event:
    if not isinstance(event.text, str) or not isinstance(event.blink, bool):
        raise ValueError("message text must be text")
    return event


def _check_on(event: BlinkMessage | Blackout) -> Event:
    if not isinstance(event.on, bool):
        raise ValueError("on must be true or false")
    return event


def _check_anchor(event: SetAnchor) -> Event:
    if event.anchor not in ANCHORS:
        raise ValueError("anchor must be auto, absolute or relative")
    return event


def _check_roll(event: SetRoll) -> Event:
    if not isinstance(event.on, bool):
        raise ValueError("on must be true or false")
    return event


def _check_auto(event: Auto) -> Event:
    at: Any = event.at
    if isinstance(at, bool) or not isinstance(at, int | float) or not 0 <= at <= MAX_T:
        raise ValueError("at must be an offset between 0 and the event's t")
    _whole(event.segment)
    if event.action not in AUTO_ACTIONS or event.cause not in AUTO_CAUSES:
        raise ValueError("unknown automatic action")
    return Auto(
        t=event.t, at=float(at), action=event.action, segment=event.segment, cause=event.cause
    )


def _check_resumed(event: Resumed) -> Event:
    gap: Any = event.gap_s
    if isinstance(gap, bool) or not isinstance(gap, int | float) or not 0 <= gap <= MAX_T:
        raise ValueError("gap_s must be a number of seconds >= 0")
    return event


def _check_catch_up(event: ApplyCatchUp) -> Event:
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
    return ApplyCatchUp(t=event.t, durations=tuple(pairs), source=event.source)


def _check_plan_changed(event: PlanChanged) -> Event:
    raw: Any = event.plan
    if not isinstance(event.source_sha256, str):
        raise ValueError("source_sha256 must be text")
    if isinstance(raw, Plan):
        return event
    if not isinstance(raw, dict):
        raise ValueError("plan must be an object")
    try:
        plan = Plan.model_validate(raw)
    except ValidationError:
        raise ValueError("plan is not a resolved running order") from None
    return PlanChanged(t=event.t, plan=plan, source_sha256=event.source_sha256, source=event.source)


_CHECKS: dict[type[Event], Callable[[Any], Event]] = {
    Goto: _check_goto,
    Adjust: _check_adjust,
    SetMessage: _check_message,
    BlinkMessage: _check_on,
    Blackout: _check_on,
    Resumed: _check_resumed,
    ApplyCatchUp: _check_catch_up,
    PlanChanged: _check_plan_changed,
    SetAnchor: _check_anchor,
    SetRoll: _check_roll,
    Auto: _check_auto,
}
