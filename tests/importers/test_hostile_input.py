"""Hostile and sloppy programmes, through the real `timekeeper import` and `check`: strict
where guessing would be silently wrong (a key or a column given twice, a quote never closed,
digits that are not 0-9), tolerant where the intent is plain (old Mac line ends), and never
slower than the length of the input allows (the quadratic shapes finish; the bench has the
target figure, tests/bench/bench_import.py).
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tests.bench.bench_import import MANY_LINES, ONE_LINE, text_of
from tests.cli.helpers import assert_bad_input, timekeeper
from tests.conftest import SEED

TIMEOUT = 30  # seconds, for a megabyte; only a quadratic import (minutes) reaches it


def _import(tmp_path: Path, name: str, data: bytes, *extra: str) -> tuple[int, str, Path]:
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out.toml"
    done = timekeeper("import", source, "-o", out, *extra, timeout=TIMEOUT)
    return done.returncode, done.stderr.decode("utf-8", errors="replace"), out


def test_a_key_twice_in_a_json_running_order_is_refused_with_its_line(tmp_path: Path) -> None:
    plan = json.dumps(
        tomllib.loads(SEED.read_text(encoding="utf-8")), ensure_ascii=False, default=str
    )
    text = plan.replace('"format": 1', '"format": 1,\n"format": 1', 1)
    path = tmp_path / "order.json"
    path.write_text(text, encoding="utf-8")
    done = timekeeper("check", path, timeout=TIMEOUT)
    assert_bad_input(done, f"{path}, line 2", "'format' is given twice")


def test_a_column_twice_in_a_csv_is_refused_naming_it(tmp_path: Path) -> None:
    code, err, out = _import(tmp_path, "p.csv", "Titre;Durée;Durée\nAccueil;10;5\n".encode())
    assert code == 2 and not out.exists()
    assert "the column 'Durée' appears twice" in err and "(line 1)" in err


def test_two_names_for_one_column_are_refused(tmp_path: Path) -> None:
    code, err, _ = _import(tmp_path, "p.csv", "Titre;Title;Durée\nA;B;10\n".encode())
    assert code == 2 and "'Titre' and 'Title'" in err and "(line 1)" in err


def test_an_unclosed_quote_is_an_error_at_the_line_it_opened(tmp_path: Path) -> None:
    data = 'Titre;Durée\nAccueil;10\n"Table ronde;30\nQuestions;10\nConclusion;5\n'
    code, err, out = _import(tmp_path, "p.csv", data.encode())
    assert code == 2 and not out.exists()
    last = err.splitlines()[-1]
    assert "quote" in last and "never closed" in last and "(line 3)" in last


def test_a_cr_only_csv_imports_the_same_plan_as_its_lf_version(tmp_path: Path) -> None:
    lf = "Titre;Durée;Début\nAccueil;10;9h00\nTable ronde;30\nConclusion;5\n"
    code_lf, err_lf, out_lf = _import(tmp_path, "lf.csv", lf.encode())
    assert code_lf == 0, err_lf
    plan_lf = out_lf.read_text(encoding="utf-8")
    out_lf.unlink()
    code_cr, err_cr, out_cr = _import(tmp_path, "lf.csv", lf.replace("\n", "\r").encode())
    assert code_cr == 0, err_cr
    assert "newline" not in err_cr
    assert out_cr.read_text(encoding="utf-8") == plan_lf


def test_full_width_digits_are_not_a_duration(tmp_path: Path) -> None:
    code, err, out = _import(tmp_path, "p.csv", "Titre;Durée\nAccueil;１０ min\n".encode())
    assert code == 2 and not out.exists()
    assert "'１' (FULLWIDTH DIGIT ONE) is not one of the digits 0-9" in err


def test_full_width_digits_in_a_running_order_are_named(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    start = text.index("duration = ")
    end = text.index("\n", start)
    path = tmp_path / "order.toml"
    path.write_text(text[:start] + 'duration = "１０ min"' + text[end:], encoding="utf-8")
    done = timekeeper("check", path, timeout=TIMEOUT)
    assert_bad_input(done, str(path), "FULLWIDTH DIGIT ONE")


@pytest.mark.slow
@pytest.mark.parametrize("shape", [*ONE_LINE, *MANY_LINES])
def test_a_megabyte_of_a_once_quadratic_shape_finishes(tmp_path: Path, shape: str) -> None:
    """Imported or refused with a sentence, but finished: before, these took minutes."""
    code, err, _ = _import(tmp_path, "p.txt", text_of(shape, 1024 * 1024).encode())
    assert code in (0, 2), err
    assert "Traceback" not in err
