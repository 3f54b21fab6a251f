"""CSV sheets: headers people write, durations or start and end times, parts, speakers, and
rows that cannot be read (named by their line)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.importers import ImportFailure, ImportResult, import_data

M = 60


def _csv(text: str, name: str = "programme.csv", **choice: str) -> ImportResult:
    return import_data(text.encode("utf-8"), name, **choice)


def _rows(result: ImportResult) -> list[tuple[str, str, int]]:
    """(title, kind, planned seconds) of each segment."""
    return [(s.title, s.kind.value, s.planned_s) for s in result.plan.segments]


def _warnings(result: ImportResult) -> list[str]:
    return [str(w) for w in result.warnings]


def _problems(result: ImportResult) -> list[str]:
    return [str(p) for p in result.problems]


def _refusal(text: str, name: str = "programme.csv", **choice: str) -> ImportFailure:
    with pytest.raises(ImportFailure) as raised:
        _csv(text, name, **choice)
    return raised.value


# ------------------------------------------------------------------------------ headers


@pytest.mark.parametrize(
    "header",
    [
        "Titre;Durée",
        "TITRE ;DURÉE (min)",
        "Intitulé;Temps",
        "Sujet;Durée prévue",
        "title;length",
    ],
)
def test_header_names_people_write_are_understood(header: str) -> None:
    result = _csv(f"{header}\nAccueil;10\nExposé;25\n")
    assert _rows(result) == [("Accueil", "intro", 10 * M), ("Exposé", "talk", 25 * M)]
    assert result.problems == []


def test_a_column_nobody_knows_is_ignored_and_said() -> None:
    result = _csv("Titre;Durée;Couleur\nAccueil;10';rouge\n")
    assert _rows(result) == [("Accueil", "intro", 10 * M)]
    assert "line 1: column 'Couleur' not understood: ignored" in _warnings(result)


def test_without_a_title_column_the_sheet_is_refused_at_its_header() -> None:
    refused = _refusal("Duration,Speaker\n10,Ann Lee\n")
    assert "no title column" in refused.summary and "'Duration', 'Speaker'" in refused.summary
    assert [(p.line, p.message) for p in refused.problems] == [(1, "no title column")]


def test_a_header_without_rows_is_refused() -> None:
    assert "no rows with a title" in str(_refusal("Title;Duration\n"))


def test_comment_rows_and_blank_rows_are_skipped_and_lines_still_count() -> None:
    result = _csv("# exported by hand\nTitre;Durée\n\n;;\nAccueil;10'\nExposé;dix\n")
    assert _rows(result)[0] == ("Accueil", "intro", 10 * M)
    assert _problems(result)[0].startswith("line 6: duration 'dix' not understood")


# ------------------------------------------------------------------ delimiters, encodings


def test_semicolons_commas_and_tabs_are_all_delimiters() -> None:
    for sep in (";", ",", "\t"):
        result = _csv(f"Titre{sep}Durée\nAccueil{sep}10'\nTable ronde{sep}20'\n")
        assert _rows(result) == [("Accueil", "intro", 10 * M), ("Table ronde", "panel", 20 * M)]


def test_a_quoted_cell_keeps_its_commas_and_its_line_breaks() -> None:
    sheet = 'Title,Duration,Notes\n"Cities, data and trust",30,"first line\nsecond line"\n'
    result = _csv(sheet)
    assert _rows(result) == [("Cities, data and trust", "talk", 30 * M)]
    assert result.plan.segments[0].notes == "first line\nsecond line"


def test_a_utf8_bom_is_not_part_of_the_first_header() -> None:
    data = "\ufeffTitre;Durée\nÉchanges;15'\n".encode()
    result = import_data(data, "bom.csv")
    assert _rows(result) == [("Échanges", "qa", 15 * M)]
    assert not any("column" in w for w in _warnings(result))


def test_windows_1252_is_read_with_its_accents_and_a_warning() -> None:
    data = "Titre;Durée\nClôture;5'\n".encode("cp1252")
    result = import_data(data, "ag.csv")
    assert _rows(result) == [("Clôture", "conclusion", 5 * M)]
    assert "not UTF-8: read as Latin-1 (Windows-1252); check the accents" in _warnings(result)


# ------------------------------------------------------------------------------ durations


def test_duration_forms_are_those_of_the_model() -> None:
    sheet = "Titre;Durée\nA;10\nB;1h30\nC;8'20\"\nD;00:05:00\nE;15 min\n"
    assert [s for _, _, s in _rows(_csv(sheet))] == [10 * M, 90 * M, 8 * M + 20, 5 * M, 15 * M]


def test_an_approximate_duration_is_taken_and_said() -> None:
    result = _csv("Titre;Durée\nAccueil;environ 10 min\n")
    assert _rows(result) == [("Accueil", "intro", 10 * M)]
    assert "line 2: « environ 10 min » read as 10'" in _warnings(result)


def test_a_bad_duration_is_a_problem_on_its_line_and_the_rest_is_kept() -> None:
    result = _csv("Titre;Durée\nAccueil;10'\nExposé;xx\nQuestions;15'\n")
    assert not result.complete
    assert [p.line for p in result.problems] == [3]
    assert "duration 'xx' not understood" in result.problems[0].message
    assert [t for t, _, _ in _rows(result)] == ["Accueil", "Exposé", "Questions"]


def test_without_any_time_the_session_starts_at_nine_said() -> None:
    result = _csv("Title,Duration\nIntro,10\n")
    assert result.plan.start == dt.time(9, 0)
    assert _warnings(result) == ["no start time found: assumed 09:00"]


# ----------------------------------------------------------------------- start and end times


def test_each_row_lasts_until_the_next_start_and_an_end_row_ends_the_slot() -> None:
    result = _csv("Début;Titre\n9h00;Accueil\n9h20;Exposé\n10h00;Fin de séance\n")
    assert _rows(result) == [("Accueil", "intro", 20 * M), ("Exposé", "talk", 40 * M)]
    assert (result.plan.start, result.plan.hard_end) == (dt.time(9), dt.time(10))
    assert result.warnings == []


def test_start_and_end_columns_give_each_row_its_length_and_the_gap_becomes_a_break() -> None:
    result = _csv("Début;Fin;Titre\n9h00;9h20;Accueil\n9h30;10h00;Exposé\n")
    assert _rows(result) == [
        ("Accueil", "intro", 20 * M),
        ("Pause", "break", 10 * M),
        ("Exposé", "talk", 30 * M),
    ]
    assert _warnings(result) == [
        "line 3: nothing scheduled from 9h20 to 9h30: made a break 'Pause'"
    ]


def test_a_start_and_a_duration_that_leave_time_before_the_next_start_make_a_break() -> None:
    """The talk keeps the 20' the sheet gives it; the next row still starts at its time."""
    result = _csv("Start,Duration,Title\n09:00,20,Welcome\n09:30,30,Keynote\n")
    assert _rows(result) == [
        ("Welcome", "intro", 20 * M),
        ("Break", "break", 10 * M),
        ("Keynote", "talk", 30 * M),
    ]
    assert [result.plan.clock_at(s.offset_s) for s in result.plan.segments] == [
        dt.time(9, 0),
        dt.time(9, 20),
        dt.time(9, 30),
    ]


