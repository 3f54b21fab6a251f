"""Reading a timing log, tolerantly: what is valid is used, what is not is named.

A torn last line (the app was killed mid-write) is skipped with a warning; a garbage line in
the middle is skipped with a warning naming its line; a header from a newer schema is refused
with one clear sentence, because guessing at a future format could misreport a session.
"""

from __future__ import annotations

import json
import json.scanner
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from pydantic import ValidationError

from app.engine import Timeline
from app.engine.events import Event, EventFormatError, Goto, PlanChanged, event_from_dict
from app.inputs import InputError, read_bounded, read_head
from app.model.errors import validation_problem
from app.model.plan import Plan
from app.timing_log.errors import LogError
from app.timing_log.format import SCHEMA_VERSION, LogHeader

MAX_LOG_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class LoggedEvent:
    seq: int
    wall: datetime
    event: Event


@dataclass
class TimingLog:
    path: Path
    header: LogHeader
    records: list[LoggedEvent] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ends_with_newline: bool = True

    @property
    def events(self) -> list[Event]:
        return [r.event for r in self.records]

    @property
    def last_seq(self) -> int:
        return self.records[-1].seq if self.records else 0

    @property
    def last_wall(self) -> datetime:
        return self.records[-1].wall if self.records else self.header.created

    @property
    def source_sha256(self) -> str:
        """The hash of the running-order file as last taken in (edits during the session
        travel in PlanChanged events)."""
        for record in reversed(self.records):
            if isinstance(record.event, PlanChanged):
                return record.event.source_sha256
        return self.header.source_sha256

    def timeline(self, *, replay: bool = False) -> Timeline:
        """The log's events on the engine's one time line (``replay``: ready to scrub)."""
        header = self.header
        if replay:
            return Timeline.for_replay(
                header.plan,
                self.events,
                planned_start_t=header.planned_start_t,
                on_planned_date=header.on_planned_date,
            )
        return Timeline(
            header.plan,
            self.events,
            planned_start_t=header.planned_start_t,
            on_planned_date=header.on_planned_date,
        )

    @property
    def finished(self) -> bool:
        """True when the session was ended cleanly (an End that no undo took back)."""
        return self.timeline().final().finished


def read_header(path: Path) -> LogHeader:
    """Only the first line: cheap enough to list a folder of logs."""
    try:
        first = read_head(path, limit=16 * 1024 * 1024, what="a .jsonl timing log")
    except InputError as exc:  # a FIFO, a device, a folder: one sentence, never a wait
        raise LogError(str(exc)) from None
    except OSError as exc:
        raise LogError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return _parse_header(first, path)


def _parse_header(raw: bytes, path: Path) -> LogHeader:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a log opened and saved in Windows Notepad: the BOM is harmless
    if not raw.strip():
        raise LogError(f"{path}: empty file, expected a Timekeeper timing log")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise LogError(f"{path}, line 1: not a Timekeeper timing log (no JSON header)") from None
    except ValueError:  # Python's 4300-digit limit on integers, which json does not catch
        raise LogError(
            f"{path}, line 1: the header holds a number with too many digits; "
            "this is not a log Timekeeper wrote"
        ) from None
    if not isinstance(data, dict) or data.get("type") != "header":
        raise LogError(f"{path}, line 1: not a Timekeeper timing log (no header line)")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise LogError(f"{path}, line 1: the header has no schema version")
    if schema < 1:
        raise LogError(
            f"{path}, line 1: log schema {schema} does not exist (schemas are numbered from 1; "
            f"this version reads up to {SCHEMA_VERSION}); this is not a log Timekeeper wrote"
        )
    if schema > SCHEMA_VERSION:
        raise LogError(
            f"{path}: written by a newer Timekeeper (log schema {schema}, this version reads "
            f"up to {SCHEMA_VERSION}); update Timekeeper to open it"
        )
    try:
        return LogHeader.from_dict(data)
    except ValidationError as exc:  # in words, never pydantic's dump (app.model.errors)
        where, problem = validation_problem(exc)
        raise LogError(f"{path}, line 1: invalid header field {where}: {problem}") from None
    except RecursionError:
        raise LogError(f"{path}, line 1: the header is nested too deeply") from None


def _goto_warning(event: Event, segments: int, number: int) -> str | None:
    """A go-to whose segment the plan does not have: the engine ignores it, the user is told."""
    if not isinstance(event, Goto) or 0 <= event.segment < segments:
        return None
    return (
        f"line {number}: goto to segment {event.segment}, but the plan has {segments} "
        f"(numbered 0 to {segments - 1}); ignored"
    )


