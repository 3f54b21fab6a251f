"""Programmes that run past midnight (issue #13), in every importer: clock times after midnight
are the next day. An evening 20h00–01h00 in text, a CSV of start times to 01:00, a conference
day in schedule XML from 11:00 to 04:00 the next morning (the day's own start and end)."""

from __future__ import annotations

import datetime as dt

from app.importers import ImportResult, import_data

M = 60

EVENING_TEXT = """\
Nuit des chercheurs
Vendredi 27 septembre 2024, 20h00 - 01h00
Muséum, Toulouse

20h00 Accueil et ouverture
20h30 Conférence : la nuit des étoiles — Marie Curie, astronome
22h00 Pause
22h15 Table ronde
23h30 Questions de la salle
0h15 Concert de clôture
"""

EVENING_CSV = """\
Début,Titre,Intervenant
20:00,Accueil,
20:30,Conférence,Marie Curie
23:30,Débat,
00:15,Concert,
01:00,Fin,
"""


def frab(day_attrs: str, events: str) -> bytes:
    return (
        '<?xml version="1.0"?>\n<schedule>\n<conference><title>Congress</title></conference>\n'
        f'<day index="1" date="2024-12-27"{day_attrs}>\n<room name="Saal 1">\n{events}'
        "</room>\n</day>\n</schedule>\n"
    ).encode()


def ev(number: int, start: str, duration: str, title: str, date: str = "") -> str:
    stamp = f"<date>{date}</date>" if date else ""
    return (
        f'<event id="{number}">{stamp}<start>{start}</start><duration>{duration}</duration>'
        f"<title>{title}</title></event>\n"
    )


# Written out of order on purpose: a schedule lists events as it likes.
NIGHT = (
    ev(3, "00:30", "01:00", "Night talk", "2024-12-28T00:30:00+01:00")
    + ev(1, "11:00", "01:00", "Opening", "2024-12-27T11:00:00+01:00")
    + ev(2, "22:00", "02:30", "Late talk", "2024-12-27T22:00:00+01:00")
    + ev(4, "01:30", "02:30", "DJ set", "2024-12-28T01:30:00+01:00")
)
DAY_TO_4 = ' start="2024-12-27T11:00:00+01:00" end="2024-12-28T04:00:00+01:00"'


def rows(result: ImportResult) -> list[tuple[str, str, int, str]]:
    """(title, kind, planned seconds, clock time with its day) of each segment."""
    plan = result.plan
    return [
        (s.title, s.kind.value, s.planned_s, plan.clock_label(s.offset_s)) for s in plan.segments
    ]


def test_an_evening_in_text_runs_to_one_in_the_morning() -> None:
    result = import_data(EVENING_TEXT.encode(), "soiree.txt")
    plan = result.plan
    assert (plan.start, plan.hard_end, plan.slot_s) == (dt.time(20), dt.time(1), 5 * 3600)
    assert rows(result) == [
        ("Accueil et ouverture", "intro", 30 * M, "20:00"),
        ("Conférence : la nuit des étoiles", "talk", 90 * M, "20:30"),
        ("Pause", "break", 15 * M, "22:00"),
        ("Table ronde", "panel", 75 * M, "22:15"),
        ("Questions de la salle", "qa", 45 * M, "23:30"),
        ("Concert de clôture", "talk", 45 * M, "00:15 (+1)"),
    ]
    assert [(p.name, p.role) for p in plan.segments[1].speakers] == [("Marie Curie", "astronome")]
    assert result.problems == [] and plan.slack_s == 0
    # The one guess left is the last item's end, taken from the slot: said, not silent.
    assert [w.message for w in result.warnings] == [
        "nothing says when 'Concert de clôture' ends: assumed it lasts until the end of "
        "the slot (1h00)"
    ]


def test_a_start_a_little_before_the_one_above_is_still_a_slip_not_the_next_day() -> None:
    text = "Atelier\n16h00 - 18h00\n\n16h00 Accueil\n17h00 Débat\n16h30 Clôture\n"
    result = import_data(text.encode(), "atelier.txt")
    assert any("not after line" in p.message for p in result.problems)


def test_a_csv_of_start_times_past_midnight() -> None:
    result = import_data(EVENING_CSV.encode(), "soiree.csv")
    plan = result.plan
    assert (plan.start, plan.hard_end) == (dt.time(20), dt.time(1))
    assert rows(result) == [
        ("Accueil", "intro", 30 * M, "20:00"),
        ("Conférence", "talk", 180 * M, "20:30"),
        ("Débat", "qa", 45 * M, "23:30"),
        ("Concert", "talk", 45 * M, "00:15 (+1)"),
    ]
    assert [p.name for p in plan.segments[1].speakers] == ["Marie Curie"]
    assert result.problems == [] and result.warnings == []


def test_a_schedule_day_from_eleven_to_four_the_next_morning() -> None:
    result = import_data(frab(DAY_TO_4, NIGHT), "schedule.xml")
    plan = result.plan
    assert plan.date == dt.date(2024, 12, 27)
    assert (plan.start, plan.hard_end, plan.slot_s) == (dt.time(11), dt.time(4), 17 * 3600)
    assert rows(result) == [
        ("Opening", "intro", 60 * M, "11:00"),
        ("Lunch", "break", 600 * M, "12:00"),
        ("Late talk", "talk", 150 * M, "22:00"),
        ("Night talk", "talk", 60 * M, "00:30 (+1)"),
        ("DJ set", "talk", 150 * M, "01:30 (+1)"),
    ]
    assert result.problems == [] and plan.slack_s == 0


def test_the_days_own_start_places_events_after_midnight_without_their_dates() -> None:
    undated = (
        ev(3, "00:30", "01:00", "Night talk")
        + ev(1, "11:00", "01:00", "Opening")
        + ev(2, "22:00", "02:30", "Late talk")
        + ev(4, "01:30", "01:00", "DJ set")
    )
    result = import_data(frab(DAY_TO_4, undated), "schedule.xml")
    assert [r[0] for r in rows(result)] == ["Opening", "Lunch", "Late talk", "Night talk", "DJ set"]
    # The DJ set ends at 02:30: the day's end, 04:00, is the end of the slot.
    assert result.plan.hard_end == dt.time(4) and result.plan.slack_s == 90 * M
    assert result.plan.clock_label(result.plan.slot_s or 0) == "04:00 (+1)"


def test_without_day_bounds_the_events_dates_say_which_night() -> None:
    result = import_data(frab("", NIGHT), "schedule.xml")
    assert [r[0] for r in rows(result)][-2:] == ["Night talk", "DJ set"]
    assert result.plan.hard_end == dt.time(4)  # the DJ set's end
