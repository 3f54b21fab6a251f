"""Stage 3 of reading a text programme: entries nested into a tree of parts and their items.

Indentation and bullets nest the lines: what is under a part heading or a time alone on its
line is inside it; keyed lines and prose go to the entry above them.
"""

from __future__ import annotations

import datetime as dt

from app.importers.text_entries import QUOTES, TIMEISH, Entry, classify
from app.importers.text_lines import Line
from app.importers.text_preamble import session_key
from app.importers.text_reading import Reading
from app.importers.times_in_text import show_clock
from app.importers.words import END_MARKER, fold, guess_kind
from app.model.schema import SegmentKind


def read_entries(programme: list[Line]) -> list[Entry]:
    """Each line classified; day headings are dropped (``pick_day`` has used them)."""
    words_ok = True
    entries = [classify(ln, words_ok) for ln in programme]
    return [e for e in entries if e.shape != "day"]


def warn_unread(r: Reading, entries: list[Entry]) -> None:
    """Digits that look like a time or a duration the reader could not make out."""
    for entry in entries:
        if entry.shape in ("keyed", "block") or entry.start or entry.duration:
            continue
        if TIMEISH.search(entry.line.text.translate(QUOTES)):
            r.report.warn(
                entry.no, f"{entry.line.text!r} seems to hold a time or a duration: not read"
            )


def build_tree(r: Reading, entries: list[Entry]) -> list[Entry]:
    """The entries nested by indent and bullets: the top ones hold the others."""
    structural = [e for e in entries if e.shape in ("heading", "block")]
    blocks = any(e.shape == "block" for e in entries)
    numbered = any(e.shape == "heading" for e in entries)
    keys = sorted(
        {
            (e.line.indent, e.line.bulleted)
            for e in entries
            if e.shape not in ("heading", "block", "keyed", "prose")
        }
    )
    rank = {k: i for i, k in enumerate(keys)}
    for entry in entries:
        if entry.shape in ("heading", "block"):
            entry.level = 0
        elif entry.shape in ("keyed", "prose"):
            entry.level = -1
        else:
            depth = rank[(entry.line.indent, entry.line.bulleted)]
            if structural:
                flat = entry.line.indent == 0 and not entry.line.bulleted
                if blocks and not numbered and entry.shape == "timed" and flat:
                    entry.level = 0
                else:
                    entry.level = depth + 1
            else:
                entry.level = depth
    tops: list[Entry] = []
    stack: list[Entry] = []
    for entry in entries:
        if entry.level < 0:
            holders = stack
            if entry.shape == "prose":  # a sentence describes the item, not a person
                holders = [e for e in stack if e.shape != "person"]
            if holders:
                holders[-1].children.append(entry)
            else:
                _orphan_key(r, entry)
            continue
        while stack and stack[-1].level >= entry.level:
            stack.pop()
        if stack:
            stack[-1].children.append(entry)
        else:
            if entry.level > 0 and tops:
                # deeper than anything open: belongs to the last top entry
                tops[-1].children.append(entry)
                stack.append(tops[-1])
            else:
                tops.append(entry)
        stack.append(entry)
    tops = _flat_time_list(r, tops)
    tops = _people_under_times(r, tops)
    for top in tops:
        top.children = _people_under_times(r, top.children)
        if top.shape == "block":
            _title_block(r, top)
    return tops


