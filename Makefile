# Memories Desktop. `make run` and `make test` install what they need on a fresh machine.
SHELL := /bin/bash
WAILS := .tools/bin/wails
TAGS = $(shell scripts/webkit-tags.sh)
VERSION := $(shell scripts/version.sh)
LDFLAGS = -X memories-desktop/backend/version.Version=$(VERSION)
WAILS_BUILD = $(WAILS) build -s -skipbindings -trimpath $(if $(TAGS),-tags $(TAGS)) -ldflags "$(LDFLAGS)"
FUZZTIME ?= 20000x # a count, not a duration: Go 1.26 can fail a timed run at its deadline (golang/go#75804)

.PHONY: cli package package-windows test-package darwin-check
.PHONY: run dev build build-navtest deps frontend test test-go test-frontend fmt-check vet fuzz bindings check-commands gui-smoke gui-walkthrough gui-drop gui-backstop gui-quit gui-scroll gui-damaged-db gui-outage gui-search gui-language gui-watch gui-notifications gui-system gui-keyboard gui-pseudo bench bench-inspect bench-scale bench-search gui-preview screenshots e2e proof clean

run: build
	./build/bin/memories-desktop

dev: deps
	$(WAILS) dev $(if $(TAGS),-tags $(TAGS))

build: deps frontend cli
	$(WAILS_BUILD)
ifeq ($(shell uname),Darwin)
	codesign --force --deep --sign - "build/bin/Memories Desktop.app"
endif

# The headless CLI, pure Go, with the same version.
cli:
	CGO_ENABLED=0 go build -trimpath -ldflags "$(LDFLAGS)" -o build/bin/memories ./cmd/memories

# build/dist/*.deb and *.rpm: app, CLI, desktop entry, icons, completions (nfpm, see scripts/).
package: build
	VERSION=$(VERSION) scripts/package-linux.sh

# build/dist/*-installer.exe: the app cross-compiled for Windows (no cgo) and its NSIS installer.
package-windows: deps frontend
	VERSION=$(VERSION) scripts/package-windows.sh

# Installs the .deb, starts it from its desktop entry under Xvfb, removes it; checks the .exe.
test-package: package package-windows
	VERSION=$(VERSION) scripts/test-package.sh

# macOS cannot be built here; this keeps the backend and the CLI compiling for it.
darwin-check:
	GOOS=darwin go vet ./backend/... ./cmd/...
	GOOS=darwin CGO_ENABLED=0 go build -o /dev/null ./cmd/memories

deps:
	@scripts/ensure-deps.sh

frontend: deps
	cd frontend && npm run build

# Every check below, independent ones at the same time (TEST_JOBS, default 3), each step's log in
# build/test-artifacts/steps/, a table of step, result and time at the end (docs/TESTING.md).
test:
	@scripts/test.sh

# Every command the scripts and this Makefile run is in the base image or installed by ensure-deps.sh.
check-commands:
	scripts/check-commands.sh

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './frontend/*')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	go vet ./...

test-go:
	go test -race -count=1 -parallel 4 ./...

# A few seconds of coverage-guided fuzzing for each parser that reads hostile input.
fuzz:
	go test -run='^$$' -fuzz='^FuzzSanitizeFilename$$' -fuzztime=$(FUZZTIME) ./backend/api
	go test -run='^$$' -fuzz='^FuzzClassify$$' -fuzztime=$(FUZZTIME) ./backend/sources
	go test -run='^$$' -fuzz='^FuzzParseLines$$' -fuzztime=$(FUZZTIME) ./backend/sources
	go test -run='^$$' -fuzz='^FuzzReadLines$$' -fuzztime=$(FUZZTIME) ./backend/sources
	go test -run='^$$' -fuzz='^FuzzEnvelope$$' -fuzztime=$(FUZZTIME) ./backend/api
	go test -run='^$$' -fuzz='^FuzzContentDisposition$$' -fuzztime=$(FUZZTIME) ./backend/api
	go test -run='^$$' -fuzz='^FuzzContentRange$$' -fuzztime=$(FUZZTIME) ./backend/api
	go test -run='^$$' -fuzz='^FuzzLoad$$' -fuzztime=$(FUZZTIME) ./backend/settings
	go test -run='^$$' -fuzz='^FuzzRecords$$' -fuzztime=$(FUZZTIME) ./backend/store
	go test -run='^$$' -fuzz='^FuzzRules$$' -fuzztime=$(FUZZTIME) ./backend/validate
	go test -run='^$$' -fuzz='^FuzzInspect$$' -fuzztime=$(FUZZTIME) ./backend/media

bindings: deps
	scripts/check-bindings.sh

test-frontend: deps
	cd frontend && npm run check && npm test

gui-smoke: build
	scripts/gui-smoke.sh

# Every view's main action in the real window, checked against its text through AT-SPI.
gui-walkthrough: build
	scripts/gui-walkthrough.sh

# Drops, Open-with and the save dialog in the real window: openbox, a GTK drag source, xdotool.
gui-drop: build
	scripts/gui-drop.sh

# A test-only build (never released) whose page drop guard is bypassed and whose Wails native file
# drop is off, so a drop reaches only WebKit's own navigation (pageguard_navtest_linux.go).
build-navtest: build
	$(WAILS) build -s -skipbindings -trimpath -tags "navtest $(TAGS)" -ldflags "$(LDFLAGS)" -o memories-desktop-navtest