def test_a_long_gap_at_midday_becomes_lunch() -> None:
    result = _csv("Début;Titre;Durée\n11h00;Atelier;45'\n12h45;Restitution;30'\n")
    assert _rows(result)[1] == ("Déjeuner", "break", 60 * M)


def test_rows_without_a_start_between_timed_rows_share_the_time() -> None:
    result = _csv("Heure;Titre\n14h00;Accueil\n;Premier exposé\n;Second exposé\n15h00;Fin\n")
    assert [s for _, _, s in _rows(result)] == [20 * M, 20 * M, 20 * M]


def test_rows_before_the_first_start_set_the_session_start_earlier() -> None:
    result = _csv("Heure;Titre;Durée\n;Accueil;15'\n9h15;Exposé;30'\n")
    assert result.plan.start == dt.time(9, 0)
    assert _rows(result) == [("Accueil", "intro", 15 * M), ("Exposé", "talk", 30 * M)]


def test_times_written_with_am_and_pm() -> None:
    result = _csv("Title,Start\nIntro,9:00 am\nTalk,9:15 am\nEnd,10:00 am\n")
    assert _rows(result) == [("Intro", "talk", 15 * M), ("Talk", "talk", 45 * M)]


def test_a_start_that_goes_back_is_a_problem_on_its_line() -> None:
    result = _csv("Début;Titre\n9h00;Accueil\n9h20;Exposé\n9h10;Questions\n")
    assert "line 4: starts at 9h10, not after line 3 (9h20)" in _problems(result)


def test_an_end_before_the_start_is_a_problem_on_its_line() -> None:
    result = _csv("Début;Fin;Titre\n9h00;8h50;Accueil\n")
    assert _problems(result) == ["line 2: the end time is not after the start"]


def test_a_start_time_that_is_not_a_time_is_a_problem() -> None:
    result = _csv("Début;Titre\n9h00;Accueil\nneuf heures;Exposé\n")
    assert "line 3: start time 'neuf heures' not understood" in _problems(result)


# ---------------------------------------------------------------------------------- parts


