package api

import (
	"strconv"
	"strings"
	"time"

	"memories-desktop/backend/i18n"
)

// UploadMeta is what may accompany an upload (from a file or a URL). Everything is optional.
type UploadMeta struct {
	Scope          string   // namespace (unique_id); "default" when empty
	Tags           []string // at most 20, none empty; the service adds an "api" tag itself
	TakenAt        string   // capture time, "YYYY-MM-DD HH:MM:SS"
	Camera         string   // camera model, at most 200 characters
	Latitude       *float64 // decimal degrees, -90…90; give with Longitude
	Longitude      *float64 // decimal degrees, -180…180; give with Latitude
	Prompt         string   // steers the visual transcription
	Callback       string   // http(s) URL the service POSTs status changes to, at most 299 characters
	RetainOriginal *bool    // keep the original file (needed to download it later); nil means true
}

// Limits the service documents for upload metadata (docs/API.md §5.2).
const (
	MaxTags        = 20
	maxCallbackLen = 299
	maxCameraLen   = 200
	takenAtLayout  = "2006-01-02 15:04:05"
)

// Validate reports the first problem that would make the service reject the metadata, as a
// *ValidationError, so that no upload slot (1 per minute) is wasted on it.
func (m UploadMeta) Validate() error {
	for _, check := range []func() error{m.checkTags, m.checkTakenAt, m.checkCamera, m.checkCallback,
		func() error { return checkCoordinates(m.Latitude, m.Longitude) }} {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

func (m UploadMeta) checkTags() error {
	if len(m.Tags) > MaxTags {
		return invalid("tags", "api.tagsCount", i18n.Args{"Max": MaxTags, "Count": len(m.Tags)})
	}
	for _, t := range m.Tags {
		if strings.TrimSpace(t) == "" {
			return invalid("tags", "api.tagEmpty")
		}
	}
	return nil
}

func (m UploadMeta) checkTakenAt() error {
	if m.TakenAt == "" {
		return nil
	}
	if _, err := time.Parse(takenAtLayout, m.TakenAt); err != nil {
		return invalid("takenAt", "api.takenAt")
	}
	return nil
}

func (m UploadMeta) checkCamera() error {
	if len([]rune(m.Camera)) > maxCameraLen {
		return invalid("camera", "api.maxChars", i18n.Args{"Max": maxCameraLen})
	}
	return nil
}

func (m UploadMeta) checkCallback() error {
	if m.Callback == "" {
		return nil
	}
	_, err := parseHTTPURL("callback", m.Callback, maxCallbackLen)
	return err
}

// formField is one name/value pair of an upload form, in the order it is sent.
type formField struct{ name, value string }

// fields lists the form fields for m. Both upload endpoints send exactly these, so the file
// upload (multipart) and the URL upload (urlencoded) cannot drift apart.
func (m UploadMeta) fields() []formField {
	fs := []formField{{"unique_id", ScopeOr(m.Scope)}}
	add := func(name, value string) {
		if value != "" {
			fs = append(fs, formField{name, value})
		}
	}
	add("callback", m.Callback)
	add("datetime_taken", m.TakenAt)
	add("camera_model", m.Camera)
	if m.Latitude != nil && m.Longitude != nil {
		add("latitude", strconv.FormatFloat(*m.Latitude, 'f', -1, 64))
		add("longitude", strconv.FormatFloat(*m.Longitude, 'f', -1, 64))
	}
	for _, t := range m.Tags {
		add("tags", strings.TrimSpace(t))
	}
	add("retain_original_video", strconv.FormatBool(m.RetainOriginal == nil || *m.RetainOriginal))
	add("video_transcription_prompt", m.Prompt)
	return fs
}
