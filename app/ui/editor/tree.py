"""The running order as a tree: parts, and the segments inside them, with their clock times.

A model over the document's data: top-level rows are parts, their children segments (a part
written without segments is a row with no children, the segment it stands for). Every figure
it shows — a segment's planned length when it shares its part's budget, its clock time, a
part's budget — is read from the Plan the document's check resolved (``app.model.resolve``);
the model only formats it. Rows with an error or an import guess say so (icon, tooltip).

Moves by drag and drop are asked of ``move_requested`` (the window makes the undo command),
so the view itself never removes a row.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from app.model.durations import format_duration
from app.model.plan import PlannedSegment
from app.ui.editor.document import EditorDocument
from app.ui.editor.validation import Path

translate = QCoreApplication.translate

TITLE, KIND, DURATION, PLANNED, START = range(5)
COLUMNS = 5
MIME = "application/x-timekeeper-editor-row"
Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    """A segment kind in the interface's language (the file keeps the English word)."""
    labels = {
        "intro": translate("Editor", "introduction"),
        "talk": translate("Editor", "talk"),
        "qa": translate("Editor", "questions"),
        "panel": translate("Editor", "panel"),
        "break": translate("Editor", "break"),
        "conclusion": translate("Editor", "conclusion"),
        "other": translate("Editor", "other"),
    }
    return labels.get(kind, kind)


def shown(value: Any) -> str:
    """A field's value as the editor shows it in a text field."""
    if value is None:
        return ""
    if hasattr(value, "strftime") and hasattr(value, "hour"):
        return str(value.strftime("%H:%M:%S" if value.second else "%H:%M"))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def row_path(part: int, segment: int | None = None) -> Path:
    if segment is None:
        return ("parts", part)
    return ("parts", part, "segments", segment)


class RunningOrderModel(QAbstractItemModel):
    """internalId 0: a part row; p + 1: a segment row of part p."""

    move_requested = Signal(object, object)  # (source row path, (target part, row) or part row)

    def __init__(self, doc: EditorDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.locked = ""  # why rows cannot be moved now (a live session), "" when they can
        self.notes: dict[Path, list[str]] = {}  # import guesses, by row
        doc.changed.connect(self._changed)

    # -- structure ----------------------------------------------------------------------------

    def _parts(self) -> list[dict[str, Any]]:
        return self.doc.items(("parts",))

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        parts = self._parts()
        if not parent.isValid():
            return len(parts)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        if parent.row() >= len(parts):
            return 0
        segments = parts[parent.row()].get("segments")
        return len(segments) if isinstance(segments, list) else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return COLUMNS

    def path_of(self, index: Index) -> Path | None:
        """The data path of a row: ("parts", p) or ("parts", p, "segments", s)."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return row_path(index.row())
        return row_path(index.internalId() - 1, index.row())

    def index_of(self, path: Path | None, column: int = 0) -> QModelIndex:
        if path is None or len(path) < 2:
            return QModelIndex()
        part = self.index(int(path[1]), column)
        if len(path) >= 4 and path[2] == "segments":
            return self.index(int(path[3]), column, self.index(int(path[1]), 0))
        return part

    # -- content --------------------------------------------------------------------------

    def _planned(self, path: Path) -> PlannedSegment | None:
        plan = self.doc.checked.plan
        if plan is None:
            return None
        p = int(path[1])
        if p >= len(plan.parts):
            return None
        first = plan.parts[p].first
        i = first + (int(path[3]) if len(path) >= 4 else 0)
        return plan.segments[i] if i < len(plan.segments) else None

    def _errors(self, path: Path) -> list[str]:
        n = len(path)
        found = []
        for where, message in self.doc.checked.errors.items():
            if where[:n] != path:
                continue
            if n == 2 and len(where) > 2 and where[2] == "segments":
                continue  # a segment's own error is on the segment's row
            found.append(message)
        return found

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("Editor", "Title"),
            translate("Editor", "Kind"),
            translate("Editor", "Duration / budget"),
            translate("Editor", "Planned"),
            translate("Editor", "Starts at"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        path = self.path_of(index)
        if path is None:
            return None
        item = self.doc.get(path, {})
        if not isinstance(item, dict):
            return None
        is_part = len(path) == 2
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(path, item, is_part, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            lines = self._errors(path) + self.notes.get(path, [])
            return "\n".join(lines) or None
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE:
            style = QApplication.style()
            if self._errors(path):
                return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
            if self.notes.get(path):
                return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and self._errors(path):
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.FontRole and is_part:
            font = QApplication.font()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DURATION, PLANNED, START):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, path: Path, item: dict[str, Any], is_part: bool, column: int) -> str:
        if column == TITLE:
            return shown(item.get("title"))
        if column == KIND:
            if is_part and item.get("segments"):
                return ""
            return kind_label(str(item.get("kind") or "talk"))
        if column == DURATION:
            return shown(item.get("budget" if is_part else "duration"))
        planned = self._planned(path)
        plan = self.doc.checked.plan
        if planned is None or plan is None:
            return "…" if self.doc.checked.errors else ""
        if column == PLANNED:
            if is_part:
                return format_duration(plan.parts[planned.part].budget_s)
            return format_duration(planned.planned_s)
        return plan.clock_at(planned.offset_s).strftime("%H:%M")

    def _changed(self, structural: bool) -> None:
        if structural:
            self.beginResetModel()
            self.endResetModel()
            return
        parts = self._parts()
        if not parts:
            return
        last = COLUMNS - 1
        self.dataChanged.emit(self.index(0, 0), self.index(len(parts) - 1, last))
        for p, part in enumerate(parts):
            segments = part.get("segments")
            if isinstance(segments, list) and segments:
                parent = self.index(p, 0)
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(len(segments) - 1, last, parent)
                )

    # -- drag and drop ----------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.locked:
            return flags
        if not index.isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.internalId() == 0:
            flags |= Qt.ItemFlag.ItemIsDropEnabled  # segments dropped into a part
        return flags

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]  # noqa: N802
        mime = QMimeData()
        path = self.path_of(indexes[0]) if indexes else None
        mime.setData(MIME, QByteArray(json.dumps(list(path or ())).encode()))
        return mime

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if self.locked or not data.hasFormat(MIME):
            return False
        source: Path = tuple(json.loads(bytes(data.data(MIME).data()).decode()))
        if not source:
            return False
        if len(source) == 2:  # a part: between parts only
            if parent.isValid():
                row, parent = parent.row() + (1 if row > 0 else 0), QModelIndex()
            target = row if row >= 0 else len(self._parts())
            self.move_requested.emit(source, (None, target))
        else:
            if not parent.isValid():
                if row <= 0:
                    return False
                part, target = row - 1, self.rowCount(self.index(row - 1, 0))
            elif parent.internalId() == 0:
                part = parent.row()
                target = row if row >= 0 else self.rowCount(parent)
            else:
                return False
            self.move_requested.emit(source, (part, target))
        # The move is the window's undo command: the view must not remove the dragged row.
        return False
