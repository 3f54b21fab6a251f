"""The timing log on disk (ARCHITECTURE.md §4): JSON Lines, a header that replays on its own, every
event with a sequence number, a monotonic offset and a wall time with its UTC offset; a
reader that skips what it cannot use with a warning and refuses a newer schema."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.engine import (
    Adjust,
    ApplyCatchUp,
    Auto,
    Blackout,
    BlinkMessage,
    ClearMessage,
    End,
    Event,
    Goto,
    Next,
    Pause,
    PlanChanged,
    Previous,
    Resume,
    Resumed,
    SetAnchor,
    SetMessage,
    SetRoll,
    Start,
    Undo,
)
from app.engine.events import EVENT_TYPES
from app.reports.model import build_report
from app.timing_log.errors import LogError
from app.timing_log.format import SCHEMA_VERSION, LogHeader, event_line
from app.timing_log.reader import read_header, read_log
from tests.engine.helpers import seed_plan

PARIS = timezone(timedelta(hours=2))
ORIGIN = datetime(2020, 9, 22, 15, 58, 30, tzinfo=PARIS)

EVERY_EVENT: list[Event] = [
    Start(0.0),
    Pause(10.5),
    Resume(20.25),
    Next(30.0),
    Previous(31.0),
    Goto(32.0, 5),
    Adjust(33.0, -60),
    SetMessage(34.0, "Merci de conclure — « vite »", True),
    BlinkMessage(35.0, False),
    ClearMessage(36.0),
    Blackout(37.0, True),
    ApplyCatchUp(38.0, ((6, 780), (7, 240))),
    Undo(39.0),
    Resumed(400.123456, 312.5),
    PlanChanged(
        400.5,
        seed_plan().model_copy(update={"title": "Édité pendant la séance"}),
        "cd" * 32,
    ),
    SetAnchor(400.6, "relative"),
    SetRoll(400.7, True),
    Auto(400.8, 400.75, "next", 3, "roll"),
    End(401.0),
]


def header() -> LogHeader:
    return LogHeader(
        app_version="0.1.0",
        created=ORIGIN,
        session_slug="aict",
        source="/sessions/aict.toml",
        source_sha256="ab" * 32,
        origin_wall=ORIGIN,
        planned_start=datetime(2020, 9, 22, 16, 0, tzinfo=PARIS),
        plan=seed_plan(),
    )


def write_log(path: Path, events: list[Event], tail: str = "") -> Path:
    lines = [header().to_line()]
    lines += [
        event_line(i, e, ORIGIN + timedelta(seconds=e.t)) for i, e in enumerate(events, start=1)
    ]
    path.write_text("\n".join(lines) + "\n" + tail, encoding="utf-8")
    return path


def test_every_kind_of_event_is_in_the_round_trip_list() -> None:
    assert {e.kind for e in EVERY_EVENT} == set(EVENT_TYPES)


def test_a_log_reads_back_every_event_with_its_number_time_and_wall(tmp_path: Path) -> None:
    log = read_log(write_log(tmp_path / "s.jsonl", EVERY_EVENT))
    assert log.warnings == [] and log.ends_with_newline
    assert log.events == EVERY_EVENT
    assert [r.seq for r in log.records] == list(range(1, len(EVERY_EVENT) + 1))
    assert log.records[1].wall == datetime(2020, 9, 22, 15, 58, 40, 500000, tzinfo=PARIS)
    assert log.records[1].wall.utcoffset() == timedelta(hours=2)


def test_the_lines_are_what_the_format_documents(tmp_path: Path) -> None:
    path = write_log(tmp_path / "s.jsonl", [Start(0.0), Goto(12.5, 3)])
    first, *events = path.read_text(encoding="utf-8").splitlines()
    head = json.loads(first)
    assert head["type"] == "header" and head["schema"] == SCHEMA_VERSION
    assert head["origin_wall"] == "2020-09-22T15:58:30+02:00"
    assert [s["planned_s"] for s in head["plan"]["segments"]][:2] == [600, 500]
    assert json.loads(events[1]) == {
        "seq": 2,
        "t": 12.5,
        "wall": "2020-09-22T15:58:42.500000+02:00",
        "type": "goto",
        "segment": 3,
    }


def test_the_header_carries_the_whole_plan_so_a_log_replays_on_its_own(tmp_path: Path) -> None:
    path = write_log(tmp_path / "s.jsonl", [Start(0.0)])
    read = read_header(path)
    assert read.plan == seed_plan()
    assert read.planned_start_t == 90.0  # the planned start lies 1'30" after the log began


def test_a_torn_last_line_is_skipped_with_a_warning(tmp_path: Path) -> None:
    full = event_line(3, Next(700.0), ORIGIN)
    path = write_log(tmp_path / "s.jsonl", [Start(0.0), Next(630.0)], tail=full[:25])
    log = read_log(path)
    assert log.events == [Start(0.0), Next(630.0)]
    assert log.warnings == ["line 4: incomplete last line skipped (torn write)"]
    assert not log.ends_with_newline


def test_bad_lines_in_the_middle_are_skipped_with_a_warning_naming_them(tmp_path: Path) -> None:
    path = write_log(tmp_path / "s.jsonl", [Start(0.0)])
    good = [event_line(n, Next(t), ORIGIN) for n, t in ((2, 10.0), (5, 30.0))]
    with path.open("a", encoding="utf-8") as f:
        f.write("this is not json\n")  # line 3
        f.write(good[0] + "\n")  # line 4
        f.write('{"seq": 3, "t": 11.0, "wall": "2020-09-22T16:00:00", "type": "next"}\n')
        f.write('{"seq": 4, "t": 5.0, "wall": "2020-09-22T16:00:00Z", "type": "next"}\n')
        f.write('{"seq": 1, "t": 12.0, "wall": "2020-09-22T16:00:00Z", "type": "next"}\n')
        f.write('{"seq": 6, "t": 13.0, "wall": "2020-09-22T16:00:00Z", "type": "teleport"}\n')
        f.write('{"seq": 7, "t": 1e300, "wall": "2020-09-22T16:00:00Z", "type": "next"}\n')
        f.write('{"seq": 8, "t": 14.0, "wall": "2020-09-22T16:00:00Z", "type": "goto"}\n')
        f.write("[" * 100_000 + "\n")
        f.write(good[1] + "\n")
    log = read_log(path)
    assert log.events == [Start(0.0), Next(10.0), Next(30.0)]
    reasons = [w.split(": ", 1) for w in log.warnings]
    assert [line for line, _ in reasons] == [f"line {n}" for n in (3, 5, 6, 7, 8, 9, 10, 11)]
    assert "not JSON" in reasons[0][1]
    assert "without UTC offset" in reasons[1][1]
    assert "time goes backwards" in reasons[2][1]
    assert "out of order" in reasons[3][1]
    assert "unknown event type 'teleport'" in reasons[4][1]
    assert "lacks field 'segment'" in reasons[6][1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file, expected a Timekeeper timing log"),
        (b"hello\n", "line 1: not a Timekeeper timing log (no JSON header)"),
        (b'{"seq": 1}\n', "line 1: not a Timekeeper timing log (no header line)"),
        (b'{"type": "header"}\n', "line 1: the header has no schema version"),
        (b"\xff\xfe\n", "line 1: not a Timekeeper timing log (no JSON header)"),
        (b"[" * 100_000 + b"\n", "line 1: not a Timekeeper timing log (no JSON header)"),
        (
            b'{"type": "header", "schema": 99}\n',
            "written by a newer Timekeeper (log schema 99, this version reads up to 1); "
            "update Timekeeper to open it",
        ),
    ],
)
def test_a_file_that_is_not_a_usable_log_is_refused_in_one_sentence(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(content)
    with pytest.raises(LogError) as caught:
        read_log(path)
    assert str(caught.value) == f"{path}: {message}" or str(caught.value) == f"{path}, {message}"
    assert "\n" not in str(caught.value)


def test_an_invalid_header_names_the_field(tmp_path: Path) -> None:
    data = json.loads(header().to_line())
    data["plan"]["segments"][0]["planned_s"] = "ten minutes"
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(data) + "\n", encoding="utf-8")
    with pytest.raises(
        LogError, match=r"line 1: invalid header field plan\.segments\[0\]\.planned_s: expected"
    ):
        read_log(path)


def test_a_missing_file_and_a_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(LogError, match="no such file"):
        read_log(tmp_path / "nope.jsonl")
    with pytest.raises(LogError, match="this is a folder"):
        read_log(tmp_path)


_garbage = st.one_of(
    st.binary(max_size=60),
    st.text(max_size=60).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.builds(
        lambda d: json.dumps(d).encode(),
        st.dictionaries(
            st.sampled_from(["seq", "t", "wall", "type", "segment", "seconds", "text", "on"]),
            st.one_of(
                st.integers(-(10**20), 10**20),
                st.floats(allow_nan=True, allow_infinity=True),
                st.text(max_size=10),
                st.sampled_from(sorted(EVENT_TYPES)),
                st.sampled_from(["2020-09-22T16:00:00Z", "2020-09-22T16:00:00"]),
                st.booleans(),
                st.none(),
            ),
        ),
    ),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(noise=st.lists(st.tuples(st.integers(0, 16), _garbage), max_size=6))
def test_no_garbage_between_good_lines_breaks_reading_or_the_report(
    tmp_path: Path, noise: list[tuple[int, bytes]]
) -> None:
    path = write_log(tmp_path / "fuzz.jsonl", EVERY_EVENT)
    lines = path.read_bytes().split(b"\n")
    for at, junk in noise:
        lines.insert(1 + at % len(lines), junk.replace(b"\n", b" "))
    path.write_bytes(b"\n".join(lines))
    log = read_log(path)  # never raises: the header is intact
    kept = {(r.seq, r.event) for r in log.records}
    assert len(log.records) >= len(EVERY_EVENT) - len(noise)
    assert all(isinstance(r.event, Event) for r in log.records) and len(kept) == len(log.records)
    build_report(log)  # and a report can always be made of what was kept


def test_utc_walls_read_as_aware_times(tmp_path: Path) -> None:
    path = write_log(tmp_path / "s.jsonl", [])
    with path.open("a", encoding="utf-8") as f:
        f.write('{"seq": 1, "t": 0, "wall": "2020-09-22T14:00:00Z", "type": "start"}\n')
    log = read_log(path)
    assert log.records[0].wall == datetime(2020, 9, 22, 14, 0, tzinfo=UTC)
