package media

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"memories-desktop/backend/media/mediatest"
)

// bigSize is the service's upload limit, 3 GB.
const bigSize = 3 << 30

func writeBigMP4(tb testing.TB, size int64) string {
	return mediatest.Sparse(tb, filepath.Join(tb.TempDir(), "big.mp4"), size)
}

// countingFile counts the bytes read through it.
type countingFile struct {
	*os.File
	read int64
}

func (c *countingFile) Read(p []byte) (int, error) {
	n, err := c.File.Read(p)
	c.read += int64(n)
	return n, err
}

func inspectCounting(tb testing.TB, path string) (Info, int64) {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	c := &countingFile{File: f}
	info, err := Inspect(io.ReadSeeker(c), st.Size())
	if err != nil {
		tb.Fatal(err)
	}
	return info, c.read
}

func TestInspectReadsOnlyTheIndexOfA3GBFile(t *testing.T) {
	info, read := inspectCounting(t, writeBigMP4(t, bigSize))
	if info.VideoCodec != "h264" || !info.HasAudio || info.Width != 64 {
		t.Fatalf("%+v", info)
	}
	if read > 64<<10 {
		t.Fatalf("read %d bytes of a 3 GB file; only the index should be read", read)
	}
}

// BenchmarkInspect3GB is the figure in docs/BENCHMARKS.md (scripts/bench-inspect.sh).
func BenchmarkInspect3GB(b *testing.B) {
	path := writeBigMP4(b, bigSize)
	var read int64
	for b.Loop() {
		_, read = inspectCounting(b, path)
	}
	b.ReportMetric(float64(read), "bytes-read/op")
}

// BenchmarkInspectSmall is the same index in its original 5.7 KB file, for comparison.
func BenchmarkInspectSmall(b *testing.B) {
	var read int64
	for b.Loop() {
		_, read = inspectCounting(b, "testdata/h264-aac.mp4")
	}
	b.ReportMetric(float64(read), "bytes-read/op")
}
