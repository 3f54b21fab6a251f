"""A live session wired to its timing log: new, or continued after a crash.

On start-up the app looks for an unfinished log of the same running order (same slug and
source hash, last written less than 12 hours ago). If there is one, the session continues in
that file: the state is rebuilt by the same fold, and a ``resumed`` event records the gap.

One writer per running order (ARCHITECTURE.md §2): the session's lock (``lock.py``) is taken
before anything is looked for or created, and held for the session's life; a second window on
the same running order gets ``SessionBusy`` (one sentence naming the holder's process) and
writes nothing. Recovery reads only folders that are the user's own (``paths``): a symlinked
folder, or one another user owns or can write, is never scanned, so a planted log is never
resumed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app import paths, version
from app.engine import Timeline, plan_in_force
from app.engine.clock import Clock
from app.engine.events import Event
from app.engine.session import Session
from app.model.loader import LoadedRunningOrder
from app.timing_log.errors import LogError, SessionBusy
from app.timing_log.format import (
    SUFFIX,
    LogHeader,
    event_line,
    log_file_name,
    planned_start_for,
    slugify,
)
from app.timing_log.lock import SessionLock, acquire
from app.timing_log.reader import TimingLog, read_header, read_log
from app.timing_log.writer import LogWriter, Opener, _open_append, fallback_dir, next_name

RECOVERY_WINDOW = timedelta(hours=12)


@dataclass
class LiveSession:
    session: Session
    writer: LogWriter
    header: LogHeader
    resumed_gap_s: float | None = None  # set when this run continued a crashed one
    warnings: tuple[str, ...] = ()

    @property
    def log_path(self) -> Path:
        return self.writer.path


class _Sink:
    """Turns each accepted event into a numbered log line."""

    def __init__(self, writer: LogWriter, seq: int) -> None:
        self.writer = writer
        self.seq = seq

    def __call__(self, event: Event, wall: datetime) -> None:
        self.seq += 1
        self.writer.append(event_line(self.seq, event, wall))


def session_slug(loaded: LoadedRunningOrder) -> str:
    return slugify(Path(loaded.source).stem)


def _newest_first(path: Path) -> tuple[str, int]:
    """Sort key of log names: ``name~3`` was created after ``name~2``, after ``name``."""
    base, sep, n = path.stem.rpartition("~")
    if sep and n.isdigit():
        return base, int(n)
    return path.stem, 1


def _glob(folder: Path | None, pattern: str) -> list[Path]:
    """The logs of ``folder`` that recovery may trust: none if the folder is not private."""
    if folder is None or paths.private_dir_problem(folder) is not None:
        return []
    try:
        return list(folder.glob(pattern))
    except OSError:
        return []


def find_unfinished(
    logs_dir: Path, loaded: LoadedRunningOrder, now: datetime, fallback: Path | None = None
) -> TimingLog | None:
    """The unfinished log to continue, if any: the newest log of this running order decides.

    It is continued when it has events, was not ended and was last written less than 12 hours
    ago. An older unfinished log behind a newer one is history (the moderator started over).
    A log the writer moved to the ``fallback`` folder is looked for there too: of the copies
    of one log (same header), the one with the most events is the log.
    """
    return _newest_unfinished(
        logs_dir,
        session_slug(loaded),
        now,
        fallback,
        lambda log: loaded.sha256 in (log.header.source_sha256, log.source_sha256),
    )


def running_order_from_log(
    source: Path, logs_dir: Path, now: datetime, fallback: Path | None = None
) -> tuple[LoadedRunningOrder, TimingLog] | None:
    """The running order of an unfinished session of ``source``, read from its log.

    For a restart after a crash when the file itself can no longer be read (saved with an
    error meanwhile): the log carries the plan the session ran, so the session resumes and the
    file's error is shown beside it instead of stopping the app.
    """
    wanted = str(source.resolve())
    log = _newest_unfinished(
        logs_dir,
        slugify(source.stem),
        now,
        fallback,
        lambda log: log.header.source == wanted,
    )
    if log is None:
        return None
    plan = plan_in_force(log.header.plan, log.events)
    return LoadedRunningOrder(plan=plan, source=str(source), sha256=log.source_sha256), log


def _newest_unfinished(
    logs_dir: Path,
    slug: str,
    now: datetime,
    fallback: Path | None,
    matches: Callable[[TimingLog], bool],
) -> TimingLog | None:
    pattern = f"*_{slug}*{SUFFIX}"
    candidates = sorted(
        _glob(logs_dir, pattern) + _glob(fallback, pattern), key=_newest_first, reverse=True
    )
    found: TimingLog | None = None
    for path in candidates:
        try:
            header = read_header(path)
            if header.session_slug != slug:
                continue
            if found is not None and header.created != found.header.created:
                break  # an older log: history
            log = read_log(path)
        except LogError:
            continue
        if not matches(log):
            continue
        if found is None or log.last_seq > found.last_seq:
            found = log
    if found is None or not found.records or found.finished:
        return None
    if now - found.last_wall > RECOVERY_WINDOW:
        return None
    return found


def new_log_path(logs_dir: Path, created: datetime, slug: str) -> Path:
    """A file name no earlier run used: logs are never overwritten. (The writer creates it
    exclusively, and takes the next name if this one is taken by then.)"""
    path = logs_dir / log_file_name(created, slug)
    while os.path.lexists(path):
        path = next_name(path)
    return path


def start_session(
    loaded: LoadedRunningOrder,
    clock: Clock,
    logs_dir: Path,
    *,
    recover: bool = True,
    opener: Opener = _open_append,
    lock: SessionLock | None = None,
) -> LiveSession:
    """Open the live session for ``loaded``: continue a crashed run, or begin a new log.

    Takes the running order's lock first (or the ``lock`` this process already holds for it,
    on start over) and keeps it in the writer until the session is closed. Raises
    SessionBusy, writing nothing, when another live process holds it. If no lock can be
    made at all (the state folder cannot be written), the session still runs, with a warning:
    a session is never refused for want of a disk."""
    slug = session_slug(loaded)
    warnings: list[str] = []
    if lock is None or not lock.held:
        try:
            lock = acquire(logs_dir, slug)
        except SessionBusy:
            raise
        except OSError as exc:
            lock = None
            warnings.append(
                f"cannot lock the running order’s logs ({exc}); do not open it in a second window"
            )
    try:
        return _start_locked(loaded, clock, logs_dir, slug, recover, opener, lock, warnings)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _start_locked(
    loaded: LoadedRunningOrder,
    clock: Clock,
    logs_dir: Path,
    slug: str,
    recover: bool,
    opener: Opener,
    lock: SessionLock | None,
    warnings: list[str],
) -> LiveSession:
    now = clock.wall()
    fallback = fallback_dir(logs_dir)
    if recover:
        log = find_unfinished(logs_dir, loaded, now, fallback)
        if log is not None:
            return _continue(log, loaded, clock, opener, fallback, lock, warnings)
    header = LogHeader(
        app_version=version(),
        created=now,
        session_slug=slug,
        source=str(Path(loaded.source).resolve()),
        source_sha256=loaded.sha256,
        origin_wall=now,
        planned_start=planned_start_for(loaded.plan, now),
        plan=loaded.plan,
    )
    writer = LogWriter(
        new_log_path(logs_dir, now, slug),
        [header.to_line()],
        opener=opener,
        fallback=fallback,
        lock=lock,
    )
    engine = Timeline(
        loaded.plan, planned_start_t=header.planned_start_t, on_planned_date=header.on_planned_date
    )
    session = Session(
        engine,
        clock,
        origin_mono=clock.monotonic(),
        origin_wall=now,
        sink=_Sink(writer, 0),
    )
    return LiveSession(session=session, writer=writer, header=header, warnings=tuple(warnings))


def _continue(
    log: TimingLog,
    loaded: LoadedRunningOrder,
    clock: Clock,
    opener: Opener,
    fallback: Path,
    lock: SessionLock | None,
    warnings: list[str],
) -> LiveSession:
    header = log.header
    engine = Timeline(
        header.plan,
        log.events,
        planned_start_t=header.planned_start_t,
        on_planned_date=header.on_planned_date,
    )
    # The writer holds the log as read, so that a file removed under it, or moved to the
    # fallback folder, is written again whole: header first, and readable on its own.
    lines = [header.to_line(), *(event_line(r.seq, r.event, r.wall) for r in log.records)]
    writer = LogWriter(
        log.path,
        lines,
        on_disk=len(lines),
        needs_newline=not log.ends_with_newline,
        opener=opener,
        fallback=fallback,
        lock=lock,
    )
    warnings = [*warnings, *log.warnings]
    if log.path.is_relative_to(fallback):
        warnings.append(
            f"the timing log continues in the fallback folder {log.path.parent}, where it was "
            "written when the data folder could not be; copy it somewhere safe after the session"
        )
    session, gap = Session.resume(
        engine,
        clock,
        origin_wall=header.origin_wall,
        last_wall=log.last_wall,
        sink=_Sink(writer, log.last_seq),
    )
    return LiveSession(
        session=session,
        writer=writer,
        header=header,
        resumed_gap_s=gap,
        warnings=tuple(warnings),
    )


def discard_and_start_over(
    live: LiveSession, loaded: LoadedRunningOrder, clock: Clock, logs_dir: Path
) -> LiveSession:
    """The banner's "start over": the crashed log is ended as it is, a new one begins."""
    live.session.end()
    live.writer.close(keep_lock=True)  # handed over: no other window slips in between
    return start_session(
        loaded, clock, logs_dir, recover=False, opener=live.writer.opener, lock=live.writer.lock
    )
