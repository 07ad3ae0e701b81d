#!/usr/bin/env bash
# End-to-end tests: the built frontend in Debian's Chromium (playwright-core) against the real Go
# backend in sandbox mode, through the e2e harness (see harness.go).
set -euo pipefail
cd "$(dirname "$0")/.."
go build -tags e2e -o build/bin/memories-e2e .
cd frontend
node --test --test-concurrency=1 e2e/
