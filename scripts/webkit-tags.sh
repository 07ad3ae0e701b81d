#!/usr/bin/env bash
# Prints the Go build tag for the installed WebKitGTK: none for 4.0, webkit2_41 where only 4.1 exists.
if [[ "$(uname)" == Linux ]] && ! pkg-config --exists webkit2gtk-4.0 2>/dev/null && pkg-config --exists webkit2gtk-4.1 2>/dev/null; then
  echo webkit2_41
fi
