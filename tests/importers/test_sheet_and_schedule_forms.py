"""Smaller forms of the CSV and schedule XML readers."""

from __future__ import annotations

import datetime as dt

from app.importers import import_data

M = 60


def test_english_csv_with_commas_quotes_and_start_times() -> None:
    sheet = (
        "Start,Title,Speaker,Role,Organisation,Kind\n"
        "14:00,Welcome,Sarah Jones,Moderator,Leeds City Council,intro\n"
        '14:10,"Cities, data and trust",Dr Amira Haddad,Senior Researcher,TRL,\n'
        "14:40,Q&A,,,,\n"
        "15:00,Coffee break,,,,\n"
        "15:15,Closing remarks,Sarah Jones,,,\n"
        "15:25,End,,,,\n"
    )
    result = import_data(sheet.encode("utf-8"), "panel.csv")
    assert result.problems == []
    plan = result.plan
    assert plan.language == "en" and plan.start == dt.time(14, 0)
    assert [(s.title, s.kind.value, s.planned_s) for s in plan.segments] == [
        ("Welcome", "intro", 10 * M),
        ("Cities, data and trust", "talk", 30 * M),
        ("Q&A", "qa", 20 * M),
        ("Coffee break", "break", 15 * M),
        ("Closing remarks", "conclusion", 10 * M),
    ]
    assert plan.hard_end == dt.time(15, 25)  # the « End » row ends it
    assert plan.segments[0].speakers[0].organisation == "Leeds City Council"
    assert result.warnings == []


def test_a_break_track_makes_a_break_and_persons_become_speakers() -> None:
    xml = """<?xml version="1.0"?>
<schedule>
  <conference><title>DevRoom</title><time_zone_name>Europe/Brussels</time_zone_name></conference>
  <day index="1" date="2025-02-01">
    <room name="H.1302">
      <event id="1"><start>10:00</start><duration>00:25</duration><title>Rust in space</title>
        <track>Embedded</track><language>en</language>
        <persons><person id="1">Ada Lopez</person><person id="2">Bo Chen</person></persons>
        <abstract>&lt;p&gt;Flight software &amp;amp; &lt;em&gt;safety&lt;/em&gt;.&lt;/p&gt;
        </abstract>
      </event>
      <event id="2"><start>10:30</start><duration>00:10</duration><title>Networking</title>
        <track>Break</track><language>en</language></event>
      <event id="3"><start>10:40</start><duration>0:20:00</duration><title>Wrap-up</title>
        <language>en</language></event>
    </room>
  </day>
</schedule>
"""
    result = import_data(xml.encode("utf-8"), "fosdem.xml")
    plan = result.plan
    assert (plan.title, plan.room, plan.timezone) == ("DevRoom", "H.1302", "Europe/Brussels")
    assert (plan.start, plan.hard_end, plan.language) == (dt.time(10), dt.time(11), "en")
    assert [(s.title, s.kind.value, s.planned_s) for s in plan.segments] == [
        ("Rust in space", "talk", 25 * M),
        ("Break", "break", 5 * M),  # 10:25 -> 10:30: a gap
        ("Networking", "break", 10 * M),  # its track says so
        ("Wrap-up", "conclusion", 20 * M),
    ]
    assert [p.name for p in plan.segments[0].speakers] == ["Ada Lopez", "Bo Chen"]
    assert plan.segments[0].notes == "Flight software & safety."
    assert [str(w) for w in result.warnings] == [
        "line 12: nothing scheduled from 10:25 to 10:30: made a break 'Break'"
    ]
