"""Timekeeper: countdowns, a speaker display and a replayable timing log for live workshops."""

__version__ = "0.1.0"
