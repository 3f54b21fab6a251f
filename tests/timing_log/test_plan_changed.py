"""An edit of the running order taken in during a session travels in the log."""

from __future__ import annotations

from pathlib import Path

from app.engine import FakeClock, fold
from app.model.loader import LoadedRunningOrder, load_running_order
from app.reports.model import build_report
from app.timing_log.live import start_session
from app.timing_log.reader import read_log
from tests.conftest import SEED


def _edited(loaded: LoadedRunningOrder, tmp_path: Path, old: str, new: str) -> LoadedRunningOrder:
    """The seed with ``old`` replaced by ``new``: the pattern must be found exactly once, or
    the "edit" would be the seed itself and the tests below would check nothing."""
    text = SEED.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is in {SEED.name} {text.count(old)} times, not once"
    path = tmp_path / SEED.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    edited = load_running_order(path)
    assert edited.sha256 != loaded.sha256
    return edited


def test_an_edit_keeping_the_segments_is_logged_and_replayed(tmp_path: Path) -> None:
    loaded = load_running_order(SEED)
    clock = FakeClock()
    live = start_session(loaded, clock, tmp_path / "logs")
    session = live.session
    assert session.start()
    clock.advance(60)
    edited = _edited(loaded, tmp_path, 'budget = "10\'"', 'budget = "15\'"')
    assert (loaded.plan.segments[0].planned_s, edited.plan.segments[0].planned_s) == (600, 900)
    assert session.replace_plan(edited.plan, edited.sha256)
    assert session.snapshot().countdown == "14:00"
    assert session.engine.plan == edited.plan
    # Taking in the same plan again changes nothing and is not logged.
    assert not session.replace_plan(edited.plan, edited.sha256)
    # Undo does not take an edit back: the file on disk still says 15'.
    assert not session.undo() or session.snapshot().planned_s == 900
    clock.advance(30)
    live.writer.close()

    log = read_log(live.log_path)
    assert [e.kind for e in log.events].count("plan_changed") == 1
    assert log.source_sha256 == edited.sha256
    replayed = fold(log.header.plan, log.events, 90.0, log.header.planned_start_t)
    assert replayed.planned_s == 900
    assert replayed.plan.segments[1].offset_s == 900
    report = build_report(log)
    assert report.segments[0].planned_s == 900  # the plan the moderator ran, edit included


def test_an_edit_that_moves_segments_is_refused(tmp_path: Path) -> None:
    loaded = load_running_order(SEED)
    clock = FakeClock()
    live = start_session(loaded, clock, tmp_path / "logs")
    session = live.session
    session.start()
    renamed = 'title = "Autre"\nkind = "talk"'
    edited = _edited(loaded, tmp_path, 'title = "Vu d\'ailleurs"\nkind = "talk"', renamed)
    titles = [s.title for s in edited.plan.segments]
    assert "Autre" in titles and "Vu d'ailleurs" not in titles
    assert len(titles) == len(loaded.plan.segments)  # renamed, not added or removed
    assert not session.replace_plan(edited.plan, edited.sha256)
    assert session.engine.plan == loaded.plan
    live.writer.close()
    assert "plan_changed" not in [e.kind for e in read_log(live.log_path).events]
