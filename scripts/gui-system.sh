#!/usr/bin/env bash
# Real-window test of Settings → System: the production binary under Xvfb with openbox, a data
# folder and an XDG config folder of its own. Clicking "Start Memories Desktop when I log in"
# writes $XDG_CONFIG_HOME/autostart/memories-desktop.desktop naming the binary, clicking again
# removes it; "Notify when watched uploads finish" is on by default and its click is saved.
# Screenshots go to build/test-artifacts/system/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

BIN=${BIN:-build/bin/memories-desktop}
ART=build/test-artifacts/system
TITLE='Memories Desktop$'
mkdir -p "$ART"
rm -f "$ART"/*.png
WORK=$(mktemp -d)
APP_PID="" XVFB_PID="" WM_PID=""
cleanup() {
  [[ -n $APP_PID ]] && kill -KILL "$APP_PID" 2>/dev/null || true
  [[ -n $WM_PID ]] && kill "$WM_PID" 2>/dev/null || true
  [[ -n ${DBUS_SESSION_BUS_PID:-} ]] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
  [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "gui-system: FAIL: $*" >&2; sed 's/^/  app: /' "$ART/app.log" >&2 || true; exit 1; }
[[ -x $BIN ]] || fail "$BIN is missing; run make build"

ENTRY=$WORK/config/autostart/memories-desktop.desktop
LOGIN="Start Memories Desktop when I log in"
NOTIFY="Notify when watched uploads finish"
checked() { [[ " $(element_states "$1" "check box") " == *" checked "* ]]; }
unchecked() { ! checked "$1"; }

start_xvfb
start_wm
start_bus
XDG_CONFIG_HOME=$WORK/config MEMORIES_DATA_DIR=$WORK/data "$BIN" >"$ART/app.log" 2>&1 &
APP_PID=$!
wait_until 60 has_window "$TITLE" || fail "no window within 60 s"
wait_text 60 "heading: Upload" || fail "the Upload view is not on screen"
xdotool key --clearmodifiers ctrl+6
wait_text 30 "heading: Settings" || fail "Ctrl+6 did not show Settings"
scroll_to 20 "$LOGIN" "check box" || fail "no '$LOGIN' switch in Settings"
wait_text 10 "Kept in $ENTRY" || fail "the System card does not name the entry"
checked "$NOTIFY" || fail "notifications are not on by default"
unchecked "$LOGIN" || fail "start at login is on before it was asked for"
shot system-1-default

click_name "$LOGIN" "check box" || fail "cannot click '$LOGIN'"
wait_until 10 test -f "$ENTRY" || fail "no $ENTRY after the click"
wait_until 10 checked "$LOGIN" || fail "the switch does not show on"
exe=$(readlink -f "$BIN")
grep -qx "Exec=$exe" "$ENTRY" || fail "the entry does not start $exe: $(cat "$ENTRY")"
shot system-2-start-at-login

click_name "$NOTIFY" "check box" || fail "cannot click '$NOTIFY'"
wait_until 10 grep -q '"notificationsOff": *true' "$WORK/data/settings.json" || fail "notifications off was not saved"
wait_until 10 unchecked "$NOTIFY" || fail "the notification switch does not show off"

click_name "$LOGIN" "check box" || fail "cannot click '$LOGIN' again"
wait_until 10 test ! -e "$ENTRY" || fail "$ENTRY is still there after switching off"
wait_until 10 unchecked "$LOGIN" || fail "the switch does not show off"
shot system-3-both-off
echo "gui-system: ok (screenshots in $ART)"
