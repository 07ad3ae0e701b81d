// Package safefile writes files so that a final name only ever holds a complete file: data lands
// in a partial file created new (never through a link), is length-checked, synced and only then
// renamed, after checking that the partial name still holds the file written. Downloads use
// WriteAtomic; small files (settings, exports, the sandbox's state) use WriteFile.
package safefile

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

// Options tune WriteAtomic.
type Options struct {
	// Part is the partial file's path; default dest+PartSuffix. With Offset 0 it must not exist
	// (it is created with O_EXCL); with an Offset it must be a plain file of exactly that length.
	Part        string
	Overwrite   bool
	KeepPartial bool              // leave the .part file on failure, for a later Range resume
	Offset      int64             // continue a .part file that holds exactly this many bytes
	Progress    func(total int64) // called with the running byte count; must be cheap
	// Hash, when set, is written every byte of the file in order, a resumed part's first Offset
	// bytes (read back from disk) included, so the caller's checksums cover the whole file.
	Hash io.Writer
	// Prefed says Hash has already been given the part's first Offset bytes (the caller read
	// them to check them): they are not read again, only the part's length is checked.
	Prefed bool
	// Rehashing is told when hashing the Offset bytes already on disk starts (true) and ends, so
	// a watchdog does not take that local work for a stalled network.
	Rehashing func(bool)
	// Verified is called once the part is complete and synced, before it takes the final name:
	// the place to record its checksum, so a crash between the rename and the record is provable.
	Verified func(Saved) error
	// Opened is called once the part file is open (created, or reopened to resume), before a
	// byte is written: the place to record, or compare, the file's identity (IDOf).
	Opened func(fs.FileInfo) error
	// ReplaceLink lets Overwrite replace a symbolic link at dest (never written through) — the
	// app's own small files; a download replaces only a regular file.
	ReplaceLink bool
	// Perm is a new part file's mode before the umask; default 0644.
	Perm os.FileMode
}

// Saved describes a completed download.
type Saved struct {
	Path  string `json:"path"`
	Bytes int64  `json:"bytes"`
}

// WriteAtomic streams r into dest. size is the file's full length (-1 when unknown). The data goes
// to dest+".part", is synced, and only then takes the final name; on any failure no file exists
// under dest. With Offset, r continues a .part file of exactly that length.
func WriteAtomic(ctx context.Context, r io.Reader, size int64, dest string, opts Options) (Saved, error) {
	if err := checkFree(dest, opts.Overwrite, opts.ReplaceLink); err != nil {
		return Saved{}, err
	}
	part := cmp.Or(opts.Part, dest+PartSuffix)
	f, err := openPartReporting(part, opts)
	if err != nil {
		return Saved{}, err
	}
	saved, info, err := fill(ctx, f, opts, r, size)
	if err == nil && opts.Verified != nil {
		err = opts.Verified(saved)
	}
	if err == nil {
		err = commit(part, info, dest, opts.Overwrite, opts.ReplaceLink)
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

// CannotCreate names the folder a file could not be created in, with the system's reason.
func CannotCreate(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("cannot create a file in %s: %w", filepath.Dir(path), pe.Err)
	}
	return err
}

// CheckFree fails with ErrExists when dest is taken (a link counts) and overwrite is off. With
// overwrite, only a regular file is ever replaced: a folder, link, device or pipe at dest fails
// with ErrNotRegular and is left alone.
func CheckFree(dest string, overwrite bool) error { return checkFree(dest, overwrite, false) }

// checkFree is CheckFree; with replaceLink, overwrite also replaces a symbolic link.
func checkFree(dest string, overwrite, replaceLink bool) error {
	st, err := os.Lstat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !overwrite:
		return fmt.Errorf("%w: %s", ErrExists, dest)
	case !st.Mode().IsRegular() && !(replaceLink && st.Mode()&fs.ModeSymlink != 0):
		return fmt.Errorf("%s: %w (%s); only a regular file is ever replaced", dest, ErrNotRegular, kind(st.Mode()))
	}
	return nil
}

// kind names what a non-regular file is, for messages.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a pipe"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "not a regular file"
}

// openPartReporting is openPart, telling rehashing while the bytes already there are hashed.
func openPartReporting(part string, opts Options) (*os.File, error) {
	if opts.Rehashing != nil && opts.Offset > 0 && opts.Hash != nil && !opts.Prefed {
		opts.Rehashing(true)
		defer opts.Rehashing(false)
	}
	return openPart(part, opts)
}

