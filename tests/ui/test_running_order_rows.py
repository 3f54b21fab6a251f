"""The running order renders again only the rows whose figures changed; a full repaint
(theme, language, an edited plan) still renders every row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.ui.theme import DARK
from app.ui.widgets.running_order import COL_ACTUAL, COL_STATE, RunningOrderTree
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
