"""The forms: the session's fields, and a part's or a segment's, with its speakers.

Each field edits one path of the document's data through the window's ``edit`` callback (an
undo command); it shows the data again after an undo, and the check's error for its path
right under it, in words. Text fields keep Ctrl+Z and Ctrl+Shift+Z for the window's undo
stack, so one key undoes every kind of edit the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.model.durations import format_duration
from app.model.schema import EndAction, SegmentKind
from app.ui.editor.document import EditorDocument
from app.ui.editor.tree import kind_label, shown
from app.ui.editor.validation import Path

translate = QCoreApplication.translate

Edit = Callable[[Path, Any], None]
ERROR_STYLE = "color: #b00020;"


def _is_undo_key(event: QEvent) -> bool:
    if not isinstance(event, QKeyEvent):
        return False
    return bool(
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or (
            event.key() == Qt.Key.Key_Z
            and event.modifiers()
            == (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        )
    )


class _UndoToWindow(QObject):
    """Leaves Ctrl+Z / Ctrl+Shift+Z to the window's shortcuts (its undo stack)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):
            event.ignore()
            return True
        if event.type() == QEvent.Type.KeyPress and _is_undo_key(event):
            event.ignore()
            return True
        return False


class Field(QObject):
    """One editable value at ``key`` (relative to the form's item) with its error label."""

    def __init__(
        self,
        widget: QLineEdit | QPlainTextEdit | QComboBox,
        key: Path,
        *,
        optional: bool = True,
        default: Any = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.widget, self.key, self.optional, self.default = widget, key, optional, default
        self.holder_widget: QWidget | None = None
        self.base: Path = ()
        self.edit: Edit | None = None
        self.doc: EditorDocument | None = None
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self._filter = _UndoToWindow(self)
        self._loading = False
        widget.installEventFilter(self._filter)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._typed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(lambda: self._typed(widget.toPlainText()))
        else:
            widget.activated.connect(lambda i: self._chosen(widget.itemData(i)))

    @property
    def path(self) -> Path:
        return self.base + self.key

    def holder(self) -> QWidget:
        box = self.holder_widget = QWidget()
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.widget)
        layout.addWidget(self.error)
        return box

    def _typed(self, text: str) -> None:
        if self._loading or self.doc is None or self.edit is None:
            return
        current = self.doc.get(self.path)
        if shown(current) == text:
            return  # an int or a TOML time shown as text: unchanged, kept as written
        self.edit(self.path, None if (self.optional and not text.strip()) else text)

    def _chosen(self, value: Any) -> None:
        if self._loading or self.doc is None or self.edit is None:
            return
        if self.doc.get(self.path) != value:
            self.edit(self.path, value)

    def load(self, doc: EditorDocument, base: Path, edit: Edit) -> None:
        self.doc, self.base, self.edit = doc, base, edit
        value = doc.get(self.path)
        self._loading = True
        try:
            w = self.widget
            if isinstance(w, QLineEdit):
                if w.text() != shown(value):
                    w.setText(shown(value))
                    if not w.hasFocus():
                        w.setCursorPosition(0)  # a long title shows its beginning
            elif isinstance(w, QPlainTextEdit):
                if w.toPlainText() != shown(value):
                    w.setPlainText(shown(value))
            else:
                i = w.findData(value)
                w.setCurrentIndex(i if i >= 0 else max(w.findData(self.default), 0))
        finally:
            self._loading = False
        message = doc.checked.errors.get(self.path)
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.widget.setProperty("error", bool(message))
        self.widget.setToolTip(message or "")

    def lock(self, reason: str) -> None:
        """Greyed out with ``reason`` as its tooltip ("" unlocks it)."""
        self.widget.setEnabled(not reason)
        if reason:
            self.widget.setToolTip(reason)


def line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    return edit


