#!/usr/bin/env bash
# Outage in the real window: the production binary in live mode against a local stand-in (the
# CLI's sandbox on a fixed loopback port). The stand-in is killed before an upload is sent; the
# Transfers row must say what is happening ("Retrying in … (connection refused)", read through
# AT-SPI), not show a stalled transfer; the header must not promise a time left; once the
# stand-in is back on the same port the upload finishes by itself and the row says Uploaded.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

BIN=${BIN:-build/bin/memories-desktop}
CLI=${CLI:-build/bin/memories}
ART=build/test-artifacts
WAIT=${GUI_WAIT:-30}
mkdir -p "$ART"
TMP=$(mktemp -d)
APP_PID="" XVFB_PID="" SB_PID=""

cleanup() {
  [[ -n $APP_PID ]] && kill -KILL "$APP_PID" 2>/dev/null || true
  [[ -n $SB_PID ]] && kill -KILL "$SB_PID" 2>/dev/null || true
  [[ -n ${DBUS_SESSION_BUS_PID:-} ]] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
  [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
fail() {
  shot gui-outage-fail || true
  echo "gui-outage: FAIL: $*" >&2
  sed 's/^/  app: /' "$ART/gui-outage-app.log" >&2 || true
  exit 1
}

# The stand-in listens on one port for the whole test, so the app's settings stay valid across
# the outage. The kernel picks a free port first.
PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
start_standin() {
  "$CLI" sandbox --addr "127.0.0.1:$PORT" --parse-delay 1s >>"$ART/gui-outage-sandbox.log" 2>&1 &
  SB_PID=$!
  wait_until 20 curl -fs -o /dev/null -H 'Authorization: sk-test' "$URL/serve/api/v1/list_unique_ids" ||
    fail "the stand-in did not start on $URL"
}
: >"$ART/gui-outage-sandbox.log"
start_standin

# Live mode on the stand-in, pacing off (the stand-in does not limit), a key in the data folder's
# key file (no keychain on this bus).
DATA="$TMP/data"
mkdir -p "$DATA" "$TMP/dl"
printf '{"baseUrl":"%s","assetBaseUrl":"%s","scope":"default","downloadDir":"%s","pacing":false}\n' "$URL" "$URL" "$TMP/dl" >"$DATA/settings.json"
printf 'sk-test' >"$DATA/api-key"
chmod 600 "$DATA/settings.json" "$DATA/api-key"
cp backend/media/testdata/poster.mp4 "$TMP/outage.mp4"

start_xvfb
start_bus
MEMORIES_DATA_DIR="$DATA" "$BIN" "$TMP/outage.mp4" >"$ART/gui-outage-app.log" 2>&1 &
APP_PID=$!
wait_text 60 "heading: Upload" "outage.mp4" "Upload 1 video" || fail "the video given at launch is not staged"
wait_text "$WAIT" "Connected to 127.0.0.1:$PORT" || fail "the status bar does not name the stand-in"

kill -KILL "$SB_PID"
wait "$SB_PID" 2>/dev/null || true
SB_PID=""
click_name "Upload 1 video" "push button" || fail "no Upload button"
click_name "Transfers" || fail "no Transfers in the sidebar"
wait_text "$WAIT" "heading: Transfers" "outage.mp4" "Retrying in" "(connection refused) · try " ||
  fail "the row does not say it is retrying after a refused connection"
shot gui-outage-retrying
text=$(screen_text)
grep -q 'B/s' <<<"$text" && fail "a row waiting to retry shows a speed: $(grep 'B/s' <<<"$text")"
grep -q ' left' <<<"$text" && fail "the header promises a time left during the outage: $(grep ' left' <<<"$text")"
echo "gui-outage: ok: the row reads \"$(grep -o 'Retrying in[^|]*' <<<"$text" | head -1)\""

start_standin
wait_text 60 "Uploaded" || fail "the upload did not finish once the stand-in was back"
shot gui-outage-recovered
# The toast that sums the batch up sits left of the view's content (over the sidebar), so it
# covers no row, plan or button of the view.
wait_text 10 "1 upload finished" || fail "no toast when the upload finished"
read -r tx _ tw _ < <(element_extents "Dismiss notification" "push button") || fail "the toast has no Dismiss button"
read -r hx _ _ _ < <(element_extents "Transfers" "heading") || fail "no Transfers heading"
((tx + tw <= hx)) || fail "the toast (right edge $((tx + tw))) reaches into the view (from $hx)"
echo "gui-outage: ok: the upload finished once the stand-in was back"
