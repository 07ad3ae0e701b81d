#!/usr/bin/python3
"""A drag source for the real-window tests, as a file manager or a browser offers drops.

    dragsource.py X Y PATH...       offers the paths as text/uri-list (file:// URIs) and text/plain
    dragsource.py X Y --text TEXT   offers TEXT as text/plain and, when it is a link, text/uri-list

The window is titled "drag-source" and sits at X,Y. Every finished drag prints one line on stdout,
"drag-end" (the drop target said yes) or "drag-failed", so the test knows the drop is over.
"""
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import GLib, Gdk, Gtk  # noqa: E402

URI_LIST, TEXT = 0, 1


def offered(args):
    """The uri-list and text this source hands out."""
    if args[0] == "--text":
        text = args[1]
        uris = [text] if text.startswith(("http://", "https://")) else []
        return uris, text
    uris = [GLib.filename_to_uri(GLib.canonicalize_filename(p, None), None) for p in args]
    return uris, "\n".join(args)


def main():
    x, y, rest = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    uris, text = offered(rest)
    win = Gtk.Window(title="drag-source")
    win.set_default_size(140, 90)
    win.move(x, y)
    win.set_keep_above(True)
    box = Gtk.EventBox()
    box.add(Gtk.Label(label="drag me"))
    targets = Gtk.TargetList.new([])
    if uris:
        targets.add(Gdk.Atom.intern("text/uri-list", False), 0, URI_LIST)
    targets.add_text_targets(TEXT)
    box.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
    box.drag_source_set_target_list(targets)

    def data_get(_w, _ctx, data, info, _time):
        if info == URI_LIST:
            data.set_uris(uris)
        else:
            data.set_text(text, -1)

    def drag_end(_w, _ctx):
        print("drag-end", flush=True)

    def drag_failed(_w, _ctx, result):
        print("drag-failed", result.value_nick, flush=True)
        return True  # no snap-back animation

    box.connect("drag-data-get", data_get)
    box.connect("drag-end", drag_end)
    box.connect("drag-failed", drag_failed)
    win.add(box)
    win.connect("destroy", Gtk.main_quit)
    win.show_all()
    Gtk.main()


if __name__ == "__main__":
    main()
