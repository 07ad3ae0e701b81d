package preflight

import (
	"os"
	"path/filepath"
	"testing"
)

// write creates dir/rel (and its folders) holding content, and returns its path.
func write(t *testing.T, dir, rel, content string) string {
	t.Helper()
	path := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// sparse creates a file of the given size without writing its bytes.
func sparse(t *testing.T, dir, rel string, size int64) string {
	t.Helper()
	path := write(t, dir, rel, "")
	if err := os.Truncate(path, size); err != nil {
		t.Fatal(err)
	}
	return path
}

// symlink creates dir/rel pointing at target and returns its path.
func symlink(t *testing.T, dir, rel, target string) string {
	t.Helper()
	path := filepath.Join(dir, rel)
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	return path
}
