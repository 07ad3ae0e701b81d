package core

import (
	"memories-desktop/backend/i18n"
	"path/filepath"
	"strings"

	"memories-desktop/backend/formats"
)

// Filter limits a file dialog to some files. Patterns contain no spaces: "*.mp4;*.mov".
type Filter struct {
	Name    string
	Pattern string
}

// LinksFilter is the open dialog's filter for a list of links.
func LinksFilter() Filter {
	return Filter{i18n.T("dialog.filter.links", i18n.Args{"Extensions": "txt, csv"}), "*.txt;*.csv"}
}

// HistoryFilter is the save dialog's filter for an exported history.
func HistoryFilter() Filter { return Filter{i18n.T("dialog.filter.history"), "*.csv;*.json"} }

// VideoFilter offers every format the upload endpoint accepts ("Videos (mp4, mov, …)"), in
// lower and upper case because GTK's patterns are case-sensitive.
func VideoFilter() Filter {
	var names, lower, upper []string
	for _, ext := range formats.Extensions() {
		names = append(names, ext[1:])
		lower = append(lower, "*"+ext)
		upper = append(upper, "*"+strings.ToUpper(ext))
	}
	return Filter{i18n.T("dialog.filter.videos", i18n.Args{"Extensions": strings.Join(names, ", ")}),
		strings.Join(append(lower, upper...), ";")}
}

// Dialogs are the native dialogs. The desktop app adapts Wails' runtime dialogs to this; tests
// and the browser harness substitute a stub at this seam. A cancelled dialog returns "" (or nil)
// and no error.
type Dialogs interface {
	ChooseFolder(title, startDir string) (string, error)
	ChooseFiles(title, startDir string, f Filter) ([]string, error)
	SaveFile(title, startDir, suggestedName string, f Filter) (string, error)
	Confirm(title, message, yes, no string) bool
}

// FilterFor is the save dialog's filter for a file name: its own extension ("QuickTime video
// (.mov)"), so the dialog never suggests another type than the one being saved.
func FilterFor(name string) Filter {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" {
		return Filter{i18n.T("dialog.filter.all"), "*"}
	}
	label := i18n.T("dialog.filter.file", i18n.Args{"Type": strings.ToUpper(ext[1:])})
	if f, ok := formats.ForName(name); ok {
		label = f.Name // a format new to the table, not yet in the catalogue: its table name
		if id := "formatName." + f.Ext[1:]; i18n.Has(id) {
			label = i18n.T(id) // formatName.mp4: "MP4 video"
		}
	}
	return Filter{i18n.T("dialog.filter.withExtension", i18n.Args{"Label": label, "Extension": ext}),
		"*" + ext + ";*" + strings.ToUpper(ext)}
}
