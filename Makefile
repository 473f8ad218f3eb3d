# ratelab — the two commands a newcomer needs are `make run` and `make test` (see README.md).
# Both install what they need on a fresh Debian machine first (`make setup`).

GO        ?= go
PYTHON    ?= /usr/bin/python3
BIN       := $(CURDIR)/bin/ratelab
# Debian packages. Running needs only libzmq for the kernel's sockets (cgo, hence
# pkg-config and gcc); the tests also need Jupyter and its clients (with the widgets
# front end of the classic notebook, and jupyter-trust to sign the notebooks `ratelab run`
# writes), R, scipy, statsmodels and pandas as independent references for the numbers,
# sqlite3 as the reference for history search, and Chromium with a DevTools client
# (python3-websocket) for the browser checks. npm (from the machine's Node.js) checks the
# vendored chart library (kernel/display/chartjs). PostgreSQL and ClickHouse are the real SQL
# engines analysis/sqlsource's tests start: each run starts its own servers on free loopback
# ports in temporary directories (PostgreSQL as postgres when root), so a system service the
# packages may start is neither used nor in the way.
RUN_PACKAGES := libzmq3-dev pkg-config gcc
NOTEBOOK_PACKAGES := jupyter-notebook jupyter-client jupyter-nbformat python3-ipywidgets jupyter-nbextension-jupyter-js-widgets
TEST_PACKAGES := jupyter-notebook jupyter-console jupyter-client python3-jupyter-client python3-nbclient \
	python3-nbconvert python3-nbformat jupyter-nbformat python3-jupyter-kernel-test python3-ipykernel \
	python3-ipywidgets jupyter-nbextension-jupyter-js-widgets \
	python3-pytest python3-scipy python3-pandas python3-statsmodels \
	r-base-core r-cran-mass r-cran-survey r-cran-epir tmux chromium fonts-liberation python3-pil python3-websocket sqlite3 \
	postgresql clickhouse-server clickhouse-client

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup setup-run setup-notebook apt build install run notebook notebooks screenshot test test-go test-clients fuzz bench generate

## setup: every Debian package (only those missing). The Go modules come with the first
## build, only those this platform needs (`go mod download` would also fetch DuckDB's
## libraries for four other platforms, ~125 MB).
setup:
	@$(MAKE) --no-print-directory apt PACKAGES="$(RUN_PACKAGES) $(TEST_PACKAGES)"

## setup-run: only what running ratelab needs.
setup-run:
	@$(MAKE) --no-print-directory apt PACKAGES="$(RUN_PACKAGES)"

## setup-notebook: what running ratelab in the classic notebook needs (the Docker image).
setup-notebook:
	@$(MAKE) --no-print-directory apt PACKAGES="$(RUN_PACKAGES) $(NOTEBOOK_PACKAGES)"

apt:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "setup: installing $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build:
	$(GO) build -o $(BIN) ./cmd/ratelab

## install: the "Go (ratelab)" kernelspec in the user's Jupyter data dir.
install: build
	$(BIN) install

## run: ratelab's main job on its embedded defaults: execute the curated notebooks headless.
run: setup-run install
	$(BIN) run --output-dir ratelab-out

## notebook: open the classic Jupyter notebook on the curated notebooks. They are signed
## for this user first (jupyter-trust): their outputs are the project's own `make notebooks`
## run, and unsigned notebooks show their charts as static images.
notebook: setup-notebook install
	jupyter-trust notebooks/*.ipynb
	jupyter notebook --notebook-dir=notebooks

## test: every test — Go (unit, session, wire, analysis against R/scipy) and real Jupyter clients.
test: setup build test-go fuzz test-clients

test-go:
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 30m ./...

## fuzz: fuzz each loader (CSV, gzip, Parquet) for FUZZTIME, starting from its committed
## seed corpus (analysis/testdata/fuzz); a failing input is written there to reproduce.
## The budgets are counts of runs, not durations: with a duration, Go's fuzzing coordinator
## can fail at the deadline with a bare "context deadline exceeded" and no input (golang/go#75804),
## as it did on a loaded CI machine. 2000 runs take 20 s for Parquet here, seconds for the others.
FUZZTIME ?= 2000x
FUZZMINIMIZE ?= 100x
fuzz:
	for f in FuzzLoadCSV FuzzLoadGzip FuzzLoadParquet; do \
		$(GO) test -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./analysis/ || exit 1; \
	done

test-clients: build screenshot
	RATELAB_BIN=$(BIN) $(PYTHON) -m pytest -q -p no:cacheprovider kernel/clienttest

## notebooks: re-execute the curated notebooks in place (their committed outputs).
notebooks: build
	$(BIN) run --inplace notebooks/*.ipynb

## screenshot: notebook 02 in the classic notebook, rendered by headless Chromium.
screenshot: build
	mkdir -p build
	RATELAB_BIN=$(BIN) $(PYTHON) kernel/clienttest/screenshot.py --out build/screenshot-02.png

## generate: regenerate symbol tables, docs and datasets (committed; tests check they are fresh).
generate:
	$(GO) generate ./kernel/interp/symbols
	$(GO) generate ./...

## bench: speed and memory figures beside the references (ipykernel, pandas), one run;
## SQL sources: 1e8 rows of Parquet (~2 GB, deleted after) through DuckDB in place and
## loaded in memory, 1e7 rows through a two-shard ClickHouse cluster.
bench: setup build
	RATELAB_BIN=$(BIN) $(PYTHON) kernel/clienttest/bench_kernel.py
	$(GO) run ./analysis/bench -rows 1e5,1e6,1e7
	$(GO) run ./analysis/sqlsource/bench -rows 1e8 -clickhouse-rows 1e7
	$(GO) test -run '^$$' -bench . -count 5 ./analysis/... ./kernel/interp/
