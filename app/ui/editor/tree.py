"""The running order as a tree: parts, and the segments inside them, with their clock times.

A QStandardItemModel mirroring the document's data: top-level rows are parts, their children
segments (a part written without segments is a row with no children, the segment it stands
for). Every figure it shows — a segment's planned length when it shares its part's budget, its
clock time, a part's budget — is read from the Plan the document's check resolved
(``app.model.resolve``); the model only formats it. Rows with an error or an import guess say
so (icon, colour, tooltip).

Why a mirror rather than a model answering in Python: a repaint asks each visible cell seven
roles, its flags and its parents, ~3,000 calls from C++ into Python for one screen of rows
(10 ms). Here the texts sit in Qt's items: a structural edit rebuilds the rows, a field edit
sets only the cells whose text changed, and a repaint never calls Python.

Moves by drag and drop are asked of ``move_requested`` (the window makes the undo command),
so the view itself never moves or removes a row.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyle

from app.model.durations import format_duration
from app.model.plan import Plan
from app.ui.editor.document import EditorDocument
from app.ui.editor.validation import Path

translate = QCoreApplication.translate

TITLE, KIND, DURATION, PLANNED, START = range(5)
COLUMNS = 5
MIME = "application/x-timekeeper-editor-row"
Index = QModelIndex | QPersistentModelIndex
_ERROR_BRUSH = QBrush(QColor("#b00020"))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ENABLED = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_SEGMENT_ROW = _ENABLED | Qt.ItemFlag.ItemIsDragEnabled
_PART_ROW = _SEGMENT_ROW | Qt.ItemFlag.ItemIsDropEnabled  # segments dropped into a part
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


def kind_labels() -> dict[str, str]:
    """The segment kinds in the interface's language (the file keeps the English word)."""
    return {
        "intro": translate("Editor", "introduction"),
        "talk": translate("Editor", "talk"),
        "qa": translate("Editor", "questions"),
        "panel": translate("Editor", "panel"),
        "break": translate("Editor", "break"),
        "conclusion": translate("Editor", "conclusion"),
        "other": translate("Editor", "other"),
    }


def kind_label(kind: str) -> str:
    return kind_labels().get(kind, kind)


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


