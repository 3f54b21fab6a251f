"""The editor window: the running order as a tree, the forms, the menus and the keys.

Prepare mode (README "Preparing a session"). Every edit is an undo command on ``undo``; the
document checks itself after each and the views show the result: clock times and budgets in
the tree, the summary line (planned end, slack before the hard end), each error at its field.

With a live controller whose session runs this file, only edits that keep every segment in
place are allowed (``app.model.plan.same_segments``, the file watcher's rule in
``app.ui.reload_decision``): they are taken in at once through ``replace_plan`` (logged as a
plan change); adding, removing, moving and renaming are greyed out with the reason.

No modal dialog opens while a session runs, except the file pickers the moderator asks for.
"""

from __future__ import annotations

import copy
import gc
from collections.abc import Callable
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import resources
from app.files import FileWriteError
from app.model.durations import format_duration
from app.model.errors import RunningOrderError
from app.model.plan import same_segments
from app.model.schema import Thresholds
from app.ui.editor.commands import InsertItem, MoveItem, RemoveItem, SetField
from app.ui.editor.document import EditorDocument
from app.ui.editor.fields import ItemForm, SessionForm
from app.ui.editor.tree import RunningOrderModel, row_path
from app.ui.editor.validation import Path, describe_path
from app.ui.sentences import one_line

if TYPE_CHECKING:
    from app.importers.draft import ImportResult
    from app.ui.controller import LiveController

translate = QCoreApplication.translate

LIVE_APPLY_MS = 600  # a live edit is taken in once typing pauses (one plan change, not ten)
ERROR_STYLE = "color: #b00020;"


def path_words() -> dict[str, str]:
    """The words of ``describe_path`` in the interface's language."""
    return {
        "part": translate("Editor", "part {n}"),
        "segment": translate("Editor", "segment {n}"),
        "speaker": translate("Editor", "speaker {n}"),
        "": translate("Editor", "the running order"),
        "session": translate("Editor", "session"),
        "title": translate("Editor", "title"),
        "event": translate("Editor", "event"),
        "date": translate("Editor", "date"),
        "start": translate("Editor", "start"),
        "hard_end": translate("Editor", "hard end"),
        "timezone": translate("Editor", "time zone"),
        "language": translate("Editor", "language"),
        "venue": translate("Editor", "venue"),
        "room": translate("Editor", "room"),
        "kind": translate("Editor", "kind"),
        "duration": translate("Editor", "duration"),
        "budget": translate("Editor", "budget"),
        "notes": translate("Editor", "notes"),
        "speakers": translate("Editor", "speakers"),
        "name": translate("Editor", "name"),
        "role": translate("Editor", "role"),
        "organisation": translate("Editor", "organisation"),
        "note": translate("Editor", "note"),
        "thresholds": translate("Editor", "thresholds"),
        "warning": translate("Editor", "warning"),
        "final": translate("Editor", "final"),
        "end_action": translate("Editor", "end action"),
        "parts": translate("Editor", "parts"),
    }


