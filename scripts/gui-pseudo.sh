#!/usr/bin/env bash
# Real-window pseudo-locale check (issue 21): the production binary started with LANG=en_XA (the
# pseudo-locale: every catalogue message accented, ~40 % longer, in [brackets]) under Xvfb +
# openbox. Every view is read through AT-SPI, as a screen reader hears it, at 1600 px and at 860 px
# wide: no English word of the frontend catalogue may be left (text that bypassed the catalogue).
# Screenshots of each view at each width go to build/test-artifacts/gui-pseudo/ to be looked at
# for clipped or overlapping text (a cut-off "]" is clipping).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-pseudo
require_atspi
VIEWS=(1:upload 2:import 3:library 7:search 4:transfers 5:history 6:settings)
# The English words the app says, from the catalogue; data (file names, the sandbox scope) and
# names never translated (the product, the platforms an import is from, "API", also the
# service's tag on every video it was sent through its API) are not.
VOCAB=$TMP/vocabulary.txt
/usr/bin/python3 - frontend/src/lib/i18n/locales/en.json >"$VOCAB" <<'PY'
import json, re, sys
words = set()
for m in json.load(open(sys.argv[1])).values():
    words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^{}]*\}", " ", m)))
print("\n".join(sorted(words - {"default", "memories", "desktop", "sandbox", "mp4", "mov", "avi", "mkv", "webm", "tiktok", "youtube", "instagram", "api"})))
PY

# english FILE: the catalogue's English words in a screen reading ("role: text" lines; the roles
# are AT-SPI's words, not the app's), one a line.
# File names (the demo's beach-day.mp4) are data; WebKit names a search box's clear button
# "cancel" itself, in its own language; addresses are data. An import job's name is worded on
# screen from its platform and link count (JobView.platform/links), so it is checked too.
english() {
  sed -E 's/^(entry: .*) cancel$/\1/; s/^[^:]*: //; s/[^ ]+\.(mp4|mov|avi|mkv|webm)//g; s/https?:[^ ]*//g; s#(^| )~?/[^ ]*/[^ ]*#\1#g' "$1" |
    grep -oE '[A-Za-z]{3,}' | tr 'A-Z' 'a-z' | sort -u | comm -12 - "$VOCAB"
}

start_session 1600x1000
start_app -u MEMORIES_LANG LC_ALL= LC_MESSAGES= LANG=en_XA.UTF-8 MEMORIES_SANDBOX=1 MEMORIES_SANDBOX_DEMO=1
# The first view is read in the pseudo-locale; the window is the app's (its accented title is
# beyond WM_NAME where the C library lacks the locale, so it is found by process).
wait_text 60 "heading: [" || fail "no heading in the pseudo-locale"
wait_until "$WAIT" app_window_by_pid || fail "no window of the app"
focus_window

check_views() { # WIDTH
  local v key name left
  for v in "${VIEWS[@]}"; do
    key=${v%%:*} name=${v#*:}
    press "ctrl+$key"
    wait_until "$WAIT" eval "screen_text >'$TMP/$name.txt' && grep -q '^heading: \[' '$TMP/$name.txt'" ||
      fail "$name at $1 px: no pseudo-locale heading"
    screen_text >"$TMP/$name.txt"
    left=$(english "$TMP/$name.txt" | paste -sd ' ')
    [[ -z $left ]] || { cp "$TMP/$name.txt" "$ART/$name-$1.txt"; fail "$name at $1 px reads English: $left"; }
    step "$name-$1" "$name at $1 px: no English through AT-SPI"
  done
}

xdotool windowsize --sync "$WIN" 1600 960 >/dev/null 2>&1 || true
check_views 1600
xdotool windowsize --sync "$WIN" 860 960 >/dev/null 2>&1 || true
check_views 860
say "ok: every view under the pseudo-locale, at 1600 and 860 px, says nothing in English"
