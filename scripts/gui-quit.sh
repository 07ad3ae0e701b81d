#!/usr/bin/env bash
# Real-window test of quitting with transfers running: the production binary under Xvfb with
# openbox, in sandbox mode with the demo work queued (paced, so transfers stay running).
#  1. Closing the window (Alt+F4) asks in the window: "Quit" / "Keep running"; Keep running keeps
#     the app; Quit ends it and the running jobs are recorded as interrupted.
#  2. SIGTERM with transfers running quits at once (no dialog), leaving them interrupted.
# Screenshots of every step go to build/test-artifacts/quit/quit-*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh # start_xvfb; the helpers defined below are this script's own

BIN=${BIN:-build/bin/memories-desktop}
CLI=build/test-artifacts/memories
ART=build/test-artifacts/quit
TITLE=' — Memories Desktop$' # the page names its view once painted: "Upload — Memories Desktop"
mkdir -p "$ART"
WORK=$(mktemp -d)
APP_PID="" XVFB_PID="" WM_PID=""

cleanup() {
  [[ -n $APP_PID ]] && kill -KILL "$APP_PID" 2>/dev/null || true
  [[ -n $WM_PID ]] && kill "$WM_PID" 2>/dev/null || true
  [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null || true
  [[ -n ${DBUS_SESSION_BUS_PID:-} ]] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "gui-quit: FAIL: $*" >&2; sed 's/^/  app: /' "$ART/quit-app.log" >&2 || true; exit 1; }


window() {
  local w
  for w in $(xdotool search --name "$TITLE" 2>/dev/null); do
    xwininfo -id "$w" 2>/dev/null | grep -q 'IsViewable' && { echo "$w"; return 0; }
  done
  return 0
}

# until CMD… polls a condition every 0.2 s for up to 30 s.
until_true() {
  for _ in $(seq 1 150); do "$@" && return 0; sleep 0.2; done
  return 1
}

shot() { import -window root "$ART/quit-$1.png"; }
mean() { convert "$ART/quit-$1.png" -colorspace Gray -format '%[fx:mean*1000]' info: | cut -d. -f1; }
# dimmed NAME BASE: screenshots NAME and says whether the dialog's backdrop darkens it against BASE
# (a toast or a progress bar changes a few pixels, the backdrop darkens the whole window).
dimmed() { shot "$1"; (( $(mean "$1") * 100 < $(mean "$2") * 75 )); }
undimmed() { shot "$1"; (( $(mean "$1") * 100 > $(mean "$2") * 90 )); }

# interrupted_jobs DATA: how many jobs of the sandbox profile are recorded as interrupted.
interrupted_jobs() {
  "$CLI" history --json --data-dir "$1/sandbox" >"$ART/quit-history.jsonl" 2>&1 || true
  grep -c '"state":"interrupted"' "$ART/quit-history.jsonl" || true
}

launch() {
  MEMORIES_DATA_DIR="$1" MEMORIES_SANDBOX=1 MEMORIES_SANDBOX_DEMO=1 "$BIN" >"$ART/quit-app.log" 2>&1 &
  APP_PID=$!
  until_true test -n "$(window)" || until_true test -n "$(window)" || fail "no window within 60 s"
}

app_alive() { kill -0 "$APP_PID" 2>/dev/null; }
gone() { ! kill -0 "$APP_PID" 2>/dev/null; }

go build -o "$CLI" ./cmd/memories
start_xvfb
eval "$(dbus-launch --sh-syntax)"
openbox >/dev/null 2>&1 & WM_PID=$!

# 1. The close button asks, in the window, with the right words.
launch "$WORK/a" # the window title names the view once the page has painted
shot ready
win=$(window)
xdotool windowactivate --sync "$win" key --clearmodifiers alt+F4
until_true dimmed asking ready || fail "closing with transfers running showed no dialog"
xdotool key --clearmodifiers Return # the focused button is Keep running
until_true undimmed kept ready || fail "Keep running did not close the dialog"
app_alive || fail "Keep running ended the app"
echo "gui-quit: Keep running kept the app"
xdotool windowactivate --sync "$win" key --clearmodifiers alt+F4
until_true dimmed asking-again ready || fail "the second close showed no dialog"
xdotool key --clearmodifiers shift+Tab Return # Quit is before Keep running
until_true gone || fail "Quit did not end the app"
wait "$APP_PID" || true
APP_PID=""
n=$(interrupted_jobs "$WORK/a")
(( n > 0 )) || fail "after Quit no job was recorded as interrupted: $(cat "$ART/quit-history.jsonl")"
echo "gui-quit: Quit ended the app; $n job(s) interrupted for resume"

# 2. SIGTERM while transfers run quits at once, without the question.
launch "$WORK/b"
started=$(date +%s%N)
kill -TERM "$APP_PID"
until_true gone || { shot sigterm-stuck; fail "SIGTERM did not end the app within 30 s"; }
took=$(( ($(date +%s%N) - started) / 1000000 ))
rc=0; wait "$APP_PID" || rc=$?
APP_PID=""
(( took < 5000 )) || fail "SIGTERM took ${took} ms"
grep -q 'quitting; running transfers will be offered' "$ART/quit-app.log" || fail "no word on stderr about the signal"
n=$(interrupted_jobs "$WORK/b")
(( n > 0 )) || fail "after SIGTERM no job was recorded as interrupted"
echo "gui-quit: SIGTERM ended the app in ${took} ms (exit $rc); $n job(s) interrupted for resume"
