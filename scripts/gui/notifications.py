#!/usr/bin/python3
"""A notification server for GUI tests: owns org.freedesktop.Notifications on the session bus
the GUI scripts start (start_bus in lib.sh: DBUS_SESSION_BUS_ADDRESS) and writes each Notify
call to a file as one JSON line: {"app", "summary", "body", "urgency"}.

  /usr/bin/python3 scripts/gui/notifications.py serve FILE &   # prints "ready" once it owns the name
  /usr/bin/python3 scripts/gui/notifications.py wait FILE SECONDS TEXT...

serve exits with status 1 when another server owns the name. wait succeeds once one
notification's summary or body holds every TEXT; on a timeout it prints what came and fails.
"""
import json
import os
import sys
import time

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


def serve(out):
    import dbus
    import dbus.mainloop.glib
    import dbus.service
    from gi.repository import GLib

    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        sys.exit("notifications.py: no DBUS_SESSION_BUS_ADDRESS; start the bus first (start_bus)")
    bus = dbus.SessionBus()
    reply = bus.request_name(NAME, dbus.bus.NAME_FLAG_DO_NOT_QUEUE)
    if reply != dbus.bus.REQUEST_NAME_REPLY_PRIMARY_OWNER:
        sys.exit("notifications.py: another notification server owns " + NAME)

    class Server(dbus.service.Object):
        count = 0

        @dbus.service.method(NAME, in_signature="susssasa{sv}i", out_signature="u")
        def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
            Server.count += 1
            line = {"app": str(app), "summary": str(summary), "body": str(body),
                    "urgency": int(hints.get("urgency", 1))}
            with open(out, "a", encoding="utf-8") as f:
                f.write(json.dumps(line) + "\n")
            return dbus.UInt32(Server.count)

        @dbus.service.method(NAME, out_signature="as")
        def GetCapabilities(self):
            return ["body"]  # plain text: the file holds what a user would read

        @dbus.service.method(NAME, out_signature="ssss")
        def GetServerInformation(self):
            return ("memories-gui-test", "memories-desktop", "1", "1.2")

        @dbus.service.method(NAME, in_signature="u")
        def CloseNotification(self, nid):
            pass

    Server(bus, PATH)
    open(out, "a").close()
    print("ready", flush=True)
    GLib.MainLoop().run()


def notes(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(l) for l in f if l.strip()]
    except FileNotFoundError:
        return []


def wait(path, seconds, texts):
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        for n in notes(path):
            shown = n["summary"] + "\n" + n["body"]
            if all(t in shown for t in texts):
                print(json.dumps(n))
                return 0
        time.sleep(0.1)
    print("no notification with %r within %ss; received: %s" % (texts, seconds, notes(path)), file=sys.stderr)
    return 1


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "serve":
        serve(sys.argv[2])
    elif len(sys.argv) >= 5 and sys.argv[1] == "wait":
        sys.exit(wait(sys.argv[2], sys.argv[3], sys.argv[4:]))
    else:
        sys.exit(__doc__)
