"""`timekeeper install-desktop [--remove]`: the launcher and the icon in the user's XDG folders.

The entry is ``resources/timekeeper.desktop`` (read through app.resources) with its ``Exec``
line pointed at the program that is running now, so that it starts the same install:

- the PyInstaller bundle: the bundle's own executable (``dist/timekeeper/timekeeper``);
- pipx: the command pipx put on the PATH (``~/.local/bin/timekeeper``) when it leads to this
  install, else the script in pipx's virtual environment;
- a virtual environment (or any install with a console script): that environment's
  ``bin/timekeeper``, so the launcher works whatever PATH the desktop session has;
- no console script (``python -m app`` from a checkout): this interpreter with ``-m app``.

Written to ``$XDG_DATA_HOME`` (``~/.local/share`` by default): ``applications/timekeeper.desktop``
and ``icons/hicolor/scalable/apps/timekeeper.svg``. ``--remove`` deletes both. Linux (and other
freedesktop desktops) only: Windows and macOS have no such folders.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from app.cli.errors import BadInput, ExitCode
from app.cli.subcommand import Subparsers

ENTRY_NAME = "timekeeper.desktop"
ICON_NAME = "timekeeper.svg"


@dataclass(frozen=True)
class Launcher:
    """How this copy of Timekeeper was installed, and the command that starts it."""

    kind: str  # "bundle", "pipx", "venv", "python"
    command: tuple[str, ...]


def register(sub: Subparsers) -> None:
    """Add `install-desktop`."""
    desktop = sub.add_parser(
        "install-desktop",
        help="add Timekeeper to the desktop's application menu (Linux), or --remove it",
    )
    desktop.add_argument(
        "--remove", action="store_true", help="take the launcher and the icon away again"
    )
    desktop.set_defaults(func=cmd_install_desktop)


def data_home(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    # The spec: a relative XDG_DATA_HOME is invalid and is ignored.
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def entry_path(home: Path) -> Path:
    return home / "applications" / ENTRY_NAME


def icon_path(home: Path) -> Path:
    return home / "icons" / "hicolor" / "scalable" / "apps" / ICON_NAME


def _is_pipx(prefix: Path) -> bool:
    parts = prefix.resolve().parts
    return any(p == "venvs" and i > 0 and "pipx" in parts[i - 1] for i, p in enumerate(parts))


def current_launcher(environ: dict[str, str] | None = None) -> Launcher:
    """The command that starts the Timekeeper running now (see the module's docstring)."""
    env = os.environ if environ is None else environ
    if getattr(sys, "frozen", False):
        return Launcher("bundle", (str(Path(sys.executable).resolve()),))
    prefix = Path(sys.prefix)
    bin_dir = prefix / ("Scripts" if os.name == "nt" else "bin")
    script = bin_dir / ("timekeeper.exe" if os.name == "nt" else "timekeeper")
    if script.is_file():
        if _is_pipx(prefix):
            exposed = Path(env.get("PIPX_BIN_DIR") or Path.home() / ".local" / "bin")
            exposed = exposed / script.name
            if exposed.exists() and exposed.resolve() == script.resolve():
                return Launcher("pipx", (str(exposed),))
            return Launcher("pipx", (str(script),))
        kind = "venv" if sys.prefix != sys.base_prefix else "python"
        return Launcher(kind, (str(script),))
    return Launcher("python", (sys.executable, "-m", "app"))


_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`]")


def exec_quote(arg: str) -> str:
    """One argument of a desktop entry's Exec key (the freedesktop quoting rules)."""
    if not arg or _RESERVED.search(arg):
        inner = re.sub(r'(["`$\\])', r"\\\1", arg)
        arg = f'"{inner}"'
    # The Exec value is a string value too: its backslashes are escaped once more.
    return arg.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(template: str, launcher: Launcher) -> str:
    """The template with its Exec line (and TryExec) pointed at ``launcher``."""
    exec_value = " ".join(exec_quote(a) for a in launcher.command) + " %f"
    lines = []
    for line in template.splitlines():
        if line.startswith("TryExec="):
            continue
        if line.startswith("Exec="):
            lines.append(f"Exec={exec_value}")
            lines.append(f"TryExec={launcher.command[0]}")
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def _is_entry(head: bytes) -> bool:
    return head.lstrip().startswith(b"[Desktop Entry]")


def _is_svg(head: bytes) -> bool:
    start = head.lstrip()[:200]
    return start.startswith((b"<svg", b"<?xml"))


def _refresh(folder: Path) -> None:
    """Tell the menu about the change when the desktop's tool is there (best effort)."""
    tool = shutil.which("update-desktop-database")
    if tool and folder.is_dir():
        import subprocess  # here only: the parser is built on every start

        subprocess.run([tool, "-q", str(folder)], check=False, capture_output=True)


def install(home: Path, launcher: Launcher) -> tuple[Path, Path]:
    from app import resources
    from app.files import write_atomic

    template = resources.desktop_file().read_text(encoding="utf-8")
    entry, icon = entry_path(home), icon_path(home)
    for folder in (entry.parent, icon.parent):
        folder.mkdir(parents=True, exist_ok=True)
    write_atomic(
        entry,
        desktop_entry(template, launcher).encode("utf-8"),
        replaceable=_is_entry,
        mode=0o644,
    )
    write_atomic(icon, resources.icon_file().read_bytes(), replaceable=_is_svg, mode=0o644)
    _refresh(entry.parent)
    return entry, icon


def remove(home: Path) -> list[Path]:
    removed = []
    for path in (entry_path(home), icon_path(home)):
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(path)
    _refresh(entry_path(home).parent)
    return removed


def cmd_install_desktop(args: argparse.Namespace) -> int:
    if sys.platform in ("win32", "darwin"):
        raise BadInput(
            "install-desktop writes a freedesktop launcher (Linux desktops); on Windows and "
            "macOS, pin the bundle's timekeeper executable to the taskbar or the Dock instead"
        )
    home = data_home()
    if args.remove:
        removed = remove(home)
        for path in removed:
            print(f"removed {path}")
        if not removed:
            print(f"nothing to remove: no {ENTRY_NAME} or icon under {home}")
        return ExitCode.OK
    launcher = current_launcher()
    entry, icon = install(home, launcher)
    print(f"installed {entry} ({launcher.kind}: Exec={' '.join(launcher.command)})")
    print(f"installed {icon}")
    return ExitCode.OK
