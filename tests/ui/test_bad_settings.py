"""A settings file that cannot be used never stops the app (README, Reliability, point 6).

Whatever is wrong with it — TOML syntax, a wrong type, a value out of range, a number of
thousands of digits, nesting thousands deep — the app starts on the defaults, the file is kept
beside as ``settings.toml.bad-YYYYMMDD-HHMMSS`` (never over an earlier one), and the moderator
window opens with a banner naming that file. The app is started as ``timekeeper`` starts it
(``run_application``), with Qt's event loop replaced by a look at the window.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app import paths
from app.ui import settings as settings_module
from app.ui.application import run_application
from app.ui.moderator import ModeratorWindow
from app.ui.settings import Settings, load_settings

HOSTILE = {
    "toml-syntax": "language = \n",
    "wrong-type": "language = 5\n",
    "out-of-range": "warning_s = 0\n",
    "huge-integer": "warning_s = 99999999999999999999999999999999\n",
    "thousands-of-digits": "warning_s = " + "9" * 5000 + "\n",
    "deep-nesting": "x = " + "[" * 5000 + "]" * 5000 + "\n",
    "nested-value": "language = " + "[" * 300 + "]" * 300 + "\n",
    "control-character": 'theme = "\x1b[2J"\n',
    "not-utf8": b"\xff\xfe\x00theme",
}


def _write(content: str | bytes) -> Path:
    path = paths.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _kept(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.bad-*"))


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_app_starts_on_defaults_and_names_the_kept_file(
    content: str | bytes, seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(content)
    original = path.read_bytes()
    seen: dict[str, object] = {}

    def look(app: QApplication) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, ModeratorWindow)]
        seen["open"] = any(w.isVisible() for w in windows)
        seen["banners"] = [t for w in windows for t in w.banners.visible_texts()]
        for window in windows:
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", look)
    assert run_application(seed_path, language="en") == 0

    kept = _kept(path)
    assert len(kept) == 1 and kept[0].read_bytes() == original  # kept, not lost
    assert kept[0].name.startswith("settings.toml.bad-")
    assert seen["open"] is True
    banners = seen["banners"]
    assert isinstance(banners, list)
    assert any(kept[0].name in text and "defaults" in text for text in banners), banners
    assert not any("pydantic" in text or "Traceback" in text for text in banners), banners
    # The next launch starts clean: the settings file now read is the app's own.
    settings, problem = load_settings()
    assert problem is None and settings.last_session == str(seed_path.resolve())


def test_an_earlier_kept_file_is_never_overwritten(monkeypatch: pytest.MonkeyPatch) -> None:
    class Frozen(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Frozen:
            return cls(2024, 5, 6, 7, 8, 9)

    monkeypatch.setattr(settings_module, "datetime", Frozen)
    path = _write("language = 5\n")
    earlier = path.with_name("settings.toml.bad-20240506-070809")
    earlier.write_text("the first broken file\n", encoding="utf-8")

    settings, problem = load_settings()
    assert settings == Settings()
    assert problem is not None and problem.kept is not None
    assert problem.kept.name == "settings.toml.bad-20240506-070809-2"
    assert earlier.read_text(encoding="utf-8") == "the first broken file\n"
    assert problem.kept.read_text(encoding="utf-8") == "language = 5\n"
    assert "settings.toml.bad-20240506-070809-2" in problem.notice()


def test_a_report_only_reads_the_settings_and_leaves_a_bad_file_in_place() -> None:
    path = _write("language = 5\n")
    settings, problem = load_settings(set_aside=False)
    assert settings == Settings() and problem is not None and problem.kept is None
    assert path.read_text(encoding="utf-8") == "language = 5\n" and not _kept(path)
