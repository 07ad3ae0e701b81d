#!/usr/bin/env bash
# GUI smoke test: the production binary in a real window under Xvfb, with a temporary data folder.
# Finds the window by title, reads its first view through AT-SPI, takes a screenshot (kept in
# build/test-artifacts/smoke/), checks it is not blank, checks that second launches neither open a window
# nor hang, stops the app cleanly, checks that without a D-Bus session nothing is left running, and
# checks that a memories command holding the data folder is named when it stops the app.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-smoke build/test-artifacts/smoke
CLI_PID="" SILENT_PID=""
on_exit 'kill $CLI_PID $SILENT_PID'

window_count() { windows "$APP_TITLE" | wc -l; }
# The page has loaded once it names its first view in the title (read without AT-SPI, which the
# run without a session bus below cannot rely on).
page_ready() { [[ $(xdotool getwindowname "$(first_window "$APP_TITLE")" 2>/dev/null) == "Upload"*" — Memories Desktop" ]]; }

# A second launch must exit, say why and never hang or open a window, not even for a moment (the
# window count is taken all the while it runs): 0 when it handed over to the running window
# ($2 = 0), non-zero when it could not ($2 = fail). $1 names the path.
second_launch() {
  local started=$SECONDS rc=0 want=$2 most=1 n pid
  env "${@:3}" MEMORIES_DATA_DIR="$DATA" timeout 15 "$BIN" >"$ART/second-$1.log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    n=$(window_count); ((n > most)) && most=$n
    sleep 0.05
  done
  wait "$pid" || rc=$?
  local took=$((SECONDS - started))
  ((most == 1)) || fail "second launch ($1) opened a window of its own ($most windows while it ran)"
  [[ $rc -ne 124 ]] || fail "second launch ($1) hung for ${took}s"
  if [[ $want == 0 ]]; then ((rc == 0)) || fail "second launch ($1) handed over but exited $rc: $(cat "$ART/second-$1.log")"
  else ((rc != 0)) || fail "second launch ($1) could not hand over but exited 0"; fi
  (( took <= 10 )) || fail "second launch ($1) took ${took}s"
  local n
  n=$(window_count)
  ((n == 1)) || fail "second launch ($1): $n windows titled *$APP_TITLE, want 1: $(for w in $(windows "$APP_TITLE"); do xdotool getwindowname "$w"; done | paste -sd '|')"
  say "second launch via $1 exited $rc in ${took}s"
}

start_session
start_app
wait_app_window 60 || fail "no window titled Memories Desktop within 60 s"
wait_text 60 "heading: Upload" "Drop videos or folders here" "push button: Choose files…" ||
  fail "the Upload view is not on screen within 60 s"
# The accessible tree can be complete a moment before the first paint on a busy machine: wait
# for the paint, never a fixed sleep.
wait_until 30 painted gui-smoke || fail "screenshot looks blank ($(colours "$ART/gui-smoke.png") colours)"
colours=$(colours "$ART/gui-smoke.png")
say "window found, screenshot $ART/gui-smoke.png has $colours colours"

# Ctrl+6 opens Settings; its screenshot must differ from the first view's.
xdotool mousemove --window "$WIN" 600 400 click 1 key --clearmodifiers ctrl+6
wait_text 30 "heading: Settings" "push button: Save key" || fail "Ctrl+6 did not switch to Settings"
# The accessible tree can name Settings a moment before it is painted: wait for the paint.
wait_until 20 shot_differs gui-smoke gui-smoke-settings || fail "Ctrl+6 did not switch to Settings on screen"

# The download folder's chooser says what its button does: Select, not Open (Wails' label).
click_name "Choose…" "push button" || fail "no Choose… button for the download folder"
wait_until 20 has_window '^Default download folder$' || fail "Choose… opened no folder dialog"
wait_text 20 "push button: Select" || fail "the folder chooser's button does not say Select"
screen_text | grep -q 'push button: Open$' && fail "the folder chooser still has an Open button"
shot gui-smoke-folder-chooser
press_name "Cancel" "push button" || fail "no Cancel in the folder dialog"
wait_until 20 no_window '^Default download folder$' || fail "the folder dialog did not close"
say "the folder chooser's button says Select"

