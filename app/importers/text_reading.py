"""What the stages of one text import share: the input, the report and the draft's session.

``targets`` remembers which draft object each line became, so that a footnote called on a line
can be attached to that item, part or speaker once the parts are built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.importers.draft import DraftItem, DraftPart, DraftSession, DraftSpeaker, ImportDiagnostics
from app.importers.text_lines import Line, split_line


@dataclass
class Reading:
    """One text programme being read (every stage takes it as ``r``)."""

    source: str
    day: str | None
    room: str | None
    lines: list[Line]
    report: ImportDiagnostics = field(default_factory=ImportDiagnostics)
    session: DraftSession = field(default_factory=DraftSession)
    merged: dict[int, int] = field(default_factory=dict)  # line under a block -> the block's
    targets: dict[int, DraftSpeaker | DraftItem | DraftPart] = field(default_factory=dict)
    first_no: int = 1  # the programme's first line, after the preamble

    @classmethod
    def of(cls, text: str, source: str, day: str | None, room: str | None) -> Reading:
        lines = [split_line(no, raw) for no, raw in enumerate(text.splitlines(), start=1)]
        return cls(source, day, room, lines)
