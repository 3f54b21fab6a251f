"""Another local user attacks the folders the app writes in and recovers from.

What must hold, as a user would notice it: logs, locks and their folders are readable by the
user alone (files 0600, folders 0700); a symlink planted where a log or a folder will be is
never followed (the file it points to is unchanged); a folder that is a symlink or another
user's is refused with one sentence; and a forged log is never resumed, so the projector
never shows someone else's text. Tests run as root here: "another user" is a real chown to
nobody when root, else a monkeypatched uid.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

from app import paths
from app.engine import FakeClock
from app.timing_log.lock import lock_path
from app.timing_log.writer import fallback_dir
from tests.faults.helpers import crash, live_session

NOBODY = 65534


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def give_away(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``folder`` another user's: chown it to nobody as root; otherwise pretend to be
    someone else (the folder stays ours, the app's uid changes)."""
    if os.getuid() == 0:
        os.chown(folder, NOBODY, NOBODY)
    else:  # pragma: no cover - the CI runs as root
        monkeypatch.setattr(os, "getuid", lambda: os.stat(folder).st_uid + 1)


def forged_log(message: str) -> Path:
    """A real, unfinished log of the seed workshop carrying ``message`` (what an attacker
    with a copy of the running order can make), moved out of the data folder."""
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock)
    assert live.session.start() and live.session.message(message)
    crash(live)
    forged = Path(tempfile.mkdtemp()) / live.log_path.name
    shutil.move(live.log_path, forged)
    return forged


def test_logs_locks_and_their_folders_are_private() -> None:
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock)
    assert live.session.start()
    assert mode(live.log_path) == 0o600
    assert mode(paths.logs_dir()) == 0o700 and mode(paths.data_dir()) == 0o700
    lock = lock_path(paths.logs_dir(), live.header.session_slug)
    assert mode(lock) == 0o600 and mode(lock.parent) == 0o700
    assert mode(paths.state_dir()) == 0o700


def test_an_existing_folder_of_ones_own_is_tightened(tmp_path: Path) -> None:
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    os.chmod(loose, 0o777)
    assert paths.ensure_private_dir(loose) == loose
    assert mode(loose) == 0o700


def test_a_symlink_planted_at_the_log_name_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "victim.txt"
    target.write_text("precious\n", encoding="utf-8")
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock)
    paths.ensure_private_dir(paths.logs_dir())
    planted = live.log_path  # chosen at start; the file is made at the first event
    planted.symlink_to(target)
    assert live.session.start()
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert planted.is_symlink() and live.log_path != planted
    assert live.writer.error is None and mode(live.log_path) == 0o600


def test_a_symlinked_logs_folder_is_refused_and_the_log_goes_to_the_fallback(
    tmp_path: Path,
) -> None:
    elsewhere = tmp_path / "attacker"
    elsewhere.mkdir()
    paths.data_dir().mkdir(parents=True)
    paths.logs_dir().symlink_to(elsewhere, target_is_directory=True)
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock)
    assert live.session.start()
    assert list(elsewhere.iterdir()) == []  # nothing written where the link points
    assert live.log_path.is_relative_to(fallback_dir(paths.logs_dir()))
    error = live.writer.error
    assert error is not None and str(paths.logs_dir()) in error
    assert "is a symbolic link, not a folder" in error and "\n" not in error


def test_a_symlink_planted_as_the_fallback_folder_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "attacker"
    elsewhere.mkdir()
    paths.data_dir().parent.mkdir(parents=True, exist_ok=True)
    paths.data_dir().write_text("not a folder")  # the data folder cannot be used
    fallback = fallback_dir(paths.logs_dir())
    fallback.parent.mkdir(parents=True)
    fallback.symlink_to(elsewhere, target_is_directory=True)
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock)
    assert live.session.start()  # the countdown runs; the event waits in memory
    assert list(elsewhere.iterdir()) == []
    assert live.writer.pending == 2 and not live.writer.used_fallback
    assert live.writer.error is not None and "kept in memory" in live.writer.error


def test_another_users_folder_is_refused_with_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    give_away(theirs, monkeypatch)
    with pytest.raises(paths.PrivateFolderError) as caught:
        paths.ensure_private_dir(theirs)
    sentence = str(caught.value)
    assert sentence.startswith(f"{theirs}: belongs to another user")
    assert sentence.endswith("Timekeeper only uses a folder of your own") and "\n" not in sentence


def test_a_forged_log_in_another_users_logs_folder_is_never_resumed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    forged = forged_log("Planted by someone else")
    paths.logs_dir().mkdir(parents=True, exist_ok=True)
    shutil.move(forged, paths.logs_dir() / forged.name)
    give_away(paths.logs_dir(), monkeypatch)
    live = live_session(paths.logs_dir(), FakeClock())
    assert live.resumed_gap_s is None
    assert live.session.snapshot().message is None  # the projector shows nothing of theirs


def test_a_forged_log_in_a_group_writable_logs_folder_is_never_resumed() -> None:
    forged = forged_log("Planted by a group member")
    paths.logs_dir().mkdir(parents=True, exist_ok=True)
    shutil.move(forged, paths.logs_dir() / forged.name)
    os.chmod(paths.logs_dir(), 0o770)
    live = live_session(paths.logs_dir(), FakeClock())
    assert live.resumed_gap_s is None and live.session.snapshot().message is None


def test_a_forged_log_in_the_old_shared_temp_fallback_is_never_resumed() -> None:
    """The old fallback was /tmp/timekeeper-unsaved-logs/<key of the logs folder>: anyone
    could make it first. Recovery no longer looks there at all."""
    forged = forged_log("Planted in /tmp")
    from app.timing_log.lock import folder_key

    old = Path(tempfile.gettempdir()) / "timekeeper-unsaved-logs" / folder_key(paths.logs_dir())
    old.mkdir(parents=True, mode=0o700)  # even a folder that looks private
    shutil.move(forged, old / forged.name)
    live = live_session(paths.logs_dir(), FakeClock())
    assert live.resumed_gap_s is None and live.session.snapshot().message is None


def test_a_log_in_the_private_fallback_is_still_resumed() -> None:
    """The fallback that replaced it is the user's own: a crash there still comes back."""
    forged = forged_log("Merci de conclure")  # here: the user's own session, moved by the writer
    fallback = paths.ensure_private_dir(fallback_dir(paths.logs_dir()))
    shutil.move(forged, fallback / forged.name)
    live = live_session(paths.logs_dir(), FakeClock())
    assert live.resumed_gap_s is not None
    assert live.session.snapshot().message == "Merci de conclure"