def notes(name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(70)
    return edit


def combo(name: str, choices: list[tuple[str, Any]]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for label, value in choices:
        box.addItem(label, value)
    return box


class Form(QWidget):
    """A column of fields over one item of the data (``base``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: list[Field] = []
        self.labels: dict[str, QLabel] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.base: Path = ()

    def add(self, name: str, field: Field) -> Field:
        label = QLabel()
        label.setBuddy(field.widget)
        self.labels[name] = label
        self.layout_.addRow(label, field.holder())
        self.fields.append(field)
        return field

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.widget.objectName() == name)

    def load(self, doc: EditorDocument, base: Path, edit: Edit) -> None:
        self.base = base
        for field in self.fields:
            field.load(doc, base, edit)


def kind_choices(with_none: bool) -> list[tuple[str, Any]]:
    none = [(translate("Editor", "— (from its segments)"), None)] if with_none else []
    return none + [(kind_label(k.value), k.value) for k in SegmentKind]


def end_choices(with_none: bool) -> list[tuple[str, Any]]:
    choices: list[tuple[str, Any]] = [
        (translate("Editor", "stay and count the overtime"), None),
        (translate("Editor", "go to the next segment and run it"), EndAction.NEXT.value),
        (
            translate("Editor", "load the next segment and wait for the moderator"),
            EndAction.LOAD_NEXT.value,
        ),
    ]
    if not with_none:
        choices.insert(1, (translate("Editor", "stay (written in the file)"), "hold"))
    return choices


def timer_choices() -> list[tuple[str, Any]]:
    return [
        (translate("Editor", "count down (the default)"), None),
        (translate("Editor", "count up: elapsed time, no limit"), "countup"),
        (translate("Editor", "clock: the time of day"), "clock"),
    ]


def anchor_choices() -> list[tuple[str, Any]]:
    return [
        (translate("Editor", "automatic (as printed on the day, near the hour)"), None),
        (translate("Editor", "as printed (absolute)"), "absolute"),
        (translate("Editor", "from the actual start (relative)"), "relative"),
    ]


def roll_choices() -> list[tuple[str, Any]]:
    return [
        (translate("Editor", "off: the moderator moves on"), None),
        (translate("Editor", "on: start and move on at the planned clock times"), True),
    ]


def cue_choices() -> list[tuple[str, Any]]:
    return [
        (translate("Editor", "as in the settings"), None),
        (translate("Editor", "on for this session"), True),
        (translate("Editor", "off for this session"), False),
    ]


def refill(box: QLineEdit | QPlainTextEdit | QComboBox, choices: list[tuple[str, Any]]) -> None:
    """A combo box's entries again in the language now in force, its choice kept."""
    assert isinstance(box, QComboBox)
    box.blockSignals(True)
    current = box.currentData()
    box.clear()
    for label, value in choices:
        box.addItem(label, value)
    box.setCurrentIndex(max(box.findData(current), 0))
    box.blockSignals(False)


class SessionForm(Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add("title", Field(line("session_title"), ("title",), optional=False))
        self.add("event", Field(line("session_event"), ("event",)))
        self.add("date", Field(line("session_date"), ("date",)))
        self.add("start", Field(line("session_start"), ("start",), optional=False))
        self.add("hard_end", Field(line("session_hard_end"), ("hard_end",)))
        self.add("timezone", Field(line("session_timezone"), ("timezone",)))
        self.add(
            "language",
            Field(
                combo("session_language", [("Français", "fr"), ("English", "en")]), ("language",)
            ),
        )
        self.add("venue", Field(line("session_venue"), ("venue",)))
        self.add("room", Field(line("session_room"), ("room",)))
        self.add("warning", Field(line("session_warning"), ("thresholds", "warning")))
        self.add("final", Field(line("session_final"), ("thresholds", "final")))
        self.add("anchor", Field(combo("session_anchor", anchor_choices()), ("anchor",)))
        self.add("roll", Field(combo("session_roll", roll_choices()), ("roll",)))
        self.add("cues", Field(combo("session_cues", cue_choices()), ("cues",)))
        for name, example in (("session_date", "2020-09-22"), ("session_start", "16:00")):
            widget = self.field(name).widget
            if isinstance(widget, QLineEdit):
                widget.setPlaceholderText(example)

    def retranslate(self) -> None:
        names = {
            "title": translate("Editor", "&Title"),
            "event": translate("Editor", "&Event"),
            "date": translate("Editor", "&Date"),
            "start": translate("Editor", "&Start"),
            "hard_end": translate("Editor", "&Hard end"),
            "timezone": translate("Editor", "Time &zone"),
            "language": translate("Editor", "&Language"),
            "venue": translate("Editor", "&Venue"),
            "room": translate("Editor", "&Room"),
            "warning": translate("Editor", "&Warning phase at"),
            "final": translate("Editor", "&Final phase at"),
            "anchor": translate("Editor", "Clock &times"),
            "roll": translate("Editor", "Ro&ll mode"),
            "cues": translate("Editor", "Sound &cues"),
        }
        for key, text in names.items():
            self.labels[key].setText(text)
        for name, choices in (
            ("session_anchor", anchor_choices()),
            ("session_roll", roll_choices()),
            ("session_cues", cue_choices()),
        ):
            refill(self.field(name).widget, choices)


class SpeakersEditor(QWidget):
    """A segment's speakers: a list to choose one, its fields, add / remove / up / down."""

    structure = Signal(str, int)  # ("add" | "remove" | "up" | "down", index)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("speakers")
        self.list.setFixedHeight(90)
        self.add_button = QPushButton()
        self.add_button.setObjectName("speaker_add")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("speaker_remove")
        self.up_button = QPushButton()
        self.up_button.setObjectName("speaker_up")
        self.down_button = QPushButton()
        self.down_button.setObjectName("speaker_down")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.form = Form()
        self.form.add("name", Field(line("speaker_name"), ("name",), optional=False))
        self.form.add("role", Field(line("speaker_role"), ("role",)))
        self.form.add("organisation", Field(line("speaker_organisation"), ("organisation",)))
        self.form.add("note", Field(line("speaker_note"), ("note",)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.form)
        self.add_button.clicked.connect(lambda: self.structure.emit("add", self.current()))
        self.remove_button.clicked.connect(lambda: self.structure.emit("remove", self.current()))
        self.up_button.clicked.connect(lambda: self.structure.emit("up", self.current()))
        self.down_button.clicked.connect(lambda: self.structure.emit("down", self.current()))
        self.list.currentRowChanged.connect(lambda _: self._reload())
        self._doc: EditorDocument | None = None
        self._base: Path = ()
        self._edit: Edit | None = None

    def current(self) -> int:
        return self.list.currentRow()

    def retranslate(self) -> None:
        self.add_button.setText(translate("Editor", "Add speaker"))
        self.remove_button.setText(translate("Editor", "Remove"))
        self.up_button.setText(translate("Editor", "Up"))
        self.down_button.setText(translate("Editor", "Down"))
        self.form.labels["name"].setText(translate("Editor", "&Name"))
        self.form.labels["role"].setText(translate("Editor", "R&ole"))
        self.form.labels["organisation"].setText(translate("Editor", "Or&ganisation"))
        self.form.labels["note"].setText(translate("Editor", "Note"))

    def load(self, doc: EditorDocument, base: Path, edit: Edit, select: int | None = None) -> None:
        self._doc, self._base, self._edit = doc, base, edit
        people = doc.items((*base, "speakers"))
        row = self.list.currentRow() if select is None else select
        labels = [
            ", ".join(str(p.get(k)) for k in ("name", "role", "organisation") if p.get(k)) or "…"
            for p in people
            if isinstance(p, dict)
        ]
        self.list.blockSignals(True)
        if [self.list.item(i).text() for i in range(self.list.count())] != labels:
            self.list.clear()
            self.list.addItems(labels)
        self.list.setCurrentRow(min(max(row, 0), len(labels) - 1) if labels else -1)
        self.list.blockSignals(False)
        self._reload()

    def _reload(self) -> None:
        if self._doc is None or self._edit is None:
            return
        row = self.list.currentRow()
        has = row >= 0
        self.form.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(has and row < self.list.count() - 1)
        if has:
            self.form.load(self._doc, (*self._base, "speakers", row), self._edit)
        else:
            for field in self.form.fields:
                field.doc = None
                if isinstance(field.widget, QLineEdit):
                    field.widget.clear()
                field.error.hide()


class ItemForm(Form):
    """A part's fields or a segment's. A part written without segments is the one segment it
    stands for: it has a kind, speakers, thresholds and an end action too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: bold;")
        self.layout_.addRow(self.heading)
        self.add("title", Field(line("item_title"), ("title",), optional=False))
        self.kind_field = self.add(
            "kind", Field(combo("item_kind", kind_choices(False)), ("kind",))
        )
        self.add("duration", Field(line("item_duration"), ("duration",)))
        self.add("notes", Field(notes("item_notes"), ("notes",)))
        self.add("end_action", Field(combo("item_end_action", end_choices(False)), ("end_action",)))
        self.add("timer", Field(combo("item_timer", timer_choices()), ("timer",)))
        self.add("ends_at", Field(line("item_ends_at"), ("ends_at",)))
        self.add("warning", Field(line("item_warning"), ("thresholds", "warning")))
        self.add("final", Field(line("item_final"), ("thresholds", "final")))
        self.speakers = SpeakersEditor()
        self.speakers_label = QLabel()
        self.layout_.addRow(self.speakers_label, self.speakers)
        self.item_error = QLabel()
        self.item_error.setObjectName("item_error")
        self.item_error.setTextFormat(Qt.TextFormat.PlainText)
        self.item_error.setWordWrap(True)
        self.item_error.setStyleSheet(ERROR_STYLE)
        self.layout_.addRow(self.item_error)
        self.is_part = False

    def retranslate(self) -> None:
        self.labels["title"].setText(translate("Editor", "&Title"))
        self.labels["kind"].setText(translate("Editor", "&Kind"))
        self.labels["duration"].setText(
            translate("Editor", "&Budget") if self.is_part else translate("Editor", "&Duration")
        )
        self.labels["notes"].setText(translate("Editor", "N&otes for the moderator"))
        self.labels["end_action"].setText(translate("Editor", "At the &end"))
        self.labels["timer"].setText(translate("Editor", "T&imer"))
        self.labels["ends_at"].setText(translate("Editor", "Ends &at (clock time)"))
        refill(self.field("item_timer").widget, timer_choices())
        self.labels["warning"].setText(translate("Editor", "&Warning phase at"))
        self.labels["final"].setText(translate("Editor", "&Final phase at"))
        self.speakers_label.setText(translate("Editor", "Speakers"))
        self.speakers.retranslate()
        self.field("item_duration").widget.setWhatsThis(self.duration_hint())
        kind = self.field("item_kind").widget
        end = self.field("item_end_action").widget
        assert isinstance(kind, QComboBox) and isinstance(end, QComboBox)
        for box, choices in (
            (kind, kind_choices(self.is_part)),
            (end, end_choices(self.is_part)),
        ):
            box.blockSignals(True)
            current = box.currentData()
            box.clear()
            for label, value in choices:
                box.addItem(label, value)
            box.setCurrentIndex(max(box.findData(current), 0))
            box.blockSignals(False)

    def duration_hint(self) -> str:
        return (
            translate(
                "Editor",
                "Any form of a programme: 10', 8'20\", 10 min, 1h30, 90s, 00:10:00. "
                "Empty: a share of what the part's budget leaves.",
            )
            if not self.is_part
            else translate(
                "Editor", "Shared by the segments inside the part that have no duration."
            )
        )

    def _placeholder(self, doc: EditorDocument, base: Path) -> None:
        """An empty duration says what the segment gets: its share, read from the plan."""
        widget = self.field("item_duration").widget
        assert isinstance(widget, QLineEdit)
        plan = doc.checked.plan
        text = ""
        if not self.is_part and plan is not None and int(base[1]) < len(plan.parts):
            i = plan.parts[int(base[1])].first + int(base[3])
            if i < len(plan.segments):
                seg = plan.segments[i]
                text = (
                    translate("Editor", "{planned}: a share of what the part's budget leaves")
                    if seg.ends_at is None
                    else translate("Editor", "{planned}: from its planned start to its fixed end")
                )
                text = text.format(planned=format_duration(seg.planned_s))
        widget.setPlaceholderText(text)
        message = doc.checked.errors.get(self.field("item_duration").path)
        widget.setToolTip(message or self.duration_hint())

    def load(self, doc: EditorDocument, base: Path, edit: Edit) -> None:
        is_part = len(base) == 2
        if is_part != self.is_part:
            self.is_part = is_part
            self.field("item_duration").key = ("budget",) if is_part else ("duration",)
            self.retranslate()
        self.kind_field.default = None if is_part else "talk"
        super().load(doc, base, edit)
        self._placeholder(doc, base)
        item = doc.get(base, {})
        single = is_part and not item.get("segments")
        for name in (
            "item_kind",
            "item_end_action",
            "item_timer",
            "item_ends_at",
            "item_warning",
            "item_final",
        ):
            row_visible = not is_part or single
            holder = self.field(name).holder_widget
            assert holder is not None
            self.layout_.setRowVisible(holder, row_visible)
        self.speakers.setVisible(not is_part or single)
        self.speakers_label.setVisible(not is_part or single)
        if not is_part or single:
            self.speakers.load(doc, base, edit)
        if is_part:
            count = len(item.get("segments") or [])
            self.heading.setText(
                translate("Editor", "Part {n}").format(n=int(base[1]) + 1)
                + (
                    translate("Editor", " — {count} segment(s)").format(count=count)
                    if count
                    else translate("Editor", " — one segment on its own")
                )
            )
        else:
            self.heading.setText(
                translate("Editor", "Segment {s} of part {p}").format(
                    s=int(base[3]) + 1, p=int(base[1]) + 1
                )
            )
        shown_at = {f.path for f in self.fields}
        if self.speakers.isVisible() and self.speakers.current() >= 0:
            shown_at |= {f.path for f in self.speakers.form.fields}
        own = [
            message
            for p, message in doc.checked.errors.items()
            if p[: len(base)] == base
            and p not in shown_at
            and not (is_part and len(p) > 2 and p[2] == "segments")
        ]
        self.item_error.setText("\n".join(own))
        self.item_error.setVisible(bool(own))
