# The one layer under every real-window script (scripts/gui-*.sh): a display of our own, a window
# manager, a session bus, the production binary on a fresh data folder, one exit trap that undoes
# it all, waits for what the window shows (never a fixed sleep), numbered screenshots and a fail
# that leaves a screenshot. A script sources it and holds only its steps:
#
#   source scripts/gui/lib.sh
#   gui_init gui-example               # ART, TMP, DATA, WAIT, BIN, the exit trap
#   start_session                      # Xvfb (-displayfd: parallel runs never collide), D-Bus, openbox
#   start_app MEMORIES_SANDBOX=1       # the app on $DATA, output in $APP_LOG; sets APP_PID
#   wait_text 30 "heading: Upload" || fail "the Upload view is not on screen"
#   step upload "the Upload view shows"    # $ART/01-upload.png and "gui-example: ok: …"
#   stop_app || fail "the app did not stop within 10 s of SIGTERM"
#
# docs/GUI-TESTS.md lists every helper.

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

# --- The run: artifacts, temporary files, the exit trap, failing, steps ---------------------------

# gui_init NAME [ART]: starts a run named NAME (the prefix of its messages). ART (default
# build/test-artifacts/NAME) is emptied for this run's screenshots and logs; TMP is a temporary
# folder and DATA ($TMP/data) the app's fresh data folder, both removed at exit; WAIT (GUI_WAIT,
# default 20) is the seconds one step may take; BIN the production binary. Sets the exit trap.
gui_init() {
  GUI_NAME=$1
  ART=${2:-build/test-artifacts/$1}
  BIN=${BIN:-build/bin/memories-desktop}
  WAIT=${GUI_WAIT:-20}
  rm -rf "$ART" && mkdir -p "$ART"
  TMP=$(mktemp -d)
  DATA=$TMP/data
  mkdir -p "$DATA"
  APP_LOG=$ART/app.log APP_PID="" APP_RC="" WIN="" STEP=0 AT_EXIT=()
  started=$SECONDS
  trap gui_cleanup EXIT
}

# on_exit CODE: CODE runs at exit, before the session is taken down (last registered, first run),
# e.g. on_exit 'kill $SRC_PID'. Its errors are ignored.
on_exit() { AT_EXIT+=("$1"); }

