package transfer

import (
	"context"
	"encoding/hex"
	"hash"
	"io"
	"os"

	"github.com/zeebo/xxh3"
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
	if _, err := io.CopyBuffer(h, ctxReader{ctx, f}, make([]byte, 1<<20)); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
