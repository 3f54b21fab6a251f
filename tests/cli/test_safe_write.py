"""Nothing is lost (ARCHITECTURE.md §2): what a user sees when `report -o`, `import -o`,
`export -o` or the settings aim at a file that is already there, at a folder, or at a full
disk. The file they had is still there, byte for byte; one sentence says why; exit 2.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.files import FileWriteError, write_atomic
from app.ui.settings import Settings, load_settings, save_settings
from tests.conftest import PROGRAMME, SEED
from tests.timing_log.test_report import play_seed


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> str:
    """Run the command; it must exit 2 with one sentence on stderr, nothing on stdout (after
    the guesses `import` prints as warnings, if any)."""
    code, out, err = run(capsys, *argv)
    assert code == 2, err
    assert out == "" and "Traceback" not in err
    *before, last = err.splitlines()
    assert all(line.startswith("warning: ") for line in before), err
    assert last.startswith("timekeeper: ") and err.endswith("\n"), err
    return last


@pytest.fixture
def log(tmp_path: Path) -> Path:
    live, _ = play_seed(tmp_path / "logs")
    return live.log_path


def newer_schema_log(log: Path, target: Path) -> Path:
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    header = json.loads(lines[0])
    header["schema"] = 99
    header["something_new"] = {"x": 1}
    target.write_text(json.dumps(header) + "\n" + "".join(lines[1:]), encoding="utf-8")
    return target


def unparsable_header_log(log: Path, target: Path) -> Path:
    body = log.read_bytes().split(b"\n", 1)[1]
    target.write_bytes(b'{"type": "header", "schema": 1, "plan": {"trunc\n' + body)
    return target


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# -- report -o ------------------------------------------------------------------------------


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("kind", ["running order", "newer log", "broken log", "same log"])
def test_report_never_replaces_a_running_order_or_a_log(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log: Path, kind: str, force: bool
) -> None:
    if kind == "running order":
        target = tmp_path / "plan.toml"
        shutil.copy(SEED, target)
    elif kind == "newer log":
        target = newer_schema_log(log, tmp_path / "newer.jsonl")
    elif kind == "broken log":
        target = unparsable_header_log(log, tmp_path / "broken.txt")
    else:
        target = log
    before = target.read_bytes()
    extra = ["--force"] if force else []
    err = refused(capsys, "report", log, "--format", "csv", "-o", target, *extra)
    assert str(target) in err
    assert ("a running order" if kind == "running order" else "a timing log") in err
    assert target.read_bytes() == before
    assert no_temp_files(target.parent)


def test_report_onto_a_folder_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    err = refused(capsys, "report", log, "-o", folder, "--force")
    assert "is a folder" in err
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("fmt", ["text", "csv", "json"])
def test_report_replaces_an_earlier_report_of_its_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log: Path, fmt: str
) -> None:
    target = tmp_path / f"report.{fmt}"
    assert run(capsys, "report", log, "--format", fmt, "-o", target)[0] == 0
    first = target.read_bytes()
    target.write_bytes(first + b"\n")  # an earlier report, not quite the same
    code, _, err = run(capsys, "report", log, "--format", fmt, "-o", target)
    assert code == 0, err
    assert target.read_bytes() == first
    assert no_temp_files(tmp_path)


def test_report_replaces_an_unrelated_file_only_with_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes for the next workshop\n", encoding="utf-8")
    err = refused(capsys, "report", log, "-o", notes)
    assert "use --force" in err and str(notes) in err
    assert notes.read_text(encoding="utf-8") == "my notes for the next workshop\n"
    # a report of another format is not "the same kind of output" either
    csv_report = tmp_path / "report.csv"
    assert run(capsys, "report", log, "--format", "csv", "-o", csv_report)[0] == 0
    refused(capsys, "report", log, "--format", "json", "-o", csv_report)
    code, _, err = run(capsys, "report", log, "-o", notes, "--force")
    assert code == 0, err
    assert "late: start against the planned clock time" in notes.read_text(encoding="utf-8")


def test_report_refuses_a_symbolic_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log: Path
) -> None:
    real = tmp_path / "real.txt"
    real.write_text("mine\n", encoding="utf-8")
    link = tmp_path / "report.txt"
    link.symlink_to(real)
    err = refused(capsys, "report", log, "-o", link, "--force")
    assert "symbolic link" in err
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.usefixtures("qapp")  # pytest-qt's QApplication, before report makes a GUI one
def test_html_and_pdf_reports_replace_their_own_earlier_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log: Path
) -> None:
    for fmt in ("html", "pdf"):
        target = tmp_path / f"report.{fmt}"
        assert run(capsys, "report", log, "--format", fmt, "-o", target)[0] == 0
        code, _, err = run(capsys, "report", log, "--format", fmt, "-o", target)
        assert code == 0, err
    refused(capsys, "report", log, "--format", "pdf", "-o", tmp_path / "report.html")


# -- a full disk ----------------------------------------------------------------------------


def _enospc(*_: object) -> int:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def small_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KB file system (tmpfs, as root), unmounted afterwards."""
    mount = tmp_path / "small"
    mount.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command here")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here ({done.stderr.decode().strip()})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_report_on_a_really_full_disk_keeps_the_old_report(
    capsys: pytest.CaptureFixture[str], small_tmpfs: Path, log: Path
) -> None:
    target = small_tmpfs / "report.json"
    assert run(capsys, "report", log, "--format", "json", "-o", target)[0] == 0
    old = target.read_bytes().replace(b"5400", b"1234")
    target.write_bytes(old)
    filler = small_tmpfs / "filler"
    with filler.open("wb", buffering=0) as out:
        with pytest.raises(OSError) as full:
            while True:
                out.write(b"x" * 1024)
        assert full.value.errno == errno.ENOSPC
    err = refused(capsys, "report", log, "--format", "json", "-o", target)
    assert str(target) in err and "the disk is full" in err
    assert target.read_bytes() == old
    assert sorted(p.name for p in small_tmpfs.iterdir()) == ["filler", "report.json"]


