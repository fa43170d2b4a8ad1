# rewards-core: `make run` starts the server with embedded Redis and Postgres; `make test` runs
# the whole suite. Both create the virtual environment and build the Cython code first.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: run test build venv generate check-generated build-clients lint-proto bench bench-micro clean

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

# make bench: one server (1 worker, embedded stores) set up by benchmarks/setup_bench.py and driven
# by the Go load generator benchmarks/loadgen; writes benchmarks/results/<date>.json and fails when
# a share of health's ops/s falls below benchmarks/floors.json. BENCH_ARGS go to the load
# generator, e.g. BENCH_ARGS="-duration 3s -warmup 1s -only redeem_common".
BENCH_ARGS ?=

bench: build
	cd benchmarks/loadgen && go build -o loadgen .
	$(BIN)/python benchmarks/setup_bench.py -- $(BENCH_ARGS)

# The Python micro-benchmarks of before (print figures, never fail).
bench-micro: build
	$(BIN)/python benchmarks/bench_codegen.py
	$(BIN)/python benchmarks/bench_ledger.py
	$(BIN)/python benchmarks/bench_redeem.py
	$(BIN)/python benchmarks/bench_points.py
	$(BIN)/python benchmarks/bench_generate_codes.py

clean:
	rm -rf $(VENV) build core/_speedups/*.c core/_speedups/*.so
