"""The draft written as a running order: what the file says is what the moderator gets."""

from __future__ import annotations

import tomllib

from app.importers import import_data

M = 60


def test_a_long_part_without_segments_is_written_as_one_part_with_its_budget() -> None:
    """A 1h30 workshop stays one part with a budget: no stand-in segment of the same title.

    The model once read such a budget (seconds) as minutes past 24' (fixed in 4a0c64e); the
    importer used to write a segment instead. It now writes the part as the user gave it.
    """
    sheet = "Titre;Durée\nAtelier d'écriture;1h30\nPause;25'\nRestitution;20'\n"
    result = import_data(sheet.encode("utf-8"), "atelier.csv")
    assert result.problems == []
    parts = tomllib.loads(result.toml_text)["parts"]
    assert [(p["title"], p.get("budget"), "segments" in p) for p in parts] == [
        ("Atelier d'écriture", "01:30:00", False),
        ("Pause", "25'", False),
        ("Restitution", "20'", False),
    ]
    assert [(s.title, s.kind.value, s.planned_s) for s in result.plan.segments] == [
        ("Atelier d'écriture", "talk", 90 * M),
        ("Pause", "break", 25 * M),
        ("Restitution", "talk", 20 * M),
    ]
    assert [p.budget_s for p in result.plan.parts] == [90 * M, 25 * M, 20 * M]
