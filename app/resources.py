"""The one place that knows where the data shipped with Timekeeper is (as app.paths knows the
user's folders): the seed workshop and other running orders (``sessions/``), the icon, the
desktop entry, the sound cues and the compiled translations (``resources/``).

The repository keeps them in top-level folders beside ``app/``. A wheel (and the PyInstaller
bundle) carries them inside the package, as ``app/_data/resources`` and ``app/_data/sessions``:
setup.py's build step copies them there and compiles the ``.qm`` files with lrelease. Both are
read through ``importlib.resources``: the package's own copy when there is one, else the
checkout's top-level folders (an editable install, the tests, ``make run``).

Qt and the settings need real file names, so every function returns a ``Path``; a package
imported from a zip file is extracted once, for the life of the process.
"""

from __future__ import annotations

import atexit
import contextlib
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal

PACKAGE = "app"
PACKAGED = "_data"  # the folder inside the package that a build fills
SEED_SESSION = "aict-2020-atelier-developpement-economique.toml"

Source = Literal["package", "checkout"]

_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def _package() -> Traversable:
    return files(PACKAGE)


def _as_path(item: Traversable) -> Path:
    if isinstance(item, Path):
        return item
    return _extracted.enter_context(as_file(item))  # pragma: no cover (zip imports only)


def source() -> Source:
    """Where the data is read from: the package's own copy, or the checkout's folders."""
    return "package" if _package().joinpath(PACKAGED).is_dir() else "checkout"


def _folder(name: str) -> Path:
    package = _package()
    packaged = package.joinpath(PACKAGED, name)
    if packaged.is_dir():
        return _as_path(packaged)
    return _as_path(package).parent / name  # the repository: resources/ and sessions/ at the top


def resources_dir() -> Path:
    """The icon, the desktop entry, the translations."""
    return _folder("resources")


def sessions_dir() -> Path:
    """Running orders shipped with the app (the seed workshop is the default)."""
    return _folder("sessions")


def default_session() -> Path:
    return sessions_dir() / SEED_SESSION


def translations_dir() -> Path:
    return resources_dir() / "translations"


def sounds_dir() -> Path:
    """The sound cues (``cue-warning.wav``…), made by ``app/sound/synth.py``."""
    return resources_dir() / "sounds"


def sound_file(name: str) -> Path:
    return sounds_dir() / name


def icon_file() -> Path:
    return resources_dir() / "icons" / "timekeeper.svg"


def desktop_file() -> Path:
    return resources_dir() / "timekeeper.desktop"


def remote_pages_dir() -> Path:
    """The remote server's pages and their scripts and styles (``resources/remote/``)."""
    return resources_dir() / "remote"
