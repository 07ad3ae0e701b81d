#!/usr/bin/env bash
# Real-window language, Go side (issue 21): the production binary started with
# LANG=zh_CN.UTF-8 (no MEMORIES_LANG) under Xvfb + openbox. Ctrl+O opens the GTK file chooser
# with the Go catalogue's Chinese title and filter ("选择视频", "视频（mp4, …）"), read as the user
# sees them: the window title, and the chooser's text through AT-SPI. Escape closes it. Screenshots
# go to build/test-artifacts/gui-language/. Every wait is for something on screen, with a deadline.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-language
[[ -x $BIN ]] || fail "$BIN is missing; run make build"

# has_title TITLE: a managed window's UTF-8 title (_NET_WM_NAME) is exactly TITLE. (xdotool
# matches WM_NAME too, which GTK cannot fill with Chinese where the C library lacks the locale.)
has_title() {
  local w ids
  ids=$(xprop -root _NET_CLIENT_LIST 2>/dev/null) || return 1
  for w in $(grep -o '0x[0-9a-f]*' <<<"$ids"); do
    [[ $(xprop -id "$w" _NET_WM_NAME 2>/dev/null) == "_NET_WM_NAME(UTF8_STRING) = \"$1\"" ]] && return 0
  done
  return 1
}

start_session
start_app MEMORIES_LANG= LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 MEMORIES_SANDBOX=1
# The page is ready for Ctrl+O once it shows its first heading (in whatever language it speaks).
wait_text 30 "heading: " || fail "the window shows no view"
wait_app_window 30 || fail "no Memories Desktop window"
focus_window
shot 01-started

press ctrl+o
wait_until "$WAIT" has_title 选择视频 || fail "Ctrl+O opened no chooser titled 选择视频 (the Go catalogue's zh-Hans title)"
wait_text "$WAIT" "视频（mp4" || fail "the chooser's filter is not the Chinese \"视频（mp4, …）\""
shot 02-chooser-zh
say "LANG=zh_CN.UTF-8 titles the file chooser 选择视频 and names its filter 视频（mp4, …）"

press Escape
wait_until "$WAIT" eval '! has_title 选择视频' || fail "Escape did not close the chooser"
shot 03-closed
say "Escape closed the chooser"