# The navigation backstop on its own: a .txt dropped on the navtest build must not replace the app.
gui-backstop: build-navtest
	GUI_DROP_BACKSTOP=1 scripts/gui-drop.sh

# A real H.264 file chosen in the real window's file dialog shows its poster frame (screenshot).
gui-preview: build
	scripts/gui-preview.sh

# A damaged database: the dialog names the file and the command; Yes repairs it (screenshots).
gui-damaged-db: build
	scripts/gui-damaged-db.sh

# Real window: closing with transfers running asks Quit / Keep running; SIGTERM quits at once.
gui-quit: build
	scripts/gui-quit.sh

# Wheel-scrolls 5,000 Library rows in the real window; no sampled frame may be blank or torn.
gui-scroll: build
	scripts/gui-scroll.sh

# An outage mid-upload in the real window: the row says "Retrying in … (connection refused)".
gui-outage: build
	scripts/gui-outage.sh

# Issue 17 in the real window: Ctrl+K, moments with keyframes, a local moment playing at its time,
# a transcript exported as SRT through the GTK save dialog.
gui-search: build
	scripts/gui-search.sh

# Issue 21, Go side, in the real window: LANG=zh_CN.UTF-8 titles the GTK file chooser in Chinese.
gui-language: build
	scripts/gui-language.sh

# Issue 21, frontend, in the real window: the pseudo-locale leaves no English on any view (AT-SPI).
gui-pseudo: build
	scripts/gui-pseudo.sh

# Issue 18 in the real window: a watch added through the GTK folder dialog uploads a copied video,
# seen in the watch list and in Transfers with the watch's name.
gui-watch: build
	scripts/gui-watch.sh

# Settings → System in the real window: start at login writes and removes the XDG autostart
# entry; the notification switch is saved.
gui-system: build
	scripts/gui-system.sh

# The notification helper GUI tests read notifications with (scripts/gui/notifications.py), proven
# with `memories watch --notify` on a session bus of its own.
gui-notifications: cli
	scripts/gui-notifications.sh

# The keyboard alone in the real window: stage, tag, upload, follow, walk every view, download.
gui-keyboard: build
	scripts/gui-keyboard.sh

# The real frontend in Chromium against the real backend (sandbox mode) through harness.go.
e2e: frontend
	scripts/e2e.sh

# Every view and the Keyboard shortcuts sheet in each language (LANGS=…, THEMES=…), from the real
# window in sandbox mode, into docs/screenshots (docs/USING.md links them).
screenshots: build
	scripts/screenshots.sh

# CLI against curl on the local sandbox (1 GiB up and down: wall time, CPU, peak RSS) and the
# store queries at 100,000 rows, media inspection, scale, search and a watch of 50,000 files
# (bench-inspect, bench-scale, bench-search, bench-watch), into docs/BENCHMARKS.md.
# BENCH_SIZE_MB=128 BENCH_RUNS=1 for a quick run.
bench: build
	@EXTRA_APT_PACKAGES="time curl" scripts/ensure-deps.sh
	scripts/bench.sh

# The long reliability proof (docs/RELIABILITY.md): 60 random SIGKILLs with up to 2.5 s of latency
# during uploads and downloads, 60 more during imports, every fault-matrix case, 150 damaged
# databases, 30 kills of `memories watch` while files arrive, 1,000 files landing at once in a
# watched folder and a watched folder of 100,000 files, a minute of fuzzing per parser. `make test`
# runs the same tests short (8, 4 and 4 kills, 200 watched files, 20,000 in one folder, the quick
# fault cases, 20 databases, 4 s per parser).
# PROOF_SEED=N repeats a run's choices.
proof: deps
	MEMORIES_PROOF_KILLS=$${PROOF_KILLS:-60} MEMORIES_PROOF_LATENCY_MS=2500 MEMORIES_PROOF_FAULTS=all \
	MEMORIES_PROOF_DB=150 MEMORIES_PROOF_SEED=$(PROOF_SEED) MEMORIES_PROOF_WATCH_KILLS=30 MEMORIES_PROOF_WATCH_FILES=1000 \
	go test -count=1 -v -timeout 90m \
		-run '^(TestCrashLoop|TestImportKillLoop|TestFaultMatrix|TestDamagedDatabase|TestKeyNeverLeaks|TestBadInput.*|TestImport400000.*|TestWatchKillLoop|TestWatchUploadsManyFilesOnce)$$' ./cmd/memories
	MEMORIES_PROOF_WATCH_FOLDER_FILES=100000 go test -count=1 -v -timeout 30m -run '^TestWatchHugeFolder$$' ./backend/core
	$(MAKE) fuzz FUZZTIME=300000x

# How long the upload check takes on a 3 GB file (reads the index only), into docs/BENCHMARKS.md.
bench-inspect:
	scripts/bench-inspect.sh

# An answer of 1,000 search moments: render, scroll, keyframes on screen only, the kept answer
# (Chromium), and the real window's memory after browsing them, into docs/BENCHMARKS.md.
bench-search: build
	scripts/bench-search.sh

# Imports of 1k/10k/100k links and queues of 500/5,000/50,000 downloads, into docs/BENCHMARKS.md.
bench-scale:
	scripts/bench-scale.sh

clean:
	rm -rf build/bin build/dist build/package build/test-artifacts frontend/node_modules .tools
