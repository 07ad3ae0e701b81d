#!/usr/bin/env bash
# Real-window scroll test of the Library: the production binary under Xvfb + openbox, sandbox
# mode with 5,000 demo videos (MEMORIES_SANDBOX_DEMO_VIDEOS), wheel-scrolled with xdotool while
# screenshots are taken, during and between bursts. Every sample must show text in each of the
# four horizontal bands of the table region: a blank or torn frame fails. Artifacts (PNGs, log)
# are kept in build/test-artifacts/scroll/.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-build/bin/memories-desktop}
ART=build/test-artifacts/scroll
SAMPLES=${SAMPLES:-24}
VIDEOS=${VIDEOS:-5000}
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
fail() { echo "gui-scroll: FAIL: $*" >&2; tail -20 "$ART/app.log" >&2 || true; exit 1; }

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

# until CMD: polls CMD every 0.25 s for up to $2 seconds (a readiness wait, not a fixed sleep).
until_ok() {
  local tries=$(($2 * 4))
  for _ in $(seq 1 "$tries"); do eval "$1" && return 0; sleep 0.25; done
  return 1
}

printf '{"theme":"light"}\n' >"$DATA/settings.json"
MEMORIES_DATA_DIR=$DATA MEMORIES_SANDBOX=1 MEMORIES_SANDBOX_DEMO_VIDEOS=$VIDEOS MEMORIES_RATE_LIMITS=off \
  "$BIN" >"$ART/app.log" 2>&1 &
APP_PID=$!
until_ok 'win=$(window)' 60 || fail "no window"
xdotool windowsize "$win" 1280 800 windowmove "$win" 0 0
until_ok "grep -q 'demo videos: $VIDEOS added' '$ART/app.log'" 240 || fail "the demo videos were not seeded"

# bands: how many of the region's four horizontal bands contain dark (text) pixels in both halves.
bands() {
  local w h x y n=0 b
  w=${REGION%%x*}; h=${REGION#*x}; h=${h%%+*}
  x=$(echo "$REGION" | cut -d+ -f2); y=$(echo "$REGION" | cut -d+ -f3)
  for b in 0 1 2 3; do
    # Text in both halves: a band of "Loading…" placeholders (left only) does not count.
    (( $(dark "$1" $((w / 2))x$((h / 4))+$x+$((y + b * h / 4))) > 150 &&
       $(dark "$1" $((w / 2))x$((h / 4))+$((x + w / 2))+$((y + b * h / 4))) > 150 )) && n=$((n + 1))
  done
  echo "$n"
}

# dark counts the text-dark pixels of a crop.
dark() {
  convert "$1" -crop "$2" +repage -colorspace Gray -threshold 55% -negate -format '%[fx:int(mean*w*h)]' info:
}

# The table region: the grid's rows below its header, above the window's bottom edge (1280x800).
REGION=${REGION:-1000x440+250+330}
shoot() { import -window root "$1"; }
painted() { shoot "$ART/first.png"; (( $(convert "$ART/first.png" -format '%k' info:) > 64 )); }
until_ok painted 60 || fail "the window never painted"

# Open the Library (Ctrl+3); its first visit refreshes from the sandbox. Ready when the table is
# full and the picture stops changing.
xdotool mousemove 700 500 click 1 key --clearmodifiers ctrl+3
ready() {
  shoot "$ART/a.png"; sleep 0.5; shoot "$ART/b.png"
  [[ $(compare -metric AE "$ART/a.png" "$ART/b.png" null: 2>&1 || true) == 0 ]] && (( $(bands "$ART/b.png") == 4 ))
}
until_ok ready 120 || fail "the Library never showed a full, settled table (see $ART/b.png)"
cp "$ART/b.png" "$ART/ready.png"

xdotool mousemove 700 550
blank=0
for i in $(seq -w 1 "$SAMPLES"); do
  if (( 10#$i % 2 )); then
    # During a burst of wheel clicks: the frame WebKitGTK shows while rows are still coming.
    xdotool click --repeat "${BURST:-12}" --delay "${DELAY:-8}" 5 & burst=$!
    sleep 0.05
    shoot "$ART/scroll-$i.png"
    wait "$burst"
  else
    xdotool click --repeat 6 --delay 8 5
    shoot "$ART/scroll-$i.png"
  fi
  got=$(bands "$ART/scroll-$i.png")
  echo "gui-scroll: sample $i: text in $got of 4 bands"
  (( got == 4 )) || blank=$((blank + 1))
done
(( blank == 0 )) || fail "$blank of $SAMPLES samples showed a blank or torn table"
echo "gui-scroll: $SAMPLES samples while wheel-scrolling $VIDEOS videos, none blank"
