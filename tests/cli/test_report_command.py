"""`timekeeper report LOG --format html|pdf` run as the real command: what lands on stdout or
in the file, and the refusal to pour a PDF onto a terminal (stdout is a pty there)."""

from __future__ import annotations

import os
import re
import select
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.timing_log.reader import read_log
from tests.cli.helpers import COMMAND, timekeeper
from tests.conftest import REPO
from tests.timing_log.test_report import play_seed

pytestmark = pytest.mark.slow


@pytest.fixture
def seed_log(tmp_path: Path) -> Path:
    """The seed workshop played to its end (testimonies over, a pause, the catch-up plan)."""
    live, _ = play_seed(tmp_path / "logs")
    return live.log_path


class _Tables(HTMLParser):
    """The page's <title> and <h1>, and every table's body rows as lists of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.h1 = ""
        self.tables: list[list[list[str]]] = []
        self._in: str | None = None
        self._body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("title", "h1", "td"):
            self._in = tag
        if tag == "table":
            self.tables.append([])
        elif tag == "tbody":
            self._body = True
        elif tag == "tr" and self._body:
            self.tables[-1].append([])
        if tag == "td":
            self.tables[-1][-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._body = False
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data
        elif self._in == "td":
            self.tables[-1][-1][-1] += data


def test_html_on_stdout_is_the_report_with_a_row_per_segment(seed_log: Path) -> None:
    done = timekeeper("report", seed_log, "--format", "html")
    assert done.returncode == 0, done.stderr.decode()
    document = done.stdout.decode("utf-8")
    assert document.startswith("<!DOCTYPE html>") and document.rstrip().endswith("</html>")
    page = _Tables()
    page.feed(document)
    plan = read_log(seed_log).header.plan
    assert plan.title in page.title and page.h1 == plan.title
    parts, segments = page.tables
    assert [row[1] for row in segments] == [s.title for s in plan.segments]
    assert segments[3][-1] == "+03:20"  # talk 3, 200 s over its budget
    assert [row[0] for row in parts[: len(plan.parts)]] == [p.title for p in plan.parts]


def pages_of(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_pdf_to_a_file_without_a_display(seed_log: Path, tmp_path: Path) -> None:
    """Over ssh there is no display: the PDF is still made (Qt offscreen, by itself)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env["WAYLAND_DISPLAY"] = ""
    out = tmp_path / "out.pdf"
    done = timekeeper("report", seed_log, "--format", "pdf", "-o", out, env=env)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == b"" and done.stderr == b""
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    assert pages_of(data) == 2
    assert len(data) > 10_000  # text, tables and the chart, not an empty page


def on_a_terminal(*args: str | Path) -> tuple[int, bytes, str]:
    """Run `timekeeper ARGS` with stdout a terminal (a pty): exit code, what the terminal
    showed, stderr. The pty is read while the command runs, so a command that does write to it
    cannot block on a full buffer."""
    terminal, pty_side = os.openpty()
    shown = b""
    try:
        with subprocess.Popen(
            [*COMMAND, *map(str, args)], stdout=pty_side, stderr=subprocess.PIPE, cwd=REPO
        ) as proc:
            os.close(pty_side)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                if select.select([terminal], [], [], 1.0)[0]:
                    try:
                        chunk = os.read(terminal, 65536)
                    except OSError:  # EIO: the command has ended and closed its side
                        break
                    if not chunk:
                        break
                    shown += chunk
                elif proc.poll() is not None:
                    break
            else:
                proc.kill()
                raise AssertionError(f"timekeeper {args} did not end within 60 s")
            assert proc.stderr is not None
            err = proc.stderr.read()
            code = proc.wait(timeout=60)
    finally:
        os.close(terminal)
    return code, shown, err.decode("utf-8", errors="replace")


def test_a_pdf_is_not_poured_onto_a_terminal(seed_log: Path) -> None:
    code, shown, err = on_a_terminal("report", seed_log, "--format", "pdf")
    assert (code, shown) == (2, b"")
    assert err == "timekeeper: a PDF is not for a terminal: add -o report.pdf\n"


def test_text_still_goes_to_a_terminal(seed_log: Path) -> None:
    """The refusal is the PDF's alone: the table a person reads is printed there."""
    code, shown, err = on_a_terminal("report", seed_log)
    assert (code, err) == (0, "")
    assert "Témoignages" in shown.decode("utf-8")
