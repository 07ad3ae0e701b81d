#!/usr/bin/env bash
# GUI test of a damaged database: the production binary under Xvfb and openbox starts on a data
# folder whose memories.db is garbage. It must show a dialog that names the file and the repair
# command, and on "Yes" (chosen with the keyboard) move the file aside, keep it, start on a fresh
# database and open its window. Then a data folder named "100%s%n%d" that cannot be opened must
# show the "cannot start" dialog with that text as it is. Screenshots of each step go to
# build/test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh # start_xvfb; the helpers defined below are this script's own

BIN=${BIN:-build/bin/memories-desktop}
ART=build/test-artifacts
mkdir -p "$ART"
DATA=$(mktemp -d)
APP_PID="" XVFB_PID="" WM_PID=""

cleanup() {
  [[ -n $APP_PID ]] && kill -KILL "$APP_PID" 2>/dev/null || true
  [[ -n $WM_PID ]] && kill "$WM_PID" 2>/dev/null || true
  [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null || true
  [[ -n ${DBUS_SESSION_BUS_PID:-} ]] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
fail() { echo "gui-damaged-db: FAIL: $*" >&2; sed 's/^/  app: /' "$ART/damaged-app.log" >&2 || true; exit 1; }


# wait_for TITLE: the id of a viewable window with that exact title, within 30 s.
wait_for() {
  local w
  for _ in $(seq 1 60); do
    for w in $(xdotool search --name "^$1\$" 2>/dev/null); do
      xwininfo -id "$w" 2>/dev/null | grep -q IsViewable && { echo "$w"; return 0; }
    done
    sleep 0.5
  done
  return 1
}

start_xvfb
openbox >/dev/null 2>&1 & WM_PID=$!
eval "$(dbus-launch --sh-syntax)"
head -c 65536 /dev/urandom >"$DATA/memories.db"

MEMORIES_DATA_DIR="$DATA" "$BIN" >"$ART/damaged-app.log" 2>&1 &
APP_PID=$!
dialog=$(wait_for 'The database is damaged') || fail "no dialog about the damaged database"
import -window root "$ART/damaged-1-dialog.png"
grep -q "$DATA/memories.db is damaged" "$ART/damaged-app.log" || fail "the message does not name the file"
grep -q 'memories doctor --repair' "$ART/damaged-app.log" || fail "the message does not name the command"

xdotool windowactivate --sync "$dialog" key --clearmodifiers alt+y
wait_for '.*Memories Desktop' >/dev/null || fail "no main window after the repair"
painted() { # the page has painted once the screen has more than a handful of colours
  import -window root "$ART/damaged-2-repaired.png"
  (( $(convert "$ART/damaged-2-repaired.png" -format '%k' info:) > 64 ))
}
for _ in $(seq 1 60); do painted && break; sleep 0.5; done
painted || fail "the main window never painted"
kept=$(ls "$DATA"/memories.db.damaged-* 2>/dev/null | head -1)
[[ -n $kept && $(stat -c %s "$kept") -eq 65536 ]] || fail "the damaged file was not kept"
grep -q 'repaired; the damaged file is kept at' "$ART/damaged-app.log" || fail "no repair line in the log"
echo "gui-damaged-db: dialog shown, repaired on Yes, damaged file kept at $kept, window open"

kill -TERM "$APP_PID"
rc=0; wait "$APP_PID" || rc=$?
APP_PID=""
[[ $rc -eq 0 ]] || fail "app exited $rc after SIGTERM"
MEMORIES_DATA_DIR="$DATA" go run ./cmd/memories doctor >"$ART/damaged-doctor.log" 2>&1 || fail "the new database is not sound: $(cat "$ART/damaged-doctor.log")"
echo "gui-damaged-db: the fresh database checks sound"

# A "cannot start" dialog whose text holds printf conversions (here the data folder's name): GTK
# takes the message as a format, so unescaped, "%n" aborted the app before any dialog showed.
PCT_DIR="$DATA/100%s%n%d"
mkdir -p "$PCT_DIR/settings.json" # a folder where the settings file should be: the app cannot start
MEMORIES_DATA_DIR="$PCT_DIR" "$BIN" >"$ART/damaged-percent.log" 2>&1 &
APP_PID=$!
dialog=$(wait_for 'Memories Desktop cannot start') || fail "no 'cannot start' dialog for a folder named 100%s%n%d: $(tail -3 "$ART/damaged-percent.log")"
import -window root "$ART/damaged-3-percent.png"
kill -0 "$APP_PID" 2>/dev/null || fail "the app died showing the 'cannot start' dialog"
xdotool windowactivate --sync "$dialog" key --clearmodifiers Return
rc=0; wait "$APP_PID" || rc=$?
APP_PID=""
[[ $rc -eq 1 ]] || fail "the app exited $rc after the 'cannot start' dialog, want 1"
echo "gui-damaged-db: the 'cannot start' dialog showed a text with % conversions as it is"
