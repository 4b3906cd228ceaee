# The two commands of the README: `make run` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench translations dist clean

QM := desktop/i18n/resursi_en.qm

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,demo]'
	touch $@

# English is compiled from its Qt Linguist source; Latvian is the source language itself.
$(QM): desktop/i18n/resursi_en.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent desktop/i18n/resursi_en.ts -qm $(QM)

translations: $(STAMP)
	$(BIN)/pyside6-lupdate desktop/*.py desktop/views/*.py -source-language lv \
		-target-language en -ts desktop/i18n/resursi_en.ts

run: $(STAMP) $(QM)
	$(BIN)/resursi --demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: lint $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.seed --applications 100000 \
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
