#!/usr/bin/env bash
# Package test (make test-package): installs the .deb with dpkg, checks what it put where, starts
# the app from the installed desktop entry's Exec line under Xvfb, reads the version from the
# About card in Settings (select all, copy, read the clipboard) and compares it with
# `memories --version`, then purges the package and checks nothing is left. Also checks the
# .rpm's metadata and that the Windows .exe is a PE32+ GUI binary carrying the version next to
# its NSIS installer. Screenshots go to build/test-artifacts/package/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gui/lib.sh

gui_init test-package build/test-artifacts/package
VERSION=${VERSION:-$(scripts/version.sh)}
DEB=$(ls build/dist/memories-desktop_*.deb)
ENTRY=/usr/share/applications/memories-desktop.desktop
FILES=$TMP/files INSTALLED=""
APP_LOG=$ART/package-app.log
SUDO=""; [[ $EUID -ne 0 ]] && SUDO="sudo -n"
on_exit '[[ -z $INSTALLED ]] || dpkg_retry --purge memories-desktop'

# dpkg refuses at once while another dpkg or apt holds its lock: wait for it (up to 2 minutes).
dpkg_retry() {
  local out
  for _ in $(seq 1 120); do
    if out=$($SUDO dpkg "$@" 2>&1); then echo "$out"; return 0; fi
    grep -q 'lock' <<<"$out" || { echo "$out" >&2; return 1; }
    sleep 1
  done
  echo "$out" >&2; return 1
}

