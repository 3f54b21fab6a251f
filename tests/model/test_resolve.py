"""Budget resolution: a part's budget is shared by what is inside it (ARCHITECTURE.md §1 and §3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.model import Plan, RunningOrderError, format_duration, load_running_order
from app.model import parse_running_order as parse
from app.model.durations import MAX_DURATION_S
from app.model.resolve import BudgetError, resolve
from app.model.schema import RunningOrderFile


def _doc(parts: list[dict[str, Any]], **session: Any) -> dict[str, Any]:
    return {"session": {"title": "Atelier", "start": "09:00", **session}, "parts": parts}


def _part(index: int, budget: int | None, durations: list[int | None]) -> dict[str, Any]:
    part: dict[str, Any] = {
        "title": f"Partie {index}",
        "segments": [
            {"title": f"S{index}.{j}", **({"duration": f"{d}s"} if d is not None else {})}
            for j, d in enumerate(durations)
        ],
    }
    if budget is not None:
        part["budget"] = f"{budget}s"
    return part


def _resolve(doc: dict[str, Any]) -> Plan:
    return resolve(RunningOrderFile.model_validate(doc))


def _part_segments(plan: Plan, index: int) -> list[int]:
    return [plan.segments[i].planned_s for i in plan.parts[index].segment_indices]


# --- the seed workshop, the reference reading of a programme ---


def test_seed_workshop_shares_budgets_as_the_moderator_reads_them(seed_path: Path) -> None:
    plan = load_running_order(seed_path).plan
    assert [p.budget_s for p in plan.parts] == [600, 2400, 1800, 300]
    assert [s.planned_s for s in plan.segments] == [600, 500, 500, 500, 900, 900, 900, 300]
    assert [plan.clock_at(s.offset_s).strftime("%H:%M:%S") for s in plan.segments] == [
        "16:00:00",
        "16:10:00",
        "16:18:20",
        "16:26:40",
        "16:35:00",
        "16:50:00",
        "17:05:00",
        "17:20:00",
    ]
    assert plan.total_s == 85 * 60
    assert plan.planned_end.strftime("%H:%M") == "17:25"
    assert plan.slack_s == 5 * 60
    # The talks' 8'20" are shares of the part, the question slots were written in the file.
    assert [s.explicit for s in plan.segments[1:5]] == [False, False, False, True]
    assert [s.kind.value for s in plan.segments] == [
        "intro",
        "talk",
        "talk",
        "talk",
        "qa",
        "talk",
        "qa",
        "conclusion",
    ]
    assert [p.name for p in plan.segments[5].speakers] == ["Raja Touil"]
    assert plan.segments[6].speakers == ()  # the room asks the questions


def test_the_seed_file_hash_identifies_the_bytes(seed_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.toml"
    copy.write_bytes(seed_path.read_bytes() + b"\n# edited\n")
    assert load_running_order(seed_path).sha256 != load_running_order(copy).sha256
    assert load_running_order(seed_path).plan == load_running_order(copy).plan


# --- rules, one example each ---


def test_remainder_goes_one_second_at_a_time() -> None:
    plan = _resolve(_doc([_part(0, 100, [None, None, None])]))
    assert _part_segments(plan, 0) == [34, 33, 33]


def test_part_without_budget_is_the_sum_of_its_segments() -> None:
    plan = _resolve(_doc([_part(0, None, [60, 120])]))
    assert plan.parts[0].budget_s == 180
    assert _part_segments(plan, 0) == [60, 120]


def test_part_without_budget_needs_every_duration() -> None:
    with pytest.raises(BudgetError, match="needs its own duration") as caught:
        _resolve(_doc([_part(0, None, [60, None])]))
    assert caught.value.path == "parts[0].segments[1].duration"


def test_part_without_segments_is_one_segment_of_its_budget() -> None:
    plan = _resolve(_doc([{"title": "Pause", "budget": "15'", "kind": "break"}]))
    assert [(s.title, s.kind.value, s.planned_s) for s in plan.segments] == [
        ("Pause", "break", 900)
    ]


def test_explicit_durations_that_fill_the_budget_exactly_are_fine() -> None:
    plan = _resolve(_doc([_part(0, 600, [300, 300])]))
    assert _part_segments(plan, 0) == [300, 300]


def test_explicit_durations_below_the_budget_with_nobody_to_share_are_refused() -> None:
    with pytest.raises(BudgetError, match="leave one segment without a duration"):
        _resolve(_doc([_part(0, 600, [300, 200])]))


def test_a_budget_too_small_to_give_each_share_a_second_is_refused() -> None:
    with pytest.raises(BudgetError, match="leaves no time for the 2 segment"):
        _resolve(_doc([_part(0, 301, [300, None, None])]))


def test_thresholds_default_to_two_minutes_or_a_fifth_of_a_short_segment() -> None:
    plan = _resolve(_doc([_part(0, None, [600, 300])]))
    assert [(s.warning_s, s.final_s) for s in plan.segments] == [(120, 30), (60, 30)]


def test_segment_thresholds_override_the_session_ones() -> None:
    part = _part(0, None, [600, 600])
    part["segments"][1]["thresholds"] = {"warning": "1'", "final": "10s"}
    plan = _resolve(_doc([part], thresholds={"warning": "3'"}))
    assert [(s.warning_s, s.final_s) for s in plan.segments] == [(180, 30), (60, 10)]


# --- properties ---

segment_durations = st.lists(st.one_of(st.none(), st.integers(1, 4000)), min_size=1, max_size=8)


@settings(deadline=None)
@given(st.integers(1, MAX_DURATION_S), segment_durations)
def test_a_part_either_fills_its_budget_exactly_or_is_refused(
    budget: int, durations: list[int | None]
) -> None:
    explicit = sum(d for d in durations if d is not None)
    implicit = [i for i, d in enumerate(durations) if d is None]
    doc = _doc([_part(0, budget, durations)])
    if explicit > budget:
        with pytest.raises(BudgetError) as caught:
            _resolve(doc)
        message = str(caught.value)
        assert "'Partie 0'" in message
        assert f"{format_duration(explicit - budget)} more than its budget" in message
        assert caught.value.path == "parts[0].budget"
        return
    if (implicit and budget - explicit < len(implicit)) or (not implicit and explicit < budget):
        with pytest.raises(BudgetError):
            _resolve(doc)
        return
    got = _part_segments(_resolve(doc), 0)
    assert sum(got) == budget
    for i, d in enumerate(durations):
        if d is not None:
            assert got[i] == d  # what the file says is kept to the second
    shares = [got[i] for i in implicit]
    if shares:
        assert max(shares) - min(shares) <= 1
        assert min(shares) >= 1


@st.composite
def valid_parts(draw: st.DrawFn) -> tuple[int, list[int | None]]:
    durations = draw(segment_durations)
    explicit = sum(d for d in durations if d is not None)
    implicit = sum(1 for d in durations if d is None)
    extra = draw(st.integers(implicit, implicit + 5000)) if implicit else 0
    return explicit + extra, durations


@settings(deadline=None, max_examples=60)
@given(st.lists(valid_parts(), min_size=1, max_size=6))
def test_planned_starts_follow_each_other_without_gaps(
    parts: list[tuple[int, list[int | None]]],
) -> None:
    plan = _resolve(_doc([_part(i, b, d) for i, (b, d) in enumerate(parts)]))
    assert [p.budget_s for p in plan.parts] == [b for b, _ in parts]
    assert plan.total_s == sum(b for b, _ in parts)
    offset = 0
    for index, segment in enumerate(plan.segments):
        assert segment.index == index
        assert segment.offset_s == offset
        offset += segment.planned_s
    for p_index, part in enumerate(plan.parts):
        assert all(plan.segments[i].part == p_index for i in part.segment_indices)


@settings(deadline=None, max_examples=50)
@given(st.integers(2, 3000), st.integers(1, 3000), st.integers(0, 3))
def test_over_budget_names_the_part_the_field_and_the_overshoot(
    budget: int, over: int, before: int
) -> None:
    # Through the loader, as `timekeeper check` reports it: other parts come first.
    parts = [_part(i, None, [60]) for i in range(before)]
    parts.append(_part(before, budget, [budget + over, None]))
    with pytest.raises(RunningOrderError) as caught:
        parse(json.dumps(_doc(parts)).encode(), "atelier.json", "json")
    error = caught.value
    assert error.path == f"parts[{before}].budget"
    assert f"'Partie {before}'" in str(error)
    assert f"{format_duration(over)} more than its budget of {format_duration(budget)}" in (
        str(error)
    )


def test_a_part_without_segments_keeps_a_budget_longer_than_24_minutes() -> None:
    """Regression: the part's budget (seconds) was re-read as minutes: 25' became 25 h."""
    from app.model import parse_running_order

    data = b'format = 1\n[session]\ntitle = "x"\nstart = "12:00"\n'
    data += b'[[parts]]\ntitle = "D\xc3\xa9jeuner"\nkind = "break"\nbudget = "1h30"\n'
    plan = parse_running_order(data, "lunch.toml")
    assert [s.planned_s for s in plan.segments] == [5400]
