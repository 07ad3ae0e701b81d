package core

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/diskcache"
	"memories-desktop/backend/safefile"
	"memories-desktop/backend/subtitle"
)

// Saving what a search returned: keyframes and transcripts go through the download writer
// (a .part file created new, never through a link, renamed once complete).

// RenderTranscript renders a transcript as text, srt, vtt or json.
func RenderTranscript(t contract.Transcript, format string) ([]byte, error) {
	return subtitle.Render(t, format)
}

// TimeText formats seconds for people: m:ss, or h:mm:ss.
func TimeText(sec float64) string { return subtitle.Clock(sec) }

// keyframeCacheBytes caps the profile's folder of keyframe pictures.
const keyframeCacheBytes = 64 << 20

// KeyframeFile returns a keyframe picture on disk, fetching it only the first time: keyframes
// are billed, so they are kept under the profile's folder (keyframes/, at most 64 MiB, the least
// recently used going first).
func (c *Service) KeyframeFile(ctx context.Context, bucket, blob string) (string, error) {
	cache := diskcache.New(filepath.Join(c.profileDirOf(c.current()), "keyframes"), keyframeCacheBytes)
	key := bucket + "\x00" + blob
	if path, ok := cache.Get(key); ok {
		return path, nil
	}
	d, err := c.Keyframe(ctx, bucket, blob)
	if err != nil {
		return "", err
	}
	defer d.Body.Close()
	return cache.Put(ctx, key, d.Body, d.Size)
}

// SaveKeyframe copies a keyframe picture (see KeyframeFile) into dest; an existing dest is
// replaced only with overwrite.
func (c *Service) SaveKeyframe(ctx context.Context, bucket, blob, dest string, overwrite bool) (safefile.Saved, error) {
	path, err := c.KeyframeFile(ctx, bucket, blob)
	if err != nil {
		return safefile.Saved{}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return safefile.Saved{}, err
	}
	defer f.Close()
	return safefile.WriteAtomic(ctx, f, -1, dest, safefile.Options{Overwrite: overwrite})
}

// SaveBytes writes data to dest the way SaveKeyframe writes a picture.
func SaveBytes(ctx context.Context, data []byte, dest string, overwrite bool) (safefile.Saved, error) {
	return safefile.WriteAtomic(ctx, bytes.NewReader(data), int64(len(data)), dest, safefile.Options{Overwrite: overwrite})
}

// CheckBlob refuses a keyframe location that could not be sent.
func CheckBlob(bucket, blob string) error { return api.CheckBlob(bucket, blob) }

// KeyframeFileName names a moment's keyframe on disk: VIDEO_NO-SECONDS with the blob's picture
// extension, sanitised (the blob comes from the service).
func KeyframeFileName(videoNo string, start float64, blob string) string {
	ext := strings.ToLower(path.Ext(blob))
	if _, ok := api.ImageType(ext); !ok {
		ext = ".jpg"
	}
	return api.SanitizeFilename(fmt.Sprintf("%s-%06d%s", videoNo, int64(max(start, 0)), ext), "keyframe"+ext)
}
