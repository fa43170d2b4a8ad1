# rewards-core: `make run` starts the server with embedded Redis and Postgres; `make test` runs
# the whole suite. Both create the virtual environment and build the Cython code first.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: run test build venv generate check-generated build-clients lint-proto bench clean

run: build
	$(BIN)/rewards-core serve

test: build
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	@if [ "$(SKIP_CLIENT_TESTS)" = "1" ]; then echo "make test: Go/TypeScript/Java client suites skipped (SKIP_CLIENT_TESTS=1)"; \
	else bash scripts/test-clients.sh; fi

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml setup.py clients/python/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel
	$(BIN)/pip install --quiet -e clients/python -e '.[dev]'
	touch $@

build: venv
	$(BIN)/python setup.py --quiet build_ext --inplace

generate: venv
	PYTHON=$(BIN)/python bash scripts/generate.sh

check-generated: venv
	PYTHON=$(BIN)/python bash scripts/check-generated.sh

build-clients:
	bash scripts/build-clients.sh

lint-proto:
	bash scripts/lint-proto.sh

bench: build
	$(BIN)/python benchmarks/bench_codegen.py
	$(BIN)/python benchmarks/bench_ledger.py
	$(BIN)/python benchmarks/bench_redeem.py
	$(BIN)/python benchmarks/bench_points.py
	$(BIN)/python benchmarks/bench_generate_codes.py

clean:
	rm -rf $(VENV) build core/_speedups/*.c core/_speedups/*.so
