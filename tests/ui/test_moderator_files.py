"""The File menu and the running-order file watched on disk.

File pickers are modal dialogs, so they open only while no session runs; the tests replace
them with functions that return a path (or fail the test if a picker opens when it must not).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from app.engine import Status
from app.engine.clock import FakeClock
from app.model import load_running_order
from app.ui import replay as replay_module
from app.ui.settings import load_settings
from app.ui.widgets.running_order import COL_TITLE
from tests.conftest import PROGRAMME
from tests.ui.moderator_harness import SEED_START, Harness, make_controller, open_window


@pytest.fixture
def session_file(tmp_path: Path, seed_path: Path) -> Path:
    path = tmp_path / "atelier.toml"
    shutil.copyfile(seed_path, path)
    return path


@pytest.fixture
def moderator(qtbot: QtBot, tmp_path: Path, session_file: Path) -> Iterator[Harness]:
    clock = FakeClock(wall=SEED_START)
    controller = make_controller(load_running_order(session_file), clock, tmp_path / "logs")
    harness = open_window(qtbot, controller, clock, tmp_path / "logs")
    yield harness
    harness.window.quit_now()
    harness.controller.shutdown()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def pick(monkeypatch: pytest.MonkeyPatch, name: str, path: Path | None) -> list[str]:
    """Replace a QFileDialog static function; returns the list of captions it was asked."""
    asked: list[str] = []

    def fake(parent: object, caption: str = "", *args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(caption)
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, name, fake)
    return asked


def no_picker(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[str, str]:
        raise AssertionError("a modal file dialog opened during the session")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", refuse)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", refuse)


# -- reload on change -----------------------------------------------------------------------


def test_an_edit_keeping_the_segments_is_taken_in_and_the_timing_kept(
    moderator: Harness, session_file: Path
) -> None:
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(90)
    moderator.key(Qt.Key.Key_Right)
    moderator.advance(30)
    events = moderator.events
    edit(session_file, "volet soutien", "VOLET soutien")
    edit(session_file, 'name = "Raja Touil"', 'name = "Raja Touil-Ben"')
    moderator.window.source.reload_from_disk()
    # The controls are all there, and the edit itself is logged (recovery and replay follow it).
    assert moderator.events[: len(events)] == events
    assert [e.kind for e in moderator.events[len(events) :]] == ["plan_changed"]
    assert moderator.snap.current == 1 and moderator.snap.active_s == pytest.approx(30)
    assert moderator.controller.plan.segments[3].notes.startswith("VOLET")
    assert "Raja Touil-Ben" in moderator.window.tree.segment_items[5].text(COL_TITLE)
    banner = moderator.window.banners.banner("reload")
    assert banner is not None and "the timing goes on as it was" in banner.text


def test_a_syntax_error_leaves_the_session_untouched(
    moderator: Harness, session_file: Path
) -> None:
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(61)
    plan = moderator.controller.plan
    edit(session_file, 'budget = "40\'"', "budget = 40'")
    moderator.window.source.reload_from_disk()
    banner = moderator.window.banners.banner("reload")
    assert banner is not None
    assert banner.text.startswith(
        "The running order on disk has an error, so the session goes on unchanged: "
        f"{session_file}, line"
    )
    assert "\n" not in banner.text
    assert moderator.controller.plan is plan
    moderator.advance(2)
    assert moderator.window.current.countdown_label.text() == "08:57"
    assert QApplication.activeModalWidget() is None


def test_the_watcher_sees_a_save(moderator: Harness, session_file: Path, qtbot: QtBot) -> None:
    moderator.key(Qt.Key.Key_Space)
    edit(session_file, "volet soutien", "Volet soutien")
    qtbot.waitUntil(
        lambda: moderator.controller.plan.segments[3].notes.startswith("Volet"), timeout=5000
    )


def test_changed_segments_wait_until_the_session_has_ended(
    moderator: Harness, session_file: Path, qtbot: QtBot
) -> None:
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(10)
    edit(
        session_file,
        'title = "Vu d\'ailleurs"\nkind = "talk"',
        'title = "Regards croisés"\nkind = "talk"',
    )
    plan = moderator.controller.plan
    moderator.window.source.reload_from_disk()
    banner = moderator.window.banners.banner("reload")
    assert banner is not None and "reloaded once the session has ended" in banner.text
    assert moderator.controller.plan is plan
    moderator.click("end")
    banner = moderator.window.banners.banner("reload")
    assert banner is not None and banner.action.isVisible()
    qtbot.mouseClick(banner.action, Qt.MouseButton.LeftButton)
    assert moderator.controller.plan.segments[5].title == "Regards croisés"
    assert moderator.snap.status is Status.READY


def test_an_edit_before_the_start_reloads_at_once(moderator: Harness, session_file: Path) -> None:
    edit(session_file, 'title = "Échanges avec la salle"', 'title = "Questions de la salle"')
    moderator.window.source.reload_from_disk()
    assert moderator.controller.plan.segments[4].title == "Questions de la salle"
    assert "Questions de la salle" in moderator.window.tree.segment_items[4].text(COL_TITLE)


# -- File menu ------------------------------------------------------------------------------


def test_open_running_order_while_no_session_runs(
    moderator: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    other = tmp_path / "other.toml"
    other.write_text(
        'format = 1\n[session]\ntitle = "Conseil municipal"\nstart = "18:00"\n'
        '[[parts]]\ntitle = "Ouverture"\nbudget = "5\'"\n',
        encoding="utf-8",
    )
    asked = pick(monkeypatch, "getOpenFileName", other)
    moderator.window.menus.open_action.trigger()
    assert asked == ["Open running order"]
    assert moderator.window.windowTitle() == "Timekeeper — Conseil municipal"
    assert [p.text(COL_TITLE) for p in moderator.window.tree.part_items] == ["Ouverture"]
    settings, _ = load_settings()
    assert settings.last_session == str(other.resolve())
    assert moderator.window.source.watcher.files() == [str(other)]


def test_open_refused_inline_while_the_session_runs(
    moderator: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_picker(monkeypatch)
    moderator.key(Qt.Key.Key_Space)
    moderator.window.menus.open_action.trigger()
    assert any(
        t.startswith("Opening a running order is not available while the session runs")
        for t in moderator.window.banners.visible_texts()
    )
    assert QApplication.activeModalWidget() is None


def test_open_a_broken_file_says_why(
    moderator: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[session\n", encoding="utf-8")
    pick(monkeypatch, "getOpenFileName", broken)
    title = moderator.window.windowTitle()
    moderator.window.menus.open_action.trigger()
    assert any(t.startswith(str(broken)) for t in moderator.window.banners.visible_texts())
    assert moderator.window.windowTitle() == title


def test_open_logs_folder(moderator: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    moderator.window.menus.logs_action.trigger()
    assert [u.toLocalFile() for u in opened] == [str(moderator.logs)]
    assert moderator.logs.is_dir()


def test_open_timing_log_for_replay(moderator: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(30)
    moderator.click("end")
    pick(monkeypatch, "getOpenFileName", moderator.controller.log_path)
    opened: list[tuple[Path, object]] = []
    monkeypatch.setattr(
        replay_module, "open_replay", lambda path, parent: opened.append((path, parent))
    )
    moderator.window.menus.replay_action.trigger()
    assert opened == [(moderator.controller.log_path, moderator.window)]


def test_past_sessions_lists_the_logs_and_opens_one_in_replay(
    moderator: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(30)
    moderator.key(Qt.Key.Key_Right)
    window = moderator.window.show_past_sessions()
    assert QApplication.activeModalWidget() is None  # a window, not a dialog: keys still work
    assert window.table.rowCount() == 1
    assert window.sessions[0].path == moderator.controller.log_path
    replay = window.open_row(0)
    assert replay is not None and replay.isVisible()
    replay.close()


def test_import_programme_lands_in_the_editor_unsaved_then_opens_as_the_session(
    moderator: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    programme = tmp_path / "programme.txt"
    shutil.copyfile(PROGRAMME, programme)
    pick(monkeypatch, "getOpenFileName", programme)
    moderator.window.menus.import_action.trigger()
    assert [p.name for p in tmp_path.glob("*.toml")] == ["atelier.toml"]  # nothing written
    (editor,) = moderator.window.editors
    assert editor.isVisible() and editor.doc.path is None and editor.isWindowModified()
    assert editor.doc.checked.valid
    assert QApplication.activeModalWidget() is None
    saved = tmp_path / "imported.toml"
    asked = pick(monkeypatch, "getSaveFileName", saved)
    assert editor.save()
    assert asked == ["Save the running order"]
    assert saved.is_file()
    banner = moderator.window.banners.banner("editor-saved")
    assert banner is not None
    banner.action.click()
    assert moderator.controller.loaded.source == str(saved)
    assert [p.text(COL_TITLE) for p in moderator.window.tree.part_items][1] == "Témoignages"


def test_import_of_an_unreadable_programme_says_why(
    moderator: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pdf = tmp_path / "programme.pdf"
    pdf.write_bytes(b"%PDF-1.4 nothing to read")
    pick(monkeypatch, "getOpenFileName", pdf)
    no_save = pick(monkeypatch, "getSaveFileName", None)
    moderator.window.menus.import_action.trigger()
    assert no_save == []
    assert any("not a readable PDF" in t for t in moderator.window.banners.visible_texts())


def test_the_real_replay_window_opens_and_closes_with_the_moderator_window(
    moderator: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(30)
    moderator.click("end")
    pick(monkeypatch, "getOpenFileName", moderator.controller.log_path)
    moderator.window.menus.replay_action.trigger()
    replays = [
        w
        for w in moderator.window.findChildren(QWidget)
        if w.isWindow() and w.isVisible() and w.windowTitle().startswith("Replay")
    ]
    assert len(replays) == 1
    moderator.window.quit_now()
    assert not replays[0].isVisible()
