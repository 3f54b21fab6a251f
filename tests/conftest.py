"""Shared test set-up: a private TIMEKEEPER_HOME per test, Qt offscreen, strict skips.

Qt's platform is chosen before any QApplication exists; `make test` sets it too, this is for
a bare `pytest` run.

With ``TIMEKEEPER_STRICT_SKIPS=1`` (CI sets it, .ci/run) a skipped test is a failure that
gives the skip's reason: on the CI machine a missing tool is a red run, not a quiet line in
the summary. Expected failures (xfail, strict) are reported as they always are.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _pytest.reports import CollectReport, TestReport

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "sessions" / "aict-2020-atelier-developpement-economique.toml"
# Copies of ../shared/programme/ (the seed workshop as it arrived, as text) and of
# ../shared/qt/two-screens.json (a laptop and a 1920x1080 projector for Qt's offscreen
# platform): a clone tests on its own, without the shared folder beside it.
DATA = REPO / "tests" / "data"
PROGRAMME = DATA / "aict-2020-atelier-developpement-economique.txt"
TWO_SCREENS = DATA / "two-screens.json"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


STRICT_SKIPS = "TIMEKEEPER_STRICT_SKIPS"


def _strict_skips() -> bool:
    return os.environ.get(STRICT_SKIPS) == "1"


def _skip_reason(report: TestReport | CollectReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        path, line, reason = longrepr
        return f"{reason.removeprefix('Skipped: ')} ({path}:{line})"
    return str(longrepr)


def _fail_the_skip(report: TestReport | CollectReport) -> None:
    report.outcome = "failed"
    report.longrepr = f"{STRICT_SKIPS}=1, so a skip is a failure: {_skip_reason(report)}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> TestReport:
    report: TestReport = yield
    if _strict_skips() and report.skipped and not hasattr(report, "wasxfail"):
        _fail_the_skip(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> CollectReport:
    """A module that skips itself (importorskip, allow_module_level) fails too."""
    report: CollectReport = yield
    if _strict_skips() and report.skipped:
        _fail_the_skip(report)
    return report


@pytest.fixture(autouse=True)
def timekeeper_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings and logs folder; nothing touches the user's."""
    home = tmp_path / "tk-home"
    monkeypatch.setenv("TIMEKEEPER_HOME", str(home))
    return home


@pytest.fixture
def seed_path() -> Path:
    return SEED
