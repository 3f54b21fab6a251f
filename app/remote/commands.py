"""The remote commands: their names and their arguments, checked before they reach the engine.

The same names serve ``POST /api/v1/<command>``, the WebSocket's ``command`` message and OSC's
``/timekeeper/<command>`` (the README's Remote section). A command is checked here, on the server's
thread; the Qt thread only runs what passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.engine.events import MAX_SECONDS

COMMANDS = (
    "start",
    "pause",
    "toggle",
    "next",
    "previous",
    "goto",
    "add",
    "blackout",
    "message",
    "clear-message",
    "undo",
)
MAX_MESSAGE_CHARS = 500  # a message is a line on the projector, not a document
SOURCES = ("http", "ws", "osc")


class CommandError(ValueError):
    """A command that cannot be run as given; the message is one sentence for the client."""


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    source: str
    index: int | None = None  # goto
    seconds: int | None = None  # add
    text: str | None = None  # message
    blink: bool = False  # message


def _whole(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise CommandError(f"{what} must be a whole number")
    return value


def parse_command(name: str, args: Any, source: str) -> Command:
    """The checked command, or CommandError naming what is wrong."""
    if name not in COMMANDS:
        raise CommandError(f"unknown command {name[:40]!r}; expected one of {', '.join(COMMANDS)}")
    if args is None:
        args = {}
    if not isinstance(args, dict):
        raise CommandError("args must be a JSON object")
    if name == "goto":
        if "index" not in args:
            raise CommandError("goto needs an index (the segment's number, from 0)")
        index = _whole(args["index"], "index")
        if index < 0:
            raise CommandError("index must be 0 or more")
        return Command(name, source, index=index)
    if name == "add":
        if "seconds" not in args:
            raise CommandError("add needs seconds (a whole number, negative to remove time)")
        seconds = _whole(args["seconds"], "seconds")
        if seconds == 0 or abs(seconds) > MAX_SECONDS:
            raise CommandError(
                f"seconds must be a whole number between -{MAX_SECONDS} and {MAX_SECONDS}, not 0"
            )
        return Command(name, source, seconds=seconds)
    if name == "message":
        text = args.get("text")
        if not isinstance(text, str) or not text.strip():
            raise CommandError("message needs a text")
        if len(text) > MAX_MESSAGE_CHARS:
            raise CommandError(f"the message is longer than {MAX_MESSAGE_CHARS} characters")
        blink = args.get("blink", False)
        if not isinstance(blink, bool):
            if blink in (0, 1):
                blink = bool(blink)
            else:
                raise CommandError("blink must be true or false")
        return Command(name, source, text=text.strip(), blink=blink)
    return Command(name, source)


def osc_args(name: str, values: list[Any]) -> dict[str, Any]:
    """An OSC message's arguments as the command's ``args``: ``/timekeeper/add 60``,
    ``/timekeeper/goto 3``, ``/timekeeper/message "Merci de conclure" [1]``."""
    if name == "goto" and values:
        return {"index": values[0]}
    if name == "add" and values:
        return {"seconds": values[0]}
    if name == "message" and values:
        out: dict[str, Any] = {"text": values[0]}
        if len(values) > 1:
            out["blink"] = values[1]
        return out
    return {}
