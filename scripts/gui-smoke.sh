#!/usr/bin/env bash
# GUI smoke test: the production binary in a real window under Xvfb, with a temporary data folder.
# Finds the window by title, takes a screenshot (kept in build/test-artifacts/), checks it is not
# blank, checks that second launches neither open a window nor hang, and stops the app cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-build/bin/memories-desktop}
ART=build/test-artifacts
TITLE='^Memories Desktop$'
mkdir -p "$ART"
DATA=$(mktemp -d)
APP_PID="" XVFB_PID=""

cleanup() {
  [[ -n $APP_PID ]] && kill -KILL "$APP_PID" 2>/dev/null || true
  [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
fail() { echo "gui-smoke: FAIL: $*" >&2; sed 's/^/  app: /' "$ART/app.log" >&2 || true; exit 1; }

start_xvfb() {
  exec 3< <(Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp 2>/dev/null & echo "pid $!")
  local line; read -r line <&3; XVFB_PID=${line#pid }
  read -r line <&3; export DISPLAY=":$line"
}

# Mapped windows with our title. (xdotool's --onlyvisible trips over windows that vanish mid-search.)
windows() {
  local w
  for w in $(xdotool search --name "$TITLE" 2>/dev/null); do
    xwininfo -id "$w" 2>/dev/null | grep -q 'IsViewable' && echo "$w"
  done
  return 0
}

wait_for_window() {
  for _ in $(seq 1 60); do
    [[ -n $(windows) ]] && return 0
    sleep 0.5
  done
  return 1
}

window_count() { windows | wc -l; }

# A second launch must exit (non-zero), say why and never hang or open a window. $1 names the path.
second_launch() {
  local started=$SECONDS rc=0
  env "${@:2}" MEMORIES_DATA_DIR="$DATA" timeout 15 "$BIN" >"$ART/second-$1.log" 2>&1 || rc=$?
  local took=$((SECONDS - started))
  [[ $rc -ne 0 && $rc -ne 124 ]] || fail "second launch ($1) exit $rc after ${took}s"
  (( took <= 10 )) || fail "second launch ($1) took ${took}s"
  [[ $(window_count) -eq 1 ]] || fail "second launch ($1) opened another window"
  echo "gui-smoke: second launch via $1 exited $rc in ${took}s"
}

start_xvfb
eval "$(dbus-launch --sh-syntax)"
MEMORIES_DATA_DIR="$DATA" "$BIN" >"$ART/app.log" 2>&1 &
APP_PID=$!
wait_for_window >/dev/null || fail "no window titled Memories Desktop within 30 s"
sleep 2 # let the page paint
import -window root "$ART/gui-smoke.png"
colours=$(convert "$ART/gui-smoke.png" -format '%k' info:)
(( colours > 64 )) || fail "screenshot looks blank ($colours colours)"
echo "gui-smoke: window found, screenshot $ART/gui-smoke.png has $colours colours"

# Ctrl+6 opens Settings; its screenshot must differ from the first view's.
win=$(windows | head -1)
xdotool mousemove --window "$win" 600 400 click 1 sleep 0.3 key --clearmodifiers ctrl+6
sleep 1
import -window root "$ART/gui-smoke-settings.png"
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
