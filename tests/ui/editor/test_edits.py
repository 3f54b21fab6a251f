"""Must-show 1: every kind of edit undone and redone; an invalid duration shown at its field
and Save refused with the reason; a commented file edited and saved keeps its comments."""

from __future__ import annotations

import copy
import difflib
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.model import load_running_order
from app.ui.editor.document import EditorDocument
from app.ui.editor.window import EditorWindow
from tests.conftest import SEED
from tests.ui.editor.helpers import (
    choose,
    click,
    click_row,
    open_editor,
    tree_key,
    type_into,
    widget,
)

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def seed_editor(qtbot: QtBot, tmp_path: Path) -> tuple[EditorWindow, Path]:
    path = tmp_path / "seed.toml"
    shutil.copyfile(SEED, path)
    w = open_editor(qtbot, EditorWindow())
    assert w.open_path(path)
    return w, path


def test_every_kind_of_edit_is_undone_and_redone(qtbot: QtBot, tmp_path: Path) -> None:
    w, _ = seed_editor(qtbot, tmp_path)
    states: list[dict[str, Any]] = [copy.deepcopy(w.doc.data)]

    def done() -> None:
        assert w.doc.data != states[-1], "the edit changed nothing"
        states.append(copy.deepcopy(w.doc.data))

    click_row(w, ("parts", 1, "segments", 0))
    type_into(w, "item_title", "Coopération")  # a text field (one step for the word)
    done()
    choose(w, "item_kind", "panel")  # a choice
    done()
    type_into(w, "item_duration", "9'")  # a duration (the others share what is left)
    done()
    type_into(w, "item_notes", "Micro HF")  # notes
    done()
    type_into(w, "item_warning", "1'")  # a threshold (a table made for it)
    done()
    choose(w, "item_end_action", "next")  # the end action
    done()
    click(w, "speaker_add")  # speakers: added, typed, moved, removed
    done()
    type_into(w, "speaker_name", "Ada")
    done()
    type_into(w, "speaker_role", "Chair")
    done()
    click(w, "speaker_up")
    done()
    click(w, "speaker_remove")
    done()
    tree_key(w, Key.Key_Insert)  # a segment added
    done()
    tree_key(w, Key.Key_D, CTRL)  # duplicated
    done()
    type_into(w, "item_title", "Copie")  # (told apart from what it copied)
    done()
    tree_key(w, Key.Key_Up, ALT)  # moved up
    done()
    tree_key(w, Key.Key_Delete)  # removed
    done()
    click_row(w, ("parts", 1, "segments", 0))
    tree_key(w, Key.Key_Up, ALT)  # moved into the previous part... which has no segments:
    done()  # it becomes that part's only segment, and the part's own kind is now an error
    assert w.doc.checked.errors
    tree_key(w, Key.Key_Down, ALT)  # and back
    done()
    tree_key(w, Key.Key_Insert, CTRL)  # a part added
    done()
    tree_key(w, Key.Key_Up, ALT)  # a part moved
    done()
    model = w.model  # dragged and dropped: the last talk of part 2 before its first
    source = model.index_of(("parts", 2, "segments", 2))
    mime = model.mimeData([source])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index_of(("parts", 2)))
    done()
    source = model.index_of(("parts", 4))  # a part dropped first
    model.dropMimeData(model.mimeData([source]), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    done()
    w.tabs.setCurrentIndex(0)
    type_into(w, "session_start", "16h15")  # a session field
    done()
    choose(w, "session_language", "en")
    done()

    assert w.undo.count() == len(states) - 1
    for state in reversed(states[:-1]):  # Ctrl+Z all the way back...
        qtbot.keyClick(w.tree, Key.Key_Z, CTRL)
        assert w.doc.data == state
    assert not w.isWindowModified()
    for state in states[1:]:  # ...and Ctrl+Shift+Z all the way forward
        qtbot.keyClick(w.tree, Key.Key_Z, CTRL | SHIFT)
        assert w.doc.data == state
    # Ctrl+Z in a text field is the window's undo too, not the field's own.
    type_into(w, "session_room", "Salle 2")
    qtbot.keyClick(widget(w, "session_room"), Key.Key_Z, CTRL)
    assert w.doc.data == states[-1]


def test_clock_times_follow_each_keystroke(qtbot: QtBot, tmp_path: Path) -> None:
    w, _ = seed_editor(qtbot, tmp_path)
    start = w.model.index_of(("parts", 2), 4)  # "Vu d'ailleurs" starts at 16:50
    assert w.model.data(start) == "16:50"
    click_row(w, ("parts", 1))
    type_into(w, "item_duration", "45'")
    assert w.model.data(start) == "16:55"
    assert "0' to spare" not in w.summary.text() and "17:30" in w.summary.text()
    talk = w.model.index_of(("parts", 1, "segments", 0), 3)
    assert w.model.data(talk) == "10'"  # 30' left for three talks


def test_invalid_duration_is_shown_at_its_field_and_save_refuses(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w, path = seed_editor(qtbot, tmp_path)
    before = path.read_bytes()
    click_row(w, ("parts", 1, "segments", 3))
    type_into(w, "item_duration", "15 minuts")
    error = w.item_form.field("item_duration").error
    assert error.isVisible()
    assert "expected a duration such as 10'" in error.text() and "'15 minuts'" in error.text()
    assert isinstance(error, QLabel) and error.textFormat() == Qt.TextFormat.PlainText
    # The row says so in the tree, and the clock times wait for a valid plan.
    row = w.model.index_of(("parts", 1, "segments", 3))
    assert "expected a duration" in w.model.data(row, Qt.ItemDataRole.ToolTipRole)
    assert "Not valid yet" in w.summary.text()

    qtbot.keyClick(w.tree, Key.Key_S, CTRL)
    assert w.banner.isVisible()
    assert w.banner.text().startswith("Not saved: part 2 'Témoignages', segment 4")
    assert "duration: expected a duration such as 10'" in w.banner.text()
    assert path.read_bytes() == before  # nothing written

    type_into(w, "item_duration", "15 min")
    assert not error.isVisible()
    qtbot.keyClick(w.tree, Key.Key_S, CTRL)
    assert load_running_order(path).plan == load_running_order(SEED).plan


COMMENTED = """\
# A hand-written running order: these comments must survive the editor.
format = 1

[session]
title = "Atelier"   # the title on the projector
start = "14:00"
hard_end = "15:00"  # the room is needed at 15:00 sharp

# --- the parts ---
[[parts]]
title = "Ouverture"
budget = 10         # minutes, as a number

[[parts]]
title = "Table ronde"
budget = "45'"
  # indented comment inside the part

  [[parts.segments]]
  title = "Débat"
  duration = "30'"   # the core of it
  speakers = [{ name = "Ana" }, { name = "Ben", role = "chair" }]

  [[parts.segments]]
  title = "Questions"   # shares what is left
"""


def test_a_commented_file_keeps_its_comments(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "commented.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    w = open_editor(qtbot, EditorWindow())
    assert w.open_path(path)
    assert w.doc.checked.valid, w.doc.checked.errors
    click_row(w, ("parts", 1, "segments", 0))
    type_into(w, "item_duration", "25'")
    assert w.model.data(w.model.index_of(("parts", 1, "segments", 1), 3)) == "20'"
    qtbot.keyClick(w.tree, Key.Key_S, CTRL)
    after = path.read_text(encoding="utf-8")
    diff = [
        line
        for line in difflib.unified_diff(COMMENTED.splitlines(), after.splitlines(), lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert diff == [
        '-  duration = "30\'"   # the core of it',
        '+  duration = "25\'"   # the core of it',
    ]


def test_unchanged_open_and_save_writes_the_same_bytes(qtbot: QtBot, tmp_path: Path) -> None:
    w, path = seed_editor(qtbot, tmp_path)
    before = path.read_bytes()
    assert w.save()
    assert path.read_bytes() == before


def test_new_from_a_template_is_unsaved_and_keeps_the_comments(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = open_editor(qtbot, EditorWindow())
    w.new_from_template(SEED)
    assert w.doc.path is None and w.isWindowModified() and w.doc.checked.valid
    target = tmp_path / "copy.toml"
    assert w.save_to(target)
    assert target.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_a_new_empty_document_says_what_is_missing() -> None:
    doc = EditorDocument()
    assert not doc.checked.valid
    assert doc.refusal() == (
        "session, title: expected some text, got an empty string (and 1 more error(s))"
    )


def test_the_timer_fields_are_edited_checked_and_undone(qtbot: QtBot, tmp_path: Path) -> None:
    """Issue #16 in prepare mode: a segment's timer and fixed end, the session's anchor, roll
    mode and cues, each one undoable edit the model checks as it is typed."""
    w, path = seed_editor(qtbot, tmp_path)
    before = copy.deepcopy(w.doc.data)
    click_row(w, ("parts", 3))  # the conclusion: a part that is its own segment
    choose(w, "item_timer", "countup")
    assert w.doc.get(("parts", 3, "timer")) == "countup"
    type_into(w, "item_ends_at", "17:25")  # a count-up with a fixed end: refused, at its field
    paths = list(w.doc.checked.errors)
    assert any(tuple(p[:2]) == ("parts", 3) for p in paths), paths
    assert not w.save()  # Save refuses while it is wrong
    choose(w, "item_timer", None)  # back to a countdown,
    type_into(w, "item_duration", " ")  # its duration left to the fixed end: it holds
    assert not w.doc.checked.errors, w.doc.checked.errors
    w.tabs.setCurrentIndex(0)
    choose(w, "session_anchor", "relative")
    choose(w, "session_roll", True)
    choose(w, "session_cues", False)
    assert w.save()
    plan = load_running_order(path).plan
    seg = plan.segments[plan.parts[3].first]
    assert seg.ends_at is not None and f"{seg.ends_at:%H:%M}" == "17:25"
    assert seg.planned_s == 5 * 60  # from its planned start, 17:20, to its fixed end
    assert (plan.anchor.value, plan.roll, plan.cues) == ("relative", True, False)
    for _ in range(20):  # every edit above, back to the file as it was
        if not w.undo.canUndo():
            break
        qtbot.keyClick(w.tree, Qt.Key.Key_Z, CTRL)
    assert w.doc.data == before
