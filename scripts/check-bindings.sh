#!/usr/bin/env bash
# Regenerates frontend/wailsjs with the pinned Wails CLI and fails when the committed copy was
# stale. The fresh bindings are left in place, ready to commit.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
cp -r frontend/wailsjs "$before/"
.tools/bin/wails generate module -tags "$(scripts/webkit-tags.sh)" >/dev/null
if ! diff -ru "$before/wailsjs" frontend/wailsjs; then
  echo "frontend/wailsjs was stale: it has been regenerated; review and commit it." >&2
  exit 1
fi
echo "bindings: frontend/wailsjs is up to date"
