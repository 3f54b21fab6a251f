"""One policy for programmes given by start times, whatever their format (start_times.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.importers import import_data
from app.importers.draft import ImportDiagnostics
from app.importers.start_times import Timed, lay_out

M = 60

# the same morning, three ways: a 25' talk at 10:00, the next one at 10:40
SAME_MORNING = {
    "programme.txt": "Running order\n10:00 Opening talk (25 min)\n10:40 Closing remarks (20 min)\n",
    "programme.csv": "Start,Duration,Title\n10:00,25,Opening talk\n10:40,20,Closing remarks\n",
    "programme.xml": (
        '<?xml version="1.0"?>\n<schedule>\n<day date="2025-02-01"><room name="A">\n'
        "<event><start>10:00</start><duration>00:25</duration><title>Opening talk</title>"
        "<language>en</language></event>\n"
        "<event><start>10:40</start><duration>00:20</duration><title>Closing remarks</title>"
        "<language>en</language></event>\n"
        "</room></day>\n</schedule>\n"
    ),
}


@pytest.mark.parametrize("name", sorted(SAME_MORNING))
def test_a_gap_is_the_same_break_in_text_csv_and_xml(name: str) -> None:
    result = import_data(SAME_MORNING[name].encode("utf-8"), name)
    assert [(s.title, s.kind.value, s.planned_s) for s in result.plan.segments] == [
        ("Opening talk", "intro", 25 * M),
        ("Break", "break", 15 * M),
        ("Closing remarks", "conclusion", 20 * M),
    ]
    assert [w.message for w in result.warnings] == [
        "nothing scheduled from 10:25 to 10:40: made a break 'Break'"
    ]


def test_a_long_gap_around_midday_is_lunch_in_a_text_programme_too() -> None:
    text = "Running order\n11:00 - 12:00 Workshop\n13:30 - 14:00 Report back\n"
    result = import_data(text.encode("utf-8"), "day.txt")
    assert [(s.title, s.planned_s) for s in result.plan.segments] == [
        ("Workshop", 60 * M),
        ("Lunch", 90 * M),
        ("Report back", 30 * M),
    ]


def _lay_out(items: list[Timed], end: dt.time | None = None) -> tuple[list[int | None], list[int]]:
    """(length of each item, break after each item) and nothing else said."""
    report = ImportDiagnostics()
    laid = lay_out(items, report, start=dt.time(9), end=end, slot_end=end, language="fr")
    assert report.problems == []
    return [p.seconds for p in laid], [p.gap.seconds if p.gap else 0 for p in laid]


def test_items_between_two_starts_share_the_time_to_the_second_as_the_model_does() -> None:
    items = [Timed(1, "A", dt.time(9)), Timed(2, "B"), Timed(3, "C"), Timed(4, "D", dt.time(9, 10))]
    lengths, _ = _lay_out(items)
    assert lengths[:3] == [200, 200, 200]
    items[3] = Timed(4, "D", dt.time(9, 16, 41))  # 1001 s for three: whole seconds, all used
    lengths, _ = _lay_out(items)
    assert lengths[:3] == [334, 334, 333]


def test_the_last_item_lasts_until_the_end_of_the_slot_or_stays_unknown() -> None:
    items = [Timed(1, "A", dt.time(9)), Timed(2, "B", dt.time(9, 30))]
    assert _lay_out(items, end=dt.time(10, 15))[0] == [30 * M, 45 * M]
    assert _lay_out(items)[0] == [30 * M, None]  # the draft assumes a length, and says so


def test_time_left_before_the_end_of_the_slot_is_no_break() -> None:
    items = [Timed(1, "A", dt.time(9), 20 * M), Timed(2, "B", dt.time(9, 30), 10 * M)]
    assert _lay_out(items, end=dt.time(10, 30)) == ([20 * M, 10 * M], [10 * M, 0])


def test_a_gap_under_a_minute_goes_to_the_item_before_it() -> None:
    items = [Timed(1, "A", dt.time(9), 20 * M), Timed(2, "B", dt.time(9, 20, 40), 10 * M)]
    assert _lay_out(items) == ([20 * M + 40, 10 * M], [0, 0])


def test_time_left_at_the_end_of_a_part_before_the_next_start_is_a_break() -> None:
    """It used to become a « Free time » segment of the part; a gap is a gap wherever it is."""
    text = (
        "Running order\n"
        "I/ Morning talks\n"
        "   - 10:00 Opening talk (20 min)\n"
        "   - 10:20 Second talk (20 min)\n"
        "II/ Closing remarks\n"
        "   - 11:00 Closing remarks (15 min)\n"
    )
    plan = import_data(text.encode("utf-8"), "day.txt").plan
    assert [(s.title, plan.clock_at(s.offset_s)) for s in plan.segments] == [
        ("Opening talk", dt.time(10, 0)),
        ("Second talk", dt.time(10, 20)),
        ("Break", dt.time(10, 40)),
        ("Closing remarks", dt.time(11, 0)),
    ]
