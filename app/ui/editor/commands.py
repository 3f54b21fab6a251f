"""Every edit as a QUndoCommand (Ctrl+Z, Ctrl+Shift+Z): four kinds, over the four primitives.

Typing in a field is one command per keystroke merged into one while the same field is typed
in, so an undo takes back the word, not a letter. A change that touches several lists (a
segment moved into the next part) is a macro of these on the stack.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.ui.editor.document import EditorDocument
from app.ui.editor.validation import Path

translate = QCoreApplication.translate

SET_ID = 1301  # QUndoCommand.id() of a field edit: merged while the same field is typed in


class SetField(QUndoCommand):
    def __init__(self, doc: EditorDocument, path: Path, value: Any, label: str = "") -> None:
        super().__init__(label or translate("Editor", "Edit {field}").format(field=path[-1]))
        self.doc, self.path, self.value = doc, path, copy.deepcopy(value)
        self.old: Any = copy.deepcopy(doc.get(path))

    def redo(self) -> None:
        self.doc.set_value(self.path, copy.deepcopy(self.value))

    def undo(self) -> None:
        self.doc.set_value(self.path, copy.deepcopy(self.old))

    def id(self) -> int:
        return SET_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, SetField) or other.path != self.path:
            return False
        if isinstance(self.value, str) and isinstance(other.value, str):
            self.value = other.value
            return True
        return False


class InsertItem(QUndoCommand):
    def __init__(
        self, doc: EditorDocument, path: Path, index: int, value: Any, label: str = ""
    ) -> None:
        super().__init__(label or translate("Editor", "Add"))
        self.doc, self.path, self.index, self.value = doc, path, index, copy.deepcopy(value)

    def redo(self) -> None:
        self.doc.insert(self.path, self.index, self.value)

    def undo(self) -> None:
        self.doc.remove(self.path, self.index)


class RemoveItem(QUndoCommand):
    def __init__(self, doc: EditorDocument, path: Path, index: int, label: str = "") -> None:
        super().__init__(label or translate("Editor", "Remove"))
        self.doc, self.path, self.index = doc, path, index
        self.value: Any = copy.deepcopy(doc.items(path)[index])

    def redo(self) -> None:
        self.doc.remove(self.path, self.index)

    def undo(self) -> None:
        self.doc.insert(self.path, self.index, self.value)


class MoveItem(QUndoCommand):
    def __init__(
        self, doc: EditorDocument, path: Path, index: int, to: int, label: str = ""
    ) -> None:
        super().__init__(label or translate("Editor", "Move"))
        self.doc, self.path, self.index, self.to = doc, path, index, to

    def redo(self) -> None:
        self.doc.move(self.path, self.index, self.to)

    def undo(self) -> None:
        self.doc.move(self.path, self.to, self.index)
