# Memories Desktop. `make run` and `make test` install what they need on a fresh machine.
SHELL := /bin/bash
WAILS := .tools/bin/wails
TAGS = $(shell scripts/webkit-tags.sh)
WAILS_BUILD = $(WAILS) build -s -skipbindings -trimpath $(if $(TAGS),-tags $(TAGS))
FUZZTIME ?= 4s

.PHONY: run dev build deps frontend test test-go test-frontend fmt-check vet fuzz bindings gui-smoke gui-damaged-db bench screenshots e2e clean

run: build
	./build/bin/memories-desktop

dev: deps
	$(WAILS) dev $(if $(TAGS),-tags $(TAGS))

build: deps frontend
	$(WAILS_BUILD)

deps:
	@scripts/ensure-deps.sh

frontend: deps
	cd frontend && npm run build

test: deps fmt-check vet test-go fuzz bindings test-frontend build e2e gui-smoke gui-damaged-db
	@echo "make test: all checks passed"

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './frontend/*')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	go vet ./...

test-go:
	go test -race -count=1 ./...

# A few seconds of coverage-guided fuzzing for each parser that reads hostile input.
fuzz:
	go test -run='^$$' -fuzz='^FuzzSanitizeFilename$$' -fuzztime=$(FUZZTIME) ./backend/api
	go test -run='^$$' -fuzz='^FuzzClassify$$' -fuzztime=$(FUZZTIME) ./backend/sources
	go test -run='^$$' -fuzz='^FuzzParseLines$$' -fuzztime=$(FUZZTIME) ./backend/sources

bindings: deps
	scripts/check-bindings.sh

test-frontend: deps
	cd frontend && npm run check && npm test

gui-smoke: build
	scripts/gui-smoke.sh

gui-damaged-db: build
	scripts/gui-damaged-db.sh

# The real frontend in Chromium against the real backend (sandbox mode) through harness.go.
e2e: frontend
	scripts/e2e.sh

# Every view in light and dark, from the real window in sandbox mode, into docs/screenshots.
screenshots: build
	scripts/screenshots.sh

# CLI against curl on the local sandbox (1 GiB up and down: wall time, CPU, peak RSS) and the
# store queries at 100,000 rows, into docs/BENCHMARKS.md. BENCH_SIZE_MB=128 BENCH_RUNS=1 for a quick run.
bench:
	@EXTRA_APT_PACKAGES="time curl" scripts/ensure-deps.sh
	scripts/bench.sh

clean:
	rm -rf build/bin build/test-artifacts frontend/node_modules .tools
