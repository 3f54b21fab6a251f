"""What a shared file holds never reaches the terminal raw (README, Reliability, point 7).

A timing log is not checked by the running-order loader (its header carries a resolved plan),
so its titles and names may hold ESC ] 0 ; ... BEL (retitles a terminal), ESC [ 2 J (clears
it) or a right-to-left override: `report` prints them as visible escapes, its JSON as \\u
escapes of the same data, and error messages quoting a file's content escape it too.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.terminal import json_printable, printable
from tests.conftest import REPO
from tests.timing_log.test_report import play_seed

pytestmark = pytest.mark.slow

RETITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
CSI8 = "\x9b31m"  # the one-byte C1 form of ESC [


def timekeeper(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=REPO,
        capture_output=True,
        timeout=60,
        check=False,
    )


def no_raw_controls(data: bytes) -> None:
    text = data.decode("utf-8")
    assert b"\x1b" not in data and b"\x07" not in data and b"\x00" not in data
    assert "\x9b" not in text and "\u202e" not in text and "\u2066" not in text


@pytest.fixture
def hostile_log(tmp_path: Path) -> Path:
    """The seed workshop's log with escapes in its plan's title, a segment and a speaker."""
    live, _ = play_seed(tmp_path / "logs")
    lines = live.log_path.read_text(encoding="utf-8").split("\n")
    header = json.loads(lines[0])
    plan = header["plan"]
    plan["title"] = f"Atelier {RETITLE}\u202e"
    plan["segments"][1]["title"] = f"Témoignage {CLEAR}"
    plan["parts"][1]["title"] = f"Partie {CSI8}"
    plan["segments"][0]["speakers"][0]["name"] = "Jean\u2066-Claude"
    lines[0] = json.dumps(header, ensure_ascii=False)
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_the_text_report_shows_escapes_not_controls(hostile_log: Path) -> None:
    done = timekeeper("report", hostile_log)
    assert done.returncode == 0, done.stderr
    no_raw_controls(done.stdout)
    out = done.stdout.decode("utf-8")
    assert "Atelier \\x1b]0;pwned\\x07\\u202e" in out
    assert "Témoignage \\x1b[2J" in out
    assert "Jean\\u2066-Claude" in out
    assert out.count("\n") > 10  # the report's own lines are kept


def test_the_json_report_is_the_same_data_safe_to_print(hostile_log: Path) -> None:
    done = timekeeper("report", "--format", "json", hostile_log)
    assert done.returncode == 0, done.stderr
    no_raw_controls(done.stdout)
    report = json.loads(done.stdout)
    assert report["title"] == f"Atelier {RETITLE}\u202e"


def test_an_error_quoting_a_key_from_the_file_escapes_it(hostile_log: Path) -> None:
    lines = hostile_log.read_text(encoding="utf-8").split("\n")
    header = json.loads(lines[0])
    header["plan"][f"key{CLEAR}"] = 1  # a resolved plan takes no unknown key
    lines[0] = json.dumps(header, ensure_ascii=False)
    hostile_log.write_text("\n".join(lines), encoding="utf-8")
    done = timekeeper("report", hostile_log)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and err.count("\n") == 1, err
    no_raw_controls(done.stderr)
    assert "key\\x1b[2J" in err and "pydantic" not in err


def test_a_running_order_error_escapes_what_it_quotes(tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(
        '[session]\ntitle = "A"\n"bad\\u001b]0;pwned\\u0007" = 1\nstart = "09:00"\n\n'
        '[[parts]]\ntitle = "P"\nbudget = 10\n',
        encoding="utf-8",
    )
    done = timekeeper("check", path)
    assert done.returncode == 2
    no_raw_controls(done.stderr)
    assert "bad\\x1b]0;pwned\\x07" in done.stderr.decode("utf-8")


def test_printable_keeps_text_and_structure() -> None:
    assert printable("Cité des Sciences — 16h00 ‎") == "Cité des Sciences — 16h00 \\u200e"
    assert printable("a\tb\nc") == "a\\x09b\\x0ac"
    assert printable("a\tb\nc", keep="\n") == "a\\x09b\nc"
    assert printable("\x00\x7f\x9b\u061c\u202a\u2069") == "\\x00\\x7f\\x9b\\u061c\\u202a\\u2069"
    assert json.loads(json_printable(json.dumps("\x9b\u202e", ensure_ascii=False))) == "\x9b\u202e"
