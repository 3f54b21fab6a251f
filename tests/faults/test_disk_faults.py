"""The data folder vanishes, turns read-only or fills up in the middle of a live session.

What the moderator must notice: the countdown never stops and never jumps; a warning names the
folder when the log cannot be written where it should; and once writing works again (or in
the named fallback folder) every event is on disk exactly once, its sequence numbers
continuous. Root ignores permission bits, so "unwritable" is injected through the writer's
opener (EACCES, EROFS) or made real by putting a regular file where the folder should be.
"""

from __future__ import annotations

import errno
import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import paths
from app.engine import FakeClock, Status
from app.timing_log.live import LiveSession
from app.timing_log.reader import read_log
from app.timing_log.writer import fallback_dir
from tests.faults.helpers import FaultyDisk, crash, header_count, live_session, logged_seqs

_texts = itertools.count(1)
_given: dict[int, int] = {}  # id(live session) -> controls it accepted, counted by the test


@pytest.fixture(autouse=True)
def _fresh_tally() -> Iterator[None]:
    _given.clear()
    yield
    _given.clear()


def gave(live: LiveSession, accepted: bool) -> None:
    """The moderator gave a control and the session took it: one event to be logged."""
    assert accepted
    _given[id(live)] = _given.get(id(live), 0) + 1


def events_given(live: LiveSession) -> int:
    """How many events the test gave ``live`` (counted here, never read from the app)."""
    return _given.get(id(live), 0)


def commands(live: LiveSession, clock: FakeClock, rounds: int) -> None:
    """A moderator at work: time passes between controls of every kind."""
    s = live.session
    for i in range(rounds):
        clock.advance(7.25)
        if s.snapshot().status is Status.READY:
            gave(live, s.start())
        elif i % 5 == 0:
            gave(live, s.toggle())
        elif i % 5 == 1:
            gave(live, s.adjust(60))
        elif i % 5 == 2:
            gave(live, s.message(f"Merci de conclure ({next(_texts)})"))
        elif i % 5 == 3:
            gave(live, s.blackout())
        else:
            gave(live, s.toggle())


def assert_countdown_moves(live: LiveSession, clock: FakeClock) -> None:
    """The figure on screen follows the clock whatever happens to the disk."""
    s = live.session
    if s.snapshot().status is not Status.RUNNING:
        gave(live, s.toggle())
    before = s.snapshot()
    clock.advance(3.5)
    after = s.snapshot()
    assert after.status is Status.RUNNING
    assert before.remaining_s - after.remaining_s == 3.5


def assert_whole(path: Path, n: int) -> None:
    """One header, events 1..n once each and in order, nothing the reader had to skip."""
    log = read_log(path)
    assert [r.seq for r in log.records] == list(range(1, n + 1))
    assert log.warnings == []
    assert header_count(path) == 1


def test_data_folder_removed_mid_session_is_written_again_whole() -> None:
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock)
    commands(live, clock, 6)
    first_path = live.log_path
    assert_whole(first_path, events_given(live))

    for _ in range(2):  # twice: a cleanup tool that runs again
        shutil.rmtree(paths.data_dir())
        assert_countdown_moves(live, clock)
        commands(live, clock, 4)
        assert live.writer.error is None
        assert live.log_path == first_path
        assert_whole(first_path, events_given(live))


def test_logs_path_that_is_a_file_falls_back_and_says_where() -> None:
    """A real fault, no injection: a regular file sits where the data folder should be."""
    paths.data_dir().parent.mkdir(parents=True)
    paths.data_dir().write_text("not a folder")
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock)
    commands(live, clock, 5)

    error = live.writer.error
    assert error is not None
    assert str(paths.logs_dir()) in error  # names the folder that failed...
    assert str(live.log_path) in error  # ...and where the log is instead
    assert live.log_path.is_relative_to(fallback_dir())
    assert_countdown_moves(live, clock)
    commands(live, clock, 3)
    assert_whole(live.log_path, events_given(live))


