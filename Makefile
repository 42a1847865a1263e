# Every target bootstraps .venv through `venv`, which does nothing when it is up to date.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FORMS_UI := $(wildcard ui/*.ui)
FORMS_PY := $(patsubst ui/%.ui,rmdesk/gui/forms/ui_%.py,$(FORMS_UI))
TS := resources/translations/rmdesk_zh_CN.ts resources/translations/rmdesk_en.ts
QM := $(TS:.ts=.qm)

.PHONY: venv run test bench lint ts clean

# Bytecode written ahead, as a regular install has it: an editable install under
# PYTHONDONTWRITEBYTECODE would compile every module at each start (~90 ms).
venv: $(STAMP) $(FORMS_PY) $(QM)
	$(BIN)/python -m compileall -q rmdesk

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	touch $@

rmdesk/gui/forms/ui_%.py: ui/%.ui $(STAMP)
	$(BIN)/pyside6-uic $< -o $@

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

run: venv
	$(BIN)/rmdesk $(ARGS)

test: venv
	bash scripts/install-test-deps.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

lint: venv
	$(BIN)/ruff check rmdesk tests bench

# Refresh the .ts sources from the code and forms (translators then fill them in).
ts: $(STAMP) $(FORMS_PY)
	$(BIN)/pyside6-lupdate $$(find rmdesk -name '*.py' -not -path '*/forms/*' | sort) $(FORMS_UI) -no-obsolete -locations none -ts $(TS)

bench: venv
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(FORMS_PY) $(QM) build dist
