"""The editor beside a live session (the file watcher's rule), import landing in the editor,
files dropped, and `timekeeper edit`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.engine.clock import FakeClock
from app.model import load_running_order
from app.ui.editor.window import EditorWindow
from tests.conftest import PROGRAMME, SEED
from tests.ui.editor.helpers import click_row, open_editor, tree_key, type_into, widget
from tests.ui.moderator_harness import SEED_START, Harness, make_controller, open_window

Key = Qt.Key


@pytest.fixture
def moderator(qtbot: QtBot, tmp_path: Path) -> Iterator[Harness]:
    path = tmp_path / "atelier.toml"
    shutil.copyfile(SEED, path)
    clock = FakeClock(wall=SEED_START)
    controller = make_controller(load_running_order(path), clock, tmp_path / "logs")
    harness = open_window(qtbot, controller, clock, tmp_path / "logs")
    yield harness
    harness.window.quit_now()
    harness.controller.shutdown()


def session_editor(qtbot: QtBot, moderator: Harness) -> EditorWindow:
    editor = moderator.window.menus.edit_action
    editor.trigger()
    (window,) = moderator.window.editors
    qtbot.waitActive(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def test_while_the_session_runs_only_edits_keeping_the_segments_are_allowed(
    qtbot: QtBot, moderator: Harness
) -> None:
    w = session_editor(qtbot, moderator)
    assert not w.locked and w.add_segment_action.isEnabled()
    moderator.controller.toggle()  # the session starts (Space in the moderator window)
    moderator.advance(60)
    assert w.locked and "The session is running" in w.lock_label.text()
    assert w.lock_label.isVisible()
    for action in w.structure_actions:  # add, part, duplicate, remove, up, down: greyed
        assert not action.isEnabled()
    click_row(w, ("parts", 1, "segments", 3))
    title = widget(w, "item_title")
    assert not title.isEnabled() and title.toolTip() == w.locked
    assert not w.model.flags(w.model.index_of(("parts", 1))) & Qt.ItemFlag.ItemIsDragEnabled
    count = len(w.doc.data["parts"][1]["segments"])
    tree_key(w, Key.Key_Delete)  # greyed out: nothing happens (the reason is shown above)
    assert len(w.doc.data["parts"][1]["segments"]) == count
    w.remove()  # and asked all the same (a drop, a script), refused with the reason
    assert len(w.doc.data["parts"][1]["segments"]) == count
    assert w.banner.text() == w.locked

    type_into(w, "item_duration", "10'")  # the questions shorter: the talks share more
    assert w.apply_live()  # (what the pause in typing does after LIVE_APPLY_MS)
    kinds = moderator.kinds()
    assert kinds[-1] == "plan_changed"
    plan = moderator.controller.plan
    assert plan.segments[4].planned_s == 600 and plan.segments[1].planned_s == 600
    assert moderator.controller.snapshot().status.name == "RUNNING"  # the timing goes on
    # Saved, the file says the same as the plan taken in: the watcher has nothing to do.
    assert w.save()
    assert load_running_order(w.doc.path).sha256 == moderator.controller.loaded.sha256
    w.close()


def test_after_the_session_ended_everything_is_allowed_again(
    qtbot: QtBot, moderator: Harness
) -> None:
    w = session_editor(qtbot, moderator)
    moderator.controller.toggle()
    assert w.locked
    moderator.controller.end()
    assert not w.locked and all(a.isEnabled() for a in w.structure_actions)
    w.close()


def test_a_programme_dropped_on_the_moderator_window_opens_in_the_editor(
    qtbot: QtBot, moderator: Harness, tmp_path: Path
) -> None:
    programme = tmp_path / "programme.txt"
    shutil.copyfile(PROGRAMME, programme)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(programme))])
    enter = QDragEnterEvent(
        QPoint(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(moderator.window, enter)  # a drag comes in first: it is accepted
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(moderator.window, drop)
    (editor,) = moderator.window.editors
    assert editor.doc.path is None and editor.doc.checked.valid
    assert [p.name for p in tmp_path.glob("*.toml")] == ["atelier.toml"]  # nothing written
    editor.close()
    editor.close()  # the second close discards the unsaved import


def test_import_warnings_sit_on_their_rows(qtbot: QtBot, tmp_path: Path) -> None:
    programme = tmp_path / "programme.txt"
    programme.write_text(
        "Atelier du matin\n9h00\n\nAccueil\nExposé de Marie Curie\nPause café 15'\n",
        encoding="utf-8",
    )
    w = open_editor(qtbot, EditorWindow())
    assert w.import_path(programme)
    notes = w.model.notes
    listed = w.import_notes
    assert notes or listed, "the importer guessed nothing?"
    for path, lines in notes.items():
        index = w.model.index_of(path)
        assert all(line in w.model.data(index, Qt.ItemDataRole.ToolTipRole) for line in lines)
        assert w.model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert w.notes_list.count() == len(listed)
    assert "not saved yet" in w.banner.text()
    assert list(tmp_path.glob("*.toml")) == []
    w.close()
    w.close()


def test_a_bad_file_opened_says_why_in_one_sentence(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[session]\ntitle = "x"\nstart = 16:00\n', encoding="utf-8")
    w = open_editor(qtbot, EditorWindow())
    assert not w.open_path(bad)
    assert "not valid TOML" in w.banner.text() and "\n" not in w.banner.text()


def test_timekeeper_edit_parses_its_arguments() -> None:
    from app.cli.entry import build_parser

    parser = build_parser()
    args = parser.parse_args(["edit", str(SEED)])
    assert args.func.__name__ == "cmd_edit" and args.session == SEED
    args = parser.parse_args(["edit"])
    assert args.session is None


def test_the_moderator_window_loads_the_editor_only_when_asked() -> None:
    import subprocess
    import sys

    code = (
        "import sys, app.cli.entry, app.ui.application, app.ui.moderator; "
        "print(sorted(m for m in sys.modules if m.startswith(('app.ui.editor', 'tomlkit'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_timekeeper_edit_opens_the_editor_on_the_file(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from app.ui.editor.app import QUIT_AFTER_SHOW_ENV

    env = {**os.environ, QUIT_AFTER_SHOW_ENV: "1", "QT_QPA_PLATFORM": "offscreen"}
    env["TIMEKEEPER_HOME"] = str(tmp_path / "home")
    for argv in (["edit", str(SEED), "--lang", "en"], ["--edit", str(SEED), "--lang", "en"]):
        out = subprocess.run(
            [sys.executable, "-m", "app", *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        )
        assert f"editor: Timekeeper — Running order — {SEED.name}" in out.stdout
        assert "8 segment(s), 01:25:00 from 16:00 to 17:25" in out.stdout


def test_the_seed_programme_imported_puts_its_footnote_guess_on_the_talk(
    qtbot: QtBot, tmp_path: Path
) -> None:
    programme = tmp_path / "programme.txt"
    shutil.copyfile(PROGRAMME, programme)
    w = open_editor(qtbot, EditorWindow())
    assert w.import_path(programme)
    talk = ("parts", 1, "segments", 2)  # Cyril Labi's, whose note the footnote became
    (note,) = w.model.notes[talk]
    assert note.startswith("guessed: line ") and "footnote" in note
    tip = w.model.data(w.model.index_of(talk), Qt.ItemDataRole.ToolTipRole)
    assert note in tip
    assert [n for n in w.import_notes if "date has no year" in n]  # no row: listed
    w.close()
    w.close()
