#!/usr/bin/env bash
# End-to-end tests: the built frontend in Debian's Chromium (playwright-core) against the real Go
# backend in sandbox mode, through the e2e harness (see harness.go).
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser the tests drive (frontend/e2e/harness.mjs; CHROMIUM names another).
[[ -n ${CHROMIUM:-} ]] || command -v chromium >/dev/null || { echo "chromium is missing; run scripts/ensure-deps.sh" >&2; exit 1; }
go build -tags e2e -o build/bin/memories-e2e .
# A resumed upload waits as long as its earlier request could still arrive (the response
# timeout, 2 min by default): shorter here, so the crash-and-resume test takes seconds.
export MEMORIES_RESPONSE_TIMEOUT=${MEMORIES_RESPONSE_TIMEOUT:-5s}
cd frontend
node --test --test-concurrency=1 e2e/
