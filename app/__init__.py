"""Timekeeper: countdowns, a speaker display and a replayable timing log for live workshops.

The version is written once, in pyproject.toml, and read back from the installed package's
metadata (an editable install has it too; the PyInstaller bundle carries it). It is read when
first asked for (``version()``, or ``app.__version__``), not when ``app`` is imported:
importlib.metadata loads the email parser, which no start-up needs.
"""

from __future__ import annotations

from functools import cache


@cache
def version() -> str:
    """The installed package's version ("0+unknown" from a checkout never installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("timekeeper")
    except PackageNotFoundError:  # imported from a bare checkout that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return version()
    raise AttributeError(f"module 'app' has no attribute {name!r}")
