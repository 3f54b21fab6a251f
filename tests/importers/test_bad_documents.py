"""Must-show 3: documents that cannot be a programme, through the real `timekeeper import` (a
subprocess): one sentence on stderr, exit 2, nothing written. And the document libraries are
loaded only when such a file is imported."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import assert_bad_input, timekeeper
from tests.conftest import PROGRAMME
from tests.importers.documents import (
    write_docx,
    write_protected_pdf,
    write_scanned_pdf,
    write_xlsx,
)


def _refused(source: Path, tmp_path: Path, *words: str) -> str:
    out = tmp_path / "out.toml"
    err = assert_bad_input(timekeeper("import", source, "-o", out), str(source), *words)
    assert "nothing written" in err
    assert not out.exists() and not list(tmp_path.glob("*.toml*"))
    return err


@pytest.mark.slow
def test_a_password_protected_pdf(qapp: Any, tmp_path: Path) -> None:
    pdf = write_protected_pdf(tmp_path / "locked.pdf", PROGRAMME.read_text(encoding="utf-8"))
    _refused(pdf, tmp_path, "protected by a password", "without the password")


@pytest.mark.slow
def test_a_scanned_pdf_with_no_text(qapp: Any, tmp_path: Path) -> None:
    pdf = write_scanned_pdf(tmp_path / "scan.pdf")
    _refused(pdf, tmp_path, "holds no text, only pictures (a scan?)")


@pytest.mark.slow
def test_a_damaged_pdf(qapp: Any, tmp_path: Path) -> None:
    from tests.importers.documents import write_pdf

    whole = write_pdf(tmp_path / "whole.pdf", "Programme\n9h00 Accueil\n9h30 Fin\n").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 3])
    _refused(cut, tmp_path, "PDF")


@pytest.mark.slow
def test_a_corrupt_docx(tmp_path: Path) -> None:
    good = write_docx(tmp_path / "good.docx", PROGRAMME.read_text(encoding="utf-8")).read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good[: len(good) // 2])  # a download cut in the middle
    _refused(broken, tmp_path, "not a readable Word document (.docx): the file is damaged")
    # a zip that holds no document
    other = tmp_path / "other.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    other.write_bytes(buffer.getvalue())
    _refused(other, tmp_path, "not a Word document (.docx): 'word/document.xml' is missing")


@pytest.mark.slow
def test_a_corrupt_xlsx(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", [["Titre", "Durée"], ["Accueil", "10'"]])
    data = bytearray(good.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 200] = b"\0" * 200  # damaged on the way
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(bytes(data))
    _refused(broken, tmp_path, "not a readable workbook (.xlsx)")


@pytest.mark.slow
def test_a_spreadsheet_of_100000_rows(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Programme")
    sheet.append(["Titre", "Durée"])
    for n in range(100_000):
        sheet.append([f"Point {n}", 5])
    big = tmp_path / "big.xlsx"
    book.save(str(big))
    err = _refused(big, tmp_path, "too many for a programme (at most 5,000)")
    assert "100,001 rows" in err or "more than 5,000 rows" in err


@pytest.mark.slow
def test_a_sheet_without_the_columns_says_what_it_expected(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "budget.xlsx", [["Poste", "Montant"], ["Traiteur", 1200]])
    _refused(book, tmp_path, "no sheet has a row naming the columns", "'Poste'")


def test_the_document_libraries_are_not_loaded_at_start_up() -> None:
    """Neither the window's start nor a text import loads pypdfium2, python-docx or openpyxl."""
    code = (
        "import sys, app.cli.entry, app.ui.application\n"
        "from app.importers import import_file\n"
        f"import_file({str(PROGRAMME)!r})\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pypdfium2', 'pypdf', 'docx', 'openpyxl', 'lxml') or m == 'app.importers.documents'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_damaged_documents_are_refused_in_a_sentence_never_a_traceback(
    qapp: Any, tmp_path: Path
) -> None:
    """The seed as PDF, .docx and .xlsx, cut at many places and with bytes flipped: each is
    imported or refused with ImportFailure (the CLI's one sentence), nothing else."""
    import random

    from app.importers import ImportFailure, import_file
    from tests.importers.documents import write_pdf

    text = PROGRAMME.read_text(encoding="utf-8")
    made = [
        write_pdf(tmp_path / "seed.pdf", text),
        write_docx(tmp_path / "seed.docx", text),
        write_xlsx(tmp_path / "seed.xlsx", [["Titre", "Durée"], ["Accueil", 10], ["Fin", 5]]),
    ]
    chance = random.Random(13)
    for good in made:
        data = good.read_bytes()
        shapes = [data[: len(data) * k // 10] for k in (1, 3, 5, 7, 9)]
        for _ in range(4):
            flipped = bytearray(data)
            for _ in range(20):
                flipped[chance.randrange(len(flipped))] = chance.randrange(256)
            shapes.append(bytes(flipped))
        for n, shape in enumerate(shapes):
            path = tmp_path / f"damaged-{n}{good.suffix}"
            path.write_bytes(shape)
            try:
                import_file(path)
            except ImportFailure as exc:
                assert str(exc).startswith(str(path)) and "\n" not in str(exc)
