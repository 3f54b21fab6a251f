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
    for top in tops:
        if top.shape == "block":
            _title_block(r, top)
    return tops


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
        return
    block.title = first.title
    r.report.warn(
        block.no,
        f"the block at {show_clock(block.start or dt.time(0))} has no title: "
        f"named after its first item {first.title!r}",
    )
