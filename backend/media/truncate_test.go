package media

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// Every real file cut at any point must give an error or a correct answer, never a panic or a
// wrong codec; cuts inside the header must say the file is incomplete or not a video.
func TestInspectEveryPrefix(t *testing.T) {
	for _, file := range []string{"h264-aac.mp4", "h264-silent.mp4", "hevc-tags.mov", "mpeg4.avi", "vp9.webm", "vp9.mkv"} {
		data, err := os.ReadFile("testdata/" + file)
		if err != nil {
			t.Fatal(err)
		}
		whole, err := Inspect(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n < len(data); n++ {
			info, err := Inspect(bytes.NewReader(data[:n]), int64(n))
			if err == nil && info.VideoCodec != whole.VideoCodec {
				t.Fatalf("%s cut at %d: codec %q", file, n, info.VideoCodec)
			}
			if err == nil {
				t.Fatalf("%s cut at %d of %d passed: %+v", file, n, len(data), info)
			}
			var tr *TruncatedError
			if err != nil && !errors.As(err, &tr) && !errors.Is(err, ErrNotVideo) {
				t.Fatalf("%s cut at %d: unexpected error %v", file, n, err)
			}
		}
	}
}
