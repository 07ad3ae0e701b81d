package transfer

import (
	"context"
	"encoding/hex"
	"io"
	"os"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
)

// An upload reads the file while someone may be writing it. What was sent is only a consistent
// copy if the file's size and modification time are the same before and after, and either its
// status-change time (ctime) is too, or its bytes, read again at the end, hash to what was sent.
// A writer can put the modification time back, but not the ctime: every write and every change
// of the time stamps sets it to the kernel's clock. That proof only holds when the file had
// settled before the upload began: the ctime ticks in coarse steps, so a write in the same step
// as the one before it could leave it unchanged (the "racy" case git knows from its index). A
// file changed less than settleTime before the upload is therefore read again; on systems that
// do not report a ctime, every file is. Reading 1 GiB again costs about 0.25 s of wall and CPU
// time, a quarter of the upload itself on a fast link (docs/BENCHMARKS.md).
const settleTime = 2 * time.Second

// fileState is what an upload compares before and after sending.
type fileState struct {
	size    int64
	modTime time.Time
	changed time.Time // ctime; zero where the system does not report it
	seen    time.Time // when this state was read
}

func statOf(f *os.File) (fileState, error) {
	info, err := f.Stat()
	if err != nil {
		return fileState{}, err
	}
	return fileState{info.Size(), info.ModTime(), changeTime(info), time.Now()}, nil
}

// same reports whether nothing about the file changed between s and later.
func (s fileState) same(later fileState) bool {
	return s.size == later.size && s.modTime.Equal(later.modTime) && s.changed.Equal(later.changed)
}

// settled reports whether the ctime can vouch for the file: known, and older than settleTime.
func (s fileState) settled() bool {
	return !s.changed.IsZero() && s.changed.Before(s.seen.Add(-settleTime))
}

// unchangedSinceQueued checks the open file against what preflight saw when it was queued.
func unchangedSinceQueued(f *os.File, spec UploadSpec) (fileState, error) {
	now, err := statOf(f)
	if err != nil {
		return now, err
	}
	if now.size != spec.Size || (spec.ModTime != 0 && now.modTime.UnixNano() != spec.ModTime) {
		return now, &api.ValidationError{Field: "file",
			Message: i18n.T("upload.changedSinceQueued", i18n.Args{"File": f.Name(),
				"Size": i18n.Default().Size(now.size), "Was": i18n.Default().Size(spec.Size)})}
	}
	return now, nil
}

// unchangedWhileSent compares the file after the upload with before and, unless its ctime
// vouches for it, hashes it again.
func unchangedWhileSent(ctx context.Context, f *os.File, before fileState, sent string) error {
	after, err := statOf(f)
	if err == nil && !before.same(after) {
		return errChangedWhileSent(f.Name())
	}
	if err == nil && before.settled() {
		return nil
	}
	h := NewFingerprint()
	r := io.NewSectionReader(f, 0, before.size)
	if _, err := readInto(ctx, h, r); err != nil {
		return err
	}
	if hex.EncodeToString(h.Sum(nil)) != sent {
		return errChangedWhileSent(f.Name())
	}
	return nil
}

func errChangedWhileSent(name string) error {
	return &api.ValidationError{Field: "file",
		Message: i18n.T("upload.changedWhileSent", i18n.Args{"File": name})}
}

// discardTorn keeps a torn upload from ever counting as done: the job gets a new marker, so a
// retry cannot reconcile to the torn copy, and the copy itself is deleted from the library.
// A cause that is not a change (the file could not be read again) is returned as it is.
func (e *Engine) discardTorn(ctx context.Context, client *api.Client, j contract.Job, videoNo string, cause error) error {
	if _, err := e.db.UpdateJob(j.ID, func(j *contract.Job) error {
		j.Marker, j.AttemptStarted, j.AttemptSent = newMarker(), 0, 0
		return nil
	}); err != nil {
		return err
	}
	err := client.DeleteVideos(ctx, j.Scope, []string{videoNo})
	ve, ok := cause.(*api.ValidationError)
	if !ok {
		return cause
	}
	msg := i18n.T("upload.tornDeleted", i18n.Args{"Reason": ve.Message, "VideoNo": videoNo})
	if err != nil {
		msg = i18n.T("upload.tornKept", i18n.Args{"Reason": ve.Message, "VideoNo": videoNo})
	}
	return &api.ValidationError{Field: ve.Field, Message: msg}
}
