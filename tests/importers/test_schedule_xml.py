"""Conference schedule XML (frab/pentabarf, as pretalx publishes it): days and rooms, events
laid out by their start times, speakers, notes, and what is missing or refused."""

from __future__ import annotations

import datetime as dt

import pytest

from app.importers import ChoiceNeeded, ImportFailure, ImportResult, import_data

M = 60
DAY = '<day index="1" date="2025-02-01">'
CONFERENCE = "<conference><title>DevConf</title></conference>"


def event(number: int, start: str, duration: str, title: str, more: str = "") -> str:
    return (
        f'<event id="{number}">\n<start>{start}</start>\n<duration>{duration}</duration>\n'
        f"<title>{title}</title>{more}\n</event>\n"
    )


def schedule(*rooms: tuple[str, str], day: str = DAY, conference: str = CONFERENCE) -> str:
    """A schedule of one day; each room is (name, its events)."""
    body = "".join(f'<room name="{name}">\n{events}</room>\n' for name, events in rooms)
    return f'<?xml version="1.0"?>\n<schedule>\n{conference}\n{day}\n{body}</day>\n</schedule>\n'


def _import(xml: str | bytes, **choice: str) -> ImportResult:
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    return import_data(data, "schedule.xml", **choice)


def _rows(result: ImportResult) -> list[tuple[str, str, int]]:
    return [(s.title, s.kind.value, s.planned_s) for s in result.plan.segments]


def _problems(result: ImportResult) -> list[str]:
    return [p.message for p in result.problems]


def _refusal(xml: str, **choice: str) -> ImportFailure:
    with pytest.raises(ImportFailure) as raised:
        _import(xml, **choice)
    return raised.value


# ------------------------------------------------------------------------- days and rooms


def test_one_room_on_one_day_is_the_session() -> None:
    result = _import(schedule(("H.1302", event(1, "10:00", "00:25", "Rust in space"))))
    plan = result.plan
    assert (plan.title, plan.room, plan.date) == ("DevConf", "H.1302", dt.date(2025, 2, 1))
    assert (plan.start, plan.hard_end) == (dt.time(10, 0), dt.time(10, 25))
    assert result.complete and result.warnings == []


def test_several_rooms_ask_for_a_choice_listing_each_with_its_events() -> None:
    xml = schedule(
        ("A", event(1, "10:00", "00:30", "One") + event(2, "10:30", "00:30", "Two")),
        ("B", event(3, "09:15", "00:45", "Other")),
    )
    with pytest.raises(ChoiceNeeded) as raised:
        _import(xml)
    assert raised.value.choices == [
        "--day 2025-02-01 --room 'A'  (2 events, from 10:00)",
        "--day 2025-02-01 --room 'B'  (1 events, from 09:15)",
    ]
    chosen = _import(xml, room="b")
    assert _rows(chosen) == [("Other", "talk", 45 * M)]
    # a day with several rooms: the room goes into the title, the conference is the event
    assert (chosen.plan.title, chosen.plan.event) == ("DevConf — B", "DevConf")


def test_a_room_is_found_by_part_of_its_name() -> None:
    xml = schedule(("Amphithéâtre", event(1, "10:00", "00:30", "One")), ("Salle 2", ""))
    assert _import(xml, room="amphi").plan.room == "Amphithéâtre"


def test_several_days_are_chosen_by_date_or_by_index() -> None:
    xml = (
        '<?xml version="1.0"?>\n<schedule>\n'
        f'<day index="1" date="2025-02-01"><room name="A">{event(1, "10:00", "00:30", "D1")}'
        "</room></day>\n"
        f'<day index="2" date="2025-02-02"><room name="A">{event(2, "11:00", "00:45", "D2")}'
        "</room></day>\n</schedule>\n"
    )
    with pytest.raises(ChoiceNeeded) as raised:
        _import(xml)
    assert "2 days (--day)" in raised.value.summary
    assert [(o.day, o.room) for o in raised.value.options] == [
        ("2025-02-01", "A"),
        ("2025-02-02", "A"),
    ]
    assert _rows(_import(xml, day="2")) == [("D2", "talk", 45 * M)]
    assert _import(xml, day="2025-02-01").plan.date == dt.date(2025, 2, 1)


def test_a_day_that_does_not_exist_lists_the_ones_that_do() -> None:
    xml = schedule(("A", event(1, "10:00", "00:30", "One")))
    refused = _refusal(xml, day="2025-03-01")
    assert isinstance(refused, ChoiceNeeded)
    assert "nothing in the schedule matches --day 2025-03-01" in refused.summary
    assert refused.choices == ["--day 2025-02-01 --room 'A'  (1 events, from 10:00)"]


def test_rooms_without_events_are_not_offered() -> None:
    xml = schedule(("Empty", ""), ("Full", event(1, "10:00", "00:30", "One")))
    assert _import(xml).plan.room == "Full"