// openPart opens the .part file: created new (never an existing name, never through a link)
// for a fresh start, or reopened for appending after opts.Offset bytes, which are fed to
// opts.Hash first so the caller's checksums cover the whole file. A reopened file must have no
// other name (hard link), and opts.Opened may refuse either before a byte is written.
func openPart(part string, opts Options) (*os.File, error) {
	var f *os.File
	var err error
	if opts.Offset == 0 {
		f, err = os.OpenFile(part, os.O_CREATE|os.O_EXCL|os.O_WRONLY|noFollow, cmp.Or(opts.Perm, 0o644))
		err = CannotCreate(part, err)
	} else {
		f, err = OpenOwn(part, os.O_RDWR)
	}
	if err != nil {
		return nil, err
	}
	if err = checkOpened(f, part, opts.Opened); err == nil && opts.Offset > 0 {
		hash := opts.Hash
		if opts.Prefed {
			hash = nil
		}
		err = rehash(f, part, opts.Offset, hash)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// checkOpened refuses an open part file with another name, then asks opened, when given.
func checkOpened(f *os.File, part string, opened func(fs.FileInfo) error) error {
	info, err := f.Stat()
	if err == nil {
		err = soleName(part, info)
	}
	if err == nil && opened != nil {
		err = opened(info)
	}
	return err
}

// rehash feeds the part's bytes to hash (or just finds its end) and checks they are offset long.
func rehash(f *os.File, part string, offset int64, hash io.Writer) error {
	var n int64
	var err error
	if hash == nil {
		n, err = f.Seek(0, io.SeekEnd)
	} else {
		n, err = io.CopyBuffer(hash, onlyReader{f}, make([]byte, bufSize))
	}
	if err == nil && n != offset {
		err = fmt.Errorf("%s holds %d bytes, not the %d to resume from", part, n, offset)
	}
	return err
}

// onlyReader hides f's WriteTo, so CopyBuffer uses the given buffer rather than its own 32 KiB.
type onlyReader struct{ io.Reader }

// fill copies r after the first opts.Offset bytes, hashing and counting, then syncs and closes f.
func fill(ctx context.Context, f *os.File, opts Options, r io.Reader, size int64) (Saved, fs.FileInfo, error) {
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return Saved{}, nil, err
	}
	w := &partWriter{f: f, hash: opts.Hash, progress: opts.Progress, n: opts.Offset}
	err = w.copyFrom(ctx, r)
	if err == nil && size >= 0 && w.n != size {
		err = fmt.Errorf("%w: got %d of %d bytes", ErrTruncated, w.n, size)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = fmt.Errorf("%w: got %d of %d bytes: %v", ErrTruncated, w.n, size, err)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return Saved{Bytes: w.n}, info, err
}

// Commit gives the part file its final name, once sure that the name still holds the file we
// wrote (info) and not a link someone put in its place.
func Commit(part string, info fs.FileInfo, dest string, overwrite bool) error {
	return commit(part, info, dest, overwrite, false)
}

func commit(part string, info fs.FileInfo, dest string, overwrite, replaceLink bool) error {
	if err := sameRegular(part, info); err != nil {
		return err
	}
	if st, err := os.Lstat(part); err != nil {
		return err
	} else if err := soleName(part, st); err != nil {
		return err
	}
	return rename(part, dest, overwrite, replaceLink)
}

// rename gives the part file its final name. Without overwrite a hard link makes the "does not
// exist yet" check and the naming one atomic step; filesystems without links fall back to rename.
// With overwrite, the rename replaces the old regular file in one step: it stays whole until
// then. Anything else at dest (a folder, device, pipe; a link unless replaceLink) is refused.
func rename(part, dest string, overwrite, replaceLink bool) error {
	if !overwrite {
		err := os.Link(part, dest)
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%w: %s", ErrExists, dest)
		}
		if err == nil {
			os.Remove(part)
			return syncDir(filepath.Dir(dest))
		}
		if err := CheckFree(dest, false); err != nil {
			return err // no links here: the rename below must not replace what appeared meanwhile
		}
	} else if err := checkFree(dest, true, replaceLink); err != nil {
		return err
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

// bufSize is the read size: large enough that a GiB is 1024 reads and writes, not 32768.
const bufSize = 1 << 20

// partWriter writes a download to its part file, feeds the hash, counts and reports progress.
// The kernel writes the data back when it likes, and the final fsync waits for what is left.
// Starting the writeback every few MiB (sync_file_range) was tried and measured: it makes this
// process pay for submitting every range to the disk, 1.7–3.8 s of system time per GiB against
// 0.9–2.0 s without, and the downloads were no faster (docs/BENCHMARKS.md).
type partWriter struct {
	f        *os.File
	hash     io.Writer
	progress func(int64)
	n        int64 // bytes in the file so far
}

// copyFrom copies r to the file through one buffer, checking ctx between reads so a cancel
// stops it promptly.
func (w *partWriter) copyFrom(ctx context.Context, r io.Reader) error {
	buf := make([]byte, bufSize)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		n, rerr := r.Read(buf)
		if n > 0 {
			if err := w.write(buf[:n]); err != nil {
				return err
			}
		}
		if rerr == io.EOF {
			return nil
		}
		if rerr != nil {
			return rerr
		}
	}
}

func (w *partWriter) write(p []byte) error {
	if _, err := w.f.Write(p); err != nil {
		return err
	}
	if w.hash != nil {
		w.hash.Write(p)
	}
	w.n += int64(len(p))
	if w.progress != nil {
		w.progress(w.n)
	}
	return nil
}
