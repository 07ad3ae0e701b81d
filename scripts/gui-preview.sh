#!/usr/bin/env bash
# GUI preview test: the production binary in a real window (Xvfb + openbox), a real H.264 video
# chosen through the GTK file dialog with the keyboard, and screenshots of its poster frame in the
# Upload list, then (once uploaded to the sandbox) in the Library and History rows, and playing in
# the app's player (build/test-artifacts/gui-preview*.png). The poster is found by its
# colour: the test video is a pattern on a pure green field, a green the app's own interface never
# shows. Every wait is for a window or a change on screen, with a deadline.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-build/bin/memories-desktop}
ART=build/test-artifacts
VIDEO=backend/media/testdata/poster.mp4
mkdir -p "$ART"
DATA=$(mktemp -d)
STAGE=$(mktemp -d)
APP_PID="" XVFB_PID="" WM_PID=""

cleanup() {
  [[ -n $APP_PID ]] && kill -KILL "$APP_PID" 2>/dev/null || true
  [[ -n $WM_PID ]] && kill "$WM_PID" 2>/dev/null || true
  [[ -n ${DBUS_SESSION_BUS_PID:-} ]] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
  [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$DATA" "$STAGE"
}
trap cleanup EXIT
fail() { echo "gui-preview: FAIL: $*" >&2; sed 's/^/  app: /' "$ART/gui-preview-app.log" >&2 || true; exit 1; }

start_xvfb() {
  exec 3< <(Xvfb -displayfd 1 -noreset -screen 0 1280x800x24 -nolisten tcp 2>/dev/null & echo "pid $!")
  local line; read -r line <&3; XVFB_PID=${line#pid }
  read -r line <&3; export DISPLAY=":$line"
}

# until SECONDS CMD...: runs CMD every 0.2 s until it succeeds, or fails after SECONDS.
until_ok() {
  local end=$((SECONDS + $1)); shift
  until "$@"; do
    ((SECONDS < end)) || return 1
    sleep 0.2
  done
}

window() { xdotool search --name "$1" 2>/dev/null | head -1; }
has_window() { [[ -n $(window "$1") ]]; }
no_window() { [[ -z $(window "$1") ]]; }

# poster_pixels counts the pure green pixels on screen (the poster's field).
poster_pixels() {
  import -window root "$ART/gui-preview-poll.png"
  convert "$ART/gui-preview-poll.png" -fuzz 20% -fill black +opaque '#00ff00' -fill white -opaque '#00ff00' \
    -colorspace Gray -format '%[fx:int(mean*w*h+0.5)]' info:
}
poster_shown() { (( $(poster_pixels) > 400 )); }

# poster_centre prints the screen position of the middle of the green poster, so clicks follow
# the layout (it changes with the window width) instead of fixed coordinates.
poster_centre() {
  import -window root "$ART/gui-preview-poll.png"
  convert "$ART/gui-preview-poll.png" -fuzz 20% -fill black +opaque '#00ff00' -fill white -opaque '#00ff00' \
    -trim -format '%w %h %X %Y' info: | awk '{ print $3 + int($1 / 2), $4 + int($2 / 2) }'
}
playing() { (( $(poster_pixels) > 20000 )); } # the player dialog shows the frame large

start_xvfb
eval "$(dbus-launch --sh-syntax)"
openbox >/dev/null 2>&1 & WM_PID=$!
cp "$VIDEO" "$STAGE/beach.mp4"
MEMORIES_DATA_DIR="$DATA" MEMORIES_SANDBOX=1 "$BIN" >"$ART/gui-preview-app.log" 2>&1 &
APP_PID=$!
until_ok 30 has_window 'Memories Desktop$' || fail "no window titled Memories Desktop within 30 s"
win=$(window 'Memories Desktop$')
xdotool windowactivate --sync "$win"
until_ok 20 eval '(( $(import -window root png:- | convert - -format "%k" info:) > 64 ))' || fail "the page never painted"
import -window root "$ART/gui-preview-1-empty.png"
before=$(poster_pixels)

# Ctrl+O opens the GTK file dialog; Ctrl+L takes a typed path; Return chooses it.
xdotool key --clearmodifiers ctrl+o
until_ok 20 has_window '^Choose videos$' || fail "Ctrl+O opened no file dialog"
import -window root "$ART/gui-preview-2-dialog.png"
xdotool key --clearmodifiers ctrl+l
xdotool type --delay 20 "$STAGE/beach.mp4"
xdotool key Return
until_ok 20 no_window '^Choose videos$' || fail "the file dialog did not close"

until_ok 30 poster_shown || fail "no poster frame appeared ($before green pixels before, $(poster_pixels) after)"
import -window root "$ART/gui-preview.png"
echo "gui-preview: poster frame visible ($(poster_pixels) green pixels, $before before); screenshot $ART/gui-preview.png"

# Upload it (the sandbox answers), then the Library lists it with the same poster: its file is
# still on disk. The button is the footer's right end; the window size is fixed by the app.
read -r width height < <(xdotool getwindowgeometry --shell "$win" | awk -F= '/WIDTH/ { w = $2 } /HEIGHT/ { h = $2 } END { print w, h }')
xdotool mousemove --window "$win" $((width - 80)) $((height - 50)) click 1
import -window root "$ART/gui-preview-3-upload.png"
xdotool key --clearmodifiers ctrl+3
until_ok 10 eval '(( $(poster_pixels) < 400 ))' || true # the Upload list's poster leaves the screen
until_ok 30 poster_shown || fail "the Library row shows no poster frame"
import -window root "$ART/gui-preview-library.png"
echo "gui-preview: the Library row shows the poster too; screenshot $ART/gui-preview-library.png"
xdotool key --clearmodifiers ctrl+5
until_ok 10 eval '(( $(poster_pixels) < 400 ))' || true
until_ok 30 poster_shown || fail "the History row of the upload shows no poster frame"
import -window root "$ART/gui-preview-history.png"
echo "gui-preview: and the History row of the upload; screenshot $ART/gui-preview-history.png"

# A click on the History row's poster plays the video large in the app's player dialog.
read -r px py < <(poster_centre)
xdotool mousemove "$px" "$py" click 1
until_ok 20 playing ||
  fail "clicking the poster did not play the video in a player"
import -window root "$ART/gui-preview-playing.png"
echo "gui-preview: the poster plays in the app's player; screenshot $ART/gui-preview-playing.png"

kill -TERM "$APP_PID"
until_ok 10 eval '! kill -0 "$APP_PID" 2>/dev/null' || fail "app did not stop within 10 s of SIGTERM"
APP_PID=""
rm -f "$ART/gui-preview-poll.png"
