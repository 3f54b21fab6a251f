"""Which running order `timekeeper` opens: the one named, else the last one used, else the
seed workshop."""

from __future__ import annotations

from pathlib import Path

from app import resources
from app.ui.application import choose_session
from app.ui.settings import Settings


def test_the_file_named_on_the_command_line_wins(tmp_path: Path) -> None:
    named, last = tmp_path / "named.toml", tmp_path / "last.toml"
    last.write_text("", encoding="utf-8")
    assert choose_session(named, Settings(last_session=str(last))) == named


def test_without_a_name_the_last_session_is_reopened(tmp_path: Path) -> None:
    last = tmp_path / "last.toml"
    last.write_text("", encoding="utf-8")
    assert choose_session(None, Settings(last_session=str(last))) == last


def test_a_last_session_gone_from_disk_falls_back_to_the_seed(tmp_path: Path) -> None:
    gone = tmp_path / "moved-away.toml"
    assert choose_session(None, Settings(last_session=str(gone))) == resources.default_session()
    assert choose_session(None, Settings()) == resources.default_session()
    assert resources.default_session().is_file()
