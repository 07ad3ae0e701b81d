#!/usr/bin/env bash
# Real-window search (issue 17): the production binary under Xvfb + openbox in sandbox mode. A real
# video is chosen in the GTK file dialog and uploaded from this computer; Ctrl+K from the Library
# focuses the search box; a typed query lists moments with their keyframe pictures; opening the
# moment plays this computer's file at the matched time (the media controls' elapsed time, read
# through AT-SPI, and the video's green field on screen); the Library drawer's Transcript is
# exported as SRT through the real GTK save dialog, driven with the keyboard, and the file holds
# every line the drawer shows, with its time; with the file moved away, Download video… saves a
# copy through the GTK save dialog and the pane plays it. Screenshots of every step go to
# build/test-artifacts/gui-search/. Every wait is for something on screen, with a deadline.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-search

# player_at: the seconds the pane's player is at ("Player time: Playing at m:ss", kept current
# from the video's timeupdate); WebKitGTK shows its own media controls' time only on hover.
player_at() { screen_text | sed -n 's/.*Player time \/ Playing at \([0-9]*\):\([0-9][0-9]\).*/\1 \2/p' | head -1 | awk '{ print $1 * 60 + $2 }'; }
video_shown() { (( $(green_pixels) > 10000 )); } # the test video's green field (lib.sh)

# A real video from the repository, named for the sandbox's beach vocabulary.
mkdir -p "$TMP/videos"
cp backend/media/testdata/poster.mp4 "$TMP/videos/beach.mp4"

start_session
start_app MEMORIES_SANDBOX=1 MEMORIES_RATE_LIMITS=off
app_ready || fail "the Upload view is not on screen"

# Upload from this computer: Ctrl+O, the GTK dialog takes the typed path.
choose_file "$TMP/videos/beach.mp4"
wait_text "$WAIT" "Ready to upload — 1 video" || fail "beach.mp4 was not listed for upload"
click_name "Upload 1 video" "push button"
wait_text "$WAIT" "1 video queued" || fail "Upload queued nothing"
step uploaded "beach.mp4 chosen in the GTK dialog and queued"

# Ctrl+K from the Library focuses the search box; the query is typed and sent with Return.
press ctrl+3
wait_text "$WAIT" "heading: Library" "beach.mp4" || fail "the Library does not list beach.mp4"
press ctrl+k
wait_until "$WAIT" focus_on "entry: Search the library" ||
  wait_until "$WAIT" focus_on "search box: Search the library" || fail "Ctrl+K did not focus the search box ($(focused_element))"
step ctrl-k "Ctrl+K from the Library shows Search with the focus in its box"
# The sandbox indexes a new video within seconds; until then the view says so and finds nothing.
wait_until 40 search_lists beach.mp4 || fail "the search listed no moment of beach.mp4"
wait_text "$WAIT" "image: Keyframe of beach.mp4" || fail "the moments show no keyframe picture"
step results "moments of beach.mp4 listed with their keyframe pictures"

