#!/usr/bin/env bash
# The notification helper for real-window tests (scripts/gui/notifications.py), proven with the
# production CLI: on a session bus of our own (start_bus, as the GUI scripts use), the helper owns
# org.freedesktop.Notifications (serve_notifications in lib.sh); `memories watch --notify` against
# the local sandbox uploads the videos copied into a watched folder, and the one notification of
# that batch is read back (wait_notification). scripts/gui-watch.sh does the same with the app.
# Its files go to build/test-artifacts/gui-notifications/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh
need dbus-launch

gui_init gui-notifications
CLI=${CLI:-build/bin/memories}
[[ -x $CLI ]] || fail "$CLI is missing; run make cli"
SANDBOX_PID="" WATCH_PID=""
on_exit 'kill $SANDBOX_PID'
on_exit 'kill $WATCH_PID'

start_bus
serve_notifications

TMPDIR=$TMP "$CLI" sandbox --addr 127.0.0.1:0 --json --parse-delay 50ms >"$TMP/sandbox.out" 2>"$ART/sandbox.log" &
SANDBOX_PID=$!
wait_until 20 grep -q '"url"' "$TMP/sandbox.out" || fail "the sandbox gave no address: $(cat "$ART/sandbox.log")"
URL=$(sed -n '1s/^{"url":"\(.*\)"}$/\1/p' "$TMP/sandbox.out")

mkdir "$TMP/inbox"
MEMORIES_BASE_URL=$URL MEMORIES_ASSET_BASE_URL=$URL MEMORIES_API_KEY=sk-notes MEMORIES_DATA_DIR=$DATA \
  MEMORIES_RATE_LIMITS=off "$CLI" watch --json --notify --settle 300ms "$TMP/inbox" >"$ART/watch.jsonl" 2>"$ART/watch.log" &
WATCH_PID=$!
wait_until 30 grep -q '"event":"started"' "$ART/watch.jsonl" || fail "the watch did not start: $(cat "$ART/watch.log")"
cp backend/media/testdata/h264-aac.mp4 "$TMP/inbox/first.mp4"
printf 'not a video' >"$TMP/inbox/notes.mp4"
seen=$(wait_notification 60 "inbox: 1 video uploaded, 1 file skipped" "Skipped notes.mp4") ||
  fail "no notification of the batch: $(cat "$ART/watch.log")"
say "seen $seen"
(($(notification_count) == 1)) || fail "more than one notification for one batch: $(cat "$NOTES")"
say "passed in $((SECONDS - started)) s"
