package core

import (
	"bytes"
	"context"

	"memories-desktop/backend/api"
	"memories-desktop/backend/safefile"
	"memories-desktop/backend/subtitle"
)

// Saving what a search returned: keyframes and transcripts go through the download writer
// (a .part file created new, never through a link, renamed once complete).

// Saved is a written file.
type Saved = safefile.Saved

// SubtitleFormats are the formats RenderTranscript knows.
var SubtitleFormats = subtitle.Formats

// RenderTranscript renders a transcript as text, srt, vtt or json.
func RenderTranscript(t Transcript, format string) ([]byte, error) { return subtitle.Render(t, format) }

// TimeText formats seconds for people: m:ss, or h:mm:ss.
func TimeText(sec float64) string { return subtitle.Clock(sec) }

// SaveKeyframe downloads a keyframe picture into dest; an existing dest is replaced only with
// overwrite.
func (c *Service) SaveKeyframe(ctx context.Context, bucket, blob, dest string, overwrite bool) (Saved, error) {
	d, err := c.Keyframe(ctx, bucket, blob)
	if err != nil {
		return Saved{}, err
	}
	defer d.Body.Close()
	return safefile.WriteAtomic(ctx, d.Body, d.Size, dest, safefile.Options{Overwrite: overwrite})
}

// SaveBytes writes data to dest the way SaveKeyframe writes a picture.
func SaveBytes(ctx context.Context, data []byte, dest string, overwrite bool) (Saved, error) {
	return safefile.WriteAtomic(ctx, bytes.NewReader(data), int64(len(data)), dest, safefile.Options{Overwrite: overwrite})
}

// CheckBlob refuses a keyframe location that could not be sent.
func CheckBlob(bucket, blob string) error { return api.CheckBlob(bucket, blob) }
