#!/usr/bin/python3
"""A drag source for the real-window tests, offering drops as a file manager or a browser does.

    dragsource.py X Y PAYLOAD_FILE

The window is titled "drag-source" and sits at X,Y. What it offers is read from PAYLOAD_FILE when
a drag starts, so one window serves every drop of a test run:

    paths            then one local path per line: text/uri-list (file:// URIs) and text/plain
    text             then the text: text/plain, and text/uri-list when it is a web link

While a drag is held over a window that accepts it (the target answered the last XDND position
with an action), it prints "drag-accepted ACTION" once, and "drag-refused" when that ends. GTK
drops only when the target has accepted: released before its answer (a busy web view answers
late), the drag fails with "no-target". So the test releases only after "drag-accepted".
Each time the target asks for the data it prints "drag-data uri-list" (or "text"). Every
finished drag prints "drag-end" on stdout (after "drag-failed REASON" when the target
refused it), so the test knows the drop is over.
"""
import sys

import gi

gi.require_version("Gdk", "3.0")
gi.require_version("Gtk", "3.0")
from gi.repository import GLib, Gdk, Gtk  # noqa: E402

URI_LIST, TEXT = 0, 1


def offered(payload_file):
    """The uri-list and the text of the payload file."""
    with open(payload_file, encoding="utf-8") as f:
        kind, _, body = f.read().partition("\n")
    body = body.strip("\n")
    if kind == "paths":
        paths = body.split("\n")
        uris = [GLib.filename_to_uri(GLib.canonicalize_filename(p, None), None) for p in paths]
        return uris, body
    return ([body] if body.startswith(("http://", "https://")) else []), body


def source(payload_file):
    box = Gtk.EventBox()
    box.add(Gtk.Label(label="drag me"))
    targets = Gtk.TargetList.new([])
    targets.add(Gdk.Atom.intern("text/uri-list", False), 0, URI_LIST)
    targets.add_text_targets(TEXT)
    box.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
    box.drag_source_set_target_list(targets)

    def data_get(_w, _ctx, data, info, _time):
        uris, text = offered(payload_file)
        print("drag-data", "uri-list" if info == URI_LIST else "text", flush=True)
        if info == URI_LIST:
            data.set_uris(uris)
        else:
            data.set_text(text, -1)

    def drag_failed(_w, _ctx, result):
        print("drag-failed", result.value_nick, flush=True)
        return True  # no snap-back animation

    def accepted(ctx):
        return ctx.get_dest_window() is not None and ctx.get_selected_action() != 0

    def watch(ctx, state):
        """Polled while the drag lasts: says when the target starts or stops accepting it."""
        if state["done"]:
            return False
        now = accepted(ctx)
        if now != state["accepted"]:
            state["accepted"] = now
            nick = ctx.get_selected_action().first_value_nick if now else ""
            print(f"drag-accepted {nick}" if now else "drag-refused", flush=True)
        return True

    def drag_begin(_w, ctx):
        state = {"accepted": False, "done": False}
        box.drag_state = state
        GLib.timeout_add(10, watch, ctx, state)

    def drag_end(*_):
        box.drag_state["done"] = True
        print("drag-end", flush=True)

    box.connect("drag-begin", drag_begin)
    box.connect("drag-data-get", data_get)
    box.connect("drag-end", drag_end)
    box.connect("drag-failed", drag_failed)
    return box


def main():
    x, y, payload_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    win = Gtk.Window(title="drag-source")
    win.set_default_size(140, 90)
    win.move(x, y)
    win.add(source(payload_file))
    win.connect("destroy", Gtk.main_quit)
    win.show_all()
    Gtk.main()


if __name__ == "__main__":
    main()
