#!/usr/bin/env bash
# Installs what building and testing need, on a fresh machine, and does nothing when all is there:
# Debian/Ubuntu packages (with apt-get as root or through sudo), npm packages, Go modules and the
# pinned Wails CLI. Other systems get a clear list of what to install by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

WAILS_VERSION=v2.11.0
APT_PACKAGES=(build-essential pkg-config libgtk-3-dev xvfb xauth imagemagick xdotool x11-utils dbus-x11 chromium)
# The webview plays previews through GStreamer (the plugins the packages depend on too); openbox
# manages the windows of the GUI preview test.
APT_PACKAGES+=($(sed -n 's/^\([a-z0-9][^ ]*\) .*/\1/p' scripts/preview-packages.txt) openbox)
# Packaging and its test (make package, package-windows, test-package).
APT_PACKAGES+=(desktop-file-utils nsis rpm file openbox python3-gi gir1.2-gtk-3.0)
# 7z lists what the Windows installer contains (test-package).
APT_PACKAGES+=(p7zip-full)
# The real-window tests read what the window shows through AT-SPI (scripts/gui/atspi.py).
APT_PACKAGES+=(python3-pyatspi at-spi2-core)
# Simplified Chinese is drawn with a CJK font (a Chinese desktop has one; the test machine needs it
# for the language tests' screenshots).
APT_PACKAGES+=(fonts-noto-cjk)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

missing_apt() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || echo "$pkg"
  done
}

# Debian 12 ships WebKitGTK 4.0 and 4.1; Ubuntu 24.04 only 4.1 (built with the webkit2_41 tag).
# apt-cache needs fresh lists on a new machine, so they are updated first.
webkit_package() {
  $sudo apt-get update -qq
  if apt-cache show libwebkit2gtk-4.0-dev >/dev/null 2>&1; then echo libwebkit2gtk-4.0-dev
  else echo libwebkit2gtk-4.1-dev; fi
}

install_system_packages() {
  if ! command -v dpkg-query >/dev/null; then
    say "Not a Debian/Ubuntu system: install the GTK3 and WebKitGTK development packages, pkg-config,"
    say "Xvfb, ImageMagick and xdotool with your package manager (see docs/PACKAGING.md)."
    return 0
  fi
  local sudo="" need
  if [[ $EUID -ne 0 ]] && sudo -n true 2>/dev/null; then sudo="sudo -n"; fi
  need=$(missing_apt "${APT_PACKAGES[@]}" "${EXTRA_APT_PACKAGES[@]}")
  have_webkit || need="$need $(webkit_package)"
  [[ -z "${need// /}" ]] && return 0
  if [[ $EUID -ne 0 && -z $sudo ]]; then
    say "Missing system packages; install them as root: apt-get install $need"
    exit 1
  fi
  say "Installing system packages:" $need
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $need >/dev/null
}

have_webkit() { pkg-config --exists webkit2gtk-4.0 2>/dev/null || pkg-config --exists webkit2gtk-4.1 2>/dev/null; }

install_npm_packages() {
  local stamp=frontend/node_modules/.package-lock.json
  if [[ ! -f $stamp || frontend/package-lock.json -nt $stamp ]]; then
    say "Installing npm packages"
    (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

install_go_tools() {
  go mod download && go -C tools/checkcommands mod download
  if [[ ! -x .tools/bin/wails ]] || ! .tools/bin/wails version 2>/dev/null | grep -q "$WAILS_VERSION"; then
    say "Installing the Wails CLI $WAILS_VERSION"
    GOBIN="$PWD/.tools/bin" go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
  fi
}

EXTRA_APT_PACKAGES=(${EXTRA_APT_PACKAGES:-})
[[ "$(uname)" == Linux ]] && install_system_packages
install_npm_packages
install_go_tools
