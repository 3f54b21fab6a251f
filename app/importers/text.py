"""Plain-text programmes (French and English) read into a draft running order.

How a programme is read, one stage a module:

1. ``text_lines``: each raw line becomes a ``Line`` (indent, bullets, emphasis, footnote
   calls); ``text_wrapped`` joins the lines a PDF or a web page cut in two;
   ``text_footnotes`` takes the footnotes out of them.
2. ``text_preamble``: where the programme starts, and the session its preamble describes
   (title, date, slot, venue, room); a programme of several days is cut to the chosen one.
3. ``text_entries``: each line of the programme is classified: a part heading (« I/ »,
   « 2. », « Session 3 : »), a time alone heading a block (« 14h00 »), a timed line
   (« 9h30 : Accueil »), a person (« ➔ M. Name, role »), a keyed line (« fonction : ... »),
   or an item.
4. ``text_tree``: indentation and bullets nest the entries: what is under a part is inside it.
5. ``text_parts``: the tree becomes draft parts and items. Durations come from times (each
   item lasts until the next start: ``start_times``) or from what the line says « (10') »;
   items without either share what their part's budget leaves, exactly like the model does.
6. ``text_footnotes``: footnotes are attached to the line that calls them; a footnote that
   nothing calls is attached, with a warning, to the line it shares words with.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.importers.draft import Draft, DraftSession, ImportDiagnostics, ImportFailure
from app.importers.text_entries import read_line
from app.importers.text_footnotes import attach_footnotes, take_footnotes
from app.importers.text_lines import FOOTNOTE_DEF, Line
from app.importers.text_parts import build_parts
from app.importers.text_preamble import (
    is_day_heading,
    language_of,
    pick_day,
    programme_start,
    read_preamble,
)
from app.importers.text_reading import Reading
from app.importers.text_tree import build_tree, read_entries, warn_unread
from app.importers.text_wrapped import join_wrapped

__all__ = ["import_text", "read_line", "session_from"]


def read_text(r: Reading) -> Draft:
    """The stages one after the other (see the module docstring)."""
    r.lines = join_wrapped(r.lines, r.report)
    footnotes, body = take_footnotes(r)
    start = programme_start(r, body)
    if start is None:
        fail_nothing(r, body)
    assert start is not None
    if any(is_day_heading(ln) for ln in body[start:]):
        # the first day's heading sits just above the first time: it heads a day too
        back = start - 1
        while back >= 0 and not body[back].text:
            back -= 1
        if back >= 0 and is_day_heading(body[back]):
            start = back
    preamble = body[:start]
    programme = [ln for ln in body[start:] if ln.text]
    r.session.language = language_of(r.lines)
    read_preamble(r, preamble)
    programme = pick_day(r, programme)
    entries = read_entries(programme)
    if not any(e.start or e.duration for e in entries if e.shape != "keyed"):
        fail_nothing(r, programme)
    warn_unread(r, entries)
    tops = build_tree(r, entries)
    parts = build_parts(r, tops)
    attach_footnotes(r, footnotes, entries)
    if r.room:
        r.session.room = r.room
    return Draft(session=r.session, parts=parts)


def fail_nothing(r: Reading, lines: Iterable[Line]) -> None:
    """Refuse the input, naming each line in which no time or duration was found."""
    problems = [_not_understood(ln) for ln in lines if ln.text and not FOOTNOTE_DEF.match(ln.raw)]
    for diag in problems:
        r.report.problem(diag[0], diag[1])
    raise ImportFailure(
        r.source,
        "no time or duration found: expected lines such as « 9h30 : Accueil », "
        "« 16h00 – 16h10 Introduction » or « Témoignages (40') »",
        r.report.problems,
    )


def _not_understood(line: Line) -> tuple[int, str]:
    shown = line.text if len(line.text) <= 60 else line.text[:57] + "..."
    return line.no, f"no time or duration in {shown!r}"


def import_text(
    text: str, source: str, day: str | None = None, room: str | None = None
) -> tuple[Draft, ImportDiagnostics]:
    """The draft of a text programme and what was guessed or not understood reading it."""
    r = Reading.of(text, source, day, room)
    return read_text(r), r.report


def session_from(text: str, source: str) -> tuple[DraftSession, ImportDiagnostics]:
    """The session a text above a sheet describes (title, date, slot, venue), read like a
    programme's preamble: the lines above a workbook's or a Word table's header row."""
    r = Reading.of(text, source, None, None)
    r.session.language = language_of(r.lines)
    read_preamble(r, r.lines)
    return r.session, r.report