def read_log(path: str | Path) -> TimingLog:
    """Read a whole log. Raises LogError only when nothing usable is there."""
    path = Path(path)
    try:
        data = read_bounded(path, limit=MAX_LOG_BYTES, what="a .jsonl timing log")
    except FileNotFoundError:
        raise LogError(f"{path}: no such file") from None
    except InputError as exc:  # a FIFO, a device, a folder, too large: one sentence
        raise LogError(str(exc)) from None
    except OSError as exc:
        raise LogError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    lines = data.split(b"\n")
    header = _parse_header(lines[0], path)
    log = TimingLog(path=path, header=header, ends_with_newline=data.endswith(b"\n"))
    try:  # one decoding for the whole file; a file with a bad line is decoded line by line
        texts: list[str] | None = data.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        texts = None
    last_number = len(lines)
    last_seq, last_t = 0, 0.0
    segments = len(header.plan.segments)
    for index in range(1, len(lines)):
        number = index + 1
        record = _written_record(texts[index]) if texts is not None else None
        if record is None:  # anything unusual: the careful path decides, and says why
            raw = lines[index]
            if not raw.strip():
                continue
            try:
                record = _parse_event(raw)
            except (ValueError, EventFormatError, UnicodeDecodeError) as exc:
                if number == last_number and not log.ends_with_newline:
                    log.warnings.append(f"line {number}: incomplete last line skipped (torn write)")
                else:
                    log.warnings.append(f"line {number}: skipped ({exc})")
                continue
        if record.seq <= last_seq:
            log.warnings.append(f"line {number}: skipped (sequence {record.seq} out of order)")
            continue
        if record.event.t < last_t:
            log.warnings.append(f"line {number}: skipped (time goes backwards)")
            continue
        last_seq, last_t = record.seq, record.event.t
        log.records.append(record)
        event = record.event
        if isinstance(event, (PlanChanged, Goto)):  # (the rest pass by: a long log reads fast)
            if isinstance(event, PlanChanged) and isinstance(event.plan, Plan):
                segments = len(event.plan.segments)
            warning = _goto_warning(event, segments, number)
            if warning is not None:
                log.warnings.append(warning)
    return log


# json.loads, less its Python wrappers: a log line is parsed by the C scanner directly, which
# halves the cost of reading a long log. The same grammar: strict JSON, one value per line.
_SCAN = json.scanner.make_scanner(cast(Any, json.JSONDecoder()))  # the stub wants a duck type
_JSON_SPACE = " \t\r\n"


def _json_line(text: str) -> Any:
    text = text.strip(_JSON_SPACE)
    try:
        value, end = _SCAN(text, 0)
    except StopIteration:
        raise ValueError("not JSON: Expecting value") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg}") from None
    except RecursionError:  # "[[[[…": nested deeper than any event is
        raise ValueError("not an event (nested too deep)") from None
    except ValueError:  # Python's 4300-digit limit on integers
        raise ValueError("not an event (a number with too many digits)") from None
    if end != len(text):
        raise ValueError("not JSON: Extra data")
    return value


def _written_record(text: str) -> LoggedEvent | None:
    """The record of a line exactly as the writer writes it, else None.

    The fast path for long logs: it accepts only what ``_parse_event`` accepts, with the same
    result, and leaves every other line (blank, spaced, damaged) to it.
    """
    try:
        data, end = _SCAN(text, 0)
    except (StopIteration, ValueError, RecursionError):
        return None
    if end != len(text) or type(data) is not dict:
        return None
    seq, wall = data.get("seq"), data.get("wall")
    if type(seq) is not int or type(wall) is not str:
        return None
    try:
        when = datetime.fromisoformat(wall)
        event = event_from_dict(data)
    except ValueError:  # EventFormatError included
        return None
    if when.tzinfo is None:
        return None
    return LoggedEvent(seq, when, event)


def _parse_event(raw: bytes) -> LoggedEvent:
    data = _json_line(raw.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("not an event object")
    seq = data.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool):
        raise ValueError("no sequence number")
    wall_text = data.get("wall")
    if not isinstance(wall_text, str):
        raise ValueError("no wall time")
    try:
        wall = datetime.fromisoformat(wall_text)
    except ValueError:
        raise ValueError(f"bad wall time {wall_text!r}") from None
    if wall.tzinfo is None:
        raise ValueError("wall time without UTC offset")
    event = event_from_dict(data)  # reads the type and the event's own fields only
    return LoggedEvent(seq=seq, wall=wall, event=event)