def test_a_part_row_gives_the_budget_its_segments_share() -> None:
    sheet = (
        "Partie;Titre;Durée\n"
        "Témoignages;;40'\n"
        "Témoignages;Premier témoin;\n"
        "Témoignages;Second témoin;\n"
        "Témoignages;Questions;10'\n"
        ";Pause;15'\n"
    )
    result = _csv(sheet)
    assert _rows(result) == [
        ("Premier témoin", "talk", 15 * M),
        ("Second témoin", "talk", 15 * M),
        ("Questions", "qa", 10 * M),
        ("Pause", "break", 15 * M),
    ]
    assert [(p.title, p.budget_s) for p in result.plan.parts] == [
        ("Témoignages", 40 * M),
        ("Pause", 15 * M),
    ]
    assert [s.explicit for s in result.plan.segments] == [False, False, True, True]


def test_segments_that_take_more_than_their_part_are_a_problem_on_the_part_row() -> None:
    result = _csv("Partie;Titre;Durée\nTémoignages;;20'\nTémoignages;A;15'\nTémoignages;B;10'\n")
    assert _problems(result) == ["line 2: the items of 'Témoignages' take 25', more than its 20'"]


def test_timed_segments_of_a_part_and_a_gap_inside_it() -> None:
    sheet = (
        "Début;Partie;Titre;Durée\n"
        "14h00;Témoignages;Premier;15'\n"
        "14h30;Témoignages;Second;15'\n"
        "15h00;Clôture;;10'\n"
    )
    plan = _csv(sheet).plan
    starts = [(s.title, plan.clock_at(s.offset_s)) for s in plan.segments]
    assert starts == [
        ("Premier", dt.time(14, 0)),
        ("Pause", dt.time(14, 15)),  # the segments keep their 15'...
        ("Second", dt.time(14, 30)),
        ("Pause", dt.time(14, 45)),
        ("Clôture", dt.time(15, 0)),  # ...and the next part starts at its time
    ]
    assert [(p.title, p.count) for p in plan.parts] == [("Témoignages", 4), ("Clôture", 1)]


# ------------------------------------------------------------------------------- speakers


def test_speaker_role_organisation_and_note_columns() -> None:
    sheet = (
        "Titre;Durée;Intervenant;Fonction;Organisation;Note intervenant\n"
        "Exposé;20';M. Paul Martin;directeur;CNRS;arrive à 10h\n"
    )
    person = _csv(sheet).plan.segments[0].speakers[0]
    assert (person.name, person.role, person.organisation, person.note) == (
        "Paul Martin",
        "directeur",
        "CNRS",
        "arrive à 10h",
    )


def test_several_speakers_in_one_cell_one_a_line_with_their_roles() -> None:
    sheet = 'Titre;Durée;Intervenant;Fonction\nDébat;20\';"Anne Roy\nPaul Li";"Maire\nAdjoint"\n'
    people = _csv(sheet).plan.segments[0].speakers
    assert [(p.name, p.role) for p in people] == [("Anne Roy", "Maire"), ("Paul Li", "Adjoint")]


def test_a_row_with_only_a_speaker_adds_them_to_the_row_above() -> None:
    sheet = "Titre;Durée;Intervenant;Fonction\nTable ronde;30';Anne Roy;Maire\n;;Paul Li;Adjoint\n"
    result = _csv(sheet)
    assert len(result.plan.segments) == 1
    people = result.plan.segments[0].speakers
    assert [(p.name, p.role) for p in people] == [("Anne Roy", "Maire"), ("Paul Li", "Adjoint")]


def test_a_role_without_a_name_is_a_problem() -> None:
    result = _csv("Titre;Durée;Fonction\nExposé;20';directeur\n")
    assert _problems(result) == ["line 2: a role or organisation without a speaker's name"]


# ------------------------------------------------------------------ kinds, session, choices


def test_the_type_column_wins_over_the_title_and_an_unknown_type_is_said() -> None:
    result = _csv("Titre;Durée;Type\nAccueil;10';vote\nÉchange;20';panel\nCafé;10';pause\n")
    assert [k for _, k, _ in _rows(result)] == ["intro", "panel", "break"]
    assert "line 2: type 'vote' unknown: guessed from the title instead" in _warnings(result)


def test_english_headers_make_an_english_session_titled_after_the_file() -> None:
    result = _csv("Title,Duration\nIntro,10\n", name="city-council_review.csv")
    assert (result.plan.language, result.plan.title) == ("en", "City council review")


def test_day_and_room_given_by_the_user_go_into_the_session() -> None:
    result = _csv("Title,Duration\nIntro,10\n", day="2025-03-04", room="Room 1")
    assert (result.plan.date, result.plan.room) == (dt.date(2025, 3, 4), "Room 1")
    refused = _refusal("Title,Duration\nIntro,10\n", day="4 March")
    assert "expected a date YYYY-MM-DD" in refused.summary


def test_extra_cells_beyond_the_header_are_ignored_and_said() -> None:
    result = _csv("Titre;Durée\nAccueil;10';en trop\n")
    assert _warnings(result)[0] == "line 2: more cells than columns: the extra ones were ignored"
