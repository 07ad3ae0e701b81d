package core

import (
	"context"
	"fmt"
	"memories-desktop/backend/i18n"
	"path/filepath"
	"strings"

	"memories-desktop/backend/api"
)

// What the app's Search view and the Library's reading tabs ask of the engine: one question in
// the view's terms, keyframes as URLs the webview can show, and the dialogs around them.

// Search modes: the view's switch.
const (
	ModeSeen    = "seen"    // what is seen (BY_CLIP)
	ModeSaid    = "said"    // what is said (BY_AUDIO)
	ModeExact   = "exact"   // the exact words, in transcripts
	ModePicture = "picture" // moments that look like a picture
)

// SearchQuery is a search as the app asks it. Filters apply to the seen and said modes; Page to
// exact words.
type SearchQuery struct {
	Mode      string   `json:"mode"`
	Text      string   `json:"text"`
	Image     string   `json:"image"` // the picture's path, for ModePicture
	Scope     string   `json:"scope"` // "": the current one
	Level     string   `json:"level"` // "", low, medium or high
	Tag       string   `json:"tag"`
	Camera    string   `json:"camera"`
	Taken     string   `json:"taken"` // YYYY-MM-DD HH:MM:SS
	Latitude  *float64 `json:"latitude,omitempty"`
	Longitude *float64 `json:"longitude,omitempty"`
	Page      int      `json:"page"`
	Fresh     bool     `json:"fresh"` // ask the service even when an answer is kept
}

// Find runs q in its mode; an unknown mode is refused before anything is sent.
func (c *Service) Find(ctx context.Context, q SearchQuery) (SearchAnswer, error) {
	switch q.Mode {
	case ModeSeen, ModeSaid, "":
		kind := api.SearchVisual
		if q.Mode == ModeSaid {
			kind = api.SearchAudio
		}
		return c.Search(ctx, SearchRequest{Query: q.Text, Type: kind, Scope: q.Scope, Level: q.Level,
			Tag: strings.TrimSpace(q.Tag), Camera: strings.TrimSpace(q.Camera), Taken: strings.TrimSpace(q.Taken),
			Latitude: q.Latitude, Longitude: q.Longitude}, q.Fresh)
	case ModeExact:
		return c.SearchPhrase(ctx, PhraseRequest{Query: q.Text, Scope: q.Scope, Page: q.Page}, q.Fresh)
	case ModePicture:
		return c.SearchImage(ctx, ImageRequest{Path: q.Image, Scope: q.Scope}, q.Fresh)
	}
	return SearchAnswer{}, &api.ValidationError{Field: "mode", Message: fmt.Sprintf("unknown search mode %q", q.Mode)}
}

// KeyframeURL returns the URL the webview shows a keyframe from (fetched once, see KeyframeFile).
func (c *Service) KeyframeURL(ctx context.Context, bucket, blob string) (string, error) {
	if err := CheckBlob(bucket, blob); err != nil {
		return "", err
	}
	path, err := c.KeyframeFile(ctx, bucket, blob)
	if err != nil {
		return "", err
	}
	return c.previewOf(path), nil
}

// PictureFilter is the open dialog's filter for a search by picture.
func PictureFilter() Filter {
	return Filter{i18n.T("dialog.filter.pictures", i18n.Args{"Extensions": "jpg, png, gif, bmp, webp"}),
		"*.jpg;*.jpeg;*.png;*.gif;*.bmp;*.webp;*.JPG;*.JPEG;*.PNG"}
}

// PickerPicture remembers where the last search picture came from.
const PickerPicture = "picture"

// ChoosePicture asks for a picture to search by; "" when cancelled.
func (c *Service) ChoosePicture() (string, error) {
	paths, err := c.dialogs.ChooseFiles(i18n.T("dialog.searchByPicture"), c.PickerDir(PickerPicture), PictureFilter())
	if err != nil || len(paths) == 0 {
		return "", err
	}
	c.RememberPicker(PickerPicture, paths[0])
	return paths[0], nil
}

// ExportTranscriptAs renders a video's transcript (kept, see VideoTranscript) as format (srt,
// vtt or text), asks where to save it and writes it; "" when the dialog was cancelled. The save
// dialog asked before replacing a file, so an existing one is replaced.
func (c *Service) ExportTranscriptAs(ctx context.Context, videoNo, name, format string, captions bool) (string, error) {
	ext := map[string]string{"srt": ".srt", "vtt": ".vtt", "text": ".txt"}[format]
	if ext == "" {
		return "", &api.ValidationError{Field: "format", Message: "must be srt, vtt or text"}
	}
	t, _, err := c.VideoTranscript(ctx, videoNo, captions, false)
	if err != nil {
		return "", err
	}
	if t == nil {
		return "", &api.ValidationError{Field: "video", Message: "this video has no transcript yet"}
	}
	data, err := RenderTranscript(*t, format)
	if err != nil {
		return "", err
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	suggested := api.SanitizeFilename(cmpOr(base, videoNo)+ext, videoNo+ext)
	path, err := c.dialogs.SaveFile(i18n.T("dialog.exportTranscript"), c.PickerDir(PickerExport), suggested, FilterFor(suggested))
	if err != nil || path == "" {
		return "", err
	}
	c.RememberPicker(PickerExport, path)
	_, err = SaveBytes(ctx, data, path, true)
	return path, err
}

func cmpOr(a, b string) string {
	if a != "" && a != "." {
		return a
	}
	return b
}
