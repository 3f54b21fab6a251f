"""The running order's timing fields (issue #16): timer types, ends_at, end actions, the
session's anchor and roll mode. Files without them load exactly as before."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

from app.cli.check import plan_as_json
from app.model import load_running_order, parse_running_order
from app.model.plan import Plan
from app.model.schema import Anchor, EndAction, TimerType, json_schema
from tests.conftest import SEED

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "sessions" / "timer-types-demo.toml"


def test_a_running_order_without_the_new_fields_loads_exactly_as_before() -> None:
    plan = load_running_order(SEED).plan
    # The seed's figures (ARCHITECTURE.md §1), unchanged ...
    assert [s.planned_s for s in plan.segments] == [600, 500, 500, 500, 900, 900, 900, 300]
    assert [s.offset_s for s in plan.segments] == [0, 600, 1100, 1600, 2100, 3000, 3900, 4800]
    # ... and every new field at its default: a countdown that holds, anchored by the rule.
    assert all(s.timer is TimerType.COUNTDOWN for s in plan.segments)
    assert all(s.ends_at is None and s.end_action is EndAction.HOLD for s in plan.segments)
    assert plan.anchor is Anchor.AUTO and plan.roll is False


def test_a_plan_written_before_the_new_fields_reads_back_the_same() -> None:
    """A timing log's header written by the previous version has none of the new keys."""
    plan = load_running_order(SEED).plan
    old = plan.model_dump(mode="json")
    for seg in old["segments"]:
        del seg["timer"], seg["ends_at"]
    del old["anchor"], old["roll"]
    assert Plan.model_validate(old) == plan


def test_advance_from_older_files_and_logs_reads_as_next() -> None:
    text = SEED.read_text(encoding="utf-8").replace(
        'duration = "15\'"', 'duration = "15\'"\nend_action = "advance"', 1
    )
    plan = parse_running_order(text.encode(), "seed.toml")
    assert plan.segments[4].end_action is EndAction.NEXT
    dumped = plan.model_dump(mode="json")
    dumped["segments"][4]["end_action"] = "advance"
    assert Plan.model_validate(dumped).segments[4].end_action is EndAction.NEXT


def test_every_timer_type_and_end_action_in_the_demo() -> None:
    plan = load_running_order(DEMO).plan
    timers = [s.timer for s in plan.segments]
    assert timers == [
        TimerType.CLOCK,
        TimerType.COUNTDOWN,
        TimerType.COUNTUP,
        TimerType.COUNTDOWN,
        TimerType.COUNTDOWN,
    ]
    actions = {s.end_action for s in plan.segments}
    assert actions == {EndAction.HOLD, EndAction.NEXT, EndAction.LOAD_NEXT}
    coffee = plan.segments[3]
    assert coffee.ends_at == time(10, 10) and coffee.offset_s == 55 * 60
    assert coffee.planned_s == 15 * 60  # from 09:55, its planned start, to 10:10
    assert plan.ends_at_offset(3) == 70 * 60


def test_check_json_gives_timer_and_ends_at_per_segment() -> None:
    data = plan_as_json(load_running_order(DEMO).plan)
    json.dumps(data)
    assert [s["timer"] for s in data["segments"]] == [  # type: ignore[index]
        "clock",
        "countdown",
        "countup",
        "countdown",
        "countdown",
    ]
    assert [s["ends_at"] for s in data["segments"]][3] == "10:10:00"  # type: ignore[index]
    assert data["anchor"] == "auto" and data["roll"] is False


def test_the_json_schema_documents_the_new_fields() -> None:
    schema = json_schema()
    text = json.dumps(schema)
    for word in ('"countup"', '"clock"', '"load-next"', '"relative"', '"ends_at"', '"roll"'):
        assert word in text, word


def test_session_cues_is_optional_and_read() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert load_running_order(SEED).plan.cues is None  # absent: the app's setting decides
    for value, expected in (("true", True), ("false", False)):
        changed = text.replace("[session]\n", f"[session]\ncues = {value}\n", 1)
        plan = parse_running_order(changed.encode(), "seed.toml")
        assert plan.cues is expected
        assert plan_as_json(plan)["cues"] is expected
    assert plan_as_json(load_running_order(SEED).plan)["cues"] is None
    assert '"cues"' in json.dumps(json_schema()["$defs"]["Session"])
    # A log header written before the field reads back the same.
    old = load_running_order(SEED).plan.model_dump(mode="json")
    del old["cues"]
    assert Plan.model_validate(old) == load_running_order(SEED).plan


def test_session_cues_must_be_a_boolean() -> None:
    import pytest

    from app.model import RunningOrderError

    text = SEED.read_text(encoding="utf-8").replace("[session]\n", '[session]\ncues = "yes"\n', 1)
    with pytest.raises(RunningOrderError, match="cues"):
        parse_running_order(text.encode(), "seed.toml")
