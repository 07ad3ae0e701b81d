#!/usr/bin/env bash
# Real-window test of Settings → System: the production binary under Xvfb with openbox, a data
# folder and an XDG config folder of its own. Clicking "Start Memories Desktop when I log in"
# writes $XDG_CONFIG_HOME/autostart/memories-desktop.desktop naming the binary, clicking again
# removes it; "Notify when watched uploads finish" is on by default and its click is saved.
# Screenshots go to build/test-artifacts/gui-system/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-system
[[ -x $BIN ]] || fail "$BIN is missing; run make build"

ENTRY=$TMP/config/autostart/memories-desktop.desktop
LOGIN="Start Memories Desktop when I log in"
NOTIFY="Notify when watched uploads finish"
checked() { [[ " $(element_states "$1" "check box") " == *" checked "* ]]; }
unchecked() { ! checked "$1"; }

start_session
start_app XDG_CONFIG_HOME=$TMP/config
app_ready 60 || fail "the Upload view is not on screen"
press ctrl+6
wait_text 30 "heading: Settings" || fail "Ctrl+6 did not show Settings"
scroll_to 60 "$LOGIN" "check box" || fail "no '$LOGIN' switch in Settings"
wait_text 10 "Kept in $ENTRY" || fail "the System card does not name the entry"
checked "$NOTIFY" || fail "notifications are not on by default"
unchecked "$LOGIN" || fail "start at login is on before it was asked for"
step default "both switches as they start: notifications on, start at login off"

click_name "$LOGIN" "check box" || fail "cannot click '$LOGIN'"
wait_until 10 test -f "$ENTRY" || fail "no $ENTRY after the click"
wait_until 10 checked "$LOGIN" || fail "the switch does not show on"
exe=$(readlink -f "$BIN")
grep -qx "Exec=$exe" "$ENTRY" || fail "the entry does not start $exe: $(cat "$ENTRY")"
step start-at-login "start at login on: $ENTRY starts $exe"

click_name "$NOTIFY" "check box" || fail "cannot click '$NOTIFY'"
wait_until 10 grep -q '"notificationsOff": *true' "$DATA/settings.json" || fail "notifications off was not saved"
wait_until 10 unchecked "$NOTIFY" || fail "the notification switch does not show off"

click_name "$LOGIN" "check box" || fail "cannot click '$LOGIN' again"
wait_until 10 test ! -e "$ENTRY" || fail "$ENTRY is still there after switching off"
wait_until 10 unchecked "$LOGIN" || fail "the switch does not show off"
step both-off "both off: notifications off saved, the autostart entry removed"
stop_app || fail "the app did not stop within 10 s of SIGTERM"
say "passed in $((SECONDS - started)) s; screenshots in $ART"
