package preflight

import (
	"strings"
	"time"
	"unicode/utf8"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/media"
)

// maxCamera is the service's limit for camera_model.
const maxCamera = 200

// fileMetaOf converts capture details; nil when the file recorded none.
func fileMetaOf(c media.Capture) *contract.FileMeta {
	fm := contract.FileMeta{Camera: cameraName(c.Make, c.Model), Latitude: c.Latitude, Longitude: c.Longitude}
	if c.TakenAt != nil {
		fm.TakenAt = wallClock(*c.TakenAt).Format(time.DateTime)
	}
	if fm == (contract.FileMeta{}) {
		return nil
	}
	return &fm
}

// wallClock keeps a time recorded with the shot's own offset as it is, and shows a UTC one
// (the movie header's) in this computer's time zone, as a camera's clock would have read.
func wallClock(t time.Time) time.Time {
	if t.Location() == time.UTC {
		return t.In(time.Local)
	}
	return t
}

// cameraName joins make and model ("Apple iPhone 15 Pro") unless the model already names the make.
func cameraName(make, model string) string {
	name := strings.TrimSpace(make + " " + model)
	if make != "" && strings.HasPrefix(strings.ToLower(model), strings.ToLower(make)) {
		name = model
	}
	for len(name) > maxCamera {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	return name
}
