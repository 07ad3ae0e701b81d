package transfer

import (
	"context"
	"encoding/hex"
	"errors"
	"io"
	"os"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
)

// runUpload sends a local file. A job that may already have reached the server (a retry, or one
// resumed after a crash) is first looked up by its marker tag, so it is never uploaded twice.
func runUpload(ctx context.Context, e *Engine, j contract.Job, m *meter) (contract.JobResult, error) {
	var spec UploadSpec
	if err := decodeParams(j, &spec); err != nil {
		return contract.JobResult{}, err
	}
	client, err := e.client()
	if err != nil {
		return contract.JobResult{}, err
	}
	m.SetTotal(spec.Size)
	if found, res, err := e.reconcile(ctx, client, j, m); err != nil || found {
		return res, err
	}
	return e.sendFile(ctx, client, j, spec, m)
}

func (e *Engine) sendFile(ctx context.Context, client *api.Client, j contract.Job, spec UploadSpec, m *meter) (contract.JobResult, error) {
	f, err := os.Open(spec.Path)
	if err != nil {
		return contract.JobResult{}, err
	}
	defer f.Close()
	before, err := unchangedSinceQueued(f, spec)
	if err != nil {
		return contract.JobResult{}, err
	}
	// The duplicate index's fingerprint is taken from the bytes as they are sent: one read.
	h := NewFingerprint()
	var res api.UploadResult
	slot := func() { e.sending(j.ID, e.o.Clock.Now().UnixMilli(), 0) }
	err = e.call(ctx, m, slot, func(ctx context.Context) (err error) {
		body := &lastBytes{r: io.TeeReader(f, h), left: spec.Size, before: func() { e.sentAll(j.ID) }}
		res, err = client.UploadFile(ctx, api.UploadFileRequest{Name: spec.Path, Size: spec.Size,
			Body: body, Meta: withMarker(spec.Meta, j.Marker), Progress: m.Set})
		return err
	})
	if err != nil {
		return contract.JobResult{}, e.unsent(j.ID, err)
	}
	sent := hex.EncodeToString(h.Sum(nil))
	if err := unchangedWhileSent(ctx, f, before, sent); err != nil {
		return contract.JobResult{}, e.discardTorn(ctx, client, j, res.VideoNo, err)
	}
	return e.uploaded(j, res, spec.Size, sent)
}

// unsent clears the in-flight mark when the service answered (whatever it answered, the
// request is over on its side, and a reconcile lists what it did) or nothing was sent, so a
// retry does not wait for it. It returns err.
func (e *Engine) unsent(id uint64, err error) error {
	var answer *api.Error
	if (errors.As(err, &answer) && !errors.Is(err, api.ErrNetwork)) || errors.Is(err, api.ErrInvalidInput) {
		e.sending(id, 0, 0)
	}
	return err
}

// sending records, before an upload request goes out, when it started and when all of it was
// handed over (unix ms; 0 when not yet, or when its outcome is known): a later reconcile
// waits as long as that request could still arrive.
func (e *Engine) sending(id uint64, started, sent int64) {
	e.db.UpdateJob(id, func(j *contract.Job) error {
		j.AttemptStarted, j.AttemptSent = started, sent
		return nil
	})
}

// sentAll records that the last bytes of the file are about to be handed over.
func (e *Engine) sentAll(id uint64) {
	now := e.o.Clock.Now().UnixMilli()
	e.db.UpdateJob(id, func(j *contract.Job) error { j.AttemptSent = now; return nil })
}

// lastBytes calls before once, just ahead of returning the final bytes of the file to the
// request: until then the service cannot have the whole upload, so a crash leaves nothing of
// it in flight.
type lastBytes struct {
	r      io.Reader
	left   int64
	before func()
}

func (l *lastBytes) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if l.before != nil && (int64(n) >= l.left || err != nil) {
		l.before()
		l.before = nil
	}
	l.left -= int64(n)
	return n, err
}

func withMarker(meta api.UploadMeta, marker string) api.UploadMeta {
	if marker != "" {
		meta.Tags = append(append([]string(nil), meta.Tags...), marker)
	}
	return meta
}

// uploaded records the receipt in the library cache and, when the file's fingerprint (hex
// XXH3-128) is known, the duplicate index.
func (e *Engine) uploaded(j contract.Job, res api.UploadResult, size int64, fingerprint string) (contract.JobResult, error) {
	result := contract.JobResult{VideoNos: []string{res.VideoNo}, Bytes: size, Status: res.Status, Fingerprint: fingerprint}
	if fingerprint != "" {
		e.db.PutHash(fingerprint, j.Scope, res.VideoNo, res.UploadTime)
	}
	e.db.PutVideos([]contract.CachedVideo{{VideoNo: res.VideoNo, Name: res.VideoName, Title: j.Name, Scope: j.Scope, Status: res.Status,
		Size: size, Tags: j.Tags, Created: res.UploadTime, SourceJob: j.ID}})
	return result, nil
}
