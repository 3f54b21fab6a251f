"""Running orders written to hurt, through the real `timekeeper check` (README, Reliability,
points 7, 8 and 10): each ends with exit 2 and one sentence naming the file, the line where the
loader finds it, the field path and what was expected — never a traceback, never pydantic's
dump or its URL. A late start on 31 December 9999 is accepted, its clock times right.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

HEAD = '[session]\ntitle = "Atelier"\nstart = "09:00"\n'
PART = '\n[[parts]]\ntitle = "Intro"\nbudget = "10\'"\n'


def check(path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "app", "check", str(path), *args],
        cwd=REPO,
        capture_output=True,
        timeout=60,
        check=False,
    )


def refused(done: subprocess.CompletedProcess[bytes], path: Path, *words: str) -> str:
    """Exit 2, one line on stderr naming the file, the words, no dump, no raw control."""
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert not done.stdout
    assert err.count("\n") == 1 and err.startswith(f"timekeeper: {path}"), err
    for bad in ("Traceback", "pydantic", "errors.pydantic.dev", "For further information"):
        assert bad not in err
    assert b"\x1b" not in done.stderr and "\u202e" not in err
    for word in words:
        assert word in err, err
    return err


CASES = {
    "title-over-the-limit": (
        HEAD.replace('"Atelier"', '"' + "a" * 1200 + '"') + PART,
        ("line 2: session.title: expected at most 1000 characters, this one has 1200",),
    ),
    "too-many-parts": (
        HEAD + "".join(f'\n[[parts]]\ntitle = "P{i}"\nbudget = 1\n' for i in range(501)),
        ("line 5: parts: expected at most 500 parts, the file has 501",),
    ),
    "too-many-segments": (
        HEAD
        + '\n[[parts]]\ntitle = "P"\n'
        + "".join(f'\n[[parts.segments]]\ntitle = "S{i}"\nduration = 1\n' for i in range(2001)),
        ("parts[0].segments: expected at most 2000 segments, the file has 2001",),
    ),
    "too-many-speakers": (
        HEAD
        + '\n[[parts]]\ntitle = "P"\nbudget = 10\n'
        + "".join(f'\n[[parts.speakers]]\nname = "S{i}"\n' for i in range(101)),
        ("parts[0].speakers: expected at most 100 speakers, the file has 101",),
    ),
    "title-is-a-number": (
        HEAD.replace('"Atelier"', "5") + PART,
        ("line 2: session.title: expected text, got 5",),
    ),
    "speakers-is-a-text": (
        HEAD + PART + 'speakers = "Bob"\n',
        ("parts[0].speakers: expected a list", "'Bob'"),
    ),
    "thousands-of-digits": (
        HEAD + PART.replace('"10\'"', "9" * 5000),
        ("line 7: not valid TOML: a number has too many digits",),
    ),
    "escape-in-a-title": (
        HEAD.replace("Atelier", "\\u001b]0;pwned\\u0007") + PART,
        ("line 2: session.title: U+001B (escape) is not allowed in a title or a name",),
    ),
    "right-to-left-override-in-a-part": (
        HEAD + PART.replace("Intro", "Intro\\u202e"),
        ("parts[0].title: U+202E (right-to-left override) is not allowed",),
    ),
    "nul-in-a-speaker": (
        HEAD + PART + '\n[[parts.speakers]]\nname = "Bob\\u0000"\n',
        ("parts[0].speakers[0].name: U+0000 (null) is not allowed",),
    ),
    "escape-in-notes": (
        HEAD + PART + 'notes = "read this\\u001b[2J"\n',
        ("parts[0].notes: U+001B (escape) is not allowed in notes",),
    ),
    "escape-in-an-unknown-key": (
        HEAD + '"\\u001b[2Jkey" = 1\n' + PART,
        ("unknown key", "\\x1b[2Jkey"),
    ),
}


@pytest.mark.parametrize("content,words", CASES.values(), ids=CASES.keys())
def test_a_hostile_running_order_is_refused_in_one_sentence(
    tmp_path: Path, content: str, words: tuple[str, ...]
) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(content, encoding="utf-8")
    refused(check(path), path, *words)


def test_thousands_of_digits_in_json_too(tmp_path: Path) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(
        '{"session": {"title": "x", "start": "09:00"}, "parts": [{"title": "P", "budget": '
        + "9" * 5000
        + "}]}",
        encoding="utf-8",
    )
    refused(check(path), path, "line 1: not valid JSON: a number has too many digits")


def test_notes_keep_their_tabs_and_lines(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    path.write_text(HEAD + PART + 'notes = "one\\ttwo\\nthree"\n', encoding="utf-8")
    done = check(path, "--json")
    assert done.returncode == 0, done.stderr


def test_a_late_start_on_the_last_day_of_9999_has_its_clock_times(tmp_path: Path) -> None:
    """The clock times are times of day: past midnight of 31 December 9999 they wrap."""
    path = tmp_path / "late.toml"
    path.write_text(
        '[session]\ntitle = "x"\nstart = "23:00"\ndate = 9999-12-31\n\n'
        '[[parts]]\ntitle = "P"\nbudget = "2h"\n',
        encoding="utf-8",
    )
    done = check(path)
    out = done.stdout.decode("utf-8")
    assert done.returncode == 0, done.stderr
    assert "planned end 01:00:00 (2h)" in out or "planned end 01:00:00" in out, out
