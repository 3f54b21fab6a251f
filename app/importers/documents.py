"""The documents people receive (PDF, Word .docx, Excel .xlsx) read into what the text and sheet
importers already read. No schedule policy here: a PDF or a Word document becomes the lines of
a text programme (``text``), a workbook or a Word table with column names becomes the rows of a
sheet (``spreadsheet.import_rows``), and those importers decide, as they do for .txt and .csv.

The libraries (pypdfium2, python-docx, openpyxl: the ``import`` extra) are imported here only,
when such a file is imported; this module is itself loaded only then (``api.import_data``).

- PDF (pypdfium2, PDFium's text in reading order): each page's lines, placed by their first
  letter (the indent a nested list has, a blank line where a paragraph ends). A line whose
  letters are in a bold face becomes « **line** » (a heading or the title, as in Markdown);
  ligatures (« ﬁ ») are undone. PDFium rather than pypdf or pdfplumber: both are pure Python
  and read a 20-page programme printed by Qt (a text operator a word) in 7 s and more on
  the build machine; PDFium, a C library shipped in the wheel, reads it in a fraction of a
  second, and knows the font of each letter. Page numbers (« 3 », « Page 3 / 20 »,
  « - 3 - ») at the top or bottom of a page, and running headers and footers (the same
  first or last line on several pages, digits aside), are dropped, said in one warning (a
  bold one is kept where it first appears: the title). Each line keeps its page for every
  message.
- Word: paragraphs in order; list items with their level as indent; a numbered list item
  (« 1. », « I. ») or a paragraph in a Heading style or wholly bold becomes a part heading;
  partly bold words keep « ** » (the text reader ignores them). A table whose first row names
  the sheet's columns (Titre, Durée, Début, ...) is read as a sheet, the paragraphs above it
  giving the session (title, date, slot); another table becomes lines, one a row, its cells
  joined by « – » (« 9h00 – Accueil – Mme Martin, maire »).
- Workbook: the first sheet whose row names the columns, with the same headers as a CSV; rows
  above it give the session like a text preamble. Times, dates and durations typed as such in
  the cells are written back the way the CSV reader reads them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from app.importers.draft import ImportFailure
from app.importers.pages import drop_page_furniture, dropped_note
from app.importers.spreadsheet import column_of
from app.importers.words import fold

DOCUMENTS = ("pdf", "docx", "xlsx")
MAX_PAGES = 200  # a programme is a few pages; a 200-page report is not one
MAX_ROWS = 5_000  # as the text and CSV readers' lines (api.MAX_LINES)
MAX_UNPACKED = 100 * 1024 * 1024  # what a .docx or .xlsx may unpack to (a zip bomb is refused)
_EXTRA = "pip install 'timekeeper[import]'"

_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
MAX_INDENT = 40  # characters of indent a PDF line is given, at most


@dataclass
class TextDocument:
    """A document read as the lines of a text programme."""

    text: str
    pages: dict[int, tuple[int, int]] = field(default_factory=dict)  # line -> (page, line)
    warnings: list[str] = field(default_factory=list)


@dataclass
class SheetDocument:
    """A document read as the rows of a sheet, with the text above them (the session)."""

    records: list[tuple[int, list[str]]]
    preamble: str = ""
    unit: str = "row"
    warnings: list[str] = field(default_factory=list)


def document_format(name: str, data: bytes) -> str | None:
    """pdf, docx or xlsx from the first bytes (and, for a zip, what it holds), else None."""
    if data.startswith(b"%PDF") or (name.lower().endswith(".pdf") and b"%PDF" in data[:1024]):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if b"word/" in data[:4096] or name.lower().endswith(".docx"):
            return "docx"
        if b"xl/" in data[:4096] or name.lower().endswith((".xlsx", ".xlsm")):
            return "xlsx"
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    return None


def read_document(fmt: str, data: bytes, source: str) -> TextDocument | SheetDocument:
    """The document as text lines or sheet rows; ImportFailure in one sentence otherwise."""
    if fmt == "pdf":
        return read_pdf(data, source)
    if fmt == "docx":
        return read_docx(data, source)
    return read_xlsx(data, source)


def _library(name: str, source: str, what: str) -> Any:
    from importlib import import_module

    try:
        return import_module(name)
    except ImportError:
        raise ImportFailure(
            source, f"reading {what} needs the {name} library, not installed: {_EXTRA}"
        ) from None


# --- PDF -------------------------------------------------------------------------------------


def read_pdf(data: bytes, source: str) -> TextDocument:
    """The text of a PDF, page by page, without page numbers and running headers."""
    pdfium = _library("pypdfium2", source, "a PDF")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ImportFailure(
                source,
                "this PDF is protected by a password: open it, save or print a copy "
                "without the password, and import that copy",
            ) from None
        raise ImportFailure(
            source, f"not a readable PDF (the file is damaged: {_short(exc)})"
        ) from None
    try:
        count = len(document)
        if count > MAX_PAGES:
            raise ImportFailure(
                source, f"{count} pages, too many for a programme (at most {MAX_PAGES})"
            )
        pages = [_page_lines(document, index) for index in range(count)]
    except ImportFailure:
        raise
    except Exception as exc:  # PDFium on a page it cannot read
        raise ImportFailure(
            source, f"not a readable PDF (the file is damaged: {_short(exc)})"
        ) from None
    finally:
        document.close()
    if not any(line.strip(" *") for page in pages for line in page):
        raise ImportFailure(
            source,
            "this PDF holds no text, only pictures (a scan?): import the programme as text, "
            "or run character recognition on the PDF first",
        )
    kept, dropped = drop_page_furniture(pages)
    doc = TextDocument("")
    lines: list[str] = []
    for page_no, page in enumerate(kept, start=1):
        for page_line, text in page:
            lines.append(text)
            doc.pages[len(lines)] = (page_no, page_line)
    doc.text = "\n".join(lines)
    if dropped:
        doc.warnings.append(dropped_note(dropped))
    return doc


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."


@dataclass
class _Piece:
    x: float
    y: float
    height: float
    text: str
    bold: bool


BOLD_WEIGHT = 600  # PDFium's font weight of a bold face (400 is regular)


def _page_lines(document: Any, index: int) -> list[str]:
    """One page's lines as PDFium reads them (its text in reading order, a line break where
    a line ends), each placed by its first character: the indent from the page's left edge
    of text, a blank line where the space above is a paragraph's, and a line wholly in a
    bold font (its first, middle and last letters) as « **line** »."""
    import pypdfium2.raw as raw

    page = document[index]
    text_page = page.get_textpage()
    try:
        count = text_page.count_chars()
        text = text_page.get_text_range(0, count) if count else ""
        # x and baseline of the first letter, baseline of the last, height, text, bold
        placed: list[tuple[float, float, float, float, str, bool]] = []
        at = 0
        for raw_line in text.split("\r\n"):
            start, at = at, at + len(raw_line) + 2
            inked = [start + i for i, c in enumerate(raw_line) if not c.isspace()]
            if not inked:
                continue
            left, bottom, _right, top = text_page.get_charbox(inked[0], loose=True)
            last = text_page.get_charbox(inked[-1], loose=True)[1]
            samples = {inked[0], inked[len(inked) // 2], inked[-1]}
            bold = all(_bold_at(raw, text_page, i) for i in samples)
            placed.append((left, bottom, last, max(top - bottom, 1.0), raw_line, bold))
    finally:
        text_page.close()
        page.close()
    if not placed:
        return []
    left_edge = min(x for x, *_ in placed)
    lines: list[str] = []
    above: float | None = None  # the baseline of the last letter of the line above
    for x, y, last, height, line, bold in placed:
        if above is not None and above - y > 1.6 * height:
            lines.append("")  # a blank line's worth of space: a paragraph ends
        above = last
        lines.append(_pdf_line([_Piece(x, y, height, line, bold)], left_edge))
    return lines


def _bold_at(raw: Any, text_page: Any, index: int) -> bool:
    """Whether the character is drawn in a bold face: the font's name says so (« -Bold »,
    « Black », « Heavy »), or its weight does."""
    import ctypes

    size = raw.FPDFText_GetFontInfo(text_page, index, None, 0, None)
    name = ""
    if size > 0:
        buffer = ctypes.create_string_buffer(size)
        flags = ctypes.c_int(0)
        raw.FPDFText_GetFontInfo(text_page, index, buffer, size, ctypes.byref(flags))
        name = buffer.value.decode("utf-8", "replace").lower()
    if any(word in name for word in ("bold", "black", "heavy", "semibold", "demi")):
        return True
    return bool(raw.FPDFText_GetFontWeight(text_page, index) >= BOLD_WEIGHT)


def _pdf_line(row: list[_Piece], left: float) -> str:
    text = ""
    for piece in row:
        bit = piece.text.replace("\t", " ").replace("\xa0", " ")
        if text and not text.endswith(" ") and not bit.startswith(" "):
            text += " "
        text += bit
    body = " ".join(text.translate(_LIGATURES).split())
    if not body:
        return ""
    width = max(row[0].height * 0.5, 1.0)  # about one character
    # at most a few levels of indent: a damaged page's coordinates can be anything
    lead = " " * max(0, min(MAX_INDENT, round((row[0].x - left) / width)))
    inked = [p.bold for p in row if p.text.strip()]
    if inked and all(inked) and "**" not in body:
        return f"{lead}**{body}**"
    return lead + body


# --- zip containers ----------------------------------------------------------------------------


def _unzipped(data: bytes, source: str, what: str, inside: str) -> None:
    """Refuse a damaged container, another kind of zip, or one that unpacks to too much."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        bad = archive.testzip()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise ImportFailure(source, f"not a readable {what}: the file is damaged") from None
    except Exception:  # zlib and friends on a broken member
        raise ImportFailure(source, f"not a readable {what}: the file is damaged") from None
    if bad is not None:
        raise ImportFailure(source, f"not a readable {what}: {bad!r} inside it is damaged")
    if inside not in {i.filename for i in infos}:
        raise ImportFailure(source, f"not a {what}: {inside!r} is missing from it")
    if sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise ImportFailure(source, f"this {what} unpacks to more than 100 MB: not a programme")


