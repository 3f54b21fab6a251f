"""The data shipped with the app is found both ways (app/resources.py): in the repository's
top-level folders (this checkout, an editable install) and inside the package, where a wheel
or the bundle carries it (``app/_data``). tests/test_packaging.py checks a real wheel."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import paths, resources
from tests.conftest import REPO, SEED


def test_in_the_checkout_the_top_level_folders_are_read() -> None:
    assert resources.source() == "checkout"
    assert resources.sessions_dir() == REPO / "sessions"
    assert resources.resources_dir() == REPO / "resources"
    assert resources.default_session() == SEED and SEED.is_file()
    assert resources.icon_file().is_file()
    assert resources.desktop_file().read_text(encoding="utf-8").startswith("[Desktop Entry]")
    assert (resources.translations_dir() / "timekeeper_fr.ts").is_file()
    assert (
        resources.sound_file("cue-warning.wav") == REPO / "resources" / "sounds" / "cue-warning.wav"
    )


def test_inside_the_package_its_own_copy_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The layout setup.py gives a wheel: app/_data/{resources,sessions} beside the modules."""
    package = tmp_path / "site-packages" / "app"
    for name in ("resources", "sessions"):
        shutil.copytree(REPO / name, package / resources.PACKAGED / name)
    monkeypatch.setattr(resources, "_package", lambda: package)
    assert resources.source() == "package"
    assert resources.default_session() == package / "_data" / "sessions" / SEED.name
    assert resources.default_session().read_bytes() == SEED.read_bytes()
    assert resources.icon_file() == package / "_data" / "resources" / "icons" / "timekeeper.svg"
    assert resources.translations_dir().parent == package / "_data" / "resources"
    assert (
        resources.sound_file("cue-zero.wav").read_bytes()
        == (REPO / "resources" / "sounds" / "cue-zero.wav").read_bytes()
    )


def test_user_folders_and_shipped_data_are_kept_apart() -> None:
    """paths knows the user's folders, resources the shipped data: neither does the other's."""
    assert not hasattr(paths, "sessions_dir") and not hasattr(paths, "resources_dir")
    assert not hasattr(resources, "config_dir")
