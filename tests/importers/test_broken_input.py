"""Must-show 3: input that cannot be understood gives exit 2, the line numbers, and no file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PROGRAMME
from tests.importers.helpers import DATA, check_json, run

BROKEN = DATA / "broken"


def _refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, *extra: str
) -> list[str]:
    out = tmp_path / "out.toml"
    code, stdout, stderr = run(capsys, "import", BROKEN / name, "-o", out, *extra)
    assert code == 2
    assert not out.exists(), "nothing is written"
    assert stdout == ""
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert lines[-1].startswith("timekeeper: ") and "nothing written" in lines[-1]
    return lines


def test_xml_that_is_not_a_schedule(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = _refused(capsys, tmp_path, "flux-rss.xml")
    assert "error: line 2: <rss> instead of <schedule>" in lines
    assert "not a conference schedule" in lines[-1] and "(line 2)" in lines[-1]


def test_text_with_no_time_or_duration(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = _refused(capsys, tmp_path, "compte-rendu.txt")
    assert "no time or duration found" in lines[-1]
    assert "(lines 1, 3, 5, 6, 7)" in lines[-1]
    assert lines[0] == (
        "error: line 1: no time or duration in 'Compte rendu de la réunion du comité de quartier'"
    )
    # even --force cannot make a running order out of it
    _refused(capsys, tmp_path, "compte-rendu.txt", "--force")


def test_csv_without_a_duration_column(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = _refused(capsys, tmp_path, "sans-duree.csv")
    assert "error: line 1: no duration or start time column" in lines
    assert "no duration column" in lines[-1]
    assert "'Partie', 'Titre', 'Intervenant', 'Fonction'" in lines[-1]


def test_xml_with_entities_is_refused_before_parsing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = _refused(capsys, tmp_path, "entites.xml", "--force")
    assert "refused" in lines[-1] and "DOCTYPE" in lines[-1] and "(line 2)" in lines[-1]


def test_xml_not_well_formed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = _refused(capsys, tmp_path, "mal-forme.xml")
    assert "error: line 6: mismatched tag" in lines


def test_an_event_without_duration_is_reported_not_guessed_silently(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = _refused(capsys, tmp_path, "duree-vide.xml")
    assert "error: line 11: event 'Démonstration' has an empty duration" in lines
    assert "could not understand line(s) 11" in lines[-1]
    # with --force the rest is written, and the guess is said
    out = tmp_path / "forced.toml"
    code, _, err = run(capsys, "import", BROKEN / "duree-vide.xml", "-o", out, "--force")
    assert code == 0, err
    assert "warning: line 11: 'Démonstration': assumed 40' (until the next event)" in err
    assert "# Imported from duree-vide.xml" in out.read_text(encoding="utf-8")
    plan = check_json(capsys, out)
    assert [(s["title"], s["planned_s"]) for s in plan["segments"]] == [
        ("Introduction", 20 * 60),
        ("Démonstration", 40 * 60),
        ("Questions", 15 * 60),
    ]


def test_times_that_go_backwards(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = _refused(capsys, tmp_path, "horaires-incoherents.txt")
    assert "error: line 5: starts at 9h20, not after line 4 (9h30)" in lines
    assert "could not understand line(s) 5" in lines[-1]


def test_an_existing_output_is_never_overwritten_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "seed.toml"
    out.write_text("precious = true\n", encoding="utf-8")
    code, _, err = run(capsys, "import", PROGRAMME, "-o", out)
    assert code == 2
    assert "already exists" in err and "--force" in err
    assert out.read_text(encoding="utf-8") == "precious = true\n"
    code, _, err = run(capsys, "import", PROGRAMME, "-o", out, "--force")
    assert code == 0, err
    assert check_json(capsys, out)["total_s"] == 85 * 60


def test_files_that_are_not_programmes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sheet = tmp_path / "programme.xlsx"
    sheet.write_bytes(b"PK\x03\x04 not really a workbook")
    code, _, err = run(capsys, "import", sheet)
    assert code == 2 and "not a readable workbook (.xlsx): the file is damaged" in err
    code, _, err = run(capsys, "import", tmp_path / "missing.txt")
    assert code == 2 and "no such file" in err
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    code, _, err = run(capsys, "import", empty)
    assert code == 2 and "empty" in err


def test_the_choice_of_a_room_that_does_not_exist(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "import", DATA / "rencontres-numeriques.xml", "--room", "Grand Hall")
    assert code == 2
    assert "nothing in the schedule matches --room Grand Hall" in err
    assert "--room 'Amphithéâtre'" in err
    del tmp_path
