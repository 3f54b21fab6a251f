"""Property (b): the log is the source of truth. A random session is played through the real
writer (fsynced JSON Lines in a temporary folder), with restarts as after a crash; reading
the log back and folding it gives, at every instant observed live, the very snapshot the
live engine showed then — every figure, exactly."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine import FakeClock, Snapshot, fold
from app.model.loader import LoadedRunningOrder
from app.model.plan import Plan
from app.timing_log.live import LiveSession, start_session
from app.timing_log.reader import TimingLog, read_log
from tests.engine.helpers import figures, give_to
from tests.engine.strategies import Command, commands, gaps, plans

RESTART: Command = ("restart",)

script = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from([[(0.0, ("start",))]] * 4 + [[]]),
    st.lists(st.tuples(gaps, commands | st.just(RESTART)), max_size=25),
)

Seen = tuple[Path, int, Snapshot]  # the log, how many events it had then, what was shown


def _observe(live: LiveSession, seen: list[Seen]) -> None:
    seen.append((live.log_path, len(live.session.engine.events), live.session.snapshot()))


@settings(max_examples=80, deadline=None)
@given(plan=plans, steps=script)
def test_replaying_the_written_log_gives_the_live_snapshots(
    plan: Plan, steps: list[tuple[float, Command]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        loaded = LoadedRunningOrder(plan=plan, source=str(root / "s.toml"), sha256="0" * 64)
        clock = FakeClock()
        live = start_session(loaded, clock, root / "logs")
        seen: list[Seen] = []
        try:
            for gap, command in steps:
                clock.advance(gap / 2)
                _observe(live, seen)  # between two controls
                clock.advance(gap / 2)
                if command == RESTART:
                    live.writer.close()  # killed: what is on disk is all there is
                    before = live.session.snapshot()
                    live = start_session(loaded, clock, root / "logs")
                    if live.resumed_gap_s is not None:  # the same state, the time counted
                        assert figures(live.session.snapshot()) == figures(before)
                else:
                    give_to(live.session, *command)
                _observe(live, seen)
        finally:
            live.writer.close()
        logs: dict[Path, TimingLog] = {}
        for path, count, snap in seen:
            if not path.exists():  # nothing was ever logged in this one
                assert count == 0
                continue
            log = logs.get(path) or logs.setdefault(path, read_log(path))
            assert log.warnings == []
            header = log.header
            assert header.plan == plan
            # The events on disk when this was shown give what was shown...
            replay = fold(header.plan, log.events[:count], snap.t, header.planned_start_t)
            assert figures(replay) == figures(snap)
            # ... and so does the whole log, unless a later control came at that same instant.
            if all(e.t > snap.t for e in log.events[count:]):
                whole = fold(header.plan, log.events, snap.t, header.planned_start_t)
                assert figures(whole) == figures(snap)
