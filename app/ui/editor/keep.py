"""Saving keeps the user's file: the edited data merged into the file as tomlkit read it.

A running order written by hand has comments, a key order and a layout of its own. The editor
edits plain data; on save, that data is merged into the tomlkit document of the file as it
was opened, so that only what changed changes: a value that is equal is left untouched (with
its quoting and its comment), a removed key goes, a new key is added after the others, and an
array of tables is matched item by item. A new file is written in the seed's layout.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import tomlkit
from tomlkit.items import AoT, Table
from tomlkit.toml_document import TOMLDocument

# Fields whose text is a TOML date or time when it reads as one (the editor holds text).
_DATES = {"date"}


def parse_document(text: str) -> TOMLDocument:
    """The file as tomlkit reads it (comments and layout kept); raises on invalid TOML."""
    return tomlkit.parse(text)


def plain(value: Any) -> Any:
    """tomlkit's items as plain Python (dicts, lists, str, int, dates), for the editor."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if hasattr(value, "unwrap"):
        return value.unwrap()
    return value


def _toml_value(key: str, value: Any) -> Any:
    """The value as written in the file: a date typed as text becomes a TOML date."""
    if key in _DATES and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    return value


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _new_table(data: dict[str, Any], super_table: bool = False) -> Table:
    """A table in the seed's layout: scalars first, then each list of tables as [[...]]."""
    table = tomlkit.table(is_super_table=super_table)
    for key, value in data.items():
        if not isinstance(value, dict) and not _is_table_list(value):
            table.add(key, _toml_value(key, value))
    for key, value in data.items():
        if isinstance(value, dict):
            table.add(key, _inline(value))
        elif _is_table_list(value):
            table.add(key, _new_aot(value))
    return table


def _inline(data: dict[str, Any]) -> Any:
    inline = tomlkit.inline_table()
    for key, value in data.items():
        inline.append(key, _toml_value(key, value))
    return inline


def _new_aot(items: list[dict[str, Any]]) -> AoT:
    aot = tomlkit.aot()
    for item in items:
        aot.append(_new_table(item))
    return aot


def _same(old: Any, new: Any) -> bool:
    return bool(plain(old) == new)


def merge(container: Any, data: dict[str, Any]) -> None:
    """Make ``container`` (a tomlkit table or document) hold ``data``, changing only what
    differs."""
    for key in [k for k in container if k not in data]:
        del container[key]
    for key, value in data.items():
        if key not in container:
            if isinstance(value, dict):
                container[key] = _inline(value) if key == "thresholds" else _new_table(value)
            elif _is_table_list(value):
                container[key] = _new_aot(value)
            else:
                container[key] = _toml_value(key, value)
            continue
        old = container[key]
        if _same(old, value):
            continue
        if isinstance(value, dict) and isinstance(old, dict):
            merge(old, value)
        elif _is_table_list(value) and isinstance(old, AoT):
            _merge_aot(old, value)
        elif (
            _is_table_list(value)
            and isinstance(old, list)
            and all(isinstance(v, dict) for v in old)
        ):
            # An inline array of inline tables (speakers = [{...}]): rewritten in that form.
            array = tomlkit.array()
            for item in value:
                array.append(_inline(item))
            container[key] = array
        else:
            container[key] = _toml_value(key, value)


def _merge_aot(aot: AoT, items: list[dict[str, Any]]) -> None:
    """Item by item: the first ones merged in place, extra ones added, missing ones removed."""
    while len(aot) > len(items):
        del aot[len(aot) - 1]
    for i, item in enumerate(items):
        if i < len(aot):
            merge(aot[i], item)
        else:
            aot.append(_new_table(item))


_HEADER = re.compile(r"^\s*\[")


def _set_apart(before: str, after: str) -> str:
    """A blank line before each [header] of ``after`` that follows a value directly, when
    ``before`` (the file as opened, or the seed's layout) always sets its headers apart."""

    def apart(lines: list[str]) -> bool:
        return all(
            not _HEADER.match(line)
            or i == 0
            or not lines[i - 1].strip()
            or lines[i - 1].lstrip().startswith("#")
            for i, line in enumerate(lines)
        )

    if not apart(before.splitlines()):
        return after
    out: list[str] = []
    for line in after.splitlines(keepends=True):
        if _HEADER.match(line) and out and out[-1].strip() and not out[-1].lstrip().startswith("#"):
            out.append("\n")
        out.append(line)
    return "".join(out)


def dumps(original: TOMLDocument | None, data: dict[str, Any]) -> str:
    """The file's text for ``data``: merged into ``original`` when the file had one."""
    if original is None:
        doc = tomlkit.document()
        merge(doc, data)
        return _set_apart("", tomlkit.dumps(doc))
    before = tomlkit.dumps(original)
    merge(original, data)
    return _set_apart(before, tomlkit.dumps(original))