# Opening the moment plays this computer's file from the matched time.
moment=$(screen_text | sed -n 's/^[a-z ]*button: \(beach\.mp4, [0-9:–]*\).*/\1/p' | head -1)
[[ -n $moment ]] || fail "no moment read: $(screen_text | grep beach)"
start_at=${moment#beach.mp4, }; start_at=${start_at%%–*}
click_name "$moment"
wait_text "$WAIT" "heading: beach.mp4" "Playing at" || fail "the moment opened no pane"
wait_until "$WAIT" video_shown || fail "the pane shows no video ($(green_pixels) green pixels)"
s=$(( ${start_at%%:*} * 60 + 10#${start_at#*:} ))
# It plays on from the moment's start (the fixture is 1 s long, so it ends a second in).
wait_until "$WAIT" eval '(( $(player_at) > s ))' || fail "the player did not play on from $start_at (at $(player_at) s)"
step playing "the moment $moment plays from this computer's file, from $start_at to $(player_at) s"

# Read the video in the Library drawer and export its transcript as SRT through the GTK dialog.
click_name "Show in Library" "push button"
wait_text "$WAIT" "heading: Library" "page tab: Transcript" || fail "Show in Library did not open the drawer's tabs"
# The tabs sit under the details; the wheel scrolls the drawer down to the lines, as a user would.
read -r x y w h < <(element_extents "Transcript" "page tab")
xdotool mousemove "$((x + w / 2))" "$((y - 40))"
for _ in 1 2 3 4 5 6 7 8 9 10; do xdotool click 5; done
wait_text "$WAIT" "push button: 0:00" || fail "the Transcript tab shows no timed line"
lines=$(screen_text | sed -n 's/^push button: \([0-9]*:[0-9][0-9]\) \(.*\)$/\1\t\2/p')
[[ -n $lines ]] || fail "no transcript lines read"
step transcript "the drawer reads the transcript: $(wc -l <<<"$lines") timed lines"
click_name "Export…" "push button"
wait_until "$WAIT" has_window '^Export transcript$' || fail "Export… opened no save dialog"
step save-dialog "the GTK save dialog suggests beach.srt"
save_as "Export transcript" "$TMP/exported.srt"
wait_text "$WAIT" "Saved $TMP/exported.srt" || fail "the drawer did not say the transcript was saved"
[[ -f $TMP/exported.srt ]] || fail "no file at $TMP/exported.srt"
cp "$TMP/exported.srt" "$ART/exported.srt"
# Every line the drawer shows is a cue of the file, at its time, in order.
n=0
while IFS=$'\t' read -r at text; do
  n=$((n + 1))
  m=${at%%:*} sec=${at#*:}
  want=$(printf '00:%02d:%02d,' "$m" "$((10#$sec))")
  awk -v n="$n" -v want="$want" -v text="$text" '
    BEGIN { RS = ""; FS = "\n" }
    NR == n { sub(/\r/, "", $1); sub(/\r/, "", $3); ok = ($1 == n && index($2, want) == 1 && $3 == text) }
    END { exit !ok }' "$TMP/exported.srt" || fail "cue $n of the SRT is not '$at $text': $(cat "$TMP/exported.srt")"
done <<<"$lines"
cues=$(awk 'BEGIN { RS = "" } END { print NR }' "$TMP/exported.srt")
((cues == n)) || fail "the SRT has $cues cues, the drawer $n lines"
step exported "the transcript saved as SRT through the GTK dialog: $cues cues, each as the drawer shows it"

# Without its file on this computer (moved away), the moment offers Download video…: the GTK save
# dialog, driven with the keyboard, then the saved copy plays in the pane.
rm "$TMP/videos/beach.mp4"
press ctrl+k
wait_until "$WAIT" focus_on "entry: Search the library" ||
  wait_until "$WAIT" focus_on "search box: Search the library" || fail "Ctrl+K did not focus the search box"
press Return
wait_text "$WAIT" "button: $moment" || fail "the search again listed no moment"
click_name "$moment"
wait_text "$WAIT" "This video is not on this computer" "push button: Download video…" ||
  fail "a moment whose file is gone does not offer Download video…"
step not-here "with beach.mp4 moved away, the moment offers Download video…"
click_name "Download video…" "push button"
wait_until "$WAIT" has_window '^Save video$' || fail "Download video… opened no save dialog"
save_as "Save video" "$TMP/saved.mp4"
wait_text 30 "Playing at" || fail "the saved copy does not play in the pane"
wait_until "$WAIT" video_shown || fail "the pane shows no video after the download ($(green_pixels) green pixels)"
cmp -s "$TMP/saved.mp4" backend/media/testdata/poster.mp4 || fail "the saved file differs from the uploaded one"
step downloaded "Download video… saved it through the GTK dialog and the pane plays the saved copy"

stop_app || fail "the app did not stop within 10 s of SIGTERM"
say "passed in $((SECONDS - started)) s"
