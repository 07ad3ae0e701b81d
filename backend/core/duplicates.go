package core

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"strings"
)

// Duplicate says a file's exact bytes were uploaded to a scope before.
type Duplicate struct {
	Path    string `json:"path"`
	VideoNo string `json:"videoNo"`
	At      int64  `json:"at"` // when, unix ms
}

// FindDuplicate reads the file at path and reports whether an upload from this app already sent
// the same bytes to scope (the settings' scope when empty); nil when not, or when the file cannot
// be read (the upload's own checks explain that). Reading is the cost: the disk's speed.
func (c *Service) FindDuplicate(ctx context.Context, path, scope string) (*Duplicate, error) {
	scope = cmp.Or(strings.TrimSpace(scope), c.Settings.Get().Scope)
	earlier, ok, err := c.Engine().UploadedBefore(ctx, path, scope)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, nil // unreadable: the upload's own checks explain it
	}
	if err != nil || !ok {
		return nil, err
	}
	return &Duplicate{Path: path, VideoNo: earlier.VideoNo, At: earlier.At}, nil
}
