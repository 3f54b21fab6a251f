"""User settings: a small pydantic model in TOML under the config dir (app.paths).

A damaged settings file never stops the app: whatever is wrong with it (syntax, types, values
out of range, a hostile number or nesting), it is set aside (renamed, not deleted), the
defaults are used, and the moderator is told once, in a banner naming the kept file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app import paths
from app.files import FileWriteError, write_atomic
from app.inputs import InputError, read_bounded
from app.model.errors import validation_problem
from app.model.schema import Thresholds

# A settings file is a few lines; a FIFO, a device or a huge file there is set aside instead.
MAX_BYTES = 1024 * 1024
_WHAT = "a settings file (TOML)"


class Trigger(BaseModel):
    """An outgoing message on a moment of the session (start of a segment, warning, final,
    overtime, end): an OSC message to ``host:port`` at ``address`` with ``args``, or an HTTP
    request (``url``, POST with the event as JSON)."""

    model_config = ConfigDict(extra="ignore")

    on: Literal["start", "warning", "final", "overtime", "end"]
    kind: Literal["osc", "http"] = "osc"
    host: str = Field(default="127.0.0.1", max_length=200)
    port: int = Field(default=53000, ge=1, le=65535)
    address: str = Field(default="/timekeeper/cue", max_length=200)
    args: list[str | int | float] = Field(default=[], max_length=20)
    url: str = Field(default="", max_length=2000)


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    language: Literal["fr", "en"] | None = None  # None: from the system locale
    projector_screen: str | None = None  # a QScreen name; None: any screen but the moderator's
    warning_s: int | None = Field(default=None, ge=1, le=3600)
    final_s: int | None = Field(default=None, ge=1, le=600)
    theme: Literal["dark", "light"] = "dark"
    cues: bool = False  # sound cues at warning, final and zero (README, "Sound cues")
    last_session: str | None = None
    # The remote server (issue #14): its two tokens (this file is 0600: app.files), where it
    # listens, which addresses may send OSC, and the outgoing triggers.
    remote_view_token: str | None = Field(default=None, min_length=16, max_length=128)
    remote_control_token: str | None = Field(default=None, min_length=16, max_length=128)
    remote_bind: str = Field(default="127.0.0.1", max_length=100)
    remote_port: int = Field(default=8650, ge=0, le=65535)
    remote_osc_port: int = Field(default=8651, ge=0, le=65535)
    remote_osc_allowed: list[str] = Field(default=["127.0.0.1", "::1"], max_length=100)
    remote_triggers: list[Trigger] = Field(default=[], max_length=50)


def threshold_defaults(settings: Settings) -> Thresholds | None:
    """The moderator's default phase thresholds (seconds, already validated here), for the
    running orders that set none of their own."""
    if settings.warning_s is None and settings.final_s is None:
        return None
    return Thresholds.model_construct(warning=settings.warning_s, final=settings.final_s)


@dataclass(frozen=True)
class SetAside:
    """A settings file that could not be used, and where it went (None: it could not move)."""

    path: Path
    kept: Path | None
    reason: str

    def notice(self) -> str:
        """The moderator's banner, in the interface's language (called once it is installed:
        the settings are read before, since they choose it). Qt is imported here only: the
        commands that read the settings (`check`, `report`) stay free of Qt."""
        from PySide6.QtCore import QCoreApplication

        translate = QCoreApplication.translate
        if self.kept is None:
            return translate(
                "Settings", "The settings file {path} could not be used ({reason}); defaults used."
            ).format(path=self.path, reason=self.reason)
        return translate(
            "Settings",
            "The settings file could not be used ({reason}); it was kept as {name} "
            "and the defaults are used.",
        ).format(reason=self.reason, name=self.kept.name)


# Whatever a damaged or hostile file makes the parser or the model raise: TOML syntax and
# pydantic errors, UnicodeDecodeError and Python's 4300-digit limit on integers are all
# ValueError; nesting a few thousand arrays deep is a RecursionError.
_UNUSABLE = (OSError, ValueError, RecursionError, OverflowError, TypeError)


def load_settings(
    path: Path | None = None, *, set_aside: bool = True
) -> tuple[Settings, SetAside | None]:
    """The settings, and what became of the file when it could not be used.

    Any unusable file is moved aside (``settings.toml.bad-YYYYMMDD-HHMMSS``, never over an
    earlier one) so that the next launch starts clean and the moderator can still read it;
    ``set_aside=False`` leaves it in place (the commands that only read the language).
    """
    path = path or paths.settings_file()
    try:
        data = tomllib.loads(read_bounded(path, limit=MAX_BYTES, what=_WHAT).decode("utf-8"))
        return Settings.model_validate(data), None
    except FileNotFoundError:
        return Settings(), None
    except _UNUSABLE as exc:
        reason = _reason(exc)
        kept = _move_aside(path) if set_aside else None
        return Settings(), SetAside(path, kept, reason)


def _reason(exc: BaseException) -> str:
    """Why, in a few words (never a pydantic dump: app.model.errors phrases its errors)."""
    if isinstance(exc, InputError):  # a FIFO, a device, a huge file
        return exc.problem
    if isinstance(exc, ValidationError):
        where, problem = validation_problem(exc)
        return f"{where}: {problem}" if where else problem
    if isinstance(exc, tomllib.TOMLDecodeError):
        return f"not valid TOML: {exc}"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, OSError):
        return f"cannot be read: {exc.strerror or exc}"
    if "digits" in str(exc):
        return "a number has too many digits"
    return type(exc).__name__


def _move_aside(path: Path) -> Path | None:
    """Rename ``path`` to a free ``.bad-<time>`` name beside it; None when it cannot move."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for number in range(1, 100):
        suffix = "" if number == 1 else f"-{number}"
        kept = path.with_name(f"{path.name}.bad-{stamp}{suffix}")
        if kept.exists() or kept.is_symlink():
            continue
        try:
            path.rename(kept)
        except OSError:
            return None
        return kept
    return None


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
