"""The one error type the running-order loader raises."""

from __future__ import annotations


class RunningOrderError(Exception):
    """A running order that cannot be used, with a message fit to show a user as is.

    ``str(error)`` is one or two lines: the file, the line when known, the field path and what
    was expected. Callers print it and exit 2; they never need a traceback.
    """

    def __init__(
        self, source: str, problem: str, *, line: int | None = None, path: str | None = None
    ) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        self.path = path
        where = source if line is None else f"{source}, line {line}"
        field = f" {path}:" if path else ""
        super().__init__(f"{where}:{field} {problem}")
