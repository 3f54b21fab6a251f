"""The wheel's build hook: the data folders mapped into the package, the translations compiled.

pyproject.toml holds the metadata; this file only adds one step to setuptools' ``build_py``.
The repository keeps ``resources/`` and ``sessions/`` at the top (the layout the project asks
for); a wheel has only the package, so they are copied to ``app/_data/resources`` and
``app/_data/sessions`` in the build folder, where ``app/resources.py`` reads them through
``importlib.resources``. Each ``resources/translations/*.ts`` is compiled to its ``.qm`` there
with Qt's lrelease (shipped in PySide6-Essentials, a build requirement), so no ``.qm`` is ever
made by hand or committed. An editable install skips the step: it reads the checkout's folders.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_FOLDERS = ("resources", "sessions")
PACKAGED = Path("app") / "_data"  # app.resources.PACKAGED


def lrelease() -> Path:
    """PySide6's lrelease binary (the one the ``pyside6-lrelease`` wrapper runs)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("building Timekeeper needs PySide6-Essentials (for lrelease)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    exe = folder / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not exe.is_file():
        raise SystemExit(f"{exe}: PySide6's lrelease is missing; the translations cannot be built")
    return exe


def compile_translations(folder: Path) -> list[Path]:
    """``*.ts`` -> ``*.qm`` in ``folder``; the ``.ts`` sources are left out of the wheel."""
    made = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.is_file():
            raise SystemExit(f"lrelease made no {qm.name} from {ts.name}")
        ts.unlink()
        made.append(qm)
    return made


class BuildWithData(build_py):
    """``build_py``, then the data folders and the compiled translations into the package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / PACKAGED
        for name in DATA_FOLDERS:
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(
                ROOT / name, target / name, ignore=shutil.ignore_patterns("*.qm", "__pycache__")
            )
        qms = compile_translations(target / "resources" / "translations")
        print(f"timekeeper: data mapped into {target}, compiled {', '.join(q.name for q in qms)}")


setup(cmdclass={"build_py": BuildWithData})
