"""A crash, then the running order saved with an error: the session still resumes."""

from __future__ import annotations

from pathlib import Path

from app.engine import FakeClock
from app.model import RunningOrderError, load_running_order
from app.timing_log.live import running_order_from_log, start_session
from tests.conftest import SEED


def test_the_log_gives_back_the_plan_when_the_file_no_longer_loads(tmp_path: Path) -> None:
    source = tmp_path / SEED.name
    source.write_bytes(SEED.read_bytes())
    logs = tmp_path / "logs"
    clock = FakeClock()
    loaded = load_running_order(source)
    live = start_session(loaded, clock, logs)
    live.session.start()
    clock.advance(200)
    live.session.next()
    clock.advance(40)
    live.writer.close()  # the app dies here

    source.write_text(source.read_text(encoding="utf-8").replace('"40\'"', "40'"), "utf-8")
    try:
        load_running_order(source)
    except RunningOrderError:
        pass
    else:
        raise AssertionError("the edited file should no longer load")
    clock.advance(20)

    found = running_order_from_log(source, logs, clock.wall())
    assert found is not None
    from_log, _log = found
    assert from_log.plan == loaded.plan and from_log.sha256 == loaded.sha256
    again = start_session(from_log, clock, logs)
    assert again.log_path == live.log_path and again.resumed_gap_s == 60
    snap = again.session.snapshot()
    assert snap.current == 1 and snap.countdown == "07:20"  # 8'20" less the 60 s that passed
    again.writer.close()


def test_no_log_no_plan(tmp_path: Path) -> None:
    assert (
        running_order_from_log(tmp_path / "x.toml", tmp_path / "logs", FakeClock().wall()) is None
    )
