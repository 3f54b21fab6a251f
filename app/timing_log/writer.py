"""Writing the timing log: one line per event, flushed and fsynced, never overwritten.

The writer keeps every line it was given in memory until the disk has it. When the folder
vanishes, becomes read-only or the disk fills up, the session goes on: the lines wait, the UI
shows ``error``, and the next write (or ``retry``) puts everything on disk — to a fallback
folder when the data folder stays unusable. Nothing is ever lost silently.

A write that fails half-way (a disk that fills up mid-line) may leave part of a line at the
end of the file. That tail is the writer's own and is cut off before the next attempt, so the
lines written afterwards are never glued to it, and a fallback file never starts with it.

Files are the user's own (ARCHITECTURE.md §2): a log is created exclusively (``O_EXCL``: a name
that was taken meanwhile, or a planted symlink, moves the log to the next free name), mode
0600, in a folder made by ``paths.ensure_private_dir``, and every open refuses to follow a
symbolic link (``O_NOFOLLOW``), so nobody else can choose where the app writes.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO, Protocol

from app import paths
from app.timing_log.lock import SessionLock, folder_key

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_MAX_NAMES = 1000  # names tried before giving up on a folder (someone fills it with decoys)


class Opener(Protocol):
    """How a writer opens a log for appending; ``create`` means a new file that must not
    exist yet (FileExistsError if it does). Tests pass a faulty disk."""

    def __call__(self, path: Path, *, create: bool = False) -> IO[bytes]: ...


def _open_append(path: Path, *, create: bool = False) -> IO[bytes]:
    paths.ensure_private_dir(path.parent)
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW | _CLOEXEC | _BINARY
    if create:
        flags |= os.O_EXCL
    fd = os.open(path, flags, paths.PRIVATE_FILE_MODE)
    if not create and hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):
            os.fchmod(fd, paths.PRIVATE_FILE_MODE)  # a log an older version left 0644
    return os.fdopen(fd, "ab")


def next_name(path: Path) -> Path:
    """The name after ``path`` in its series: ``x`` -> ``x~2`` -> ``x~3``."""
    base, sep, n = path.stem.rpartition("~")
    if sep and n.isdigit():
        return path.with_name(f"{base}~{int(n) + 1}{path.suffix}")
    return path.with_name(f"{path.stem}~2{path.suffix}")


def fallback_dir(logs_dir: Path | None = None) -> Path:
    """Where logs go when their folder cannot be written: the user's own state folder.

    Not the shared temporary folder: there another local user could make the folder first,
    plant a symlink where a log will be written, or leave a forged log that recovery would
    resume. Not ``mkdtemp`` either: recovery must find a fallback log again after a crash.
    The state folder is private (``ensure_private_dir``) and usually still writable when the
    data folder is not (a read-only or replaced folder). With ``logs_dir``, a subfolder of its
    own: two data folders (portable installs, tests) never share unsaved logs."""
    base = paths.state_dir() / "unsaved-logs"
    if logs_dir is None:
        return base
    return base / folder_key(logs_dir)


class LogWriter:
    """Append lines to ``path``; ``lines`` already on disk (when continuing) are not rewritten."""

    def __init__(
        self,
        path: Path,
        lines: list[str],
        *,
        on_disk: int = 0,
        needs_newline: bool = False,
        opener: Opener = _open_append,
        fallback: Path | None = None,
        lock: SessionLock | None = None,
    ) -> None:
        self.path = path
        self.lock = lock  # held for the writer's life: no other process writes this log
        self._new = on_disk == 0  # the file is ours to create, exclusively
        self._lines = list(lines)
        self._written = on_disk  # how many of _lines the file holds
        self._needs_newline = needs_newline  # a torn last line to close before appending
        self._opener = opener
        self._fallback = fallback
        self._handle: IO[bytes] | None = None
        # Bytes the file held after the last complete write (None: not known yet), and
        # whether a write failed since, possibly leaving part of a line after them.
        self._size: int | None = None
        self._torn = False
        self.error: str | None = None
        self._fallback_note: str | None = None  # the warning while the log is in the fallback
        self.used_fallback = False

    @property
    def opener(self) -> Opener:
        """How this writer opens files (a test's faulty disk carries over to a new log)."""
        return self._opener

    @property
    def pending(self) -> int:
        return len(self._lines) - self._written

    def append(self, line: str) -> bool:
        """Keep ``line`` and try to put everything pending on disk. False if it could not."""
        self._lines.append(line)
        return self.retry()

    def retry(self) -> bool:
        if self.pending == 0 and self.error is None:
            return True
        try:
            self._write_pending()
        except OSError as exc:
            self._torn = self._torn or self._handle is not None  # a write began: maybe half a line
            self._close()
            reason = exc.strerror or str(exc)
            failed_dir = self.path.parent
            if self._fallback is not None and not self.used_fallback and self._move_to_fallback():
                self._fallback_note = self.error = (
                    f"cannot write the timing log in {failed_dir} ({reason}); "
                    f"it is written to {self.path} instead"
                )
                return True
            self.error = (
                f"cannot write the timing log {self.path} ({reason}); "
                f"{self.pending} event(s) kept in memory, retrying"
            )
            return False
        self.error = self._fallback_note
        return True

    def _write_pending(self) -> None:
        if self._written > 0 and not self.path.exists():
            # The file (or its folder) was removed under us: write it again, whole.
            self._close()
            self._written, self._size, self._torn = 0, 0, False
            self._needs_newline = False
        if self._handle is None:
            self._handle = self._open()
            if self._size is None and not self._torn:
                self._size = os.fstat(self._handle.fileno()).st_size
        if self._torn:
            self._cut_torn_tail(self._handle)
        chunk = "".join(line + "\n" for line in self._lines[self._written :])
        data = chunk.encode("utf-8")
        if self._needs_newline:
            data = b"\n" + data
        self._handle.write(data)
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._size = os.fstat(self._handle.fileno()).st_size
        self._needs_newline = False
        self._written = len(self._lines)

    def _open(self) -> IO[bytes]:
        """Open the log; a new one is created exclusively, under the next free name if its
        own was taken since it was chosen (another run, or a file planted there)."""
        if not self._new:
            return self._opener(self.path)
        for _ in range(_MAX_NAMES):
            try:
                handle = self._opener(self.path, create=True)
            except FileExistsError:
                self.path = next_name(self.path)
                continue
            self._new = False
            return handle
        raise FileExistsError(f"no free log name in {self.path.parent}")

    def _cut_torn_tail(self, handle: IO[bytes]) -> None:
        """Remove what a failed write left after the last complete line (ours, never an
        event). When that size is not known, start on a new line instead."""
        fd = handle.fileno()
        if self._size is None:
            self._needs_newline = True
        elif os.fstat(fd).st_size > self._size:
            os.ftruncate(fd, self._size)
        self._torn = False

    def _move_to_fallback(self) -> bool:
        """Write the whole log to a new file in the fallback folder. If that fails too, the
        writer stays on its own path (and retries there) and the fallback keeps no half log."""
        assert self._fallback is not None
        target = self._fallback / self.path.name
        for _ in range(_MAX_NAMES):
            try:
                handle = self._opener(target, create=True)
                break
            except FileExistsError:
                target = next_name(target)
            except OSError:
                return False
        else:
            return False
        home = (self.path, self._written, self._needs_newline, self._size, self._torn)
        home_new, self._new = self._new, False  # the fallback file exists now: ours
        self.path, self._handle = target, handle
        self._written, self._needs_newline, self._size, self._torn = 0, False, 0, False
        try:
            self._write_pending()
        except OSError:
            self._close()
            with contextlib.suppress(OSError):
                target.unlink()
            self.path, self._written, self._needs_newline, self._size, self._torn = home
            self._new = home_new
            return False
        self.used_fallback = True
        return True

    def _close(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None

    def release_lock(self) -> None:
        """Let another process write this running order's logs (the session is over)."""
        if self.lock is not None:
            self.lock.release()

    def close(self, *, keep_lock: bool = False) -> None:
        """Write what is pending and close; the lock goes too unless the same process goes on
        with a new log of this running order at once (start over)."""
        self.retry()
        self._close()
        if not keep_lock:
            self.release_lock()
