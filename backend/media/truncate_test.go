package media

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// Every real file cut short must be refused as incomplete or not a video, never panic or pass.
// Every cut in the first 4 KB (where the headers are) is tried, then every 61st byte.
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
		for n := 0; n < len(data); n += cutStep(n) {
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

func cutStep(n int) int {
	if n < 4096 {
		return 1
	}
	return 61
}
