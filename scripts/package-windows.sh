#!/usr/bin/env bash
# Cross-compiles the app for Windows (Wails needs no cgo there) with its icon, manifest and
# version resource (build/windows), and the memories CLI, and wraps both in an NSIS installer
# (makensis) that can put the CLI on PATH, into build/bin.
# Windows version resources are numeric, so they take wails.json's productVersion: a vX.Y.Z tag
# must agree with it, which is checked here.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${VERSION:-$(scripts/version.sh)}
WAILS_JSON_VERSION=$(sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)

if [[ ${VERSION%%[-+]*} != "$WAILS_JSON_VERSION" ]]; then
  echo "package-windows: version $VERSION does not match wails.json's productVersion $WAILS_JSON_VERSION;" \
    "set productVersion to ${VERSION%%[-+]*} for this release" >&2
  exit 1
fi
command -v makensis >/dev/null || { echo "package-windows: makensis missing (Debian package nsis)" >&2; exit 1; }
rm -f build/bin/memories-desktop.exe build/bin/memories.exe build/bin/*-installer.exe
# The memories command goes into the installer (build/windows/installer/project.nsi).
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -trimpath \
  -ldflags "-X memories-desktop/backend/version.Version=$VERSION" -o build/bin/memories.exe ./cmd/memories
.tools/bin/wails build -s -skipbindings -trimpath -platform windows/amd64 -nsis \
  -ldflags "-X memories-desktop/backend/version.Version=$VERSION" >&2
ls build/bin/memories-desktop.exe build/bin/memories.exe build/bin/*-amd64-installer.exe
