"""`timekeeper check` on the seed workshop prints the plan the moderator reads (ARCHITECTURE.md §5).

Both through the real command (a subprocess of ``python -m app``, what the console script runs)
and in-process through ``app.cli.main``; both must give the same numbers.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

REPO = Path(__file__).resolve().parents[2]

# (planned start, duration as printed, kind, section) of every segment of the seed workshop.
EXPECTED = [
    ("16:00:00", "10'", "intro", "Introduction et animation"),
    ("16:10:00", "8'20\"", "talk", "Témoignages"),
    ("16:18:20", "8'20\"", "talk", "Témoignages"),
    ("16:26:40", "8'20\"", "talk", "Témoignages"),
    ("16:35:00", "15'", "qa", "Témoignages"),
    ("16:50:00", "15'", "talk", "Vu d'ailleurs"),
    ("17:05:00", "15'", "qa", "Vu d'ailleurs"),
    ("17:20:00", "5'", "conclusion", "Eléments de conclusion"),
]
EXPECTED_S = [600, 500, 500, 500, 900, 900, 900, 300]

SEGMENT_LINE = re.compile(r"^\s+(\d\d:\d\d:\d\d)\s+(\S+)\s+\[(\w+)\] ")


def run_command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def run_in_process(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_text_plan(out: str) -> None:
    lines = out.splitlines()
    segments = [m.groups() for m in map(SEGMENT_LINE.match, lines) if m]
    assert segments == [(t, d, k) for t, d, k, _ in EXPECTED]
    assert "16:00–17:30" in lines[1]
    # Who speaks when: each person is listed under the segment they speak in.
    touil = next(i for i, line in enumerate(lines) if "Raja Touil" in line)
    assert lines[touil - 1].lstrip().startswith("16:50:00")
    for name, at in [
        ("Laurent Rey Lescure", "16:10:00"),
        ("Gabriel Voisin-Fradin", "16:18:20"),
        ("Cyril Labi", "16:26:40"),
    ]:
        index = next(i for i, line in enumerate(lines) if name in line)
        assert lines[index - 1].lstrip().startswith(at)
    assert "planned end 17:25:00" in out
    assert "hard end 17:30: slack 5'" in out


def assert_json_plan(out: str) -> None:
    plan: dict[str, Any] = json.loads(out)
    assert plan["title"].startswith("Encourager le développement économique")
    assert plan["start"] == "16:00"
    assert plan["slot_end"] == "17:30"
    assert plan["total_s"] == 85 * 60
    segments = plan["segments"]
    assert [s["planned_start"] for s in segments] == [t for t, _, _, _ in EXPECTED]
    assert [s["planned_s"] for s in segments] == EXPECTED_S
    assert [s["kind"] for s in segments] == [k for _, _, k, _ in EXPECTED]
    assert [s["section"] for s in segments] == [p for _, _, _, p in EXPECTED]
    for segment in segments:
        assert {"section", "title", "kind", "planned_s", "planned_start", "speakers"} <= set(
            segment
        )
        assert re.fullmatch(r"\d\d:\d\d:\d\d", segment["planned_start"])
        for person in segment["speakers"]:
            assert isinstance(person["name"], str) and person["name"]
            assert isinstance(person["role"], str)
    speakers = [[p["name"] for p in s["speakers"]] for s in segments]
    assert speakers == [
        ["Jean-Claude Dardelet", "Emmanuel Noutary"],
        ["Laurent Rey Lescure"],
        ["Gabriel Voisin-Fradin"],
        ["Cyril Labi"],
        [],
        ["Raja Touil"],
        [],
        ["Emmanuel Noutary", "Jean-Claude Dardelet"],
    ]
    assert segments[0]["speakers"][1]["role"] == "directeur général d'ANIMA"
    # Slack before the hard end, from the contract's own fields: 17:30 - (16:00 + total).
    start_h, start_m = map(int, plan["start"].split(":"))
    end_h, end_m = map(int, plan["slot_end"].split(":"))
    slot_s = (end_h * 60 + end_m - start_h * 60 - start_m) * 60
    assert slot_s - plan["total_s"] == 5 * 60


def test_check_prints_the_seed_plan_in_process(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_in_process(capsys, "check", str(seed_path))
    assert (code, err) == (0, "")
    assert_text_plan(out)


def test_check_json_gives_the_same_numbers_in_seconds_in_process(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_in_process(capsys, "check", str(seed_path), "--json")
    assert (code, err) == (0, "")
    assert_json_plan(out)


def test_text_and_json_agree(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, text, _ = run_in_process(capsys, "check", str(seed_path))
    _, raw, _ = run_in_process(capsys, "check", "--json", str(seed_path))
    starts = [m.group(1) for m in map(SEGMENT_LINE.match, text.splitlines()) if m]
    assert starts == [s["planned_start"] for s in json.loads(raw)["segments"]]


@pytest.mark.slow
def test_the_command_prints_the_seed_plan(seed_path: Path) -> None:
    result = run_command("check", str(seed_path))
    assert (result.returncode, result.stderr) == (0, "")
    assert_text_plan(result.stdout)


@pytest.mark.slow
def test_the_command_prints_the_seed_plan_as_json(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_command("check", "--json", str(seed_path))
    assert (result.returncode, result.stderr) == (0, "")
    assert_json_plan(result.stdout)
    _, in_process, _ = run_in_process(capsys, "check", "--json", str(seed_path))
    assert json.loads(result.stdout) == json.loads(in_process)


@pytest.mark.slow
def test_the_command_checks_a_relative_path_from_the_repository() -> None:
    # What the README tells a user to type, from the repository folder.
    result = run_command("check", "sessions/aict-2020-atelier-developpement-economique.toml")
    assert result.returncode == 0
    assert "planned end 17:25:00" in result.stdout


def test_check_without_a_session_checks_the_seed_workshop_at_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A new user types `timekeeper check` and sees the plan `timekeeper` would open."""
    code, out, err = run_in_process(capsys, "check", "--json")
    assert code == 0, err
    plan = json.loads(out)
    assert [s["planned_s"] for s in plan["segments"]] == EXPECTED_S


def test_check_without_a_session_checks_the_last_one_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_path: Path
) -> None:
    from app.ui.settings import Settings, save_settings

    mine = tmp_path / "mine.toml"
    text = seed_path.read_text(encoding="utf-8")
    mine.write_text(text.replace('start = "16:00"', 'start = "09:30"', 1), encoding="utf-8")
    assert save_settings(Settings(last_session=str(mine))) is None
    code, out, err = run_in_process(capsys, "check", "--json")
    assert code == 0, err
    assert json.loads(out)["start"] == "09:30"