class RunningOrderModel(QStandardItemModel):
    move_requested = Signal(object, object)  # (source row path, (target part, row) or part row)
    figures_changed = Signal()  # cells were set quietly after a field edit: repaint them

    def __init__(self, doc: EditorDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.locked = ""  # why rows cannot be moved now (a live session), "" when they can
        self.notes: dict[Path, list[str]] = {}  # import guesses, by row
        self._bold = QApplication.font()
        self._bold.setBold(True)
        self._shown: dict[Path, tuple[tuple[str, ...], bool, str | None]] = {}
        self._items: list[tuple[Path, list[QStandardItem]]] = []
        self.setColumnCount(COLUMNS)
        self.retranslate()
        self._build()
        doc.changed.connect(self._changed)

    def retranslate(self) -> None:
        self._shown.clear()  # the kinds' names are in the language
        self._kinds = kind_labels()
        self.setHorizontalHeaderLabels(
            [
                translate("Editor", "Title"),
                translate("Editor", "Kind"),
                translate("Editor", "Duration / budget"),
                translate("Editor", "Planned"),
                translate("Editor", "Starts at"),
            ]
        )
        self._refresh()

    # -- paths and indexes ------------------------------------------------------------------

    def path_of(self, index: Index) -> Path | None:
        """The data path of a row: ("parts", p) or ("parts", p, "segments", s)."""
        if not index.isValid():
            return None
        parent = index.parent()
        if parent.isValid():
            return row_path(parent.row(), index.row())
        return row_path(index.row())

    def index_of(self, path: Path | None, column: int = 0) -> QModelIndex:
        if path is None or len(path) < 2:
            return QModelIndex()
        part = self.index(int(path[1]), column)
        if len(path) >= 4 and path[2] == "segments":
            return self.index(int(path[3]), column, self.index(int(path[1]), 0))
        return part

    # -- building and refreshing ---------------------------------------------------------------

    def _parts(self) -> list[dict[str, Any]]:
        return self.doc.items(("parts",))

    def _row_items(self, is_part: bool) -> list[QStandardItem]:
        items = []
        for column in range(COLUMNS):
            item = QStandardItem()
            item.setFlags(self._flags(is_part))
            if is_part:
                item.setFont(self._bold)
            if column in (DURATION, PLANNED, START):
                item.setTextAlignment(_RIGHT)
            items.append(item)
        return items

    def _flags(self, is_part: bool) -> Qt.ItemFlag:
        if self.locked:
            return _ENABLED
        return _PART_ROW if is_part else _SEGMENT_ROW

    def _build(self) -> None:
        self.removeRows(0, self.rowCount())
        self._shown.clear()
        root = self.invisibleRootItem()
        for part in self._parts():
            row = self._row_items(True)
            for _ in part.get("segments") or []:
                row[0].appendRow(self._row_items(False))
            root.appendRow(row)
        self._items = self._walk()
        self._refresh()

    def _rows(self) -> list[tuple[Path, list[QStandardItem]]]:
        return self._items

    def _walk(self) -> list[tuple[Path, list[QStandardItem]]]:
        out = []
        root = self.invisibleRootItem()
        for p in range(root.rowCount()):
            title = root.child(p, 0)
            out.append((row_path(p), [root.child(p, c) for c in range(COLUMNS)]))
            for s in range(title.rowCount()):
                out.append((row_path(p, s), [title.child(s, c) for c in range(COLUMNS)]))
        return out

    def _refresh(self, edited: Path | None = None) -> None:
        """Each cell's text, colour and tooltip from the data and the last check; only the
        cells that differ are set (a view repaints those). What each row shows is kept in
        ``_shown`` so that the comparison stays in Python (a Qt call a cell costs more)."""
        plan = self.doc.checked.plan
        errors = self._errors_by_row()
        style = QApplication.style()
        for path, items in self._rows():
            item = self.doc.get(path, {})
            if not isinstance(item, dict):
                continue
            is_part = len(path) == 2
            wrong = errors.get(path, [])
            notes = self.notes.get(path, [])
            before = self._shown.get(path)
            if before is not None and edited is not None and edited[: len(path)] != path:
                # Another row's field was edited: this row's own words are as they were.
                texts = (
                    *before[0][:PLANNED],
                    self._text(path, item, is_part, PLANNED, plan),
                    self._text(path, item, is_part, START, plan),
                )
            else:
                texts = tuple(self._text(path, item, is_part, c, plan) for c in range(COLUMNS))
            tip = "\n".join(wrong + notes) or None
            state = (texts, bool(wrong), tip)
            if before == state:
                continue
            self._shown[path] = state
            for column, cell in enumerate(items):
                if before is None or before[0][column] != texts[column]:
                    cell.setText(texts[column])
                if before is None or before[1] != bool(wrong):
                    cell.setData(_ERROR_BRUSH if wrong else None, Qt.ItemDataRole.ForegroundRole)
            if before is None or before[2] != tip:
                title = items[TITLE]
                title.setData(tip, _TOOLTIP)
                icon = (
                    style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
                    if wrong
                    else style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
                    if notes
                    else None
                )
                title.setData(icon, Qt.ItemDataRole.DecorationRole)

    def _errors_by_row(self) -> dict[Path, list[str]]:
        """Each error on its row: a segment's on the segment, a part's own on the part."""
        rows: dict[Path, list[str]] = {}
        for where, message in self.doc.checked.errors.items():
            if len(where) < 2 or where[0] != "parts":
                continue
            if len(where) >= 4 and where[2] == "segments":
                rows.setdefault(tuple(where[:4]), []).append(message)
            else:
                rows.setdefault(tuple(where[:2]), []).append(message)
        return rows

    def _text(
        self, path: Path, item: dict[str, Any], is_part: bool, column: int, plan: Plan | None
    ) -> str:
        if column == TITLE:
            return shown(item.get("title"))
        if column == KIND:
            if is_part and item.get("segments"):
                return ""
            kind = str(item.get("kind") or "talk")
            return self._kinds.get(kind, kind)
        if column == DURATION:
            return shown(item.get("budget" if is_part else "duration"))
        if plan is None:
            return "…" if self.doc.checked.errors else ""
        p = int(path[1])
        if p >= len(plan.parts):
            return ""
        i = plan.parts[p].first + (int(path[3]) if len(path) >= 4 else 0)
        if i >= len(plan.segments):
            return ""
        planned = plan.segments[i]
        if column == PLANNED:
            return format_duration(plan.parts[p].budget_s if is_part else planned.planned_s)
        at = plan.clock_at(planned.offset_s)
        return f"{at.hour:02d}:{at.minute:02d}"  # (not strftime: a keystroke formats 500)

    def _changed(self, structural: bool) -> None:
        if structural:
            self._build()
            return
        # A field edit moves the clock time of every row below it: hundreds of cells. Told
        # one by one, a view handles hundreds of signals; set quietly, the view repaints what
        # it shows once (``figures_changed``), reading the cells afresh from Qt's items.
        blocked = self.blockSignals(True)
        try:
            self._refresh(self.doc.last_edit)
        finally:
            self.blockSignals(blocked)
        self.figures_changed.emit()

    def set_notes(self, notes: dict[Path, list[str]]) -> None:
        self.notes = notes
        self._refresh()

    def set_locked(self, reason: str) -> None:
        if reason == self.locked:
            return
        self.locked = reason
        for path, items in self._rows():
            for cell in items:
                cell.setFlags(self._flags(len(path) == 2))

    # -- drag and drop ----------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]  # noqa: N802
        mime = QMimeData()
        path = self.path_of(indexes[0]) if indexes else None
        mime.setData(MIME, QByteArray(json.dumps(list(path or ())).encode()))
        return mime

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return not self.locked and data.hasFormat(MIME)

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
            elif not parent.parent().isValid():
                part = parent.row()
                target = row if row >= 0 else self.rowCount(parent)
            else:
                return False
            self.move_requested.emit(source, (part, target))
        # The move is the window's undo command: the view must not remove the dragged row.
        return False
