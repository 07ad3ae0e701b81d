#!/usr/bin/env bash
# Real-window keyboard and screen-reader check (issue 21): the production binary under Xvfb +
# openbox in sandbox mode, driven by key presses only, never a click. A video is chosen in the GTK
# file dialog (Ctrl+O, the typed path), given a tag, uploaded and followed to "Uploaded" in
# Transfers (read through AT-SPI); every view (Search with moments found, the Library's details
# opened with Return and closed with Escape), and the Keyboard shortcuts sheet (F1), is walked
# through AT-SPI and must hold no focusable element or picture without a name; the video is downloaded from
# the Library (Ctrl+S) through the GTK save dialog and must be the same bytes. Screenshots of every
# step go to build/test-artifacts/gui-keyboard/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

BIN=${BIN:-build/bin/memories-desktop}
ART=build/test-artifacts/gui-keyboard
WAIT=${GUI_WAIT:-20}
rm -rf "$ART" && mkdir -p "$ART"
TMP=$(mktemp -d)
APP_PID="" XVFB_PID="" WM_PID="" STEP=0

cleanup() {
  local pid
  for pid in $APP_PID $WM_PID ${DBUS_SESSION_BUS_PID:-} $XVFB_PID; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
fail() {
  shot fail || true
  echo "gui-keyboard: FAIL: $*" >&2
  sed 's/^/  app: /' "$ART/app.log" >&2 || true
  exit 1
}
step() { STEP=$((STEP + 1)); shot "$(printf '%02d' $STEP)-$1"; echo "gui-keyboard: ok: ${*:2} [$((SECONDS - started)) s]"; }
press() { xdotool key --clearmodifiers "$@"; }
# focus_left FROM: the focus is no longer on FROM; NOW holds where it is.
focus_left() { NOW=$(focused_element 2>/dev/null || true); [[ $NOW != "$1" ]]; }
# tab_to ROLE_AND_NAME: presses Tab, one stop at a time (each waited for), until the focus is on
# the element read as "ROLE: NAME"; fails after 60 stops.
tab_to() {
  local i
  NOW=$(focused_element 2>/dev/null || true)
  for ((i = 0; i < 60; i++)); do
    [[ $NOW == "$1|"* ]] && return 0
    press Tab
    wait_until 3 focus_left "$NOW" || true
  done
  fail "Tab never reached \"$1\" (the focus is on \"$NOW\")"
}
# found: Ctrl+K, a query typed and sent with Return lists a moment of keys.mp4 (the sandbox
# indexes a new video within seconds; until then it finds nothing).
found() {
  press ctrl+k ctrl+a
  xdotool type --delay 10 "a dog running on the beach"
  press Return
  atspi wait 5 "button: keys.mp4, 0:0" >/dev/null 2>&1
}
# walk WHAT: no shown focusable element or picture of the page may lack a name; sets CHECKED to
# how many were read (none read would mean the walk saw nothing).
walk() {
  local found
  found=$(unnamed_elements 2>"$TMP/walk") || fail "$1: focusable elements or pictures without a name:"$'\n'"$found"
  CHECKED=$(sed -n 's/^atspi: \([0-9]*\) focusable.*/\1/p' "$TMP/walk")
  ((CHECKED > 0)) || fail "$1: the walk read no focusable element"
}

mkdir -p "$TMP/videos" "$TMP/out"
cp cmd/memories/testdata/tiny-h264-aac.mp4 "$TMP/videos/keys.mp4"

start_xvfb 1280x800
start_bus
start_wm
started=$SECONDS
MEMORIES_DATA_DIR="$TMP/data" MEMORIES_SANDBOX=1 MEMORIES_RATE_LIMITS=off "$BIN" >"$ART/app.log" 2>&1 &
APP_PID=$!
wait_text 30 "heading: Upload" "Drop videos or folders here" || fail "the Upload view is not on screen"
WIN=$(windows 'Memories Desktop$' | head -1)
xdotool windowactivate --sync "$WIN" >/dev/null

# Stage: Ctrl+O opens the GTK file dialog, which takes the typed path.
press ctrl+o
wait_until "$WAIT" has_window '^Choose videos$' || fail "Ctrl+O opened no file dialog"
press ctrl+l
xdotool type --delay 15 "$TMP/videos/keys.mp4"
step file-dialog "Ctrl+O opened the GTK file dialog; the path is typed"
press Return
wait_until "$WAIT" eval '! has_window "^Choose videos$"' || fail "the file dialog did not close"
wait_text "$WAIT" "Ready to upload — 1 video" || fail "keys.mp4 was not listed for upload"
walk "Upload with a staged file"
step staged "keys.mp4 staged; $CHECKED focusable elements and pictures in the Upload view, each named"

# Metadata: Tab to the Tags box, type a tag, Enter adds it.
tab_to "entry: Tags"
xdotool type --delay 15 "keyboard-flow"
press Return
wait_text "$WAIT" "keyboard-flow" || fail "the tag was not added"
step tagged "the tag keyboard-flow added from the keyboard"

# Upload: Tab to the button, Return sends; Tab to Open Transfers, Return opens it.
tab_to "push button: Upload 1 video"
press Return
wait_text "$WAIT" "1 video queued" || fail "the upload was not queued"
tab_to "push button: Open Transfers"
press Return
wait_text "$WAIT" "heading: Transfers" || fail "Open Transfers did not open Transfers"
wait_text 60 "Transfer: Uploaded" || fail "the upload did not finish"
step uploaded "keys.mp4 uploaded: Transfers reads \"Transfer: Uploaded\""

# Every view, then the shortcuts sheet, walked for focusable elements and pictures without a name.
for view in 1:Upload 2:Import 3:Library 7:Search 4:Transfers 5:History 6:Settings; do
  press "ctrl+${view%%:*}"
  wait_text "$WAIT" "heading: ${view#*:}" || fail "Ctrl+${view%%:*} did not open ${view#*:}"
  case ${view#*:} in
    Library) wait_text "$WAIT" "keys.mp4" || fail "the Library does not list keys.mp4" ;;
    Settings) wait_text "$WAIT" "API key" || fail "Settings shows no form" ;;
    Search) wait_until 40 found || fail "the search listed no moment of keys.mp4" ;;
  esac
  walk "${view#*:}"
  step "view-${view#*:}" "${view#*:}: $CHECKED focusable elements and pictures, each named"
