package media

import (
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// bigSize is the service's upload limit, 3 GB.
const bigSize = 3 << 30

// writeBigMP4 makes a sparse MP4 of size bytes: the real ftyp and moov of h264-aac.mp4 around an
// mdat of holes (a 64-bit box size), so the index sits at the very end as in most camera files.
func writeBigMP4(tb testing.TB, size int64) string {
	src, err := os.ReadFile("testdata/h264-aac.mp4")
	if err != nil {
		tb.Fatal(err)
	}
	ftyp, moov := topBox(tb, src, "ftyp"), topBox(tb, src, "moov")
	path := filepath.Join(tb.TempDir(), "big.mp4")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	mdat := size - int64(len(ftyp)+len(moov))
	head := binary.BigEndian.AppendUint32(append([]byte{}, ftyp...), 1)
	head = binary.BigEndian.AppendUint64(append(head, "mdat"...), uint64(mdat))
	if _, err := f.Write(head); err != nil {
		tb.Fatal(err)
	}
	if _, err := f.WriteAt(moov, size-int64(len(moov))); err != nil {
		tb.Fatal(err)
	}
	return path
}

// topBox returns a top-level box of an MP4 file, header included.
func topBox(tb testing.TB, data []byte, name string) []byte {
	for off := 0; off+8 <= len(data); {
		size := int(binary.BigEndian.Uint32(data[off:]))
		if string(data[off+4:off+8]) == name {
			return data[off : off+size]
		}
		off += size
	}
	tb.Fatalf("no %s box", name)
	return nil
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