def freeze_long_lived() -> None:
    """Once a document is loaded: its objects, the window's and the app's live long, and
    Python's cyclic garbage collector would scan them all again at each full collection,
    which a keystroke's allocations set off now and then (the 20 ms keystrokes among the
    10 ms ones). Frozen, they are left out of every collection; what a keystroke makes is
    collected as before. The previous document's objects are unfrozen and collected first.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class EditorWindow(QMainWindow):
    """One document in a window of its own. ``controller``: the moderator's live session."""

    saved = Signal(object)  # the Path just written

    def __init__(
        self,
        doc: EditorDocument | None = None,
        *,
        controller: LiveController | None = None,
        defaults: Thresholds | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.controller = controller
        self.defaults = defaults
        self.undo = QUndoStack(self)
        self.locked = ""  # why structure and titles cannot change now ("" when they can)
        self.suggested: FilePath | None = None  # where Save as proposes to save an import
        self.import_notes: list[str] = []
        self._select_after: Path | None = None
        self._session_errors: dict[Path, str] | None = None
        self._closing_confirmed = False
        self._live_timer = QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(LIVE_APPLY_MS)
        self._live_timer.timeout.connect(self.apply_live)
        self._build()
        self._actions()
        self.set_document(doc or EditorDocument(defaults=defaults))
        self.undo.cleanChanged.connect(self._title)
        self.undo.indexChanged.connect(self._title)
        if controller is not None:
            controller.updated.connect(self.update_lock)
        self.setAcceptDrops(True)
        self.resize(1200, 760)
        self.retranslate()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.lock_label = QLabel()
        self.lock_label.setObjectName("lock")
        self.lock_label.setTextFormat(Qt.TextFormat.PlainText)
        self.lock_label.setWordWrap(True)
        self.lock_label.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px;")
        self.lock_label.hide()

        self.tree = QTreeView()
        self.tree.setObjectName("tree")
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.errors = QListWidget()
        self.errors.setObjectName("errors")
        self.errors.setMaximumHeight(110)
        self.errors.itemClicked.connect(self._error_clicked)
        self.errors.itemActivated.connect(self._error_clicked)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.notes_list = QListWidget()
        self.notes_list.setObjectName("import_notes")
        self.notes_list.setMaximumHeight(90)
        self.notes_list.setWordWrap(True)
        self.notes_list.hide()

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tree, 1)
        column.addWidget(self.summary)
        column.addWidget(self.errors)
        column.addWidget(self.notes_list)

        self.session_form = SessionForm()
        self.item_form = ItemForm()
        self.item_form.speakers.structure.connect(self._speaker_structure)
        self.item_scroll = QScrollArea()
        self.item_scroll.setWidgetResizable(True)
        self.item_scroll.setWidget(self.item_form)
        self.no_item = QLabel()
        self.no_item.setTextFormat(Qt.TextFormat.PlainText)
        self.no_item.setWordWrap(True)
        self.no_item.setAlignment(Qt.AlignmentFlag.AlignCenter)
        item_page = QWidget()
        item_column = QVBoxLayout(item_page)
        item_column.setContentsMargins(0, 0, 0, 0)
        item_column.addWidget(self.no_item)
        item_column.addWidget(self.item_scroll, 1)
        session_scroll = QScrollArea()
        session_scroll.setWidgetResizable(True)
        session_scroll.setWidget(self.session_form)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(session_scroll, "")
        self.tabs.addTab(item_page, "")

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 560])
        self.item_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        session_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.lock_label)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    def _action(
        self,
        handler: Callable[[], object],
        keys: list[QKeySequence | QKeySequence.StandardKey | str] | None = None,
        *,
        on_tree: bool = False,
    ) -> QAction:
        action = QAction(self)
        action.triggered.connect(lambda _=False: handler())
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        if on_tree:
            # Only with the tree focused: Del and Insert keep their meaning in a text field.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.tree.addAction(action)
        else:
            self.addAction(action)
        return action

    def _actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(self.new_document, [keys.New])
        self.open_action = self._action(self.open_dialog, [keys.Open])
        self.import_action = self._action(self.import_dialog, ["Ctrl+I"])
        self.save_action = self._action(self.save, [keys.Save])
        self.save_as_action = self._action(self.save_as_dialog, ["Ctrl+Shift+S"])
        self.close_action = self._action(self.close, [keys.Close])
        self.undo_action = self._action(self.undo.undo, ["Ctrl+Z"])
        self.redo_action = self._action(self.undo.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        self.undo.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.add_segment_action = self._action(self.add_segment, ["Insert"], on_tree=True)
        self.add_part_action = self._action(self.add_part, ["Ctrl+Insert"], on_tree=True)
        self.duplicate_action = self._action(self.duplicate, ["Ctrl+D"], on_tree=True)
        self.remove_action = self._action(self.remove, ["Delete"], on_tree=True)
        self.up_action = self._action(lambda: self.move_item(-1), ["Alt+Up"], on_tree=True)
        self.down_action = self._action(lambda: self.move_item(1), ["Alt+Down"], on_tree=True)
        self.structure_actions = (
            self.add_segment_action,
            self.add_part_action,
            self.duplicate_action,
            self.remove_action,
            self.up_action,
            self.down_action,
        )
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.new_action)
        self.template_menu = self.file_menu.addMenu("")
        for path in sorted(resources.sessions_dir().glob("*.toml")):
            action = self.template_menu.addAction(path.stem)
            action.triggered.connect(lambda _=False, p=path: self.new_from_template(p))
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_action)
        self.file_menu.addAction(self.save_as_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        for action in self.structure_actions:
            self.edit_menu.addAction(action)

    def retranslate(self) -> None:
        self.file_menu.setTitle(translate("Editor", "&File"))
        self.new_action.setText(translate("Editor", "&New running order"))
        self.template_menu.setTitle(translate("Editor", "New from &template"))
        self.open_action.setText(translate("Editor", "&Open…"))
        self.import_action.setText(translate("Editor", "&Import programme…"))
        self.save_action.setText(translate("Editor", "&Save"))
        self.save_as_action.setText(translate("Editor", "Save &as…"))
        self.close_action.setText(translate("Editor", "&Close"))
        self.edit_menu.setTitle(translate("Editor", "&Edit"))
        self.undo_action.setText(translate("Editor", "&Undo"))
        self.redo_action.setText(translate("Editor", "&Redo"))
        self.add_segment_action.setText(translate("Editor", "Add &segment"))
        self.add_part_action.setText(translate("Editor", "Add &part"))
        self.duplicate_action.setText(translate("Editor", "&Duplicate"))
        self.remove_action.setText(translate("Editor", "Re&move"))
        self.up_action.setText(translate("Editor", "Move u&p"))
        self.down_action.setText(translate("Editor", "Move do&wn"))
        self.tabs.setTabText(0, translate("Editor", "Session"))
        self.tabs.setTabText(1, translate("Editor", "Part / segment"))
        self.no_item.setText(
            translate(
                "Editor",
                "Choose a part or a segment in the running order, or add one: "
                "Insert adds a segment, Ctrl+Insert a part.",
            )
        )
        self.session_form.retranslate()
        self.item_form.retranslate()
        self.model.retranslate()
        self.update_lock()
        self._title()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the document ---------------------------------------------------------------------

    def set_document(self, doc: EditorDocument) -> None:
        old = getattr(self, "doc", None), getattr(self, "model", None)
        self.doc = doc
        doc.setParent(self)
        self.undo.clear()
        self._session_errors = None
        self.model = RunningOrderModel(doc, self)
        self.model.move_requested.connect(self._move_to)
        self.model.figures_changed.connect(self.tree.viewport().update)
        self.tree.setModel(self.model)
        for thing in old:  # the document and the tree model this window showed before
            if thing is not None:
                thing.deleteLater()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        # Fixed widths, never ResizeToContents: that reads every row of every column at each
        # keystroke (900,000 calls for 500 segments), where a repaint reads the visible ones.
        metrics = self.tree.fontMetrics()
        for column, sample in (
            (1, "introduction"),
            (2, "Duration / budget"),
            (3, "00:00:00"),
            (4, "Starts at"),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 28)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        doc.changed.connect(self._doc_changed)
        doc.checked_changed.connect(self.refresh)
        doc.path_changed.connect(self._title)
        freeze_long_lived()
        self.import_notes = []
        self.notes_list.clear()
        self.notes_list.hide()
        self.tree.expandAll()
        if doc.items(("parts",)):
            self.select(("parts", 0))
        self.update_lock()
        self._title()
        self.refresh()

    def _title(self, *_: object) -> None:
        name = self.doc.path.name if self.doc.path else translate("Editor", "unsaved")
        self.setWindowTitle(
            translate("Editor", "Timekeeper — Running order — {name}[*]").format(name=name)
        )
        # The undo stack's clean state, not a comparison of the whole data at each keystroke.
        self.setWindowModified(self.doc.saved_data is None or not self.undo.isClean())

    def _doc_changed(self, structural: bool) -> None:
        if structural:
            self.tree.expandAll()
            target = self._select_after
            if target is not None:
                self.select(target)
        if self.controller is not None and self._live_file() and self._running():
            self._live_timer.start()

    def current_path(self) -> Path | None:
        return self.model.path_of(self.tree.currentIndex())

    def select(self, path: Path | None) -> None:
        index = self.model.index_of(self._clamped(path))
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._current_changed()

    def _clamped(self, path: Path | None) -> Path | None:
        parts = self.doc.items(("parts",))
        if path is None or not parts or len(path) < 2:
            return None
        p = min(int(path[1]), len(parts) - 1)
        if len(path) >= 4:
            segments = parts[p].get("segments") or []
            if segments:
                return row_path(p, min(int(path[3]), len(segments) - 1))
        return row_path(p)

    def _current_changed(self, *_: object) -> None:
        path = self.current_path()
        self.no_item.setVisible(path is None)
        self.item_scroll.setVisible(path is not None)
        if path is not None:
            self.item_form.load(self.doc, path, self.edit)
            if self.tabs.currentIndex() != 1 and self.tree.hasFocus():
                self.tabs.setCurrentIndex(1)
        self._apply_lock()

    def refresh(self) -> None:
        """After a check: the forms' values and errors, the summary, the error list. (The
        session's form only when the session's fields or their errors may have changed: a
        keystroke elsewhere leaves them as they are.)"""
        edited = self.doc.last_edit
        session_errors = self.doc.checked.errors_under(("session",))
        if edited is None or edited[:1] == ("session",) or session_errors != self._session_errors:
            self.session_form.load(self.doc, ("session",), self.edit)
            self._session_errors = session_errors
        path = self.current_path()
        if path is not None and self.doc.get(path) is not None:
            self.item_form.load(self.doc, path, self.edit)
        self._summary()
        self._error_list()
        self._title()
        self._apply_lock()

    def _summary(self) -> None:
        plan = self.doc.checked.plan
        if plan is None:
            count = len(self.doc.checked.errors)
            self.summary.setText(
                translate("Editor", "Not valid yet: {count} error(s), listed below.").format(
                    count=count
                )
            )
            self.summary.setStyleSheet(ERROR_STYLE)
            return
        self.summary.setStyleSheet("")
        text = translate("Editor", "{count} segment(s), {total} from {start} to {end}").format(
            count=len(plan.segments),
            total=format_duration(plan.total_s) if plan.total_s else "0'",
            start=plan.start.strftime("%H:%M"),
            end=plan.planned_end.strftime("%H:%M"),
        )
        slack = plan.slack_s
        if plan.hard_end is not None and slack is not None:
            hard = plan.hard_end.strftime("%H:%M")
            if slack > 0:
                text += translate("Editor", "; {slack} to spare before the hard end {hard}")
            elif slack == 0:
                text += translate("Editor", "; ends exactly at the hard end {hard}")
            else:
                text += translate("Editor", "; {slack} past the hard end {hard}")
            text = text.format(slack=format_duration(abs(slack)) if slack else "", hard=hard)
        self.summary.setText(text)

    def _error_list(self) -> None:
        if not self.doc.checked.errors and not self.errors.count():
            return  # nothing listed, nothing to list: the common keystroke
        self.errors.clear()
        for path, message in self.doc.checked.errors.items():
            where = describe_path(self.doc.data, path, path_words())
            item = QListWidgetItem(f"{where}: {message}")
            item.setData(Qt.ItemDataRole.UserRole, list(path))
            self.errors.addItem(item)
        self.errors.setVisible(self.errors.count() > 0)

    def _error_clicked(self, item: QListWidgetItem) -> None:
        path: Path = tuple(item.data(Qt.ItemDataRole.UserRole) or ())
        if path[:1] == ("session",):
            self.tabs.setCurrentIndex(0)
            return
        if len(path) >= 2 and path[0] == "parts":
            row = path[:4] if len(path) >= 4 and path[2] == "segments" else path[:2]
            self.select(row)
            self.tabs.setCurrentIndex(1)

    # -- edits -----------------------------------------------------------------------------------

    def push(self, command: QUndoCommand, select: Path | None = None) -> None:
        self._select_after = select if select is not None else self.current_path()
        self.undo.push(command)
        self._select_after = None

    def edit(self, path: Path, value: Any) -> None:
        """A field typed in or chosen: one undo command (merged while typing)."""
        self.push(SetField(self.doc, path, value))

    def _refused(self) -> bool:
        if self.locked:
            self.say(self.locked)
            return True
        return False

    def add_segment(self) -> None:
        if self._refused():
            return
        path = self.current_path()
        parts = self.doc.items(("parts",))
        if not parts:
            self.add_part()
            path = self.current_path()
        assert path is not None or parts
        if path is None:
            path = row_path(len(parts) - 1)
        p = int(path[1])
        at = int(path[3]) + 1 if len(path) >= 4 else len(parts[p].get("segments") or [])
        segment = {"title": translate("Editor", "New segment")}
        self.push(
            InsertItem(self.doc, ("parts", p, "segments"), at, segment),
            select=row_path(p, at),
        )
        self._focus_title()

    def add_part(self) -> None:
        if self._refused():
            return
        path = self.current_path()
        at = int(path[1]) + 1 if path is not None else len(self.doc.items(("parts",)))
        part = {"title": translate("Editor", "New part"), "budget": "10'"}
        self.push(InsertItem(self.doc, ("parts",), at, part), select=row_path(at))
        self._focus_title()

    def _focus_title(self) -> None:
        """After an add: the title is selected, ready to be typed over; the tree keeps the
        keyboard so that the next Insert works."""
        self.tabs.setCurrentIndex(1)

    def duplicate(self) -> None:
        path = self.current_path()
        if path is None or self._refused():
            return
        listing, i = path[:-1], int(path[-1])
        copied = copy.deepcopy(self.doc.get(path))
        self.push(
            InsertItem(self.doc, listing, i + 1, copied, translate("Editor", "Duplicate")),
            select=(*listing, i + 1),
        )

    def remove(self) -> None:
        path = self.current_path()
        if path is None or self._refused():
            return
        listing, i = path[:-1], int(path[-1])
        self.push(RemoveItem(self.doc, listing, i), select=(*listing, max(i - 1, 0)))

    def move_item(self, delta: int) -> None:
        """Alt+Up / Alt+Down: a part among parts; a segment within its part, and past its
        first or last row into the neighbouring part."""
        path = self.current_path()
        if path is None or self._refused():
            return
        parts = self.doc.items(("parts",))
        if len(path) == 2:
            p = int(path[1])
            if 0 <= p + delta < len(parts):
                self.push(MoveItem(self.doc, ("parts",), p, p + delta), select=row_path(p + delta))
            return
        p, s = int(path[1]), int(path[3])
        count = len(parts[p].get("segments") or [])
        if 0 <= s + delta < count:
            self.push(
                MoveItem(self.doc, ("parts", p, "segments"), s, s + delta),
                select=row_path(p, s + delta),
            )
        elif 0 <= p + delta < len(parts):
            other = p + delta
            at = len(parts[other].get("segments") or []) if delta < 0 else 0
            self._move_segment(path, other, at)

    def _move_segment(self, source: Path, part: int, at: int) -> None:
        """A segment into another part (or elsewhere in its own): one undo step."""
        p, s = int(source[1]), int(source[3])
        if part == p:
            to = at - 1 if at > s else at
            if to != s:
                self.push(
                    MoveItem(self.doc, ("parts", p, "segments"), s, to), select=row_path(p, to)
                )
            return
        segment = self.doc.get(source)
        self.undo.beginMacro(translate("Editor", "Move"))
        self.push(RemoveItem(self.doc, ("parts", p, "segments"), s))
        self.push(
            InsertItem(self.doc, ("parts", part, "segments"), at, segment),
            select=row_path(part, at),
        )
        self.undo.endMacro()

    def _move_to(self, source: Path, target: tuple[int | None, int]) -> None:
        """A drop: ``target`` is (part, row) for a segment, (None, row) for a part."""
        if self._refused():
            return
        part, row = target
        if part is None:
            p = int(source[1])
            to = row - 1 if row > p else row
            if to != p and 0 <= to < len(self.doc.items(("parts",))):
                self.push(MoveItem(self.doc, ("parts",), p, to), select=row_path(to))
            return
        self._move_segment(source, part, row)

    def _speaker_structure(self, what: str, index: int) -> None:
        path = self.current_path()
        if path is None:
            return
        listing = (*path, "speakers")
        people = self.doc.items(listing)
        editor = self.item_form.speakers
        if what == "add":
            at = index + 1 if index >= 0 else len(people)
            self.push(InsertItem(self.doc, listing, at, {"name": ""}))
            editor.load(self.doc, path, self.edit, select=at)
            editor.form.field("speaker_name").widget.setFocus()
        elif what == "remove" and 0 <= index < len(people):
            self.push(RemoveItem(self.doc, listing, index))
            editor.load(self.doc, path, self.edit, select=max(index - 1, 0))
        elif what in ("up", "down"):
            to = index + (-1 if what == "up" else 1)
            if 0 <= index < len(people) and 0 <= to < len(people):
                self.push(MoveItem(self.doc, listing, index, to))
                editor.load(self.doc, path, self.edit, select=to)

    # -- a live session ---------------------------------------------------------------------

    def _live_file(self) -> bool:
        c = self.controller
        if c is None or self.doc.path is None:
            return False
        try:
            return FilePath(c.loaded.source).resolve() == self.doc.path.resolve()
        except OSError:
            return False

    def _running(self) -> bool:
        if self.controller is None:
            return False
        from app.ui.session_files import session_running

        return session_running(self.controller)

    def update_lock(self, *_: object) -> None:
        """Grey out what would change the segments while the session runs this file."""
        running = self._live_file() and self._running()
        self.locked = (
            translate(
                "Editor",
                "The session is running: edits that keep every segment in place (durations, "
                "budgets, notes, speakers, thresholds, the session's times) are taken in at "
                "once; adding, removing, moving and renaming segments wait until it has ended.",
            )
            if running
            else ""
        )
        if not running and self._live_timer.isActive():
            self._live_timer.stop()
            self.apply_live()
        self._apply_lock()

    def _apply_lock(self) -> None:
        reason = self.locked
        self.lock_label.setText(reason)
        self.lock_label.setVisible(bool(reason))
        self.model.set_locked(reason)
        for action in self.structure_actions:
            action.setEnabled(not reason)
        self.item_form.field("item_title").lock(reason)

    def apply_live(self) -> bool:
        """Take the edited plan into the running session (one logged plan change)."""
        self._live_timer.stop()
        c = self.controller
        if c is None or not self._live_file() or not self._running():
            return False
        loaded = self.doc.loaded()
        if loaded is None:
            return False
        if not same_segments(c.plan, loaded.plan):
            self.say(self.locked)
            return False
        return c.replace_plan(loaded)

    # -- files ------------------------------------------------------------------------------

    def say(self, text: str, error: bool = False) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(
            ERROR_STYLE + " font-weight: bold;" if error else "font-weight: bold;"
        )
        self.banner.setVisible(bool(text))

    def _may_discard(self) -> bool:
        if not self.doc.modified or self._closing_confirmed:
            return True
        self._closing_confirmed = True
        self.say(
            translate(
                "Editor",
                "This running order has changes that are not saved: save them (Ctrl+S), or "
                "do the same again to discard them.",
            ),
            error=True,
        )
        return False

    def new_document(self) -> None:
        if self._may_discard():
            self._closing_confirmed = False
            self.set_document(EditorDocument(defaults=self.defaults))
            self.say("")
            self.tabs.setCurrentIndex(0)

    def new_from_template(self, path: FilePath) -> None:
        """A shipped running order as the start of a new, unsaved one (comments kept)."""
        if not self._may_discard():
            return
        self._closing_confirmed = False
        try:
            doc = EditorDocument.open_file(path, self.defaults)
        except RunningOrderError as exc:
            self.say(one_line(str(exc)), error=True)
            return
        doc.path, doc.saved_data = None, None
        self.set_document(doc)
        self.say("")

    def open_dialog(self) -> None:
        start = str(self.doc.path.parent) if self.doc.path else str(resources.sessions_dir())
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("Editor", "Open running order"),
            start,
            translate("Editor", "Running orders (*.toml *.json)"),
        )
        if path:
            self.open_path(FilePath(path))

    def open_path(self, path: FilePath) -> bool:
        if not self._may_discard():
            return False
        self._closing_confirmed = False
        try:
            doc = EditorDocument.open_file(path, self.defaults)
        except RunningOrderError as exc:
            self.say(one_line(str(exc)), error=True)
            return False
        self.set_document(doc)
        self.say("")
        return True

    def save(self) -> bool:
        """Ctrl+S: refused, with the reason, while the running order has an error."""
        if self.doc.path is None:
            return self.save_as_dialog()
        return self.save_to(self.doc.path)

    def save_as_dialog(self) -> bool:
        if self.refuse_save():
            return False
        start = self.suggested or self.doc.path or FilePath.home() / "running-order.toml"
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("Editor", "Save the running order"),
            str(start),
            translate("Editor", "Running orders (*.toml *.json)"),
        )
        return self.save_to(FilePath(path)) if path else False

    def refuse_save(self) -> bool:
        reason = self.doc.refusal(path_words())
        if reason is None:
            return False
        self.say(translate("Editor", "Not saved: {reason}").format(reason=reason), error=True)
        first = self.doc.checked.first()
        if first is not None:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, list(first[0]))
            self._error_clicked(item)
        return True

    def save_to(self, path: FilePath) -> bool:
        if self.refuse_save():
            return False
        try:
            self.doc.save(path)
        except FileWriteError as exc:
            self.say(one_line(str(exc)), error=True)
            return False
        self.undo.setClean()
        self._closing_confirmed = False
        self.update_lock()
        self.say(translate("Editor", "Saved to {path}").format(path=path))
        self.saved.emit(path)
        return True

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("Editor", "Import programme"),
            str(self.doc.path.parent if self.doc.path else FilePath.home()),
            translate("Editor", "Programmes (*.txt *.csv *.xml);;All files (*)"),
        )
        if path:
            self.import_path(FilePath(path))

    def import_path(self, source: FilePath) -> bool:
        """Run the importers on ``source``; the result opens here, unsaved."""
        if not self._may_discard():
            return False
        self._closing_confirmed = False
        from app.importers import ChoiceNeeded, ImportFailure, import_file

        try:
            result = import_file(source)
        except ChoiceNeeded as exc:
            self.say(
                translate(
                    "Editor",
                    "{problem}. Choose one with: timekeeper import FILE --day … --room … "
                    "(choices: {choices})",
                ).format(problem=one_line(str(exc)).rstrip("."), choices=", ".join(exc.choices)),
                error=True,
            )
            return False
        except ImportFailure as exc:
            self.say(one_line(str(exc)), error=True)
            return False
        self.show_import(result, source)
        return True

    def show_import(self, result: ImportResult, source: FilePath) -> None:
        from app.ui.editor.import_notes import place_notes

        doc = EditorDocument.from_text(result.toml_text, self.defaults)
        self.set_document(doc)
        self.suggested = source.with_suffix(".toml")
        tags = (translate("Editor", "guessed"), translate("Editor", "left out"))
        rows, rest = place_notes(doc.data, source, result, tags)
        self.model.set_notes(rows)
        self.import_notes = rest
        self.notes_list.clear()
        self.notes_list.addItems(rest)
        self.notes_list.setVisible(bool(rest))
        self.say(
            translate(
                "Editor",
                "Imported from {name}, not saved yet: check the rows marked with an (i) "
                "(their tooltip says what was guessed), then save.",
            ).format(name=source.name)
        )

    # -- files dropped --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_or_import(FilePath(url.toLocalFile()))
                event.acceptProposedAction()
                return

    def open_or_import(self, path: FilePath) -> bool:
        if path.suffix.lower() in (".toml", ".json"):
            return self.open_path(path)
        return self.import_path(path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._may_discard():
            event.ignore()
            return
        if self._live_timer.isActive():
            self.apply_live()
        event.accept()


def open_editor(
    path: FilePath | None = None,
    *,
    controller: LiveController | None = None,
    defaults: Thresholds | None = None,
    parent: QWidget | None = None,
) -> EditorWindow:
    """An editor window on ``path`` (a new running order when None), shown."""
    window = EditorWindow(controller=controller, defaults=defaults, parent=parent)
    if path is not None:
        window.open_path(path)
    window.show()
    return window
