"""Documents made in the tests with the libraries people's files come from.

- PDF: Qt's QPdfWriter and QTextDocument (reportlab is not a dependency): the programme's lines
  as paragraphs (« **bold** » drawn bold, leading spaces as a left margin, as a word processor
  indents a nested list), page by page, with an optional running header and page numbers drawn
  on each page, as printed programmes have them.
- Word: python-docx (paragraphs, list styles with their level, bold runs, tables).
- Excel: openpyxl (typed cells: times, durations, numbers).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

Cell = str | int | float | dt.time | dt.timedelta | dt.datetime | None


def _html(text: str, point_size: float) -> str:
    """One paragraph a line; « ** » toggles bold, across lines too (a title on two lines)."""
    out = []
    bold = False
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        bits = []
        for index, bit in enumerate(stripped.split("**")):
            if index:
                bold = not bold
            if bit:
                bits.append(f"<b>{html.escape(bit)}</b>" if bold else html.escape(bit))
        body = "".join(bits)
        margin = indent * point_size * 0.9
        out.append(
            f"<p style='margin-top:0; margin-bottom:0; margin-left:{margin:.0f}px'>"
            f"{body or '&nbsp;'}</p>"
        )
    return "".join(out)


def write_pdf(
    path: Path,
    text: str,
    *,
    header: str | None = None,
    numbers: str | None = "{n}",
    point_size: float = 10,
) -> Path:
    """The text as a PDF, A4: ``header`` at the top of every page, ``numbers`` (« {n} »,
    « Page {n} / {total} ») at the bottom; a line of the text that is too long wraps."""
    from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    writer.setResolution(144)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    band = 60.0  # room for the header and the footer, in device pixels
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(QFont("DejaVu Sans", int(point_size)))
    doc.setHtml(_html(text, point_size))
    width, height = page.width(), page.height() - 2 * band
    doc.setTextWidth(width)
    layout = doc.documentLayout()
    # each paragraph whole on one page: the text drawn is the text on that page (a PDF
    # keeps clipped text, so clipping a paragraph cut by the page edge would print it twice)
    pages: list[list[tuple[Any, float]]] = [[]]
    top = 0.0
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.bottom() - top > height and pages[-1]:
            pages.append([])
            top = rect.top()
        pages[-1].append((block, rect.top() - top))
        block = block.next()
    total = len(pages)
    painter = QPainter(writer)
    small = QFont("DejaVu Sans", int(point_size) - 1)
    for index, blocks in enumerate(pages):
        if index:
            writer.newPage()
        painter.setFont(small)
        if header:
            painter.drawText(QRectF(0, 0, width, band), Qt.AlignmentFlag.AlignLeft, header)
        for block, y in blocks:
            origin = layout.blockBoundingRect(block).topLeft()
            block.layout().draw(painter, QPointF(origin.x(), band + y) - block.layout().position())
        if numbers:
            painter.setFont(small)
            label = numbers.format(n=index + 1, total=total)
            painter.drawText(
                QRectF(0, page.height() - band, width, band),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                label,
            )
    painter.end()
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A PDF holding only a picture of a page (as a scanner makes it): no text at all."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    drawing = QPainter(image)
    drawing.fillRect(QRect(40, 40, 320, 12), QColor("black"))
    drawing.fillRect(QRect(40, 70, 250, 12), QColor("black"))
    drawing.end()
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawImage(QRect(0, 0, 2000, 1500), image)
    painter.end()
    return path


def write_protected_pdf(path: Path, text: str) -> Path:
    """The text as a PDF that opens only with a password (pypdf's own RC4, no extra crypto)."""
    from pypdf import PdfReader, PdfWriter

    plain = write_pdf(path.with_suffix(".plain.pdf"), text)
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as out:
        writer.write(out)
    plain.unlink()
    return path


def write_docx(path: Path, text: str, *, table: Sequence[Sequence[str]] | None = None) -> Path:
    """The text as a Word document: « - » lines as bulleted list items (their indent as the
    list level), « **...** » as bold runs, then ``table`` (first row the header) if given."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        style = None
        if stripped.startswith("- "):
            stripped = stripped[2:]
            style = "List Bullet" if indent == 0 else "List Bullet 2"
        paragraph = document.add_paragraph(style=style)
        for index, bit in enumerate(re.split(r"\*\*", stripped)):
            if bit:
                paragraph.add_run(bit).bold = index % 2 == 1
    if table is not None:
        grid = document.add_table(rows=0, cols=len(table[0]))
        for row in table:
            cells = grid.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = value
    document.save(str(path))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[Cell]], title: str = "Programme") -> Path:
    """Rows as a workbook's first sheet; times, durations and numbers stay typed."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, dt.time):
                cell.number_format = "hh:mm"
            elif isinstance(cell.value, dt.timedelta):
                cell.number_format = "[h]:mm"
    book.save(str(path))
    return path
