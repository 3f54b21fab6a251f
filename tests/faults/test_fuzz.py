"""Fuzzing the two file readers: whatever the bytes, the running-order loader raises only
RunningOrderError and the log reader only LogError; and what the log reader accepts, the
replay, the live engine and the report fold without an exception.

Inputs are random bytes, random documents built from the format's own vocabulary (so that
validation, budget resolution and the fold are reached, not only the parser), and mutations
of the real seed files. Modest example counts keep the suite fast.
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from app.engine import FakeClock, Timeline, fold
from app.engine.events import EVENT_TYPES
from app.model import RunningOrderError, load_running_order, parse_running_order
from app.reports.formats import render
from app.reports.model import build_report
from app.timing_log.errors import LogError
from app.timing_log.live import start_session
from app.timing_log.reader import read_log
from tests.conftest import SEED

FUZZ = settings(
    max_examples=250,
    deadline=timedelta(seconds=2),  # each input handled within 2 s
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SEED_BYTES = SEED.read_bytes()
_WORK = Path(tempfile.mkdtemp(prefix="tk-fuzz-"))  # one scratch folder for the module
atexit.register(shutil.rmtree, _WORK, True)


# -- vocabulary ---------------------------------------------------------------------------

DURATIONS = ["10'", "8'20\"", "10 min", "1h30", "90s", "00:10:00", "0", "-5'", "1e9s", "", "'"]
CLOCKS = ["16:00", "16h00", "16h", "25:00", "7:5", "16:00:00", "noon"]
KEYS = [
    "format", "session", "parts", "segments", "speakers", "thresholds", "title", "event",
    "date", "start", "hard_end", "timezone", "language", "venue", "room", "budget",
    "duration", "kind", "notes", "name", "role", "organisation", "note", "warning", "final",
    "end_action",
]  # fmt: skip
WORDS = ["talk", "qa", "break", "intro", "advance", "hold", "fr", "en", "Europe/Paris", "x"]

scalars = st.one_of(
    st.sampled_from(DURATIONS + CLOCKS + WORDS),
    st.text(max_size=30),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)


def _tree(leaves: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), children, max_size=6),
        ),
        max_leaves=12,
    )


values = _tree(scalars)
text = st.text(min_size=1, max_size=12).filter(str.strip)
VALID_DURATIONS = ["10'", "8'20\"", "10 min", "1h30", "90s", "00:10:00", "45s", 5, 12]


@st.composite
def _near_valid(draw: st.DrawFn) -> dict[str, Any]:
    """A running order that would load, as written by someone who knows the format."""
    parts: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(1, 4))):
        p: dict[str, Any] = {"title": draw(text)}
        if draw(st.booleans()):
            p["budget"] = draw(st.sampled_from(VALID_DURATIONS))
        segments = []
        for _ in range(draw(st.integers(0, 4))):
            seg: dict[str, Any] = {"title": draw(text)}
            if draw(st.booleans()):
                seg["duration"] = draw(st.sampled_from(VALID_DURATIONS))
            if draw(st.booleans()):
                seg["kind"] = draw(st.sampled_from(["talk", "qa", "break", "panel"]))
            if draw(st.booleans()):
                seg["end_action"] = draw(st.sampled_from(["hold", "advance", "next", "load-next"]))
            if draw(st.booleans()):
                seg["thresholds"] = {"warning": "1'", "final": "10s"}
            if draw(st.booleans()):
                seg["speakers"] = [{"name": draw(text), "role": draw(st.text(max_size=8))}]
            segments.append(seg)
        if segments:
            p["segments"] = segments
        elif "budget" not in p:
            p["budget"] = draw(st.sampled_from(VALID_DURATIONS))
        parts.append(p)
    session: dict[str, Any] = {"title": draw(text), "start": draw(st.sampled_from(CLOCKS[:3]))}
    if draw(st.booleans()):
        session["hard_end"] = "23:30"
    if draw(st.booleans()):
        session["date"] = draw(st.dates())
    return {"format": 1, "session": session, "parts": parts}


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A near-valid running order with up to three edits anywhere: a value replaced by
    anything, a key removed, or a key added."""
    doc = draw(_near_valid())
    for _ in range(draw(st.integers(0, 3))):
        node: Any = doc
        while True:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            child = node[key]
            if isinstance(child, dict | list) and child and draw(st.integers(0, 2)):
                node = child
                continue
            action = draw(st.sampled_from(["replace", "remove", "add"]))
            if action == "replace":
                node[key] = draw(values)
            elif action == "remove" and isinstance(node, dict):
                del node[key]
            elif isinstance(node, dict):
                node[draw(st.sampled_from(KEYS))] = draw(values)
            break
    return doc


