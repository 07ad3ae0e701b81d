package core

import (
	"context"
	"strings"

	"memories-desktop/backend/transfer"
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
func (c *Core) FindDuplicate(ctx context.Context, path, scope string) (*Duplicate, error) {
	fp, err := transfer.FingerprintFile(ctx, path)
	if err != nil {
		return nil, ctx.Err()
	}
	scope = firstNonEmpty(strings.TrimSpace(scope), c.Settings.Get().Scope)
	no, at, ok, err := c.DB.LookupHash(fp, scope)
	if err != nil || !ok {
		return nil, err
	}
	return &Duplicate{Path: path, VideoNo: no, At: at}, nil
}
