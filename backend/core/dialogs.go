package core

// Filter limits a file dialog to some files. Patterns contain no spaces: "*.mp4;*.mov".
type Filter struct {
	Name    string
	Pattern string
}

// File filters the app's dialogs use.
var (
	VideoFilter   = Filter{"Videos (mp4, mov, avi, mkv)", "*.mp4;*.mov;*.avi;*.mkv;*.MP4;*.MOV;*.AVI;*.MKV"}
	LinksFilter   = Filter{"Link lists (txt, csv)", "*.txt;*.csv"}
	VideoOut      = Filter{"MP4 video", "*.mp4"}
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
