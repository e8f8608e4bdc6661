# Công Khai task runner. The two README commands are `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1  # silence Material's banner about MkDocs 2.0 (versions are pinned)

.PHONY: setup site serve check test test-fast format golden bench clean

setup: $(STAMP)  ## create .venv and install the pinned dependencies

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

site: setup  ## check the content, then build the website and posters into site/
	bash .ci/system-deps.sh site
	$(BIN)/python -m generator check
	$(BIN)/mkdocs build --strict

serve: setup  ## preview at http://127.0.0.1:8000/: a saved procedure's page and posters update in a second or two
	$(BIN)/python -m generator preview

check: setup  ## every gate CI runs besides the tests
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy generator
	$(BIN)/python -m generator check  # add --strict once every procedure has its national code
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_architecture.py

test: setup  ## the whole test suite (unit, golden, whole-site, posters, browser)
	bash .ci/system-deps.sh test
	$(BIN)/python -m pytest -n 2 -q

test-fast: setup  ## the unit tests only
	$(BIN)/python -m pytest -q -m "not browser and not slow"

format: setup
	$(BIN)/ruff format generator tests bench
	$(BIN)/ruff check --fix generator tests bench

golden: setup  ## refresh golden files after reviewing the change
	CK_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests -k golden

bench: setup  ## the benchmarks behind docs/benchmarks.md (each prints its figures; see that file)
	$(BIN)/python bench/site_bench.py --sizes 300 2000 --naive 300
	$(BIN)/python bench/search_eval.py
	$(BIN)/python bench/search_bench.py --count 2000
	$(BIN)/python bench/poster_bench.py --count 2000

clean:
	rm -rf site .cache build dist
