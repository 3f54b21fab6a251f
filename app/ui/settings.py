"""User settings: a small pydantic model in TOML under the config dir (app.paths).

A damaged settings file never stops the app: it is set aside (renamed, not deleted) and the
defaults are used, and the moderator is told once.
"""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path
from typing import Literal

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app import paths
from app.files import FileWriteError, write_atomic
from app.inputs import InputError, read_bounded
from app.model.schema import Thresholds

# A settings file is a few lines; a FIFO, a device or a huge file there is set aside instead.
MAX_BYTES = 1024 * 1024
_WHAT = "a settings file (TOML)"


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    language: Literal["fr", "en"] | None = None  # None: from the system locale
    projector_screen: str | None = None  # a QScreen name; None: any screen but the moderator's
    warning_s: int | None = Field(default=None, ge=1, le=3600)
    final_s: int | None = Field(default=None, ge=1, le=600)
    theme: Literal["dark", "light"] = "dark"
    last_session: str | None = None


def threshold_defaults(settings: Settings) -> Thresholds | None:
    """The moderator's default phase thresholds (seconds, already validated here), for the
    running orders that set none of their own."""
    if settings.warning_s is None and settings.final_s is None:
        return None
    return Thresholds.model_construct(warning=settings.warning_s, final=settings.final_s)


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The settings, and a sentence for the moderator when the file had to be set aside."""
    path = path or paths.settings_file()
    try:
        data = tomllib.loads(read_bounded(path, limit=MAX_BYTES, what=_WHAT).decode("utf-8"))
        return Settings.model_validate(data), None
    except FileNotFoundError:
        return Settings(), None
    except (
        OSError,
        InputError,
        UnicodeDecodeError,
        tomllib.TOMLDecodeError,
        ValidationError,
    ) as exc:
        kept = path.with_name(f"{path.name}.broken-{datetime.now():%Y%m%d-%H%M%S}")
        try:
            path.rename(kept)
            where = f"kept as {kept.name}"
        except OSError:
            where = "left as it is"
        reason = type(exc).__name__
        return Settings(), f"{path}: settings could not be read ({reason}); defaults used, {where}"


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Write the settings; returns a sentence when that failed (the app goes on).

    Through app.files: atomic, so a full disk or a crash leaves the earlier settings whole
    (never a half-written file that the next start would set aside). The app owns this file,
    so it is always replaced, but never a timing log or a running order put at its name. The
    folder is made private (0o700): the settings name the last running order."""
    path = path or paths.settings_file()
    data = settings.model_dump(exclude_none=True)
    try:
        paths.ensure_private_dir(path.parent)
        write_atomic(path, tomli_w.dumps(data).encode("utf-8"), force=True)
    except OSError as exc:
        return f"{path}: settings could not be saved ({exc.strerror or exc})"
    except FileWriteError as exc:
        return str(exc)
    return None
