#!/usr/bin/env bash
# The real-window drop suite: the production binary under Xvfb with openbox, a GTK drag source
# (scripts/gui/dragsource.py, offering text/uri-list as file managers do) and xdotool driving the
# mouse and keyboard. It checks that nothing dropped anywhere takes the app away: a .mov and a
# folder dropped on each of the six views are staged in Upload, a drop on the staged list adds to
# it, a .txt on Import adds its lines (and not its path), a browser link goes to Import,
# "Open with" arguments and a second launch with a file are staged, and the shortcuts work after
# every drop. The window title says the view and its count ("Upload (3) — Memories Desktop"), so
# every step waits for the title it expects: no fixed sleeps. Screenshots of every step go to
# build/test-artifacts/gui-drop/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

# GUI_DROP_BACKSTOP=1 runs only the navigation backstop, with the navtest build (make gui-backstop).
BACKSTOP=${GUI_DROP_BACKSTOP:-0}
NAVTEST_BIN=${NAVTEST_BIN:-build/bin/memories-desktop-navtest} # the page's drop guard bypassed
if [[ $BACKSTOP == 1 ]]; then gui_init gui-backstop; else gui_init gui-drop; fi
WAIT=${GUI_WAIT:-30} # seconds any one step may take on a slow machine

# Fixtures: a small real H.264 MP4 from the repository (no tool makes it at test time), a folder
# of two, a list of three links.
SEED=backend/media/testdata/h264-silent.mp4
fixtures() {
  need dbus-launch /usr/bin/python3
  [[ -s $SEED ]] || fail "$SEED is missing from the checkout"
  mkdir -p "$TMP/media/folder" "$TMP/dl"
  cp "$SEED" "$TMP/seed.mp4"
  printf '%s\n' https://www.youtube.com/watch?v=dQw4w9WgXcQ https://www.tiktok.com/@user/video/7106594312292453675 \
    https://www.instagram.com/reel/CtjoC2BNsB2/ >"$TMP/media/links.txt"
}
video() { cp "$TMP/seed.mp4" "$TMP/media/$1"; echo "$TMP/media/$1"; }
folder() { mkdir -p "$TMP/media/$1"; cp "$TMP/seed.mp4" "$TMP/media/$1/a.mp4"; cp "$TMP/seed.mp4" "$TMP/media/$1/b.mkv"; echo "$TMP/media/$1"; }

# press_app KEYS: keyboard input to the app window, as a user does after clicking it.
press_app() {
  focus_window
  press "$@"
}
view() { # view N LABEL: Ctrl+N must show that view
  press_app "ctrl+$1"
  wait_until "$WAIT" title_starts "$2" || fail "Ctrl+$1 did not open $2"
}

# drop X Y KIND BODY: the drag source offers KIND (paths|text) BODY, dragged to X,Y of the app
# window (drag_to in lib.sh); with HOVER_SHOT set, the overlay while held is shot so named.
drop() {
  printf '%s\n%s\n' "$3" "$4" >"$TMP/payload"
  eval "$(xdotool getwindowgeometry --shell "$WIN")"
  local tx=$((X + $1)) ty=$((Y + $2))
  [[ -z ${HOVER_SHOT:-} ]] || raw_shot "$TMP/before.ppm"
  drag_to "$tx" "$ty" ${HOVER_SHOT:+'hover_shot "$TMP/before.ppm"'}
}

# hover_shot BEFORE: while a drag is held over the window, the full-window overlay must show.
hover_shot() {
  wait_until "$WAIT" screen_differs "$1" || fail "no drop overlay while dragging over the window"
  shot "$HOVER_SHOT"
}

start_demo() {
  start_app MEMORIES_SANDBOX=1 MEMORIES_SANDBOX_DEMO=1 MEMORIES_RATE_LIMITS=off "$@"
  wait_app_window 90 || fail "no window within 90 s"
}

