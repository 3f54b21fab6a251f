"""`timekeeper check` on running orders a person gets wrong (ARCHITECTURE.md §4 and §5).

Every case must end with exit code 2, one or two lines on stderr that name the file, the field
path and the line where the loader can find it, and no traceback. Most run in-process through
``app.cli.main`` for speed; a handful run the real command in a subprocess.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli import main
from app.model import RunningOrderError, parse_running_order

REPO = Path(__file__).resolve().parents[2]
SEED_PATH = REPO / "sessions" / "aict-2020-atelier-developpement-economique.toml"
SEED = SEED_PATH.read_text(encoding="utf-8")


def edit(old: str, new: str) -> str:
    """The seed with the first ``old`` replaced (which must be there: the seed may change)."""
    assert old in SEED, old
    return SEED.replace(old, new, 1)


def edit_line(prefix: str, new: str) -> str:
    """The seed with the first line starting with ``prefix`` replaced by ``new``."""
    lines = SEED.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    lines[index] = new
    return "\n".join(lines)


def seed_json(change: Callable[[dict[str, Any]], None]) -> str:
    """The seed as a JSON running order, changed by ``change``."""
    doc = tomllib.loads(SEED)
    doc["session"]["date"] = doc["session"]["date"].isoformat()
    change(doc)
    return json.dumps(doc, ensure_ascii=False, indent=2)


def small(*lines: str) -> str:
    return "\n".join(lines) + "\n"


HEAD = ("[session]", 'title = "Atelier"', 'start = "09:00"')


@dataclass(frozen=True)
class Bad:
    id: str
    content: str | bytes
    expect: tuple[str, ...]  # fragments the message must contain
    path: str | None = None  # the field path the message must name
    line: str | int | None = None  # the line, or a text whose (first) line it is
    suffix: str = ".toml"

    def data(self) -> bytes:
        return self.content if isinstance(self.content, bytes) else self.content.encode()

    def line_number(self) -> int | None:
        if self.line is None or isinstance(self.line, int):
            return self.line
        text = self.data().decode("utf-8", errors="replace")
        assert self.line in text, self.line
        return text[: text.index(self.line)].count("\n") + 1


def _set(doc: dict[str, Any], keys: tuple[str | int, ...], value: Any) -> None:
    target: Any = doc
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value


def json_case(id: str, keys: tuple[str | int, ...], value: Any, *expect: str, path: str) -> Bad:
    return Bad(id, seed_json(lambda d: _set(d, keys, value)), expect, path=path, suffix=".json")


_RNG = random.Random(20200922)
RANDOM_BYTES = bytes(_RNG.randrange(256) for _ in range(4096))
HIGH_BYTES = bytes(_RNG.randrange(0x80, 0x100) for _ in range(512))
DURATION = "parts[1].segments[3].duration"  # the 15' of questions after the testimonies

CASES = [
    # --- wrong types ---
    Bad(
        "title-is-a-number",
        edit_line('title = "Encourager', "title = 2020"),
        ("expected text", "got 2020"),
        path="session.title",
        line="title = 2020",
    ),
    Bad(
        "budget-is-a-boolean",
        edit('budget = "40\'"', "budget = true"),
        ("boolean",),
        path="parts[1].budget",
        line="budget = true",
    ),
    Bad(
        "speaker-name-is-a-number",
        edit('name = "Raja Touil"', "name = 42"),
        ("expected text",),
        path="parts[2].segments[0].speakers[0].name",
        line="name = 42",
    ),
    Bad(
        "duration-is-a-list",
        edit('duration = "15\'"', 'duration = ["15\'"]'),
        ("got list",),
        path=DURATION,
        line="duration = [",
    ),
    Bad(
        "date-written-the-french-way",
        edit("date = 2020-09-22", 'date = "22/09/2020"'),
        ("date", "'22/09/2020'"),
        path="session.date",
        line="date = ",
    ),
    Bad(
        "start-is-a-number",  # pydantic alone would read 1600 as 00:26:40
        edit('start = "16:00"', "start = 1600"),
        ('"16:00"', "got 1600"),
        path="session.start",
        line="start = 1600",
    ),
    Bad(
        "start-is-a-date-time",
        edit('start = "16:00"', "start = 2020-09-22T16:00:00"),
        ("clock time",),
        path="session.start",
        line="start = 2020",
    ),
    json_case("parts-is-a-text", ("parts",), "Témoignages", "expected a list", path="parts"),
    json_case("session-is-a-list", ("session",), [], "expected a table", path="session"),
    # --- typos in keys: "did you mean" ---
    Bad(
        "budget-misspelt",
        edit('budget = "40\'"', 'budjet = "40\'"'),
        ("unknown key 'budjet'", "did you mean 'budget'?"),
        path="parts[1].budjet",
        line="budjet",
    ),
    Bad(
        "duration-misspelt",
        edit('duration = "15\'"', 'durration = "15\'"'),
        ("did you mean 'duration'?",),
        path="parts[1].segments[3].durration",
        line="durration",
    ),
    Bad(
        "session-title-misspelt",  # reported as the typo, not as a missing title
        edit_line('title = "Encourager', 'titel = "Encourager"'),
        ("unknown key 'titel'", "did you mean 'title'?"),
        path="session.titel",
        line="titel",
    ),
    Bad(
        "speaker-name-misspelt",
        edit('name = "Raja Touil"', 'nmae = "Raja Touil"'),
        ("did you mean 'name'?",),
        path="parts[2].segments[0].speakers[0].nmae",
        line="nmae",
    ),
    Bad(
        "organization-american-spelling",
        edit('organisation = "Grenoble', 'organization = "Grenoble'),
        ("did you mean 'organisation'?",),
        path="parts[1].segments[1].speakers[0].organization",
        line="organization",
    ),
    Bad(
        "end-action-with-a-dash",
        edit('duration = "15\'"', 'duration = "15\'"\nend-action = "advance"'),
        ("did you mean 'end_action'?",),
        path="parts[1].segments[3].end-action",
        line="end-action",
    ),
    Bad(
        "parts-in-the-singular",
        small(*HEAD, "[[part]]", 'title = "Intro"', "budget = 5"),
        ("unknown key 'part'", "did you mean 'parts'?"),
        path="part",
        line="[[part]]",
    ),
    Bad(
        "segments-in-the-singular",
        small(
            *HEAD, "[[parts]]", 'title = "Intro"', "budget = 5", "[[parts.segment]]", "title = 'a'"
        ),
        ("did you mean 'segments'?",),
        path="parts[0].segment",
        line="[[parts.segment]]",
    ),
    Bad(
        "threshold-in-the-singular",
        small(
            *HEAD, "[session.threshold]", 'warning = "2\'"', "[[parts]]", "title = 'a'", "budget=5"
        ),
        ("did you mean 'thresholds'?",),
        path="session.threshold",
        line="[session.threshold]",
    ),
    # --- durations ---
    Bad(
        "negative-duration",
        edit('duration = "15\'"', 'duration = "-15\'"'),
        ("cannot be negative",),
        path=DURATION,
        line="-15'",
    ),
    Bad(
        "negative-minutes",
        edit('budget = "10\'"', "budget = -10"),
        ("cannot be negative", "-10"),
        path="parts[0].budget",
        line="budget = -10",
    ),
    Bad(
        "zero-duration",
        edit('duration = "15\'"', "duration = 0"),
        ("longer than zero",),
        path=DURATION,
        line="duration = 0",
    ),
    Bad(
        "zero-written-as-a-clock",
        edit('duration = "15\'"', 'duration = "00:00:00"'),
        ("longer than zero",),
        path=DURATION,
        line="00:00:00",
    ),
    Bad(
        "more-than-a-day",
        edit('duration = "15\'"', 'duration = "25h"'),
        ("at most 24 h",),
        path=DURATION,
        line="25h",
    ),
    Bad(
        "huge-number-of-minutes",
        edit('duration = "15\'"', "duration = 100000"),
        ("at most 24 h",),
        path=DURATION,
        line="100000",
    ),
    Bad(
        "nan",
        edit('duration = "15\'"', "duration = nan"),
        ("expected a duration", "nan"),
        path=DURATION,
        line="= nan",
    ),
    Bad(
        "infinity",
        edit('duration = "15\'"', "duration = inf"),
        ("expected a duration", "inf"),
        path=DURATION,
        line="= inf",
    ),
    Bad(
        "decimal-minutes",
        edit('duration = "15\'"', "duration = 8.5"),
        ("8'30\" rather than 8.5",),
        path=DURATION,
        line="8.5",
    ),
    Bad(
        "ambiguous-10-00",
        edit('duration = "15\'"', 'duration = "10:00"'),
        ("ambiguous", "10'00\" or 10h00"),
        path=DURATION,
        line='"10:00"',
    ),
    Bad(
        "empty-duration",
        edit('duration = "15\'"', 'duration = ""'),
        ("empty",),
        path=DURATION,
        line='duration = ""',
    ),
    Bad(
        "duration-in-words",
        edit('duration = "15\'"', 'duration = "quinze minutes"'),
        ("expected a duration such as 10'", "'quinze minutes'"),
        path=DURATION,
        line="quinze",
    ),
    Bad(
        "seconds-above-59",
        edit('duration = "15\'"', 'duration = "8\'75\\""'),
        ("seconds must be below 60",),
        path=DURATION,
        line="8'75",
    ),
    Bad(
        "two-megabyte-duration",
        edit('duration = "15\'"', f'duration = "{"1" * 2_000_000}\'"'),
        ("expected a duration", "2000001 characters"),
        path=DURATION,
        line="111",
    ),
    Bad(
        "five-thousand-digit-number",
        edit('duration = "15\'"', f"duration = {'9' * 5000}"),
        ("not valid TOML", "too many digits"),
        line="999",
    ),
    Bad(
        "five-thousand-digit-number-json",
        '{"session": {"title": "A", "start": "09:00"}, "parts": [{"title": "B", '
        f'"budget": {"9" * 5000}}}]}}',
        ("not valid JSON", "too many digits"),
        suffix=".json",
    ),
    json_case(
        "json-negative-duration",
        ("parts", 1, "segments", 3, "duration"),
        -15,
        "cannot be negative",
        path=DURATION,
    ),
    # --- budgets ---
    Bad(
        "questions-longer-than-their-part",
        edit('duration = "15\'"', 'duration = "45\'"'),
        ("'Témoignages'", "45'", "5' more than its budget of 40'"),
        path="parts[1].budget",
        line='budget = "40\'"',
    ),
    Bad(
        "talk-and-questions-over-budget",
        edit('title = "Vu d\'ailleurs"\nkind = "talk"', 'title = "Touil"\nduration = "20\'"'),
        ('"Vu d\'ailleurs"', "5' more than its budget of 30'"),
        path="parts[2].budget",
        line='budget = "30\'"',
    ),
    Bad(
        "no-time-left-for-the-testimonies",
        edit('budget = "40\'"', 'budget = "15\'"'),
        ("'Témoignages'", "leaves no time for the 3 segment(s)"),
        path="parts[1].budget",
        line='budget = "15\'"',
    ),
    Bad(
        "explicit-durations-below-the-budget",
        edit('title = "Vu d\'ailleurs"\nkind = "talk"', 'title = "Touil"\nduration = "10\'"'),
        ("take 25' but its budget is 30'", "leave one segment without a duration"),
        path="parts[2].budget",
        line='budget = "30\'"',
    ),
    Bad(
        "part-without-segments-or-budget",
        edit('budget = "10\'"\n', ""),
        ("needs a budget",),
        path="parts[0]",
        line="[[parts]]",
    ),
    Bad(
        "segment-without-duration-in-a-part-without-budget",
        edit('budget = "40\'"\n', ""),
        ("'Témoignages' has no budget", '"Expérience d\'une coopération inter-collectivité..."'),
        path="parts[1].segments[0].duration",
        line="[[parts.segments]]",
    ),
    Bad(
        "speakers-on-a-part-with-segments",
        edit('budget = "40\'"', 'budget = "40\'"\nkind = "talk"'),
        ("takes its speakers and kind in its segments",),
        path="parts[1]",
        line='[[parts]]\ntitle = "Témoignages"',
    ),
    # --- missing fields ---
    Bad(
        "no-session-title",
        edit_line('title = "Encourager', ""),
        ("required",),
        path="session.title",
        line="[session]",
    ),
    Bad(
        "no-start",
        edit('start = "16:00"\n', ""),
        ("required",),
        path="session.start",
        line="[session]",
    ),
    Bad(
        "empty-session-title",
        edit_line('title = "Encourager', 'title = ""'),
        ("expected some text",),
        path="session.title",
        line='title = ""',
    ),
    Bad(
        "segment-without-title",
        edit('title = "Expérience de politique d\'attractivité du territoire"\n', ""),
        ("required",),
        path="parts[1].segments[1].title",
        line='[[parts.segments]]\nkind = "talk"\nnotes = "politique',
    ),
    Bad(
        "no-session", small("[[parts]]", "title = 'a'", "budget = 5"), ("required",), path="session"
    ),
    Bad("no-parts", small(*HEAD), ("required",), path="parts"),
    json_case("empty-parts", ("parts",), [], "expected at least one part", path="parts"),
    # --- values out of their set ---
    Bad(
        "unknown-kind",
        edit('kind = "qa"', 'kind = "questions"'),
        ("'qa'", "'break'", "got 'questions'"),
        path="parts[1].segments[3].kind",
        line='kind = "questions"',
    ),
    Bad(
        "unknown-end-action",
        edit('duration = "15\'"', 'duration = "15\'"\nend_action = "stop"'),
        ("'hold', 'next' or 'load-next'", "'stop'"),
        path="parts[1].segments[3].end_action",
        line="end_action",
    ),
    # Timer types and end times (issue #16): one message, the field path, the line.
    Bad(
        "unknown-timer-type",
        edit('duration = "15\'"', 'duration = "15\'"\ntimer = "stopwatch"'),
        ("'countdown', 'countup' or 'clock'", "'stopwatch'"),
        path="parts[1].segments[3].timer",
        line='timer = "stopwatch"',
    ),
    Bad(
        "countup-with-ends-at",
        edit('duration = "15\'"', 'timer = "countup"\nends_at = "16:50"'),
        ('ends_at is for a countdown; a "countup" timer has no end time',),
        path="parts[1].segments[3].ends_at",
        line='ends_at = "16:50"',
    ),
    Bad(
        "ends-at-before-the-segment-can-start",
        edit('budget = "5\'"', 'ends_at = "17:10"'),
        ("ends at 17:10, before it can start (planned at 17:20)", "expected a later ends_at"),
        path="parts[3].ends_at",
        line='ends_at = "17:10"',
    ),
    Bad(
        "ends-at-after-shares-of-a-budget",
        edit('duration = "15\'"', 'ends_at = "16:50"'),
        ("ends at 16:50, so the segments before it in its part need their own duration",),
        path="parts[1].segments[3].ends_at",
        line='ends_at = "16:50"',
    ),
    Bad(
        "ends-at-and-duration",
        edit('duration = "15\'"', 'duration = "15\'"\nends_at = "16:50"'),
        ("give either ends_at or a duration",),
        path="parts[1].segments[3].ends_at",
        line='ends_at = "16:50"',
    ),
    Bad(
        "ends-at-not-a-clock-time",
        edit('duration = "15\'"', 'ends_at = "lunch"'),
        ('expected a clock time such as "16:00"', "'lunch'"),
        path="parts[1].segments[3].ends_at",
        line='ends_at = "lunch"',
    ),
    Bad(
        "unknown-anchor",
        edit('hard_end = "17:30"', 'hard_end = "17:30"\nanchor = "floating"'),
        ("'auto', 'absolute' or 'relative'", "'floating'"),
        path="session.anchor",
        line='anchor = "floating"',
    ),
    Bad(
        "hard-end-before-start",
        edit('hard_end = "17:30"', 'hard_end = "15:30"'),
        ("hard_end 15:30 must be after start 16:00",),
        path="session.hard_end",
        line="hard_end",
    ),
    Bad(
        "hard-end-equal-to-start",
        edit('hard_end = "17:30"', 'hard_end = "16h00"'),
        ("must be after start",),
        path="session.hard_end",
        line="hard_end",
    ),
    Bad(
        "start-25-00",
        edit('start = "16:00"', 'start = "25:00"'),
        ("clock time", "'25:00'"),
        path="session.start",
        line="25:00",
    ),
    Bad(
        "unknown-time-zone",
        edit('"Europe/Paris"', '"Europe/Pariss"'),
        ("unknown time zone 'Europe/Pariss'", "did you mean 'Europe/Paris'?"),
        path="session.timezone",
        line="timezone",
    ),
    Bad(
        "time-zone-in-lower-case",
        edit('"Europe/Paris"', '"europe/paris"'),
        ("did you mean 'Europe/Paris'?",),
        path="session.timezone",
        line="timezone",
    ),
    Bad(
        "time-zone-is-a-path",
        edit('"Europe/Paris"', '"../../etc/passwd"'),
        ("unknown time zone",),
        path="session.timezone",
        line="timezone",
    ),
    Bad(
        "unknown-language",
        edit('language = "fr"', 'language = "de"'),
        ("'fr' or 'en'", "'de'"),
        path="session.language",
        line="language",
    ),
    Bad(
        "newer-format",
        edit("format = 1", "format = 2"),
        ("format 2", "reads format 1"),
        path="format",
        line="format = 2",
    ),
    # --- not TOML, not JSON, not text ---
    Bad("empty-file", b"", ("empty",)),
    Bad("blank-file", b"\n \n\t\n", ("empty",)),
    Bad(
        "latin-1-bytes",
        SEED.replace("—", "-").encode("latin-1"),
        ("not valid UTF-8", "0xe9", "save the file as UTF-8"),
        line=1,  # "collectivités" in the first comment
    ),
    Bad("random-bytes", RANDOM_BYTES, ("binary file",)),
    Bad("random-high-bytes", HIGH_BYTES, ("not valid UTF-8",), line=1),
    Bad("utf-16", SEED.encode("utf-16"), ("UTF-16", "save the file as UTF-8")),
    Bad(
        "truncated-json",
        seed_json(lambda d: None)[:700],
        ("not valid JSON", "column"),
        line=seed_json(lambda d: None)[:700].count("\n") + 1,
        suffix=".json",
    ),
    Bad(
        "truncated-toml",
        SEED[: SEED.index("Grenoble")],
        ("not valid TOML",),
        line=SEED[: SEED.index("Grenoble")].count("\n") + 1,
    ),
    Bad(
        "deeply-nested-json", "[" * 100_000 + "]" * 100_000, ("nested too deeply",), suffix=".json"
    ),
    Bad(
        "deeply-nested-json-notes",
        seed_json(lambda d: _set(d, ("parts", 1, "notes"), json.loads("[" * 200 + "]" * 200))),
        ("nested too deeply",),
        suffix=".json",
    ),
    Bad("deeply-nested-toml", "x = " + "[" * 100_000 + "]" * 100_000, ("nested too deeply",)),
    Bad(
        "two-megabyte-line",
        edit('room = "Atelier"', f'room = "{"Atelier " * 250_000}"'),
        ("at most 10000 characters",),
        path="session.room",
        line="room = ",
    ),
    Bad(
        "json-list", "[1, 2, 3]", ("expected a table with [session] and [[parts]]",), suffix=".json"
    ),
    Bad(
        "duration-without-quotes",
        edit('duration = "15\'"', "duration = 15'"),
        ("not valid TOML", 'text needs quotes: duration = "15\'"'),
        line="duration = 15'",
    ),
    Bad(
        "clock-time-without-quotes",
        edit('start = "16:00"', "start = 16:00"),
        ("not valid TOML", 'start = "16:00"'),
        line="start = 16:00",
    ),
]


def _write(tmp_path: Path, case: Bad) -> Path:
    path = tmp_path / f"atelier-{case.id}{case.suffix}"
    path.write_bytes(case.data())
    return path


def assert_bad_input(code: int, out: str, err: str, path: Path, case: Bad) -> None:
    assert code == 2, err
    assert out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert 1 <= len(lines) <= 2, err
    message = lines[0]
    assert message.startswith(f"timekeeper: {path}")
    line = case.line_number()
    if line is not None:
        assert message.startswith(f"timekeeper: {path}, line {line}: "), message
    if case.path is not None:
        assert f": {case.path}: " in message, message
    for fragment in case.expect:
        assert fragment in message, message


def test_there_are_at_least_forty_cases() -> None:
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_check_refuses_with_a_clear_message(
    case: Bad, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, case)
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert_bad_input(code, out, err, path, case)


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "atelier.toml"
    assert main(["check", str(path)]) == 2
    assert capsys.readouterr().err == f"timekeeper: {path}: no such file\n"


def test_a_folder_is_not_a_running_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"timekeeper: {tmp_path}: this is a folder")


def test_a_file_of_more_than_four_megabytes_is_refused_before_parsing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "atelier.toml"
    path.write_bytes(SEED.encode() + b"#" * (4 * 1024 * 1024))
    assert main(["check", str(path)]) == 2
    assert "too large for a running order" in capsys.readouterr().err


# --- a BOM is accepted: Windows Notepad writes one ---


def test_a_utf8_bom_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "atelier.toml"
    path.write_bytes(b"\xef\xbb\xbf" + SEED.encode())
    assert main(["check", "--json", str(path)]) == 0
    with_bom = json.loads(capsys.readouterr().out)
    assert main(["check", "--json", str(SEED_PATH)]) == 0
    assert with_bom == json.loads(capsys.readouterr().out)


def test_a_bom_does_not_shift_line_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "atelier.toml"
    path.write_bytes(b"\xef\xbb\xbf" + edit('budget = "40\'"', 'budjet = "40\'"').encode())
    assert main(["check", str(path)]) == 2
    assert f"{path}, line 38: parts[1].budjet:" in capsys.readouterr().err


def test_a_json_running_order_with_a_bom_is_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "atelier.json"
    path.write_bytes(b"\xef\xbb\xbf" + seed_json(lambda d: None).encode())
    assert main(["check", str(path)]) == 0
    assert "17:25" in capsys.readouterr().out


# --- line numbers in TOML written in other styles ---

LAYOUTS = [
    (
        "dotted-key",
        small(*HEAD, 'thresholds.warning = "soon"', "[[parts]]", "title = 'a'", "budget = 5"),
        "session.thresholds.warning",
        4,
    ),
    (
        "inline-speakers",
        small(*HEAD, "[[parts]]", "title = 'a'", "budget = 5", "speakers = [{name = 'A'}, {}]"),
        "parts[0].speakers[1].name",
        7,
    ),
    (
        "multi-line-inline-segments",
        small(
            *HEAD,
            "[[parts]]",
            "title = 'a'",
            "segments = [",
            "  {title = 'b', duration = 5},",
            "  {title = 'c', duration = 'x'},",
            "]",
        ),
        "parts[0].segments[1].duration",
        6,
    ),
    (
        "fake-headers-in-a-multi-line-note",
        small(
            *HEAD,
            "[[parts]]",
            "title = 'a'",
            "budget = 5",
            'notes = """',
            "[[parts]]",
            "budget = 'x'",
            '"""',
            "[[parts]]",
            "title = 'b'",
            "budget = 'y'",
        ),
        "parts[1].budget",
        13,
    ),
    (
        "literal-strings-and-comments",
        small(
            *HEAD,
            "[[parts]]  # première partie",
            "title = '[[parts]]'",
            "budget = 5 # [[parts]]",
            "[[ parts ]]",
            "'title' = 'b'",
            '"budget" = "y"',
        ),
        "parts[1].budget",
        9,
    ),
    (
        "windows-line-endings",
        small(
            *HEAD,
            "[[parts]]",
            "title = 'a'",
            "budget = 5",
            "[[parts]]",
            "title = 'b'",
            "budget = 'y'",
        ).replace("\n", "\r\n"),
        "parts[1].budget",
        9,
    ),
    (
        "nested-arrays-of-tables",
        small(
            *HEAD,
            "[[parts]]",
            "title = 'a'",
            "[[parts.segments]]",
            "title = 'a1'",
            "duration = 5",
            "[[parts]]",
            "title = 'b'",
            "[[parts.segments]]",
            "title = 'b1'",
            "duration = 5",
            "[[parts.segments.speakers]]",
            "nom = 'X'",
        ),
        "parts[1].segments[0].speakers[0].nom",
        15,
    ),
]


