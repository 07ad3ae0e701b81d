#!/usr/bin/env bash
# Every view of the real window at its minimum width (860 px), in sandbox mode with demo data, so
# a person can check that no action button is cut off. Screenshots go to build/test-artifacts/narrow/.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-build/bin/memories-desktop}
ART=build/test-artifacts/narrow
VIEWS=(upload import library transfers history settings)
TITLE='Memories Desktop$' # the page adds the view: "Upload — Memories Desktop"
rm -rf "$ART" && mkdir -p "$ART"
DATA=$(mktemp -d)
APP_PID="" XVFB_PID="" WM_PID=""
cleanup() {
  [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [[ -n $WM_PID ]] && kill "$WM_PID" 2>/dev/null || true
  [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null || true
  [[ -n ${DBUS_SESSION_BUS_PID:-} ]] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
  rm -rf "$DATA"
  return 0
}
trap cleanup EXIT

exec 3< <(Xvfb -displayfd 1 -noreset -screen 0 1280x800x24 -nolisten tcp 2>/dev/null & echo "pid $!")
read -r line <&3; XVFB_PID=${line#pid }
read -r line <&3; export DISPLAY=":$line"
eval "$(dbus-launch --sh-syntax)"
openbox >/dev/null 2>&1 & WM_PID=$!

window() {
  local w
  for w in $(xdotool search --name "$TITLE" 2>/dev/null); do
    xwininfo -id "$w" 2>/dev/null | grep -q IsViewable && { echo "$w"; return 0; }
  done
  return 1
}
until_ok() { for _ in $(seq 1 $(($2 * 4))); do eval "$1" && return 0; sleep 0.25; done; return 1; }

MEMORIES_DATA_DIR=$DATA MEMORIES_SANDBOX=1 MEMORIES_SANDBOX_DEMO=1 MEMORIES_SANDBOX_DEMO_VIDEOS=40 \
  "$BIN" >"$ART/app.log" 2>&1 &
APP_PID=$!
until_ok 'win=$(window)' 60 || { echo "gui-narrow: no window" >&2; exit 1; }
xdotool windowsize "$win" 860 700 windowmove "$win" 0 0
until_ok "grep -q 'demo videos: 40 added' '$ART/app.log'" 60
painted() { import -window "$win" "$ART/first.png"; (( $(convert "$ART/first.png" -format '%k' info:) > 64 )); }
until_ok painted 60 || { echo "gui-narrow: the window never painted" >&2; exit 1; }
prev=""
for i in "${!VIEWS[@]}"; do
  shot="$ART/${VIEWS[$i]}.png"
  xdotool mousemove --window "$win" 100 650 click 1 key --clearmodifiers "ctrl+$((i + 1))"
  # Ready when the picture differs from the last view's and has stopped changing.
  settled() {
    import -window "$win" "$shot.a.png"; sleep 0.4; import -window "$win" "$shot"
    [[ $(compare -metric AE "$shot.a.png" "$shot" null: 2>&1 || true) == 0 ]] && { [[ -z $prev ]] || ! cmp -s "$prev" "$shot"; }
  }
  until_ok settled 20 || echo "gui-narrow: ${VIEWS[$i]} did not settle" >&2
  rm -f "$shot.a.png"
  prev=$shot
  echo "gui-narrow: $shot ($(identify -format '%wx%h' "$shot"))"
done
