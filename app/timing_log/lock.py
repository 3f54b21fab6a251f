"""One writer per running order: an OS file lock held for the life of a live session.

Two windows on one running order used to share its log (two headers, overlapping sequence
numbers that readers skip). Now ``start_session`` takes an exclusive, non-blocking lock
before it looks for a log to continue or makes a new one, and keeps it until the session is
closed; the OS drops it when the process dies (kill -9 included), so a crash never leaves a
stale lock behind, and a relaunch after one resumes as before.

Why a lock per running order and not on the log file itself: the lock must exist before the
log does (a log is created at its first event, so two windows opened in the same second would
both see no log and both begin one), it must cover every log that recovery could continue
(the newest of that running order, in the data folder or the fallback), and it must be
creatable when the data folder is not. So it is a small file ``<slug>.lock`` in the user's
private state folder (``app.paths.state_dir()/locks``), under a key of the logs folder (two
data folders, as in tests and portable installs, never share locks). The file holds the
holder's PID so that the second window can say which process has it. Lock files are never
deleted: deleting one while another process waits on it would let two processes think they
hold "the" lock.

POSIX uses ``fcntl.flock``: the lock belongs to the open file, so a second open in the same
process is refused too (one session per running order, per process as well), and closing
other descriptors never drops it. On Windows no lock is taken (documented limitation).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from pathlib import Path

from app import paths
from app.timing_log.errors import SessionBusy

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, see the module docstring
    fcntl = None  # type: ignore[assignment]


def folder_key(logs_dir: Path) -> str:
    """A short name for a logs folder (its absolute path, hashed)."""
    digest = hashlib.sha256(str(logs_dir.absolute()).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:12]


def lock_path(logs_dir: Path, slug: str) -> Path:
    return paths.state_dir() / "locks" / folder_key(logs_dir) / f"{slug}.lock"


class SessionLock:
    """A held lock; ``release()`` (or the process's death) lets another window take it."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self._fd = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)  # no PID left behind to be mistaken for a holder
            with contextlib.suppress(OSError):
                os.close(self._fd)  # closing the only descriptor drops the flock
            self._fd = None

    def __del__(self) -> None:  # a session dropped without closing: as if its process died
        self.release()


def _holder(fd: int) -> int | None:
    """The PID the holder wrote. It writes it right after taking the lock: for the instant
    between the two, look again a few times (a real wait on another process, bounded)."""
    for _ in range(20):
        with contextlib.suppress(OSError, ValueError):
            return int(os.pread(fd, 32, 0).decode("ascii").strip())
        time.sleep(0.005)
    return None


def acquire(logs_dir: Path, slug: str) -> SessionLock:
    """Take the lock of ``slug``'s logs in ``logs_dir``, or raise SessionBusy naming the holder.

    The lock file is opened without following a symlink, in a folder checked to be the user's
    own; an OSError (the state folder cannot be made) propagates: the caller decides."""
    path = lock_path(logs_dir, slug)
    paths.ensure_private_dir(path.parent.parent)
    paths.ensure_private_dir(path.parent)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _CLOEXEC, paths.PRIVATE_FILE_MODE)
    if fcntl is None:  # pragma: no cover - Windows
        return SessionLock(path, fd)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        pid = _holder(fd)
        os.close(fd)
        raise SessionBusy(slug, pid) from None
    except OSError:
        os.close(fd)
        raise
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
    return SessionLock(path, fd)
