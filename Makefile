# Two commands a new user needs: `make run` and `make test`. Both bootstrap .venv themselves.
# `make dist` builds what is handed out: sdist, wheel, and the standalone bundle.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
QT_OFFSCREEN := QT_QPA_PLATFORM=offscreen
SESSION ?= sessions/aict-2020-atelier-developpement-economique.toml
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test test-tools lint typecheck pytest bench bench-compare screenshots screenshots-remote translations lupdate sounds dist clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP) translations
	$(BIN)/timekeeper $(SESSION)

test: $(STAMP) translations test-tools lint typecheck pytest

# System packages Qt and some tests need (resources/debian-packages.txt, one list shared with the
# README). Installed when missing and possible (root with apt-get); otherwise the tests that need
# them say they are skipped and why (and CI, which sets TIMEKEEPER_STRICT_SKIPS, fails on a skip).
DEB_PACKAGES := resources/debian-packages.txt
test-tools:
	@missing=""; for pkg in $$(sed -e 's/#.*//' $(DEB_PACKAGES)); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing system packages:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) >/dev/null 2>&1 \
	      || echo "note: could not install$$missing; the tests that need them will be skipped"; \
	  else echo "note:$$missing not installed; the tests that need them will be skipped"; fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(QT_OFFSCREEN) $(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP) translations
	$(QT_OFFSCREEN) $(BIN)/python -m tests.bench

# Before/after: `make bench-compare BEFORE=../before` measures the bench figures of the tree
# BEFORE (another checkout with its own .venv) and of this one in turns, and prints both with
# their ratio. Instruction counts (valgrind's callgrind) and memory do not depend on the load;
# wall figures do (medians of ROUNDS interleaved rounds). See tests/bench/compare.py.
ROUNDS ?= 3
bench-compare: $(STAMP) translations
	@test -n "$(BEFORE)" || { echo "usage: make bench-compare BEFORE=<dir of the other tree>"; exit 2; }
	$(QT_OFFSCREEN) $(BIN)/python -m tests.bench.compare $(BEFORE) --rounds $(ROUNDS) $(COMPARE_ARGS)

# Compiled .qm files are built from the .ts sources with Qt's lrelease (shipped in PySide6).
# Both windows in every live state, French and English, 1920x1080: screenshots/*.png.
screenshots: $(STAMP) translations
	$(QT_OFFSCREEN) $(BIN)/python -m tests.screenshots screenshots

# The remote pages (resources/remote/) in Chromium at 390x844 and 1024x768, French and English:
# screenshots/remote/*.png.
screenshots-remote: $(STAMP)
	$(BIN)/python -m tests.remote_pages.screenshots screenshots/remote

translations: $(STAMP) $(QM)

resources/translations/%.qm: resources/translations/%.ts
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing UI strings: refresh the French source, translate the new entries, `make translations`.
# The sound cues, synthesised again (app/sound/synth.py; a test holds the files to it).
sounds: $(STAMP)
	$(BIN)/python -m app.sound.synth resources/sounds

lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate app/i18n.py app/ui/*.py app/ui/widgets/*.py app/ui/editor/*.py app/reports/*.py app/reports/qt/*.py -ts resources/translations/timekeeper_fr.ts -no-obsolete

# The sdist and the wheel (python -m build: the wheel is built from the sdist, so the sdist is
# known to be complete; setup.py compiles the .qm into it), then the one-folder bundle
# dist/timekeeper/timekeeper (PyInstaller, timekeeper.spec), then the bundle run from another
# folder: check --json, the window offscreen in French, its size and start-up time.
# Not part of `make test`. The tools come from the `dist` extra of pyproject.toml.
DIST_TOOLS := $(VENV)/.dist-tools
$(DIST_TOOLS): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,dist]'
	touch $@

dist: $(STAMP) translations $(DIST_TOOLS)
	rm -rf dist build/pyinstaller
	$(BIN)/python -m build --no-isolation --outdir dist .
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller timekeeper.spec
	$(BIN)/python -m tests.bundle_smoke dist/timekeeper/timekeeper

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist app/_data
