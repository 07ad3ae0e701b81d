#!/usr/bin/python3
"""Reads what the real window shows through AT-SPI: the app's accessible tree, which WebKitGTK
fills with the page's roles, names and text. The real-window scripts call it through
scripts/gui/lib.sh (screen_text, wait_text, wait_gone, click_name, extents); run it with
/usr/bin/python3 (Debian's python3-pyatspi), on a session bus the app shares (dbus-launch).

  atspi.py text                     every line the window shows, one a line ("role: name / text")
  atspi.py wait SECONDS TEXT...     waits until every TEXT is shown (a substring of a line)
  atspi.py gone SECONDS TEXT        waits until TEXT is no longer shown
  atspi.py click SECONDS NAME [ROLE]  presses the first shown element named NAME (exactly; else
                                    the innermost one whose text holds NAME)
  atspi.py focus SECONDS NAME [ROLE]  gives it the keyboard focus
  atspi.py extents SECONDS NAME [ROLE]  prints "x y width height" on screen of that element
  atspi.py states SECONDS NAME [ROLE]   prints its states on one line ("checked enabled …")
  atspi.py focused                  the focused element: "role: name| x y width height"
  atspi.py selection                the text selected in the window, if any
  atspi.py unnamed                  every shown focusable element or picture of the page without an
                                    accessible name, one a line; exit status 1 when there is any (how many
                                    were checked goes to stderr)
  atspi.py tree                     the whole tree, shown or not, with states (for debugging)

The app is found by its process (ATSPI_PID) or else by its name (ATSPI_APP, default
memories-desktop). Exit status 1 with what was on screen when a wait times out, 2 on bad usage.
"""
import os
import signal
import sys
import time

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `atspi.py text | grep -q` may stop reading early

try:
    import pyatspi
except ImportError:
    sys.exit("atspi.py: python3-pyatspi is missing; run scripts/ensure-deps.sh")

POLL = 0.15


def app_roots():
    """The app's accessible applications: the UI process and, once plugged, WebKit's web process
    tree is reached through it."""
    want_pid = int(os.environ.get("ATSPI_PID", "0") or 0)
    want_name = os.environ.get("ATSPI_APP", "memories-desktop")
    desktop = pyatspi.Registry.getDesktop(0)
    out = []
    for i in range(desktop.childCount):
        try:
            app = desktop.getChildAtIndex(i)
            if app is None:
                continue
            if want_pid and app.get_process_id() == want_pid:
                out.append(app)
            elif not want_pid and app.name == want_name:
                out.append(app)
        except Exception:  # an application that went away mid-walk
            continue
    return out


def showing(acc):
    try:
        return acc.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def walk(acc, depth=0, in_page=False, only_shown=True):
    """Yields (depth, accessible) for the shown part of the tree. GTK's containers above the page
    do not all say SHOWING; inside the page (WebKit's "document web") only SHOWING elements and
    their children count, so hidden and scrolled-away parts are left out. Windows (the app's
    children) count only while shown: GTK keeps a closed file dialog's tree around."""
    if depth > 80:
        return
    yield depth, acc
    try:
        n = acc.childCount
        in_page = in_page or acc.getRole() == pyatspi.ROLE_DOCUMENT_WEB
    except Exception:
        return
    for i in range(n):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        if child is None or (only_shown and (in_page or depth == 0) and not showing(child)):
            continue
        yield from walk(child, depth + 1, in_page, only_shown)


def own_text(acc):
    try:
        t = acc.queryText()
    except NotImplementedError:
        return ""
    except Exception:
        return ""
    try:
        s = t.getText(0, -1)
    except Exception:
        return ""
    # WebKit puts U+FFFC where a child element sits inside a text; the child reports its own.
    return " ".join(s.replace("\ufffc", " ").split())


def describe(acc):
    try:
        role, name = acc.getRoleName(), " ".join((acc.name or "").split())
    except Exception:
        return None
    text = own_text(acc)
    parts = [p for p in (name, text if text != name else "") if p]
    return f"{role}: {' / '.join(parts)}" if parts else None


def lines():
    out = []
    for root in app_roots():
        for _, acc in walk(root):
            line = describe(acc)
            if line:
                out.append(line)
    return out


def label(acc):
    """What a user reads as the element's name: its accessible name, else its own text."""
    return " ".join((acc.name or "").split()) or own_text(acc)


def find(name, role=None):
    """The first shown element named NAME; failing that, the innermost one whose text holds it
    (a row's cell that reads "beach.mp4 VI…")."""
    inner, inner_depth = None, -1
    for root in app_roots():
        for depth, acc in walk(root):
            try:
                if role is not None and acc.getRoleName() != role:
                    continue
                text = label(acc)
                if text == name:
                    return acc
                if name in text and depth > inner_depth and acc.getRole() not in WINDOWS:
                    inner, inner_depth = acc, depth
            except Exception:
                continue
    return inner


