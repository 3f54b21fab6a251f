"""CI's strict skips (tests/conftest.py): with TIMEKEEPER_STRICT_SKIPS=1 a skip fails the run.

Each test runs a small pytest session of its own with the repository's conftest loaded as a
plugin, and reads its outcome as CI would: the counts and the exit code.
"""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

SUITE = """
import sys
import pytest

@pytest.mark.skipif(True, reason="Xvfb is not installed")
def test_marked():
    pass

def test_skips_itself():
    pytest.skip("chromium is not installed")

@pytest.mark.xfail(reason="known", strict=True)
def test_expected_failure():
    assert False

def test_passes():
    pass
"""


def run(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, strict: str | None
) -> pytest.RunResult:
    pytester.makepyfile(test_suite=SUITE)
    if strict is None:
        monkeypatch.delenv("TIMEKEEPER_STRICT_SKIPS", raising=False)
    else:
        monkeypatch.setenv("TIMEKEEPER_STRICT_SKIPS", strict)
    return pytester.runpytest_inprocess("-p", "tests.conftest", "-p", "no:pytestqt", "-rA")


def test_without_the_variable_a_skip_is_a_skip(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(pytester, monkeypatch, None)
    result.assert_outcomes(passed=1, skipped=2, xfailed=1)
    assert result.ret == pytest.ExitCode.OK


def test_with_the_variable_each_skip_fails_and_says_why(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(pytester, monkeypatch, "1")
    # A skipif mark skips in set-up: pytest reports that as an error; a skip in the body fails.
    result.assert_outcomes(passed=1, failed=1, errors=1, xfailed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*TIMEKEEPER_STRICT_SKIPS=1, so a skip is a failure: Xvfb is not installed*",
            "*TIMEKEEPER_STRICT_SKIPS=1, so a skip is a failure: chromium is not installed*",
        ],
        consecutive=False,
    )


def test_a_module_that_skips_itself_fails_the_run(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makepyfile(
        test_module_skip="""
import pytest
pytest.importorskip("a_tool_this_machine_lacks")

def test_never_runs():
    pass
"""
    )
    monkeypatch.setenv("TIMEKEEPER_STRICT_SKIPS", "1")
    result = pytester.runpytest_inprocess("-p", "tests.conftest", "-p", "no:pytestqt")
    assert result.ret != pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["*a skip is a failure*a_tool_this_machine_lacks*"])