check_windows() {
  go run ./scripts/pecheck build/bin/memories-desktop.exe "${VERSION%%[-+]*}" || fail "Windows .exe"
  local installer; installer=$(ls build/bin/*-amd64-installer.exe) || fail "no NSIS installer"
  file "$installer" | grep "Nullsoft Installer" >/dev/null || fail "$installer is not an NSIS installer"
  check_windows_cli "$installer"
  say "NSIS installer $(basename "$installer") ($(du -h "$installer" | cut -f1))"
}

# The installer carries the memories command (bin\memories.exe, a Windows console build of
# cmd/memories) and offers the optional section that puts it on PATH (and takes it off again).
check_windows_cli() {
  command -v 7z >/dev/null || fail "7z is missing; run scripts/ensure-deps.sh"
  local out; out=$(mktemp -d)
  7z x -y -o"$out" "$1" bin/memories.exe >/dev/null || fail "7z could not read $1"
  [[ -f $out/bin/memories.exe ]] || fail "the installer lacks bin/memories.exe (the memories command)"
  file "$out/bin/memories.exe" | grep -q 'PE32+ executable (console) x86-64' || fail "bin/memories.exe is not a Windows console program"
  go version -m "$out/bin/memories.exe" | grep -qx $'\tpath\tmemories-desktop/cmd/memories' || fail "bin/memories.exe is not the memories command"
  rm -rf "$out"
  local nsi=build/windows/installer/project.nsi
  grep -q '^Section "Add the memories command to PATH"' "$nsi" && grep -q 'UnStrRep.*CLI_DIR' "$nsi" ||
    fail "$nsi offers no PATH section, or its uninstaller leaves the entry"
  say "the installer carries bin/memories.exe and offers to put it on PATH"
}

check_rpm() {
  local rpm; rpm=$(ls build/dist/memories-desktop-*.rpm)
  [[ $(rpm -qp --qf '%{VERSION}' "$rpm" 2>/dev/null) == "${VERSION//-/.}" ]] || fail "rpm version"
  rpm -qpl "$rpm" 2>/dev/null | grep -x "$ENTRY" >/dev/null || fail "rpm lacks the desktop entry"
  say "rpm $(basename "$rpm") requires: $(rpm -qpR "$rpm" 2>/dev/null | grep -v rpmlib | tr '\n' ' ')"
}

install_deb() {
  if dpkg-query -W -f='${Status}' memories-desktop 2>/dev/null | grep -q 'ok installed'; then
    fail "memories-desktop is already installed here; remove it first (dpkg -r memories-desktop)"
  fi
  dpkg_retry -i "$DEB" >/dev/null || fail "dpkg -i $DEB"
  INSTALLED=1
  dpkg -L memories-desktop >"$FILES"
  [[ $(dpkg-query -W -f='${Version}' memories-desktop) == "$VERSION" ]] || fail "package version"
  say "installed $(basename "$DEB"): $(grep -c . "$FILES") paths"
}

check_installed_files() {
  local f
  for f in /usr/bin/memories /usr/bin/memories-desktop /usr/share/bash-completion/completions/memories \
    /usr/share/zsh/vendor-completions/_memories /usr/share/fish/vendor_completions.d/memories.fish \
    /usr/share/icons/hicolor/{16x16,32x32,48x48,128x128,256x256,512x512}/apps/memories-desktop.png; do
    [[ -f $f ]] || fail "$f not installed"
  done
  desktop-file-validate "$ENTRY" || fail "desktop-file-validate $ENTRY"
  # dpkg's trigger for desktop-file-utils registers the entry's MIME types for "Open with".
  grep '^video/mp4=.*memories-desktop.desktop' /usr/share/applications/mimeinfo.cache >/dev/null ||
    fail "video/mp4 is not associated with the app in mimeinfo.cache"
  [[ $(identify -format '%wx%h' /usr/share/icons/hicolor/48x48/apps/memories-desktop.png) == 48x48 ]] || fail "48x48 icon size"
  local got; got=$(bash -c 'source /usr/share/bash-completion/completions/memories
    COMP_WORDS=(memories down); COMP_CWORD=1; _memories; echo "${COMPREPLY[*]}"')
  [[ $got == "download download-asset" ]] || fail "installed bash completion offered '$got'"
  [[ $(memories --version) == "memories $VERSION" ]] || fail "memories --version: $(memories --version)"
  [[ $(memories-desktop --version) == "memories-desktop $VERSION" ]] || fail "memories-desktop --version"
}

# The Exec line without its field codes (%F…), run the way a launcher runs it: through PATH.
launch_from_entry() {
  local exec_line; exec_line=$(sed -n 's/^Exec=//p' "$ENTRY" | head -1 | sed 's/ *%[fFuUdDnNickvm]//g')
  [[ $(command -v "${exec_line%% *}") == /usr/bin/* ]] || fail "Exec '$exec_line' does not run the installed binary"
  say "starting '$exec_line' from $ENTRY"
  MEMORIES_DATA_DIR="$DATA" bash -c "exec $exec_line" >"$APP_LOG" 2>&1 &
  APP_PID=$!
}

about_copied() {
  xdotool key --clearmodifiers ctrl+a ctrl+c
  scripts/read-clipboard.py >"$ART/package-about.txt" 2>/dev/null
  grep -q "Version " "$ART/package-about.txt"
}

# Settings (Ctrl+6) painted, the page's text copied and read back, then scrolled to the About card.
read_about_version() {
  focus_window
  xdotool mousemove --window "$WIN" 640 60 click 1 key --clearmodifiers ctrl+6
  wait_until 10 shot_differs package-window package-settings || fail "Ctrl+6 did not show Settings"
  wait_until 10 about_copied || fail "no About text on the clipboard"
  xdotool mousemove --window "$WIN" 700 450 click --repeat 20 --delay 20 5 # wheel down to the About card
  wait_until 5 shot_differs package-settings package-about || true
  grep -o 'Version [^ ]*' "$ART/package-about.txt" | head -1 | cut -d' ' -f2
}

purge_and_check() {
  dpkg_retry --purge memories-desktop >/dev/null || fail "dpkg --purge"
  INSTALLED=""
  dpkg-query -W -f='${Status}' memories-desktop 2>/dev/null | grep -q 'ok installed' && fail "still installed"
  local left=0 f
  while read -r f; do [[ -f $f || -L $f ]] && { echo "left behind: $f" >&2; left=1; }; done <"$FILES"
  [[ $left -eq 0 ]] || fail "files left after dpkg --purge"
  grep memories-desktop /usr/share/applications/mimeinfo.cache >/dev/null && fail "MIME association left behind"
  say "purged; none of the $(grep -c . "$FILES") installed paths is left"
}

check_windows
check_rpm
scripts/check-package-deps.sh "$DEB" "$(ls build/dist/memories-desktop-*.rpm)" || fail "the packages do not pull in the preview plugins"
install_deb
check_installed_files
start_session
launch_from_entry
wait_app_window 30 || fail "no window titled Memories Desktop within 30 s"
shot package-window
about=$(read_about_version)
[[ $about == "$VERSION" ]] || fail "About card says '$about', memories --version says '$VERSION'"
say "About card and memories --version agree: $VERSION"
grep -q "version=$VERSION" "$DATA/logs/memories-desktop.log" || fail "the log does not record the version"
stop_app || fail "app did not stop within 10 s of SIGTERM"
purge_and_check
