"""The one error type the log reader raises: a sentence fit to show a user."""

from __future__ import annotations

import os


class LogError(Exception):
    """A timing log that cannot be used at all (no header, newer schema, unreadable)."""


class SessionBusy(LogError):
    """The running order's log is being written by another live Timekeeper process.

    Raised instead of continuing (or starting) a log that another window holds: two writers
    on one log would interleave their sequence numbers, and readers skip what they cannot
    order. The message names the holder's process and what to do instead."""

    def __init__(self, slug: str, pid: int | None) -> None:
        if pid is not None and pid == os.getpid():
            where = "already open in this Timekeeper process"
        else:
            holder = f" (process {pid})" if pid is not None else ""
            where = f"open in another Timekeeper window{holder}"
        super().__init__(
            f"the running order “{slug}” is {where}; "
            "close it first, or open its log read-only with `timekeeper replay LOG`"
        )
        self.slug = slug
        self.pid = pid