WINDOWS = (pyatspi.ROLE_APPLICATION, pyatspi.ROLE_FRAME, pyatspi.ROLE_DOCUMENT_WEB)


def unnamed():
    """The shown focusable elements and pictures inside the page (WebKit's document) that have no
    accessible name: what a screen reader would announce as a bare role ("button", "image"); a
    picture marked decorative (alt="") is not in the tree at all. The page's document and
    GTK's own widgets around it are left out: the app names neither. Returns how many focusable
    elements were checked and the lines of those without a name."""
    checked, out = 0, []
    for root in app_roots():
        for _, acc in walk(root):
            try:
                image = acc.getRole() == pyatspi.ROLE_IMAGE
                if acc.getRole() in WINDOWS or not (image or acc.getState().contains(pyatspi.STATE_FOCUSABLE)):
                    continue
                if not in_page(acc):
                    continue
                checked += 1
                if (acc.name or "").strip():
                    continue
                out.append(f"{acc.getRoleName()}: (no name) {own_text(acc)[:60]!r} at " + " ".join(map(str, extents(acc))))
            except Exception:
                continue
    return checked, out


def in_page(acc):
    """Whether acc sits inside WebKit's document (not in GTK's window around it)."""
    for _ in range(80):
        acc = acc.parent
        if acc is None:
            return False
        if acc.getRole() == pyatspi.ROLE_DOCUMENT_WEB:
            return True
    return False


def until(seconds, probe):
    deadline = time.monotonic() + seconds
    while True:
        got = probe()
        if got:
            return got
        if time.monotonic() >= deadline:
            return None
        time.sleep(POLL)


def extents(acc):
    e = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return e.x, e.y, e.width, e.height


def die_with_screen(msg):
    print(f"atspi: {msg}; the window shows:", file=sys.stderr)
    shown = lines()
    for line in shown[:150]:
        print("  " + line, file=sys.stderr)
    if len(shown) > 150:
        print(f"  … and {len(shown) - 150} more lines", file=sys.stderr)
    sys.exit(1)


def main(argv):
    if not argv:
        sys.exit(__doc__)
    cmd, args = argv[0], argv[1:]
    if cmd == "text":
        print("\n".join(lines()))
        return
    if cmd == "tree":
        for root in app_roots():
            for depth, acc in walk(root, only_shown=False):
                try:
                    states = [pyatspi.stateToString(s) for s in acc.getState().getStates()]
                except Exception:
                    states = []
                print("  " * depth + (describe(acc) or acc.getRoleName() + ":"), "[" + " ".join(
                    s for s in states if s in ("showing", "visible", "focused", "focusable")) + "]")
        return
    if cmd == "selection":
        for root in app_roots():
            for _, acc in walk(root):
                try:
                    t = acc.queryText()
                    for i in range(t.getNSelections()):
                        start, end = t.getSelection(i)
                        if end > start:
                            print(t.getText(start, end))
                except Exception:
                    continue
        return
    if cmd == "unnamed":
        checked, found = unnamed()
        print(f"atspi: {checked} focusable elements and pictures, {len(found)} without a name", file=sys.stderr)
        print("\n".join(found))
        sys.exit(1 if found else 0)
    if cmd == "focused":
        # GTK marks the web view focused too; the page's focused element is the deepest one.
        got = None
        for root in app_roots():
            for _, acc in walk(root):
                try:
                    if acc.getState().contains(pyatspi.STATE_FOCUSED):
                        got = acc
                except Exception:
                    continue
        if got is None:
            sys.exit("atspi: nothing has the keyboard focus")
        print(f"{got.getRoleName()}: {label(got)}|", *extents(got))
        return
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    seconds = float(args[0])
    if cmd == "wait":
        wanted = args[1:]
        ok = until(seconds, lambda: all(any(w in l for l in lines()) for w in wanted))
        if not ok:
            die_with_screen(f"not shown within {seconds:g} s: {wanted}")
        return
    if cmd == "gone":
        if not until(seconds, lambda: not any(args[1] in l for l in lines())):
            die_with_screen(f"still shown after {seconds:g} s: {args[1]!r}")
        return
    if cmd in ("click", "focus", "extents", "states"):
        name, role = args[1], (args[2] if len(args) > 2 else None)
        acc = until(seconds, lambda: find(name, role))
        if acc is None:
            die_with_screen(f"no shown element named {name!r}" + (f" ({role})" if role else ""))
        if cmd == "extents":
            print(*extents(acc))
        elif cmd == "states":
            print(*(pyatspi.stateToString(s) for s in acc.getState().getStates()))
        elif cmd == "focus":
            acc.queryComponent().grabFocus()
        else:
            action = acc.queryAction()
            names = [action.getName(i) for i in range(action.nActions)]
            pick = next((i for i, n in enumerate(names) if n in ("press", "click", "activate", "jump")), 0)
            if not names or not action.doAction(pick):
                sys.exit(f"atspi: {name!r} has no action to press (actions {names})")
        return
    print(__doc__, file=sys.stderr)
    sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