def _flat_time_list(r: Reading, tops: list[Entry]) -> list[Entry]:
    """A list of start times where every line is an item stays a list of items.

    « 9h00 Accueil » followed by deeper lines that each start at a later time of their own
    (« 9h30 Ouverture », « 10h00 Table ronde »: a web page's or a PDF's indent, a bullet the
    first line lost) is not a part holding them: Accueil lasts until 9h30 and the others follow
    it, each until the next start; so do the lines under a break (« Lunch (60') » followed by
    « 13:00 Workshop »). A line that gives its part a range or a length (« 9h00 – 12h00
    Matinée », « Matinée (3h) »), or whose first item starts with it, still holds them.
    """
    out: list[Entry] = []
    for top in tops:
        out.append(top)
        a_break = top.shape == "item" and guess_kind(top.title) is SegmentKind.BREAK
        if not (top.shape == "timed" or a_break) or top.end is not None or not top.title:
            continue
        if top.duration is not None and not a_break:
            continue
        kids = top.children
        first = next((i for i, c in enumerate(kids) if c.shape == "timed" and c.start), None)
        if first is None:
            continue
        lead = kids[first].start
        assert lead is not None
        if top.start is not None and lead <= top.start:
            continue
        if any(c.shape in ("heading", "block") for c in kids):
            continue
        moved = kids[first:]
        top.children = kids[:first]
        r.report.warn(
            moved[0].no,
            f"under line {top.no} but starting at {show_clock(lead, r.session.language)}: read "
            f"as the next item of a list of start times, not as part of {top.title!r}",
        )
        for kid in moved:
            if kid.shape == "timed":
                kid.level = top.level
            out.append(kid)
    return out


def _person_like(r: Reading, entry: Entry, holder: Entry) -> bool:
    """A line of people that follows a timed line at its own indent: its speakers."""
    if entry.children or entry.start is not None or entry.duration is not None:
        return False
    if entry.shape == "person":
        return True
    loose = entry.loose_people
    if entry.shape != "item" or loose is None or not loose.people:
        return False
    if not (entry.line.arrow or any(p.role or p.organisation for p in loose.people)):
        return False
    r.report.warn(
        entry.no,
        f"read as the speaker{'s' if len(loose.people) > 1 else ''} of line {holder.no} "
        f"({holder.title!r}): a name with a role or an organisation after a timed line",
    )
    return True


def _people_under_times(r: Reading, entries: list[Entry]) -> list[Entry]:
    """Lines of people right after a timed line, at the same indent, are its speakers (a
    programme copied from a PDF or a web page seldom keeps the indent that would say so)."""
    out: list[Entry] = []
    holder: Entry | None = None
    for entry in entries:
        if holder is not None and entry.level == holder.level and _person_like(r, entry, holder):
            entry.level = holder.level + 1
            holder.children.append(entry)
            continue
        holder = entry if entry.shape == "timed" and entry.title and not entry.people else None
        if holder is not None and any(c.shape not in ("keyed", "prose") for c in entry.children):
            holder = None  # it has lines under it already: they say who speaks
        out.append(entry)
    return out


def _orphan_key(r: Reading, entry: Entry) -> None:
    """A keyed line above every item: it describes the session, or is a problem."""
    if entry.shape == "prose":
        return  # a sentence of description before the first item: not imported
    if not session_key(r, entry.key, entry.value, entry.no):
        r.report.problem(entry.no, f"{entry.line.text!r} belongs to nothing above it")


def _title_block(r: Reading, block: Entry) -> None:
    """« 14h00 » alone on its line: the line below it names the block."""
    kids = [c for c in block.children if c.shape != "keyed"]
    if not kids:
        return
    first = kids[0]
    flat = first.line.indent == 0 and not first.line.bulleted
    others_nested = all(not (c.line.indent == 0 and not c.line.bulleted) for c in kids[1:])
    if first.shape in ("item", "person", "timed") and (len(kids) == 1 or (flat and others_nested)):
        block.title = first.title
        block.people = first.people
        block.notes = first.notes + block.notes
        block.duration = first.duration
        block.line.calls.extend(first.line.calls)
        index = block.children.index(first)
        block.children[index : index + 1] = first.children
        r.merged[first.no] = block.no
        rest = [c for c in block.children if c.shape != "keyed"]
        if END_MARKER.match(fold(block.title)) and not block.people and not rest:
            block.end_marker = True  # « 12h30 » / « Fin »: the end, not a last item
        return
    block.title = first.title
    r.report.warn(
        block.no,
        f"the block at {show_clock(block.start or dt.time(0))} has no title: "
        f"named after its first item {first.title!r}",
    )
