"""Must-show 1: the seed workshop built in the editor from an empty running order, with the
keyboard and the mouse on the real widgets, saved, checks exactly as the shipped seed file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.ui.editor.window import EditorWindow
from tests.conftest import SEED
from tests.ui.editor.helpers import choose, click, click_row, open_editor, tree_key, type_into

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def check_json(path: Path) -> object:
    out = subprocess.run(
        [sys.executable, "-m", "app", "check", str(path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def speaker(w: EditorWindow, name: str, role: str = "", organisation: str = "", note: str = ""):
    click(w, "speaker_add")
    for field, text in (
        ("speaker_name", name),
        ("speaker_role", role),
        ("speaker_organisation", organisation),
        ("speaker_note", note),
    ):
        if text:
            type_into(w, field, text)


def part(w: EditorWindow, title: str, budget: str, kind: str | None = None) -> None:
    tree_key(w, Key.Key_Insert, CTRL)  # Ctrl+Insert: a new part after the current one
    type_into(w, "item_title", title)
    type_into(w, "item_duration", budget)
    if kind is not None:
        choose(w, "item_kind", kind)


def segment(
    w: EditorWindow, title: str, kind: str = "talk", duration: str = "", notes: str = ""
) -> None:
    tree_key(w, Key.Key_Insert)  # Insert: a new segment after the current row
    type_into(w, "item_title", title)
    choose(w, "item_kind", kind)
    if duration:
        type_into(w, "item_duration", duration)
    if notes:
        type_into(w, "item_notes", notes)


DARDELET = (
    "Jean-Claude Dardelet",
    "maire adjoint de Toulouse, vice-président de Toulouse métropole",
)
NOUTARY = ("Emmanuel Noutary", "directeur général d'ANIMA")


@pytest.mark.slow
def test_seed_workshop_built_from_empty_checks_as_the_seed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_editor(qtbot, EditorWindow())
    assert w.doc.data["parts"] == [] and not w.doc.checked.valid

    click(w, "session_title")  # the Session tab is the first one shown
    type_into(
        w,
        "session_title",
        "Encourager le développement économique des territoires ici et là bas : "
        "l'AICT, quelles clés de réussite ?",
    )
    type_into(
        w,
        "session_event",
        "Rencontres de l'Action internationale des collectivités territoriales — "
        "Cités Unies France",
    )
    type_into(w, "session_date", "2020-09-22")
    type_into(w, "session_start", "16:00")
    type_into(w, "session_hard_end", "17h30")
    type_into(w, "session_timezone", "Europe/Paris")
    choose(w, "session_language", "fr")
    type_into(w, "session_venue", "Cité des Sciences et de l'Industrie - Paris")
    type_into(w, "session_room", "Atelier")

    part(w, "Introduction et animation", "10'", "intro")
    speaker(w, *DARDELET)
    speaker(w, *NOUTARY)

    part(w, "Témoignages", "40'")
    segment(
        w,
        "Expérience d'une coopération inter-collectivités sur un sujet de développement "
        "économique du territoire partenaire",
        notes="appui à la structuration de filières, valorisation de produits, mise en réseau "
        "de coopératives...",
    )
    speaker(
        w,
        "Laurent Rey Lescure",
        "Adjoint au délégué général",
        "conseil régional de Nouvelle Aquitaine",
    )
    segment(
        w,
        "Expérience de politique d'attractivité du territoire",
        notes="politique de marque territoriale, politique de prospection et démarches et "
        "interventions et accueil de délégations",
    )
    speaker(
        w,
        "Gabriel Voisin-Fradin",
        "chargé des relations économiques internationales",
        "Grenoble Alpes métropole",
    )
    segment(
        w,
        "Entreprise privée mobilisée dans le cadre de l'AICT d'une collectivité",
        notes="volet soutien à l'internationalisation des entreprises",
    )
    speaker(
        w,
        "Cyril Labi",
        organisation="Société Qomutez, soutenue par la région Sud / Paca",
        note="Cette société produit des logiciels de gestion de l'information voyageurs dans "
        "les transports",
    )
    segment(w, "Échanges avec la salle", "qa", "15'")
    # Budgets are shared as the file would share them: the three talks get 8'20" each.
    talk = w.model.index_of(("parts", 1, "segments", 0), 3)
    assert w.model.data(talk) == "8'20\""

    part(w, "Vu d'ailleurs", "30'")
    segment(w, "Vu d'ailleurs")
    speaker(
        w,
        "Raja Touil",
        organisation="bureau de la FIPA à Paris (Foreign Investment Promotion Agency, Tunisie)",
    )
    # The questions of the testimonies, duplicated (Ctrl+D) and moved down into this part.
    click_row(w, ("parts", 1, "segments", 3))
    tree_key(w, Key.Key_D, CTRL)
    assert w.current_path() == ("parts", 1, "segments", 4)
    tree_key(w, Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # into the next part, first
    assert w.current_path() == ("parts", 2, "segments", 0)
    tree_key(w, Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # after "Vu d'ailleurs"
    assert w.current_path() == ("parts", 2, "segments", 1)

    part(w, "Eléments de conclusion", "5'", "conclusion")
    speaker(w, *NOUTARY)
    speaker(w, *DARDELET)

    assert w.doc.checked.valid, w.doc.checked.errors
    assert "17:25" in w.summary.text() and "5'" in w.summary.text()  # 5' before the hard end

    target = tmp_path / "built.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w.activateWindow()
    qtbot.keyClick(w.tree, Key.Key_S, CTRL)
    assert target.is_file(), w.banner.text()
    assert not w.isWindowModified()
    assert check_json(target) == check_json(SEED)
