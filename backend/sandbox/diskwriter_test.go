package sandbox

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestDiskWriterStopsOnWriteError returns the write error instead of draining an endless source.
func TestDiskWriterStopsOnWriteError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path) // read-only: every write fails
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := newDiskWriter(f)
	src := &patternReader{}
	n, err := d.ReadFrom(src)
	if err == nil || n > (diskBuffers+2)*copyBufSize {
		t.Errorf("ReadFrom = %d, %v; want an early write error", n, err)
	}
	if cerr := d.Close(); cerr == nil {
		t.Error("Close did not report the write error")
	}
}

// TestDiskWriterCopiesInOrder writes a source that is not a multiple of the buffer size.
func TestDiskWriterCopiesInOrder(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	const size = 5*copyBufSize + 12345
	n, err := copyToFile(f, io.LimitReader(&patternReader{}, size), size)
	if err != nil || n != size {
		t.Fatalf("copyToFile = %d, %v", n, err)
	}
	if fileCRC(t, f.Name()) != streamCRC(t, size) {
		t.Error("file content differs from the source")
	}
}
