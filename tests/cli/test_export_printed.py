"""`timekeeper export SESSION --format pdf|html [-o FILE]` (issue #13): the printed running order
for speakers and crew: clock times, durations, parts with their budgets, speakers with their
roles, notes, in the session's language. The seed workshop fits one A4 page."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import SEED

PDFTOTEXT = shutil.which("pdftotext")


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> object:
    """pytest-qt's QApplication first: the export's painter then uses it rather than making a
    QGuiApplication of its own, which the widget tests later in this process could not use."""
    return qapp


def pages_of(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def pdf_text(path: Path) -> str:
    """The PDF's text as poppler reads it (poppler-utils: resources/debian-packages.txt)."""
    if PDFTOTEXT is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    out = subprocess.run(
        [PDFTOTEXT, "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    # NFKC: the "fi" ligature poppler reads back is two letters again.
    return " ".join(unicodedata.normalize("NFKC", out.stdout.decode("utf-8")).split())


def export(tmp_path: Path, session: Path, fmt: str, name: str) -> Path:
    out = tmp_path / name
    assert main(["export", str(session), "--format", fmt, "-o", str(out)]) == 0
    return out


def test_the_seed_workshop_prints_on_one_a4_page_in_french(tmp_path: Path) -> None:
    out = export(tmp_path, SEED, "pdf", "deroule.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
    assert pages_of(data) == 1
    assert re.search(rb"/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+84[12](\.\d+)?", data)  # A4
    text = pdf_text(out)
    for expected in (
        "DÉROULÉ",
        "HEURE DURÉE SÉQUENCE INTERVENANTS",
        "16:00 10 min I. Introduction et animation Jean-Claude Dardelet",
        "16:10 40 min II. Témoignages",
        "16:18 8 min 20 s Expérience de politique",
        "Gabriel Voisin-Fradin",
        "Grenoble Alpes",
        "16:35 15 min Échanges avec la salle",
        "16:50 30 min III. Vu d'ailleurs",
        "Raja Touil",
        "17:20 5 min IV. Eléments de conclusion",
        "appui à la structuration de filières",  # the moderator's notes
        "Fin prévue 17:25 · fin du créneau 17:30 · 5 min de marge",
        "mardi 22 septembre 2020",
    ):
        assert expected in text, (expected, text)
    assert "Talk" not in text and "Speakers" not in text  # the session's language, throughout


def test_the_html_is_one_escaped_page_in_the_sessions_language(tmp_path: Path) -> None:
    out = export(tmp_path, SEED, "html", "deroule.html")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page
    assert "<script" not in page.lower() and "http" not in page  # nothing run, nothing fetched
    assert '<th scope="col">Intervenants</th>' in page
    assert '<td class="clock">16:50</td><td class="duration">30 min</td>' in page
    assert "maire adjoint de Toulouse" in page
    assert "Fin prévue 17:25 · fin du créneau 17:30 · 5 min de marge" in page


HOSTILE = """\
format = 1
[session]
title = "<script>alert('x')</script> & co"
start = "20:00"
hard_end = "01:00"
language = "en"

[[parts]]
title = "<b>Opening</b>"
budget = "4h30"

[[parts.segments]]
title = "Talk <img src=x onerror=alert(1)>"
duration = "4h"
notes = "</td></tr><script>steal()</script>"

[[parts.segments.speakers]]
name = "Bob <i>the</i> Builder"
role = "CEO & \\"founder\\""

[[parts.segments]]
title = "Questions"
kind = "qa"

[[parts]]
title = "Night cap"
budget = "15'"
"""


def test_session_text_is_escaped_and_clock_times_say_the_next_day(tmp_path: Path) -> None:
    session = tmp_path / "hostile.toml"
    session.write_text(HOSTILE, encoding="utf-8")
    page = export(tmp_path, session, "html", "order.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in page
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;steal()&lt;/script&gt;" in page
    assert "Bob &lt;i&gt;the&lt;/i&gt; Builder" in page and "CEO &amp; &quot;founder&quot;" in page
    assert '<span class="muted">Questions from the floor</span>' in page  # its kind
    # Past midnight, in English: 00:00 (+1) and 00:30 (+1), the slot to 01:00 (+1).
    assert '<td class="clock">00:00 (+1)</td>' in page
    assert '<td class="clock">00:30 (+1)</td><td class="duration">15 min</td>' in page
    assert "Planned end 00:45 (+1) · end of the slot 01:00 (+1) · 15 min to spare" in page
    pdf = export(tmp_path, session, "pdf", "order.pdf")
    text = pdf_text(pdf)
    assert "<script>alert('x')</script> & co" in text  # drawn as the characters they are
    assert "00:30 (+1) 15 min II. Night cap" in text


def test_an_existing_file_needs_force_and_bad_input_says_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = export(tmp_path, SEED, "pdf", "order.pdf")
    assert main(["export", str(SEED), "--format", "pdf", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "order.pdf" in err and "Traceback" not in err
    assert main(["export", str(SEED), "--format", "pdf", "-o", str(out), "--force"]) == 0
    missing = tmp_path / "nope.toml"
    assert main(["export", str(missing), "--format", "html"]) == 2
    assert "nope.toml" in capsys.readouterr().err