# -------------------------------------------------------------------- times through start_times


def test_a_gap_between_events_becomes_a_break_and_the_next_starts_on_time() -> None:
    xml = schedule(("A", event(1, "10:00", "00:25", "One") + event(2, "10:40", "00:20", "Two")))
    result = _import(xml)
    assert _rows(result) == [
        ("One", "talk", 25 * M),
        ("Break", "break", 15 * M),
        ("Two", "talk", 20 * M),
    ]
    assert result.plan.clock_at(result.plan.segments[2].offset_s) == dt.time(10, 40)
    assert [str(w) for w in result.warnings] == [
        "line 11: nothing scheduled from 10:25 to 10:40: made a break 'Break'"
    ]


def test_a_gap_of_seconds_goes_to_the_event_before_it() -> None:
    xml = schedule(("A", event(1, "10:00", "00:30", "One") + event(2, "10:30:30", "00:30", "Two")))
    result = _import(xml)
    assert _rows(result) == [("One", "talk", 30 * M + 30), ("Two", "talk", 30 * M)]
    assert result.warnings == []


def test_a_french_schedule_has_a_french_lunch() -> None:
    fr = "<language>fr</language>"
    xml = schedule(
        ("A", event(1, "11:00", "01:00", "Atelier", fr) + event(2, "14:00", "00:30", "Bilan", fr))
    )
    result = _import(xml)
    assert result.plan.language == "fr"
    assert _rows(result)[1] == ("Déjeuner", "break", 120 * M)


def test_events_are_taken_in_the_order_they_start_not_the_order_written() -> None:
    xml = schedule(
        ("A", event(2, "11:00", "00:30", "Second") + event(1, "10:00", "00:30", "First"))
    )
    assert [t for t, _, _ in _rows(_import(xml))] == ["First", "Break", "Second"]


def test_an_event_without_a_duration_lasts_until_the_next_one_said_twice() -> None:
    xml = schedule(("A", event(1, "10:00", "", "Demo") + event(2, "10:40", "00:10", "Questions")))
    result = _import(xml)
    assert _rows(result) == [("Demo", "talk", 40 * M), ("Questions", "qa", 10 * M)]
    assert _problems(result) == ["event 'Demo' has an empty duration"]
    assert "'Demo': assumed 40' (until the next event)" in [w.message for w in result.warnings]


def test_the_last_event_without_a_duration_gets_the_assumed_length_of_every_importer() -> None:
    xml = schedule(("A", event(1, "10:00", "00:30", "One") + event(2, "10:30", "", "Last")))
    result = _import(xml)
    assert _rows(result) == [("One", "talk", 30 * M), ("Last", "talk", 10 * M)]
    assert "the length of 'Last' is unknown: assumed 10', correct it in the file" in [
        w.message for w in result.warnings
    ]


@pytest.mark.parametrize(
    ("written", "problem"),
    [("abc", "event 'One' has duration 'abc' not understood"),
     ("00:00", "event 'One' has a duration of 00:00"),
     ("1:75", "event 'One' has duration '1:75' not understood")],
)  # fmt: skip
def test_a_duration_that_is_not_one_is_a_problem_on_the_event_line(
    written: str, problem: str
) -> None:
    xml = schedule(("A", event(1, "10:00", written, "One") + event(2, "10:30", "00:10", "Two")))
    result = _import(xml)
    assert [(p.line, p.message) for p in result.problems] == [(6, problem)]
    assert _rows(result)[0] == ("One", "talk", 30 * M)


def test_durations_with_seconds_are_read() -> None:
    xml = schedule(("A", event(1, "10:00", "0:20:30", "One")))
    assert _rows(_import(xml)) == [("One", "talk", 20 * M + 30)]


def test_an_event_that_overlaps_the_next_is_a_problem_and_both_are_kept() -> None:
    xml = schedule(("A", event(1, "10:00", "00:30", "One") + event(2, "10:20", "00:30", "Two")))
    result = _import(xml)
    assert [(p.line, p.message) for p in result.problems] == [
        (6, "runs 10' past the start of line 11")
    ]
    assert [t for t, _, _ in _rows(result)] == ["One", "Two"]


def test_an_event_without_a_start_is_left_out_and_said() -> None:
    missing = '<event id="2"><duration>00:10</duration><title>Lost</title></event>\n'
    result = _import(schedule(("A", event(1, "10:00", "00:30", "One") + missing)))
    assert _problems(result) == ["event 'Lost' has no start time: left out"]
    assert [t for t, _, _ in _rows(result)] == ["One"]


def test_a_start_given_as_an_iso_date_is_read() -> None:
    dated = (
        '<event id="1"><date>2025-02-01T14:15:00+01:00</date><duration>00:30</duration>'
        "<title>Dated</title></event>\n"
    )
    assert _import(schedule(("A", dated))).plan.start == dt.time(14, 15)


