#!/usr/bin/env bash
# No hidden dependencies: fails when a script, the Makefile or .ci/run runs a command that neither
# the base image (scripts/deps/base-packages.txt) nor scripts/ensure-deps.sh provides. Each command
# is mapped to its Debian package in scripts/deps/commands.map; tools/checkcommands parses the
# scripts with a real shell parser (and its own tests prove it catches, say, an added ffmpeg).
set -euo pipefail
cd "$(dirname "$0")/.."
go -C tools/checkcommands build -o "$PWD/build/bin/checkcommands" .
shopt -s nullglob
build/bin/checkcommands scripts/*.sh scripts/*.py scripts/gui/* Makefile .ci/run
go -C tools/checkcommands test -count=1 .
