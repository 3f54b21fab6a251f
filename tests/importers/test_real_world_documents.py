"""Must-show 2 (second half): programmes as people receive them (copied from a web page or a
PDF, printed to PDF with page headers, Word documents with lists or a table, an Excel agenda,
an evening session), imported through the real command: durations, kinds, speakers and clock
times asserted from `check --json`, and the guesses said on the lines they concern."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.importers.documents import write_docx, write_pdf, write_xlsx
from tests.importers.helpers import check_json, run

M = 60


def _import(capsys: pytest.CaptureFixture[str], source: Path) -> tuple[dict[str, Any], str]:
    out = source.with_suffix(".toml")
    code, stdout, err = run(capsys, "import", source, "-o", out)
    assert code == 0, err
    assert stdout == "" and "error:" not in err, err
    return check_json(capsys, out), err


def _rows(plan: dict[str, Any]) -> list[tuple[str, str, int, str]]:
    """(clock time, title, minutes, kind) of each segment."""
    return [
        (s["planned_start"][:5], s["title"], s["planned_s"] // M, s["kind"])
        for s in plan["segments"]
    ]


def _people(plan: dict[str, Any]) -> list[list[tuple[str, str, str]]]:
    return [
        [(p["name"], p["role"], p["organisation"]) for p in s["speakers"]] for s in plan["segments"]
    ]


def _text(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_web_page_copied_with_wrapped_titles_and_speakers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _text(
        tmp_path,
        "forum.txt",
        "Smart Cities Forum 2025\n"
        "Thursday 13 March 2025, 09:00 – 12:30\n"
        "\n"
        "Agenda\n"
        "\n"
        "09:00 Registration and welcome coffee\n"
        "09:30 Opening keynote: the future of\n"
        "public digital services in European cities\n"
        "Jane Smith, Chief Digital Officer,\n"
        "City of Lyon\n"
        "10:15 Panel: open data, privacy and\n"
        "the citizen\n"
        "Paul Martin (Open Data France)\n"
        "11:15 Coffee break\n"
        "11:30 Workshop: designing services with\n"
        "residents\n"
        "12:30 End\n",
    )
    plan, err = _import(capsys, source)
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2025-03-13", "09:00", "12:30")
    assert _rows(plan) == [
        ("09:00", "Registration and welcome coffee", 30, "talk"),
        ("09:30", "Opening keynote: the future of public digital services in European cities",
         45, "intro"),
        ("10:15", "Panel: open data, privacy and the citizen", 60, "panel"),
        ("11:15", "Coffee break", 15, "break"),
        ("11:30", "Workshop: designing services with residents", 60, "talk"),
    ]  # fmt: skip
    assert _people(plan) == [
        [],
        [("Jane Smith", "Chief Digital Officer", "City of Lyon")],
        [("Paul Martin", "", "Open Data France")],
        [],
        [],
    ]
    # every join and every guessed speaker is said, on the line it starts from
    assert "warning: line 7: line 8 joined to this one (it starts with a small letter)" in err
    assert "warning: line 9: line 10 joined to this one (the line above it ends open)" in err
    assert "warning: line 9: read as the speaker of line 7" in err


def test_a_list_of_start_times_under_its_first_line_stays_a_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's case: the first line was taken as a part heading and every item shifted
    by one slot. Now each item starts at its own time and the shift is named."""
    source = _text(
        tmp_path,
        "conseil.txt",
        "Conseil de quartier Croix-Rousse\n"
        "Jeudi 20 novembre 2025, 18h30 – 21h00\n"
        "\n"
        "Ordre du jour\n"
        "\n"
        "18h30 Accueil et émargement\n"
        "    18h45 Mot d'accueil par Mme Sophie Lambert, adjointe au maire\n"
        "    19h00 Présentation du budget participatif\n"
        "    19h45 Questions des habitants\n"
        "    20h30 Vote des projets\n"
        "    21h00 Fin de la réunion\n",
    )
    plan, err = _import(capsys, source)
    assert (plan["start"], plan["slot_end"]) == ("18:30", "21:00")
    assert _rows(plan) == [
        ("18:30", "Accueil et émargement", 15, "intro"),
        ("18:45", "Mot d'accueil", 15, "intro"),
        ("19:00", "Présentation du budget participatif", 45, "talk"),
        ("19:45", "Questions des habitants", 45, "qa"),
        ("20:30", "Vote des projets", 30, "talk"),
    ]
    assert _people(plan)[1] == [("Sophie Lambert", "adjointe au maire", "")]
    assert [p["title"] for p in plan["parts"]] == [s[1] for s in _rows(plan)]
    assert (
        "warning: line 7: under line 6 but starting at 18h45: read as the next item of a list "
        "of start times, not as part of 'Accueil et émargement'" in err
    )
    assert "Temps libre" not in err


