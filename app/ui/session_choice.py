"""Which running order `timekeeper` opens, and `timekeeper check` checks without an argument:
the file named, else the last one used, else the seed workshop. No Qt here: `check` runs on a
machine without a display."""

from __future__ import annotations

from pathlib import Path

from app import resources
from app.ui.settings import Settings, load_settings


def choose_session(requested: Path | None, settings: Settings) -> Path:
    """The file named on the command line, else the last one used, else the seed workshop."""
    if requested is not None:
        return requested
    if settings.last_session and Path(settings.last_session).is_file():
        return Path(settings.last_session)
    return resources.default_session()


def session_to_open(requested: Path | None = None) -> Path:
    """What `timekeeper` would open now, from the saved settings (nothing is written)."""
    return choose_session(requested, load_settings()[0])
