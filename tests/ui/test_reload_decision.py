"""What an edit of the running-order file on disk does to the session: one rule per case.

``reload_decision`` is pure (no Qt, no file): each test gives it the session's running order,
the file as it loads now (or its error) and whether a session runs.
"""

from __future__ import annotations

import hashlib

from app.model import LoadedRunningOrder, RunningOrderError, parse_running_order
from app.ui.reload_decision import ReloadAction, ReloadDecision, reload_decision

HEAD = 'format = 1\n[session]\ntitle = "Atelier"\nstart = "16:00"\n'


def running_order(*parts: tuple[str, str], notes: str = "") -> LoadedRunningOrder:
    text = HEAD + "".join(
        f'[[parts]]\ntitle = "{title}"\nbudget = "{budget}"\nnotes = "{notes}"\n'
        for title, budget in parts
    )
    data = text.encode()
    plan = parse_running_order(data, "atelier.toml")
    return LoadedRunningOrder(plan, "atelier.toml", hashlib.sha256(data).hexdigest())


SESSION = running_order(("Ouverture", "10'"), ("Questions", "15'"))


def test_a_file_with_an_error_is_refused_with_its_reason_in_one_line() -> None:
    error = RunningOrderError("atelier.toml", "line 3: expected '='\n  budget = 40'")
    for running in (True, False):
        decision = reload_decision(running, SESSION, error)
        assert decision.action is ReloadAction.REFUSE
        assert "line 3: expected '='" in decision.reason and "\n" not in decision.reason


def test_the_same_content_changes_nothing() -> None:
    same = running_order(("Ouverture", "10'"), ("Questions", "15'"))
    for running in (True, False):
        assert reload_decision(running, SESSION, same) == ReloadDecision(ReloadAction.UNCHANGED)


def test_any_edit_before_or_after_the_session_is_loaded_at_once() -> None:
    other = running_order(("Accueil", "5'"))
    assert reload_decision(False, SESSION, other).action is ReloadAction.RELOAD


def test_an_edit_keeping_every_segment_is_taken_in_during_the_session() -> None:
    edited = running_order(("Ouverture", "12'"), ("Questions", "13'"), notes="micro HF")
    assert reload_decision(True, SESSION, edited).action is ReloadAction.CHANGE_PLAN


def test_a_renamed_segment_waits_until_the_session_has_ended() -> None:
    renamed = running_order(("Ouverture", "10'"), ("Échanges", "15'"))
    assert reload_decision(True, SESSION, renamed).action is ReloadAction.WAIT


def test_an_added_segment_waits_until_the_session_has_ended() -> None:
    longer = running_order(("Ouverture", "10'"), ("Questions", "15'"), ("Clôture", "5'"))
    assert reload_decision(True, SESSION, longer).action is ReloadAction.WAIT
