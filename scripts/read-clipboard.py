#!/usr/bin/python3
"""Prints the X clipboard's text (what Ctrl+C copied in the app window), for scripts/test-package.sh."""
import gi

gi.require_version("Gtk", "3.0")
from gi.repository import Gdk, Gtk  # noqa: E402

print(Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD).wait_for_text() or "")
