"""Writing the timing log: one line per event, flushed and fsynced, never overwritten.

The writer keeps every line it was given in memory until the disk has it. When the folder
vanishes, becomes read-only or the disk fills up, the session goes on: the lines wait, the UI
shows ``error``, and the next write (or ``retry``) puts everything on disk — to a fallback
folder when the data folder stays unusable. Nothing is ever lost silently.

A write that fails half-way (a disk that fills up mid-line) may leave part of a line at the
end of the file. That tail is the writer's own and is cut off before the next attempt, so the
lines written afterwards are never glued to it, and a fallback file never starts with it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

Opener = Callable[[Path], IO[bytes]]


def _open_append(path: Path) -> IO[bytes]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("ab")


def fallback_dir(logs_dir: Path | None = None) -> Path:
    """Where logs go when their folder cannot be written. With ``logs_dir``, a subfolder of
    its own: two data folders (portable installs, tests) never share unsaved logs."""
    base = Path(tempfile.gettempdir()) / "timekeeper-unsaved-logs"
    if logs_dir is None:
        return base
    key = hashlib.sha256(str(logs_dir.absolute()).encode("utf-8", "surrogateescape"))
    return base / key.hexdigest()[:12]


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
    ) -> None:
        self.path = path
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
            self._handle = self._opener(self.path)
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
        n = 2
        while target.exists():
            target = self._fallback / f"{self.path.stem}~{n}{self.path.suffix}"
            n += 1
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle = self._opener(target)
        except OSError:
            return False
        home = (self.path, self._written, self._needs_newline, self._size, self._torn)
        self.path, self._handle = target, handle
        self._written, self._needs_newline, self._size, self._torn = 0, False, 0, False
        try:
            self._write_pending()
        except OSError:
            self._close()
            with contextlib.suppress(OSError):
                target.unlink()
            self.path, self._written, self._needs_newline, self._size, self._torn = home
            return False
        self.used_fallback = True
        return True

    def _close(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None

    def close(self) -> None:
        self.retry()
        self._close()
