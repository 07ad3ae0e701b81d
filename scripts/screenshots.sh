#!/usr/bin/env bash
# Screenshots of every view (Search with moments found) and of the Keyboard shortcuts sheet (F1)
# in each shipped language: the production binary in a real window under Xvfb, in sandbox mode
# with demo data (MEMORIES_SANDBOX_DEMO), started in the language (MEMORIES_LANG). English goes to
# docs/screenshots/, another language to docs/screenshots/<tag>/: <view>-<theme>.png, Settings
# also wheeled down a screen at a time (settings-2-<theme>.png …), and
# shortcuts-<first theme>.png. English is shot light and dark, the translations light only (words
# and layout are the same in both themes; dark would double the PNGs in the repository); THEMES
# sets the themes of every language. Each view is shot once the heading the language's catalogue
# (frontend/src/lib/i18n/locales/<tag>.json) gives it is shown and the screen has stopped
# changing. Not part of make test: it writes into docs/.
#
#   scripts/screenshots.sh                        # en zh-Hans es de
#   LANGS="de" THEMES="light dark" scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."

CATALOGUES=frontend/src/lib/i18n/locales
read -r -a LANGS <<<"${LANGS:-en zh-Hans es de}"
for tag in "${LANGS[@]}"; do
  [[ -f $CATALOGUES/$tag.json ]] || { echo "screenshots: no catalogue $CATALOGUES/$tag.json (LANGS=$tag)" >&2; exit 2; }
done
for theme in ${THEMES:-}; do
  [[ $theme == light || $theme == dark ]] || { echo "screenshots: THEMES takes light and dark, not $theme" >&2; exit 2; }
done
# themes_of TAG: the themes that language is shot in.
themes_of() {
  if [[ -n ${THEMES:-} ]]; then echo "$THEMES"
  elif [[ $1 == en ]]; then echo "light dark"
  else echo light
  fi
}

source scripts/gui/lib.sh
gui_init screenshots
OUT=${OUT:-docs/screenshots}
# Ctrl+key:file name:the catalogue key of the view's heading.
VIEWS=(1:upload:upload.title 2:import:import.title 3:library:library.title 7:search:search.title
  4:transfers:transfers.title 5:history:history.title 6:settings:settings.title)
# The demo's video the search finds (the sandbox's beach vocabulary comes from its name).
FOUND=beach-day.mp4

