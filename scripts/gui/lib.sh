# Shared helpers for the real-window scripts (gui-smoke.sh, gui-drop.sh): an Xvfb display of our
# own (-displayfd picks a free number, so parallel runs never collide), a window manager, finding
# windows by title, screenshots, and waiting for a condition instead of sleeping. Source it.

# start_xvfb [WxH]: a fresh display; exports DISPLAY and sets XVFB_PID.
start_xvfb() {
  exec 3< <(Xvfb -displayfd 1 -screen 0 "${1:-1280x800}x24" -nolisten tcp 2>/dev/null & echo "pid $!")
  local line; read -r line <&3; XVFB_PID=${line#pid }
  read -r line <&3; export DISPLAY=":$line"
}

# start_wm: openbox, so windows get focus, stacking and real moves as on a desktop; sets WM_PID.
start_wm() {
  openbox --sm-disable >/dev/null 2>&1 &
  WM_PID=$!
  wait_until 20 wm_running || { echo "no window manager on $DISPLAY" >&2; return 1; }
}

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

# shot NAME: a screenshot of the whole screen into $ART/NAME.png, once the screen has settled
# (two captures alike, up to 5 s: a title can change before the page repaints).
shot() {
  local deadline=$((SECONDS + 5))
  import -window root "$ART/$1.png"
  while ((SECONDS < deadline)); do
    import -window root "$ART/.next.png"
    cmp -s "$ART/.next.png" "$ART/$1.png" && break
    mv "$ART/.next.png" "$ART/$1.png"
  done
  rm -f "$ART/.next.png"
}
