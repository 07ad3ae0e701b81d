// Package transfer moves bytes between disk and the service safely: downloads land in a .part file,
// are length-checked, synced and renamed, so a final name only ever holds a complete file.
package transfer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
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

// ErrNotRegular means a partial file's name holds a symbolic link or something else that is not
// the plain file written; it is never written through, renamed or removed.
var ErrNotRegular = errors.New("not a regular file")

// ErrDiskFull means the disk ran out of space while writing; the partial file is removed so the
// space is free for the next try.
var ErrDiskFull = errors.New("the disk is full")

// SaveOptions tune WriteAtomic.
type SaveOptions struct {
	// Part is the partial file's path; default dest+PartSuffix. With Offset 0 it must not exist
	// (it is created with O_EXCL); with an Offset it must be a plain file of exactly that length.
	Part        string
	Overwrite   bool
	KeepPartial bool              // leave the .part file on failure, for a later Range resume
	Offset      int64             // continue a .part file that holds exactly this many bytes
	Progress    func(total int64) // called with the running byte count; must be cheap
	// Rehashing is told when hashing the Offset bytes already on disk starts (true) and ends, so
	// a watchdog does not take that local work for a stalled network.
	Rehashing func(bool)
	// Verified is called once the part is complete and synced, before it takes the final name:
	// the place to record its checksum, so a crash between the rename and the record is provable.
	Verified func(Saved) error
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
	part := cmp.Or(opts.Part, dest+PartSuffix)
	f, h, err := openPartReporting(part, opts.Offset, opts.Rehashing)
	if err != nil {
		return Saved{}, err
	}
	saved, info, err := fill(ctx, f, h, opts.Offset, r, size, opts.Progress)
	if err == nil && opts.Verified != nil {
		err = opts.Verified(saved)
	}
	if err == nil {
		err = commitOwn(part, info, dest, opts.Overwrite)
	}
	saved.Path = dest
	return saved, dropPart(part, info, err, opts.KeepPartial)
}

// dropPart removes our partial file after a failure unless it is kept for a resume; a full disk
// always drops it, since keeping it would make the next download fail the same way.
func dropPart(part string, info fs.FileInfo, err error, keep bool) error {
	if err == nil {
		return nil
	}
	full := isDiskFull(err)
	if info != nil && (full || !keep) {
		removeOwn(part, info)
	}
	if full {
		return fmt.Errorf("%w (no space left in %s); the partial file was removed to free the space",
			ErrDiskFull, filepath.Dir(part))
	}
	return err
}

// cannotCreate names the folder a file could not be created in, with the system's reason.
func cannotCreate(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("cannot create a file in %s: %w", filepath.Dir(path), pe.Err)
	}
	return err
}

func checkFree(dest string, overwrite bool) error {
	if overwrite {
		return nil
	}
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("%w: %s", ErrExists, dest)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// openPartReporting is openPart, telling rehashing while the bytes already there are hashed.
func openPartReporting(part string, offset int64, rehashing func(bool)) (*os.File, *asyncSHA256, error) {
	if rehashing == nil || offset == 0 {
		return openPart(part, offset)
	}
	rehashing(true)
	defer rehashing(false)
	return openPart(part, offset)
}

// openPart opens the .part file: created new (never an existing name, never through a link)
// for a fresh start, or reopened for appending after offset bytes, whose hash is computed first
// so the final checksum covers the whole file. On success the caller owns the hash and must call
// its Sum or Close.
func openPart(part string, offset int64) (*os.File, *asyncSHA256, error) {
	if offset == 0 {
		f, err := os.OpenFile(part, os.O_CREATE|os.O_EXCL|os.O_WRONLY|noFollow, 0o644)
		if err != nil {
			return nil, nil, cannotCreate(part, err)
		}
		return f, newAsyncSHA256(), nil
	}
	f, err := openOwn(part, os.O_RDWR)
	if err != nil {
		return nil, nil, err
	}
	h := newAsyncSHA256()
	n, err := io.CopyBuffer(h, f, make([]byte, 1<<20))
	if err == nil && n != offset {
		err = fmt.Errorf("%s holds %d bytes, not the %d to resume from", part, n, offset)
	}
	if err != nil {
		h.Close()
		f.Close()
		return nil, nil, err
	}
	return f, h, nil
}

// fill copies, hashes and counts after the first offset bytes, then syncs and closes f. The hash
// runs on its own goroutine, beside the network reads and disk writes rather than between them.
func fill(ctx context.Context, f *os.File, h *asyncSHA256, offset int64, r io.Reader, size int64, progress func(int64)) (Saved, fs.FileInfo, error) {
	info, err := f.Stat()
	if err != nil {
		h.Close()
		f.Close()
		return Saved{}, nil, err
	}
	file := &flushingWriter{f: f, off: offset, start: offset}
	cw := &countingWriter{w: io.MultiWriter(file, h), n: offset, progress: progress}
	_, err = io.CopyBuffer(cw, ctxReader{ctx, r}, make([]byte, 1<<20))
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
	return Saved{Bytes: cw.n, SHA256: h.Sum()}, info, err
}

// commitOwn gives the part file its final name, once sure that the name still holds the file we
// wrote (info) and not a link someone put in its place.
func commitOwn(part string, info fs.FileInfo, dest string, overwrite bool) error {
	if err := sameRegular(part, info); err != nil {
		return err
	}
	return commit(part, dest, overwrite)
}

// commit gives the part file its final name. Without overwrite a hard link makes the "does not
// exist yet" check and the naming one atomic step; filesystems without links fall back to rename.
// With overwrite, the rename replaces the old file in one step: it stays whole until then, and a
// link at dest is replaced, never written through.
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
		if err := checkFree(dest, false); err != nil {
			return err // no links here: the rename below must not replace what appeared meanwhile
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

// writebackEvery is how many bytes are written between two writeback hints.
const writebackEvery = 8 << 20

// flushingWriter writes to f and starts the disk writeback of every writebackEvery bytes as
// soon as they are written. Left alone, the kernel keeps a fast download in memory and the
// fsync at the end writes all of it while the transfer waits (over a second per GiB on the
// benchmark machine, docs/BENCHMARKS.md); this way the disk writes while the network reads,
// and the fsync only waits for what it has not caught up with. Memory use does not change: the
// pages are the kernel's either way. Only Linux has the hint (safefile_linux.go).
type flushingWriter struct {
	f          *os.File
	off, start int64 // file offset of the next write, and of the first byte not yet handed to writeback
}

func (w *flushingWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	w.off += int64(n)
	if w.off-w.start >= writebackEvery {
		startWriteback(w.f, w.start, w.off-w.start)
		w.start = w.off
	}
	return n, err
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
