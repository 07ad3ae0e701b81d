// Package mediatest gives tests real video files: the tiny ones in backend/media/testdata (made
// by its make-media.sh with ffmpeg) and sparse big ones built around a real index.
package mediatest

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Path returns the absolute path of a file in backend/media/testdata, e.g. "h264-aac.mp4".
func Path(name string) string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "testdata", name)
}

// Copy copies testdata file name to dst (creating its folders) and returns dst.
func Copy(tb testing.TB, name, dst string) string {
	tb.Helper()
	data, err := os.ReadFile(Path(name))
	if err == nil {
		err = os.MkdirAll(filepath.Dir(dst), 0o755)
	}
	if err == nil {
		err = os.WriteFile(dst, data, 0o644)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return dst
}

// Sparse writes a sparse MP4 of exactly size bytes at path: the real ftyp and moov of
// h264-aac.mp4 around an mdat of holes (a 64-bit box size), the index at the end as in most
// camera files. Only a few KB are written.
func Sparse(tb testing.TB, path string, size int64) string {
	tb.Helper()
	src, err := os.ReadFile(Path("h264-aac.mp4"))
	if err != nil {
		tb.Fatal(err)
	}
	ftyp, moov := box(src, "ftyp"), box(src, "moov")
	if err := writeSparse(path, size, ftyp, moov); err != nil {
		tb.Fatal(err)
	}
	return path
}

func writeSparse(path string, size int64, ftyp, moov []byte) error {
	if ftyp == nil || moov == nil {
		return fmt.Errorf("h264-aac.mp4 lacks ftyp or moov")
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := binary.BigEndian.AppendUint32(append([]byte{}, ftyp...), 1)
	head = binary.BigEndian.AppendUint64(append(head, "mdat"...), uint64(size-int64(len(ftyp)+len(moov))))
	if _, err := f.Write(head); err != nil {
		return err
	}
	_, err = f.WriteAt(moov, size-int64(len(moov)))
	return err
}

// box returns a top-level box of an MP4 file, header included; nil when absent.
func box(data []byte, name string) []byte {
	for off := 0; off+8 <= len(data); {
		size := int(binary.BigEndian.Uint32(data[off:]))
		if size < 8 || off+size > len(data) {
			return nil
		}
		if string(data[off+4:off+8]) == name {
			return data[off : off+size]
		}
		off += size
	}
	return nil
}

// MP4 wraps payload as the media data of a real MP4 (the ftyp and moov of h264-aac.mp4), so
// tests that send arbitrary bytes send a file that passes the container check.
func MP4(payload []byte) []byte {
	src, err := os.ReadFile(Path("h264-aac.mp4"))
	if err != nil {
		panic(err) // the repository's own test file
	}
	mdat := binary.BigEndian.AppendUint32(nil, uint32(8+len(payload)))
	mdat = append(append(mdat, "mdat"...), payload...)
	return append(append(append([]byte{}, box(src, "ftyp")...), mdat...), box(src, "moov")...)
}
