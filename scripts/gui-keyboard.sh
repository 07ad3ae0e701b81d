#!/usr/bin/env bash
# Real-window keyboard and screen-reader check (issue 21): the production binary under Xvfb +
# openbox in sandbox mode, driven by key presses only, never a click. A video is chosen in the GTK
# file dialog (Ctrl+O, the typed path), given a tag, uploaded and followed to "Uploaded" in
# Transfers (read through AT-SPI); every view (Search with moments found, the Library's details
# opened with Return and closed with Escape), the Keyboard shortcuts sheet (F1), the file's details
# dialog and the asset dialog (each opened with Return, closed with Escape), is walked
# through AT-SPI and must hold no focusable element or picture without a name; the video is downloaded from
# the Library (Ctrl+S) through the GTK save dialog and must be the same bytes. Screenshots of every
# step go to build/test-artifacts/gui-keyboard/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-keyboard

# tab_to ROLE_AND_NAME: presses Tab, one stop at a time (each move waited for, so a slow look
# never sends a second Tab past the target), until the focus is on the element read as
# "ROLE: NAME"; fails after 60 stops.
tab_to() {
  local i
  NOW=$(focused_element 2>/dev/null || true)
  for ((i = 0; i < 60; i++)); do
    [[ $NOW == "$1|"* ]] && return 0
    press Tab
    wait_until "$WAIT" focus_moved "$NOW" || fail "Tab did not move the focus from \"${NOW%%|*}\""
  done
  fail "Tab never reached \"$1\" (the focus is on \"$NOW\")"
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
# "beach" in its name gives it the sandbox's beach vocabulary, which the search asks for (a name
# without a theme's word gets one by its random video number: the search then found nothing in
# most runs).
cp cmd/memories/testdata/tiny-h264-aac.mp4 "$TMP/videos/keys-beach.mp4"

start_session
start_app MEMORIES_SANDBOX=1 MEMORIES_RATE_LIMITS=off
app_ready || fail "the Upload view is not on screen"

# Stage: Ctrl+O opens the GTK file dialog, which takes the typed path.
choose_file "$TMP/videos/keys-beach.mp4"
wait_text "$WAIT" "Ready to upload — 1 video" || fail "keys-beach.mp4 was not listed for upload"
walk "Upload with a staged file"
step staged "keys-beach.mp4 staged; $CHECKED focusable elements and pictures in the Upload view, each named"

# The file's details dialog, opened with Return: walked, and Escape closes it.
tab_to "push button: Edit details for keys-beach.mp4"
press Return
wait_text "$WAIT" "dialog: Details for keys-beach.mp4" || fail "Return opened no details dialog"
walk "file details dialog"
step details-dialog "the file's details dialog: $CHECKED focusable elements and pictures, each named"
press Escape
wait_gone "$WAIT" "dialog: Details for keys-beach.mp4" || fail "Escape did not close the details dialog"

# Metadata: Tab to the Tags box, type a tag, Enter adds it.
tab_to "entry: Tags"
type_text keyboard-flow
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
step uploaded "keys-beach.mp4 uploaded: Transfers reads \"Transfer: Uploaded\""

# Every view, then the shortcuts sheet, walked for focusable elements and pictures without a name.
for view in 1:Upload 2:Import 3:Library 7:Search 4:Transfers 5:History 6:Settings; do
  press "ctrl+${view%%:*}"
  wait_text "$WAIT" "heading: ${view#*:}" || fail "Ctrl+${view%%:*} did not open ${view#*:}"
  case ${view#*:} in
    Library) wait_text "$WAIT" "keys-beach.mp4" || fail "the Library does not list keys-beach.mp4" ;;
    Settings) wait_text "$WAIT" "API key" || fail "Settings shows no form" ;;
    Search) wait_until 40 search_lists keys-beach.mp4 || fail "the search listed no moment of keys-beach.mp4" ;;
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
press ctrl+3
wait_text "$WAIT" "heading: Library" || fail "Ctrl+3 did not open the Library"
tab_to "push button: Download asset…"
press Return
wait_text "$WAIT" "dialog: Download an asset" || fail "Return opened no asset dialog"
walk "asset dialog"
step asset-dialog "the asset dialog: $CHECKED focusable elements and pictures, each named"
press Escape
wait_gone "$WAIT" "dialog: Download an asset" || fail "Escape did not close the asset dialog"

# Download: the Library's list takes the focus (Ctrl+F, then Tab), Ctrl+S saves the row under the cursor
# through the GTK save dialog, where the typed path replaces the suggested name.
press ctrl+3
wait_text "$WAIT" "heading: Library" "keys-beach.mp4" || fail "the Library does not list keys-beach.mp4"
press ctrl+f # the filter box, the last stop before the list
tab_to "table: Videos"
press Return # the details of the row under the cursor; Escape gives the focus back to the list
wait_text "$WAIT" "Close details" "description term: Video number" || fail "Return opened no details"
walk "Library details"
step details "Return on the list opens the details: $CHECKED focusable elements and pictures, each named"
press Escape
wait_gone "$WAIT" "Close details" || fail "Escape did not close the details"
wait_until "$WAIT" focus_moved "" && [[ $NOW == "table: Videos|"* ]] || fail "after Escape the focus is on \"$NOW\", not the list"
press ctrl+s
wait_until "$WAIT" has_window '^Save video$' || fail "Ctrl+S opened no save dialog"
step save-dialog "Ctrl+S opened the GTK save dialog"
save_as "Save video" "$TMP/out/saved.mp4"
press ctrl+4
wait_text "$WAIT" "heading: Transfers" || fail "Ctrl+4 did not open Transfers"
wait_text 60 "Transfer: Downloaded" || fail "the download did not finish"
cmp -s "$TMP/videos/keys-beach.mp4" "$TMP/out/saved.mp4" || fail "the saved file differs from the uploaded one"
step downloaded "saved.mp4 downloaded through the save dialog: the same $(stat -c %s "$TMP/out/saved.mp4") bytes"
stop_app || fail "the app did not stop within 10 s of SIGTERM"
say "passed in $((SECONDS - started)) s; screenshots in $ART/"
