# Two commands do all the set-up: `make demo` and `make test`. Each creates .venv and installs
# what it needs, so they work on a fresh machine that has only Python and pip.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test clean fuzz docs bench browser

# setuptools says "Editable installation … be careful with folders named like your package"
# on every editable install with a package-dir mapping (rules/ ships as ecocheck.rules); it is
# information only, so that one message is silenced and every other warning still shows.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)  # each report ends with a line saying what its exit code means (1 = not met, not a failure)
	@$(BIN)/python scripts/demo.py

test: $(STAMP)  # installs nothing outside .venv; the browser test runs when Chromium is present (make browser)
	$(BIN)/python -m pytest

browser:  # Chromium and a Chinese font for tests/output/test_html_browser.py (root, apt-get; asks nothing)
	scripts/install-browser

clean:
	rm -rf $(VENV) build *.egg-info

fuzz: $(STAMP)  # the property tests with many more examples
	HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest tests/engine/test_properties.py

docs: $(STAMP)  # after changing rules/*.yaml: compile the shipped library, run the rule tests, regenerate docs/rules/
	$(BIN)/python scripts/compile_rules.py
	$(BIN)/ecocheck rules test
	$(BIN)/ecocheck rules docs --output docs/rules/

bench: $(STAMP)  # checking vs only reading the files, start-up, memory (several minutes; --quick: one)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)
