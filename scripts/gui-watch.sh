#!/usr/bin/env bash
# Real-window watch folders (issue 18): the production binary under Xvfb + openbox in sandbox mode.
# Settings → Watch folders → Add folder… opens the REAL GTK folder dialog, driven by the keyboard;
# the edit dialog sets a 1 s settle time; a repository video copied into the folder is uploaded
# by the app on its own: Transfers lists it "from watch ‘Recordings’" and the watch list counts
# it as uploaded. Then `memories watch` runs the same watch, and the app started meanwhile says in a
# dialog that the command holds the data folder. Everything is read on screen through AT-SPI. Screenshots of every step go to
# build/test-artifacts/gui-watch/. Every wait is for something on screen, with a deadline.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

BIN=${BIN:-build/bin/memories-desktop}
CLI=${CLI:-build/bin/memories}
ART=build/test-artifacts/gui-watch
WAIT=${GUI_WAIT:-20}
rm -rf "$ART" && mkdir -p "$ART"
TMP=$(mktemp -d)
APP_PID="" CLI_PID="" SRC_PID="" XVFB_PID="" WM_PID="" STEP=0

cleanup() {
  local pid
  for pid in $APP_PID $CLI_PID $SRC_PID $WM_PID ${DBUS_SESSION_BUS_PID:-} $XVFB_PID; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
fail() {
  shot fail || true
  echo "gui-watch: FAIL: $*" >&2
  sed 's/^/  app: /' "$ART/app.log" >&2 || true
  exit 1
}
step() { STEP=$((STEP + 1)); shot "$(printf '%02d' $STEP)-$1"; echo "gui-watch: ok: ${*:2} [$((SECONDS - started)) s]"; }
press() { xdotool key --clearmodifiers "$@"; }
focus_on() { [[ $(focused_element) == "$1"* ]]; }

# drag_to X Y: drags what the drag source offers to the screen point X,Y in small steps, as a hand
# does, and releases once the window accepted it (GTK drops only then); waits for the drag's end.
drag_to() {
  local sx sy i line
  eval "$(xdotool getwindowgeometry --shell "$(windows '^drag-source$' | head -1)")"; sx=$((X + 60)) sy=$((Y + 40))
  xdotool mousemove "$sx" "$sy" mousedown 1
  for i in $(seq 1 12); do xdotool mousemove $((sx + ($1 - sx) * i / 12)) $((sy + ($2 - sy) * i / 12)); sleep 0.03; done
  for i in 1 2 3; do xdotool mousemove $(($1 + i)) "$2"; sleep 0.05; done
  until [[ ${line:-} == drag-accepted* ]]; do
    read -r -t "$WAIT" line <&"$SRC_OUT" || fail "the window did not accept the drag"
  done
  xdotool mouseup 1
  until [[ $line == drag-end ]]; do
    read -r -t "$WAIT" line <&"$SRC_OUT" || fail "the drag did not end"
    [[ $line != drag-failed* ]] || fail "the window refused the drop ($line)"
  done
}

WATCHED=$TMP/Recordings
mkdir -p "$WATCHED"

start_xvfb 1600x900
start_bus
start_wm
started=$SECONDS
HOME=$TMP MEMORIES_DATA_DIR="$TMP/data" MEMORIES_SANDBOX=1 MEMORIES_RATE_LIMITS=off "$BIN" >"$ART/app.log" 2>&1 &
APP_PID=$!
wait_text 30 "heading: Upload" || fail "the Upload view is not on screen"
WIN=$(windows 'Memories Desktop$' | head -1)
xdotool windowactivate --sync "$WIN" >/dev/null

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
xdotool type --delay 15 "$WATCHED/"
wait_until "$WAIT" select_on || fail "the folder dialog's Select stayed off ($(element_states Select "push button"))"
step folder-dialog "the GTK folder dialog in $WATCHED"
press Return
wait_until "$WAIT" eval '! has_window "^Choose a folder to watch$"' || fail "the folder dialog did not close"
wait_text "$WAIT" "Watching $WATCHED." || fail "the chosen folder was not added"
scroll_to "$WAIT" "Edit watch Recordings" "push button" || fail "the list shows no watch Recordings"
wait_text "$WAIT" "list item: Watch Recordings" "Watching" || fail "the list does not show the watch Recordings running"
step added "the watch Recordings runs"

# The edit dialog sets a short settle time, by keyboard.
click_name "Edit watch Recordings" "push button" || fail "no Edit… button for Recordings"
wait_text "$WAIT" "dialog: Watch ‘Recordings’" || fail "Edit… opened no dialog"
wait_until "$WAIT" focus_on "check box: Watch subfolders too" || fail "the dialog did not focus its first control ($(focused_element))"
click_name "Settle time (seconds)" entry || fail "no settle time field"
press ctrl+a
xdotool type --delay 15 "1"
wait_text "$WAIT" "entry: Settle time (seconds) / 1" || fail "the settle time field does not read 1"
step edit "the edit dialog with a 1 s settle time"
press Return
wait_gone "$WAIT" "dialog: Watch ‘Recordings’" || fail "the edit dialog did not close on Return"
wait_text "$WAIT" "Saved ‘Recordings’." "settles 1 s" || fail "the settle time was not saved"

# A real video lands in the folder: the app uploads it on its own.
cp backend/media/testdata/h264-silent.mp4 "$WATCHED/take1.mp4"
wait_text 40 "1 seen · 1 uploaded" || fail "the watch list does not count take1.mp4 as uploaded"
step uploaded "the watch list counts take1.mp4: $(screen_text | grep -o '[0-9]* seen · [^/]*skipped' | head -1)"

press ctrl+4
wait_text "$WAIT" "heading: Transfers" || fail "Ctrl+4 did not open Transfers"
wait_text "$WAIT" "take1.mp4" "from watch ‘Recordings’" || fail "Transfers does not show take1.mp4 from the watch Recordings"
step transfers "Transfers lists take1.mp4 from watch ‘Recordings’"

# A folder dragged from a file manager (scripts/gui/dragsource.py) and dropped on the watch list
# is watched; the app's native drop hands the page the point it landed on.
mkdir -p "$TMP/Dropped"
printf 'paths\n%s\n' "$TMP/Dropped" >"$TMP/payload"
exec {SRC_OUT}< <(exec /usr/bin/python3 scripts/gui/dragsource.py 1420 60 "$TMP/payload")
SRC_PID=$!
wait_until "$WAIT" has_window '^drag-source$' || fail "no drag source window"
xdotool windowactivate --sync "$WIN" >/dev/null
press ctrl+6
wait_text "$WAIT" "heading: Settings" || fail "Ctrl+6 did not open Settings"
scroll_to "$WAIT" "Edit watch Recordings" "push button" || fail "Settings shows no watch Recordings"
read -r lx ly lw lh < <(element_extents "Watched folders" list) || fail "the watch list has no place on screen"
drag_to "$((lx + lw / 2))" "$((ly + lh / 2))"
wait_text "$WAIT" "Watching $TMP/Dropped." || fail "the folder dropped on the list is not watched"
scroll_to "$WAIT" "Edit watch Dropped" "push button" || fail "the list shows no watch Dropped"
step dropped "a folder dropped on the list is watched"

kill -TERM "$APP_PID"
wait_until 10 eval '! kill -0 "$APP_PID" 2>/dev/null' || fail "the app did not stop within 10 s of SIGTERM"
APP_PID=""

# `memories watch` (as the service runs it) holds the data folder: the app, started from a menu as
# it were, says so in a window, naming the command and how to stop it. (The CLI has no sandbox
# switch: it watches an empty folder with a key for a server that is never reached.)
mkdir -p "$TMP/Other"
MEMORIES_DATA_DIR="$TMP/data" MEMORIES_API_KEY=sk-gui-watch MEMORIES_BASE_URL=http://127.0.0.1:9 \
  MEMORIES_ASSET_BASE_URL=http://127.0.0.1:9 "$CLI" watch "$TMP/Other" >"$ART/cli-watch.log" 2>&1 &
CLI_PID=$!
held() { [[ $(cat "$TMP/data/holder" 2>/dev/null) == "cli $CLI_PID watch"* ]]; }
wait_until "$WAIT" held || fail "memories watch did not take the data folder: $(cat "$ART/cli-watch.log")"
HOME=$TMP MEMORIES_DATA_DIR="$TMP/data" MEMORIES_SANDBOX=1 "$BIN" >"$ART/app-held.log" 2>&1 &
APP_PID=$!
wait_until "$WAIT" has_window '^Memories Desktop cannot open$' || fail "the app held off by memories watch showed no dialog: $(cat "$ART/app-held.log")"
wait_text "$WAIT" "(the CLI, pid $CLI_PID), \`memories watch\`, is keeping watch folders uploaded" "systemctl --user stop" ||
  fail "the dialog does not name memories watch"
step held "held by memories watch, the app says so in a dialog"
press Return
wait_until 10 eval '! kill -0 "$APP_PID" 2>/dev/null' || fail "the app did not exit after the dialog"
rc=0; wait "$APP_PID" || rc=$?
APP_PID=""
((rc == 1)) || fail "the app held off exited $rc"
kill -INT "$CLI_PID"
wait_until 10 eval '! kill -0 "$CLI_PID" 2>/dev/null' || fail "memories watch did not stop on SIGINT"
CLI_PID=""
echo "gui-watch: passed in $((SECONDS - started)) s"
