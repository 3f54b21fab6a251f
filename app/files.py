"""The one way Timekeeper writes a file (ARCHITECTURE.md §2, "Nothing is lost").

Every report, export, imported running order, settings file and picture the app writes goes
through :func:`write_atomic`; the timing log alone is written elsewhere (append-only, fsynced
per event, ``app/timing_log``). The rules, and why:

- **Atomic.** The bytes go to a temporary file in the target's own folder (``mkstemp``:
  ``O_EXCL``, so never someone else's file), are flushed and fsynced, and only then renamed
  over the target (``os.replace``); the folder is fsynced so that the rename survives a power
  cut. A full disk, a read-only disk or a refused permission leaves the old file exactly as
  it was and no temporary file behind: the caller gets a :class:`FileWriteError` whose
  message is one sentence naming the file and why.
- **Never over what it did not write.** A timing log or a running order is a file the user
  owns (§4): ``keep`` names it and the write is refused, even with ``force``. Any other
  existing file is replaced only with ``force`` or when ``replaceable`` recognises, by its
  content, the same kind of output the command writes (a previous report, say). A file that
  appears between the check and the rename is not replaced either (``os.link`` refuses to
  overwrite).
- **Symbolic links are refused.** Replacing the link would silently turn it into a plain
  file; writing through it would touch a file elsewhere that the check never looked at.
  Neither is what a user who typed the name expects, so the sentence says so and asks for the
  real path.

This module is below every layer (tests/test_layers.py: ``BASE``): no Qt, no app import.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path

from app.inputs import describe_kind

# How much of an existing file the recognisers see: a running order may be up to 4 MB
# (app.model.loader.MAX_FILE_BYTES), and a report's PDF keeps its creator near the end.
HEAD_BYTES = 4 * 1024 * 1024 + 1

Recogniser = Callable[[bytes], bool]
Keeper = Callable[[bytes], "str | None"]


class FileWriteError(Exception):
    """A file that was not written; the message is one sentence naming it and why, and says
    that nothing was changed."""


# -- what a user owns ---------------------------------------------------------------------------

_LOG_HEADER = re.compile(rb'^\s*\{.*"type"\s*:\s*"header"')
_TOML_TABLES = re.compile(rb"^\s*\[\[?\s*(session|parts|segments)\s*\]\]?\s*$", re.MULTILINE)


def _first_line(head: bytes) -> bytes:
    return head.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0]


def is_timing_log(head: bytes) -> bool:
    """Whether these bytes begin like a Timekeeper timing log: a first line that is a JSON
    header record (``"type": "header"``), whatever its schema version and even when the rest
    of it does not parse: a log from a newer app, or a damaged one, is still the only record
    of a session."""
    return bool(_LOG_HEADER.match(_first_line(head)))


def is_running_order(head: bytes) -> bool:
    """Whether these bytes look like a running order (TOML or JSON): a ``session`` table with
    ``parts`` (or ``segments``). A TOML file that does not parse but has a ``[session]`` or
    ``[[parts]]`` table line is one being edited: still the user's."""
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    data: object = None
    try:
        data = json.loads(text)
    except ValueError:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            return bool(_TOML_TABLES.search(head))
    return (
        isinstance(data, dict)
        and isinstance(data.get("session"), dict)
        and ("parts" in data or "segments" in data)
    )


def user_file_kind(head: bytes) -> str | None:
    """What a report or an export never replaces, even with --force: a timing log or a
    running order (``None`` for anything else)."""
    if is_timing_log(head):
        return "a timing log"
    if is_running_order(head):
        return "a running order"
    return None


def timing_log_kind(head: bytes) -> str | None:
    """What an imported running order never replaces: a timing log (an earlier running order
    may be replaced with --force, since that is what `import` writes)."""
    return "a timing log" if is_timing_log(head) else None


# -- writing --------------------------------------------------------------------------------


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is exceeded"
    return exc.strerror or str(exc)


def _read_head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD_BYTES)
    except OSError as exc:
        raise FileWriteError(
            f"{path}: the existing file cannot be read ({_reason(exc)}); nothing written"
        ) from None


def _check_target(
    path: Path, replaceable: Recogniser | None, force: bool, keep: Keeper | None
) -> bool:
    """Raise when ``path`` may not be written; return whether a file is there to replace."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise FileWriteError(
            f"{path}: cannot be looked at ({_reason(exc)}); nothing written"
        ) from None
    folder = path.parent
    if info is None:
        if not folder.is_dir():
            raise FileWriteError(f"{path}: the folder {folder} does not exist; nothing written")
        return False
    if stat.S_ISLNK(info.st_mode):
        raise FileWriteError(
            f"{path}: is a symbolic link (to {os.readlink(path)}); give the file's real path, "
            "nothing written"
        )
    if stat.S_ISDIR(info.st_mode):
        raise FileWriteError(f"{path}: is a folder, expected a file name; nothing written")
    if not stat.S_ISREG(info.st_mode):
        what = describe_kind(info.st_mode)
        raise FileWriteError(f"{path}: not a regular file ({what}); nothing written")
    head = _read_head(path)
    kind = keep(head) if keep is not None else None
    if kind is not None:
        raise FileWriteError(
            f"{path}: is {kind}, which this command never replaces; nothing written"
        )
    if not force and not (replaceable is not None and replaceable(head)):
        what = "" if replaceable is None else " and is not an earlier output of this command"
        raise FileWriteError(
            f"{path}: already exists{what}; nothing written (use --force to replace it)"
        )
    return True


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable. Some file systems refuse to fsync a folder: the rename is
    done by then, so that is not a failure to report."""
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    replaceable: Recogniser | None = None,
    force: bool = False,
    keep: Keeper | None = user_file_kind,
    mode: int = 0o600,
) -> Path:
    """Write ``data`` to ``path`` whole or not at all (see the module's docstring).

    ``replaceable(head)`` says whether an existing file (its first HEAD_BYTES) is an earlier
    output of the same kind, which may be replaced without ``force``; ``keep(head)`` names a
    file never to replace (default: a timing log or a running order), ``None`` to keep
    nothing. ``mode`` is the new file's permission bits (private by default: session text
    names people). Raises FileWriteError, with one sentence; returns the path written.
    """
    target = Path(path)
    existed = _check_target(target, replaceable, force, keep)
    folder = target.parent
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FileWriteError(
            f"{target}: cannot be written ({_reason(exc)}); nothing written"
        ) from None
    try:
        try:
            if hasattr(os, "fchmod"):  # POSIX; Windows (Python < 3.13) has no fchmod
                os.fchmod(handle, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
            os.fsync(handle)
        finally:
            os.close(handle)
        if existed:
            os.replace(temp, target)
        else:
            _link_new(Path(temp), target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        if exc.errno == errno.EEXIST:
            raise FileWriteError(
                f"{target}: appeared while it was being written; it was left as it is"
            ) from None
        unchanged = "the old file is unchanged" if existed else "nothing written"
        raise FileWriteError(f"{target}: cannot be written ({_reason(exc)}); {unchanged}") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _fsync_folder(folder)
    return target


def _link_new(temp: Path, target: Path) -> None:
    """Put a new file in place without replacing one that appeared meanwhile: a hard link
    fails when the name exists. File systems without hard links get a rename."""
    try:
        os.link(temp, target)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK):
            raise
        if target.exists() or target.is_symlink():
            raise FileExistsError(errno.EEXIST, "exists") from None
        os.replace(temp, target)
        return
    temp.unlink()