# msg KEY...: each message of the language being shot (TAG), one a line.
msg() { /usr/bin/python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print("\n".join(d[k] for k in sys.argv[2:]))' "$CATALOGUES/$TAG.json" "$@"; }
# busy_words: what a transfer still working shows, in the language: the catalogue's messages whose
# English is "Indexing" or starts with "Waiting for".
busy_words() {
  /usr/bin/python3 - "$CATALOGUES/en.json" "$CATALOGUES/$TAG.json" <<'PY'
import json, sys
en, tr = (json.load(open(p)) for p in sys.argv[1:])
print("\n".join(sorted({tr[k] for k, v in en.items() if v == "Indexing" or v.startswith("Waiting for")})))
PY
}

# set_theme THEME: the data folder's settings in that theme (the rest the app saved is kept).
set_theme() {
  /usr/bin/python3 - "$DATA/settings.json" "$1" <<'PY'
import json, os, sys
path, theme = sys.argv[1:]
s = json.load(open(path)) if os.path.exists(path) else {}
s["theme"] = theme
json.dump(s, open(path, "w"))
PY
}

# settle: waits until the screen has stopped changing; the latest look is left in $TMP/settle.ppm.
settle() {
  SETTLED=0
  raw_shot "$TMP/settle.ppm"
  wait_until 20 screen_settled "$TMP/settle.ppm" || fail "$TAG: the screen kept changing"
}

# write SHOT: the app's window into $DIR/SHOT.png (no time stamps in the file, so a shot that
# looks the same is the same bytes).
write() {
  import -window "$WIN" -strip -define png:compression-level=9 "$DIR/$1.png"
  say "$DIR/$1.png"
}

# park_pointer: the pointer off the window, so no shot shows a hover look.
park_pointer() { xdotool mousemove "$((SCREEN_W - 1))" "$((SCREEN_H - 1))"; }

# save SHOT: the window, once the screen has stopped changing, into $DIR/SHOT.png.
save() { settle && write "$1"; }

# save_pages NAME THEME: the view wheeled down most of a screen at a time (5 notches), each new
# screen saved as NAME-2-THEME, NAME-3-THEME… until the screen no longer changes (the end), at
# most 6.
save_pages() {
  local n _
  for n in 2 3 4 5 6 7; do
    cp "$TMP/settle.ppm" "$TMP/page.ppm"
    xdotool mousemove "$((SCREEN_W / 2))" "$((SCREEN_H / 2))"
    for _ in {1..5}; do xdotool click 5; done
    park_pointer
    settle
    screen_differs "$TMP/page.ppm" 2000 || return 0
    write "$1-$n-$2"
  done
}

# wait_demo_done: Transfers shows nothing in progress, and nothing indexing or waiting.
wait_demo_done() {
  local word
  press ctrl+4
  wait_text 60 "heading: $(msg transfers.none)" || fail "$TAG: the demo's work did not finish"
  while IFS= read -r word; do
    wait_gone 90 "$word" || fail "$TAG: the demo's videos are not ready (\"$word\" is shown)"
  done < <(busy_words)
}

# shoot_language TAG: a fresh data folder; the app started in that language with the demo, in its
# first theme, then again on the same folder (the sandbox's library and the history are kept) in
# the other. Every view is shown with its shortcut and saved; the sheet in the first theme.
shoot_language() {
  TAG=$1 DATA=$TMP/$1
  DIR=$OUT
  [[ $TAG == en ]] || DIR=$OUT/$TAG
  mkdir -p "$DATA" "$DIR"
  local theme v key name heading demo=(MEMORIES_SANDBOX_DEMO=1)
  for theme in $(themes_of "$TAG"); do
    set_theme "$theme"
    APP_LOG=$ART/app-$TAG-$theme.log
    start_app MEMORIES_LANG="$TAG" MEMORIES_SANDBOX=1 MEMORIES_RATE_LIMITS=off "${demo[@]}"
    wait_text 60 "heading: $(msg upload.title)" || fail "$TAG: the Upload view is not on screen"
    # By process: a title in Chinese is beyond WM_NAME where the C library lacks the locale.
    WIN=$(xdotool search --pid "$APP_PID" --onlyvisible 2>/dev/null | tail -1)
    [[ -n $WIN ]] || fail "$TAG: no window of the app"
    focus_window
    park_pointer
    ((${#demo[@]} == 0)) || wait_demo_done
    for v in "${VIEWS[@]}"; do
      IFS=: read -r key name heading <<<"$v"
      heading=$(msg "$heading")
      press "ctrl+$key"
      wait_text 20 "heading: $heading" || fail "$TAG: Ctrl+$key did not show $heading"
      [[ $name != search ]] || wait_until 40 search_lists "$FOUND" || fail "$TAG: the search found no moment of $FOUND"
      save "$name-$theme"
      [[ $name != settings ]] || save_pages settings "$theme"
    done
    if ((${#demo[@]})); then
      press F1
      wait_text 20 "dialog: $(msg sheet.title)" || fail "$TAG: F1 opened no $(msg sheet.title) sheet"
      save "shortcuts-$theme"
      press Escape
      wait_gone 20 "dialog: $(msg sheet.title)" || fail "$TAG: Escape did not close the sheet"
    fi
    stop_app || fail "$TAG: the app did not stop within 10 s of SIGTERM"
    demo=()
  done
}

start_session
for tag in "${LANGS[@]}"; do shoot_language "$tag"; done
say "done in $((SECONDS - started)) s"
