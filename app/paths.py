"""The one place that knows where Timekeeper keeps its files (qutebrowser's standarddir idea).

Settings live in the platformdirs config dir, timing logs in the data dir. ``TIMEKEEPER_HOME``
moves both under one folder (``config/`` and ``data/``): tests and portable installs use it.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "timekeeper"
HOME_ENV = "TIMEKEEPER_HOME"

_REPO_ROOT = Path(__file__).resolve().parent.parent


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME))


def logs_dir() -> Path:
    return data_dir() / "logs"


def settings_file() -> Path:
    return config_dir() / "settings.toml"


def sessions_dir() -> Path:
    """Running orders shipped with the app (the seed workshop is the default)."""
    return _REPO_ROOT / "sessions"


def resources_dir() -> Path:
    return _REPO_ROOT / "resources"


def default_session() -> Path:
    return sessions_dir() / "aict-2020-atelier-developpement-economique.toml"