def test_unwritable_data_folder_falls_back_from_the_first_event() -> None:
    disk = FaultyDisk(refuse_open={paths.data_dir(): errno.EACCES})
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock, disk)
    commands(live, clock, 5)

    assert live.writer.used_fallback
    error = live.writer.error
    assert error is not None and "Permission denied" in error
    assert str(paths.logs_dir()) in error and str(live.log_path) in error
    assert not paths.logs_dir().exists()
    assert_countdown_moves(live, clock)
    assert_whole(live.log_path, events_given(live))


def test_folder_turning_read_only_mid_session_moves_the_whole_log_to_the_fallback() -> None:
    """A USB stick remounted read-only: writes fail on the open file (EROFS)."""
    disk = FaultyDisk()
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock, disk)
    commands(live, clock, 4)
    original = live.log_path
    on_disk_before = events_given(live)
    assert_whole(original, on_disk_before)

    disk.refuse_write[paths.data_dir()] = (errno.EROFS, 0)
    commands(live, clock, 4)
    assert_countdown_moves(live, clock)

    assert live.log_path != original
    assert live.writer.error is not None and "Read-only file system" in live.writer.error
    assert_whole(live.log_path, events_given(live))  # header and the earlier events too
    assert logged_seqs(original) == list(range(1, on_disk_before + 1))


def test_disk_full_everywhere_keeps_events_in_memory_then_writes_each_once() -> None:
    """The data folder and the fallback are on the same full disk; a write that fails keeps
    part of a line on disk, as a real disk does when it fills up mid-write."""
    disk = FaultyDisk()
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock, disk)
    commands(live, clock, 3)
    path = live.log_path

    disk.fill(paths.data_dir(), partial=11)
    disk.fill(fallback_dir(), partial=5)
    commands(live, clock, 5)
    assert_countdown_moves(live, clock)
    error = live.writer.error
    assert error is not None
    assert "No space left on device" in error and "kept in memory" in error
    assert str(paths.logs_dir()) in error
    assert live.writer.pending > 0
    assert disk.failed_writes > 0

    disk.heal()
    assert live.writer.retry()
    assert live.writer.error is None
    assert live.writer.pending == 0
    commands(live, clock, 2)
    assert live.log_path == path
    assert_whole(path, events_given(live))
    assert not any(fallback_dir().rglob("*.jsonl")), "a failed fallback leaves no half log"


def test_disk_full_in_the_data_folder_only_writes_a_readable_fallback() -> None:
    disk = FaultyDisk()
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock, disk)
    commands(live, clock, 3)
    disk.fill(paths.data_dir(), partial=9)
    commands(live, clock, 3)
    assert live.writer.used_fallback
    assert_whole(live.log_path, events_given(live))


def test_fallback_failing_once_then_working_loses_nothing() -> None:
    """Data folder refused; the first attempt at the fallback fills the disk mid-header."""
    tmp = fallback_dir()
    disk = FaultyDisk(refuse_open={paths.data_dir(): errno.EACCES})
    disk.fill(tmp, partial=20)
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock, disk)
    commands(live, clock, 3)
    assert live.writer.error is not None and "kept in memory" in live.writer.error

    del disk.refuse_write[tmp]  # space freed in /tmp; the data folder stays refused
    commands(live, clock, 3)
    assert live.writer.used_fallback
    assert_whole(live.log_path, events_given(live))


