"""Reading a running order from disk: TOML or JSON, validated, resolved, never written to.

Every failure becomes a RunningOrderError whose message names the file, the line where the
parser knows it, the field path and what was expected. Nothing here evaluates or unpickles.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from app.inputs import InputError, read_bounded
from app.model.errors import RunningOrderError, describe_error, dotted_path
from app.model.plan import Plan
from app.model.resolve import BudgetError, resolve
from app.model.schema import (
    FORMAT_VERSION,
    Part,
    RunningOrderFile,
    Segment,
    Session,
    Speaker,
    Thresholds,
)

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_NESTING = 64

_MODELS: dict[str, type[BaseModel]] = {
    "session": Session,
    "parts": Part,
    "segments": Segment,
    "speakers": Speaker,
    "thresholds": Thresholds,
}


@dataclass(frozen=True)
class LoadedRunningOrder:
    plan: Plan
    source: str
    sha256: str  # of the file's bytes: recovery matches a log to the file it ran


def load_running_order(path: str | Path, defaults: Thresholds | None = None) -> LoadedRunningOrder:
    """Read, validate and resolve the running order at ``path``."""
    path = Path(path)
    name = str(path)
    try:
        data = read_bounded(path, limit=MAX_FILE_BYTES, what="a running order (.toml or .json)")
    except FileNotFoundError:
        raise RunningOrderError(name, "no such file") from None
    except InputError as exc:  # a FIFO, a device, a folder, too large: one sentence
        raise RunningOrderError(name, exc.problem) from None
    if len(data) > MAX_FILE_BYTES:
        raise RunningOrderError(name, "too large for a running order (more than 4 MB)")
    suffix = path.suffix.lower()
    fmt = "json" if suffix == ".json" else "toml"
    plan = parse_running_order(data, name, fmt, defaults)
    return LoadedRunningOrder(plan=plan, source=name, sha256=hashlib.sha256(data).hexdigest())


def parse_running_order(
    data: bytes, source: str, fmt: str = "toml", defaults: Thresholds | None = None
) -> Plan:
    """Validate and resolve a running order given as bytes (``fmt`` is toml or json)."""
    text = _decode(data, source)
    raw = _parse_json(text, source) if fmt == "json" else _parse_toml(text, source)
    if not isinstance(raw, dict):
        raise RunningOrderError(source, "expected a table with [session] and [[parts]] at the top")
    if _depth(raw) > MAX_NESTING:
        raise RunningOrderError(source, "nested too deeply to be a running order")
    try:
        doc = RunningOrderFile.model_validate(raw)
    except ValidationError as exc:
        raise _from_validation(exc, text, source, fmt) from None
    except RecursionError:
        raise RunningOrderError(source, "nested too deeply to be a running order") from None
    try:
        return resolve(doc, defaults)
    except BudgetError as exc:
        line = _locate(text, exc.path) if fmt == "toml" else None
        raise RunningOrderError(source, str(exc), line=line, path=exc.path) from None


def _decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise RunningOrderError(source, "the file is empty, expected a running order")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a BOM from Windows Notepad is harmless: accept it
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RunningOrderError(source, "saved as UTF-16; save the file as UTF-8")
    if b"\x00" in data:
        raise RunningOrderError(source, "this is a binary file, expected UTF-8 text (TOML or JSON)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RunningOrderError(
            source,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            line=line,
        ) from None


# Python refuses to read integers of more than 4300 digits (CVE-2020-10735), with a ValueError
# that neither tomllib nor json turns into a syntax error.
_LONG_NUMBER = re.compile(r"\d{4000,}")


def _too_long_number(text: str, source: str, kind: str, exc: ValueError) -> RunningOrderError:
    match = _LONG_NUMBER.search(text)
    if match is None:  # not the digit limit: say what the parser said
        return RunningOrderError(source, f"not valid {kind}: {exc}")
    line = text.count("\n", 0, match.start()) + 1
    return RunningOrderError(source, f"not valid {kind}: a number has too many digits", line=line)


def _parse_toml(text: str, source: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(match.group(1)) if match else None
        if line is None and "(at end of document)" in message:
            line = max(1, len(text.splitlines()))  # e.g. a string left open in a cut file
        problem = re.sub(r"\s*\(at end of document\)", "", message)
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", problem)
        problem += _quote_hint(text, line)
        raise RunningOrderError(source, f"not valid TOML: {problem}", line=line) from None
    except RecursionError:
        raise RunningOrderError(source, "nested too deeply to be a running order") from None
    except ValueError as exc:
        raise _too_long_number(text, source, "TOML", exc) from None


_UNQUOTED = re.compile(r"\s*([A-Za-z0-9_.\-]+)\s*=\s*([^\s\"'\[{#][^#]*?)\s*(?:#.*)?")


def _quote_hint(text: str, line: int | None) -> str:
    """``budget = 30'`` or ``start = 16:00`` is the usual TOML slip: say how to write it."""
    if line is None:
        return ""
    lines = text.splitlines()
    if not 0 < line <= len(lines) or len(lines[line - 1]) > 200:
        return ""
    match = _UNQUOTED.fullmatch(lines[line - 1])
    if match is None:
        return ""
    key, value = match.groups()
    return f"; text needs quotes: {key} = {json.dumps(value, ensure_ascii=False)}"


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads keeps the last of two equal keys without a word: a running order with two
    "duration" keys would run on the one the moderator did not read. Refuse it instead."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


