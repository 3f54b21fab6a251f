"""The editor's incremental check gives what a file on disk gives: the same plan as ``resolve``
(app/model/incremental.py reuses it part by part), the same errors, at every step."""

from __future__ import annotations

import copy
import tomllib
from typing import Any

import pytest

from app.model.incremental import PartwiseResolver
from app.model.resolve import BudgetError, resolve
from app.model.schema import RunningOrderFile, Thresholds
from app.ui.editor.validation import Checker
from tests.conftest import SEED


def seed() -> dict[str, Any]:
    return tomllib.loads(SEED.read_text(encoding="utf-8"))


def full(data: dict[str, Any], defaults: Thresholds | None = None) -> Any:
    return resolve(RunningOrderFile.model_validate(data), defaults)


def test_the_seed_resolves_as_resolve_does() -> None:
    data = seed()
    doc = RunningOrderFile.model_validate(data)
    assert PartwiseResolver().resolve(doc.session, list(doc.parts)) == resolve(doc)


@pytest.mark.parametrize("defaults", [None, Thresholds.model_construct(warning=60, final=15)])
def test_edit_after_edit_the_checker_gives_the_full_plan(defaults: Thresholds | None) -> None:
    data = seed()
    checker = Checker(defaults)
    assert checker.check(data).plan == full(data, defaults)
    edits = [
        lambda d: d["parts"][1]["segments"][3].update(duration="12'"),
        lambda d: d["parts"][1]["segments"].insert(0, {"title": "Accueil", "duration": "2'"}),
        lambda d: d["parts"][2].update(budget="35'"),
        lambda d: d["parts"].insert(1, {"title": "Pause", "budget": "5'", "kind": "break"}),
        lambda d: d["session"].update(start="16:30", thresholds={"warning": "3'"}),
        lambda d: d["parts"].pop(0),
        lambda d: d["parts"][1]["segments"].pop(),
    ]
    for edit in edits:
        edit(data)
        checked = checker.check(copy.deepcopy(data))
        assert checked.plan == full(data, defaults)
    assert checker.validated_parts <= 1  # the last edit validated one part again


def test_errors_are_those_of_the_file_at_their_fields() -> None:
    data = seed()
    checker = Checker()
    checker.check(data)
    data["parts"][1]["segments"][3]["duration"] = "15 minuts"
    checked = checker.check(data)
    assert checked.plan is None
    assert list(checked.errors) == [("parts", 1, "segments", 3, "duration")]
    data["parts"][1]["segments"][3]["duration"] = "40'"  # the whole budget: none left for the talks
    checked = checker.check(data)
    (path, message), *_ = checked.errors.items()
    assert path == ("parts", 1, "budget")
    with pytest.raises(BudgetError) as raised:
        full(data)
    assert message == str(raised.value)


def test_a_running_order_with_fixed_ends_resolves_as_resolve_does() -> None:
    """A fixed end (ends_at) is reached from where its part starts, which the parts before it
    decide: the timer demo gives the editor the plan check gives, edit after edit."""
    from app.resources import sessions_dir

    data = tomllib.loads((sessions_dir() / "timer-types-demo.toml").read_text(encoding="utf-8"))
    checker = Checker(None)
    assert checker.check(data).plan == full(data)
    data = copy.deepcopy(data)
    data["parts"][0]["budget"] = "20'"  # the welcome five minutes longer
    assert checker.check(data).plan == full(data)  # the coffee break still ends at 10:10
