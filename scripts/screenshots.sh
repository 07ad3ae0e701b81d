#!/usr/bin/env bash
# Screenshots of every view in light and dark: the production binary in a real window under Xvfb,
# in sandbox mode with demo data (MEMORIES_SANDBOX_DEMO), saved to docs/screenshots/. Each view is
# shot once its heading is shown and the screen has stopped changing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init screenshots
OUT=${OUT:-docs/screenshots}
VIEWS=(upload import library transfers history settings)
mkdir -p "$OUT"

# shoot_theme THEME: a fresh data folder in that theme; once the demo's work is done (Transfers
# shows nothing indexing or waiting), every view is shown with its shortcut (Ctrl+1…6) and its
# window saved.
shoot_theme() {
  local theme=$1 i view heading
  DATA=$TMP/$theme
  APP_LOG=$ART/app-$theme.log
  mkdir -p "$DATA"
  printf '{"theme":"%s"}\n' "$theme" >"$DATA/settings.json"
  start_app MEMORIES_SANDBOX=1 MEMORIES_SANDBOX_DEMO=1 MEMORIES_RATE_LIMITS=off
  wait_app_window 60 || fail "no window"
  focus_window
  press ctrl+4
  wait_text 60 "heading: Nothing in progress" || fail "the demo's work did not finish"
  wait_gone 90 "Indexing" && wait_gone 90 "Waiting for" || fail "the demo's videos are not ready"
  for i in "${!VIEWS[@]}"; do
    view=${VIEWS[$i]} heading=${VIEWS[$i]^}
    press "ctrl+$((i + 1))"
    wait_text 20 "heading: $heading" || fail "Ctrl+$((i + 1)) did not show $heading"
    SETTLED=0
    raw_shot "$TMP/settle.ppm"
    wait_until 20 screen_settled "$TMP/settle.ppm" || fail "$heading kept changing"
    import -window "$WIN" "$OUT/$view-$theme.png"
    say "$OUT/$view-$theme.png"
  done
  stop_app || fail "the app did not stop within 10 s of SIGTERM"
}

start_session
shoot_theme light
shoot_theme dark
