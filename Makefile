# The two commands of the README: `make demo` (the main job) and `make test` (every test).
# Both install what they need: a virtual environment with the locked packages, and for the
# tests the Debian packages PostgreSQL and Chromium.
VENV ?= .venv
PY := $(VENV)/bin/python
SW := $(VENV)/bin/sectorwatch
UV_VERSION := 0.13.9
DEMO_DB ?= sqlite:///$(CURDIR)/sectorwatch.db

.PHONY: install system-deps demo test lint bench bench-all clean

install: $(VENV)/.installed $(VENV)/.compiled

$(VENV)/.installed: requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)/bin/uv pip install -q --compile-bytecode --python $(PY) -r requirements.lock -e .
	touch $@

# Bytecode once, at install: every command then starts without recompiling ~800 modules
# (`sectorwatch who` 1.5 s -> 0.4 s; BENCHMARKS.md, Commands). uv compiles what it installs;
# this also covers a venv made before, and our own sources (the editable install), whose
# bytecode Python ignores and recompiles in memory whenever a source file is newer.
$(VENV)/.compiled: $(VENV)/.installed
	$(PY) -m compileall -q -j 0 $(VENV)/lib src
	touch $@

system-deps:
	bash scripts/system-deps.sh

demo: install
	SECTORWATCH_DB=$(DEMO_DB) $(SW) demo samples/articles --serve

test: install system-deps
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy src
	$(VENV)/bin/pytest -q

lint: install
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/mypy src

# Benchmarks are commands, not tests: each prints its numbers; BENCHMARKS.md records them.
bench: install
	$(PY) -m benchmarks.extract_speed --articles 500

bench-all: bench
	$(PY) -m benchmarks.ingest_scale --articles 1000
	$(PY) -m benchmarks.store_speed --articles 50000
	$(PY) -m benchmarks.api_load --seconds 30 --clients 50

clean:
	rm -rf $(VENV) sectorwatch.db build *.egg-info