TOKENS = [b'"', b"'", b"[", b"]", b"[[", b"=", b"\n", b'"""', b"#", b"{", b"}", b",", b"\x00"]


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """The original with a few slices deleted, duplicated or replaced by syntax tokens."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        j = min(len(data), i + draw(st.integers(0, 40)))
        action = draw(st.sampled_from(["delete", "token", "bytes", "duplicate"]))
        if action == "delete":
            del data[i:j]
        elif action == "token":
            data[i:j] = draw(st.sampled_from(TOKENS))
        elif action == "bytes":
            data[i:j] = draw(st.binary(max_size=8))
        else:
            data[i:i] = data[i:j]
    return bytes(data)


def loads_or_refuses(data: bytes, fmt: str) -> None:
    try:
        plan = parse_running_order(data, f"fuzz.{fmt}", fmt)
    except RunningOrderError as exc:
        assert str(exc).startswith(f"fuzz.{fmt}")
        return
    assert plan.segments  # a plan the engine can run: at least one segment


def test_a_part_without_segments_may_last_more_than_24_minutes() -> None:
    """Found by this fuzzing: such a part's budget was re-read as minutes, and a raw pydantic
    ValidationError escaped the loader (fixed in app/model/resolve.py)."""
    data = b'format = 1\n[session]\ntitle = "x"\nstart = "12:00"\n'
    data += b'[[parts]]\ntitle = "Pause d\xc3\xa9jeuner"\nbudget = "1h30"\n'
    try:
        plan = parse_running_order(data, "lunch.toml")
    except ValidationError:
        raise AssertionError("a raw ValidationError escaped the loader") from None
    assert plan.segments[0].planned_s == 5400


# -- running orders -----------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=400), st.sampled_from(["toml", "json"]))
def test_running_order_random_bytes(data: bytes, fmt: str) -> None:
    loads_or_refuses(data, fmt)


@FUZZ
@given(documents())
def test_running_order_documents_toml_and_json(doc: dict[str, Any]) -> None:
    try:
        toml = tomli_w.dumps(doc).encode()
    except (TypeError, ValueError):
        toml = None
    if toml is not None:
        loads_or_refuses(toml, "toml")
    loads_or_refuses(json.dumps(doc, default=str).encode(), "json")


@FUZZ
@given(mutated(SEED_BYTES))
def test_running_order_mutations_of_the_seed(data: bytes) -> None:
    loads_or_refuses(data, "toml")


@FUZZ
@given(st.binary(max_size=300) | mutated(SEED_BYTES), st.sampled_from([".toml", ".json", ""]))
def test_load_running_order_from_disk(data: bytes, suffix: str) -> None:
    path = _WORK / f"running-order{suffix}"
    path.write_bytes(data)
    try:
        load_running_order(path)
    except RunningOrderError as exc:
        assert str(exc).startswith(str(path))


# -- timing logs --------------------------------------------------------------------------


def _a_real_log() -> tuple[bytes, list[bytes]]:
    """The header and event lines of a short real session."""
    clock = FakeClock()
    live = start_session(load_running_order(SEED), clock, _WORK / "logs", recover=False)
    s = live.session
    for step in (s.start, s.next, lambda: s.adjust(60), s.pause, s.undo, s.next, s.end):
        clock.advance(33.3)
        step()
    live.writer.close()
    lines = live.log_path.read_bytes().splitlines()
    return lines[0], lines[1:]


HEADER, EVENT_LINES = _a_real_log()
HEADER_DATA = json.loads(HEADER)

event_values = st.one_of(
    scalars,
    st.integers(-3, 12),
    st.sampled_from([0.0, 1e-7, 33.3, 1e9, 1e10, -1.0, 2**63]),
    st.lists(st.lists(st.integers(-2, 12), max_size=3), max_size=3),
)
event_records = st.fixed_dictionaries(
    {},
    optional={
        "seq": st.integers(-2, 40) | event_values,
        "t": st.floats(min_value=0, max_value=5000) | event_values,
        "wall": st.sampled_from(
            ["2020-09-22T16:00:00+02:00", "2020-09-22T16:00:00", "yesterday", ""]
        )
        | event_values,
        "type": st.sampled_from(sorted(EVENT_TYPES)) | st.text(max_size=8),
        "segment": st.integers(-3, 12) | event_values,
        "seconds": st.integers(-(10**8), 10**8) | event_values,
        "text": st.text(max_size=20) | event_values,
        "blink": event_values,
        "on": event_values,
        "gap_s": event_values,
        "durations": event_values,
    },
)
event_line = st.one_of(
    event_records.map(lambda d: json.dumps(d).encode()),
    st.sampled_from(EVENT_LINES),
    st.sampled_from(EVENT_LINES).flatmap(lambda line: mutated(line)),
    st.binary(max_size=60).filter(lambda b: b"\n" not in b),
)


def _replays(path: Path) -> None:
    """What read_log accepts, the replay, the live engine and the report can fold."""
    log = read_log(path)
    plan, start_t = log.header.plan, log.header.planned_start_t
    last = log.events[-1].t if log.events else 0.0
    snap = fold(plan, log.events, last + 1.0, start_t)
    assert snap.countdown
    engine = Timeline(plan, log.events, planned_start_t=start_t)
    assert engine.snapshot(last + 2.0).countdown
    render(build_report(log), "json")


@FUZZ
@given(st.lists(event_line, max_size=12), st.booleans())
def test_log_lines_after_a_valid_header_never_break_the_reader(
    lines: list[bytes], newline_at_end: bool
) -> None:
    path = _WORK / "fuzz-lines.jsonl"
    path.write_bytes(b"\n".join([HEADER, *lines]) + (b"\n" if newline_at_end else b""))
    _replays(path)  # a valid header: the reader never refuses, it skips and says so


header_edits = st.dictionaries(
    st.sampled_from([*HEADER_DATA.keys(), "x"]),
    st.one_of(values, st.none(), st.integers(-1, 3)),
    max_size=4,
)


@FUZZ
@given(header_edits, st.sets(st.sampled_from(sorted(HEADER_DATA)), max_size=3))
def test_random_headers_are_read_or_refused_with_log_error(
    edits: dict[str, Any], dropped: set[str]
) -> None:
    data = {k: v for k, v in HEADER_DATA.items() if k not in dropped}
    data.update(edits)
    path = _WORK / "fuzz-header.jsonl"
    path.write_bytes(b"\n".join([json.dumps(data, default=str).encode(), *EVENT_LINES]) + b"\n")
    try:
        _replays(path)
    except LogError as exc:
        assert str(exc).startswith(str(path))


@FUZZ
@given(st.binary(max_size=500) | mutated(HEADER + b"\n" + b"\n".join(EVENT_LINES)))
def test_random_files_are_read_or_refused_with_log_error(data: bytes) -> None:
    path = _WORK / "fuzz-file.jsonl"
    path.write_bytes(data)
    try:
        _replays(path)
    except LogError as exc:
        assert str(exc).startswith(str(path))
