"""Session text in a CSV cell: neutralised, so that a spreadsheet shows it and never runs it.

The README tells users to open the report's and the export's CSV in a spreadsheet, and a
spreadsheet reads a cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or a carriage
return, which some of them skip first) as a formula: a segment titled ``=HYPERLINK(...)``
would run. OWASP's advice (CSV injection) is to prefix such a cell with an apostrophe, which a
spreadsheet takes as "this is text" and does not show. This module is the one place both
writers (app.reports.formats, app.importers.export) and the CSV importer use: it lives in
app.model because that is the one layer both the reports and the importers may import.

Numbers are not text: a report's numeric columns (durations in seconds, which can be
negative, like ``-120`` for a segment that ended early) are written as numbers and never
passed through here, since a number cannot carry a formula and an apostrophe would turn it
into text that a spreadsheet no longer adds up.

A cell that already begins with apostrophes before a trigger character gets one more, so that
:func:`restore_cell` gives back exactly the text that was written: the round trip
export → import keeps ``'=x`` as ``'=x``.
"""

from __future__ import annotations

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def _needs_quote(text: str) -> bool:
    return text.lstrip(QUOTE).startswith(TRIGGERS)


def neutralise_cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows as text (an apostrophe before a formula)."""
    return QUOTE + text if _needs_quote(text) else text


def restore_cell(cell: str) -> str:
    """The text :func:`neutralise_cell` was given: its apostrophe taken off again. A cell a
    person typed as ``'=x`` in a spreadsheet reads as ``=x`` too, as the spreadsheet shows it."""
    if cell.startswith(QUOTE) and _needs_quote(cell[1:]):
        return cell[1:]
    return cell
