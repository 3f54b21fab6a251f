"""The running order as a tree: parts with their budget, segments with their timings.

A part row shows its budget and what is left of it; a segment row shows its planned clock
time, its planned duration (after catch-up and added minutes), its actual duration and its
state in words. Double-clicking a segment asks the window to go there. Item texts are plain
text in Qt's item views, so titles from the file are shown as written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from app.engine.display import Phase, signed_span
from app.engine.snapshot import RowState, Snapshot
from app.model.plan import Plan
from app.ui.formatting import late_text, left_span, planned_span, span
from app.ui.theme import DARK, Theme, phase_word
from app.ui.widgets import plain_tooltip

translate = QCoreApplication.translate

COL_TITLE, COL_AT, COL_PLANNED, COL_ACTUAL, COL_STATE = range(5)
SEGMENT_ROLE = Qt.ItemDataRole.UserRole + 1


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights that fit the whole title at the column's current width.

    Qt's own size hint wraps at a guessed width and then elides what does not fit; a long
    testimony title must be read whole, so the height is measured at the real width.
    """

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree
        # Qt asks for size hints far more often than titles or widths change (each second,
        # for the rows whose figures changed): the whole hint is remembered, styled measure
        # included, until the theme changes (``forget``).
        self._sizes: dict[tuple[str, int, str, int], QSize] = {}

    def forget(self) -> None:
        self._sizes.clear()

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.column() != COL_TITLE:
            return super().sizeHint(option, index)
        depth = 0 if not index.parent().isValid() else 1
        width = max(40, self._tree.columnWidth(COL_TITLE) - depth * self._tree.indentation() - 14)
        data = index.data(Qt.ItemDataRole.FontRole)
        font = data if isinstance(data, QFont) else option.font
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        key = (text, width, font.key(), option.state.value)
        found = self._sizes.get(key)
        if found is None:
            size = super().sizeHint(option, index)
            rect = QFontMetrics(font).boundingRect(
                QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
            )
            height = rect.height() + 6
            if len(self._sizes) > 4096:
                self._sizes.clear()
            found = self._sizes[key] = QSize(size.width(), max(size.height(), height))
        return QSize(found)


