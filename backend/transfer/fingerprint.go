package transfer

import (
	"context"
	"encoding/hex"
	"hash"
	"io"
	"os"

	"github.com/zeebo/xxh3"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract/jobkind"
)

// NewFingerprint returns the hash the duplicate index keys on. XXH3-128 runs at over 10 GB/s
// where SHA-256 manages 1: it only has to tell the user's own files apart, not resist forgery,
// and a second of CPU per GiB held uploads back on small machines (docs/BENCHMARKS.md).
func NewFingerprint() hash.Hash { return xxh3.New128() }

// FingerprintFile returns the hex fingerprint of the file at path, as an upload of it records.
// ctx stops it between reads, so a long check can be abandoned.
func FingerprintFile(ctx context.Context, path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := NewFingerprint()
	if _, err := readInto(ctx, h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// readInto copies r into w (a hash) through one 1 MiB buffer, stopping between reads once ctx
// is done. ctxReader has no WriteTo, so the copy uses that buffer, not a file's own 32 KiB one.
func readInto(ctx context.Context, w io.Writer, r io.Reader) (int64, error) {
	return io.CopyBuffer(w, ctxReader{ctx, r}, make([]byte, 1<<20))
}

// Earlier is an upload of the same bytes that this data folder recorded.
type Earlier struct {
	VideoNo string
	At      int64 // unix ms
}

// UploadedBefore reads the file at path and reports the earlier upload of the same bytes to
// scope, if the duplicate index has one, with the file's fingerprint. Reading the file is the
// cost: the disk's speed.
func (e *Engine) UploadedBefore(ctx context.Context, path, scope string) (Earlier, string, bool, error) {
	fp, err := FingerprintFile(ctx, path)
	if err != nil {
		return Earlier{}, "", false, err
	}
	no, at, ok, err := e.db.LookupHash(fp, api.ScopeOr(scope))
	return Earlier{VideoNo: no, At: at}, fp, ok, err
}

// WaitingUpload reports an upload job not finished yet (queued, running, paused or interrupted)
// of the file at path, or of another file of the same size whose bytes have fingerprint fp, to
// scope: adding the file again would send it twice. Only files of the same size are read.
func (e *Engine) WaitingUpload(ctx context.Context, path, fp string, size int64, scope string) (uint64, bool, error) {
	jobs, err := e.db.ActiveJobs()
	if err != nil {
		return 0, false, err
	}
	for _, j := range jobs {
		var spec UploadSpec
		if j.Kind != jobkind.UploadFile || api.ScopeOr(j.Scope) != api.ScopeOr(scope) || decodeParams(j, &spec) != nil || spec.Size != size {
			continue
		}
		if spec.Path == path {
			return j.ID, true, nil
		}
		if other, err := FingerprintFile(ctx, spec.Path); err == nil && other == fp {
			return j.ID, true, nil
		}
	}
	return 0, false, ctx.Err()
}

// ctxReader stops a copy promptly when ctx is cancelled, even if the source would block less often.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
