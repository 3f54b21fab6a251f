"""The one way Timekeeper reads a file a user named: a regular file, at most so many bytes.

Every reader of a user's file (running orders, programmes, timing logs, settings) goes through
``read_bounded``, because ``open(path).read()`` trusts the path too much: a FIFO blocks the
process forever (``check`` would wait for a writer that never comes), ``/dev/zero`` or a link
to it reports a size of 0 and never ends, and a socket fails with an errno that means nothing
to a moderator. Here each of them is refused with one sentence naming the file.

This module is in the bottom layer (next to ``app.paths``): no Qt, no app imports, so that the
model, the importers, the timing log and the settings can all use it. A missing file is left
as FileNotFoundError, because callers treat it differently (the settings fall back to their
defaults, a running order says « no such file »); every other refusal is an InputError.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["InputError", "describe_kind", "read_bounded", "read_head", "regular_file_problem"]

_CHUNK = 1024 * 1024


class InputError(ValueError):
    """A file a user named that cannot be read as input. ``str()`` is one sentence that names
    the file and says what was expected; ``problem`` is the same without the file, for the
    callers that wrap it in their own error type (which adds the file back)."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


_KINDS: tuple[tuple[int, str], ...] = (
    (stat.S_IFIFO, "a FIFO"),
    (stat.S_IFCHR, "a device"),
    (stat.S_IFBLK, "a block device"),
    (stat.S_IFSOCK, "a socket"),
    (stat.S_IFDIR, "a folder"),
)


def describe_kind(mode: int) -> str:
    """What a non-regular file is, in words a user knows (« a FIFO », « a device »)."""
    kind = stat.S_IFMT(mode)
    return next((words for value, words in _KINDS if value == kind), "not an ordinary file")


def _not_regular(mode: int, what: str) -> str:
    if stat.S_ISDIR(mode):
        return f"this is a folder, expected {what}"
    return f"not a regular file ({describe_kind(mode)}), expected {what}"


def _megabytes(limit: int) -> str:
    mb = limit / (1024 * 1024)
    return f"{mb:g} MB" if mb >= 1 else f"{max(1, limit // 1024)} KB"


def _too_large(limit: int, what: str) -> str:
    return f"larger than {_megabytes(limit)}, too large for {what}"


def regular_file_problem(path: str | Path, what: str) -> str | None:
    """The sentence ``read_bounded`` would refuse ``path`` with (missing, a FIFO, a device, a
    folder), or None; for commands that must know before they open a window (`replay`)."""
    try:
        info = os.stat(path)  # follows links: a link to /dev/zero is a device
    except FileNotFoundError:
        return f"{path}: no such file, expected {what}"
    except OSError as exc:
        return f"{path}: cannot be read ({exc.strerror or exc})"
    if not stat.S_ISREG(info.st_mode):
        return f"{path}: {_not_regular(info.st_mode, what)}"
    return None


def _open_regular(path: str | Path, what: str) -> tuple[int, int]:
    """An open descriptor on the regular file at ``path`` and its size, checked twice.

    By name first (``os.stat`` follows links), so that a FIFO is never opened and nobody waits
    for a writer; then opened with O_NONBLOCK, so that a FIFO swapped in after the check
    cannot block the open either; then checked again on the descriptor (``fstat``), so that
    what is read is what was checked.
    """
    shown = str(path)
    info = os.stat(path)  # FileNotFoundError goes to the caller as it is
    if not stat.S_ISREG(info.st_mode):
        raise InputError(shown, _not_regular(info.st_mode, what))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(shown, _not_regular(info.st_mode, what))
    except BaseException:
        os.close(fd)
        raise
    return fd, info.st_size


def read_bounded(path: str | Path, *, limit: int, what: str) -> bytes:
    """The bytes of the regular file at ``path``; refused past ``limit`` bytes.

    ``what`` names what the file should be (« a running order (.toml or .json) ») in the
    sentences. At most ``limit + 1`` bytes are ever read, so a file that grows while it is
    read, or whose size says 0, is still bounded. Raises FileNotFoundError when there is no
    such file, InputError (a ValueError, one sentence) for anything else.
    """
    shown = str(path)
    try:
        fd, size = _open_regular(path, what)
    except (InputError, FileNotFoundError):
        raise
    except OSError as exc:
        raise InputError(shown, f"cannot be read ({exc.strerror or exc})") from None
    try:
        if size > limit:
            raise InputError(shown, _too_large(limit, what))
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise InputError(shown, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise InputError(shown, _too_large(limit, what))
    return data


def read_head(path: str | Path, *, limit: int, what: str) -> bytes:
    """The first line of the regular file at ``path`` (with its newline), or its first
    ``limit`` bytes when no newline comes before: cheap on a long file (a folder of logs is
    listed by their headers). Refuses what ``read_bounded`` refuses, but not a long file."""
    shown = str(path)
    try:
        fd, _size = _open_regular(path, what)
    except (InputError, FileNotFoundError):
        raise
    except OSError as exc:
        raise InputError(shown, f"cannot be read ({exc.strerror or exc})") from None
    try:
        chunks: list[bytes] = []
        read = 0
        while read < limit:
            chunk = os.read(fd, min(limit - read, 64 * 1024))
            if not chunk:
                break
            end = chunk.find(b"\n")
            if end >= 0:
                chunks.append(chunk[: end + 1])
                break
            chunks.append(chunk)
            read += len(chunk)
    except OSError as exc:
        raise InputError(shown, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    return b"".join(chunks)
