package core

import (
	"path/filepath"
	"strings"
)

// Filter limits a file dialog to some files. Patterns contain no spaces: "*.mp4;*.mov".
type Filter struct {
	Name    string
	Pattern string
}

// File filters the app's dialogs use.
var (
	VideoFilter   = Filter{"Videos (mp4, mov, avi, mkv)", "*.mp4;*.mov;*.avi;*.mkv;*.MP4;*.MOV;*.AVI;*.MKV"}
	LinksFilter   = Filter{"Link lists (txt, csv)", "*.txt;*.csv"}
	HistoryFilter = Filter{"CSV or JSON", "*.csv;*.json"}
)

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
		return Filter{"All files", "*"}
	}
	label := strings.ToUpper(ext[1:]) + " file"
	if kind, ok := videoKinds[ext]; ok {
		label = kind
	}
	return Filter{label + " (" + ext + ")", "*" + ext + ";*" + strings.ToUpper(ext)}
}

var videoKinds = map[string]string{".mp4": "MP4 video", ".mov": "QuickTime video", ".avi": "AVI video", ".mkv": "Matroska video"}