# --- Word --------------------------------------------------------------------------------------


def read_docx(data: bytes, source: str) -> TextDocument | SheetDocument:
    """A Word document's paragraphs and tables, in order, as text lines or sheet rows."""
    what = "Word document (.docx)"
    _unzipped(data, source, what, "word/document.xml")
    docx = _library("docx", source, "a Word document")
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
    except Exception as exc:
        raise ImportFailure(
            source, f"not a readable {what} (the file is damaged: {_short(exc)})"
        ) from None
    numbering = _Numbering(document)
    lines: list[str] = []
    notes: list[str] = []
    sheet: SheetDocument | None = None
    for kind, block in blocks:
        if kind == "table":
            rows = _table_rows(block)
            if sheet is None and _header_at(rows) is not None:
                at = _header_at(rows)
                assert at is not None
                above = [" ".join(c for c in row if c) for row in rows[:at]]
                records = [(n, row) for n, row in enumerate(rows, start=1) if n > at]
                sheet = SheetDocument(records, "\n".join([*lines, *above]), unit="table row")
                continue
            if sheet is not None:
                notes.append("a second table after the programme's table: left out")
                continue
            lines.extend(" – ".join(c for c in row if c) for row in rows)
            continue
        if sheet is None:
            lines.extend(_paragraph_lines(block, numbering))
    if sheet is not None:
        sheet.warnings.extend(notes)
        return sheet
    if not any(ln.strip(" *") for ln in lines):
        raise ImportFailure(source, f"this {what} holds no text")
    return TextDocument("\n".join(lines), warnings=notes)


