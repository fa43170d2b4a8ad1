# rewards-core: `make run` starts the server with embedded Redis and Postgres; `make test` runs
# the whole suite. Both create the virtual environment and build the Cython code first.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: run test test-packaging build venv generate check-generated build-clients lint lint-proto bench bench-micro bench-codes load load-ui clean

run: build
	$(BIN)/rewards-core serve

# make test: the Python suites, then the Go/TypeScript/Java client suites even when the Python
# ones failed; fails if any failed.
test: build
	@status=0; \
	echo "$(BIN)/python -m pytest $(PYTEST_ARGS)"; $(BIN)/python -m pytest $(PYTEST_ARGS) || status=1; \
	if [ "$(SKIP_CLIENT_TESTS)" = "1" ]; then echo "make test: Go/TypeScript/Java client suites skipped (SKIP_CLIENT_TESTS=1)"; \
	else bash scripts/test-clients.sh || status=1; fi; \
	if [ $$status -ne 0 ]; then echo "make test: FAILED (see the summaries above)" >&2; fi; \
	exit $$status

# make test-packaging: each client (and the server) packed as its ecosystem expects and used by a
# tiny program outside the tree (scripts/test-packaging.sh; CI runs it).
test-packaging: build
	PYTHON=$(BIN)/python bash scripts/test-packaging.sh

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml setup.py clients/python/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel
	$(BIN)/pip install --quiet -e clients/python -e '.[dev,embedded]'
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

# Python lint (ruff, configured in pyproject.toml): pyflakes, pycodestyle, bugbear, blind excepts, unused noqa.
lint: build
	$(BIN)/ruff check .

# make bench: one server (1 worker, embedded stores) set up by benchmarks/setup_bench.py and driven
# by the Go load generator benchmarks/loadgen (unary RPCs, BatchRedeemCoupons and checkout baskets);
# writes benchmarks/results/<date>.json and fails when a share of health's ops/s falls below
# benchmarks/floors.json or a basket costs more RedeemCoupon calls than its ceiling there (about
# 8-9 minutes in all). BENCH_ARGS go to the load
# generator, e.g. BENCH_ARGS="-duration 3s -warmup 1s -only redeem_common,basket".
BENCH_ARGS ?=

bench: build
	cd benchmarks/loadgen && go build -o loadgen .
	$(BIN)/python benchmarks/setup_bench.py -- $(BENCH_ARGS)

# make load: one local server (1 worker, embedded stores) set up by benchmarks/setup_bench.py, then
# locust headless on benchmarks/locustfile.py (checkout-like gRPC users on rewards_client.sync) for
# LOAD_SECONDS with LOAD_USERS users; prints locust's summary (requests/s, percentiles) and fails
# when the failure ratio is above LOAD_MAX_FAIL_RATIO. make load-ui: the same with the locust web
# UI on http://LOAD_UI_HOST:LOAD_UI_PORT (start the run there; Ctrl-C stops locust and the server).
LOAD_USERS ?= 32
LOAD_SPAWN_RATE ?= $(LOAD_USERS)
LOAD_SECONDS ?= 30
LOAD_ACCOUNTS ?= 200
LOAD_MAX_FAIL_RATIO ?= 0.01
LOAD_UI_HOST ?= 127.0.0.1
LOAD_UI_PORT ?= 8089
LOAD_SETUP = $(BIN)/python benchmarks/setup_bench.py --accounts $(LOAD_ACCOUNTS) --unique-codes 1 --run --
LOCUST = $(BIN)/locust -f benchmarks/locustfile.py -u $(LOAD_USERS) -r $(LOAD_SPAWN_RATE) \
	--max-fail-ratio $(LOAD_MAX_FAIL_RATIO)

load: build
	$(LOAD_SETUP) $(LOCUST) --headless -t $(LOAD_SECONDS)s --only-summary

load-ui: build
	@echo "make load-ui: the locust web UI will be at http://$(LOAD_UI_HOST):$(LOAD_UI_PORT)/ once the server is set up"
	$(LOAD_SETUP) $(LOCUST) --web-host $(LOAD_UI_HOST) --web-port $(LOAD_UI_PORT)

# make bench-codes: 30,000,000 codes of 10 characters through a GENERATE_CODES job (JobService over
# gRPC, the real runner, Postgres and the Redis pool) beside a raw COPY ceiling of as many codes in
# the same run, with peak memory (README "Background jobs"). Not part of make test; about 10 minutes
# and ~10 GB of disk. BENCH_CODES_ARGS="--count 1000000" for a shorter run.
bench-codes: build
	$(BIN)/python benchmarks/codes_30m.py $(BENCH_CODES_ARGS)

# The Python micro-benchmarks of before (print figures, never fail).
bench-micro: build
	$(BIN)/python benchmarks/bench_codegen.py
	$(BIN)/python benchmarks/bench_ledger.py
	$(BIN)/python benchmarks/bench_redeem.py
	$(BIN)/python benchmarks/bench_points.py
	$(BIN)/python benchmarks/bench_generate_codes.py

clean:
	rm -rf $(VENV) build core/_speedups/*.c core/_speedups/*.so