def test_times_alone_on_their_lines_and_an_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _text(
        tmp_path,
        "atelier.txt",
        "Atelier vélo\nSamedi 5 avril 2025\n\nProgramme\n\n"
        "14h00\nAccueil des participants\n14h15\nDiagnostic des vélos\n"
        "15h30\nRéparations encadrées\n16h30\nFin\n",
    )
    plan, _ = _import(capsys, source)
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2025-04-05", "14:00", "16:30")
    assert _rows(plan) == [
        ("14:00", "Accueil des participants", 15, "intro"),
        ("14:15", "Diagnostic des vélos", 75, "talk"),
        ("15:30", "Réparations encadrées", 60, "talk"),
    ]


def _forum_text() -> str:
    abstract = (
        "    Cette intervention présente les résultats de trois années de suivi des nappes "
        "phréatiques du bassin, les méthodes de mesure employées sur le terrain et les "
        "conséquences pour la gestion des prélèvements en période de sécheresse prolongée."
    )
    talks = [
        ("9h00 – 9h30", "Accueil des participants et café", None),
        ("9h30 – 9h45", "Ouverture du forum", "M. Philippe Garnier, président du syndicat mixte"),
        ("9h45 – 10h30", "Les nappes phréatiques du bassin face au changement climatique : "
         "trois années de mesures", "Dr Claire Fontaine, hydrogéologue, BRGM Occitanie"),
        ("10h30 – 10h45", "Pause", None),
        ("10h45 – 11h30", "Réutiliser les eaux usées traitées pour l'irrigation : retour "
         "d'expérience", "Mme Nadia Benali, ingénieure, Agence de l'eau Adour-Garonne"),
        ("11h30 – 12h15", "Table ronde : partager l'eau entre agriculture, industrie et "
         "habitants", "Animée par M. Julien Roux, journaliste"),
        ("12h15 – 14h00", "Déjeuner", None),
        ("14h00 – 14h45", "Restaurer les zones humides : méthodes et coûts",
         "Dr Hugo Lemaire, écologue, Conservatoire des espaces naturels"),
        ("14h45 – 15h30", "Les compteurs connectés au service des économies d'eau",
         "Mme Sarah Klein, directrice, Régie des eaux de Montauban"),
        ("15h30 – 16h00", "Synthèse et clôture",
         "M. Philippe Garnier, président du syndicat mixte"),
    ]  # fmt: skip
    lines = ["**Forum régional de l'eau 2025**", "Jeudi 12 juin 2025, 9h00 – 16h00", "",
             "Programme", ""]  # fmt: skip
    for times, title, who in talks:
        lines.append(f"{times} {title}")
        if who:
            lines.append(f"    {who}")
            if who.startswith(("Dr", "Mme")):
                lines.append(abstract)
        lines.append("")
    return "\n".join(lines)


def test_a_printed_pdf_with_a_running_header_and_page_numbers(
    qapp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = write_pdf(
        tmp_path / "forum.pdf",
        _forum_text(),
        header="Forum régional de l'eau 2025 — Programme",
        numbers="Page {n} / {total}",
        point_size=13,
    )
    plan, err = _import(capsys, pdf)
    assert plan["title"] == "Forum régional de l'eau 2025"
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2025-06-12", "09:00", "16:00")
    rows = _rows(plan)
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("09:00", 30, "intro"),
        ("09:30", 15, "intro"),
        ("09:45", 45, "talk"),
        ("10:30", 15, "break"),
        ("10:45", 45, "talk"),
        ("11:30", 45, "panel"),
        ("12:15", 105, "break"),
        ("14:00", 45, "talk"),
        ("14:45", 45, "talk"),
        ("15:30", 30, "conclusion"),
    ]
    # titles wrapped by the page are whole again; none holds the header or a page number
    assert rows[2][1] == (
        "Les nappes phréatiques du bassin face au changement climatique : trois années de mesures"
    )
    assert rows[8][1] == "Les compteurs connectés au service des économies d'eau"
    assert not any("Programme" in r[1] or "Page" in r[1] for r in rows)
    people = _people(plan)
    assert people[2] == [("Dr Claire Fontaine", "hydrogéologue", "BRGM Occitanie")]
    assert people[8] == [("Sarah Klein", "directrice", "Régie des eaux de Montauban")]
    # the abstract, wrapped over four lines, is the talk's note in one piece
    notes = plan["segments"][7]["notes"]
    assert notes.startswith("Cette intervention présente") and notes.endswith("prolongée.")
    assert "\n" not in notes
    assert "left out (\"Forum régional de l'eau 2025 — Programme\", 'Page 1 / 2'" in err
    assert "warning: page 1, line" in err and "warning: page 2, line" in err


