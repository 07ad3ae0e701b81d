#!/usr/bin/env bash
# Real-window test of quitting with transfers running: the production binary under Xvfb with
# openbox, in sandbox mode with the demo work queued (paced, so transfers stay running).
#  1. Closing the window (Alt+F4) asks in the window: "Quit" / "Keep running"; Keep running keeps
#     the app; Quit ends it and the running jobs are recorded as interrupted.
#  2. SIGTERM with transfers running quits at once (no dialog), leaving them interrupted.
# Screenshots of every step go to build/test-artifacts/quit/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-quit build/test-artifacts/quit
CLI=build/test-artifacts/memories
APP_TITLE=' — Memories Desktop$' # the page names its view once painted: "Upload — Memories Desktop"

mean() { convert "$ART/$1.png" -colorspace Gray -format '%[fx:mean*1000]' info: | cut -d. -f1; }
# dimmed NAME BASE: screenshots NAME and says whether the dialog's backdrop darkens it against BASE
# (a toast or a progress bar changes a few pixels, the backdrop darkens the whole window).
dimmed() { shot "$1"; (( $(mean "$1") * 100 < $(mean "$2") * 75 )); }
undimmed() { shot "$1"; (( $(mean "$1") * 100 > $(mean "$2") * 90 )); }

# interrupted_jobs DATA: how many jobs of the sandbox profile are recorded as interrupted.
interrupted_jobs() {
  "$CLI" history --json --data-dir "$1/sandbox" >"$ART/history.jsonl" 2>&1 || true
  grep -c '"state":"interrupted"' "$ART/history.jsonl" || true
}

# launch NAME: the app on its own data folder $TMP/NAME, in sandbox mode with the demo work
# queued; waits for its window to name the view.
launch() {
  APP_LOG=$ART/app-$1.log
  DATA=$TMP/$1 start_app MEMORIES_SANDBOX=1 MEMORIES_SANDBOX_DEMO=1
  wait_app_window 60 || fail "no window within 60 s"
}

go build -o "$CLI" ./cmd/memories
start_session

# 1. The close button asks, in the window, with the right words.
launch a
shot ready
focus_window
press alt+F4
wait_until 30 dimmed asking ready || fail "closing with transfers running showed no dialog"
press Return # the focused button is Keep running
wait_until 30 undimmed kept ready || fail "Keep running did not close the dialog"
app_gone && fail "Keep running ended the app"
say "Keep running kept the app"
focus_window
press alt+F4
wait_until 30 dimmed asking-again ready || fail "the second close showed no dialog"
press shift+Tab Return # Quit is before Keep running
wait_app_exit 30 || fail "Quit did not end the app"
n=$(interrupted_jobs "$TMP/a")
(( n > 0 )) || fail "after Quit no job was recorded as interrupted: $(cat "$ART/history.jsonl")"
say "Quit ended the app; $n job(s) interrupted for resume"

# 2. SIGTERM while transfers run quits at once, without the question.
launch b
t0=$(date +%s%N)
stop_app 30 || fail "SIGTERM did not end the app within 30 s"
took=$(( ($(date +%s%N) - t0) / 1000000 ))
(( took < 5000 )) || fail "SIGTERM took ${took} ms"
grep -q 'quitting; running transfers will be offered' "$APP_LOG" || fail "no word on stderr about the signal"
n=$(interrupted_jobs "$TMP/b")
(( n > 0 )) || fail "after SIGTERM no job was recorded as interrupted"
say "SIGTERM ended the app in ${took} ms (exit $APP_RC); $n job(s) interrupted for resume"
