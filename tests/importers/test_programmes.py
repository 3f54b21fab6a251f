"""Must-show 2: realistic programmes in the forms people write, imported and checked.

Each test imports a fixture from tests/importers/data with the CLI, as a user would, then
reads the plan back with `check --json` and asserts durations, kinds and speakers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.importers import import_file
from tests.importers.helpers import DATA, import_to, run, segments, speakers

M = 60


def test_municipal_council_with_start_times_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, err = import_to(capsys, tmp_path, "conseil-municipal.txt")
    assert (plan["title"], plan["date"]) == ("Conseil municipal", "2024-03-14")
    # « Séance publique du jeudi 14 mars 2024 à 18h30 » starts it, « Fin de séance » ends it
    assert (plan["start"], plan["slot_end"], plan["slack_s"]) == ("18:30", "20:45", 0)
    assert segments(plan) == [
        ("Ouverture de la séance", "intro", 5 * M),
        ("Appel nominal et désignation du secrétaire de séance", "talk", 5 * M),
        ("Approbation du procès-verbal de la séance du 1er février 2024", "talk", 5 * M),
        # 18h45 -> 19h50 is the block « Délibérations »: 65', the tariffs keep their 10'
        ("Budget primitif 2024", "talk", 27 * M + 30),
        ("Subventions aux associations sportives", "talk", 27 * M + 30),
        ("Tarifs de la restauration scolaire", "talk", 10 * M),
        ("pause", "break", 10 * M),
        ("Questions orales des conseillers municipaux", "qa", 30 * M),
        ("Échanges avec le public", "qa", 15 * M),
    ]
    assert [s["section"] for s in plan["segments"][3:6]] == ["Délibérations"] * 3
    assert speakers(plan)[0] == [("M. le Maire", "")]
    assert speakers(plan)[3] == [("Paul Martin", "rapporteur, adjoint aux finances")]
    assert speakers(plan)[4] == [("Sophie Lambert", "rapporteure, adjointe aux sports")]
    assert "warning: line 15: approximate « environ 10 mn » read as 10'" in err


def test_scientific_session_of_talks_each_followed_by_questions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, err = import_to(capsys, tmp_path, "session-scientifique.txt")
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2024-06-04", "14:00", "16:00")
    talks = [
        "Modélisation des crues éclair en région méditerranéenne",
        "Assimilation de données satellitaires pour la prévision des étiages",
        "Quarante ans de crues du Tarn : ce que disent les archives",
        "Cartographie participative des zones inondables",
        "Vers une alerte précoce à l'échelle communale",
    ]
    expected = [("Ouverture de la session", "intro", 5 * M)]
    for title in talks:
        expected += [(title, "talk", 15 * M), ("Questions", "qa", 5 * M)]
    expected.append(("Discussion générale et clôture de la session", "qa", 15 * M))
    assert segments(plan) == expected
    assert plan["total_s"] == 2 * 3600 and plan["slack_s"] == 0
    people = speakers(plan)
    assert people[1] == [
        ("Julien Faure", "BRGM, Montpellier"),
        ("Marie Lenoir", "BRGM, Montpellier"),
    ]
    assert people[3] == [("Dr Karim Haddad", "INRAE, Lyon")]
    assert people[5] == [("Hélène Vidal", "historienne, Archives départementales du Tarn")]
    assert people[9] == [("Léa Moreau", "ingénieure, Syndicat mixte du bassin de l'Agout")]
    assert all(p == [] for p in people[2::2])  # the question slots: the room speaks
    # the chair and the sentence about the format are notes of the session part, not segments
    result = import_file(DATA / "session-scientifique.txt")
    notes = result.document.parts[0].notes
    assert "Présidente de séance : Pr Anne Morel (Université Lyon 1)" in notes
    assert "5 minutes de questions" in notes
    assert "warning" not in err and "error" not in err


def test_english_panel_with_time_ranges(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan, _ = import_to(capsys, tmp_path, "urban-mobility-panel.txt")
    assert plan["title"] == "The Future of Urban Mobility"
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2024-03-14", "14:00", "15:30")
    assert segments(plan) == [
        ("Welcome and introduction", "intro", 10 * M),
        ('Panel discussion: "Who pays for the last mile?"', "panel", 45 * M),
        ("Q&A with the audience", "qa", 25 * M),
        ("Closing remarks", "conclusion", 5 * M),
    ]
    assert plan["slack_s"] == 5 * M
    assert speakers(plan) == [
        [("Sarah Jones", "moderator, Head of Transport Policy, Leeds City Council")],
        [
            ("Dr Amira Haddad", "Senior Researcher, Transport Research Laboratory"),
            ("Tom Becker", "CEO, RideShare Europe"),
            ("Councillor Priya Nair", "Birmingham City Council"),
        ],
        [],
        [("Sarah Jones", "")],
    ]
    result = import_file(DATA / "urban-mobility-panel.txt")
    assert result.document.session.language == "en"
    assert result.document.session.room == "Room B"


def test_a_time_alone_on_its_line_heads_a_block(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, _ = import_to(capsys, tmp_path, "journee-ess.txt")
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2024-11-08", "08:45", "14:00")
    assert segments(plan) == [
        ("Accueil café", "intro", 30 * M),
        # 9h15 -> 10h00: the two items share the block's 45'
        ("Mot d'accueil", "intro", 22 * M + 30),
        ("Présentation de la journée", "talk", 22 * M + 30),
        # 10h00 -> 11h15: the questions keep their 15', the round table takes the hour left
        ("Table ronde : financer l'innovation sociale sur les territoires", "panel", 60 * M),
        ("Échanges avec la salle", "qa", 15 * M),
        ("Pause", "break", 15 * M),
        ("Atelier 1 : les circuits courts alimentaires", "talk", 45 * M),
        ("Restitution en plénière", "talk", 30 * M),
        ("Déjeuner", "break", 75 * M),
    ]
    assert [p["title"] for p in plan["parts"]] == [
        "Accueil café",
        "Ouverture",
        "Table ronde : financer l'innovation sociale sur les territoires",
        "Pause",
        "Ateliers thématiques",
        "Déjeuner",
    ]
    people = speakers(plan)
    assert people[1] == [("Loïc Le Gall", "vice-président de la Région Bretagne")]
    assert people[2] == [("Claire Petit", "directrice de la CRESS Bretagne")]
    assert people[3] == [
        ("Isabelle Moreau", "animation, journaliste"),
        ("Karim Benali", "directeur, France Active Bretagne"),
        ("Nathalie Roux", "présidente de la coopérative Coop'Alim"),
    ]


def test_csv_with_french_headers_semicolons_and_latin1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = (DATA / "assemblee-generale.csv").read_bytes()
    assert b"\xe9" in raw  # really Latin-1, not UTF-8
    plan, err = import_to(capsys, tmp_path, "assemblee-generale.csv", "--day", "2025-01-25")
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2025-01-25", "18:00", None)
    assert segments(plan) == [
        ("Ouverture", "intro", 10 * M),
        ("Rapport moral", "talk", 15 * M),
        ("Rapport financier", "talk", 15 * M),
        ("Questions de la salle", "qa", 15 * M),
        ("Pause", "break", 15 * M),
        ("Le jardin partagé du quartier Nord", "talk", 20 * M),
        ("La fête des voisins", "talk", 30 * M),
        ("Vote des résolutions", "talk", 10 * M),
        ("Clôture", "conclusion", 5 * M),
    ]
    assert speakers(plan) == [
        [("Hélène Carpentier", "Présidente de l'association")],
        [("Hélène Carpentier", "Présidente")],
        [("Marc Dubois", "Trésorier")],
        [],
        [],
        [("Yann Le Bihan", "Responsable du jardin")],
        [("Inès Bouchard", "Bénévole"), ("Chloé Martin", "Bénévole")],
        [],
        [("Hélène Carpentier", "Présidente")],
    ]
    assert plan["segments"][2]["notes"] == "Comptes certifiés par le cabinet Audit Plus"
    assert "warning: not UTF-8: read as Latin-1" in err
    assert "warning: line 12: type 'vote' unknown" in err


def test_schedule_xml_with_two_rooms_and_a_lunch_gap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # two rooms on the day: the user must choose, and is shown what there is
    code, out, err = run(capsys, "import", DATA / "rencontres-numeriques.xml")
    assert code == 2 and out == ""
    assert "--room 'Amphithéâtre'  (6 events, from 09:30)" in err
    assert "--room 'Salle Ada Lovelace'  (2 events, from 09:45)" in err
    assert "choose one" in err.splitlines()[-1]

    plan, err = import_to(
        capsys, tmp_path, "rencontres-numeriques.xml", "--day", "2024-05-16", "--room", "amphi"
    )
    assert plan["title"] == "Rencontres du numérique public 2024 — Amphithéâtre"
    assert (plan["date"], plan["start"], plan["slot_end"]) == ("2024-05-16", "09:30", "14:50")
    assert segments(plan) == [
        ("Ouverture des Rencontres", "intro", 15 * M),
        ("Les communs numériques dans les collectivités", "talk", 45 * M),
        ("Pause café", "break", 15 * M),  # its track is « Pause »
        ("Table ronde : l'accessibilité numérique, une obligation et une chance", "panel", 60 * M),
        ("Déjeuner", "break", 135 * M),  # 11h45 -> 14h00, nothing scheduled
        ("Open data : dix ans après", "talk", 30 * M),
        ("Questions et échanges", "qa", 20 * M),
    ]
    assert speakers(plan)[1] == [("Julie Marchand", ""), ("Olivier Costa", "")]
    assert [n for n, _ in speakers(plan)[3]] == [
        "Samira Khelifi",
        "Paul Lefèvre",
        "Anne-Sophie Roche",
    ]
    assert plan["segments"][1]["notes"] == (
        "Comment mutualiser les logiciels entre villes ?\n"
        "Retour d'expérience de trois métropoles.\n"
        "Avec démonstrations en direct & questions.\n"
        "- Lyon\n"
        "- Nantes"
    )
    assert "warning: line 78: nothing scheduled from 11h45 to 14h00: made a break" in err

    other, _ = import_to(
        capsys, tmp_path, "rencontres-numeriques.xml", "--room", "Salle Ada Lovelace"
    )
    assert segments(other) == [
        ("Atelier : concevoir un service public numérique avec ses usagers", "talk", 90 * M),
        ("Déjeuner", "break", 165 * M),
        ("Atelier : sobriété numérique", "talk", 50 * M),
    ]
    assert speakers(other)[2] == [("Hugo Lambert", "")]  # a <person> straight under <event>
