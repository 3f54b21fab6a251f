"""Footnotes of a text programme: taken out of the lines first, attached to their callers last.

« ² ... », « [^2]: ... » or a bare number at the end of the document are footnotes; each goes
to the item, part or speaker of the line that calls it. A footnote that nothing calls is
attached, with a warning, to the one line it shares words with (or left out, said).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.importers.draft import DraftItem, DraftPart, DraftSpeaker
from app.importers.text_entries import Entry
from app.importers.text_lines import (
    BARE_FOOTNOTE,
    BULLETS,
    FOOTNOTE_DEF,
    SUPER_TO_DIGIT,
    Line,
    split_line,
    strip_markdown,
)
from app.importers.text_reading import Reading
from app.importers.times_in_text import find_duration, leading_time
from app.importers.words import fold, word_set


@dataclass
class Footnote:
    """One footnote: its number, its text and the line it is written on."""

    number: str
    text: str
    line: int


def take_footnotes(r: Reading) -> tuple[list[Footnote], list[Line]]:
    """The footnotes, and the lines without them (blanked, so that line numbers stay)."""
    notes: list[Footnote] = []
    body = list(r.lines)
    # the tail: bare numbers at the end of the document are footnotes (« 2 Cette société »)
    end = len(body)
    while end > 0:
        line = body[end - 1]
        if not line.raw.strip():
            end -= 1
            continue
        match = BARE_FOOTNOTE.match(line.raw) or FOOTNOTE_DEF.match(line.raw)
        if match is None or leading_time(line.raw.strip()) is not None:
            break
        if find_duration(line.raw) is not None:
            break
        end -= 1
    tail = body[end:]
    body = body[:end]
    for line in tail:
        match = BARE_FOOTNOTE.match(line.raw) or FOOTNOTE_DEF.match(line.raw)
        if match is not None:
            number = match.groupdict().get("num") or ""
            if not number:
                number = (match["sup"] or match["md"] or "").translate(SUPER_TO_DIGIT)
            notes.append(Footnote(number, _footnote_text(match["text"]), line.no))
    kept: list[Line] = []
    for line in body:
        match = FOOTNOTE_DEF.match(line.raw)
        if match is not None and not line.raw.lstrip().startswith(tuple(BULLETS)):
            number = (match["sup"] or match["md"] or "").translate(SUPER_TO_DIGIT)
            notes.append(Footnote(number, _footnote_text(match["text"]), line.no))
            kept.append(split_line(line.no, ""))
        else:
            kept.append(line)
    return notes, kept


def attach_footnotes(r: Reading, footnotes: list[Footnote], entries: list[Entry]) -> None:
    """Each footnote to the item, part or speaker of the line that calls it."""
    targets = r.targets
    for note in footnotes:
        caller = next((e for e in entries if note.number in e.line.calls), None)
        if caller is None:
            if any(note.number in ln.calls for ln in r.lines[: r.first_no - 1]):
                continue  # called from the description, which is not imported
            caller = _guess_caller(note, entries)
            if caller is None:
                r.report.warn(
                    note.line,
                    f"footnote {note.number} is not called in the programme and could not "
                    "be placed: left out",
                )
                continue
            r.report.warn(
                note.line,
                f"footnote {note.number} is not called in the programme: attached to line "
                f"{caller.no} ({caller.title!r}), which it shares words with",
            )
        target = targets.get(caller.no)
        if isinstance(target, DraftSpeaker):
            target.note = "\n".join(x for x in (target.note, note.text) if x)
        elif isinstance(target, (DraftItem, DraftPart)):
            target.notes.append(note.text)
        else:
            r.report.warn(note.line, f"footnote {note.number} could not be placed")


def _guess_caller(note: Footnote, entries: list[Entry]) -> Entry | None:
    """The one entry that shares the most words with an uncalled footnote, if only one does."""
    words = _content_words(note.text)
    best: tuple[int, int, Entry | None] = (0, 0, None)
    for entry in entries:
        if entry.shape == "keyed":
            continue
        score = len(words & _content_words(entry.line.text))
        if score > best[0]:
            best = (score, 1, entry)
        elif score == best[0] and score > 0:
            best = (score, best[1] + 1, best[2])
    if best[0] == 0 or best[1] > 1:
        return None
    return best[2]


def _footnote_text(text: str) -> str:
    """« <https://...> » loses its angle brackets; the text is kept as written."""
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text.strip())
    text, _ = strip_markdown(text)
    return text.strip()


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z]{4,}", fold(text))
    return {w for w in words if w not in _STOP}


_STOP = word_set(
    """dans pour avec sans sous cette celle ceux elle elles leur leurs nous vous sont etre
    avoir fait plus moins tres tout tous toute toutes comme mais donc ainsi aussi entre
    that this with from have will been were their there which when what your about"""
)
