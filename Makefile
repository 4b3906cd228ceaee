# The two commands of the README: `make run` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench translations dist clean

QM := desktop/i18n/resursi_en.qm desktop/i18n/resursi_lv.qm

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,demo]'
	touch $@

# English is compiled from its Qt Linguist source; Latvian is the source language itself and
# needs only its plural forms (21 uzlīme, 24 uzlīmes, 0 uzlīmju) for the messages with %n.
desktop/i18n/resursi_%.qm: desktop/i18n/resursi_%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(STAMP)
	$(BIN)/pyside6-lupdate desktop/*.py desktop/views/*.py -source-language lv \
		-target-language en -ts desktop/i18n/resursi_en.ts
	$(BIN)/pyside6-lupdate desktop/*.py desktop/views/*.py -source-language lv \
		-target-language lv -pluralonly -ts desktop/i18n/resursi_lv.ts

run: $(STAMP) $(QM)
	$(BIN)/resursi --demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: lint $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The seed's own timing: a plain folder (an encrypted one needs the keyring or RESURSI_PASSPHRASE;
# the inbox and sync benches measure encryption off and on side by side themselves).
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.seed --applications 100000 --plain \
		--data-dir $$(mktemp -d)/seed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.sync_bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.inbox_bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.desk_bench

# A one-folder PyInstaller build in dist/resursi, checked by asking the built app its version.
dist: $(STAMP) $(QM)
	$(BIN)/python -m pip install --quiet -e '.[build]'
	$(BIN)/pyinstaller build.spec --noconfirm --distpath dist --workpath build/pyinstaller
	QT_QPA_PLATFORM=offscreen dist/resursi/resursi --version

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis $(QM)
