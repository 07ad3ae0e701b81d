// Package formats is the one table of video formats the upload endpoint accepts. The client
// labels upload parts from it, pre-flight accepts files by it, the file dialogs filter by it and
// the UI names it, so a format added here is accepted everywhere at once. It imports nothing of
// the app, so api and preflight can both use it.
package formats

import (
	"path/filepath"
	"strings"
)

// Format is one accepted video format.
type Format struct {
	Ext  string `json:"ext"`  // lower case, with the dot: ".mp4"
	MIME string `json:"mime"` // the part Content-Type the endpoint requires (it rejects non-video/*)
	Name string `json:"name"` // for people: "QuickTime video"
}

// table lists the formats in the order people are told them (docs/API.md §5.1).
var table = []Format{
	{".mp4", "video/mp4", "MP4 video"},
	{".mov", "video/quicktime", "QuickTime video"},
	{".avi", "video/x-msvideo", "AVI video"},
	{".mkv", "video/x-matroska", "Matroska video"},
}

// All returns the accepted formats; the copy is the caller's.
func All() []Format { return append([]Format(nil), table...) }

// Extensions returns the accepted extensions, lower case with the dot.
func Extensions() []string {
	exts := make([]string, len(table))
	for i, f := range table {
		exts[i] = f.Ext
	}
	return exts
}

// ForName returns the format of a file name (or path), judged by its extension in any case.
func ForName(name string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(name))
	for _, f := range table {
		if f.Ext == ext {
			return f, true
		}
	}
	return Format{}, false
}

// ContentType returns the part Content-Type for a file name; ok is false for a name whose
// extension the endpoint refuses.
func ContentType(name string) (mime string, ok bool) {
	f, ok := ForName(name)
	return f.MIME, ok
}

// List writes the extensions for a sentence, joining the last with conj: ".mp4, .mov, .avi or
// .mkv".
func List(conj string) string {
	exts := Extensions()
	n := len(exts)
	if n == 1 {
		return exts[0]
	}
	return strings.Join(exts[:n-1], ", ") + " " + conj + " " + exts[n-1]
}