def test_report_on_a_full_disk_keeps_the_old_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.txt"
    target.write_text("notes\n", encoding="utf-8")
    monkeypatch.setattr(os, "write", _enospc)
    err = refused(capsys, "report", log, "-o", target, "--force")
    assert "the disk is full" in err and "the old file is unchanged" in err
    assert target.read_text(encoding="utf-8") == "notes\n"
    assert no_temp_files(tmp_path)


def test_import_and_export_on_a_full_disk_keep_the_old_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = tmp_path / "plan.toml"
    programme = tmp_path / "programme.csv"
    assert run(capsys, "import", PROGRAMME, "-o", plan)[0] == 0
    assert run(capsys, "export", plan, "--format", "csv", "-o", programme)[0] == 0
    before = plan.read_bytes(), programme.read_bytes()
    monkeypatch.setattr(os, "write", _enospc)
    err = refused(capsys, "import", PROGRAMME, "-o", plan, "--force")
    assert str(plan) in err and "the disk is full" in err
    err = refused(capsys, "export", SEED, "--format", "csv", "-o", programme, "--force")
    assert str(programme) in err and "the disk is full" in err
    assert (plan.read_bytes(), programme.read_bytes()) == before
    assert no_temp_files(tmp_path)


def test_import_and_export_never_replace_a_log_and_need_force_otherwise(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log: Path
) -> None:
    before = log.read_bytes()
    for argv in (("import", PROGRAMME), ("export", SEED)):
        err = refused(capsys, *argv, "-o", log, "--force")
        assert "is a timing log" in err
    plan = tmp_path / "plan.toml"
    shutil.copy(SEED, plan)
    err = refused(capsys, "export", SEED, "-o", plan, "--force")
    assert "is a running order" in err
    assert plan.read_bytes() == SEED.read_bytes() and log.read_bytes() == before
    err = refused(capsys, "import", PROGRAMME, "-o", plan)
    assert "already exists" in err and "--force" in err
    assert run(capsys, "import", PROGRAMME, "-o", plan, "--force")[0] == 0  # it writes those
    err = refused(capsys, "export", SEED, "-o", tmp_path)
    assert "is a folder" in err


# -- settings and the helper itself ----------------------------------------------------------


def test_settings_are_replaced_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config" / "settings.toml"
    assert save_settings(Settings(language="fr", theme="light"), path) is None
    assert (path.parent.stat().st_mode & 0o777) == 0o700
    before = path.read_bytes()
    monkeypatch.setattr(os, "fsync", _enospc)
    problem = save_settings(Settings(language="en"), path)
    assert problem is not None and str(path) in problem and "the disk is full" in problem
    assert path.read_bytes() == before
    assert load_settings(path)[0].language == "fr"
    assert no_temp_files(path.parent)


def test_a_file_that_appears_meanwhile_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.txt"
    real_fsync = os.fsync

    def someone_writes(fd: int) -> None:
        real_fsync(fd)
        if not target.exists():
            target.write_text("theirs\n", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", someone_writes)
    with pytest.raises(FileWriteError, match="appeared while it was being written"):
        write_atomic(target, b"ours\n")
    assert target.read_text(encoding="utf-8") == "theirs\n"
    assert no_temp_files(tmp_path)


def test_a_new_file_is_private_and_complete(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "out.bin", b"x" * 100_000)
    assert target.read_bytes() == b"x" * 100_000
    assert (target.stat().st_mode & 0o777) == 0o600
