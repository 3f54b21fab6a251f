"""An import's guesses and problems, put on the rows they concern.

The importers say which line of the programme each warning is about, not which row of the
running order it became. A line is placed on the row whose title it contains (or that
contains it); the others are listed under the tree, as the importer wrote them.
"""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

from app.inputs import InputError, read_bounded
from app.ui.editor.validation import Path

if TYPE_CHECKING:
    from app.importers.draft import ImportResult

MIN_MATCH = 4  # characters: a title shorter than this says nothing about a line


def _texts(item: dict[str, Any]) -> list[str]:
    """What of a row a programme's line may carry: its title, notes, speakers and their notes."""
    texts = [str(item.get("title", "")), str(item.get("notes", ""))]
    for person in item.get("speakers") or []:
        if isinstance(person, dict):
            texts += [str(person.get("name", "")), str(person.get("note", ""))]
    return texts


def _rows(data: dict[str, Any]) -> list[tuple[Path, str]]:
    rows: list[tuple[Path, str]] = []
    for p, part in enumerate(data.get("parts", [])):
        rows += [(("parts", p), t) for t in _texts(part)]
        for s, segment in enumerate(part.get("segments") or []):
            rows += [(("parts", p, "segments", s), t) for t in _texts(segment)]
    return rows


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def place_notes(
    data: dict[str, Any],
    source: FilePath,
    result: ImportResult,
    tags: tuple[str, str] = ("guessed", "left out"),
) -> tuple[dict[Path, list[str]], list[str]]:
    """(notes by row, notes for no row): each note is the importer's own sentence, after
    ``tags`` (what a guess and a line left out are called, in the interface's language)."""
    try:
        lines = (
            read_bounded(source, limit=5 * 1024 * 1024, what="a programme")
            .decode("utf-8", errors="replace")
            .splitlines()
        )
    except (OSError, InputError):
        lines = []
    rows = _rows(data)
    placed: dict[Path, list[str]] = {}
    rest: list[str] = []
    guessed, left_out = tags
    tagged = [(guessed, d) for d in result.warnings] + [(left_out, d) for d in result.problems]
    for tag, diag in tagged:
        note = f"{tag}: {diag}"
        row = None
        if diag.line is not None and 0 < diag.line <= len(lines):
            text = _norm(lines[diag.line - 1])
            # The longest title found in the line: "Échanges" is in many, the talk's own in one.
            found = [
                (len(t), path)
                for path, title in rows
                if len(t := _norm(title)) >= MIN_MATCH and text and (t in text or text in t)
            ]
            if found and tag == guessed:
                row = max(found)[1]
        if row is None:
            rest.append(note)
        else:
            placed.setdefault(row, []).append(note)
    return placed, rest
