# Every target bootstraps .venv through `venv`, which does nothing when it is up to date.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FORMS_UI := $(wildcard ui/*.ui)
FORMS_PY := $(patsubst ui/%.ui,rmdesk/gui/forms/ui_%.py,$(FORMS_UI))
TS := resources/translations/rmdesk_zh_CN.ts resources/translations/rmdesk_en.ts
QM := $(TS:.ts=.qm)
MESSAGES_JSON := resources/i18n/messages.json
# One test process per core (each a whole module at a time: a module's fixtures are built once).
TEST_WORKERS ?= auto

.PHONY: venv run test bench lint ts clean wheel bundle bundle-smoke

# Bytecode written ahead, as a regular install has it: an editable install under
# PYTHONDONTWRITEBYTECODE would compile every module at each start (~90 ms).
venv: $(STAMP) $(FORMS_PY) $(QM) $(MESSAGES_JSON)
	$(BIN)/python -m compileall -q rmdesk

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	touch $@

rmdesk/gui/forms/ui_%.py: ui/%.ui $(STAMP)
	$(BIN)/pyside6-uic $< -o $@

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# the core's message catalogue as JSON, read at every start instead of parsing the TOML
$(MESSAGES_JSON): resources/i18n/messages.toml $(STAMP)
	$(BIN)/python -c "import sys; from pathlib import Path; from rmdesk.i18n import compile_catalog; compile_catalog(Path(sys.argv[1]))" resources/i18n

run: venv
	$(BIN)/rmdesk $(ARGS)

test: venv
	bash scripts/install-test-deps.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --dist loadfile --durations=15

lint: venv
	$(BIN)/ruff check rmdesk tests bench

# Refresh the .ts sources from the code and forms (translators then fill them in).
ts: $(STAMP) $(FORMS_PY)
	$(BIN)/pyside6-lupdate $$(find rmdesk -name '*.py' -not -path '*/forms/*' | sort) $(FORMS_UI) -no-obsolete -locations none -ts $(TS)

bench: venv
	$(BIN)/python -m bench

# dist/rmdesk-*.whl: pip builds it in an isolated environment (setup.py generates the forms
# and .qm files into it)
wheel: venv
	$(BIN)/python -m pip wheel --no-deps -w dist .

# dist/rmdesk/: the PyInstaller one-folder bundle (build.spec), then its smoke test
bundle: venv
	bash scripts/install-test-deps.sh
	$(BIN)/python -m pip install -q --disable-pip-version-check 'pyinstaller>=6.10,<7'
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build.spec
	bash scripts/bundle-smoke.sh dist/rmdesk

bundle-smoke:
	bash scripts/bundle-smoke.sh dist/rmdesk

clean:
	rm -rf $(VENV) $(FORMS_PY) $(QM) $(MESSAGES_JSON) build dist
