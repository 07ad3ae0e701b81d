#!/usr/bin/env bash
# The real-window walkthrough: the production binary under Xvfb + openbox in sandbox mode, every
# view's main action done as a user does it (keyboard, GTK file dialog, mouse clicks on what is
# shown), and every step checked against what the window shows, read through AT-SPI
# (scripts/gui/atspi.py): every Tab press lands on a visible stop, wrapping at the end; two real videos chosen in
# the file dialog are listed and one plays in a full-size player; they upload; the view
# shortcuts move the focus into the view; the Library opens a row's details with one click (video
# number and status, no text selected by a double click) and plays its preview full size; History
# rows keep their place while uploads run (at 860 px, the sidebar then icons) and show no
# tooltip, and a row's preview plays full size; Settings shows with the focus in it. Screenshots of every step go to build/test-artifacts/gui-walkthrough/. Every wait
# is for something on screen, with a deadline; no fixed sleeps.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-walkthrough

# Real videos from the repository (no generated fixtures): a 1 s H.264 pattern and H.264 + AAC.
mkdir -p "$TMP/videos"
cp backend/media/testdata/poster.mp4 "$TMP/videos/beach.mp4"
cp backend/media/testdata/h264-aac.mp4 "$TMP/videos/harbour.mp4"

# focus_visible WHAT: the keyboard focus is on a named element with a size, inside the window.
focus_visible() {
  local line name x y w h
  line=$(focused_element) || fail "$1: nothing has the keyboard focus"
  name=${line%%|*}
  read -r x y w h <<<"${line#*|}"
  [[ $name != *": " && $w -gt 0 && $h -gt 0 && $x -ge 0 && $y -ge 0 && $((x + w)) -le $SCREEN_W && $((y + h)) -le $SCREEN_H ]] ||
    fail "$1: the focus is on an invisible or nameless stop ($line)"
  echo "$name"
}

# player_full NAME: the player dialog "Playing NAME" is shown at least 600×300 px and has played
# (its media controls' elapsed time is above 0), then Close shuts it.
player_full() {
  wait_text "$WAIT" "dialog: Playing $1" || fail "no player opened for $1"
  local x y w h
  read -r x y w h < <(element_extents "Playing $1" dialog)
  ((w >= 600 && h >= 300)) || fail "the player of $1 is only ${w}×${h} px (clipped?)"
  wait_until "$WAIT" played || fail "the player of $1 never showed a playing time ($(screen_text | grep -E 'Elapsed|Duration' | paste -sd ' '))"
  step "play-$2" "$3: $1 plays in a ${w}×${h} px player (elapsed $(elapsed) s)"
  click_name Close "push button"
  wait_gone "$WAIT" "dialog: Playing $1" || fail "Close did not shut the player"
}
elapsed() { screen_text | sed -n 's/.*static: Elapsed: \([0-9.]*\).*/\1/p' | head -1; }
played() { local e; e=$(elapsed); [[ -n $e ]] && awk -v e="$e" 'BEGIN { exit !(e > 0) }'; }

# view_focus N HEADING: Ctrl+N shows the view and moves the focus to its heading.
view_focus() {
  press "ctrl+$1"
  wait_text "$WAIT" "heading: $2" || fail "Ctrl+$1 did not show $2"
  wait_until "$WAIT" focus_on "heading: $2" || fail "after Ctrl+$1 the focus is not in $2 but on $(focused_element)"
}


# sandbox_faults JSON: sets the app's in-process sandbox faults (PUT /_sandbox/faults on whichever
# of the app's loopback ports serves it), e.g. '{"latency":"5s"}'.
sandbox_faults() {
  local port
  for port in $(ss -Hltnp 2>/dev/null | grep "pid=$APP_PID," | awk '{ print $4 }' | sed 's/.*://'); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/_sandbox/faults" || continue
    curl -sf -o /dev/null -X PUT --data "$1" "http://127.0.0.1:$port/_sandbox/faults" && return 0
  done
  fail "no sandbox answered on the app's ports"
}

# top_of NAME ROLE: the screen y of an element.
top_of() { local x y w h; read -r x y w h < <(element_extents "$@"); echo "$y"; }
# upload_done NAME: History's row of that upload says Done.
upload_done() { local t; t=$(screen_text); grep -q "^list item: Upload $1 / .* Done " <<<"$t"; }
# tooltip_shown: a tooltip window of the app is mapped.
tooltip_shown() {
  local w
  for w in $(xdotool search --class memories-desktop 2>/dev/null); do
    [[ $(xwininfo -id "$w" 2>/dev/null) == *IsViewable* ]] || continue
    [[ $(xprop -id "$w" _NET_WM_WINDOW_TYPE 2>/dev/null) == *TOOLTIP* ]] && return 0
  done
  return 1
}

start_session
# No upload pacing (one upload slot a minute by default): the test is about the window.
start_app MEMORIES_SANDBOX=1 MEMORIES_RATE_LIMITS=off
app_ready || fail "the Upload view is not on screen"
step upload "the Upload view invites drops"

# Keyboard: every Tab press lands on a visible, named stop, also past the last control (the
# empty Upload view has ten: seven views, Choose files…, Choose folder…, the status bar's Keyboard
# shortcuts), where it wraps.
stops=()
NOW=$(focused_element 2>/dev/null || true)
for _ in $(seq 1 11); do
  press Tab
  wait_until "$WAIT" focus_moved "$NOW" || fail "Tab in Upload did not move the focus from \"${NOW%%|*}\""
  stop=$(focus_visible "Tab in Upload") || exit 1 # (fail ran in the subshell and said why)
  stops+=("$stop")
