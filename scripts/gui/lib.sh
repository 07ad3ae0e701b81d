# Shared helpers for the real-window scripts: an Xvfb display of our own (-displayfd picks a free
# number, so parallel runs never collide), a session bus, a window manager, finding windows by
# title, screenshots, waiting for a condition instead of sleeping, and reading what the window
# shows through AT-SPI (screen_text, wait_text, click_name; see below). Source it.

# need COMMAND...: fails at once, naming the first command that is not installed.
need() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null || { echo "$c is missing; run scripts/ensure-deps.sh" >&2; exit 1; }
  done
}
need Xvfb xdotool xwininfo xprop import compare

# The scripts find windows and text by their English words: the app speaks English unless a
# script asks for another language (MEMORIES_LANG=de …), whatever the machine's locale.
export MEMORIES_LANG="${MEMORIES_LANG:-en}"

# start_xvfb [WxH]: a fresh display; exports DISPLAY and sets XVFB_PID. -noreset: by default the X
# server resets whenever its last client disconnects and refuses connections meanwhile (31 of
# 1,000 back-to-back xdpyinfo runs failed without it, 0 with it): an app started just after the
# previous one quit then died with "failed to init GTK", and a window count read 0.
start_xvfb() {
  exec 3< <(Xvfb -displayfd 1 -noreset -screen 0 "${1:-1280x800}x24" -nolisten tcp 2>/dev/null & echo "pid $!")
  local line; read -r line <&3; XVFB_PID=${line#pid }
  read -r line <&3; export DISPLAY=":$line"
}

# start_wm: openbox, so windows get focus, stacking and real moves as on a desktop; sets WM_PID.
# Ready once it has claimed the screen; an openbox that exits first (seen once in a run of
# back-to-back suites) is started again, up to three times, its output kept in $ART/openbox.log.
start_wm() {
  need openbox
  local log=${ART:-${TMPDIR:-/tmp}}/openbox.log try
  for try in 1 2 3; do
    openbox --sm-disable >>"$log" 2>&1 &
    WM_PID=$!
    wait_until 20 wm_up_or_gone
    wm_running && return 0
    kill "$WM_PID" 2>/dev/null || true
    echo "openbox did not start on $DISPLAY (try $try): $(tail -n 3 "$log" | paste -sd ' ')" >&2
  done
  echo "no window manager on $DISPLAY" >&2
  return 1
}

wm_up_or_gone() { wm_running || ! kill -0 "$WM_PID" 2>/dev/null; }
wm_running() { [[ $(xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null) == *'window id'* ]]; } # no grep -q: pipefail and SIGPIPE

# wait_until SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds or time runs out.
wait_until() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

# windows REGEX: mapped windows whose title matches. (xdotool's --onlyvisible trips over windows
# that vanish mid-search.)
windows() {
  local w
  for w in $(xdotool search --name "$1" 2>/dev/null); do
    [[ $(xwininfo -id "$w" 2>/dev/null) == *IsViewable* ]] && echo "$w"
  done
  return 0
}

has_window() { [[ -n $(windows "$1") ]]; }

# shot NAME: a screenshot of the whole screen into $ART/NAME.png. (The app changes its title two
# frames after the change is on screen, so waiting for the title is waiting for the paint.)
shot() { import -window root "$ART/$1.png"; }

# raw_shot FILE: the screen as PPM.
raw_shot() { import -window root "ppm:$1"; }

# changed_pixels FILE (from raw_shot): how many pixels a new shot, left in FILE.now, differs by.
changed_pixels() {
  raw_shot "$1.now"
  local changed
  changed=$(compare -metric AE "$1" "$1.now" null: 2>&1 || true)
  echo "${changed%% *}"
}

# screen_differs FILE (from raw_shot): the screen no longer looks like FILE: over 400,000 pixels
# changed (about half the app's window; a full-window overlay changes nearly all of it).
screen_differs() {
  local n
  n=$(changed_pixels "$1")
  rm -f "$1.now"
  ((n > 400000))
}

# screen_differs_some FILE (from raw_shot): over 2,000 pixels changed (a list redrawn, a line of text).
screen_differs_some() {
  local n
  n=$(changed_pixels "$1")
  rm -f "$1.now"
  ((n > 2000))
}

# screen_settled FILE: the screen looked the same in three shots in a row (a debounced search has
# answered and the list is drawn); FILE keeps the latest shot between calls. Under 300 pixels
# changed counts as the same: a blinking text caret is not the page changing.
screen_settled() {
  local n
  n=$(changed_pixels "$1")
  mv "$1.now" "$1"
  if ((n < 300)); then SETTLED=$((${SETTLED:-0} + 1)); else SETTLED=0; fi
  ((SETTLED >= 3))
}

# start_bus: a D-Bus session of our own (dbus-launch): Wails' single-instance lock and AT-SPI, the
# accessibility bus the screen-reading helpers below talk over, both live on it. Sets
# DBUS_SESSION_BUS_PID; kill it on exit. Start the app after this, so it joins the same bus.
start_bus() {
  eval "$(dbus-launch --sh-syntax)"
  require_atspi
}

# --- What the window shows, read through AT-SPI (scripts/gui/atspi.py) -------------------------
# WebKitGTK exposes the page's accessible tree (roles, names, text) to AT-SPI, so a test can
# assert what a user reads instead of titles or pixel counts. They find the app by APP_PID (set it
# when starting the app), else by the name memories-desktop. Waits poll; on a timeout they print
# what the window showed and fail. Usage:
#   wait_text 10 "Video number" "Ready" || fail "the drawer shows no details"
#   click_name "Library"                  # a real mouse click on the shown element named so
#   click_name "Close details" "push button"
#   [[ $(screen_text) == *"Synced with the server"* ]]   # (not | grep -q: pipefail, SIGPIPE)
#   read -r x y w h < <(element_extents "Player")   # screen position and size
#   focused_element                       # "role: name| x y w h" of the keyboard focus
ATSPI=(/usr/bin/python3 scripts/gui/atspi.py)
require_atspi() {
  /usr/bin/python3 -c 'import pyatspi' 2>/dev/null ||
    { echo "python3-pyatspi is missing; run scripts/ensure-deps.sh" >&2; exit 1; }
}
atspi() { ATSPI_PID=${APP_PID:-} "${ATSPI[@]}" "$@"; }
screen_text() { atspi text; }
# wait_text SECONDS TEXT...: every TEXT is shown somewhere (a substring of an element's line).
wait_text() { atspi wait "$@"; }
# wait_gone SECONDS TEXT: TEXT is no longer shown.
wait_gone() { atspi gone "$@"; }
# element_extents NAME [ROLE]: "x y width height" on screen of the first shown element so named.
element_extents() { atspi extents 10 "$@"; }
focused_element() { atspi focused; }
# element_states NAME [ROLE]: the shown element's states on one line ("checked focusable …").
element_states() { atspi states 10 "$@"; }
# scroll_to SECONDS NAME [ROLE]: turns the mouse wheel over the middle of the screen, as a user
# scrolls a page, until the element is shown.
scroll_to() {
  local deadline=$((SECONDS + $1)); shift
  local size; size=$(xdotool getdisplaygeometry)
  xdotool mousemove "$((${size% *} / 2))" "$((${size#* } / 2))"
  until atspi extents 0 "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { atspi extents 0 "$@"; return 1; }
    xdotool click 5
  done
}
# click_name NAME [ROLE]: moves the mouse to the middle of the element and clicks, as a user would.
click_name() {
  local x y w h
  read -r x y w h < <(element_extents "$@") || return 1
  [[ -n $h ]] || return 1
  xdotool mousemove "$((x + w / 2))" "$((y + h / 2))" click 1
}
# press_name NAME [ROLE]: the element's own action (AT-SPI "press"), for elements under an overlay.
press_name() { atspi click 10 "$@"; }
# selected_text: the text selected in the window (empty when none).
selected_text() { atspi selection; }
