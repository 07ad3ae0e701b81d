#!/usr/bin/env bash
# Outage in the real window: the production binary in live mode against a local stand-in (the
# CLI's sandbox on a fixed loopback port). First Settings' Test connection, clicked: "Connected
# — 127.0.0.1:PORT accepted the key…", then "Key rejected" (the stand-in accepts only another
# key), then "Unreachable — Nothing answers at 127.0.0.1:PORT…", then Connected again, the
# status bar agreeing each time. Then the stand-in is killed before an upload is sent; the
# Transfers row must say what is happening ("Retrying in … (connection refused)", read through
# AT-SPI), not show a stalled transfer; the header must not promise a time left; once the
# stand-in is back on the same port the upload finishes by itself and the row says Uploaded.
# Then the stand-in answers 0429 to everything for longer than five tries: a second upload
# (handed over by a second launch, which exits 0) reads "Waiting for the service" with the time,
# never fails, and finishes once the service lets it through.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-outage
WAIT=${GUI_WAIT:-30}
CLI=${CLI:-build/bin/memories}
SB_PID=""
on_exit 'kill -KILL $SB_PID; wait $SB_PID'

# The stand-in listens on one port for the whole test, so the app's settings stay valid across
# the outage. The kernel picks a free port first.
PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
# start_standin [SANDBOX FLAGS...]: the stand-in on the port, answering (any key unless
# --accept-key names another).
start_standin() {
  "$CLI" sandbox --addr "127.0.0.1:$PORT" --parse-delay 1s "$@" >>"$ART/sandbox.log" 2>&1 &
  SB_PID=$!
  wait_until 20 curl -fs -o /dev/null -H 'Authorization: sk-test' "$URL/serve/api/v1/list_unique_ids" ||
    fail "the stand-in did not start on $URL"
}
stop_standin() {
  kill -KILL "$SB_PID"
  wait "$SB_PID" 2>/dev/null || true
  SB_PID=""
}

# The status bar is the page's last landmark, "Connection".
status_bar() { screen_text | sed -n '/^landmark: Connection$/,$p'; }
bar_says() { [[ $(status_bar) == *"$1"* ]]; }
# test_connection OUTCOME BAR [NOT]: clicks Test connection; the result begins with OUTCOME, the
# status bar shows BAR (and not NOT).
test_connection() {
  # Reading the last result scrolled the page (it goes on below): back to the button first.
  xdotool mousemove "$(($(xdotool getdisplaygeometry | cut -d' ' -f1) / 2))" 400
  for _ in {1..40}; do atspi extents 0 "Test connection" "push button" >/dev/null 2>&1 && break; xdotool click 4; done
  in_view "Test connection" "push button" || fail "Test connection does not come into view"
  # The button's own action, not a pointer click: the page may still be settling from the scroll.
  press_name "Test connection" "push button" || fail "no Test connection button"
  wait_text "$WAIT" "section: $1" "section: Tested: $URL with the key ••••" || fail "the test did not end in \"$1\""
  # Read as a user reads it: the whole result in view, the pointer (and its tooltip) off the window.
  # (The wheel turns inside the window: over the bare screen it would switch openbox's desktop.)
  xdotool mousemove "$(($(xdotool getdisplaygeometry | cut -d' ' -f1) / 2))" 400 click --repeat 5 5
  xdotool mousemove $(xdotool getdisplaygeometry | awk '{ print $1 - 1, $2 - 1 }')
  wait_until 10 bar_says "$2" || fail "Settings says \"$1\" but the status bar says: $(status_bar | tail -n +2 | paste -sd ' ')"
  [[ -z ${3:-} ]] || ! bar_says "$3" || fail "beside \"$1\" the status bar still says \"$3\""
  [[ $(screen_text) != *sk-test* ]] || fail "the window shows the API key"
}

start_standin

# Live mode on the stand-in, pacing off (the stand-in does not limit), a key in the data folder's
# key file (no keychain on this bus).
mkdir -p "$TMP/dl"
printf '{"baseUrl":"%s","assetBaseUrl":"%s","scope":"default","downloadDir":"%s","pacing":false}\n' "$URL" "$URL" "$TMP/dl" >"$DATA/settings.json"
printf 'sk-test' >"$DATA/api-key"
chmod 600 "$DATA/settings.json" "$DATA/api-key"
cp backend/media/testdata/poster.mp4 "$TMP/outage.mp4"

start_session
start_app "$TMP/outage.mp4"
wait_text 90 "heading: Upload" "outage.mp4" "Upload 1 video" || fail "the video given at launch is not staged"
wait_text "$WAIT" "Connected to 127.0.0.1:$PORT" || fail "the status bar does not name the stand-in"

# Settings' Test connection in live mode against the stand-in, as a user tests it: connected,
# then the key rejected (the stand-in restarted to accept only another key), then nothing
# answering, then connected again once the stand-in is back. The result in Settings names the
# endpoint and what was tested, and the status bar agrees with it each time (it once said
# "Connected" beside "Not connected").
press ctrl+6
wait_text "$WAIT" "heading: Settings" "entry: API base URL / $URL" || fail "Settings does not show the stand-in's URL"
states=$(element_states "Sandbox mode" "check box") || fail "Settings has no Sandbox mode switch"
[[ " $states " != *" checked "* ]] || fail "Sandbox mode is on ($states)"
scroll_to "$WAIT" "Test connection" "push button" || fail "Settings has no Test connection button"
shot settings
test_connection "Connected — 127.0.0.1:$PORT accepted the key and listed the scope default" "Connected to 127.0.0.1:$PORT"
step connection-ok "Test connection: \"$(screen_text | grep -o 'Connected — .*' | head -1)\"; the status bar agrees"

