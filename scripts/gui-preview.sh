#!/usr/bin/env bash
# GUI preview test: the production binary in a real window (Xvfb + openbox), a real H.264 video
# chosen through the GTK file dialog with the keyboard, and screenshots of its poster frame in the
# Upload list, then (once uploaded to the sandbox) in the Library and History rows, and playing in
# the app's player (build/test-artifacts/gui-preview/*.png). The poster is found by its
# colour: the test video is a pattern on a pure green field, a green the app's own interface never
# shows. Every wait is for a window or a change on screen, with a deadline.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-preview
poster_shown() { (( $(green_pixels) > 400 )); }
poster_gone() { (( $(green_pixels) < 400 )); }
playing() { (( $(green_pixels) > 20000 )); } # the player dialog shows the frame large

start_session
cp backend/media/testdata/poster.mp4 "$TMP/beach.mp4"
start_app MEMORIES_SANDBOX=1
wait_app_window 30 || fail "no window titled Memories Desktop within 30 s"
focus_window
wait_until 20 painted empty || fail "the page never painted"
before=$(green_pixels)

# Ctrl+O opens the GTK file dialog; Ctrl+L takes a typed path; Return chooses it.
choose_file "$TMP/beach.mp4"

wait_until 30 poster_shown || fail "no poster frame appeared ($before green pixels before, $(green_pixels) after)"
step upload-list "poster frame visible ($(green_pixels) green pixels, $before before)"

# Upload it (the sandbox answers), then the Library lists it with the same poster: its file is
# still on disk. The button is the footer's right end; the window size is fixed by the app.
read -r width height < <(xdotool getwindowgeometry --shell "$WIN" | awk -F= '/WIDTH/ { w = $2 } /HEIGHT/ { h = $2 } END { print w, h }')
xdotool mousemove --window "$WIN" $((width - 80)) $((height - 50)) click 1
shot upload-clicked
press ctrl+3
wait_until 10 poster_gone || true # the Upload list's poster leaves the screen
wait_until 30 poster_shown || fail "the Library row shows no poster frame"
step library "the Library row shows the poster too"
press ctrl+5
wait_until 10 poster_gone || true
wait_until 30 poster_shown || fail "the History row of the upload shows no poster frame"
step history "and the History row of the upload"

# A click on the History row's poster plays the video large in the app's player dialog.
read -r px py < <(green_centre)
xdotool mousemove "$px" "$py" click 1
wait_until 20 playing ||
  fail "clicking the poster did not play the video in a player"
step playing "the poster plays in the app's player"

stop_app || fail "app did not stop within 10 s of SIGTERM"
