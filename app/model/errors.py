"""The one error type the running-order loader raises, and pydantic's errors in words.

The timing-log reader, the importers and the settings phrase their validation errors with the
same helpers, so that no user ever reads a pydantic dump or its documentation URL.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError


class RunningOrderError(Exception):
    """A running order that cannot be used, with a message fit to show a user as is.

    ``str(error)`` is one or two lines: the file, the line when known, the field path and what
    was expected. Callers print it and exit 2; they never need a traceback.
    """

    def __init__(
        self, source: str, problem: str, *, line: int | None = None, path: str | None = None
    ) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        self.path = path
        where = source if line is None else f"{source}, line {line}"
        field = f" {path}:" if path else ""
        super().__init__(f"{where}:{field} {problem}")


# What pydantic's error types mean, in the words of a person who wrote the file. Its own
# messages ("List should have at most 500 items after validation, not 501") and its dumps
# (the input repeated, a URL to its documentation) are for programmers; these name what was
# expected. An error type not listed keeps pydantic's one-line message, without input or URL.
_EXPECTED: dict[str, str] = {
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list ([...])",
    "tuple_type": "expected a list ([...])",
    "dict_type": "expected a table ({...})",
    "model_type": "expected a table ({...})",
    "model_attributes_type": "expected a table ({...})",
    "date_type": "expected a date such as 2020-09-22",
    "date_parsing": "expected a date such as 2020-09-22",
    "date_from_datetime_parsing": "expected a date such as 2020-09-22",
    "datetime_type": "expected a date and time such as 2020-09-22T16:00:00+02:00",
    "datetime_parsing": "expected a date and time such as 2020-09-22T16:00:00+02:00",
    "datetime_from_date_parsing": "expected a date and time such as 2020-09-22T16:00:00+02:00",
    "time_type": "expected a clock time such as 16:00",
    "time_parsing": "expected a clock time such as 16:00",
    "missing": "this field is required",
}


def _items(path: str) -> str:
    """What a list at ``path`` holds, for "at most 500 parts": its last name, or "items"."""
    last = path.rsplit(".", 1)[-1].split("[", 1)[0]
    return last if last else "items"


def shown_value(value: object, limit: int = 60) -> str:
    """A value quoted in a message: its repr, cut to ``limit`` characters."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def describe_error(error: Mapping[str, Any], path: str) -> str:
    """One pydantic error (from ``errors(include_url=False)``) as what was expected, in words."""
    kind = str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    if kind in ("string_too_long", "string_too_short"):
        limit = ctx.get("max_length" if kind == "string_too_long" else "min_length")
        size = len(value) if isinstance(value, str) else None
        if kind == "string_too_short" and limit == 1:
            return "expected some text, got an empty string"
        bound = "at most" if kind == "string_too_long" else "at least"
        has = f", this one has {size}" if size is not None else ""
        return f"expected {bound} {limit} characters{has}"
    if kind in ("too_long", "too_short"):
        limit = ctx.get("max_length" if kind == "too_long" else "min_length")
        actual = ctx.get("actual_length")
        bound = "at most" if kind == "too_long" else "at least"
        has = f", the file has {actual}" if actual is not None else ""
        items = _items(path)
        if limit == 1:  # "at least one part", not "at least 1 parts"
            return f"expected {bound} one {items.removesuffix('s')}{has}"
        return f"expected {bound} {limit} {items}{has}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        words = {
            "greater_than_equal": ("at least", "ge"),
            "less_than_equal": ("at most", "le"),
            "greater_than": ("more than", "gt"),
            "less_than": ("less than", "lt"),
        }[kind]
        return f"expected a number {words[0]} {ctx.get(words[1])}, got {shown_value(value)}"
    if kind in ("literal_error", "enum"):
        return (
            f"expected {ctx.get('expected', 'one of the listed values')}, got {shown_value(value)}"
        )
    if kind in ("value_error", "assertion_error"):
        message = str(error.get("msg", ""))
        message = re.sub(r"^(Value error|Assertion failed), ", "", message)
        if message[:1].isupper() and message[1:2].islower():  # "Input should..." -> "input..."
            message = message[0].lower() + message[1:]
        return message or "not a valid value"
    expected = _EXPECTED.get(kind)
    if expected is None:
        message = str(error.get("msg", "")) or kind
        expected = message[:1].lower() + message[1:]
    if kind == "missing" or "input" not in error:
        return expected
    return f"{expected}, got {shown_value(value)}"


def validation_problem(exc: ValidationError) -> tuple[str, str]:
    """The first error of ``exc`` as (field path, problem), and how many others there are."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    unknown = first["type"] == "extra_forbidden"
    path = dotted_path(tuple(first["loc"]), user_key=unknown)
    problem = "unknown field" if unknown else describe_error(first, path)
    if len(errors) > 1:
        problem += f" (and {len(errors) - 1} more error(s))"
    return path, problem


def dotted_path(loc: tuple[int | str, ...], user_key: bool = False) -> str:
    """``parts[1].segments[0].duration`` from pydantic's location tuple.

    With ``user_key`` the last item is a key the user typed (an unknown key): it is kept as is.
    """
    out = ""
    for number, item in enumerate(loc):
        if isinstance(item, int):
            out += f"[{item}]"
            continue
        typed = user_key and number == len(loc) - 1
        if not typed and ("[" in item or "-" in item):
            continue  # pydantic's internal validator names are no use to a user
        out += f".{item}" if out else item
    return out
