"""The function the UI's File → Import calls: import_file(path, day=None, room=None)."""

from __future__ import annotations

import pytest

from app.importers import ChoiceNeeded, ImportFailure, import_file
from app.model import RunningOrderFile, parse_running_order
from tests.conftest import PROGRAMME, SEED
from tests.importers.helpers import DATA


def test_import_file_gives_the_document_its_toml_and_the_guesses() -> None:
    result = import_file(PROGRAMME)
    assert isinstance(result.document, RunningOrderFile)
    assert result.complete
    # the plan is the one of the running order written by hand for the same workshop
    seed = parse_running_order(SEED.read_bytes(), str(SEED))
    assert result.plan.segments == seed.segments
    assert result.plan.parts == seed.parts
    assert (result.plan.start, result.plan.hard_end, result.plan.date) == (
        seed.start,
        seed.hard_end,
        seed.date,
    )
    assert [d.line for d in result.warnings] == [13, 66]
    # the TOML says what was guessed, for the person who will correct it
    assert "#   guessed, line 66: footnote 2" in result.toml_text


def test_choices_come_back_as_data_for_a_dialog() -> None:
    with pytest.raises(ChoiceNeeded) as raised:
        import_file(DATA / "rencontres-numeriques.xml")
    options = raised.value.options
    assert [(o.day, o.room) for o in options] == [
        ("2024-05-16", "Amphithéâtre"),
        ("2024-05-16", "Salle Ada Lovelace"),
    ]
    chosen = import_file(DATA / "rencontres-numeriques.xml", options[1].day, options[1].room)
    assert chosen.document.session.room == "Salle Ada Lovelace"


def test_problems_are_data_too() -> None:
    result = import_file(DATA / "broken" / "duree-vide.xml")
    assert not result.complete
    assert [(p.line, p.message) for p in result.problems] == [
        (11, "event 'Démonstration' has an empty duration")
    ]
    with pytest.raises(ImportFailure) as raised:
        import_file(DATA / "broken" / "compte-rendu.txt")
    assert [p.line for p in raised.value.problems] == [1, 3, 5, 6, 7]


def test_the_pure_package_never_imports_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, app.importers, app.cli.import_export; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
