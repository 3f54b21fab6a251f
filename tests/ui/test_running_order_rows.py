"""The running order renders again only the rows whose figures changed; a full repaint
(theme, language, an edited plan) still renders every row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from app.ui.theme import DARK
from app.ui.widgets.running_order import COL_ACTUAL, COL_STATE, COL_TITLE, RunningOrderTree
from tests.ui.moderator_harness import Harness, seed_window


@pytest.fixture
def moderator(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Harness]:
    yield from seed_window(qtbot, tmp_path, seed_path)


def rendered(tree: RunningOrderTree, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    seen: list[int] = []
    original = tree._render_segment

    def spy(snap, index, item):  # type: ignore[no-untyped-def]
        seen.append(index)
        original(snap, index, item)

    monkeypatch.setattr(tree, "_render_segment", spy)
    return seen


def test_a_second_renders_the_current_row_only(
    moderator: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = moderator.window.tree
    moderator.controller.toggle()
    moderator.controller.next()
    moderator.advance(3.0)
    seen = rendered(tree, monkeypatch)
    moderator.advance(1.0)
    assert seen == [1]
    assert tree.segment_items[1].text(COL_ACTUAL) == "00:04"
    part = tree.part_items[moderator.snap.segment.part]
    assert part.text(COL_STATE).endswith("left")


def test_a_pause_and_a_new_theme_render_again(
    moderator: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = moderator.window.tree
    moderator.controller.toggle()
    moderator.advance(2.0)
    seen = rendered(tree, monkeypatch)
    moderator.advance(0.0)
    assert seen == []  # nothing shown changed
    moderator.controller.toggle()  # pause: the current row's words change
    assert seen == [0]
    assert "paused" in tree.segment_items[0].text(COL_STATE)
    moderator.window.apply_theme(DARK)
    assert seen[1:] == list(range(len(tree.segment_items)))


def _cell(tree: RunningOrderTree, item: QTreeWidgetItem, column: int) -> QImage:
    rect = tree.visualItemRect(item)
    rect.setLeft(tree.header().sectionPosition(column))
    rect.setWidth(tree.header().sectionSize(column))
    return tree.viewport().grab(rect).toImage()


def test_a_changed_figure_is_painted_without_measuring_its_row_again(
    moderator: Harness, qtbot: QtBot
) -> None:
    """Each second the current row's actual time changes: its cell shows the new figure,
    the row keeps its height, and no row is measured again (QTreeView would ask every
    column's size hint)."""
    tree = moderator.window.tree
    moderator.controller.toggle()
    moderator.advance(3.0)
    item = tree.segment_items[0]
    before = _cell(tree, item, COL_ACTUAL)
    height = tree.visualItemRect(item).height()
    measured: list[int] = []
    delegate = tree.itemDelegateForColumn(COL_TITLE)
    original = delegate.sizeHint

    def spy(option, index):  # type: ignore[no-untyped-def]
        measured.append(index.row())
        return original(option, index)

    delegate.sizeHint = spy  # type: ignore[method-assign]
    moderator.advance(1.0)
    qtbot.waitUntil(lambda: _cell(tree, item, COL_ACTUAL) != before, timeout=2000)
    assert item.text(COL_ACTUAL) == "00:04"
    assert tree.visualItemRect(item).height() == height
    assert measured == []
    # A title that changes is measured again: it may wrap to another height.
    item.setText(COL_TITLE, "A much longer title " * 12)
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height() > height, timeout=2000)
    assert measured != []
