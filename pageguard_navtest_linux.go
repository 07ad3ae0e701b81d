//go:build linux && navtest

package main

/*
#cgo linux pkg-config: gtk+-3.0
#cgo !webkit2_41 pkg-config: webkit2gtk-4.0
#cgo webkit2_41 pkg-config: webkit2gtk-4.1
#include <gtk/gtk.h>
#include <webkit2/webkit2.h>

// Runs before any of the page's scripts, so its window-level capture listeners come first and
// stop every drag event before the app's drop guard (lib/drop) or the Wails runtime sees it.
static const char *swallowDrags =
	"for (const t of ['dragenter', 'dragover', 'dragleave', 'drop'])"
	"  window.addEventListener(t, (e) => e.stopImmediatePropagation(), true);";

static WebKitWebView *navtestWebView(GtkWidget *w) {
	if (WEBKIT_IS_WEB_VIEW(w)) return WEBKIT_WEB_VIEW(w);
	if (!GTK_IS_CONTAINER(w)) return NULL;
	WebKitWebView *found = NULL;
	GList *children = gtk_container_get_children(GTK_CONTAINER(w));
	for (GList *c = children; c != NULL && found == NULL; c = c->next) found = navtestWebView(GTK_WIDGET(c->data));
	g_list_free(children);
	return found;
}

// First page load: add the script and reload so it takes effect. The reload's load says so.
static gboolean bypass(gpointer data) {
	GList *windows = gtk_window_list_toplevels();
	for (GList *w = windows; w != NULL; w = w->next) {
		WebKitWebView *view = navtestWebView(GTK_WIDGET(w->data));
		if (view == NULL) continue;
		if (g_object_get_data(G_OBJECT(view), "memories-navtest") != NULL) {
			g_printerr("navtest: the page's drop guard is bypassed\n");
			continue;
		}
		g_object_set_data(G_OBJECT(view), "memories-navtest", GINT_TO_POINTER(1));
		WebKitUserScript *s = webkit_user_script_new(swallowDrags, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
			WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START, NULL, NULL);
		webkit_user_content_manager_add_script(webkit_web_view_get_user_content_manager(view), s);
		webkit_user_script_unref(s);
		webkit_web_view_reload(view);
	}
	g_list_free(windows);
	return G_SOURCE_REMOVE;
}

static void scheduleBypass(void) { g_idle_add(bypass, NULL); }
*/
import "C"

// nativeFileDrop is off in the navtest build, so a drop has one path only, WebKit's own: with the
// page's guard bypassed, a dropped file must reach the navigation backstop every time. (With
// Wails' native drop on, it races WebKit for the same drop and the test's outcome varied.)
const nativeFileDrop = false

// bypassPageDropGuard, in the navtest build only (never in a release), takes the page's drop
// guard out of the way so a real-window test can prove the navigation backstop (navguard_linux.go)
// alone keeps a dropped file from replacing the app.
func bypassPageDropGuard() { C.scheduleBypass() }