# The navigation backstop alone (GUI_DROP_BACKSTOP=1, make gui-backstop): the navtest build (never
# released) stops every drag event before the page's drop guard sees it and has Wails' native
# file drop off, so WebKit's own drop is the only path: it tries to open a dropped .txt in place of
# the app; the web view must refuse (it says so on stderr) and the app's page must stay: its
# shortcuts still change the title (the title alone proves nothing: a page that replaced the app
# leaves it as is), and the .txt did not reach the app (Import is not shown).
backstop() {
  [[ -x $NAVTEST_BIN ]] || fail "no navtest build at $NAVTEST_BIN (make gui-backstop builds it)"
  BIN=$NAVTEST_BIN start_demo
  wait_until "$WAIT" grep -q "drop guard is bypassed" "$ART/app.log" || fail "the navtest build did not bypass the page's guard"
  start_drag_source
  view 3 Library
  # WebKitGTK itself now and then takes such a drop (it asks for the data, accepts, finishes the
  # drop) without starting the navigation: then nothing was tested yet, and the .txt is dropped
  # again, three times at most.
  local refused="refused to navigate away from the app: file://.*links.txt" drops=0
  until grep -q "$refused" "$ART/app.log"; do
    ((++drops <= 3)) || fail "no refused navigation to links.txt after 3 drops"
    drop 700 500 paths "$TMP/media/links.txt"
    wait_until 5 grep -q "$refused" "$ART/app.log" || true
  done
  title_starts Library || fail "the dropped .txt reached the app, not only WebKit's navigation"
  step backstop-drop "with the page's guard bypassed, WebKit's navigation to a dropped .txt is refused (drops: $drops)"
  view 1 Upload
  view 4 Transfers
  step backstop-alive "the app's page is still there: Ctrl+1 and Ctrl+4 switch views after the drop"
  say "all steps passed in $((SECONDS - started)) s; screenshots in $ART"
}

fixtures
start_session 1600x900
[[ $BACKSTOP == 1 ]] && { backstop; exit 0; }

# Open with: the app starts with a video given on its command line staged for upload.
start_demo "$(video opened.mp4)"
wait_title "Upload (1) — Memories Desktop"
step open-with "a file on the command line is staged at start"
start_drag_source

# A .mov on each view's content and a folder on its sidebar: the app stays, both are staged, and
# the shortcuts still work afterwards.
labels=(Upload Import Library Transfers History Settings Search)
staged=1
for i in 1 2 3 4 5 6 7; do
  label=${labels[$((i - 1))]}
  view "$i" "$label"
  drop 700 600 paths "$(video "clip-$i.mov")"
  staged=$((staged + 1)); wait_title "Upload ($staged) — Memories Desktop"
  step "mov-on-${label,,}" ".mov dropped on $label is staged ($staged)"
  view "$i" "$label"
  drop 100 560 paths "$(folder "folder-$i")"
  staged=$((staged + 2)); wait_title "Upload ($staged) — Memories Desktop"
  step "folder-on-${label,,}" "folder dropped on $label's sidebar is staged ($staged)"
done

# A picture on the Search view searches by it: the view stays, in its picture mode, naming the
# picture; nothing is staged for upload.
view 7 Search
cp build/appicon.png "$TMP/media/photo.png"
drop 700 600 paths "$TMP/media/photo.png"
wait_text "$WAIT" "push button: Choose a picture…" "Picture: photo.png" || fail "a picture dropped on Search did not search by it"
title_is "Search — Memories Desktop" || fail "the picture drop left Search ($(title))"
step png-on-search "photo.png dropped on Search searches by picture; nothing staged"
view 1 Upload
wait_title "Upload ($staged) — Memories Desktop"

# On the staged list itself (the first row), two files at once.
drop 640 175 paths "$(video list-1.mp4)"$'\n'"$(video list-2.avi)"
staged=$((staged + 2)); wait_title "Upload ($staged) — Memories Desktop"
step drop-on-list "two files dropped on the staged list are added ($staged)"

# A link list on Import's text box: its three lines are added, not its path.
view 2 Import
drop 640 230 paths "$TMP/media/links.txt"
wait_title "Import (3) — Memories Desktop"
step txt-on-import "links.txt dropped on Import's text box adds its 3 lines"

# A link dragged from a browser onto the Library goes to Import.
view 3 Library
HOVER_SHOT=overlay drop 700 500 text "https://www.youtube.com/watch?v=9bZkp7q19f0"
wait_title "Import (4) — Memories Desktop"
step link-on-library "a browser link dropped on the Library goes to Import"
view 1 "Upload ($staged)"

