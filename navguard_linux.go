//go:build linux && !e2e && !bindings && (production || dev)

package main

/*
#cgo linux pkg-config: gtk+-3.0
#cgo !webkit2_41 pkg-config: webkit2gtk-4.0
#cgo webkit2_41 pkg-config: webkit2gtk-4.1
#include <gtk/gtk.h>
#include <webkit2/webkit2.h>
#include <string.h>

// The app's own pages live under wails://; anything else (a dropped file, a link) is refused.
static gboolean refuseNavigation(WebKitWebView *view, WebKitPolicyDecision *decision,
                                 WebKitPolicyDecisionType type, gpointer data) {
	if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE) return FALSE;
	WebKitNavigationAction *action = webkit_navigation_policy_decision_get_navigation_action(
		WEBKIT_NAVIGATION_POLICY_DECISION(decision));
	const char *uri = webkit_uri_request_get_uri(webkit_navigation_action_get_request(action));
	if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION && uri != NULL &&
	    (strncmp(uri, "wails://", 8) == 0 || strncmp(uri, "about:", 6) == 0)) {
		return FALSE;
	}
	// Said on stderr so a refused drop is visible in the log (and the real-window test waits for it).
	if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION) g_printerr("refused to navigate away from the app: %s\n", uri);
	webkit_policy_decision_ignore(decision);
	return TRUE;
}

static WebKitWebView *findWebView(GtkWidget *w) {
	if (WEBKIT_IS_WEB_VIEW(w)) return WEBKIT_WEB_VIEW(w);
	if (!GTK_IS_CONTAINER(w)) return NULL;
	WebKitWebView *found = NULL;
	GList *children = gtk_container_get_children(GTK_CONTAINER(w));
	for (GList *c = children; c != NULL && found == NULL; c = c->next) found = findWebView(GTK_WIDGET(c->data));
	g_list_free(children);
	return found;
}

static gboolean guardNavigation(gpointer data) {
	GList *windows = gtk_window_list_toplevels();
	for (GList *w = windows; w != NULL; w = w->next) {
		WebKitWebView *view = findWebView(GTK_WIDGET(w->data));
		if (view != NULL && g_object_get_data(G_OBJECT(view), "memories-nav-guard") == NULL) {
			g_object_set_data(G_OBJECT(view), "memories-nav-guard", GINT_TO_POINTER(1));
			g_signal_connect(view, "decide-policy", G_CALLBACK(refuseNavigation), NULL);
		}
	}
	g_list_free(windows);
	return G_SOURCE_REMOVE;
}

static void scheduleNavigationGuard(void) { g_idle_add(guardNavigation, NULL); }
*/
import "C"

// guardNavigation makes the web view refuse to leave the app: WebKitGTK navigates to a file or
// link dropped where the page did not claim the drop, which would replace the whole app. The page
// claims every drop (lib/drop); this is the backstop. Runs on the GTK main loop.
func guardNavigation() {
	C.scheduleNavigationGuard()
	bypassPageDropGuard()
}