def _blocks(document: Any) -> Iterator[tuple[str, Any]]:
    """The body's paragraphs and tables in the order they come."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield "paragraph", Paragraph(child, document)
        elif tag == "tbl":
            yield "table", Table(child, document)


def _table_rows(table: Any) -> list[list[str]]:
    """Each row's cells as text; a merged cell counts once."""
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append("\n".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        rows.append(cells)
    return rows


class _Numbering:
    """Which Word lists are numbered (« 1. », « I. ») rather than bulleted."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, str], str] = {}
        self.counters: dict[tuple[str, str], int] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # a document without lists
            return
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        abstract: dict[str, dict[str, str]] = {}
        for node in root.iter(f"{w}abstractNum"):
            levels = {}
            for lvl in node.iter(f"{w}lvl"):
                fmt = lvl.find(f"{w}numFmt")
                levels[lvl.get(f"{w}ilvl", "0")] = fmt.get(f"{w}val", "") if fmt is not None else ""
            abstract[node.get(f"{w}abstractNumId", "")] = levels
        for num in root.iter(f"{w}num"):
            ref = num.find(f"{w}abstractNumId")
            if ref is None:
                continue
            for ilvl, fmt in abstract.get(ref.get(f"{w}val", ""), {}).items():
                self.formats[(num.get(f"{w}numId", ""), ilvl)] = fmt

    def mark(self, num_id: str, ilvl: str, style: str) -> str:
        """« 3. » for a numbered item, « - » for a bullet."""
        fmt = self.formats.get((num_id, ilvl), "")
        numbered = fmt not in ("", "bullet", "none") or (not fmt and "number" in style)
        if not numbered:
            return "-"
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, 0) + 1
        count = self.counters[key]
        if fmt in ("upperRoman", "lowerRoman"):
            return _roman(count) + "."
        return f"{count}."


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out


def _paragraph_lines(paragraph: Any, numbering: _Numbering) -> list[str]:
    """A paragraph as text lines: list mark and level, headings and bold as « ** »."""
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    folded = fold(style)
    runs = [(run.text, _bold(run, paragraph)) for run in paragraph.runs]
    if not runs and paragraph.text:  # text in fields or hyperlinks only
        runs = [(paragraph.text, False)]
    inked = [bold for text, bold in runs if text.strip()]
    whole = bool(inked) and all(inked)
    heading = folded.startswith(("heading", "titre", "title", "subtitle", "sous-titre"))
    body = "".join(text for text, _ in runs) if whole or heading else _marked(runs)
    prefix, indent = "", ""
    num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if num_pr is not None or "list" in folded:
        ilvl = "0"
        num_id = ""
        if num_pr is not None:
            ilvl = str(num_pr.ilvl.val) if num_pr.ilvl is not None else "0"
            num_id = str(num_pr.numId.val) if num_pr.numId is not None else ""
        else:
            level = re.search(r"(\d)$", folded)
            ilvl = str(int(level.group(1)) - 1) if level else "0"
        indent = "  " * int(ilvl)
        prefix = numbering.mark(num_id, ilvl, folded) + " "
    lines = []
    for index, text in enumerate(body.split("\n")):
        text = text.strip()
        if not text:
            lines.append("")
            continue
        if (whole or heading) and not prefix.strip(" -"):
            text = f"**{text}**"
        lines.append((indent + prefix if index == 0 else indent) + text)
    return lines


def _bold(run: Any, paragraph: Any) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    for style in (run.style, paragraph.style):
        while style is not None:
            if style.font is not None and style.font.bold is not None:
                return bool(style.font.bold)
            style = style.base_style
    return False


def _marked(runs: Iterable[tuple[str, bool]]) -> str:
    """Partly bold text with « ** » around its bold words, as the text reader expects."""
    out: list[str] = []
    bold_open = False
    for text, bold in runs:
        if bold != bold_open and text.strip():
            out.append("**")
            bold_open = bold
        out.append(text)
    if bold_open:
        out.append("**")
    return re.sub(r"\*\*(\s+)", r"\1**", "".join(out)).replace("****", "")


# --- workbooks ---------------------------------------------------------------------------------


def _header_at(rows: list[list[str]]) -> int | None:
    """The index of the row that names the columns: a title (or part) and a duration (or a
    start time), within the first rows."""
    for index, row in enumerate(rows[:30]):
        found = {column_of(c) for c in row if c.strip()}
        if ({"title", "part"} & found) and ({"duration", "start"} & found):
            return index
    return None


def read_xlsx(data: bytes, source: str) -> SheetDocument:
    """A workbook's programme sheet as rows, with the same headers as a CSV."""
    what = "workbook (.xlsx)"
    _unzipped(data, source, what, "xl/workbook.xml")
    openpyxl = _library("openpyxl", source, "a workbook")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's notes on styles it does not know
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:
            raise ImportFailure(
                source, f"not a readable {what} (the file is damaged: {_short(exc)})"
            ) from None
        try:
            sheets = [book.active, *(s for s in book.worksheets if s is not book.active)]
            first: list[list[str]] | None = None
            for sheet in sheets:
                if sheet is None:
                    continue
                rows = _sheet_rows(sheet, source)
                if first is None:
                    first = rows
                at = _header_at(rows)
                if at is not None:
                    return _sheet(rows, at, sheet.title)
        except ImportFailure:
            raise
        except Exception as exc:
            raise ImportFailure(
                source, f"not a readable {what} (the file is damaged: {_short(exc)})"
            ) from None
        finally:
            book.close()
    shown = ", ".join(repr(c) for c in (first or [[]])[0][:6] if c) if first else ""
    raise ImportFailure(
        source,
        "no sheet has a row naming the columns: expected Titre (or Title) and Durée (or "
        "Duration, or a start time: Début, Start)"
        + (f"; the first row has {shown}" if shown else ""),
    )


def _sheet(rows: list[list[str]], at: int, title: str) -> SheetDocument:
    above = [" ".join(c for c in row if c.strip()) for row in rows[:at]]
    records = [(n, row) for n, row in enumerate(rows, start=1) if n > at]
    doc = SheetDocument(records, "\n".join(a for a in above if a))
    doc.warnings.append(f"read the sheet {title!r}")
    return doc


def _sheet_rows(sheet: Any, source: str) -> list[list[str]]:
    """The sheet's rows as text, refused past MAX_ROWS (its size is read first when known).
    Cells under the header are read knowing their column (a time in a Durée column is a
    length, in a Début column a clock time)."""
    size = sheet.max_row if isinstance(sheet.max_row, int) else None
    if size is not None and size > MAX_ROWS:
        raise ImportFailure(source, _too_many(size, sheet.title))
    raw: list[tuple[object, ...]] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > MAX_ROWS:
            raise ImportFailure(source, _too_many(None, sheet.title))
        raw.append(tuple(values))
    plain = [_trimmed([_cell(v, None) for v in values]) for values in raw]
    at = _header_at(plain)
    if at is None:
        return plain
    columns = [column_of(c) for c in plain[at]]
    return plain[: at + 1] + [
        _trimmed([_cell(v, columns[i] if i < len(columns) else None) for i, v in enumerate(vs)])
        for vs in raw[at + 1 :]
    ]


def _trimmed(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _too_many(size: int | None, title: str) -> str:
    count = f"{size:,} rows" if size is not None else f"more than {MAX_ROWS:,} rows"
    return (
        f"the sheet {title!r} has {count}, too many for a programme (at most {MAX_ROWS:,}); "
        "keep one day or one room in the sheet"
    )


def _cell(value: object, column: str | None) -> str:
    """A cell as the CSV reader would see it typed: times as 09:30, durations as 00:10:00."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, dt.datetime):
        # Excel's day zero (a time of day typed alone), or a clock time with its day
        if value.year < 1901 or column in ("start", "end", "duration"):
            value = value.time()
        else:
            return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.timedelta):
        seconds = int(value.total_seconds())
        return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    if isinstance(value, dt.time):
        if column == "duration":
            return f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
        return value.strftime("%H:%M") if value.second == 0 else value.strftime("%H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if column in ("start", "end") and 0 <= value < 1:  # a time left as a day's fraction
            seconds = round(value * 86400)
            return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
        return str(int(value)) if value.is_integer() else str(value)
    return str(value).replace("\r\n", "\n")
