"""The running order being edited: its data, its file, its check, and the primitive edits.

The data is the file's shape in plain Python (``keep.plain`` of what tomlkit read, or of an
import, or of a template). Every edit is one of four primitives — set a field, insert an item
in a list, remove one, move one — each undone by another (``commands`` wraps them in
QUndoCommands). After each, the data is checked again (``validation.Checker``: the same model
and resolution as a file on disk) and ``changed`` tells the views.
"""

from __future__ import annotations

import copy
import hashlib
import json
import tomllib
from pathlib import Path as FilePath
from typing import Any

from PySide6.QtCore import QObject, Signal
from tomlkit.exceptions import TOMLKitError
from tomlkit.toml_document import TOMLDocument

from app.files import timing_log_kind, write_atomic
from app.inputs import InputError, read_bounded
from app.model.errors import RunningOrderError
from app.model.loader import MAX_FILE_BYTES, LoadedRunningOrder, parse_running_order
from app.model.schema import Thresholds
from app.ui.editor import keep
from app.ui.editor.validation import Checked, Checker, Path, describe_path

EMPTY: dict[str, Any] = {
    "format": 1,
    "session": {"title": "", "start": "09:00"},
    "parts": [],
}


class EditorDocument(QObject):
    """One running order in the editor. ``path`` is None until it is saved somewhere."""

    changed = Signal(bool)  # True when items were added, removed or moved (the tree's rows)
    checked_changed = Signal()  # after each check: clock times, budgets, errors
    path_changed = Signal()

    def __init__(
        self,
        data: dict[str, Any] | None = None,
        *,
        path: FilePath | None = None,
        original: TOMLDocument | None = None,
        defaults: Thresholds | None = None,
        unsaved: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data: dict[str, Any] = copy.deepcopy(EMPTY) if data is None else data
        self.path = path
        self.original = original  # the file as tomlkit read it (comments, layout)
        self.fmt = "json" if path is not None and path.suffix.lower() == ".json" else "toml"
        self.checker = Checker(defaults)
        self.last_edit: Path | None = None  # the field the last set_value changed
        self.checked: Checked = self.checker.check(self.data)
        # None: nothing on disk says this (an import, a template); else what was last saved.
        self.saved_data: dict[str, Any] | None = None if unsaved else copy.deepcopy(self.data)

    # -- opening --------------------------------------------------------------------------

    @classmethod
    def open_file(cls, path: FilePath, defaults: Thresholds | None = None) -> EditorDocument:
        """Read ``path`` (TOML or JSON); raises RunningOrderError with one sentence."""
        name = str(path)
        try:
            raw = read_bounded(path, limit=MAX_FILE_BYTES, what="a running order (.toml or .json)")
        except FileNotFoundError:
            raise RunningOrderError(name, "no such file") from None
        except InputError as exc:
            raise RunningOrderError(name, exc.problem) from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise RunningOrderError(name, "not valid UTF-8; save the file as UTF-8") from None
        if path.suffix.lower() == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise RunningOrderError(
                    name, f"not valid JSON: {exc.msg}", line=exc.lineno
                ) from None
            original = None
        else:
            try:
                tomllib.loads(text)  # the loader's own parser decides what is valid TOML
                original = keep.parse_document(text)
            except (tomllib.TOMLDecodeError, TOMLKitError, ValueError):
                parse_running_order(raw, name)  # raises the loader's one sentence
                raise RunningOrderError(name, "not valid TOML") from None
            data = keep.plain(original)
        if not isinstance(data, dict):
            raise RunningOrderError(name, "expected a table with [session] and [[parts]]")
        return cls(data, path=path, original=original, defaults=defaults)

    @classmethod
    def from_text(cls, text: str, defaults: Thresholds | None = None) -> EditorDocument:
        """An unsaved document from TOML text (an import, a template)."""
        original = keep.parse_document(text)
        return cls(keep.plain(original), original=original, defaults=defaults, unsaved=True)

    # -- state ----------------------------------------------------------------------------

    @property
    def modified(self) -> bool:
        return self.saved_data != self.data

    def check(self, structural: bool = False) -> None:
        self.checked = self.checker.check(self.data)
        self.changed.emit(structural)
        self.checked_changed.emit()

    def text(self) -> str:
        """The file's text for the data as it is now (what Save writes)."""
        if self.fmt == "json":
            return json.dumps(self.data, ensure_ascii=False, indent=2, default=str) + "\n"
        return keep.dumps(self.original, self.data)

    def loaded(self) -> LoadedRunningOrder | None:
        """The plan as a loaded file would be, for a live session (None if invalid)."""
        plan = self.checked.plan
        if plan is None:
            return None
        digest = hashlib.sha256(self.text().encode("utf-8")).hexdigest()
        return LoadedRunningOrder(plan=plan, source=str(self.path or ""), sha256=digest)

    def refusal(self, words: dict[str, str] | None = None) -> str | None:
        """Why Save refuses, in one sentence, or None (``words``: see describe_path)."""
        first = self.checked.first()
        if first is None:
            return None
        path, message = first
        where = describe_path(self.data, path, words)
        more = len(self.checked.errors) - 1
        tail = f" (and {more} more error(s))" if more > 0 else ""
        return f"{where}: {message}{tail}"

    def save(self, path: FilePath | None = None) -> None:
        """Write the file (atomically); raises FileWriteError. Never over a timing log."""
        target = path or self.path
        assert target is not None
        if path is not None and path != self.path:
            self.fmt = "json" if target.suffix.lower() == ".json" else "toml"
        text = self.text()
        try:  # the user's file keeps its permissions; a new one is private (names people)
            mode = target.stat().st_mode & 0o777
        except OSError:
            mode = 0o600
        # The save dialog asked before replacing: force, but never over a timing log.
        write_atomic(target, text.encode("utf-8"), force=True, keep=timing_log_kind, mode=mode)
        if self.fmt == "toml":
            self.original = keep.parse_document(text)
        if target != self.path:
            self.path = target
            self.path_changed.emit()
        self.saved_data = copy.deepcopy(self.data)
        self.checked_changed.emit()

    # -- reading the data -------------------------------------------------------------------

    def get(self, path: Path, default: Any = None) -> Any:
        node: Any = self.data
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    def items(self, path: Path) -> list[Any]:
        value = self.get(path)
        return value if isinstance(value, list) else []

    # -- the four primitive edits (each returns what undoes it) -------------------------------

    def set_value(self, path: Path, value: Any) -> Any:
        """Set the field at ``path`` (None removes it, and empty tables above it); returns the
        value it had (None when absent)."""
        *parents, key = path
        node: Any = self.data
        for step in parents:
            if isinstance(node, dict) and step not in node:
                if value is None:
                    return None
                node[step] = {}
            node = node[step]
        old = node.get(key) if isinstance(node, dict) else node[key]
        self.last_edit = path
        if value is None:
            if isinstance(node, dict):
                node.pop(key, None)
                self._prune(tuple(parents))
        else:
            node[key] = value
        self.check(structural=False)
        return copy.deepcopy(old)

    def _prune(self, path: Path) -> None:
        """Remove the empty tables a removed field leaves (thresholds = {})."""
        while path and self.get(path) == {}:
            parent = self.get(path[:-1])
            if isinstance(parent, dict):
                parent.pop(path[-1], None)
            path = path[:-1]

    def insert(self, path: Path, index: int, value: Any) -> None:
        """Insert ``value`` at ``index`` of the list at ``path`` (made if absent)."""
        self.last_edit = None
        *parents, key = path
        node: Any = self.get(tuple(parents))
        if key not in node:
            node[key] = []
        node[key].insert(index, copy.deepcopy(value))
        self.check(structural=True)

    def remove(self, path: Path, index: int) -> Any:
        """Remove and return item ``index`` of the list at ``path`` (the key goes with the last
        item: a part without segments is written without ``segments``)."""
        *parents, key = path
        node: Any = self.get(tuple(parents))
        value = node[key].pop(index)
        if not node[key] and key != "parts":
            del node[key]
        self.check(structural=True)
        return value

    def move(self, path: Path, index: int, to: int) -> None:
        items = self.items(path)
        items.insert(to, items.pop(index))
        self.check(structural=True)
