# Cầu Nối — developer and CI entry points. `make test` from a fresh clone is all CI needs.
#   make run ARGS='--role clerk'     make test PYTEST_ARGS='-k receipt -x'

PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
STAMP_TEST := $(VENV)/.installed-test
STAMP_BUNDLE := $(VENV)/.installed-bundle
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PYTHON

.DELETE_ON_ERROR:
.PHONY: venv system translations ts run test soak bench clean

# venv (internal): system packages, then .venv, then `pip install -e '.[test]'` again only when
# pyproject.toml is newer than the stamp, so a second `make test` skips pip entirely.
venv: system $(STAMP_TEST)

# system (internal): Debian packages Qt and the tests need (installs them when root).
system:
	@bash scripts/setup_system.sh

$(VPY): | system
	$(PYTHON) -m venv $(VENV)

$(STAMP_TEST): pyproject.toml | $(VPY)
	$(VPY) -m pip install -q -e '.[test]'
	@touch $@

# The bundle extra (PyInstaller) has its own stamp: `make test` never pays for it.
$(STAMP_BUNDLE): pyproject.toml | $(VPY)
	$(VPY) -m pip install -q -e '.[test,bundle]'
	@touch $@

# translations: resources/i18n/*.ts -> .qm beside each, only for .ts newer than its .qm.
translations: $(QM)
	@:

resources/i18n/%.qm: resources/i18n/%.ts | venv
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# ts: refresh the .ts sources from every tr() under ui/ (then translate the new entries, e.g. with
# scripts/fill_ts.py). Run by hand only: `make test` never runs it, as it rewrites tracked files;
# the completeness test fails instead when a string has no Vietnamese. caunoi_en.ts holds only
# the English plural forms ("1 person", "2 people"): the sources are English already.
ts: venv
	$(VENV)/bin/pyside6-lupdate -extensions py -no-obsolete -locations relative ui \
		-ts resources/i18n/caunoi_vi.ts resources/i18n/caunoi_en.ts

# run: the app in a window (not kiosk full screen); extra arguments via ARGS='...'.
run: venv translations
	$(VPY) main.py --windowed $(ARGS)

# test: the whole pytest suite offscreen, then the import-layering contracts (pyproject.toml).
# Tests run in parallel processes (pytest-xdist; each has its own QApplication, store and ports);
# PARALLEL= runs them in one process, e.g. to debug with -x --pdb.
PARALLEL ?= -n auto --maxprocesses 4
test: venv translations
	QT_QPA_PLATFORM=offscreen $(VPY) -m pytest -q $(PARALLEL) $(PYTEST_ARGS)
	$(VENV)/bin/lint-imports --no-logo

# soak: long reliability tests (if any), then build the bundle, smoke-test it and benchmark.
# pytest's exit code 5 ("no tests collected") counts as success while tests/soak is young.
soak: venv $(STAMP_BUNDLE) translations
	@if [ -d tests/soak ]; then \
		echo "QT_QPA_PLATFORM=offscreen $(VPY) -m pytest -q -s -m soak tests/soak"; \
		QT_QPA_PLATFORM=offscreen $(VPY) -m pytest -q -s -m soak tests/soak || [ $$? -eq 5 ]; \
	else \
		echo "soak: no tests/soak yet, skipped"; \
	fi
	$(VENV)/bin/pyinstaller --noconfirm --clean pyinstaller.spec
	QT_QPA_PLATFORM=offscreen dist/caunoi/caunoi smoke-test
	@if [ -f bench/run_all.py ]; then \
		echo "$(VPY) bench/run_all.py"; \
		$(VPY) bench/run_all.py; \
	else \
		echo "soak: no bench/run_all.py yet, skipped"; \
	fi

# bench: the benchmarks alone (each prints its ratio against a floor measured in the same run).
bench: venv translations
	$(VPY) bench/run_all.py

# clean: build outputs and compiled translations; the venv stays.
clean:
	rm -rf build dist
	rm -f resources/i18n/*.qm
