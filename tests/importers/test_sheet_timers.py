"""The timer fields in a sheet (issue #16: every importer that can know them): a CSV or a
workbook with Minuteur / Finit à / À zéro columns (Timer / Ends at / At zero) gives count-up,
clock and fixed-end segments and their end actions; an export of a plan that has them writes
those columns, and reads back to the same plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.importers import import_data
from app.model.schema import EndAction, TimerType
from app.resources import default_session, sessions_dir
from tests.importers.helpers import check_json, run


def test_french_timer_columns_give_each_timer_type_and_end_action() -> None:
    text = (
        "Titre;Durée;Type;Début;Minuteur;Finit à;À zéro\n"
        "Accueil;15';autre;09:00;horloge;;charger le suivant\n"
        "Conférence;20';exposé;09:15;;;enchaîner\n"
        "Débat ouvert;20';table ronde;09:35;chrono;;\n"
        "Pause;;pause;09:55;;10:10;\n"
        "Clôture;15';conclusion;10:10;;;\n"
    )
    result = import_data(text.encode("utf-8"), "journee.csv")
    segs = result.plan.segments
    assert [s.timer for s in segs] == [
        TimerType.CLOCK,
        TimerType.COUNTDOWN,
        TimerType.COUNTUP,
        TimerType.COUNTDOWN,
        TimerType.COUNTDOWN,
    ]
    assert [s.end_action for s in segs] == [
        EndAction.LOAD_NEXT,
        EndAction.NEXT,
        EndAction.HOLD,
        EndAction.HOLD,
        EndAction.HOLD,
    ]
    assert segs[3].ends_at is not None and f"{segs[3].ends_at:%H:%M}" == "10:10"
    assert segs[3].planned_s == 15 * 60  # from 09:55 to its fixed end
    assert 'ends_at = "10:10"' in result.toml_text


def test_a_timer_word_not_understood_is_said_on_its_row_and_left_out() -> None:
    text = "Title,Duration,Timer,At zero\nTalk,10',stopwatch,jump\nEnd,5',,\n"
    result = import_data(text.encode("utf-8"), "day.csv")
    warnings = [str(w) for w in result.warnings]
    assert any("line 2" in w and "timer 'stopwatch' unknown" in w for w in warnings), warnings
    assert any("end_action 'jump' unknown" in w for w in warnings), warnings
    assert result.plan.segments[0].timer is TimerType.COUNTDOWN
    assert result.plan.segments[0].end_action is EndAction.HOLD


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_timer_demo_exported_reads_back_with_its_timers(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = sessions_dir() / "timer-types-demo.toml"
    sheet = tmp_path / f"demo.{fmt}"
    code, _, err = run(capsys, "export", demo, "--format", fmt, "-o", sheet)
    assert code == 0, err
    assert "warning" not in err  # the sheet carries the timer fields
    back = tmp_path / "back.toml"
    code, _, err = run(capsys, "import", sheet, "-o", back)
    assert code == 0, err
    got, want = check_json(capsys, back), check_json(capsys, demo)
    fields = ("title", "planned_s", "planned_start", "timer", "ends_at", "end_action")
    assert [{k: s[k] for k in fields} for s in got["segments"]] == [
        {k: s[k] for k in fields} for s in want["segments"]
    ]


def test_a_plan_without_timers_exports_the_same_columns_as_before(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "export", default_session(), "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == (
        "Partie;Titre;Intervenant;Fonction;Organisation;Note intervenant;Durée;Type;Notes;Début"
    )