def test_a_word_document_with_the_programme_in_a_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write_docx(
        tmp_path / "ag.docx",
        "**Assemblée générale de l'association Vélo en ville**\n"
        "Samedi 15 mars 2025 – 10h00 – 12h00\n",
        table=[
            ["Horaire", "Titre", "Intervenant", "Fonction"],
            ["10h00", "Accueil et émargement", "", ""],
            ["10h15", "Rapport moral", "Marie Dubois", "présidente"],
            ["10h45", "Rapport financier", "Karim Haddad", "trésorier"],
            ["11h15", "Questions et vote", "", ""],
            ["11h45", "Verre de l'amitié", "", ""],
        ],
    )
    plan, _ = _import(capsys, doc)
    assert plan["title"] == "Assemblée générale de l'association Vélo en ville"
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2025-03-15", "10:00", "12:00")
    assert _rows(plan) == [
        ("10:00", "Accueil et émargement", 15, "intro"),
        ("10:15", "Rapport moral", 30, "talk"),
        ("10:45", "Rapport financier", 30, "talk"),
        ("11:15", "Questions et vote", 30, "qa"),
        ("11:45", "Verre de l'amitié", 15, "talk"),
    ]
    assert _people(plan)[1:3] == [
        [("Marie Dubois", "présidente", "")],
        [("Karim Haddad", "trésorier", "")],
    ]


def test_a_word_table_without_column_names_is_read_as_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write_docx(
        tmp_path / "benevoles.docx",
        "Rencontre des bénévoles\nMercredi 9 avril 2025\n\nProgramme\n",
        table=[
            ["18h00", "Accueil", ""],
            ["18h15", "Bilan de l'année", "Paul Leroy, coordinateur"],
            ["19h00", "Ateliers en petits groupes", ""],
            ["20h00", "Fin", ""],
        ],
    )
    plan, _ = _import(capsys, doc)
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2025-04-09", "18:00", "20:00")
    assert _rows(plan) == [
        ("18:00", "Accueil", 15, "intro"),
        ("18:15", "Bilan de l'année", 45, "talk"),
        ("19:00", "Ateliers en petits groupes", 60, "talk"),
    ]
    assert _people(plan)[1] == [("Paul Leroy", "coordinateur", "")]


