package core

import (
	"strings"

	"memories-desktop/backend/formats"
	"memories-desktop/backend/preflight"
)

// UploadRules are what the Upload view tells people about the files it takes, from the same
// table and limit that pre-flight enforces, so the UI never keeps a copy of its own.
type UploadRules struct {
	Formats     []formats.Format `json:"formats"`
	Extensions  string           `json:"extensions"` // ".mp4 .mov .avi .mkv"
	MaxFileSize int64            `json:"maxFileSize"`
	MaxSizeText string           `json:"maxSizeText"` // "3 GB", as pre-flight's messages write it
}

// Rules returns the upload rules.
func Rules() UploadRules {
	return UploadRules{Formats: formats.All(), Extensions: strings.Join(formats.Extensions(), " "),
		MaxFileSize: preflight.MaxFileSize, MaxSizeText: preflight.FormatSize(preflight.MaxFileSize)}
}
