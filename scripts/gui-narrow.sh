#!/usr/bin/env bash
# Every view of the real window at its minimum width (860 px), in sandbox mode with demo data, so
# a person can check that no action button is cut off (screenshots in build/test-artifacts/narrow/),
# and the checks a script can make through AT-SPI: each view shows under its shortcut, the sidebar
# is icons that keep their names, and the Library's drawer opens beside the list at 1180 px.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-narrow build/test-artifacts/narrow
VIEWS=(Upload Import Library Transfers History Settings Search) # Ctrl+1…7

start_session
start_app MEMORIES_SANDBOX=1 MEMORIES_SANDBOX_DEMO=1 MEMORIES_SANDBOX_DEMO_VIDEOS=40
app_ready 60 || fail "no Upload view"
xdotool windowsize "$WIN" 860 700 windowmove "$WIN" 0 0
for i in "${!VIEWS[@]}"; do
  press "ctrl+$((i + 1))"
  wait_text 20 "heading: ${VIEWS[$i]}" || fail "Ctrl+$((i + 1)) did not show ${VIEWS[$i]}"
  read -r _ _ w _ < <(element_extents "${VIEWS[$i]}" "push button")
  ((w <= 64)) || fail "at 860 px the sidebar's ${VIEWS[$i]} button is $w px wide, not an icon"
  [[ ${VIEWS[$i]} == Library ]] && { wait_text 30 "check box: Select all 4" || fail "the demo videos are not listed"; }
  shot "${VIEWS[$i],,}"
  say "$ART/${VIEWS[$i],,}.png"
done

# 1180 px with the details drawer open beside the Library.
xdotool windowsize "$WIN" 1180 760
press ctrl+3
wait_text 20 "heading: Library" "check box: Select all 4" || fail "no Library at 1180 px"
click_name "Ready" "table cell"
wait_text 20 "description term: Video number" "description term: Status" || fail "the drawer shows no details"
shot library-drawer-1180
say "$ART/library-drawer-1180.png"