def _duplicate_line(text: str, key: str) -> int | None:
    """The line of the second ``"key":`` when the key is written only twice (else unknown:
    the hook that finds the duplicate is not told where it is)."""
    found = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text)]
    if len(found) != 2:
        found = [
            m.start()
            for m in re.finditer(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:", text)
        ]
    return text.count("\n", 0, found[1]) + 1 if len(found) == 2 else None


def _parse_json(text: str, source: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as exc:
        problem = f"not valid JSON: the key {_short(exc.key)} is given twice in the same object"
        raise RunningOrderError(source, problem, line=_duplicate_line(text, exc.key)) from None
    except json.JSONDecodeError as exc:
        problem = f"not valid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"
        raise RunningOrderError(source, problem, line=exc.lineno) from None
    except RecursionError:
        raise RunningOrderError(source, "nested too deeply to be a running order") from None
    except ValueError as exc:
        raise _too_long_number(text, source, "JSON", exc) from None


def _depth(value: Any) -> int:
    depth, level = 0, [value]
    while level:
        depth += 1
        nxt: list[Any] = []
        for item in level:
            if isinstance(item, dict):
                nxt.extend(item.values())
            elif isinstance(item, list):
                nxt.extend(item)
        level = nxt
        if depth > MAX_NESTING:
            break
    return depth


def _pick(errors: list[Any]) -> Any:
    """The error to show: a misspelt key explains a missing field, so it comes first."""
    first = errors[0]
    if first["type"] == "missing":
        parent = tuple(first["loc"])[:-1]
        for other in errors:
            if other["type"] == "extra_forbidden" and tuple(other["loc"])[:-1] == parent:
                return other
    return first


def _from_validation(exc: ValidationError, text: str, source: str, fmt: str) -> RunningOrderError:
    """The first error, phrased for a person; a count of the others if there are more."""
    errors = exc.errors(include_url=False)
    first = _pick(errors)
    loc = tuple(first["loc"])
    kind = first["type"]
    path = dotted_path(loc, user_key=kind == "extra_forbidden")
    if kind == "extra_forbidden":
        key = str(loc[-1])
        parent = next((str(x) for x in reversed(loc[:-1]) if isinstance(x, str)), "")
        model = _MODELS.get(parent, RunningOrderFile)
        near = difflib.get_close_matches(key, list(model.model_fields), n=1, cutoff=0.6)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        allowed = ", ".join(model.model_fields)
        problem = f"unknown key {_short(key)}{hint} (expected one of: {allowed})"
    elif kind == "missing":
        problem = "this field is required"
    elif path == "format" and kind == "literal_error":
        problem = (
            f"this file is in format {_short(first.get('input'))}; "
            f"this version of Timekeeper reads format {FORMAT_VERSION}"
        )
    else:
        problem = describe_error(first, path)
    if len(errors) > 1:
        problem += f" (and {len(errors) - 1} more error(s))"
    line = _locate(text, path) if fmt == "toml" else None
    return RunningOrderError(source, problem, line=line, path=path or None)


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


# Where is a field path in a TOML file? A small lexer walks the (already valid) document once,
# linearly, and yields each table header and each key with the line it starts on. It knows
# strings (so a "[[parts]]" inside a multi-line note is not a header) and arrays spanning lines.
Step = tuple[str, int | None]

_BLANK = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_SPACES = re.compile(r"[ \t]*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_\-]+")
_BASIC_REST = re.compile(r'[^"\\\n]*(?:\\.[^"\\\n]*)*"')
_VALUE_TOKEN = re.compile(r"\"\"\"|'''|[\"'#\[\]{}\n]")
_PATH_STEP = re.compile(r"([^.\[\]]+)((?:\[\d+\])*)")


def _match_end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    match = pattern.match(text, pos)
    if match is None:
        raise ValueError(f"unexpected text at {pos}")
    return match.end()


def _read_key(text: str, pos: int) -> tuple[list[str], int]:
    """A dotted key (bare or quoted parts) starting at ``pos``; returns the parts and the end."""
    names: list[str] = []
    while True:
        pos = _match_end(_SPACES, text, pos)
        char = text[pos : pos + 1]
        if char == '"':
            end = _match_end(_BASIC_REST, text, pos + 1)
            names.append(str(json.loads(text[pos:end])))
            pos = end
        elif char == "'":
            end = text.index("'", pos + 1)
            names.append(text[pos + 1 : end])
            pos = end + 1
        else:
            end = _match_end(_BARE_KEY, text, pos)
            names.append(text[pos:end])
            pos = end
        pos = _match_end(_SPACES, text, pos)
        if not text.startswith(".", pos):
            return names, pos
        pos += 1


def _skip_value(text: str, pos: int) -> int:
    """Past the value that starts at ``pos`` (strings, arrays and inline tables included)."""
    depth = 0
    while True:
        match = _VALUE_TOKEN.search(text, pos)
        if match is None:
            return len(text)
        token, pos = match.group(), match.end()
        if token == "\n":
            if depth <= 0:
                return pos
        elif token == "#":
            end = text.find("\n", pos)
            pos = len(text) if end < 0 else end
        elif token in ('"""', "'''"):
            pos = _end_of_multiline(text, pos, token)
        elif token == '"':
            pos = _match_end(_BASIC_REST, text, pos)
        elif token == "'":
            pos = text.index("'", pos) + 1
        elif token in "[{":
            depth += 1
        else:
            depth -= 1


def _end_of_multiline(text: str, pos: int, quote: str) -> int:
    while True:
        end = text.index(quote, pos)
        escapes = 0
        while quote == '"""' and text[end - 1 - escapes] == "\\":
            escapes += 1
        if escapes % 2 == 0:
            end += 3
            while text.startswith(quote[0], end):  # """" ends the string with one quote in it
                end += 1
            return end
        pos = end + 1


def _toml_entries(text: str) -> Iterator[tuple[int, list[Step]]]:
    """(line, path) of every table header and key of a valid TOML document, in order."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    counters: dict[tuple[Step | str, ...], int] = {}
    table: list[Step] = []
    pos = 0
    while True:
        pos = _match_end(_BLANK, text, pos)
        if pos >= len(text):
            return
        line = bisect.bisect_left(newlines, pos) + 1
        if text[pos] == "[":
            double = text.startswith("[[", pos)
            names, pos = _read_key(text, pos + (2 if double else 1))
            pos += 2 if double else 1
            table = []
            for number, name in enumerate(names):
                key: tuple[Step | str, ...] = (*table, name)
                if double and number == len(names) - 1:
                    counters[key] = counters.get(key, -1) + 1
                table.append((name, counters.get(key)))
            yield line, table
            pos = _skip_value(text, pos)  # the rest of the line: spaces and a comment
        else:
            names, pos = _read_key(text, pos)
            yield line, table + [(name, None) for name in names]
            pos = _skip_value(text, pos + 1)  # past the "=" and the value


def _score(found: list[Step], wanted: list[Step]) -> float:
    """How much of ``wanted`` the entry ``found`` pins down (an inline array counts half)."""
    if len(found) > len(wanted):
        return 0.0  # something inside the field, not the field
    score = 0.0
    for (name, index), (want_name, want_index) in zip(found, wanted, strict=False):
        if name != want_name:
            return 0.0
        if index != want_index and want_index is not None:
            # A key holding an inline array (``speakers = [...]``) is as close as it gets.
            return score + 0.5 if index is None and len(found) == int(score) + 1 else 0.0
        score += 1  # the same table, or the first table of the array the path names
    return score


def _locate(text: str, path: str) -> int | None:
    """Best-effort line of a field path (``parts[1].segments[0].duration``) in a TOML file.

    The line of the key itself when the file has it, else of the closest table that holds it
    (``[[parts.segments]]``, or the key of an inline array); None rather than a wrong line.
    """
    wanted: list[Step] = []
    for name, indices in _PATH_STEP.findall(path):
        numbers = [int(n) for n in re.findall(r"\d+", indices)]
        wanted.append((name, numbers[0] if numbers else None))
    if not wanted:
        return None
    best_line, best = None, 0.0
    try:
        for line, found in _toml_entries(text):
            score = _score(found, wanted)
            if score > best:
                best_line, best = line, score
                if score == len(wanted):
                    break
    except (ValueError, IndexError):
        return best_line  # the lexer is best effort: a line found so far is still right
    return best_line