@pytest.mark.parametrize(
    ("text", "path", "line"), [c[1:] for c in LAYOUTS], ids=[c[0] for c in LAYOUTS]
)
def test_line_numbers_follow_the_toml_structure(
    text: str, path: str, line: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "atelier.toml"
    file.write_bytes(text.encode())
    assert main(["check", str(file)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"timekeeper: {file}, line {line}: {path}: "), err


def test_a_long_note_does_not_slow_down_finding_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A line of spaces starting with "[" once took a backtracking regex minutes per 10 000.
    text = edit('room = "Atelier"', 'room = """\n[' + " " * 9_000 + 'x\n"""')
    file = tmp_path / "atelier.toml"
    file.write_bytes(text.replace('budget = "40\'"', 'budjet = "40\'"').encode())
    assert main(["check", str(file)]) == 2
    assert f"{file}, line 40: parts[1].budjet:" in capsys.readouterr().err


# --- the real command, in a subprocess ---

SUBPROCESS_CASES = [
    c
    for c in CASES
    if c.id
    in {
        "empty-file",
        "latin-1-bytes",
        "questions-longer-than-their-part",
        "deeply-nested-json",
        "two-megabyte-line",
        "budget-misspelt",
    }
]


@pytest.mark.slow
@pytest.mark.parametrize("case", SUBPROCESS_CASES, ids=[c.id for c in SUBPROCESS_CASES])
def test_the_command_refuses_with_exit_code_2(case: Bad, tmp_path: Path) -> None:
    path = _write(tmp_path, case)
    result = subprocess.run(
        [sys.executable, "-m", "app", "check", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert_bad_input(result.returncode, result.stdout, result.stderr, path, case)


# --- whatever the bytes, the answer is a plan or a RunningOrderError, never another exception ---


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, len(SEED.encode())),
    st.integers(0, 40),
    st.one_of(st.binary(max_size=12), st.text(alphabet="[]{}\"'=#.\n 09:hms-_", max_size=12)),
    st.sampled_from(["toml", "json"]),
)
def test_an_edited_seed_gives_a_plan_or_a_clear_error(
    at: int, cut: int, insert: bytes | str, fmt: str
) -> None:
    data = SEED.encode() if fmt == "toml" else seed_json(lambda d: None).encode()
    piece = insert.encode() if isinstance(insert, str) else insert
    try:
        parse_running_order(data[:at] + piece + data[at + cut :], "atelier", fmt)
    except RunningOrderError as error:
        message = str(error)
        assert message.startswith("atelier")
        assert message.count("\n") <= 1
