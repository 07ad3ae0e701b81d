// Package transfer moves bytes between disk and the service safely: downloads land in a .part file,
// are length-checked, synced and renamed, so a final name only ever holds a complete file.
package transfer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// PartSuffix marks a download in progress.
const PartSuffix = ".part"

// ErrExists means the destination already holds a file and overwriting was not asked for.
var ErrExists = errors.New("destination already exists")

// ErrTruncated means the stream ended before the announced length.
var ErrTruncated = errors.New("download ended early")

// SaveOptions tune WriteAtomic.
type SaveOptions struct {
	Overwrite   bool
	KeepPartial bool              // leave the .part file on failure, for a later Range resume
	Offset      int64             // continue a .part file that holds exactly this many bytes
	Progress    func(total int64) // called with the running byte count; must be cheap
}

// Saved describes a completed download.
type Saved struct {
	Path   string `json:"path"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// WriteAtomic streams r into dest. size is the file's full length (-1 when unknown). The data goes
// to dest+".part", is synced, and only then takes the final name; on any failure no file exists
// under dest. With Offset, r continues a .part file of exactly that length.
func WriteAtomic(ctx context.Context, r io.Reader, size int64, dest string, opts SaveOptions) (Saved, error) {
	if err := checkFree(dest, opts.Overwrite); err != nil {
		return Saved{}, err
	}
	part := dest + PartSuffix
	f, h, err := openPart(part, opts.Offset)
	if err != nil {
		return Saved{}, err
	}
	saved, err := fill(ctx, f, h, opts.Offset, r, size, opts.Progress)
	if err == nil {
		err = commit(part, dest, opts.Overwrite)
	}
	if err != nil && !opts.KeepPartial {
		os.Remove(part)
	}
	saved.Path = dest
	return saved, err
}

func checkFree(dest string, overwrite bool) error {
	if overwrite {
		return nil
	}
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("%w: %s (use --overwrite to replace it)", ErrExists, dest)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// openPart opens the .part file: truncated for a fresh start, or for appending after offset
// bytes, whose hash is computed first so the final checksum covers the whole file.
func openPart(part string, offset int64) (*os.File, hash.Hash, error) {
	h := sha256.New()
	if offset == 0 {
		f, err := os.OpenFile(part, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
		return f, h, err
	}
	f, err := os.OpenFile(part, os.O_RDWR, 0o644)
	if err != nil {
		return nil, nil, err
	}
	n, err := io.CopyBuffer(h, f, make([]byte, 1<<20))
	if err == nil && n != offset {
		err = fmt.Errorf("%s holds %d bytes, not the %d to resume from", part, n, offset)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, h, nil
}

// fill copies, hashes and counts after the first offset bytes, then syncs and closes f.
func fill(ctx context.Context, f *os.File, h hash.Hash, offset int64, r io.Reader, size int64, progress func(int64)) (Saved, error) {
	cw := &countingWriter{w: io.MultiWriter(f, h), n: offset, progress: progress}
	_, err := io.CopyBuffer(cw, ctxReader{ctx, r}, make([]byte, 1<<20))
	if err == nil && size >= 0 && cw.n != size {
		err = fmt.Errorf("%w: got %d of %d bytes", ErrTruncated, cw.n, size)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = fmt.Errorf("%w: got %d of %d bytes: %v", ErrTruncated, cw.n, size, err)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return Saved{Bytes: cw.n, SHA256: hex.EncodeToString(h.Sum(nil))}, err
}

// commit gives the part file its final name. Without overwrite a hard link makes the "does not
// exist yet" check and the naming one atomic step; filesystems without links fall back to rename.
func commit(part, dest string, overwrite bool) error {
	if !overwrite {
		err := os.Link(part, dest)
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%w: %s", ErrExists, dest)
		}
		if err == nil {
			os.Remove(part)
			return syncDir(filepath.Dir(dest))
		}
	}
	if err := os.Rename(part, dest); err != nil {
		return err
	}
	return syncDir(filepath.Dir(dest))
}

// syncDir makes the rename durable; not every OS can sync a directory, so failure is ignored.
func syncDir(dir string) error {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

type countingWriter struct {
	w        io.Writer
	n        int64
	progress func(int64)
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if c.progress != nil {
		c.progress(c.n)
	}
	return n, err
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
