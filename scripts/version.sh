#!/usr/bin/env bash
# Prints the one version of this build: from `git describe` on a vX.Y.Z tag (v stripped, e.g.
# 1.2.0 or 1.2.0-3-gabc1234), falling back to wails.json's productVersion (no tag, or no git).
set -euo pipefail
cd "$(dirname "$0")/.."
if v=$(git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null); then
  echo "${v#v}"
else
  sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json
fi
