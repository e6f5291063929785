# Two commands do all the set-up: `make demo` and `make test`. Each creates .venv and installs
# what it needs, so they work on a fresh machine that has only Python and pip.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test clean fuzz docs bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	-$(BIN)/ecocheck evaluate data/kazuo-2019.yaml
	-$(BIN)/ecocheck evaluate data/tongyu-2022.yaml

test: $(STAMP)
	-@scripts/ensure-chromium
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info

fuzz: $(STAMP)  # the property tests with many more examples
	HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest tests/engine/test_properties.py

docs: $(STAMP)  # regenerate the rule reference (docs/rules/) after changing rules/*.yaml, and run the rule tests
	$(BIN)/ecocheck rules test
	$(BIN)/ecocheck rules docs --output docs/rules/

bench: $(STAMP)  # issue #6: checking vs only reading the files, start-up, memory (several minutes; --quick: one)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)
