package main

import (
	"context"
	"fmt"
	"os"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"memories-desktop/backend/core"
)

// offerRepair explains a damaged database, names the file and the command that repairs it, and
// offers to do the same here: move it aside (kept) and start a fresh one with what can be read.
// It reports whether the repair was done.
func (a *App) offerRepair(ctx context.Context, damaged error) bool {
	fmt.Fprintln(os.Stderr, "memories-desktop:", damaged)
	msg := damaged.Error() + "\n\nRepair it now (the same as `memories doctor --repair`)? " +
		"The damaged file is kept beside the new one."
	answer, err := messageDialog(ctx, runtime.MessageDialogOptions{Type: runtime.QuestionDialog,
		Title: "The database is damaged", Message: msg,
		Buttons: []string{"Yes", "No"}, DefaultButton: "Yes", CancelButton: "No"})
	if err != nil || answer != "Yes" {
		return false
	}
	rep, err := core.RepairDatabase(a.dataDir, damaged, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "memories-desktop: repair failed:", err)
		return false
	}
	fmt.Fprintf(os.Stderr, "memories-desktop: repaired; the damaged file is kept at %s (%d jobs and %d cached videos carried over)\n",
		rep.KeptAt, rep.Jobs, rep.Videos)
	return true
}