# A second launch with a file hands it to the running window, which comes to the front.
focus_window "$SRC"
rc=0
MEMORIES_DATA_DIR="$TMP/data" timeout 20 "$BIN" "$(video second.mp4)" >"$ART/second.log" 2>&1 || rc=$?
[[ $rc -ne 124 ]] || fail "the second launch hung"
[[ $rc -eq 0 ]] || fail "the second launch handed its file over but exited $rc"
staged=$((staged + 1)); wait_title "Upload ($staged) — Memories Desktop"
wait_until "$WAIT" eval '[[ $(xdotool getactivewindow 2>/dev/null) == "$WIN" ]]' || fail "the window did not come to the front"
[[ $(windows "$APP_TITLE" | wc -l) -eq 1 ]] || fail "the second launch opened a window"
step second-launch "a second launch with a file stages it in the running window, in front"

# The save dialog's Replace, through the real GTK dialogs: the demo's beach-day.mp4 saved over a
# file of that name replaces it once the user confirms.
active() { xdotool getactivewindow 2>/dev/null; }
active_is_not() { local a; a=$(active) && [[ $a != "$1" ]]; }
printf old >"$TMP/dl/beach-day.mp4"
view 3 Library
press_app ctrl+f
type_text beach-day
wait_title "Library (1) — Memories Desktop" # once the demo's uploads are in
press_app ctrl+s
wait_until "$WAIT" has_window '^Save video$' || fail "Ctrl+S opened no save dialog"
DLG=$(first_window '^Save video$')
focus_window "$DLG"
press ctrl+a && type_text "$TMP/dl/beach-day.mp4"
step save-dialog "the save dialog opens from the Library with Ctrl+S"
xdotool key Return
wait_until "$WAIT" active_is_not "$DLG" || fail "no replace confirmation"
step replace-confirm "GTK asks before replacing beach-day.mp4"
press alt+r # _Replace
replaced() { [[ -s $TMP/dl/beach-day.mp4 && ! -e $TMP/dl/beach-day.mp4.part ]] && ! cmp -s <(printf old) "$TMP/dl/beach-day.mp4"; }
wait_until "$WAIT" replaced || fail "beach-day.mp4 was not replaced"
view 4 Transfers
step replaced "Replace confirmed in the save dialog replaced the file ($(stat -c %s "$TMP/dl/beach-day.mp4") bytes)"

# SHA-256 on request: History, searched for the saved file's path (only the download's row
# matches), Tab from the search box to the row's SHA-256 button (past the kind and state filters
# and the row's preview), Enter. The answer takes the focus, selected; Ctrl+C copies it and the
# clipboard must hold the sum sha256sum gives for the file.
SUM_TABS=${GUI_SUM_TABS:-3}
view 5 History
press_app ctrl+f
type_text "$TMP/dl/beach-day.mp4"
raw_shot "$TMP/history.ppm"
wait_until "$WAIT" screen_differs "$TMP/history.ppm" 2000 || fail "the History search showed nothing new"
wait_until "$WAIT" screen_settled "$TMP/history.ppm" || fail "the History list kept changing"
step history-search "History lists the download of beach-day.mp4"
xdotool key --clearmodifiers --delay 60 $(printf 'Tab %.0s' $(seq 1 "$SUM_TABS")) Return
want_sum=$(sha256sum "$TMP/dl/beach-day.mp4" | cut -d' ' -f1)
sum_copied() { xdotool key --clearmodifiers ctrl+c; [[ $(scripts/read-clipboard.py 2>/dev/null) == "$want_sum" ]]; }
wait_until "$WAIT" sum_copied || fail "the window's SHA-256 ($(scripts/read-clipboard.py 2>/dev/null)) is not sha256sum's ($want_sum)"
step sha256 "History's SHA-256 of the download, copied from the window, is sha256sum's ($want_sum)"

# The page claimed every drop above: WebKit never tried to navigate away from the app.
! grep -q "refused to navigate" "$ART/app.log" || fail "the production build let WebKit try to navigate"

say "all steps passed in $((SECONDS - started)) s; screenshots in $ART"