# gui_cleanup (the exit trap): the app is asked to stop (killed after 10 s: removing its data
# folder under it failed runs), then the on_exit code, openbox, the bus and the display; TMP goes.
gui_cleanup() {
  set +e
  stop_app 10 >/dev/null 2>&1 || { kill -KILL "$APP_PID" && wait "$APP_PID"; } 2>/dev/null
  local i
  for ((i = ${#AT_EXIT[@]} - 1; i >= 0; i--)); do eval "${AT_EXIT[i]}" >/dev/null 2>&1; done
  kill ${WM_PID:-} ${DBUS_SESSION_BUS_PID:-} ${XVFB_PID:-} 2>/dev/null
  rm -rf "$TMP"
  return 0
}

# fail MESSAGE: a screenshot ($ART/fail.png), "NAME: FAIL: MESSAGE" with the window's title, the
# tail of the app's output ($APP_LOG) on stderr, exit 1. (In a $(…) subshell it ends only that.)
fail() {
  [[ -z ${DISPLAY:-} ]] || shot fail 2>/dev/null || true
  echo "$GUI_NAME: FAIL: $*${WIN:+ (title: $(title))}" >&2
  [[ ! -s ${APP_LOG:-} ]] || tail -n 200 "$APP_LOG" | sed 's/^/  app: /' >&2
  exit 1
}

# wait_until SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds or time runs out.
wait_until() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

# say MESSAGE: a line of the run's progress, "NAME: MESSAGE".
say() { echo "$GUI_NAME: $*"; }

# step NAME MESSAGE: a passed step: screenshot $ART/NN-NAME.png (NN counts the steps) and
# "NAME: ok: MESSAGE [seconds since gui_init]".
step() {
  STEP=$((STEP + 1))
  shot "$(printf '%02d' "$STEP")-$1"
  say "ok: ${*:2} [$((SECONDS - started)) s]"
}

# --- The session: display, bus, window manager -----------------------------------------------------

# start_session [WxH]: a display (default 1280x800), a session bus, openbox, in that order.
start_session() {
  start_xvfb "$@"
  start_bus
  start_wm
}

# start_xvfb [WxH]: a fresh display; exports DISPLAY, sets XVFB_PID, SCREEN_W and SCREEN_H.
# -noreset: by default the X server resets whenever its last client disconnects and refuses
# connections meanwhile (31 of 1,000 back-to-back xdpyinfo runs failed without it, 0 with it): an
# app started just after the previous one quit then died with "failed to init GTK", and a window
# count read 0.
start_xvfb() {
  local size=${1:-1280x800}
  SCREEN_W=${size%x*} SCREEN_H=${size#*x}
  exec 3< <(Xvfb -displayfd 1 -noreset -screen 0 "${size}x24" -nolisten tcp 2>/dev/null & echo "pid $!")
  local line; read -r line <&3; XVFB_PID=${line#pid }
  read -r line <&3; export DISPLAY=":$line"
}

# start_bus: a D-Bus session of our own (dbus-launch): Wails' single-instance lock and AT-SPI, the
# accessibility bus the screen-reading helpers below talk over, both live on it. Sets
# DBUS_SESSION_BUS_PID; the exit trap kills it. Start the app after this, so it joins the same bus.
start_bus() {
  eval "$(dbus-launch --sh-syntax)"
  require_atspi
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

# --- The app ---------------------------------------------------------------------------------------

# start_app [-u VAR] [VAR=VALUE...] [ARG...]: the production binary ($BIN) on the data folder $DATA
# (DATA=… start_app for another), with those variables set (-u: unset) and arguments, its output in
# $APP_LOG (emptied first); sets APP_PID. Waits for nothing: wait for what should show.
start_app() {
  local unset=() vars=()
  while (($#)); do
    case $1 in
      -u) unset+=(-u "$2"); shift 2 ;;
      [A-Z_]*=*) vars+=("$1"); shift ;;
      *) break ;;
    esac
  done
  env "${unset[@]}" MEMORIES_DATA_DIR="$DATA" "${vars[@]}" "$BIN" "$@" >"$APP_LOG" 2>&1 &
  APP_PID=$!
}

# app_ready [SECONDS]: the app's first view is on screen, read through AT-SPI (the Upload heading
# and its drop zone, default within 30 s); its window is found (WIN) and has the focus.
app_ready() {
  wait_text "${1:-30}" "heading: Upload" "Drop videos or folders here" && wait_app_window && focus_window
}

# stop_app [SECONDS]: SIGTERM to the app, then wait_app_exit (default 10 s).
stop_app() {
  [[ -n $APP_PID ]] || return 0
  kill -TERM "$APP_PID" 2>/dev/null || true
  wait_app_exit "${1:-20}" # the app's own grace for work in flight is 10 s
}
# wait_app_exit [SECONDS]: waits (default 10 s) until the app has ended; sets APP_RC to its exit
# status and clears APP_PID. Fails (status 1) when it is still running.
wait_app_exit() {
  wait_until "${1:-10}" app_gone || return 1
  APP_RC=0
  wait "$APP_PID" || APP_RC=$?
  APP_PID=""
}
app_gone() { ! kill -0 "$APP_PID" 2>/dev/null; }

# wait_app_window [SECONDS]: waits (default 60 s) for the app's window, titled "… Memories
# Desktop" (the page adds the view: "Upload — Memories Desktop"), and sets WIN to its id. A script
# may narrow APP_TITLE (' — Memories Desktop$': the page has painted and named its view).
APP_TITLE='Memories Desktop$'
wait_app_window() {
  wait_until "${1:-60}" app_window_found
}
# app_window_found: sets WIN to the app's mapped window; fails while there is none. (One look
# for "is there one" and another for its id raced a window unmapped in between: WIN stayed empty
# and every later step read an empty title, a rehearsal's gui-drop.)
app_window_found() { WIN=$(first_window "$APP_TITLE") && [[ -n $WIN ]]; }
# app_window_by_pid: sets WIN to a mapped window of the app's process, whatever its title (a
# title beyond WM_NAME's charset); fails while there is none. Wait for it with wait_until.
app_window_by_pid() {
  local w
  WIN=""
  for w in $(xdotool search --pid "$APP_PID" 2>/dev/null); do
    [[ $(xwininfo -id "$w" 2>/dev/null) == *IsViewable* ]] && WIN=$w
  done
  [[ -n $WIN ]]
}

# --- Windows ----------------------------------------------------------------------------------------

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
no_window() { [[ -z $(windows "$1") ]]; }
# first_window REGEX: the id of the first mapped window whose title matches (empty when none).
first_window() { windows "$1" | head -1; }

# title: the title of the app's window (WIN); the page names its view and count in it
# ("Upload (3) — Memories Desktop"). title_is TITLE, title_starts PREFIX: tests of it.
title() { xdotool getwindowname "$WIN" 2>/dev/null || true; }
title_is() { [[ $(title) == "$1" ]]; }
title_starts() { [[ $(title) == "$1"* ]]; }
# wait_title TITLE: waits up to WAIT seconds for the title; fails the run, naming it, otherwise.
wait_title() { wait_until "$WAIT" title_is "$1" || fail "expected the title \"$1\""; }

# --- The keyboard and GTK dialogs ------------------------------------------------------------------

# focus_window [ID]: brings the window (default the app's, WIN) to the front with the focus.
focus_window() { xdotool windowactivate --sync "${1:-$WIN}" >/dev/null 2>&1 || true; }
# press KEYS…: keys to the focused window, whatever modifiers are held.
press() { xdotool key --clearmodifiers "$@"; }
# type_text TEXT: typed into the focused window, a key every 15 ms.
type_text() { xdotool type --delay 15 "$1"; }

# choose_file PATH: Ctrl+O; the GTK file dialog ("Choose videos", screenshot $ART/file-dialog.png)
# takes the typed path (Ctrl+L) and Return; waits for it to close and the app's window to have the
# keyboard again (keys pressed while the focus is still on its way back are lost).
choose_file() {
  press ctrl+o
  wait_until "$WAIT" has_window '^Choose videos$' || fail "Ctrl+O opened no file dialog"
  shot file-dialog
  focus_window "$(first_window '^Choose videos$')"
  press ctrl+l
  type_text "$1"
  press Return
  wait_until "$WAIT" no_window '^Choose videos$' || fail "the file dialog did not close"
  focus_window
}

# save_as TITLE PATH: in the open GTK save dialog TITLE, the name replaced by PATH (Ctrl+A, typed)
# and Return; waits for the dialog to close and gives the app's window the keyboard again.
save_as() {
  focus_window "$(first_window "^$1\$")"
  press ctrl+a
  type_text "$2"
  press Return
  wait_until "$WAIT" no_window "^$1\$" || fail "the dialog \"$1\" did not close"
  focus_window
}

# --- Screenshots ------------------------------------------------------------------------------------

# shot NAME: a screenshot of the whole screen into $ART/NAME.png. (The app changes its title two
# frames after the change is on screen, so waiting for the title is waiting for the paint.)
shot() { import -window root "$ART/$1.png"; }

# shot_differs BASE NAME [PIXELS]: shot NAME differs from the earlier shot BASE by over PIXELS
# (default 1,000: a view changed, not a caret or a progress bar).
shot_differs() {
  shot "$2"
  local n
  n=$(compare -metric AE "$ART/$1.png" "$ART/$2.png" null: 2>&1 || true)
  ((${n%% *} > ${3:-1000}))
}

# colours FILE: how many colours a picture has. painted NAME: shot NAME shows more than 64, so the
# page has painted (a blank or half-made window has a handful).
colours() { convert "$1" -format '%k' info:; }
painted() { shot "$1" && (($(colours "$ART/$1.png") > 64)); }

# green_pixels: how many pixels on screen are the pure green field of the repository's test videos
# (backend/media/testdata/poster.mp4), a green the interface never shows. green_centre: "x y" of
# the middle of the green, so a click follows the layout.
green_pixels() { raw_shot "$TMP/green.ppm" && green_mask -colorspace Gray -format '%[fx:int(mean*w*h+0.5)]'; }
green_centre() {
  raw_shot "$TMP/green.ppm" && green_mask -trim -format '%w %h %X %Y' | awk '{ print $3 + int($1 / 2), $4 + int($2 / 2) }'
}
green_mask() {
  convert "$TMP/green.ppm" -fuzz 20% -fill black +opaque '#00ff00' -fill white -opaque '#00ff00' "$@" info:
}

# raw_shot FILE: the screen as PPM.
raw_shot() { import -window root "ppm:$1"; }

# changed_pixels FILE (from raw_shot): how many pixels a new shot, left in FILE.now, differs by.
changed_pixels() {
  raw_shot "$1.now"
  local changed
  changed=$(compare -metric AE "$1" "$1.now" null: 2>&1 || true)
  echo "${changed%% *}"
}

# screen_differs FILE [PIXELS] (FILE from raw_shot): the screen no longer looks like FILE: over
# PIXELS changed; by default 400,000 (about half the app's window; a full-window overlay changes
# nearly all of it), 2,000 for a list redrawn or a line of text.
screen_differs() {
  local n
  n=$(changed_pixels "$1")
  rm -f "$1.now"
  ((n > ${2:-400000}))
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
# focus_moved FROM: the keyboard focus is somewhere, and not on FROM (a focused_element line);
# NOW holds where it is. After a Tab, wait for it before reading where the focus went.
focus_moved() { NOW=$(focused_element 2>/dev/null || true); [[ -n $NOW && $NOW != "$1" ]]; }
# focus_on LINE: the keyboard focus is on the element read as LINE ("heading: Library").
focus_on() { [[ $(focused_element) == "$1|"* ]]; }

# unnamed_elements: the shown focusable elements and pictures of the page without an accessible
# name, one a line; fails when there is any.
unnamed_elements() { atspi unnamed; }
# element_states NAME [ROLE]: the shown element's states on one line ("checked focusable …").
element_states() { atspi states 10 "$@"; }
# scroll_to SECONDS NAME [ROLE]: turns the mouse wheel over the middle of the app's window, as a
# user scrolls a page, three notches between looks (a look through AT-SPI takes a second on a busy
# machine), until the element is shown; then brings it wholly into view.
scroll_to() {
  local deadline=$((SECONDS + $1)); shift
  local X=0 Y=0 WIDTH HEIGHT WINDOW SCREEN geometry
  geometry=$(xdotool getwindowgeometry --shell "$(first_window "$APP_TITLE")" 2>/dev/null) ||
    geometry=$(xdotool getdisplaygeometry --shell)
  eval "$geometry"
  xdotool mousemove "$((X + WIDTH / 2))" "$((Y + HEIGHT / 2))"
  until atspi extents 0 "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { atspi extents 0 "$@"; return 1; }
    xdotool click --repeat 3 --delay 30 5
  done
  in_view "$@"
}
# in_view NAME [ROLE]: scrolls (the pointer where it is) until the whole element is inside the
# window, clear of its title bar and the status bar: "showing" alone can mean one row of pixels.
in_view() {
  local x y w h top bottom _ WINDOW X Y WIDTH HEIGHT SCREEN
  local geometry
  geometry=$(xdotool getwindowgeometry --shell "$(first_window "$APP_TITLE")" 2>/dev/null) ||
    geometry=$(xdotool getdisplaygeometry --shell)
  eval "$geometry"
  top=$((${Y:-0} + 40)) bottom=$((${Y:-0} + HEIGHT - 60))
  for _ in {1..30}; do
    read -r x y w h < <(element_extents "$@") || return 1
    if ((y < top)); then xdotool click 4
    elif ((y + h > bottom)); then xdotool click 5
    else return 0
    fi
  done
  return 1
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

# --- Search ------------------------------------------------------------------------------------------
# search_lists NAME: Ctrl+K, the query "a dog running on the beach" typed over the box's text and
# sent with Return; a moment of the video NAME is listed within 5 s. The sandbox indexes a new
# video within seconds and finds nothing until then, so: wait_until 40 search_lists beach.mp4.
search_lists() {
  press ctrl+k ctrl+a
  xdotool type --delay 10 "a dog running on the beach"
  press Return
  atspi wait 5 "button: $1, 0:0" >/dev/null 2>&1
}

# --- Native drags (scripts/gui/dragsource.py) --------------------------------------------------------
# start_drag_source: a GTK window at 1420,60 that, dragged, offers what $TMP/payload holds (first
# line paths|text, then the body: text/uri-list as file managers offer, or a browser's text), as
# another app would; sets SRC (its window) and SRC_OUT (its events); killed at exit.
start_drag_source() {
  need /usr/bin/python3
  touch "$TMP/payload"
  exec {SRC_OUT}< <(exec /usr/bin/python3 scripts/gui/dragsource.py 1420 60 "$TMP/payload")
  SRC_PID=$!
  on_exit 'kill $SRC_PID'
  wait_until "$WAIT" has_window '^drag-source$' || fail "no drag source window"
  SRC=$(first_window '^drag-source$')
}

# drag_to X Y [HELD]: drags from the source to the screen point X,Y in small steps, as a hand does,
# and releases once the window has accepted the drag: GTK drops only then (released earlier, while
# a busy web view has not yet answered the pointer's position, the drag fails with "no-target").
# HELD (code) runs while the drag is held over the window. Waits for the drag's end; the source's
# events go to $ART/drag.log.
drag_to() {
  local sx sy i line
  eval "$(xdotool getwindowgeometry --shell "$SRC")"; sx=$((X + 60)) sy=$((Y + 40))
  xdotool mousemove "$sx" "$sy" mousedown 1
  for i in $(seq 1 12); do xdotool mousemove $((sx + ($1 - sx) * i / 12)) $((sy + ($2 - sy) * i / 12)); sleep 0.03; done
  for i in 1 2 3; do xdotool mousemove $(($1 + i)) "$2"; sleep 0.05; done
  while :; do
    read -r -t "$WAIT" line <&"$SRC_OUT" || fail "the window did not accept the drag within $WAIT s"
    echo "$line" >>"$ART/drag.log"
    case $line in
      drag-accepted*) break ;;
      drag-refused | drag-data*) ;;
      *) fail "the drag ended before the window accepted it ($line)" ;;
    esac
  done
  [[ -z ${3:-} ]] || eval "$3"
  xdotool mouseup 1
  while read -r -t "$WAIT" line <&"$SRC_OUT"; do
    echo "$line" >>"$ART/drag.log"
    [[ $line == drag-failed* ]] && fail "the window refused the drop ($line)"
    [[ $line == drag-end ]] && return 0
  done
  fail "the drag did not end"
}

# --- Desktop notifications (scripts/gui/notifications.py) -------------------------------------------
# serve_notifications: owns org.freedesktop.Notifications on the session bus (start_bus first, and
# the app after, so it notifies here) and writes each notification to $ART/notifications.jsonl
# (NOTES); ready once it owns the name; stopped at exit.
NOTIFICATIONS=(/usr/bin/python3 scripts/gui/notifications.py)
serve_notifications() {
  NOTES=$ART/notifications.jsonl
  "${NOTIFICATIONS[@]}" serve "$NOTES" >"$TMP/notifications.ready" 2>"$ART/notifications.log" &
  NOTES_PID=$!
  on_exit 'kill $NOTES_PID'
  wait_until "$WAIT" grep -q ready "$TMP/notifications.ready" ||
    fail "the notification helper did not own org.freedesktop.Notifications: $(cat "$ART/notifications.log")"
}
# wait_notification SECONDS TEXT...: a notification whose summary or body holds every TEXT came;
# prints it as JSON. notification_count: how many came.
wait_notification() { "${NOTIFICATIONS[@]}" wait "$NOTES" "$@"; }
notification_count() { wc -l <"$NOTES"; }
