"""Programmes given by start times: each item lasts until the next start, a gap is a break.

Text, CSV and schedule XML programmes often say *when* things start rather than how long they
last (« 9h30 Accueil », a Début column, an event's <start>). The three importers lay such a
sequence out here, so that a programme reads the same whatever its format. The one policy:

- Start times cut the sequence into windows, from one start to the next. The first window
  opens at ``start`` (the session's, or the part's) when items come before the first time;
  the last one closes at ``end`` (the end of the slot, or of the part) when it is known.
- In a window, the items that give no length of their own share what the others leave, in
  whole seconds, the way the model shares a part's budget (``app.model.resolve.share``): an
  item alone lasts until the next start.
- Time left in a window whose items all give their length is a gap before the next start
  (the next item's, or the end of the part that holds them: the next part's start). A
  gap of a minute or more (``MIN_BREAK_S``) becomes a break of its own (« Déjeuner » / "Lunch"
  when it lasts 45' or more around midday, else « Pause » / "Break"), said in a warning: each
  item keeps the length the programme gives it and the next one still starts on time. A
  shorter gap (seconds, from times written to the second) is given to the item before it: a
  break of a few seconds would only flash by on the projector.
- Time left before the end of the slot (``slot_end``) is no break: the programme ends early.
- The last item that gives no length lasts until ``end`` when it is known; otherwise its
  length stays unknown and the draft assumes one for it (``draft.ASSUMED_S``, warned).
- A start that is not after the one before it, an item that runs past the next start, or
  items left no time at all, are problems on their line: the items keep their own lengths.
  A programme that only runs past the end of the slot is said once, by the draft's check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from app.importers.draft import DraftItem, DraftPart, ImportDiagnostics
from app.importers.times_in_text import add_seconds, seconds_between, show_clock
from app.model.durations import format_duration
from app.model.resolve import share
from app.model.schema import SegmentKind

MIN_BREAK_S = 60  # a shorter gap goes to the item before it
LUNCH_MIN_S = 45 * 60
LUNCH_FROM = dt.time(11, 30)  # a long break overlapping 11h30-14h30 is lunch
LUNCH_UNTIL = dt.time(14, 30)


@dataclass(frozen=True)
class Timed:
    """One item as the programme gives it: where, its start time, the length it gives itself."""

    line: int
    title: str
    start: dt.time | None = None
    seconds: int | None = None  # None: until the next start (shared with its neighbours)


@dataclass(frozen=True)
class Gap:
    """Nothing planned from ``start`` for ``seconds``: a break named ``title``."""

    start: dt.time
    seconds: int
    title: str
    line: int  # the line of the start that ends it

    def as_part(self) -> DraftPart:
        return DraftPart(
            title=self.title, line=self.line, budget=self.seconds, kind=SegmentKind.BREAK
        )

    def as_item(self) -> DraftItem:
        return DraftItem(
            title=self.title, line=self.line, kind=SegmentKind.BREAK, duration=self.seconds
        )


@dataclass(frozen=True)
class Laid:
    """Where an item falls: its start (None: unknown), its length, the break after it."""

    start: dt.time | None
    seconds: int | None  # None: nothing tells (no next start, no end)
    gap: Gap | None = None


def opening(items: Sequence[Timed]) -> dt.time | None:
    """When the sequence starts: its first time, less what the items before it last."""
    for index, item in enumerate(items):
        if item.start is not None:
            lead = sum(i.seconds or 0 for i in items[:index])
            return add_seconds(item.start, -lead) if lead else item.start
    return None


def break_title(start: dt.time, seconds: int, language: str) -> str:
    """« Déjeuner » for a long break around midday, else « Pause » (English: Lunch, Break)."""
    end = add_seconds(start, seconds) or dt.time(23, 59)
    lunch = seconds >= LUNCH_MIN_S and start < LUNCH_UNTIL and end > LUNCH_FROM
    if language == "fr":
        return "Déjeuner" if lunch else "Pause"
    return "Lunch" if lunch else "Break"


def _windows(
    items: Sequence[Timed], start: dt.time | None, end: dt.time | None
) -> list[tuple[int, int, dt.time, dt.time | None]]:
    """(first, stop, opens, closes) of each window: items[first:stop] between two times."""
    marks = [i for i, item in enumerate(items) if item.start is not None]
    windows: list[tuple[int, int, dt.time, dt.time | None]] = []
    for k, index in enumerate(marks):
        stop = marks[k + 1] if k + 1 < len(marks) else len(items)
        opens = items[index].start
        assert opens is not None
        windows.append((index, stop, opens, items[stop].start if stop < len(items) else end))
    if marks and marks[0] > 0 and start is not None:
        first = items[marks[0]].start
        assert first is not None
        windows.insert(0, (0, marks[0], start, first))
    return windows


def lay_out(
    items: Sequence[Timed],
    report: ImportDiagnostics,
    *,
    start: dt.time | None,
    end: dt.time | None,
    slot_end: dt.time | None,
    language: str,
    end_assumed: bool = False,
) -> list[Laid]:
    """Each item's start, length and the break after it, by the policy above.

    ``slot_end`` is the session's end: running past it is left to the draft's check.
    ``end_assumed``: ``end`` is the slot's end from the header rather than a written « Fin »,
    so stretching the last item to it is a guess, and warned.
    """
    seconds = [item.seconds for item in items]
    gaps: list[Gap | None] = [None] * len(items)
    last = len(items)
    for lo, hi, opens, closes in _windows(items, start, end):
        if closes is None:
            continue
        window = seconds_between(opens, closes)
        tail = hi == last and closes == slot_end
        if window <= 0:
            if not (tail and all(seconds[i] is not None for i in range(lo, hi))):
                culprit = items[hi] if hi < last else items[lo]
                report.problem(
                    culprit.line,
                    f"starts at {show_clock(closes, language)}, not after line {items[lo].line} "
                    f"({show_clock(opens, language)})",
                )
            continue
        free = [i for i in range(lo, hi) if seconds[i] is None]
        left = window - sum(seconds[i] or 0 for i in range(lo, hi))
        if left < 0:
            if not tail:
                where = f"the start of line {items[hi].line}" if hi < last else "the end"
                report.problem(items[hi - 1].line, f"runs {format_duration(-left)} past {where}")
            continue
        if free:
            if left < len(free):
                report.problem(items[free[0]].line, "no time left for this line")
                continue
            for index, part in zip(free, share(left, len(free)), strict=True):
                seconds[index] = part
            if end_assumed and tail:
                report.warn(
                    items[free[-1]].line,
                    f"nothing says when {items[free[-1]].title!r} ends: assumed it lasts "
                    f"until the end of the slot ({show_clock(closes, language)})",
                )
        elif left > 0 and not tail:
            before = seconds[hi - 1]
            assert before is not None
            if left < MIN_BREAK_S:
                seconds[hi - 1] = before + left
            else:
                line = items[hi].line if hi < last else items[hi - 1].line
                gaps[hi - 1] = _gap(closes, left, line, language, report)
    return _placed(items, seconds, gaps, start)


def _gap(closes: dt.time, seconds: int, line: int, language: str, report: ImportDiagnostics) -> Gap:
    """The break for a gap that ends at ``closes``, warned."""
    opens = add_seconds(closes, -seconds)
    assert opens is not None  # inside a window that starts the same day
    title = break_title(opens, seconds, language)
    report.warn(
        line,
        f"nothing scheduled from {show_clock(opens, language)} to "
        f"{show_clock(closes, language)}: made a break {title!r}",
    )
    return Gap(opens, seconds, title, line)


def _placed(
    items: Sequence[Timed],
    seconds: list[int | None],
    gaps: list[Gap | None],
    start: dt.time | None,
) -> list[Laid]:
    """Each item with its start: its own, else where the one before it ends."""
    out: list[Laid] = []
    clock = start
    for item, length, gap in zip(items, seconds, gaps, strict=True):
        begins = item.start or clock
        out.append(Laid(begins, length, gap))
        clock = None
        if begins is not None:
            clock = add_seconds(begins, (length or 0) + (gap.seconds if gap else 0))
    return out
