"""What the fault tests share: a disk whose failures a test switches on and off, and a few
readings of a log file as a user (or the report) would see it."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from app import paths
from app.engine import FakeClock
from app.model import LoadedRunningOrder, load_running_order
from app.timing_log.live import LiveSession, start_session
from app.timing_log.reader import read_log
from tests.conftest import SEED


def oserror(code: int, path: Path | None = None) -> OSError:
    return OSError(code, os.strerror(code), None if path is None else str(path))


class _Handle:
    """A real append handle that fails its writes the way the disk under it says."""

    def __init__(self, disk: FaultyDisk, path: Path, create: bool) -> None:
        self._disk = disk
        self._path = path
        if create:  # exclusive, as the app's own opener: FileExistsError if taken
            path.open("xb").close()
        self._file = path.open("ab")

    def write(self, data: bytes) -> int:
        fault = self._disk.write_fault(self._path)
        if fault is not None:
            code, partial = fault
            # A disk that fills up mid-write keeps what fitted: part of a line.
            self._file.write(data[:partial])
            self._file.flush()
            self._disk.failed_writes += 1
            raise oserror(code, self._path)
        return self._file.write(data)

    def flush(self) -> None:
        self._file.flush()

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        self._file.close()


@dataclass
class FaultyDisk:
    """An opener for LogWriter. ``refuse_open[folder] = errno`` makes opening any file under
    ``folder`` fail (permission denied, read-only file system); ``refuse_write[folder] =
    (errno, n)`` makes every write under it put ``n`` bytes on disk, then fail (disk full)."""

    refuse_open: dict[Path, int] = field(default_factory=dict)
    refuse_write: dict[Path, tuple[int, int]] = field(default_factory=dict)
    failed_writes: int = 0
    failed_opens: int = 0

    def write_fault(self, path: Path) -> tuple[int, int] | None:
        for folder, fault in self.refuse_write.items():
            if path.is_relative_to(folder):
                return fault
        return None

    def __call__(self, path: Path, *, create: bool = False) -> IO[bytes]:
        for folder, code in self.refuse_open.items():
            if path.is_relative_to(folder):
                self.failed_opens += 1
                raise oserror(code, path)
        paths.ensure_private_dir(path.parent)
        return _Handle(self, path, create)  # type: ignore[return-value]

    def fill(self, folder: Path, partial: int = 7) -> None:
        self.refuse_write[folder] = (errno.ENOSPC, partial)

    def heal(self) -> None:
        self.refuse_open.clear()
        self.refuse_write.clear()


def seed() -> LoadedRunningOrder:
    return load_running_order(SEED)


OPEN_SESSIONS: list[LiveSession] = []


def live_session(
    logs_dir: Path,
    clock: FakeClock,
    disk: FaultyDisk | None = None,
    loaded: LoadedRunningOrder | None = None,
) -> LiveSession:
    """start_session, remembered so that the test's teardown closes its file (as the OS
    does for a killed process: nothing is flushed that the writer had not written)."""
    loaded = loaded or seed()
    if disk is None:
        live = start_session(loaded, clock, logs_dir)
    else:
        live = start_session(loaded, clock, logs_dir, opener=disk)
    OPEN_SESSIONS.append(live)
    return live


def crash(live: LiveSession) -> None:
    """The process dies: its open files are closed by the OS (the session's lock with them),
    pending lines die with it."""
    live.writer._close()
    live.writer.release_lock()


def raw_lines(path: Path) -> list[bytes]:
    return [line for line in path.read_bytes().split(b"\n") if line.strip()]


def logged_seqs(path: Path) -> list[int]:
    """The sequence numbers of the events a reader gets from ``path``, in file order."""
    return [record.seq for record in read_log(path).records]


def header_count(path: Path) -> int:
    count = 0
    for line in raw_lines(path):
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("type") == "header":
            count += 1
    return count
