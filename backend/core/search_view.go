package core

import (
	"context"
	"fmt"
	"memories-desktop/backend/i18n"
	"path/filepath"
	"strings"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
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

// Find runs q in its mode; an unknown mode is refused before anything is sent.
func (c *Service) Find(ctx context.Context, q contract.SearchQuery) (contract.SearchAnswer, error) {
	switch q.Mode {
	case ModeSeen, ModeSaid, "":
		kind := api.SearchVisual
		if q.Mode == ModeSaid {
			kind = api.SearchAudio
		}
		return c.Search(ctx, contract.SearchRequest{Query: q.Text, Type: kind, Scope: q.Scope, Level: q.Level,
			Tag: strings.TrimSpace(q.Tag), Camera: strings.TrimSpace(q.Camera), Taken: strings.TrimSpace(q.Taken),
			Latitude: q.Latitude, Longitude: q.Longitude}, q.Fresh)
	case ModeExact:
		return c.SearchPhrase(ctx, contract.PhraseRequest{Query: q.Text, Scope: q.Scope, Page: q.Page}, q.Fresh)
	case ModePicture:
		return c.SearchImage(ctx, contract.ImageRequest{Path: q.Image, Scope: q.Scope}, q.Fresh)
	}
	return contract.SearchAnswer{}, &api.ValidationError{Field: "mode", Message: i18n.T("search.unknownMode", i18n.Args{"Mode": fmt.Sprintf("%q", q.Mode)})}
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
	if err := checkTextFormat(format); err != nil {
		return "", err
	}
	t, _, err := c.VideoTranscript(ctx, videoNo, captions, false)
	if err != nil {
		return "", err
	}
	if t == nil {
		return "", &api.ValidationError{Field: "video", Message: i18n.T("search.noTranscript")}
	}
	return c.exportText(ctx, *t, videoNo, name, format, i18n.T("dialog.exportTranscript"))
}

// ExportChaptersAs saves a video's chapters (kept, see VideoSummary) as ExportTranscriptAs does
// a transcript: each chapter a cue "Title: description" from its start to its end, or when the
// service gave none to the next chapter's start (the last one: to the video's end, when the
// Library knows its duration).
func (c *Service) ExportChaptersAs(ctx context.Context, videoNo, name, format string) (string, error) {
	if err := checkTextFormat(format); err != nil {
		return "", err
	}
	s, _, err := c.VideoSummary(ctx, videoNo, false, false)
	if err != nil {
		return "", err
	}
	if s == nil || len(s.Items) == 0 {
		return "", &api.ValidationError{Field: "video", Message: i18n.T("search.noChapters")}
	}
	var duration float64
	if db := c.activeDB(); db != nil {
		if v, err := db.Video(c.current().Scope, videoNo); err == nil {
			duration = v.Duration
		}
	}
	return c.exportText(ctx, ChapterCues(videoNo, *s, duration), videoNo, name, format, i18n.T("dialog.exportChapters"))
}

// ChapterCues turns chapters into timed cues; duration (0: unknown) ends the last one.
func ChapterCues(videoNo string, s contract.Summary, duration float64) contract.Transcript {
	t := contract.Transcript{VideoNo: videoNo, Segments: make([]contract.Segment, len(s.Items))}
	for i, ch := range s.Items {
		end := ch.End
		switch {
		case end > ch.Start:
		case i+1 < len(s.Items):
			end = s.Items[i+1].Start
		default:
			end = duration
		}
		text := ch.Title
		if ch.Description != "" {
			text = strings.TrimPrefix(text+": "+ch.Description, ": ")
		}
		t.Segments[i] = contract.Segment{Index: i, Start: ch.Start, End: max(end, ch.Start), Text: text}
	}
	return t
}

var textExt = map[string]string{"srt": ".srt", "vtt": ".vtt", "text": ".txt"}

func checkTextFormat(format string) error {
	if textExt[format] == "" {
		return &api.ValidationError{Field: "format", Message: i18n.T("search.textFormat")}
	}
	return nil
}

// exportText renders t as format, asks where to save it (title: the dialog's) and writes it.
func (c *Service) exportText(ctx context.Context, t contract.Transcript, videoNo, name, format, title string) (string, error) {
	data, err := RenderTranscript(t, format)
	if err != nil {
		return "", err
	}
	ext := textExt[format]
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	suggested := api.SanitizeFilename(cmpOr(base, videoNo)+ext, videoNo+ext)
	path, err := c.dialogs.SaveFile(title, c.PickerDir(PickerExport), suggested, FilterFor(suggested))
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
