"""Special files given where a user's file is expected (app/inputs.py): a FIFO, a link to
/dev/zero, a folder. Each gets exit 2 and one sentence naming the file, never a wait.

Run as the real command with a timeout: a command that blocks on a FIFO fails the test at the
timeout instead of hanging the suite. No figure of time is asserted.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.inputs import InputError, read_bounded
from tests.cli.helpers import assert_bad_input, timekeeper
from tests.conftest import SEED
from tests.timing_log.test_report import play_seed

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")

TIMEOUT = 20  # seconds: far more than any of these commands needs; only a hang reaches it


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "programme.fifo"
    os.mkfifo(path)
    return path


@pytest.fixture
def zero_link(tmp_path: Path) -> Path:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    link = tmp_path / "zero.toml"
    link.symlink_to("/dev/zero")
    return link


@pytest.mark.parametrize("command", ["check", "import", "report"])
def test_a_fifo_is_refused_at_once(command: str, fifo: Path) -> None:
    done = timekeeper(command, fifo, timeout=TIMEOUT)
    assert_bad_input(done, str(fifo), "not a regular file (a FIFO)")


def test_report_to_a_fifo_is_refused_and_the_fifo_not_opened(tmp_path: Path, fifo: Path) -> None:
    live, _ = play_seed(tmp_path / "logs")
    done = timekeeper("report", live.log_path, "-o", fifo, timeout=TIMEOUT)
    assert_bad_input(done, str(fifo), "not a regular file (a FIFO)")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO is left as it was"
    # Had the command opened it for writing, a non-blocking reader would now see a writer's
    # bytes or an open end; nobody wrote into it.
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert os.read(fd, 16) == b""
    finally:
        os.close(fd)


def test_replay_of_a_fifo_names_it_not_a_missing_log(fifo: Path) -> None:
    done = timekeeper("replay", fifo, timeout=TIMEOUT)
    err = assert_bad_input(done, str(fifo), "not a regular file (a FIFO)")
    assert "no such timing log" not in err


@pytest.mark.parametrize("command", ["check", "import", "report"])
def test_a_link_to_dev_zero_is_refused_without_reading_it(command: str, zero_link: Path) -> None:
    done = timekeeper(command, zero_link, timeout=TIMEOUT)
    assert_bad_input(done, str(zero_link), "not a regular file (a device)")


@pytest.mark.parametrize("command", ["check", "import", "report"])
def test_a_folder_is_named_as_a_folder(command: str, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.toml"
    folder.mkdir()
    assert_bad_input(timekeeper(command, folder, timeout=TIMEOUT), str(folder), "folder")


def test_a_six_megabyte_programme_is_refused_naming_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "programme.txt"
    big.write_bytes(b"9h00 Accueil (10')\n" * (6 * 1024 * 1024 // 19 + 1))
    out = tmp_path / "out.toml"
    done = timekeeper("import", big, "-o", out, timeout=TIMEOUT)
    assert_bad_input(done, str(big), "larger than 5 MB")
    assert not out.exists()


def test_the_helper_reads_no_more_than_its_limit(tmp_path: Path) -> None:
    """A file that grows past the limit between the size check and the read is still refused:
    the read itself stops at limit + 1 bytes."""
    path = tmp_path / "seed.toml"
    path.write_bytes(SEED.read_bytes())
    assert read_bounded(path, limit=len(path.read_bytes()), what="a file") == SEED.read_bytes()
    with pytest.raises(InputError, match="larger than"):
        read_bounded(path, limit=100, what="a running order")


def test_settings_that_are_a_fifo_do_not_stop_the_app(tmp_path: Path) -> None:
    from app.ui.settings import load_settings

    path = tmp_path / "settings.toml"
    os.mkfifo(path)
    settings, note = load_settings(path)
    assert settings.theme == "dark"
    assert note is not None and "FIFO" in note.reason
    assert note.kept is not None and stat.S_ISFIFO(os.lstat(note.kept).st_mode)  # set aside