second_launch dbus 0                                       # the D-Bus single-instance hand-off
grep -q 'already running' "$ART/second-dbus.log" || fail "the hand-off did not say what it did"
second_launch dblock fail DBUS_SESSION_BUS_ADDRESS=disabled: # no bus: the database lock must stop it
grep -q 'already using' "$ART/second-dblock.log" || fail "no clear message when the database is locked"

stop_app || fail "app did not stop within 10 s of SIGTERM"
((APP_RC == 0)) || fail "app exited $APP_RC after SIGTERM"
kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
say "app stopped cleanly"

# Without a D-Bus session (no bus address, no per-user bus) the app runs its own bus, with the
# accessibility bus GTK asks it for, and after SIGTERM leaves no process behind: every process
# with this run's data folder in its environment is the app's.
left_behind() {
  local p
  for p in $(grep -lzx "MEMORIES_DATA_DIR=$DATA" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3); do
    [[ $(awk '{print $3}' "/proc/$p/stat" 2>/dev/null) != [ZX] ]] && echo "$p:$(tr '\0' ' ' <"/proc/$p/cmdline" | cut -c1-60)"
  done
  return 0
}
a11y_started() { [[ $(left_behind) == *at-spi-bus-launcher* ]]; }
nothing_left() { [[ -z $(left_behind) ]]; }
mkdir "$TMP/no-runtime"
APP_LOG=$ART/app-nobus.log
start_app -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$TMP/no-runtime"
wait_until 60 page_ready || fail "no bus: the page did not load within 60 s"
wait_until 20 a11y_started || fail "no bus: the accessibility bus was not started (running: $(left_behind | paste -sd ' '))"
stop_app 60 || fail "no bus: app did not stop within 60 s of SIGTERM"
((APP_RC == 0)) || fail "no bus: app exited $APP_RC after SIGTERM"
wait_until 10 nothing_left || fail "no bus: left running after SIGTERM: $(left_behind | paste -sd ' ')"
say "without a D-Bus session the app ran its own bus and left nothing running"

# A memories command holding the data folder (a download from a server that accepts and never
# answers) stops the app with a message naming the command, not "another Memories Desktop".
CLI=${CLI:-build/bin/memories}
PORT_FILE=$TMP/port OUT=$TMP/out
/usr/bin/python3 -c 'import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
print(s.getsockname()[1], flush=True); c = s.accept(); time.sleep(60)' >"$PORT_FILE" &
SILENT_PID=$!
wait_until 10 test -s "$PORT_FILE" || fail "the silent server did not start"
URL=http://127.0.0.1:$(cat "$PORT_FILE")
MEMORIES_DATA_DIR="$DATA" MEMORIES_API_KEY=sk-gui-smoke MEMORIES_BASE_URL=$URL MEMORIES_ASSET_BASE_URL=$URL \
  "$CLI" download-asset -o "$OUT" re_1 >"$ART/cli-holder.log" 2>&1 &
CLI_PID=$!
wait_until 10 test -s "$DATA/holder" || fail "the memories command did not take the data folder"
rc=0
DBUS_SESSION_BUS_ADDRESS=disabled: MEMORIES_DATA_DIR="$DATA" timeout 15 "$BIN" >"$ART/second-cli.log" 2>&1 || rc=$?
kill "$CLI_PID" "$SILENT_PID" 2>/dev/null || true
wait "$CLI_PID" 2>/dev/null || true
[[ $rc -ne 0 && $rc -ne 124 ]] || fail "the app held off by a memories command exited $rc"
grep -q 'a memories command' "$ART/second-cli.log" || fail "the app does not say a memories command holds the folder: $(cat "$ART/second-cli.log")"
say "held by a memories command, the app says: $(grep -o 'a memories command[^;]*' "$ART/second-cli.log")"
