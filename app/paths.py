"""The one place that knows where Timekeeper keeps its files (qutebrowser's standarddir idea).

Settings live in the platformdirs config dir, timing logs in the data dir, the logs' fallback
folder and the session locks in the state dir. ``TIMEKEEPER_HOME`` moves all three under one
folder (``config/``, ``data/``, ``state/``): tests and portable installs use it.

The data shipped with the app (the seed workshop, the icon, the translations) is app.resources'
business, not this module's.

Every folder the app writes in is the user's own (``ensure_private_dir``): made 0700, never
reached through a symbolic link, never one that another user owns. A timing log says what
happened in a room and settings name the user's files; nobody else on the machine reads them,
and nobody else can plant a file the app would then write through or resume from.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

import platformdirs

APP_NAME = "timekeeper"
HOME_ENV = "TIMEKEEPER_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME))


def state_dir() -> Path:
    """The user's own state folder: the logs' fallback folder and the session locks."""
    home = _home()
    return home / "state" if home else Path(platformdirs.user_state_dir(APP_NAME))


def logs_dir() -> Path:
    return data_dir() / "logs"


def settings_file() -> Path:
    return config_dir() / "settings.toml"


# -- private folders ---------------------------------------------------------------------------

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # POSIX; Windows has no symlink-following opens
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


class PrivateFolderError(OSError):
    """A folder the app will not write in or read logs from: a symbolic link, not a folder, or
    another user's. An OSError, so that every place that already copes with a folder it cannot
    write (the log writer's fallback, saving settings) copes with this one; ``str()`` is one
    sentence naming the folder and what was expected."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(errno.EPERM, problem, str(path))
        self.path = path
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}; Timekeeper only uses a folder of your own"


def _current_uid() -> int | None:
    getuid = getattr(os, "getuid", None)  # absent on Windows: no owner check there
    return None if getuid is None else int(getuid())


def _problem(st: os.stat_result) -> str | None:
    """Why a folder with this (not followed) stat is not the user's own, or None."""
    if stat.S_ISLNK(st.st_mode):
        return "is a symbolic link, not a folder"
    if not stat.S_ISDIR(st.st_mode):
        return "is not a folder"
    uid = _current_uid()
    if uid is not None and st.st_uid != uid:
        return f"belongs to another user (uid {st.st_uid})"
    return None


def private_dir_problem(path: Path) -> str | None:
    """Why ``path`` is not a private folder of this user, or None if it is (or does not exist).

    For readers that must not trust what they find (crash recovery): a folder that is a
    symbolic link, another user's, or writable by others may hold a log planted by someone
    else. Nothing is created or changed."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    problem = _problem(st)
    if problem is None and st.st_mode & 0o022 and _current_uid() is not None:
        problem = "can be written by other users"
    return problem


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as a folder only this user can enter; return it.

    Public: the log writer calls it before creating a log, and settings will before writing
    theirs. The folder itself is created with mode 0700 and checked without following a
    symbolic link (``lstat``, then ``O_NOFOLLOW``): a symlink, a file, or a folder owned by
    someone else raises ``PrivateFolderError`` (one sentence), so the app never writes where
    another user pointed it. An existing folder of the user's own is tightened to 0700.
    Parents are created 0700 too, but not checked: a home reached through a symlink is fine.
    """
    if not path.parent.exists():
        os.makedirs(path.parent, mode=PRIVATE_DIR_MODE, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.mkdir(path, PRIVATE_DIR_MODE)
    problem = _problem(os.lstat(path))
    if problem is not None:
        raise PrivateFolderError(path, problem)
    if os.name == "nt":  # no owners, modes or directory handles to check there
        return path
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _DIRECTORY)
    except OSError as exc:  # swapped for a symlink after the lstat
        raise PrivateFolderError(path, "is not a folder of your own") from exc
    try:
        st = os.fstat(fd)
        problem = _problem(st)
        if problem is not None:
            raise PrivateFolderError(path, problem)
        if stat.S_IMODE(st.st_mode) != PRIVATE_DIR_MODE and hasattr(os, "fchmod"):
            os.fchmod(fd, PRIVATE_DIR_MODE)
    finally:
        os.close(fd)
    return path
