"""The exit codes of `timekeeper` and the one error a subcommand raises for input it refuses.

Scripts and the moderator's shell read the exit code, so its meaning lives here once:
0 success, 2 bad input (one clear sentence on stderr, never a traceback), 1 unexpected
failure. Only app.cli imports this module: the layers below raise their own domain errors,
and app.cli.entry maps them to BAD_INPUT in one place.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What the process tells its caller; an IntEnum, so a handler's result is the exit code."""

    OK = 0
    FAILURE = 1
    BAD_INPUT = 2


class BadInput(Exception):
    """Input a subcommand cannot use; the message is one sentence shown to the user as is."""
