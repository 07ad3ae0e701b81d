package diskcache

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func put(t *testing.T, c *Cache, key string, n int) string {
	t.Helper()
	p, err := c.Put(context.Background(), key, bytes.NewReader(bytes.Repeat([]byte{'x'}, n)), int64(n))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The least recently used file goes when a new one would break the cap; reading a file counts
// as a use; a file bigger than the cap is refused; names never come from the key.
func TestLeastRecentlyUsedGoesFirst(t *testing.T) {
	dir := t.TempDir()
	c := New(dir, 250)
	a := put(t, c, "a", 100)
	b := put(t, c, "../b/../../etc/passwd", 100)
	if filepath.Dir(b) != dir {
		t.Fatalf("a key became a path: %s", b)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(a, old, old)
	os.Chtimes(b, old.Add(time.Minute), old.Add(time.Minute))
	if p, ok := c.Get("a"); !ok || p != a {
		t.Fatal("a is not cached")
	}
	put(t, c, "c", 100) // 300 > 250: b, now the least recently used, goes
	if _, ok := c.Get("a"); !ok {
		t.Fatal("a, just used, was evicted")
	}
	if _, ok := c.Get("../b/../../etc/passwd"); ok {
		t.Fatal("b was kept over the cap")
	}
	if _, err := c.Put(context.Background(), "big", bytes.NewReader(make([]byte, 251)), 251); err == nil {
		t.Fatal("a file bigger than the cache was kept")
	}
	if _, err := c.Put(context.Background(), "big", bytes.NewReader(make([]byte, 251)), -1); err == nil {
		t.Fatal("a file of unknown size bigger than the cache was kept")
	}
	if _, ok := c.Get("big"); ok {
		t.Fatal("big is cached")
	}
}