class RunningOrderTree(QTreeWidget):
    """Renders the rows of a Snapshot; emits ``goto_requested(index)`` on double-click."""

    goto_requested = Signal(int)

    def __init__(self, clock_of: Callable[[float], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock_of = clock_of  # session time -> "HH:MM"
        self._theme = DARK
        self.setColumnCount(5)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        # The clicker's keys must reach the window's shortcuts, never move a tree cursor.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths measured on the widest figure and word (``_fit_columns``): resizing to
        # contents would measure every row again at each changed second.
        for col in (COL_AT, COL_PLANNED, COL_ACTUAL, COL_STATE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        # Only the titles wrap: the figure columns keep Qt's own delegate, so that measuring
        # a row again (each changed second) does not call into Python for every column.
        self._titles = _WrappingDelegate(self)
        self.setItemDelegateForColumn(COL_TITLE, self._titles)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.doItemsLayout)
        header.sectionResized.connect(lambda *_: self._relayout.start())
        self.part_items: list[QTreeWidgetItem] = []
        self.segment_items: list[QTreeWidgetItem] = []
        self._last_current = -1
        # What each row shows was drawn from these inputs: a row whose inputs are unchanged
        # is not rendered again (each second, only the current segment and its part change).
        self._row_keys: dict[tuple[str, int], tuple[object, ...]] = {}
        self._keys_plan: Plan | None = None
        self.itemDoubleClicked.connect(self._on_double_click)
        self.retranslate()

    def retranslate(self) -> None:
        self._row_keys.clear()
        self.setHeaderLabels(
            [
                translate("RunningOrder", "Running order"),
                translate("RunningOrder", "At"),
                translate("RunningOrder", "Planned"),
                translate("RunningOrder", "Actual"),
                translate("RunningOrder", "State"),
            ]
        )
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each figure column as wide as the widest thing it can show in this language."""
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        header = self.headerItem()
        samples = {
            COL_AT: ["00:00"],
            COL_PLANNED: ["↓ 00:00", "0:00:00"],
            COL_ACTUAL: ["0:00:00"],
            COL_STATE: [
                translate("RunningOrder", "{t} left").format(t="00:00"),
                translate("RunningOrder", "over by {t}").format(t="00:00"),
                translate("RunningOrder", "done · countdown {t}").format(t="+00:00"),
                "❚❚ " + translate("RunningOrder", "paused"),
                *("▶ " + phase_word(p) for p in Phase),
            ],
        }
        for col, texts in samples.items():
            texts.append(header.text(col))
            width = max(metrics.horizontalAdvance(t) for t in texts)
            self.setColumnWidth(col, width + 14)

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._titles.forget()
        self._last_current = -1
        self._row_keys.clear()

    # -- building ---------------------------------------------------------------------------

    def set_plan(self, plan: Plan) -> None:
        """Rebuild the rows for a (new) plan; figures are filled by ``show_snapshot``."""
        self.clear()
        self._row_keys.clear()
        self.part_items, self.segment_items = [], []
        bold = QFont(self.font())
        bold.setBold(True)
        for part in plan.parts:
            part_item = QTreeWidgetItem(self)
            part_item.setText(COL_TITLE, part.title)
            part_item.setToolTip(COL_TITLE, plain_tooltip(part.title))
            part_item.setFirstColumnSpanned(False)
            for col in range(5):
                part_item.setFont(col, bold)
            part_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for col in (COL_AT, COL_PLANNED, COL_ACTUAL, COL_STATE):
                part_item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight)
            self.part_items.append(part_item)
            for index in part.segment_indices:
                seg = plan.segments[index]
                item = QTreeWidgetItem(part_item)
                names = ", ".join(p.name for p in seg.speakers)
                # A part of one segment repeats its title; the speakers say more.
                title = seg.title if seg.title != part.title or not names else names
                if names and title != names:
                    title = f"{seg.title}\n{names}"
                item.setText(COL_TITLE, title)
                item.setToolTip(COL_TITLE, plain_tooltip(title))
                item.setData(COL_TITLE, SEGMENT_ROLE, index)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                for col in (COL_AT, COL_PLANNED, COL_ACTUAL, COL_STATE):
                    item.setTextAlignment(
                        col, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
                    )
                self.segment_items.append(item)
        self.expandAll()
        self._last_current = -1

    def dataChanged(  # noqa: N802 (Qt's name)
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """A figure changed: repaint its cell without measuring its row again.

        QTreeView measures the whole row again on every change (each column's size hint)
        in case its height changed; each second the current segment's and part's figures
        change. A figure column is one line in a fixed width, so it never sets a row's
        height (the wrapped title does): only a change touching the title is measured.
        """
        if (
            top_left.row() == bottom_right.row()
            and top_left.parent() == bottom_right.parent()
            and min(top_left.column(), bottom_right.column()) > COL_TITLE
        ):
            QAbstractItemView.dataChanged(self, top_left, bottom_right, roles)
        else:
            super().dataChanged(top_left, bottom_right, roles)

    def _on_double_click(self, item: QTreeWidgetItem, column: int) -> None:
        index = item.data(COL_TITLE, SEGMENT_ROLE)
        if isinstance(index, int):
            self.goto_requested.emit(index)

    # -- figures ----------------------------------------------------------------------------

    def show_snapshot(self, snap: Snapshot) -> None:
        if len(self.segment_items) != len(snap.plan.segments):
            self.set_plan(snap.plan)
        if snap.plan is not self._keys_plan:  # an edited plan: every row again
            self._row_keys.clear()
            self._keys_plan = snap.plan
        keys = self._row_keys
        for part in snap.plan.parts:
            # The part's Actual is clock time held, as a segment's is; left/over is its
            # budget against the countdown time used (Snapshot's figures, ARCHITECTURE.md §6).
            left = snap.part_left_of(part.index)
            over_budget = snap.part_over_of(part.index)
            held = snap.part_actual_of(part.index)
            shown_left = span(-left) if over_budget else left_span(left)
            key: tuple[object, ...] = (
                snap.planned_start_of(part.first),
                part.budget_s,
                span(held) if held > 0 else "",
                over_budget,
                shown_left,
            )
            if keys.get(("part", part.index)) == key:
                continue
            keys["part", part.index] = key
            item = self.part_items[part.index]
            _set(item, COL_AT, self._clock_of(snap.planned_start_of(part.first)))
            _set(item, COL_PLANNED, planned_span(part.budget_s))
            _set(item, COL_ACTUAL, span(held) if held > 0 else "")
            if over_budget:
                text = translate("RunningOrder", "over by {t}").format(t=shown_left)
            else:
                text = translate("RunningOrder", "{t} left").format(t=shown_left)
            _set(item, COL_STATE, text)
            red = self._theme.countdown[Phase.OVERTIME]
            over = QBrush(QColor(red)) if over_budget else QBrush()
            item.setForeground(COL_STATE, over)
        for index, item in enumerate(self.segment_items):
            key = self._segment_key(snap, index)
            if keys.get(("segment", index)) == key:
                continue
            keys["segment", index] = key
            self._render_segment(snap, index, item)
        if snap.current != self._last_current:
            self._highlight(snap.current)
            self.scrollToItem(self.segment_items[snap.current])

    @staticmethod
    def _segment_key(snap: Snapshot, index: int) -> tuple[object, ...]:
        """Everything ``_render_segment`` reads, as shown (whole seconds, words' inputs)."""
        state = snap.row_state(index)
        planned = snap.planned_of(index)
        actual = snap.actual_of(index)
        return (
            snap.planned_start_of(index),
            planned,
            snap.plan.segments[index].planned_s,
            state,
            span(actual) if state is not RowState.UPCOMING or actual else "",
            _past_countdown(snap, index),
            _done_figures(snap, index) if state is RowState.DONE else None,
            (snap.status, snap.phase) if state is RowState.CURRENT else None,
        )

    def _render_segment(self, snap: Snapshot, index: int, item: QTreeWidgetItem) -> None:
        seg = snap.plan.segments[index]
        _set(item, COL_AT, self._clock_of(snap.planned_start_of(index)))
        planned = snap.planned_of(index)
        planned_text = planned_span(planned)
        if planned != seg.planned_s:  # catch-up or minutes added: an arrow says which way
            planned_text = ("↓ " if planned < seg.planned_s else "↑ ") + planned_text
            item.setToolTip(
                COL_PLANNED,
                translate("RunningOrder", "planned {old}, now {new}").format(
                    old=planned_span(seg.planned_s), new=planned_span(planned)
                ),
            )
        else:
            item.setToolTip(COL_PLANNED, "")
        _set(item, COL_PLANNED, planned_text)
        state = snap.row_state(index)
        actual = snap.actual_of(index)
        _set(item, COL_ACTUAL, span(actual) if state is not RowState.UPCOMING or actual else "")
        over = _past_countdown(snap, index)
        if state is RowState.CURRENT:
            if snap.running or snap.paused:
                text = "▶ " + phase_word(snap.phase)
                if snap.paused:
                    text = "❚❚ " + translate("RunningOrder", "paused")
            else:
                text = "▶ " + translate("RunningOrder", "next")
        elif state is RowState.DONE:
            text = translate("RunningOrder", "done")
            over_countdown, _, _, _ = _done_figures(snap, index)
            if over_countdown > 0:
                # Short enough for the column; the tooltip names every figure in full.
                text = translate("RunningOrder", "done · countdown {t}").format(
                    t=signed_span(over_countdown)
                )
        elif state is RowState.SKIPPED:
            text = translate("RunningOrder", "skipped")
        else:
            text = translate("RunningOrder", "to come")
        _set(item, COL_STATE, text)
        tip = plain_tooltip(_figures_tip(snap, index)) if state is RowState.DONE else ""
        if item.toolTip(COL_STATE) != tip:
            item.setToolTip(COL_STATE, tip)
        red = QBrush(QColor(self._theme.countdown[Phase.OVERTIME]))
        item.setForeground(COL_ACTUAL, red if over else QBrush())

    def _highlight(self, current: int) -> None:
        self._last_current = current
        bold = QFont(self.font())
        bold.setBold(True)
        normal = QFont(self.font())
        background = QBrush(QColor(self._theme.current_row))
        for index, item in enumerate(self.segment_items):
            is_current = index == current
            for col in range(5):
                item.setFont(col, bold if is_current else normal)
                item.setBackground(col, background if is_current else QBrush())


def _set(item: QTreeWidgetItem, column: int, text: str) -> None:
    """Only touch the item when its text changes: a repaint a second stays cheap."""
    if item.text(column) != text:
        item.setText(column, text)


def _past_countdown(snap: Snapshot, index: int) -> bool:
    """Its countdown ran out (the Actual figure turns red): over the countdown, past zero."""
    over = snap.over_countdown_of(index)
    return over is not None and over > 0


def _done_figures(snap: Snapshot, index: int) -> tuple[int, int, int, int | None]:
    """A finished segment's figures as shown, in whole seconds (the engine's definitions):
    over the countdown, longer than planned, time lost to pauses, start delay."""
    over, longer = snap.over_countdown_of(index), snap.longer_than_planned_of(index)
    assert over is not None and longer is not None  # a finished segment ran
    delay = snap.start_delay_of(index)
    return (
        round(over),
        round(longer),
        round(snap.paused_of(index)),
        None if delay is None else round(delay),
    )


def _figures_tip(snap: Snapshot, index: int) -> str:
    """Every figure of a finished segment, in the words the report uses."""
    over, longer, paused, delay = _done_figures(snap, index)
    lines = [
        translate("RunningOrder", "Over the countdown: {t}").format(t=signed_span(over)),
        translate("RunningOrder", "Longer than planned: {t}").format(t=signed_span(longer)),
        translate("RunningOrder", "Pauses: {t}").format(t=span(paused)),
    ]
    if delay is not None:
        lines.append(translate("RunningOrder", "Start: {t}").format(t=late_text(delay, exact=True)))
    return "\n".join(lines)