done
press F1
wait_text "$WAIT" "dialog: Keyboard shortcuts" || fail "F1 opened no Keyboard shortcuts sheet"
walk "Keyboard shortcuts sheet"
step shortcuts "F1 shows the Keyboard shortcuts sheet: $CHECKED focusable elements and pictures, each named"
press Escape
wait_gone "$WAIT" "dialog: Keyboard shortcuts" || fail "Escape did not close the sheet"

# Download: the Library's list takes the focus (Ctrl+F, then Tab), Ctrl+S saves the row under the cursor
# through the GTK save dialog, where the typed path replaces the suggested name.
press ctrl+3
wait_text "$WAIT" "heading: Library" "keys.mp4" || fail "the Library does not list keys.mp4"
press ctrl+f # the filter box, the last stop before the list
tab_to "table: Videos"
press Return # the details of the row under the cursor; Escape gives the focus back to the list
wait_text "$WAIT" "Close details" "description term: Video number" || fail "Return opened no details"
walk "Library details"
step details "Return on the list opens the details: $CHECKED focusable elements and pictures, each named"
press Escape
wait_gone "$WAIT" "Close details" || fail "Escape did not close the details"
wait_until "$WAIT" focus_left "" && [[ $NOW == "table: Videos|"* ]] || fail "after Escape the focus is on \"$NOW\", not the list"
press ctrl+s
wait_until "$WAIT" has_window '^Save video$' || fail "Ctrl+S opened no save dialog"
press ctrl+a
xdotool type --delay 15 "$TMP/out/saved.mp4"
step save-dialog "Ctrl+S opened the GTK save dialog; the path is typed"
press Return
wait_until "$WAIT" eval '! has_window "^Save video$"' || fail "the save dialog did not close"
press ctrl+4
wait_text "$WAIT" "heading: Transfers" || fail "Ctrl+4 did not open Transfers"
wait_text 60 "Transfer: Downloaded" || fail "the download did not finish"
cmp -s "$TMP/videos/keys.mp4" "$TMP/out/saved.mp4" || fail "the saved file differs from the uploaded one"
step downloaded "saved.mp4 downloaded through the save dialog: the same $(stat -c %s "$TMP/out/saved.mp4") bytes"
echo "gui-keyboard: passed in $((SECONDS - started)) s; screenshots in $ART/"