stop_standin
start_standin --accept-key sk-other
test_connection "Key rejected — " "API key rejected — check it in Settings" "Connected to"
step connection-rejected "Test connection: \"$(screen_text | grep -o 'Key rejected — .*' | head -1)\"; the status bar agrees"

stop_standin
test_connection "Unreachable — Nothing answers at 127.0.0.1:$PORT on this computer" "Service unreachable" "Connected to"
bar_says "Nothing answers at 127.0.0.1:$PORT" || fail "the status bar does not say why: $(status_bar | paste -sd ' ')"
step connection-unreachable "Test connection: \"$(screen_text | grep -o 'Unreachable — .*' | head -1)\"; the status bar agrees"

start_standin
test_connection "Connected — 127.0.0.1:$PORT accepted the key" "Connected to 127.0.0.1:$PORT" "Service unreachable"
step connection-back "Test connection says Connected again once the stand-in is back; so does the status bar"
click_name "Upload" "push button" || fail "no Upload in the sidebar"
wait_text "$WAIT" "heading: Upload" "Upload 1 video" || fail "Upload no longer lists outage.mp4"

stop_standin
click_name "Upload 1 video" "push button" || fail "no Upload button"
click_name "Transfers" || fail "no Transfers in the sidebar"
# The tries wait 1, 2, 4 and 8 s (the back-off doubles): whichever wait one look catches, the
# stand-in comes back at once, in time for a try that is left. The checks read that same look.
retrying() {
  text=$(screen_text)
  grep -q 'heading: Transfers' <<<"$text" && grep -q 'outage.mp4' <<<"$text" && grep -q 'Retrying in' <<<"$text" &&
    grep -Eq '\(connection refused\) · try [2-5] of 5' <<<"$text"
}
wait_until "$WAIT" retrying || fail "the row does not say it is retrying after a refused connection"
step retrying "the row reads \"$(grep -o 'Retrying in[^|]*' <<<"$text" | head -1)\""
start_standin
grep -q 'B/s' <<<"$text" && fail "a row waiting to retry shows a speed: $(grep 'B/s' <<<"$text")"
grep -q ' left' <<<"$text" && fail "the header promises a time left during the outage: $(grep ' left' <<<"$text")"

# The toast that sums the batch up sits left of the view's content (over the sidebar), so it
# covers no row, plan or button of the view. It closes itself after 6 s: one look finds the row
# and the toast, the next measures it.
wait_text 60 "Uploaded" "1 upload finished" || fail "the upload did not finish once the stand-in was back, with its toast"
read -r tx _ tw _ < <(element_extents "Dismiss notification" "push button") || fail "the toast has no Dismiss button"
read -r hx _ _ _ < <(element_extents "Transfers" "heading") || fail "no Transfers heading"
((tx + tw <= hx)) || fail "the toast (right edge $((tx + tw))) reaches into the view (from $hx)"
step recovered "the upload finished once the stand-in was back"

# A rate limit that outlasts five tries, with pacing off.
curl -fsS -X PUT -H 'Content-Type: application/json' -d '{"rate_limit_after":1}' "$URL/_sandbox/faults" >/dev/null ||
  fail "could not switch the stand-in's rate limit on"
# The one call let through is spent here, so every call of the app is refused.
curl -fsS -o /dev/null -H 'Authorization: sk-test' "$URL/serve/api/v1/list_unique_ids"
cp backend/media/testdata/h264-aac.mp4 "$TMP/limited.mp4"
rc=0
MEMORIES_DATA_DIR="$DATA" timeout 20 "$BIN" "$TMP/limited.mp4" >"$ART/second.log" 2>&1 || rc=$?
((rc == 0)) || fail "the second launch handed its file over but exited $rc: $(cat "$ART/second.log")"
click_name "Upload" || fail "no Upload in the sidebar"
wait_text "$WAIT" "limited.mp4" "Upload 1 video" || fail "the handed-over file is not staged"
click_name "Upload 1 video" "push button" || fail "no Upload button"
click_name "Transfers" || fail "no Transfers in the sidebar"
wait_text "$WAIT" "limited.mp4" "Waiting for the service" "Rate-limited until" ||
  fail "the row does not say the service is limiting requests"
LOG=$(find "$DATA" -name '*.log' | head -1)
[[ -n $LOG ]] || fail "no log file in the data folder"
retries() { grep -c 'job will be retried.*cause=rate-limited' "$LOG" || true; }
# Before, the fifth refusal failed the job (about 22 s with pacing off), after four retries.
wait_until 150 eval '(( $(retries) >= 5 ))' || fail "the job was not retried past five refusals ($(retries))"
# The log line comes a moment before the row is told; the wait is off the row while a try runs.
wait_text 10 "Waiting for the service" || fail "after $(retries) refusals the row no longer says it waits"
text=$(screen_text)
grep -q 'Failed' <<<"$text" && fail "a rate-limited job shows Failed: $(grep 'Failed' <<<"$text")"
grep -q 'Waiting for the service' <<<"$text" || fail "after $(retries) refusals the row no longer says it waits"
step rate-limited "after $(retries) refusals the row still reads \"$(grep -o 'Rate-limited until[^|]*' <<<"$text" | head -1)\""
curl -fsS -X PUT -H 'Content-Type: application/json' -d '{}' "$URL/_sandbox/faults" >/dev/null
wait_gone 90 "Waiting for the service" || fail "the upload did not go on once the service let it through"
wait_text 30 "limited.mp4" "Uploaded" || fail "the rate-limited upload did not finish"
say "ok: the rate-limited upload finished once the service let it through"