done
[[ ${stops[10]} == "push button: Upload" ]] || fail "Tab after the last control went to ${stops[10]}, not back to the first"
step tabs "eleven Tab presses, all on visible stops, wrapping after Keyboard shortcuts: ${stops[*]}"

# The empty Library (its first visit asks the sandbox): the way on sits right beneath the message.
view_focus 3 Library
wait_text "$WAIT" "No videos in this scope yet" "push button: Upload files" || fail "the empty Library does not say so"
gap=$(($(top_of "Upload files" "push button") - $(top_of "No videos in this scope yet")))
((gap > 0 && gap < 150)) || fail "the empty Library's buttons are $gap px below its message"
step library-empty "the empty Library offers Upload files ${gap} px below its message"
click_name "Upload files" "push button"
wait_text "$WAIT" "heading: Upload" || fail "Upload files did not open Upload"

choose_file "$TMP/videos/beach.mp4"
choose_file "$TMP/videos/harbour.mp4"
wait_text "$WAIT" "Ready to upload — 2 videos" "push button: Play beach.mp4" "push button: Play harbour.mp4" ||
  fail "the two chosen videos are not listed"
step chosen "two videos chosen in the file dialog are listed, each with a preview"
click_name "Play harbour.mp4" "push button"
player_full harbour.mp4 upload "Upload"

# Every API answer held (a minute, longer than any wait here), so the uploads are still running while
# History is watched, however slow the machine; replacing the faults releases the held calls.
sandbox_faults '{"latency":"60s"}'
click_name "Upload 2 videos" "push button"
wait_text "$WAIT" "2 videos queued" || fail "Upload 2 videos queued nothing"
step queued "the upload is queued"

# A narrow window (860 px): the sidebar is icons (named), and History rows stay put while the
# uploads run and finish, so a click lands on the row it aimed at.
xdotool windowsize "$WIN" 860 760
view_focus 5 History
wait_text "$WAIT" "list item: Upload beach.mp4" "list item: Upload harbour.mp4" || fail "History lists no uploads"
# The sidebar follows the new width once the page has laid out again.
sidebar_icons() { read -r _ _ side _ < <(element_extents Library "push button") && ((side <= 64)); }
wait_until "$WAIT" sidebar_icons || fail "at 860 px the sidebar's buttons are ${side:-?} px wide, not icons"
upload_done beach.mp4 && upload_done harbour.mp4 && fail "the uploads ended before History was watched"
tops="$(top_of "Upload beach.mp4" "list item") $(top_of "Upload harbour.mp4" "list item")"
step history-running "History at 860 px lists both uploads while they run (rows at y $tops); the sidebar is icons"
sandbox_faults '{}'
wait_until 30 eval 'upload_done beach.mp4 && upload_done harbour.mp4' || fail "the uploads did not finish"
after="$(top_of "Upload beach.mp4" "list item") $(top_of "Upload harbour.mp4" "list item")"
[[ $after == "$tops" ]] || fail "History rows moved while their uploads ran: y $tops, then $after"
step history-done "the uploads are done and the rows did not move (y $after)"

# Hovering a row's name shows no native tooltip (one closing over a preview left a blank box).
read -r x y w h < <(element_extents "Play beach.mp4" "push button")
xdotool mousemove "$((x + w + 30))" "$((y + h / 2))" # on the name, beside the preview
if wait_until 2 tooltip_shown; then fail "a tooltip opened over a History row"; fi
xdotool mousemove 5 5

xdotool windowsize "$WIN" 1180 760
view_focus 3 Library
wait_text "$WAIT" "beach.mp4" "harbour.mp4" || fail "the Library does not list the uploads"
click_name beach.mp4 "table cell"
wait_text "$WAIT" "Close details" "description term: Video number" "description term: Status" ||
  fail "one click on the row did not show its details"
no=$(screen_text | sed -n 's/^description value: \(VI[0-9A-Za-z]*\)$/\1/p' | head -1)
status=$(screen_text | sed -n '/description term: Status/{n;p}' | sed 's/^description value: //')
[[ -n $no && -n $status ]] || fail "the drawer shows no video number or status"
step drawer "at 1180 px, one click on beach.mp4 shows its details: video number $no, status $status"

# A double click opens the other row and selects no text.
read -r x y w h < <(element_extents harbour.mp4 "table cell")
xdotool mousemove "$((x + w / 2))" "$((y + h / 2))" click --repeat 2 --delay 80 1
wait_text "$WAIT" "heading: harbour.mp4" || fail "a double click did not open harbour.mp4's details"
sel=$(selected_text)
[[ -z $sel ]] || fail "a double click on a row selected \"$sel\""
step double-click "a double click shows harbour.mp4's details and selects no text"
click_name "Play harbour.mp4" "push button"
player_full harbour.mp4 library "Library"
click_name "Close details" "push button"
wait_gone "$WAIT" "Close details" || fail "the drawer did not close"

view_focus 5 History
click_name "Play beach.mp4" "push button"
player_full beach.mp4 history "History"

view_focus 6 Settings
step settings "Settings shows; the focus is in it"

stop_app || fail "the app did not stop within 10 s of SIGTERM"
say "passed in $((SECONDS - started)) s; screenshots in $ART"
