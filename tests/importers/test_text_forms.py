"""The forms real programmes use, one by one: budgets, times, bullets, speakers, footnotes."""

from __future__ import annotations

import datetime as dt

import pytest

from app.importers import ChoiceNeeded, ImportResult, import_data
from app.importers.people import parse_people
from app.importers.times_in_text import find_duration, leading_time
from app.importers.words import guess_kind
from app.model.schema import SegmentKind

M = 60


def _import(text: str, **options: str) -> ImportResult:
    return import_data(text.encode("utf-8"), "programme.txt", fmt="text", **options)


def _rows(result: ImportResult) -> list[tuple[str, str, str, int, bool]]:
    plan = result.plan
    return [
        (plan.parts[s.part].title, s.title, s.kind.value, s.planned_s, s.explicit)
        for s in plan.segments
    ]


@pytest.mark.parametrize(
    ("written", "seconds", "approximate", "low"),
    [
        ("Témoignages (40') :", 40 * M, False, None),
        ("Introduction et animation : (10')", 10 * M, False, None),
        ("Atelier (40 min)", 40 * M, False, None),
        ("Plénière (1h)", 60 * M, False, None),
        ("Plénière (1h30)", 90 * M, False, None),
        ("Présentation (environ 20 mn)", 20 * M, True, None),
        ("Retours (20-25 mn)", 25 * M, False, 20 * M),
        ("Accueil – 10 min", 10 * M, False, None),
        ("Exposé (8'20\")", 500, False, None),
        ("Exposé (8’20″)", 500, False, None),
    ],
)
def test_budgets_as_written(written: str, seconds: int, approximate: bool, low: int | None) -> None:
    found = find_duration(written)
    assert found is not None
    assert (found.seconds, found.approximate, found.low) == (seconds, approximate, low)


@pytest.mark.parametrize(
    "written",
    ["ODD 17 (Renforcer les moyens)", "(1) Dans quelle mesure", "Point 2", "« Bilan (10') »"],
)
def test_not_budgets(written: str) -> None:
    assert find_duration(written) is None


@pytest.mark.parametrize(
    ("written", "start", "end", "rest"),
    [
        ("16h00 – 16h10 Introduction", (16, 0), (16, 10), "Introduction"),
        ("9h - 9h30 : Accueil", (9, 0), (9, 30), "Accueil"),
        ("09:00-09:30 Registration", (9, 0), (9, 30), "Registration"),
        ("9h30 : Accueil", (9, 30), None, "Accueil"),
        ("10h50 pause", (10, 50), None, "pause"),
        ("2:00 pm – 3:30 pm Panel", (14, 0), (15, 30), "Panel"),
        ("De 9h à 10h : Visite", (9, 0), (10, 0), "Visite"),
        ("14h00", (14, 0), None, ""),
    ],
)
def test_times_as_written(
    written: str, start: tuple[int, int], end: tuple[int, int] | None, rest: str
) -> None:
    found = leading_time(written)
    assert found is not None
    assert found.start == dt.time(*start)
    assert found.end == (dt.time(*end) if end else None)
    assert found.rest == rest


@pytest.mark.parametrize(
    ("written", "name", "role", "organisation"),
    [
        (
            "M. Jean-Claude Dardelet, maire adjoint de Toulouse",
            "Jean-Claude Dardelet",
            "maire adjoint de Toulouse",
            "",
        ),
        ("Mme Claire Petit – directrice de la CRESS", "Claire Petit", "directrice de la CRESS", ""),
        ("Tom Becker (CEO, RideShare Europe)", "Tom Becker", "CEO", "RideShare Europe"),
        ("par M. Jean Roux", "Jean Roux", "", ""),
        ("Intervenant : Madonna", "Madonna", "", ""),
        ("M. le Maire", "M. le Maire", "", ""),
        ("Dr Amira Haddad, Senior Researcher, TRL", "Dr Amira Haddad", "Senior Researcher", "TRL"),
    ],
)
def test_speakers_as_written(written: str, name: str, role: str, organisation: str) -> None:
    people = parse_people(written, expected=True)
    assert people is not None
    person = people.people[0]
    assert (person.name, person.role, person.organisation) == (name, role, organisation)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Échanges avec la salle", SegmentKind.QA),
        ("Questions", SegmentKind.QA),
        ("Débat", SegmentKind.QA),
        ("Échanges avec les auditeurs", SegmentKind.QA),
        ("Q&A with the audience", SegmentKind.QA),
        ("Discussion", SegmentKind.QA),
        ("Pause", SegmentKind.BREAK),
        ("Déjeuner", SegmentKind.BREAK),
        ("Coffee break", SegmentKind.BREAK),
        ("Lunch", SegmentKind.BREAK),
        ("Table ronde : financer", SegmentKind.PANEL),
        ("Introduction et animation", SegmentKind.INTRO),
        ("Eléments de conclusion", SegmentKind.CONCLUSION),
        ("Vu d'ailleurs", SegmentKind.TALK),
    ],
)
def test_kinds_from_titles(title: str, kind: SegmentKind) -> None:
    assert guess_kind(title) is kind


