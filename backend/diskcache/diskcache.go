// Package diskcache keeps small downloaded files (keyframe pictures) in one folder under a size
// cap: a file read again counts as used, and the least recently used go first when a new one
// would break the cap. Files are written through safefile, so a name only ever holds a
// complete file and nothing is written through a link.
package diskcache

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"memories-desktop/backend/safefile"
)

var errTooBig = errors.New("diskcache: the file is larger than the whole cache")

// Cache is a folder of files named by the hash of their key.
type Cache struct {
	dir      string
	maxBytes int64
	mu       sync.Mutex // one eviction at a time
}

// New returns a cache in dir holding at most maxBytes.
func New(dir string, maxBytes int64) *Cache { return &Cache{dir: dir, maxBytes: maxBytes} }

// name is the file name of key: a hash, so an outside name never becomes a path.
func name(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}

// Get returns the file cached for key and marks it used; ok is false when there is none.
func (c *Cache) Get(key string) (string, bool) {
	path := filepath.Join(c.dir, name(key))
	info, err := os.Lstat(path)
	if err != nil || !info.Mode().IsRegular() {
		return "", false
	}
	now := time.Now()
	_ = os.Chtimes(path, now, now) // the use is what counts; a read-only folder only costs order
	return path, true
}

// Put stores size bytes from r (size -1: unknown) under key, then trims the folder to the cap.
// A file larger than the cap is refused.
func (c *Cache) Put(ctx context.Context, key string, r io.Reader, size int64) (string, error) {
	if size > c.maxBytes {
		return "", errTooBig
	}
	if err := os.MkdirAll(c.dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(c.dir, name(key))
	part := path + "." + name(time.Now().String()) + safefile.PartSuffix // two puts of one key never share a part
	saved, err := safefile.WriteAtomic(ctx, io.LimitReader(r, c.maxBytes+1), size, path, safefile.Options{Part: part, Overwrite: true})
	if err != nil {
		return "", err
	}
	if saved.Bytes > c.maxBytes {
		_ = os.Remove(path)
		return "", errTooBig
	}
	return path, c.trim(path)
}

// trim removes the least recently used files until the folder fits the cap; keep stays.
func (c *Cache) trim(keep string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return err
	}
	type file struct {
		path string
		size int64
		used time.Time
	}
	var files []file
	total := int64(0)
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() || strings.HasSuffix(e.Name(), safefile.PartSuffix) {
			continue
		}
		files = append(files, file{filepath.Join(c.dir, e.Name()), info.Size(), info.ModTime()})
		total += info.Size()
	}
	slices.SortFunc(files, func(a, b file) int { return a.used.Compare(b.used) })
	for _, f := range files {
		if total <= c.maxBytes {
			break
		}
		if f.path == keep {
			continue
		}
		if err := os.Remove(f.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		total -= f.size
	}
	return nil
}
