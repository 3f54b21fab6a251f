"""The remote pages' files, read as text: what the CSP and the "session text is text" rule
need of them, and every word in both languages (no browser needed)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app import resources

PAGES = resources.resources_dir() / "remote"
HTML = sorted(PAGES.glob("*.html"))
JS = sorted(PAGES.glob("*.js"))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[tuple[str, str]] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and data.strip():
            self.data.append((self._open[-1], data))


def _tags(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _strings(language: str) -> set[str]:
    source = (PAGES / "remote.js").read_text(encoding="utf-8")
    block = re.search(rf"\n    {language}: \{{\n(.*?)\n    \}},", source, re.S)
    assert block, language
    return set(re.findall(r"^\s+(\w+): ", block.group(1), re.M))


def test_the_four_pages_and_their_files_are_there() -> None:
    assert {p.stem for p in HTML} == {"view", "backstage", "agenda", "control"}
    for page in HTML:
        for tag, attrs in _tags(page).tags:
            ref = attrs.get("src") or (attrs.get("href") if tag == "link" else None)
            if ref:
                assert ref.startswith("/static/"), (page.name, ref)
                assert (PAGES / ref.removeprefix("/static/")).is_file(), (page.name, ref)


@pytest.mark.parametrize("page", HTML, ids=lambda p: p.name)
def test_no_inline_script_or_style_nothing_from_elsewhere(page: Path) -> None:
    parsed = _tags(page)
    for tag, attrs in parsed.tags:
        assert tag != "style", page.name
        assert "style" not in attrs, (page.name, tag)
        assert not [a for a in attrs if a.startswith("on")], (page.name, tag, attrs)
        if tag == "script":
            assert attrs.get("src"), f"{page.name}: an inline script"
    assert not [d for t, d in parsed.data if t == "script"], page.name
    assert "http://" not in page.read_text() and "https://" not in page.read_text()


@pytest.mark.parametrize("script", JS, ids=lambda p: p.name)
def test_scripts_set_text_never_html(script: Path) -> None:
    source = script.read_text(encoding="utf-8")
    for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                   "new Function", "setAttribute(\"on", "javascript:"):  # fmt: skip
        assert banned not in source, f"{script.name} uses {banned}"
    assert not re.search(r"setTimeout\(\s*[\"'`]", source), "a string given to setTimeout"


def test_every_word_is_in_french_and_in_english() -> None:
    en, fr = _strings("en"), _strings("fr")
    assert en == fr, en ^ fr
    used: set[str] = set()
    for page in HTML:
        used |= {a["data-t"] for _, a in _tags(page).tags if a.get("data-t")}  # type: ignore[misc]
    for script in JS:
        source = script.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bt\(\"(\w+)\"", source))
    dynamic = {"status_", "phase_", "state_"}  # t("status_" + state.status) and the like
    assert used, "no word found"
    missing = {k for k in used if k not in en and k not in dynamic}
    assert not missing, missing
    for prefix in dynamic:
        assert any(k.startswith(prefix) for k in en)
    for status in ("ready", "running", "paused", "ended"):
        assert f"status_{status}" in en
    for phase in ("normal", "warning", "final", "overtime"):
        assert f"phase_{phase}" in en
    for row in ("done", "current", "upcoming", "skipped"):
        assert f"state_{row}" in en
