//go:build linux && !e2e && !bindings && (production || dev)

package main

/*
#cgo linux pkg-config: gtk+-3.0
#include <gtk/gtk.h>

// Wails labels every open dialog's accept button "_Open", a folder chooser's too; "Select" says
// what the button does there. Polled from the GTK main loop until the dialog exists (at most
// about 3 s), since Wails creates it on that loop after the request.
static int relabelTries;

static gboolean relabelFolderChooser(gpointer data) {
	gboolean done = FALSE;
	GList *windows = gtk_window_list_toplevels();
	for (GList *w = windows; w != NULL && !done; w = w->next) {
		if (!GTK_IS_FILE_CHOOSER_DIALOG(w->data) ||
		    gtk_file_chooser_get_action(GTK_FILE_CHOOSER(w->data)) != GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER) continue;
		GtkWidget *accept = gtk_dialog_get_widget_for_response(GTK_DIALOG(w->data), GTK_RESPONSE_ACCEPT);
		if (accept != NULL && GTK_IS_BUTTON(accept)) {
			gtk_button_set_label(GTK_BUTTON(accept), "_Select");
			done = TRUE;
		}
	}
	g_list_free(windows);
	return (done || ++relabelTries > 100) ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void scheduleFolderRelabel(void) {
	relabelTries = 0;
	g_timeout_add(30, relabelFolderChooser, NULL);
}
*/
import "C"

// relabelFolderChooser renames the accept button of the folder chooser about to open from
// "Open" to "Select".
func relabelFolderChooser() { C.scheduleFolderRelabel() }
