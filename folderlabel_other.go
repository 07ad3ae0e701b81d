//go:build !linux || e2e || bindings || !(production || dev)

package main

// relabelFolderChooser is a no-op where the dialogs are not GTK's (and in test builds).
func relabelFolderChooser() {}
