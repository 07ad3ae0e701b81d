# Shared helpers for the real-window scripts (gui-smoke.sh, gui-drop.sh): an Xvfb display of our
# own (-displayfd picks a free number, so parallel runs never collide), a window manager, finding
# windows by title, screenshots, and waiting for a condition instead of sleeping. Source it.

# need COMMAND...: fails at once, naming the first command that is not installed.
need() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null || { echo "$c is missing; run scripts/ensure-deps.sh" >&2; exit 1; }
  done
}
need Xvfb xdotool xwininfo xprop import compare

# start_xvfb [WxH]: a fresh display; exports DISPLAY and sets XVFB_PID.
start_xvfb() {
  exec 3< <(Xvfb -displayfd 1 -screen 0 "${1:-1280x800}x24" -nolisten tcp 2>/dev/null & echo "pid $!")
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
wm_running() { xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; }

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
    xwininfo -id "$w" 2>/dev/null | grep -q 'IsViewable' && echo "$w"
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
