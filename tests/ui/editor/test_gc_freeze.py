"""Keystroke latency (issue #13, make bench): once a document is loaded, the long-lived
objects (the document, the window, the app) are frozen out of Python's garbage collector, so
the full collections a keystroke's allocations set off now and then do not scan them again.
What a keystroke makes is still collected; opening another document unfreezes and collects
the previous one's objects first.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.ui.editor.document import EditorDocument
from app.ui.editor.window import EditorWindow
from tests.conftest import SEED
from tests.ui.editor.helpers import open_editor


@pytest.fixture
def unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()  # the other tests run with the collector as they always did


def test_a_loaded_document_is_frozen_out_of_the_collector(qtbot: QtBot, unfrozen: None) -> None:
    gc.unfreeze()
    doc = EditorDocument.open_file(SEED)
    w = open_editor(qtbot, EditorWindow(doc))
    frozen = gc.get_freeze_count()
    assert frozen > 1000
    assert not any(o is doc.data for o in gc.get_objects())  # in the permanent generation

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    made = Cycle()
    assert any(o is made for o in gc.get_objects())  # new objects: collected as before
    del made
    assert gc.get_freeze_count() == frozen

    w.set_document(EditorDocument.open_file(SEED))
    assert gc.get_freeze_count() > 1000
