"""Reading a running order from disk: TOML or JSON, validated, resolved, never written to.

Every failure becomes a RunningOrderError whose message names the file, the line where the
parser knows it, the field path and what was expected. Nothing here evaluates or unpickles.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from app.model.errors import RunningOrderError
from app.model.plan import Plan
from app.model.resolve import BudgetError, resolve
from app.model.schema import Part, RunningOrderFile, Segment, Session, Speaker, Thresholds

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


def load_running_order(path: str | Path) -> LoadedRunningOrder:
    """Read, validate and resolve the running order at ``path``."""
    path = Path(path)
    name = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise RunningOrderError(name, "no such file") from None
    except IsADirectoryError:
        raise RunningOrderError(name, "this is a folder, expected a .toml or .json file") from None
    except OSError as exc:
        raise RunningOrderError(name, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise RunningOrderError(name, "too large for a running order (more than 4 MB)")
    suffix = path.suffix.lower()
    fmt = "json" if suffix == ".json" else "toml"
    plan = parse_running_order(data, name, fmt)
    return LoadedRunningOrder(plan=plan, source=name, sha256=hashlib.sha256(data).hexdigest())


def parse_running_order(data: bytes, source: str, fmt: str = "toml") -> Plan:
    """Validate and resolve a running order given as bytes (``fmt`` is toml or json)."""
    text = _decode(data, source)
    raw = _parse_json(text, source) if fmt == "json" else _parse_toml(text, source)
    if not isinstance(raw, dict):
        raise RunningOrderError(source, "expected a table with [session] and [[parts]] at the top")
    try:
        doc = RunningOrderFile.model_validate(raw)
    except ValidationError as exc:
        raise _from_validation(exc, text, source, fmt) from None
    except RecursionError:
        raise RunningOrderError(source, "nested too deeply to be a running order") from None
    try:
        return resolve(doc)
    except BudgetError as exc:
        line = _locate(text, exc.path) if fmt == "toml" else None
        raise RunningOrderError(source, str(exc), line=line, path=exc.path) from None


def _decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise RunningOrderError(source, "the file is empty, expected a running order")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a BOM from Windows Notepad is harmless: accept it
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


def _parse_toml(text: str, source: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(match.group(1)) if match else None
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        raise RunningOrderError(source, f"not valid TOML: {problem}", line=line) from None
    except RecursionError:
        raise RunningOrderError(source, "nested too deeply to be a running order") from None


def _parse_json(text: str, source: str) -> Any:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RunningOrderError(source, f"not valid JSON: {exc.msg}", line=exc.lineno) from None
    except RecursionError:
        raise RunningOrderError(source, "nested too deeply to be a running order") from None
    if _depth(value) > MAX_NESTING:
        raise RunningOrderError(source, "nested too deeply to be a running order")
    return value


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


def _dotted(loc: tuple[int | str, ...]) -> str:
    out = ""
    for item in loc:
        if isinstance(item, int):
            out += f"[{item}]"
        elif item in ("function-after[_one_level()]",) or "[" in item or "-" in item:
            continue  # pydantic's internal validator names are no use to a user
        else:
            out += f".{item}" if out else item
    return out


def _from_validation(
    exc: ValidationError, text: str, source: str, fmt: str
) -> RunningOrderError:
    """The first error, phrased for a person; a count of the others if there are more."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = tuple(first["loc"])
    path = _dotted(loc)
    kind = first["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        parent = next((str(x) for x in reversed(loc[:-1]) if isinstance(x, str)), "")
        model = _MODELS.get(parent, RunningOrderFile)
        near = difflib.get_close_matches(key, list(model.model_fields), n=1, cutoff=0.6)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        allowed = ", ".join(model.model_fields)
        problem = f"unknown key {key!r}{hint} (expected one of: {allowed})"
    elif kind == "missing":
        problem = "this field is required"
    else:
        message = first["msg"]
        message = re.sub(r"^(Value error|Assertion failed), ", "", message)
        problem = message[0].lower() + message[1:] if message else kind
        if "input" in first and kind not in ("value_error",) and "got" not in problem:
            problem += f", got {_short(first['input'])}"
    if len(errors) > 1:
        problem += f" (and {len(errors) - 1} more error(s))"
    line = _locate(text, path) if fmt == "toml" else None
    return RunningOrderError(source, problem, line=line, path=path or None)


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\s]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


def _locate(text: str, path: str) -> int | None:
    """Best-effort line of a field path in a TOML file written with [[parts]] tables.

    Counts array-of-tables headers to find ``parts[1].segments[0]`` and then the key line.
    Inline tables and dotted keys fall back to no line rather than a wrong one.
    """
    if not path:
        return None
    steps = re.findall(r"([A-Za-z_]+)(?:\[(\d+)\])?", path)
    tables = [(name, int(idx) if idx else None) for name, idx in steps]
    key = tables[-1][0] if tables and tables[-1][1] is None else None
    wanted = [t for t in tables if t[1] is not None or t[0] != key]
    wanted_names = ".".join(n for n, _ in wanted)
    counters: dict[str, int] = {}
    current: list[tuple[str, int | None]] = []
    table_line: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            names = [n.strip() for n in header.group(1).split(".")]
            dotted = ".".join(names)
            if line.lstrip().startswith("[["):
                counters[dotted] = counters.get(dotted, -1) + 1
                for other in list(counters):
                    if other.startswith(dotted + ".") and other != dotted:
                        counters[other] = -1
            current = [
                (n, counters.get(".".join(names[: i + 1]))) for i, n in enumerate(names)
            ]
            if current == wanted or (
                ".".join(n for n, _ in current) == wanted_names and current == wanted
            ):
                table_line = number
                if key is None:
                    return number
            continue
        if key is not None and current == wanted:
            match = _KEY.match(line)
            if match and match.group(1) == key:
                return number
    return table_line
