"""Timekeeper: countdowns, a speaker display and a replayable timing log for live workshops.

The version is written once, in pyproject.toml, and read back from the installed package's
metadata (an editable install has it too; the PyInstaller bundle carries it).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("timekeeper")
except PackageNotFoundError:  # imported from a bare checkout that was never installed
    __version__ = "0+unknown"
