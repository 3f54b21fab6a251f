"""Tooltips show session text literally, escaped exactly as ``html.escape`` escapes it."""

from __future__ import annotations

import html

import pytest

from app.ui.widgets import plain_tooltip


@pytest.mark.parametrize(
    "text", ["<b>Bob</b> & Co", 'l\'État "réel"', "&amp; déjà", "plain", "a\nb", "<<>>&&''\"\""]
)
def test_the_same_as_html_escape(text: str) -> None:
    assert plain_tooltip(text) == f"<p>{html.escape(text)}</p>"


def test_empty_text_no_tooltip() -> None:
    assert plain_tooltip("") == ""
