#!/usr/bin/env bash
# Real-window scroll test of the Library: the production binary under Xvfb + openbox, sandbox
# mode with 5,000 demo videos (MEMORIES_SANDBOX_DEMO_VIDEOS), wheel-scrolled with xdotool while
# screenshots are taken, during and between bursts. Every sample must show text in each of the
# four horizontal bands of the table region: a blank or torn frame fails. Artifacts (PNGs, log)
# are kept in build/test-artifacts/scroll/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-scroll build/test-artifacts/scroll
SAMPLES=${SAMPLES:-24}
VIDEOS=${VIDEOS:-5000}

start_session
printf '{"theme":"light"}\n' >"$DATA/settings.json"
start_app MEMORIES_SANDBOX=1 MEMORIES_SANDBOX_DEMO_VIDEOS="$VIDEOS" MEMORIES_RATE_LIMITS=off
wait_app_window 60 || fail "no window"
xdotool windowsize "$WIN" 1280 800 windowmove "$WIN" 0 0
wait_until 240 grep -q "demo videos: $VIDEOS added" "$APP_LOG" || fail "the demo videos were not seeded"

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
wait_until 60 painted first || fail "the window never painted"

# Open the Library (Ctrl+3); its first visit refreshes from the sandbox. Ready when the table is
# full and the picture stops changing.
xdotool mousemove 700 500 click 1 key --clearmodifiers ctrl+3
ready() {
  shot a; sleep 0.5; shot b
  [[ $(compare -metric AE "$ART/a.png" "$ART/b.png" null: 2>&1 || true) == 0 ]] && (( $(bands "$ART/b.png") == 4 ))
}
wait_until 120 ready || fail "the Library never showed a full, settled table (see $ART/b.png)"
cp "$ART/b.png" "$ART/ready.png"

xdotool mousemove 700 550
blank=0
for i in $(seq -w 1 "$SAMPLES"); do
  if (( 10#$i % 2 )); then
    # During a burst of wheel clicks: the frame WebKitGTK shows while rows are still coming.
    xdotool click --repeat "${BURST:-12}" --delay "${DELAY:-8}" 5 & burst=$!
    sleep 0.05
    shot "scroll-$i"
    wait "$burst"
  else
    xdotool click --repeat 6 --delay 8 5
    shot "scroll-$i"
  fi
  got=$(bands "$ART/scroll-$i.png")
  say "sample $i: text in $got of 4 bands"
  (( got == 4 )) || blank=$((blank + 1))
done
(( blank == 0 )) || fail "$blank of $SAMPLES samples showed a blank or torn table"
say "$SAMPLES samples while wheel-scrolling $VIDEOS videos, none blank"
