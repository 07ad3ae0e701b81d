#!/usr/bin/env bash
# Real-window watch folders (issue 18): the production binary under Xvfb + openbox in sandbox mode.
# Settings → Watch folders → Add folder… opens the REAL GTK folder dialog, driven by the keyboard;
# the edit dialog sets a 1 s settle time; a repository video copied into the folder is uploaded
# by the app on its own: Transfers lists it "from watch ‘Recordings’" and the watch list counts
# it as uploaded; its one desktop notification, "Recordings: 1 video uploaded", is read from the
# session bus (scripts/gui/notifications.py). A folder dropped on the list is watched; its removal
# asks first (Escape keeps it). Then
# `memories watch` runs the same watch, and the app started meanwhile says in a dialog that the
# command holds the data folder. Everything is read on screen through AT-SPI. Screenshots of every
# step go to build/test-artifacts/gui-watch/. Every wait is for something on screen, with a deadline.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-watch
CLI=${CLI:-build/bin/memories}
CLI_PID=""
on_exit 'kill $CLI_PID'

WATCHED=$TMP/Recordings
mkdir -p "$WATCHED"

start_session 1600x900
serve_notifications # before the app starts: its notifications come here
start_app HOME=$TMP MEMORIES_SANDBOX=1 MEMORIES_RATE_LIMITS=off
app_ready || fail "the Upload view is not on screen"

# Settings → Watch folders, empty at first.
press ctrl+6
wait_text "$WAIT" "heading: Settings" || fail "Ctrl+6 did not open Settings"
scroll_to "$WAIT" "Watched folders" list || fail "Settings shows no list of watched folders"
wait_text "$WAIT" "push button: Add folder…" "No folder is watched yet" || fail "the watch list is not empty at first"
step settings "Settings → Watch folders: empty, with Add folder…"

# Add folder… opens GTK's folder dialog; the typed path is chosen with Return.
click_name "Add folder…" "push button" || fail "Add folder… could not be clicked"
wait_until "$WAIT" has_window '^Choose a folder to watch$' || fail "Add folder… opened no folder dialog"
wait_text "$WAIT" "push button: Select" || fail "the folder dialog has no Select button"
# The dialog opens in the home folder ($TMP here); a typed path ending in / opens that folder,
# and Select (Return) then chooses it.
select_on() { [[ $(element_states Select "push button") == *sensitive* ]]; }
press ctrl+l
type_text "$WATCHED/"
wait_until "$WAIT" select_on || fail "the folder dialog's Select stayed off ($(element_states Select "push button"))"
step folder-dialog "the GTK folder dialog in $WATCHED"
press Return
wait_until "$WAIT" no_window '^Choose a folder to watch$' || fail "the folder dialog did not close"
wait_text "$WAIT" "Watching $WATCHED." || fail "the chosen folder was not added"
scroll_to "$WAIT" "Edit watch Recordings" "push button" || fail "the list shows no watch Recordings"
wait_text "$WAIT" "list item: Watch Recordings" "Watching" || fail "the list does not show the watch Recordings running"
step added "the watch Recordings runs"

# The edit dialog sets a short settle time, by keyboard.
click_name "Edit watch Recordings" "push button" || fail "no Edit… button for Recordings"
wait_text "$WAIT" "dialog: Watch ‘Recordings’" || fail "Edit… opened no dialog"
wait_until "$WAIT" focus_on "check box: Watch subfolders too (never its “Uploaded” folder)" || fail "the dialog did not focus its first control ($(focused_element))"
click_name "Settle time (seconds)" entry || fail "no settle time field"
press ctrl+a
type_text 1
# The whole line: wait_text's substring "… / 1" would also match the 10 it held before.
settle_reads_1() { grep -qx 'entry: Settle time (seconds) / 1' <<<"$(screen_text)"; }
wait_until "$WAIT" settle_reads_1 || fail "the settle time field does not read 1"
step edit "the edit dialog with a 1 s settle time"
press Return
wait_gone "$WAIT" "dialog: Watch ‘Recordings’" || fail "the edit dialog did not close on Return"
wait_text "$WAIT" "Saved ‘Recordings’." "settles 1 s" || fail "the settle time was not saved"

# A real video lands in the folder: the app uploads it on its own.
cp backend/media/testdata/h264-silent.mp4 "$WATCHED/take1.mp4"
wait_text 40 "1 seen · 1 uploaded" || fail "the watch list does not count take1.mp4 as uploaded"
step uploaded "the watch list counts take1.mp4: $(screen_text | grep -o '[0-9]* seen · [^/]*skipped' | head -1)"
# The batch's one desktop notification, read from the session bus: the watch's name and the count.
seen=$(wait_notification 30 "1 video uploaded") || fail "no desktop notification of the upload"
[[ $seen == *'"summary": "Recordings: 1 video uploaded"'* ]] || fail "the notification's summary is not \"Recordings: 1 video uploaded\": $seen"
((  $(notification_count) == 1 )) || fail "more than one notification for one upload: $(cat "$NOTES")"
say "ok: the desktop notification reads $seen"