def test_crash_while_on_the_fallback_resumes_from_the_fallback() -> None:
    """The app dies while its log lives in the fallback folder: the relaunch must continue
    that log (it has every event), not the stale copy in the data folder."""
    disk = FaultyDisk()
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock, disk)
    commands(live, clock, 3)
    disk.refuse_write[paths.data_dir()] = (errno.EROFS, 0)
    commands(live, clock, 4)
    assert live.writer.used_fallback
    given = events_given(live)
    state = live.session.snapshot()
    crash(live)

    clock.advance(40.0)
    again = live_session(paths.logs_dir(), clock, disk)
    assert again.resumed_gap_s == 40.0
    snap = again.session.snapshot()
    assert (snap.current, snap.status, snap.blackout) == (
        state.current,
        state.status,
        state.blackout,
    )
    assert snap.message == state.message
    assert any("fallback" in w for w in again.warnings)
    assert again.session.next()
    assert_whole(again.log_path, given + 2)  # the Resumed event and the Next


def test_moderator_is_warned_while_the_countdown_goes_on_and_the_app_retries(
    qtbot: object,
) -> None:
    """Through the UI's controller: log_status carries the sentence, the retry timer runs
    while events wait in memory, and the warning clears once they are on disk."""
    from app.ui.controller import LiveController
    from tests.faults.helpers import seed

    disk = FaultyDisk()
    clock = FakeClock()
    loaded = seed()
    live = live_session(paths.logs_dir(), clock, disk, loaded)
    controller = LiveController(live, loaded, clock, paths.logs_dir())
    statuses: list[str] = []
    controller.log_status.connect(statuses.append)
    try:
        gave(live, controller.toggle())
        disk.fill(paths.data_dir())
        disk.fill(fallback_dir())
        clock.advance(20.0)
        gave(live, controller.adjust(60))
        gave(live, controller.message("Merci de conclure"))
        assert "No space left on device" in statuses[-1]
        assert str(paths.logs_dir()) in statuses[-1]
        assert controller._retry.isActive()
        before = controller.snapshot().remaining_s
        clock.advance(30.0)
        assert controller.snapshot().remaining_s == before - 30.0

        controller._retry.timeout.emit()  # the retry timer fires: still full
        assert statuses[-1] != ""
        disk.heal()
        controller._retry.timeout.emit()
        assert statuses[-1] == ""
        assert not controller._retry.isActive()
        assert_whole(live.log_path, events_given(live))
    finally:
        controller.shutdown()


def test_moderator_is_told_where_the_log_went(qtbot: object) -> None:
    from app.ui.controller import LiveController
    from tests.faults.helpers import seed

    disk = FaultyDisk(refuse_open={paths.data_dir(): errno.EACCES})
    clock = FakeClock()
    loaded = seed()
    live = live_session(paths.logs_dir(), clock, disk, loaded)
    controller = LiveController(live, loaded, clock, paths.logs_dir())
    statuses: list[str] = []
    controller.log_status.connect(statuses.append)
    try:
        gave(live, controller.toggle())
        assert statuses[-1].startswith(f"cannot write the timing log in {paths.logs_dir()}")
        assert str(live.log_path) in statuses[-1]
        assert not controller._retry.isActive()  # nothing waits: it is all in the fallback
        clock.advance(5.0)
        gave(live, controller.next())
        assert_whole(live.log_path, events_given(live))
    finally:
        controller.shutdown()


def test_the_app_retries_when_the_fallback_fails_too(qtbot: object) -> None:
    from app.ui.controller import LiveController
    from tests.faults.helpers import seed

    tmp = fallback_dir()
    disk = FaultyDisk(refuse_open={paths.data_dir(): errno.EACCES})
    clock = FakeClock()
    loaded = seed()
    live = live_session(paths.logs_dir(), clock, disk, loaded)
    controller = LiveController(live, loaded, clock, paths.logs_dir())
    statuses: list[str] = []
    controller.log_status.connect(statuses.append)
    try:
        gave(live, controller.toggle())
        assert live.writer.used_fallback
        disk.fill(tmp)
        clock.advance(3.0)
        gave(live, controller.adjust(60))
        assert "kept in memory" in statuses[-1]
        assert live.writer.pending == 1
        assert controller._retry.isActive()
    finally:
        controller.shutdown()
