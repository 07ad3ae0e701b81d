#!/usr/bin/env bash
# The notification helper for real-window tests (scripts/gui/notifications.py), proven with the
# production CLI: on a session bus of our own (start_bus, as the GUI scripts use), the helper owns
# org.freedesktop.Notifications; `memories watch --notify` against the local sandbox uploads the
# videos copied into a watched folder, and the one notification of that batch is read back from
# the helper's file. A GUI script does the same with the app: start_bus, then
#   /usr/bin/python3 scripts/gui/notifications.py serve "$ART/notes.jsonl" >"$ART/notes.ready" &
#   ... wait for "ready" in notes.ready, start the app, copy a video into the watched folder ...
#   /usr/bin/python3 scripts/gui/notifications.py wait "$ART/notes.jsonl" 60 "1 video uploaded"
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh # start_bus, wait_until
need dbus-launch

CLI=${CLI:-build/bin/memories}
ART=build/test-artifacts/notifications
NOTES=/usr/bin/python3\ scripts/gui/notifications.py
mkdir -p "$ART"
rm -f "$ART"/*
WORK=$(mktemp -d)
SANDBOX_PID="" WATCH_PID="" SERVER_PID=""
cleanup() {
  local p
  for p in $WATCH_PID $SERVER_PID $SANDBOX_PID ${DBUS_SESSION_BUS_PID:-}; do kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "gui-notifications: FAIL: $*" >&2; cat "$ART"/*.log >&2 2>/dev/null || true; exit 1; }
[[ -x $CLI ]] || fail "$CLI is missing; run make cli"

start_bus
$NOTES serve "$ART/notes.jsonl" >"$ART/server.out" 2>"$ART/server.log" &
SERVER_PID=$!
wait_until 20 grep -q ready "$ART/server.out" || fail "the notification helper did not own the name"

TMPDIR=$WORK "$CLI" sandbox --addr 127.0.0.1:0 --json --parse-delay 50ms >"$WORK/sandbox.out" 2>"$ART/sandbox.log" &
SANDBOX_PID=$!
wait_until 20 grep -q '"url"' "$WORK/sandbox.out" || fail "the sandbox gave no address"
URL=$(sed -n '1s/^{"url":"\(.*\)"}$/\1/p' "$WORK/sandbox.out")

mkdir "$WORK/inbox"
MEMORIES_BASE_URL=$URL MEMORIES_ASSET_BASE_URL=$URL MEMORIES_API_KEY=sk-notes MEMORIES_DATA_DIR=$WORK/data \
  MEMORIES_RATE_LIMITS=off "$CLI" watch --json --notify --settle 300ms "$WORK/inbox" >"$ART/watch.jsonl" 2>"$ART/watch.log" &
WATCH_PID=$!
wait_until 30 grep -q '"event":"started"' "$ART/watch.jsonl" || fail "the watch did not start"
cp backend/media/testdata/h264-aac.mp4 "$WORK/inbox/first.mp4"
printf 'not a video' >"$WORK/inbox/notes.mp4"
$NOTES wait "$ART/notes.jsonl" 60 "inbox: 1 video uploaded, 1 file skipped" "Skipped notes.mp4" >"$ART/seen.json" ||
  fail "no notification of the batch"
echo "gui-notifications: seen $(cat "$ART/seen.json")"
[[ $(wc -l <"$ART/notes.jsonl") == 1 ]] || fail "more than one notification for one batch: $(cat "$ART/notes.jsonl")"
echo "gui-notifications: ok"
