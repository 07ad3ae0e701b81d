package core

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"memories-desktop/backend/contract"
	"os"
	"strings"
)

// Kinds of duplicate an upload would be.
const (
	DupUploaded = "uploaded" // an upload from this app already sent the same bytes to the scope
	DupQueued   = "queued"   // the same file, or the same bytes, already wait in the queue
)

// FindDuplicate reads the file at path and reports whether an upload from this app already sent
// the same bytes to scope (the settings' scope when empty), or an unfinished upload in the queue
// holds the same file or bytes; nil when the file cannot be read (the upload's own checks explain
// that). Reading is the cost: the disk's speed.
func (c *Service) FindDuplicate(ctx context.Context, path, scope string) (*contract.Duplicate, error) {
	scope = cmp.Or(strings.TrimSpace(scope), c.current().Scope)
	earlier, fp, ok, err := c.engine().UploadedBefore(ctx, path, scope)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, nil // unreadable: the upload's own checks explain it
	}
	if err != nil {
		return nil, err
	}
	d := &contract.Duplicate{Path: path, Fingerprint: fp}
	if ok {
		d.Kind, d.VideoNo, d.At = DupUploaded, earlier.VideoNo, earlier.At
		return d, nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return d, nil
	}
	if id, queued, err := c.engine().WaitingUpload(ctx, path, fp, info.Size(), scope); err != nil {
		return nil, err
	} else if queued {
		d.Kind, d.JobID = DupQueued, id
	}
	return d, nil
}
