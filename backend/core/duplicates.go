package core

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"os"
	"strings"
)

// Kinds of duplicate an upload would be.
const (
	DupUploaded = "uploaded" // an upload from this app already sent the same bytes to the scope
	DupQueued   = "queued"   // the same file, or the same bytes, already wait in the queue
)

// Duplicate says what the bytes of a file to upload are known as. Fingerprint identifies the
// bytes, so the Upload list can tell two of its own files apart or flag them as one; Kind is ""
// when nothing else has them.
type Duplicate struct {
	Path        string `json:"path"`
	Fingerprint string `json:"fingerprint"`
	Kind        string `json:"kind"`
	VideoNo     string `json:"videoNo"` // DupUploaded: as which video
	At          int64  `json:"at"`      // DupUploaded: when, unix ms
	JobID       uint64 `json:"jobId"`   // DupQueued: the waiting job
}

// FindDuplicate reads the file at path and reports whether an upload from this app already sent
// the same bytes to scope (the settings' scope when empty), or an unfinished upload in the queue
// holds the same file or bytes; nil when the file cannot be read (the upload's own checks explain
// that). Reading is the cost: the disk's speed.
func (c *Service) FindDuplicate(ctx context.Context, path, scope string) (*Duplicate, error) {
	scope = cmp.Or(strings.TrimSpace(scope), c.current().Scope)
	earlier, fp, ok, err := c.engine().UploadedBefore(ctx, path, scope)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, nil // unreadable: the upload's own checks explain it
	}
	if err != nil {
		return nil, err
	}
	d := &Duplicate{Path: path, Fingerprint: fp}
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