def test_an_event_past_midnight_runs_into_the_next_day() -> None:
    xml = schedule(("A", event(1, "22:00", "00:30", "Late") + event(2, "23:30", "01:00", "Later")))
    result = _import(xml)
    assert _problems(result) == []
    assert [t for t, _, _ in _rows(result)] == ["Late", "Break", "Later"]
    assert result.plan.hard_end == dt.time(0, 30) and result.plan.hard_end_day == 1


# -------------------------------------------------------------------- titles, people, notes


def test_persons_become_speakers_and_empty_ones_are_dropped() -> None:
    people = (
        "<persons><person>  Ada   Lopez </person><person></person></persons><person>Bo</person>"
    )
    result = _import(schedule(("A", event(1, "10:00", "00:30", "Talk", people))))
    assert [p.name for p in result.plan.segments[0].speakers] == ["Ada Lopez", "Bo"]


def test_an_event_without_a_title_takes_its_subtitle_else_its_id() -> None:
    xml = schedule(
        (
            "A",
            event(1, "10:00", "00:30", "", "<subtitle>Sub only</subtitle>")
            + event(7, "10:30", "00:30", ""),
        )
    )
    assert [t for t, _, _ in _rows(_import(xml))] == ["Sub only", "Event 7"]


def test_abstract_and_description_html_become_plain_notes_without_scripts() -> None:
    html = (
        "<abstract>&lt;p&gt;Flight software &amp;amp; safety.&lt;/p&gt;</abstract>"
        "<description>&lt;script&gt;steal()&lt;/script&gt;&lt;ul&gt;&lt;li&gt;one&lt;/li&gt;"
        "&lt;li&gt;two&lt;/li&gt;&lt;/ul&gt;</description>"
    )
    result = _import(schedule(("A", event(1, "10:00", "00:30", "Talk", html))))
    assert result.plan.segments[0].notes == "Flight software & safety.\n- one\n- two"


def test_track_and_type_give_the_kind_and_titles_still_win() -> None:
    xml = schedule(
        (
            "A",
            event(1, "10:00", "00:30", "Coffee", "<track>Breaks</track>")
            + event(2, "10:30", "00:30", "Opening", "<type>talk</type>")
            + event(3, "11:00", "00:30", "Experts", "<type>panel</type>"),
        )
    )
    assert [k for _, k, _ in _rows(_import(xml))] == ["break", "intro", "panel"]


# ----------------------------------------------------------------- the conference, the file


def test_time_zone_and_venue_come_from_the_conference_and_a_bad_zone_is_said() -> None:
    good = "<conference><title>C</title><time_zone_name>Europe/Brussels</time_zone_name>"
    good += "<venue>ULB</venue></conference>"
    plan = _import(schedule(("A", event(1, "10:00", "00:30", "T")), conference=good)).plan
    assert (plan.timezone, plan.venue) == ("Europe/Brussels", "ULB")
    bad = "<conference><title>C</title><time_zone_name>Mars/Olympus</time_zone_name></conference>"
    result = _import(schedule(("A", event(1, "10:00", "00:30", "T")), conference=bad))
    assert result.plan.timezone is None
    assert [str(w) for w in result.warnings] == [
        "line 3: unknown time zone 'Mars/Olympus': left out"
    ]


def test_a_day_date_that_is_not_a_date_is_left_out_and_said() -> None:
    result = _import(schedule(("A", event(1, "10:00", "00:30", "T")), day='<day date="soon">'))
    assert result.plan.date is None
    assert [str(w) for w in result.warnings] == ["line 4: day date 'soon' not understood: left out"]


def test_a_byte_order_mark_before_the_declaration_is_accepted() -> None:
    xml = b"\xef\xbb\xbf" + schedule(("A", event(1, "10:00", "00:30", "T"))).encode("utf-8")
    assert _rows(_import(xml)) == [("T", "talk", 30 * M)]


@pytest.mark.parametrize(
    ("xml", "summary", "line"),
    [
        ('<?xml version="1.0"?>\n<schedule>\n<conference/>\n</schedule>\n', "no <day>", 2),
        ('<?xml version="1.0"?>\n<schedule>\n<day date="2025-01-01"><room name="A"/></day>\n'
         "</schedule>\n", "no events", None),
        ('<?xml version="1.0"?>\n<schedule>\n<day>\n</schedule>\n', "not well-formed", 4),
    ],
)  # fmt: skip
def test_schedules_with_nothing_to_import_are_refused_with_the_line(
    xml: str, summary: str, line: int | None
) -> None:
    refused = _refusal(xml)
    assert summary in refused.summary
    assert [p.line for p in refused.problems] == ([line] if line else [])


def test_deeply_nested_xml_is_refused() -> None:
    xml = '<?xml version="1.0"?>\n<schedule>' + "<x>" * 40 + "</x>" * 40 + "</schedule>\n"
    assert "nested too deeply" in _refusal(xml).summary
