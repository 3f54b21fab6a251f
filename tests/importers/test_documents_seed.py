"""Must-show 2 (first half): the seed programme as a PDF, a Word document and a workbook,
made here with the libraries (tests/importers/documents.py), imports to the seed's plan:
the same `check --json` as the running order written by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PROGRAMME, SEED
from tests.importers.documents import write_docx, write_pdf, write_xlsx
from tests.importers.helpers import check_json, run, speakers

M = dt.timedelta(minutes=1)


def _imported(capsys: pytest.CaptureFixture[str], source: Path) -> tuple[dict[str, Any], str]:
    out = source.with_suffix(".toml")
    code, stdout, stderr = run(capsys, "import", source, "-o", out)
    assert code == 0, stderr
    assert stdout == ""
    return check_json(capsys, out), stderr


def _same_figures(got: dict[str, Any], seed: dict[str, Any]) -> None:
    """What `check --json` computes: slot, date, lengths, kinds, clock times, speakers."""
    for key in ("date", "start", "slot_end", "total_s"):
        assert got[key] == seed[key], key
    assert got["parts"] == seed["parts"]
    assert [(s["section"], s["title"]) for s in got["segments"]] == [
        (s["section"], s["title"]) for s in seed["segments"]
    ]
    assert [(s["planned_s"], s["kind"], s["planned_start"]) for s in got["segments"]] == [
        (s["planned_s"], s["kind"], s["planned_start"]) for s in seed["segments"]
    ]
    assert speakers(got) == speakers(seed)


def test_the_seed_programme_printed_to_pdf_imports_to_the_seed(
    qapp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = write_pdf(tmp_path / "atelier.pdf", PROGRAMME.read_text(encoding="utf-8"))
    got, err = _imported(capsys, pdf)
    seed = check_json(capsys, SEED)
    _same_figures(got, seed)
    # the whole of it in fact: title, event, notes, the footnote as Cyril Labi's note
    assert got == seed
    # two pages: the page numbers Qt printed are gone, and the messages name the page
    assert "page numbers and the running headers or footers left out ('1', '2')" in err
    assert "warning: page 1, line 11: the date has no year: took 2020 from the header" in err


def test_the_seed_programme_as_a_word_document_imports_to_the_seed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write_docx(tmp_path / "atelier.docx", PROGRAMME.read_text(encoding="utf-8"))
    got, _ = _imported(capsys, doc)
    seed = check_json(capsys, SEED)
    _same_figures(got, seed)
    assert got == seed


def test_the_seed_programme_as_a_workbook_imports_to_the_seed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The sheet a secretary would type: the session above the header, durations as times."""
    ror = "maire adjoint de Toulouse, vice-président de Toulouse métropole"
    anima = "directeur général d'ANIMA"
    labi_note = (
        "Cette société produit des logiciels de gestion de l'information voyageurs dans les "
        "transports"
    )
    rows = [
        ["Rencontres de l'Action internationale des collectivités territoriales"],
        ["Cités Unies France"],
        [
            "**Encourager le développement économique des territoires ici et là bas : "
            "l'AICT, quelles clés de réussite ?**"
        ],
        ["Mardi 22 septembre 2020 – 16h00 – 17h30"],
        [],
        ["Partie", "Titre", "Intervenant", "Fonction", "Organisation", "Note intervenant",
         "Durée", "Type", "Notes"],
        [None, "Introduction et animation", "Jean-Claude Dardelet", ror, None, None, 10 * M,
         "intro"],
        [None, None, "Emmanuel Noutary", anima],
        ["Témoignages", None, None, None, None, None, 40 * M],
        ["Témoignages",
         "Expérience d'une coopération inter-collectivités sur un sujet de développement "
         "économique du territoire partenaire",
         "Laurent Rey Lescure", "Adjoint au délégué général",
         "conseil régional de Nouvelle Aquitaine", None, None, "talk",
         "appui à la structuration de filières, valorisation de produits, mise en réseau de "
         "coopératives..."],
        ["Témoignages", "Expérience de politique d'attractivité du territoire",
         "Gabriel Voisin-Fradin", "chargé des relations économiques internationales",
         "Grenoble Alpes métropole", None, None, "talk",
         "politique de marque territoriale, politique de prospection et démarches et "
         "interventions et accueil de délégations"],
        ["Témoignages", "Entreprise privée mobilisée dans le cadre de l'AICT d'une collectivité",
         "Cyril Labi", None, "Société Qomutez, soutenue par la région Sud / Paca", labi_note,
         None, "talk", "volet soutien à l'internationalisation des entreprises"],
        ["Témoignages", "Échanges avec la salle", None, None, None, None, 15 * M, "qa"],
        ["Vu d'ailleurs", None, None, None, None, None, 30 * M],
        ["Vu d'ailleurs", "Vu d'ailleurs", "Raja Touil", None,
         "bureau de la FIPA à Paris (Foreign Investment Promotion Agency, Tunisie)", None, None,
         "talk"],
        ["Vu d'ailleurs", "Échanges avec la salle", None, None, None, None, 15 * M, "qa"],
        [None, "Eléments de conclusion", "Emmanuel Noutary", anima, None, None, 5 * M,
         "conclusion"],
        [None, None, "Jean-Claude Dardelet", ror],
    ]  # fmt: skip
    book = write_xlsx(tmp_path / "atelier.xlsx", rows)
    got, err = _imported(capsys, book)
    seed = check_json(capsys, SEED)
    _same_figures(got, seed)
    assert got["title"] == seed["title"]
    assert "read the sheet 'Programme'" in err


def test_the_seed_exported_as_xlsx_reads_back_to_the_same_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "seed.xlsx"
    code, _, err = run(capsys, "export", SEED, "--format", "xlsx", "-o", book)
    assert code == 0, err
    assert book.read_bytes().startswith(b"PK\x03\x04")
    got, _ = _imported(capsys, book)
    seed = check_json(capsys, SEED)
    for key in ("start", "total_s", "parts"):
        assert got[key] == seed[key]
    assert [(s["planned_s"], s["kind"], s["planned_start"]) for s in got["segments"]] == [
        (s["planned_s"], s["kind"], s["planned_start"]) for s in seed["segments"]
    ]
    assert speakers(got) == speakers(seed)


def test_export_xlsx_wants_a_file_and_keeps_formulas_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "export", SEED, "--format", "xlsx")
    assert code == 2 and "give -o FILE.xlsx" in err and out == ""
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(
        '[session]\ntitle = "T"\nstart = "09:00"\n\n[[parts]]\ntitle = "=HYPERLINK(1)"\n'
        'budget = "10\'"\n',
        encoding="utf-8",
    )
    book = tmp_path / "hostile.xlsx"
    code, _, err = run(capsys, "export", hostile, "--format", "xlsx", "-o", book)
    assert code == 0, err
    from openpyxl import load_workbook

    sheet = load_workbook(book)["Programme"]
    cells = [c for row in sheet.iter_rows() for c in row if "HYPERLINK" in str(c.value)]
    assert cells and all(c.data_type == "s" for c in cells)
    assert all(not str(c.value).startswith("=") for c in cells)
