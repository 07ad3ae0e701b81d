#!/usr/bin/env bash
# GUI smoke test: the production binary in a real window under Xvfb, with a temporary data folder.
# Finds the window by title, reads its first view through AT-SPI, takes a screenshot (kept in
# build/test-artifacts/), checks it is not blank, checks that second launches neither open a window nor hang, and stops the app cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

BIN=${BIN:-build/bin/memories-desktop}
ART=build/test-artifacts
TITLE='Memories Desktop$' # the page adds the view: "Upload — Memories Desktop"
mkdir -p "$ART"
DATA=$(mktemp -d)
APP_PID="" XVFB_PID=""

cleanup() {
  [[ -n $APP_PID ]] && kill -KILL "$APP_PID" 2>/dev/null || true
  [[ -n ${DBUS_SESSION_BUS_PID:-} ]] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
  [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
APP_LOG=$ART/app.log
fail() { echo "gui-smoke: FAIL: $*" >&2; sed 's/^/  app: /' "$APP_LOG" >&2 || true; exit 1; }

window_count() { windows "$TITLE" | wc -l; }

# A second launch must exit (non-zero), say why and never hang or open a window, not even for a
# moment (the window count is taken all the while it runs). $1 names the path.
second_launch() {
  local started=$SECONDS rc=0 most=1 n pid
  env "${@:2}" MEMORIES_DATA_DIR="$DATA" timeout 15 "$BIN" >"$ART/second-$1.log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    n=$(window_count); ((n > most)) && most=$n
    sleep 0.05
  done
  wait "$pid" || rc=$?
  local took=$((SECONDS - started))
  ((most == 1)) || fail "second launch ($1) opened a window of its own ($most windows while it ran)"
  [[ $rc -ne 0 && $rc -ne 124 ]] || fail "second launch ($1) exit $rc after ${took}s"
  (( took <= 10 )) || fail "second launch ($1) took ${took}s"
  local n
  n=$(window_count)
  ((n == 1)) || fail "second launch ($1): $n windows titled *$TITLE, want 1: $(for w in $(windows "$TITLE"); do xdotool getwindowname "$w"; done | paste -sd '|')"
  echo "gui-smoke: second launch via $1 exited $rc in ${took}s"
}

start_xvfb
start_bus
MEMORIES_DATA_DIR="$DATA" "$BIN" >"$ART/app.log" 2>&1 &
APP_PID=$!
wait_until 60 has_window "$TITLE" || fail "no window titled Memories Desktop within 60 s"
wait_text 60 "heading: Upload" "Drop videos or folders here" "push button: Choose files…" ||
  fail "the Upload view is not on screen within 60 s"
# The text can be readable a moment ahead of the first paint.
painted() { shot gui-smoke; colours=$(convert "$ART/gui-smoke.png" -format '%k' info:); (( colours > 64 )); }
wait_until 20 painted || fail "screenshot looks blank ($colours colours)"
echo "gui-smoke: window found, screenshot $ART/gui-smoke.png has $colours colours"

# Ctrl+6 opens Settings; its screenshot must differ from the first view's.
win=$(windows "$TITLE" | head -1)
xdotool mousemove --window "$win" 600 400 click 1 key --clearmodifiers ctrl+6
wait_text 30 "heading: Settings" "push button: Save key" || fail "Ctrl+6 did not switch to Settings"
shot gui-smoke-settings
changed=$(compare -metric AE "$ART/gui-smoke.png" "$ART/gui-smoke-settings.png" null: 2>&1 || true)
(( ${changed%% *} > 1000 )) || fail "Ctrl+6 did not switch to Settings ($changed pixels changed)"

second_launch dbus                                    # Wails' D-Bus single-instance lock
second_launch dblock DBUS_SESSION_BUS_ADDRESS=disabled: # no bus: the database lock must stop it
grep -q 'already using' "$ART/second-dblock.log" || fail "no clear message when the database is locked"

kill -TERM "$APP_PID"
for _ in $(seq 1 20); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
kill -0 "$APP_PID" 2>/dev/null && fail "app did not stop within 10 s of SIGTERM"
rc=0; wait "$APP_PID" || rc=$?
APP_PID=""
[[ $rc -eq 0 ]] || fail "app exited $rc after SIGTERM"
kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
echo "gui-smoke: app stopped cleanly"

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
NO_RUNTIME=$(mktemp -d) APP_LOG=$ART/app-nobus.log
env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$NO_RUNTIME" MEMORIES_DATA_DIR="$DATA" "$BIN" >"$APP_LOG" 2>&1 &
APP_PID=$!
wait_until 60 page_ready || fail "no bus: the page did not load within 60 s"
wait_until 20 a11y_started || fail "no bus: the accessibility bus was not started (running: $(left_behind | paste -sd ' '))"
kill -TERM "$APP_PID"
rc=0; wait "$APP_PID" || rc=$?
APP_PID=""
[[ $rc -eq 0 ]] || fail "no bus: app exited $rc after SIGTERM"
wait_until 10 nothing_left || fail "no bus: left running after SIGTERM: $(left_behind | paste -sd ' ')"
rm -rf "$NO_RUNTIME"
echo "gui-smoke: without a D-Bus session the app ran its own bus and left nothing running"
