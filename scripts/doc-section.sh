#!/usr/bin/env bash
# scripts/doc-section.sh DOC: writes the Markdown section on standard input (its first line is its
# "## " heading) into DOC, in place of an earlier section with that heading (which runs to the
# next "## " heading or the end), else at the end. The benchmark scripts write their reports so.
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: scripts/doc-section.sh DOC <SECTION" >&2; exit 2; }
DOC=$1
SECTION=$(cat)
HEADING=$(head -1 <<<"$SECTION")
[[ $HEADING == "## "* ]] || { echo "doc-section: the section must start with a ## heading, not: $HEADING" >&2; exit 2; }
mkdir -p "$(dirname "$DOC")"
touch "$DOC"
# Drop the earlier section, then append this one after the text's last non-blank line.
awk -v h="$HEADING" '$0 == h { skip = 1; next } /^## / { skip = 0 } !skip' "$DOC" >"$DOC.tmp"
printf '%s\n\n%s\n' "$(sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$DOC.tmp")" "$SECTION" >"$DOC"
rm -f "$DOC.tmp"
