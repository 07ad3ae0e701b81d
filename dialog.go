package main

import (
	"context"
	goruntime "runtime"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// messageDialog is the one way the app shows a native message dialog (TestDialogsGoThroughOne
// checks). On Linux Wails v2.11 hands the message to gtk_message_dialog_new as its printf
// format, so a "%" in it (a file name, an error) would be read as a conversion: garbled text
// or a crash. The title is set with gtk_window_set_title and the dialog uses no markup, so the
// message's "%" is all there is to escape.
func messageDialog(ctx context.Context, opts runtime.MessageDialogOptions) (string, error) {
	opts.Message = gtkFormatSafe(goruntime.GOOS, opts.Message)
	return runtime.MessageDialog(ctx, opts)
}

// gtkFormatSafe escapes text for use as a printf format on Linux; elsewhere it is unchanged.
func gtkFormatSafe(goos, text string) string {
	if goos != "linux" {
		return text
	}
	return strings.ReplaceAll(text, "%", "%%")
}
