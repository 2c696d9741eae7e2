# The two commands of the README: `make run` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist: one test process per CPU core; tests sharing a costly fixture stay in one process
# (XDIST_GROUPS in tests/conftest.py). TEST_WORKERS=0 runs the suite in one process (docs/development.md).
TEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS)

.PHONY: run test test-postgres bench install clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Evidence Vault needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

## Set up, load the demo organisation and start the app on http://$(HOST):$(PORT)/
run: install
	@sh scripts/ensure-packages.sh tesseract-ocr tesseract-ocr-ind
	$(BIN)/evidence-vault demo
	-$(BIN)/evidence-vault ocr --pending
	$(BIN)/evidence-vault serve --host $(HOST) --port $(PORT)

## Set up and run the whole test suite on SQLite, then the tests that use the database again on
## a throwaway PostgreSQL cluster (CI runs exactly this through .ci/run)
test: install
	@sh scripts/ensure-packages.sh postgresql redis-server chromium tesseract-ocr tesseract-ocr-ind
	$(BIN)/ruff check evidence_vault tests bench scripts
	$(BIN)/lint-imports
	$(PYTEST)
	$(PYTEST) --database=postgres

## Only the PostgreSQL pass of `make test` (docs/development.md)
test-postgres: install
	@sh scripts/ensure-packages.sh postgresql redis-server tesseract-ocr tesseract-ocr-ind
	$(PYTEST) --database=postgres

## Print the performance figures recorded in docs/benchmarks.md
bench: install
	@sh scripts/ensure-packages.sh postgresql redis-server
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/legal_bench.py
	$(BIN)/python bench/suggestion_bench.py
	$(BIN)/python bench/audit_bench.py
	$(BIN)/python bench/coverage_bench.py
	$(BIN)/python bench/search_bench.py --backend whoosh
	$(BIN)/python bench/search_bench.py --backend postgres
	$(BIN)/python bench/search_bench.py --backend postgres --corpus uu
	$(BIN)/python bench/ingest_bench.py
	$(BIN)/python bench/cli_bench.py
	$(BIN)/python bench/upload_bench.py
	$(BIN)/python bench/web_bench.py

clean:
	rm -rf $(VENV) .pytest_cache
