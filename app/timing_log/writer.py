"""Writing the timing log: one line per event, flushed and fsynced, never overwritten.

The writer keeps every line it was given in memory until the disk has it. When the folder
vanishes, becomes read-only or the disk fills up, the session goes on: the lines wait, the UI
shows ``error``, and the next write (or ``retry``) puts everything on disk — to a fallback
folder when the data folder stays unusable. Nothing is ever lost silently.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

Opener = Callable[[Path], IO[bytes]]


def _open_append(path: Path) -> IO[bytes]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("ab")


def fallback_dir() -> Path:
    return Path(tempfile.gettempdir()) / "timekeeper-unsaved-logs"


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
        self.error: str | None = None
        self.used_fallback = False

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
            self._close()
            reason = exc.strerror or str(exc)
            failed_dir = self.path.parent
            if self._fallback is not None and not self.used_fallback and self._move_to_fallback():
                self.error = (
                    f"cannot write the timing log in {failed_dir} ({reason}); "
                    f"it is written to {self.path} instead"
                )
                return True
            self.error = (
                f"cannot write the timing log {self.path} ({reason}); "
                f"{self.pending} event(s) kept in memory, retrying"
            )
            return False
        if not self.used_fallback:
            self.error = None
        return True

    def _write_pending(self) -> None:
        if self._written > 0 and not self.path.exists():
            # The file (or its folder) was removed under us: write it again, whole.
            self._close()
            self._written = 0
            self._needs_newline = False
        if self._handle is None:
            self._handle = self._opener(self.path)
        chunk = "".join(line + "\n" for line in self._lines[self._written :])
        data = chunk.encode("utf-8")
        if self._needs_newline:
            data = b"\n" + data
        self._handle.write(data)
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._needs_newline = False
        self._written = len(self._lines)

    def _move_to_fallback(self) -> bool:
        assert self._fallback is not None
        target = self._fallback / self.path.name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle = self._opener(target)
        except OSError:
            return False
        self.path, self._handle = target, handle
        self._written, self._needs_newline = 0, False
        self.used_fallback = True
        try:
            self._write_pending()
        except OSError:
            self._close()
            return False
        return True

    def _close(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None

    def close(self) -> None:
        self.retry()
        self._close()
