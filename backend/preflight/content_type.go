package preflight

import (
	"path/filepath"
	"strings"
)

// videoTypes are the extensions the upload endpoint accepts and the part Content-Type each must
// carry: the endpoint rejects parts that are not labelled video/*.
var videoTypes = []struct{ ext, mime string }{
	{".mp4", "video/mp4"},
	{".mov", "video/quicktime"},
	{".avi", "video/x-msvideo"},
	{".mkv", "video/x-matroska"},
}

// VideoExtensions lists the accepted file extensions (lower case, with the dot), for file
// dialog filters and messages.
var VideoExtensions = func() []string {
	exts := make([]string, len(videoTypes))
	for i, t := range videoTypes {
		exts[i] = t.ext
	}
	return exts
}()

// ContentType returns the video/* type to label an upload of the named file with, judged by
// its extension regardless of case; ok is false for extensions the service does not accept.
func ContentType(name string) (string, bool) {
	ext := strings.ToLower(filepath.Ext(name))
	for _, t := range videoTypes {
		if t.ext == ext {
			return t.mime, true
		}
	}
	return "", false
}