def test_bare_titles_with_budgets_bullets_and_a_footnote() -> None:
    result = _import(
        """Atelier mobilité
Lundi 7 octobre 2024 – 9h00 – 12h00

Introduction (10')
 - Mot d'accueil par M. Jean Roux
Première séquence : diagnostic (1h)
 - Présentation de l'étude (environ 20 mn) [Marie Dupont, cheffe de projet, Agence d'urbanisme]
 - Retours des communes (20-25 mn)
 - Mme Claire Martin – directrice des mobilités
 - Débat
Pause café (15 min)
Deuxième séquence (1h20)
 - Ateliers en sous-groupes
 - Restitution¹
 - Échanges avec les auditeurs (15')
Conclusion (5')

¹ Chaque groupe désigne un rapporteur.
"""
    )
    assert result.problems == []
    assert (result.plan.start, result.plan.hard_end) == (dt.time(9), dt.time(12))
    assert _rows(result) == [
        ("Introduction", "Mot d'accueil", "intro", 10 * M, False),
        ("Première séquence : diagnostic", "Présentation de l'étude", "talk", 20 * M, True),
        ("Première séquence : diagnostic", "Retours des communes", "talk", 25 * M, True),
        # a person alone under a part is a segment titled like the part (seed, part III)
        ("Première séquence : diagnostic", "Première séquence : diagnostic", "talk", 450, False),
        ("Première séquence : diagnostic", "Débat", "qa", 450, False),
        ("Pause café", "Pause café", "break", 15 * M, True),
        ("Deuxième séquence", "Ateliers en sous-groupes", "talk", 1950, False),
        ("Deuxième séquence", "Restitution", "talk", 1950, False),
        ("Deuxième séquence", "Échanges avec les auditeurs", "qa", 15 * M, True),
        ("Conclusion", "Conclusion", "conclusion", 5 * M, True),
    ]
    segments = result.plan.segments
    assert [(p.name, p.role, p.organisation) for p in segments[1].speakers] == [
        ("Marie Dupont", "cheffe de projet", "Agence d'urbanisme")
    ]
    assert segments[3].speakers[0].role == "directrice des mobilités"
    assert segments[7].notes == "Chaque groupe désigne un rapporteur."
    assert [str(w) for w in result.warnings] == [
        "line 7: approximate « environ 20 mn » read as 20'",
        "line 8: « 20-25 mn » read as 25' (the upper bound)",
    ]


def test_arabic_numbers_in_english() -> None:
    result = _import(
        """Urban futures day

1. Opening (10 min)
2. Keynote: Cities after the pandemic (40 min)
   Prof. Daniel Kim (University of Seoul)
3. Coffee break (20 min)
4. Discussion (30 min)
5. Lunch (1h)
"""
    )
    assert result.plan.language == "en"
    assert [(t, k, s) for _, t, k, s, _ in _rows(result)] == [
        ("Opening", "intro", 10 * M),
        ("Keynote: Cities after the pandemic", "talk", 40 * M),
        ("Coffee break", "break", 20 * M),
        ("Discussion", "qa", 30 * M),
        ("Lunch", "break", 60 * M),
    ]
    assert result.plan.segments[1].speakers[0].name == "Prof. Daniel Kim"
    # nothing gave a start time: assumed, and said
    assert [str(w) for w in result.warnings] == ["no start time found: assumed 09:00"]


def test_time_ranges_with_speakers_after_par() -> None:
    result = _import(
        """Programme
9h - 9h30 : Accueil des participants
9h30 - 10h15 : Conférence inaugurale, par Mme Sophie Bernard, présidente de l'université
10h15 - 10h30 : Questions
10h45 - 12h00 : Table ronde
"""
    )
    assert [(t, k, s) for _, t, k, s, _ in _rows(result)] == [
        ("Accueil des participants", "intro", 30 * M),
        ("Conférence inaugurale", "talk", 45 * M),
        ("Questions", "qa", 15 * M),
        ("Pause", "break", 15 * M),  # 10h30 -> 10h45: nothing planned, made a break
        ("Table ronde", "panel", 75 * M),
    ]
    speaker = result.plan.segments[1].speakers[0]
    assert (speaker.name, speaker.role) == ("Sophie Bernard", "présidente de l'université")
    assert any("made a break" in str(w) for w in result.warnings)


def test_several_days_need_a_choice() -> None:
    text = """Université d'été

Lundi 1er juillet 2024
9h00 : Accueil
9h30 : Conférence (1h)

Mardi 2 juillet 2024
9h00 : Ateliers (2h)
"""
    with pytest.raises(ChoiceNeeded) as raised:
        _import(text)
    assert raised.value.choices[0].startswith("--day 2024-07-01")
    result = _import(text, day="2024-07-02")
    assert result.plan.date == dt.date(2024, 7, 2)
    assert [s.title for s in result.plan.segments] == ["Ateliers"]
