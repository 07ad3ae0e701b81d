#!/usr/bin/env bash
# Screenshots of every view in light and dark, and in each shipped language (light): the production
# binary in a real window under Xvfb, in sandbox mode with demo data (MEMORIES_SANDBOX_DEMO), saved
# to docs/screenshots/ (<view>-light.png, <view>-dark.png, <view>-<language>.png). LANGS=""
# skips the languages; LANGS="de" shoots one.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-build/bin/memories-desktop}
OUT=${OUT:-docs/screenshots}
VIEWS=(upload import library transfers history settings search) # Ctrl+1 … Ctrl+7
LANGS=${LANGS-de es zh-Hans}
TITLE='Memories Desktop$' # the page adds the view to the title
mkdir -p "$OUT"
APP_PID="" XVFB_PID="" DATA=""

cleanup() {
  [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null || true
  [[ -n $DATA ]] && rm -rf "$DATA"
  return 0
}
trap cleanup EXIT

exec 3< <(Xvfb -displayfd 1 -noreset -screen 0 1280x800x24 -nolisten tcp 2>/dev/null & echo "pid $!")
read -r line <&3; XVFB_PID=${line#pid }
read -r line <&3; export DISPLAY=":$line"

window() {
  local w
  for w in $(xdotool search --name "$TITLE" 2>/dev/null); do
    xwininfo -id "$w" 2>/dev/null | grep -q IsViewable && { echo "$w"; return 0; }
  done
  return 1
}

# shoot_theme THEME [LANGUAGE]: every view in THEME, in LANGUAGE (the system's, as LANG gives it).
shoot_theme() {
  local theme=$1 lang=${2:-en} suffix=${2:-$1} win i
  DATA=$(mktemp -d)
  printf '{"theme":"%s"}\n' "$theme" >"$DATA/settings.json"
  local posix
  case $lang in zh-Hans) posix=zh_CN.UTF-8 ;; en) posix=C.UTF-8 ;; *) posix=${lang}_${lang^^}.UTF-8 ;; esac
  MEMORIES_LANG=$lang LANG=$posix LC_ALL='' LC_MESSAGES='' MEMORIES_DATA_DIR=$DATA MEMORIES_SANDBOX=1 MEMORIES_SANDBOX_DEMO=1 MEMORIES_RATE_LIMITS=off \
    "$BIN" >"$DATA/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 60); do win=$(window) && break; sleep 0.5; done
  [[ -n ${win:-} ]] || { echo "screenshots: no window" >&2; exit 1; }
  sleep 6 # demo uploads and the import run in the sandbox
  local prev="" shot try
  for i in "${!VIEWS[@]}"; do
    shot="$OUT/${VIEWS[$i]}-$suffix.png"
    # A key press can be lost while the window is busy: the same picture as the last view means
    # the view did not change, so press again.
    for try in 1 2 3; do
      xdotool mousemove --window "$win" 110 700 click 1 sleep 0.2 key --clearmodifiers "ctrl+$((i + 1))"
      sleep 1.5
      import -window "$win" "$shot"
      [[ -z $prev ]] || ! cmp -s "$prev" "$shot" && break
    done
    prev=$shot
    echo "screenshots: $shot"
  done
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  rm -rf "$DATA"; DATA=""
}

shoot_theme light
shoot_theme dark
for lang in $LANGS; do shoot_theme light "$lang"; done