press ctrl+4
wait_text "$WAIT" "heading: Transfers" || fail "Ctrl+4 did not open Transfers"
wait_text "$WAIT" "take1.mp4" "from watch ‘Recordings’" || fail "Transfers does not show take1.mp4 from the watch Recordings"
step transfers "Transfers lists take1.mp4 from watch ‘Recordings’"

# A folder dragged from a file manager (scripts/gui/dragsource.py) and dropped on the watch list
# is watched; the app's native drop hands the page the point it landed on.
mkdir -p "$TMP/Dropped"
printf 'paths\n%s\n' "$TMP/Dropped" >"$TMP/payload"
start_drag_source
focus_window
press ctrl+6
wait_text "$WAIT" "heading: Settings" || fail "Ctrl+6 did not open Settings"
scroll_to "$WAIT" "Edit watch Recordings" "push button" || fail "Settings shows no watch Recordings"
read -r lx ly lw lh < <(element_extents "Watched folders" list) || fail "the watch list has no place on screen"
drag_to "$((lx + lw / 2))" "$((ly + lh / 2))"
wait_text "$WAIT" "Watching $TMP/Dropped." || fail "the folder dropped on the list is not watched"
scroll_to "$WAIT" "Edit watch Dropped" "push button" || fail "the list shows no watch Dropped"
step dropped "a folder dropped on the list is watched"

# Remove… asks in a modal alert with the focus on Keep it; Escape keeps the watch, Tab and Return
# on Remove watch remove it.
click_name "Remove watch Dropped" "push button" || fail "no Remove… button for Dropped"
wait_text "$WAIT" "Remove the watch ‘Dropped’?" "Its files and their uploads stay." || fail "Remove… asked nothing"
wait_until "$WAIT" focus_on "push button: Keep it" || fail "the question did not focus Keep it ($(focused_element))"
step remove-asked "Remove… asks, the focus on Keep it"
press Escape
wait_gone "$WAIT" "Remove the watch ‘Dropped’?" || fail "Escape did not close the question"
wait_until "$WAIT" focus_on "push button: Remove watch Dropped" || fail "the focus did not go back to Remove… ($(focused_element))"
click_name "Remove watch Dropped" "push button" || fail "no Remove… button for Dropped after Escape"
wait_until "$WAIT" focus_on "push button: Keep it" || fail "the question did not focus Keep it again"
press Tab
wait_until "$WAIT" focus_on "push button: Remove watch" || fail "Tab did not reach Remove watch ($(focused_element))"
press Return
wait_text "$WAIT" "Removed the watch ‘Dropped’; its files and uploads stay." || fail "the watch Dropped was not removed"
wait_gone "$WAIT" "Edit watch Dropped" || fail "the list still shows the watch Dropped"
step removed "Escape kept the watch Dropped; Remove watch removed it"

stop_app || fail "the app did not stop within 10 s of SIGTERM"

# `memories watch` (as the service runs it) holds the data folder: the app, started from a menu as
# it were, says so in a window, naming the command and how to stop it. (The CLI has no sandbox
# switch: it watches an empty folder with a key for a server that is never reached.)
mkdir -p "$TMP/Other"
MEMORIES_DATA_DIR="$DATA" MEMORIES_API_KEY=sk-gui-watch MEMORIES_BASE_URL=http://127.0.0.1:9 \
  MEMORIES_ASSET_BASE_URL=http://127.0.0.1:9 "$CLI" watch "$TMP/Other" >"$ART/cli-watch.log" 2>&1 &
CLI_PID=$!
held() { [[ $(cat "$DATA/holder" 2>/dev/null) == "cli $CLI_PID watch"* ]]; }
wait_until "$WAIT" held || fail "memories watch did not take the data folder: $(cat "$ART/cli-watch.log")"
APP_LOG=$ART/app-held.log
start_app HOME=$TMP MEMORIES_SANDBOX=1
wait_until "$WAIT" has_window '^Memories Desktop cannot open$' || fail "the app held off by memories watch showed no dialog"
wait_text "$WAIT" "(the CLI, pid $CLI_PID), \`memories watch\`, is keeping watch folders uploaded" "systemctl --user stop" ||
  fail "the dialog does not name memories watch"
step held "held by memories watch, the app says so in a dialog"
focus_window "$(first_window '^Memories Desktop cannot open$')"
press Return
wait_app_exit || fail "the app did not exit after the dialog"
((APP_RC == 1)) || fail "the app held off exited $APP_RC"
kill -INT "$CLI_PID"
wait_until 10 eval '! kill -0 "$CLI_PID" 2>/dev/null' || fail "memories watch did not stop on SIGINT"
CLI_PID=""
say "passed in $((SECONDS - started)) s"
