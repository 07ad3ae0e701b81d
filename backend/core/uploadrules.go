package core

import (
	"strings"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/formats"
	"memories-desktop/backend/preflight"
)

// Rules returns the upload rules.
func Rules() contract.UploadRules {
	return contract.UploadRules{Formats: formats.All(), Extensions: strings.Join(formats.Extensions(), " "),
		MaxFileSize: preflight.MaxFileSize, MaxSizeText: preflight.FormatSize(preflight.MaxFileSize)}
}
