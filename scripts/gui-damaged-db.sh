#!/usr/bin/env bash
# GUI test of a damaged database: the production binary under Xvfb and openbox starts on a data
# folder whose memories.db is garbage. It must show a dialog that names the file and the repair
# command, and on "Yes" (chosen with the keyboard) move the file aside, keep it, start on a fresh
# database and open its window. Then a data folder named "100%s%n%d" that cannot be opened must
# show the "cannot start" dialog with that text as it is. Screenshots of each step go to
# build/test-artifacts/damaged-db/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init gui-damaged-db build/test-artifacts/damaged-db

# dialog TITLE: waits up to 30 s for a window with that exact title (a GTK dialog of the app) and
# prints its id.
dialog() { wait_until 30 has_window "^$1\$" && first_window "^$1\$"; }

start_session
head -c 65536 /dev/urandom >"$DATA/memories.db"

APP_LOG=$ART/damaged-app.log
start_app
dialog=$(dialog 'The database is damaged') || fail "no dialog about the damaged database"
shot damaged-1-dialog
grep -q "$DATA/memories.db is damaged" "$APP_LOG" || fail "the message does not name the file"
grep -q 'memories doctor --repair' "$APP_LOG" || fail "the message does not name the command"

focus_window "$dialog"
press alt+y
# The window may already be up behind the dialog, so the repair's own line is what says it is done.
wait_until 30 grep -q 'repaired; the damaged file is kept at' "$APP_LOG" || fail "no repair line in the log"
wait_app_window 30 || fail "no main window after the repair"
wait_until 30 painted damaged-2-repaired || fail "the main window never painted"
kept=$(compgen -G "$DATA/memories.db.damaged-*" | head -1 || true)
[[ -n $kept && $(stat -c %s "$kept") -eq 65536 ]] || fail "the damaged file was not kept"
say "dialog shown, repaired on Yes, damaged file kept at $kept, window open"

stop_app || fail "app did not stop within 10 s of SIGTERM"
((APP_RC == 0)) || fail "app exited $APP_RC after SIGTERM"
MEMORIES_DATA_DIR="$DATA" go run ./cmd/memories doctor >"$ART/damaged-doctor.log" 2>&1 || fail "the new database is not sound: $(cat "$ART/damaged-doctor.log")"
say "the fresh database checks sound"

# A "cannot start" dialog whose text holds printf conversions (here the data folder's name): GTK
# takes the message as a format, so unescaped, "%n" aborted the app before any dialog showed.
PCT_DIR="$DATA/100%s%n%d"
mkdir -p "$PCT_DIR/settings.json" # a folder where the settings file should be: the app cannot start
APP_LOG=$ART/damaged-percent.log
DATA=$PCT_DIR start_app
dialog=$(dialog 'Memories Desktop cannot start') || fail "no 'cannot start' dialog for a folder named 100%s%n%d: $(tail -3 "$APP_LOG")"
shot damaged-3-percent
app_gone && fail "the app died showing the 'cannot start' dialog"
focus_window "$dialog"
press Return
wait_app_exit 30 || fail "the app did not end after the 'cannot start' dialog"
((APP_RC == 1)) || fail "the app exited $APP_RC after the 'cannot start' dialog, want 1"
say "the 'cannot start' dialog showed a text with % conversions as it is"
