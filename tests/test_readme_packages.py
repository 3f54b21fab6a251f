"""One list of the system packages Qt needs: resources/debian-packages.txt, read by the
Makefile's test-tools step and quoted by the README's install section. This keeps the quote
equal to the list (the packages above the file's "Tests only" section), so they cannot drift."""

from __future__ import annotations

import re

from tests.conftest import REPO

MARKER = "<!-- debian-packages:"


def runtime_packages() -> list[str]:
    text = (REPO / "resources" / "debian-packages.txt").read_text(encoding="utf-8")
    users, _, _ = text.partition("# Tests only")
    return [word for line in users.splitlines() for word in line.split("#")[0].split()]


def readme_packages() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme.count(MARKER) == 1
    block = readme.split(MARKER, 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    command = re.sub(r"\\\n", " ", block).split()
    assert command[:3] == ["sudo", "apt", "install"], block
    return command[3:]


def test_the_readme_quotes_the_package_list() -> None:
    assert runtime_packages() and readme_packages() == runtime_packages()