def test_a_word_document_with_numbered_parts_bullets_and_a_bold_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph().add_run("Journée des familles").bold = True
    document.add_paragraph("Dimanche 18 mai 2025, 14h00 – 17h00")
    document.add_paragraph("Programme")
    document.add_paragraph("Accueil et présentation (30')", style="List Number")
    document.add_paragraph("Animations (1h30)", style="List Number")
    document.add_paragraph("Spectacle de marionnettes (45')", style="List Bullet")
    document.add_paragraph("Ateliers créatifs", style="List Bullet")
    document.add_paragraph("Goûter (30')", style="List Number")
    document.add_paragraph().add_run("Clôture (30')").bold = True
    path = tmp_path / "familles.docx"
    document.save(str(path))
    plan, _ = _import(capsys, path)
    assert plan["title"] == "Journée des familles"
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2025-05-18", "14:00", "17:00")
    assert [(p["title"], p["budget_s"] // M) for p in plan["parts"]] == [
        ("Accueil et présentation", 30),
        ("Animations", 90),
        ("Goûter", 30),
        ("Clôture", 30),
    ]
    assert _rows(plan) == [
        ("14:00", "Accueil et présentation", 30, "intro"),
        ("14:30", "Spectacle de marionnettes", 45, "talk"),
        ("15:15", "Ateliers créatifs", 45, "talk"),
        ("16:00", "Goûter", 30, "break"),
        ("16:30", "Clôture", 30, "conclusion"),
    ]


def test_an_excel_agenda_with_typed_times_and_the_session_above_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = write_xlsx(
        tmp_path / "summit.xlsx",
        [
            ["Open Source Summit – Community track"],
            ["Tuesday 7 October 2025, 13:30 – 17:00"],
            [],
            ["Start", "Title", "Speaker", "Organisation", "Kind"],
            [dt.time(13, 30), "Welcome and introduction", "Ana Costa", "Linux Foundation", "intro"],
            [
                dt.time(13, 45),
                "Maintaining a project for ten years",
                "Tom Becker",
                "Debian",
                "talk",
            ],
            [dt.time(14, 30), "Funding open source", "Priya Raman", "NLnet", "talk"],
            [dt.time(15, 15), "Coffee break", None, None, "break"],
            [
                dt.time(15, 45),
                "Panel: the next generation of maintainers",
                "Ana Costa\nTom Becker",
                "Linux Foundation\nDebian",
                "panel",
            ],
            [dt.time(16, 45), "Closing remarks", "Ana Costa", "Linux Foundation", "conclusion"],
            [dt.time(17, 0), "End"],
        ],
    )
    plan, _ = _import(capsys, book)
    assert plan["title"] == "Open Source Summit – Community track"
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2025-10-07", "13:30", "17:00")
    assert _rows(plan) == [
        ("13:30", "Welcome and introduction", 15, "intro"),
        ("13:45", "Maintaining a project for ten years", 45, "talk"),
        ("14:30", "Funding open source", 45, "talk"),
        ("15:15", "Coffee break", 30, "break"),
        ("15:45", "Panel: the next generation of maintainers", 60, "panel"),
        ("16:45", "Closing remarks", 15, "conclusion"),
    ]
    assert _people(plan)[4] == [
        ("Ana Costa", "", "Linux Foundation"),
        ("Tom Becker", "", "Debian"),
    ]


def test_an_excel_sheet_with_durations_typed_as_times(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """« 0:20 » typed in a Durée column is twenty minutes (Excel stores it as a time)."""
    book = write_xlsx(
        tmp_path / "reunion.xlsx",
        [
            ["Partie", "Titre", "Intervenant", "Durée"],
            [None, "Tour de table", None, dt.time(0, 20)],
            ["Dossiers", None, None, dt.timedelta(hours=1, minutes=10)],
            ["Dossiers", "Budget 2026", "Léa Martin, trésorière", dt.time(0, 40)],
            ["Dossiers", "Calendrier", None, None],
            [None, "Pause", None, 10],
        ],
    )
    plan, _ = _import(capsys, book)
    assert _rows(plan) == [
        ("09:00", "Tour de table", 20, "talk"),
        ("09:20", "Budget 2026", 40, "talk"),
        ("10:00", "Calendrier", 30, "talk"),
        ("10:30", "Pause", 10, "break"),
    ]
    assert _people(plan)[1] == [("Léa Martin", "trésorière", "")]


def test_an_evening_session_with_dinner(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _text(
        tmp_path,
        "soiree.txt",
        "Nuit des musées – soirée des partenaires\n"
        "Friday 16 May 2025, 18:30 – 22:00\n\nProgramme\n\n"
        "18:30 Doors open, welcome drinks\n"
        "19:00 Welcome address by Dr Emma Walsh, museum director\n"
        "19:15 Guided tour of the new wing (45')\n"
        "20:00 Dinner\n"
        "21:30 Concert: string quartet from the conservatoire\n"
        "22:00 End of the evening\n",
    )
    plan, _ = _import(capsys, source)
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2025-05-16", "18:30", "22:00")
    assert _rows(plan) == [
        ("18:30", "Doors open, welcome drinks", 30, "talk"),
        ("19:00", "Welcome address", 15, "intro"),
        ("19:15", "Guided tour of the new wing", 45, "talk"),
        ("20:00", "Dinner", 90, "break"),
        ("21:30", "Concert: string quartet from the conservatoire", 30, "talk"),
    ]
    assert _people(plan)[1][0][0] == "Dr Emma Walsh"


def test_an_evening_past_midnight(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _text(
        tmp_path,
        "hackathon.txt",
        "Late-night hackathon\nSaturday 8 November 2025, 20:00 – 01:00\n\nProgramme\n\n"
        "20:00 Kick-off\n20:30 Team hacking\n23:30 Demos\n00:30 Awards\n01:00 End\n",
    )
    plan, _ = _import(capsys, source)
    assert (plan["start"], plan["slot_end"]) == ("20:00", "01:00")
    assert _rows(plan) == [
        ("20:00", "Kick-off", 30, "talk"),
        ("20:30", "Team hacking", 180, "talk"),
        ("23:30", "Demos", 60, "talk"),
        ("00:30", "Awards", 30, "talk"),
    ]


def test_each_guess_is_tied_to_the_segment_it_concerns(tmp_path: Path) -> None:
    """For the editor: a warning names its line and the index of the segment it belongs to."""
    from app.importers import import_file

    source = _text(
        tmp_path,
        "conseil.txt",
        "Conseil de quartier\nJeudi 20 novembre 2025, 18h30 – 20h30\n\nOrdre du jour\n\n"
        "18h30 Accueil\n"
        "    18h45 Présentation du budget participatif par Mme Sophie\n"
        "Lambert, adjointe au maire\n"
        "    19h30 Questions des habitants\n"
        "Paul Durand (association des commerçants)\n",
    )
    result = import_file(source)
    found = {(d.line, d.item): d.message for d in result.warnings}
    assert found[(7, 1)].startswith("under line 6 but starting at 18h45")
    joined = next(d for d in result.warnings if "line 8 joined" in d.message)
    assert (joined.line, joined.item) == (7, 1)
    speaker = next(d for d in result.warnings if "read as the speaker" in d.message)
    assert (speaker.line, speaker.item, speaker.unit) == (10, 2, "line")
    assert result.plan.segments[2].speakers[0].name == "Paul Durand"
    assert result.plan.segments[1].speakers[0].name == "Sophie Lambert"


def test_a_pdf_warning_says_its_page_and_a_sheet_warning_its_row(qapp: Any, tmp_path: Path) -> None:
    from app.importers import import_file

    pdf = write_pdf(
        tmp_path / "p.pdf",
        "Programme\n\n9h00 Accueil\n9h30 Atelier (20')\n10h00 Débat\n10h30 Fin\n",
        numbers="- {n} -",
    )
    result = import_file(pdf)
    gap = next(d for d in result.warnings if "nothing scheduled" in d.message)
    assert (gap.page, gap.page_line, gap.item) == (1, 5, 2)
    assert str(gap).startswith("page 1, line 5: nothing scheduled from 9h50 to 10h00")
    book = write_xlsx(tmp_path / "s.xlsx", [["Titre", "Durée", "Type"], ["Accueil", 10, "apéro"]])
    unknown = next(d for d in import_file(book).warnings if "unknown" in d.message)
    assert str(unknown).startswith("row 2: type 'apéro' unknown") and unknown.item == 0


def test_what_the_importer_cannot_decide_it_says_with_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """« Matinée (3h) » above flat start times: a part holding them, or a first item? The
    importer keeps the programme's order (the session starts 3 h before 9h00) and says why,
    on the line, with what to do."""
    source = _text(
        tmp_path,
        "matinee.txt",
        "Journée de l'eau\nProgramme\nMatinée (3h)\n9h00 Accueil\n9h30 Ouverture\n"
        "10h00 Table ronde\n12h00 Fin\n",
    )
    plan, err = _import(capsys, source)
    assert plan["start"] == "06:00"
    assert (
        "warning: line 3: 1 line with a length but no time comes before the first time (9h00, "
        "line 4): the session starts at 6h00; if 'Matinée' holds the lines below it, indent "
        "them under it" in err
    )
    indented = _text(
        tmp_path,
        "matinee2.txt",
        "Journée de l'eau\nProgramme\nMatinée (3h)\n  9h00 Accueil\n  9h30 Ouverture\n"
        "  10h00 Table ronde\n12h00 Fin\n",
    )
    plan, err = _import(capsys, indented)
    assert plan["start"] == "09:00" and "indent them" not in err
    assert [(p["title"], p["budget_s"] // M) for p in plan["parts"]] == [("Matinée", 180)]
    assert _rows(plan) == [
        ("09:00", "Accueil", 30, "intro"),
        ("09:30", "Ouverture", 30, "intro"),
        ("10:00", "Table ronde", 120, "panel"),
    ]


def test_a_text_with_page_breaks_loses_its_page_numbers_and_running_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What pdftotext or a copy of a printed programme gives: pages split by form feeds."""
    header = "Rencontres 2025 — programme"
    source = _text(
        tmp_path,
        "asso.txt",
        f"{header}\n\n**Journée des associations**\nSamedi 6 septembre 2025\n\nProgramme\n\n"
        "10h00 Accueil\n10h30 Forum des associations\n1\n"
        f"\f{header}\n12h00 Déjeuner\n14h00 Démonstrations par\nles clubs sportifs\n2\n"
        f"\f{header}\n16h00 Remise des prix\n17h00 Fin\n3\n",
    )
    plan, err = _import(capsys, source)
    assert plan["title"] == "Journée des associations"
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2025-09-06", "10:00", "17:00")
    assert _rows(plan) == [
        ("10:00", "Accueil", 30, "intro"),
        ("10:30", "Forum des associations", 90, "talk"),
        ("12:00", "Déjeuner", 120, "break"),
        ("14:00", "Démonstrations par les clubs sportifs", 120, "talk"),
        ("16:00", "Remise des prix", 60, "talk"),
    ]
    assert "page numbers and the running headers or footers left out ('1', '2', '3', ...)" in err
    assert "warning: page 2, line 3: line 4 joined to this one (it starts with a small" in err
