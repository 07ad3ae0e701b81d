package preflight

import (
	"os"
	"path/filepath"
	"testing"

	"memories-desktop/backend/media/mediatest"
)

// mp4Size is the size of h264-aac.mp4, the video most tests use.
const mp4Size = 5714

// video copies a real H.264+AAC MP4 to dir/rel, whatever rel's extension, and returns its path.
func video(t *testing.T, dir, rel string) string {
	return mediatest.Copy(t, "h264-aac.mp4", filepath.Join(dir, rel))
}

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
