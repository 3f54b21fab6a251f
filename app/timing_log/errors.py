"""The one error type the log reader raises: a sentence fit to show a user."""

from __future__ import annotations


class LogError(Exception):
    """A timing log that cannot be used at all (no header, newer schema, unreadable)."""
