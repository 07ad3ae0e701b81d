package main

import (
	"cmp"
	"context"
	"fmt"
	"os"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

// offerRepair explains a damaged database, names the file and the command that repairs it, and
// offers to do the same here: move it aside (kept) and start a fresh one with what can be read.
// It reports whether the repair was done.
func (a *App) offerRepair(ctx context.Context, damaged error) bool {
	fmt.Fprintln(os.Stderr, "memories-desktop:", damaged)
	path, detail := core.DamagedFile(damaged)
	args := i18n.Args{"Path": cmp.Or(path, a.dataDir), "Detail": detail}
	yes, no := i18n.T("repair.yes"), i18n.T("repair.no")
	answer, err := messageDialog(ctx, runtime.MessageDialogOptions{Type: runtime.QuestionDialog,
		Title: i18n.T("repair.title"), Message: i18n.T("repair.message", args),
		Buttons: []string{yes, no}, DefaultButton: yes, CancelButton: no})
	if err != nil || (answer != yes && answer != "Yes") { // GTK answers "Yes" whatever the label
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
