package media

import (
	"errors"
	"math"
	"path/filepath"
	"testing"
	"time"
)

// The files in testdata are real, made by testdata/make-media.sh with ffmpeg.
func TestInspectRealFiles(t *testing.T) {
	cases := []struct {
		file             string
		container, codec string
		fps              float64
		audio            bool
	}{
		{"h264-aac.mp4", "mp4", "h264", 25, true},
		{"h264-silent.mp4", "mp4", "h264", 25, false},
		{"hevc-tags.mov", "mov", "hevc", 25, true},
		{"mpeg4.avi", "avi", "mpeg4", 25, true},
		{"vp9.webm", "webm", "vp9", 25, true},
		{"vp9.mkv", "matroska", "vp9", 25, false},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			info, err := InspectFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if info.Container != tc.container || info.VideoCodec != tc.codec || info.HasAudio != tc.audio ||
				info.Width != 64 || info.Height != 36 || info.FrameRate != tc.fps || math.Abs(info.DurationSec-0.52) > 0.02 {
				t.Fatalf("%+v", info)
			}
			if info.CodecName == "" || info.CodecName == "an unknown codec" {
				t.Fatalf("codec name %q", info.CodecName)
			}
		})
	}
}

func TestInspectCaptureDetails(t *testing.T) {
	info, err := InspectFile("testdata/hevc-tags.mov")
	if err != nil {
		t.Fatal(err)
	}
	c := info.Capture
	want := time.Date(2024, 6, 1, 9, 15, 30, 0, time.UTC)
	if c.TakenAt == nil || !c.TakenAt.Equal(want) {
		t.Fatalf("taken %v, want %v", c.TakenAt, want)
	}
	if c.Latitude == nil || c.Longitude == nil || *c.Latitude != 48.8584 || *c.Longitude != 2.2945 {
		t.Fatalf("location %v %v", c.Latitude, c.Longitude)
	}
	if c.Make != "Apple" || c.Model != "iPhone 15 Pro" {
		t.Fatalf("camera %q %q", c.Make, c.Model)
	}
}

func TestInspectCaptureTimes(t *testing.T) {
	cases := map[string]*time.Time{
		"h264-aac.mp4":    ptr(time.Date(2025, 8, 12, 14, 30, 0, 0, time.UTC)),
		"vp9.mkv":         ptr(time.Date(2023, 1, 2, 3, 4, 5, 0, time.UTC)),
		"h264-silent.mp4": nil,
		"mpeg4.avi":       nil,
	}
	for file, want := range cases {
		info, err := InspectFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		got := info.Capture.TakenAt
		if (got == nil) != (want == nil) || got != nil && !got.Equal(*want) {
			t.Errorf("%s: taken %v, want %v", file, got, want)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestInspectRefusesWhatIsNotAWholeVideo(t *testing.T) {
	var truncated *TruncatedError
	if _, err := InspectFile("testdata/text.mp4"); !errors.Is(err, ErrNotVideo) {
		t.Fatalf("text file: %v", err)
	}
	if _, err := InspectFile("testdata/truncated.mp4"); !errors.As(err, &truncated) {
		t.Fatalf("truncated mp4: %v", err)
	}
}

func TestInspectClassicUserDataAtoms(t *testing.T) {
	info, err := InspectFile("testdata/h264-udta.mov")
	if err != nil {
		t.Fatal(err)
	}
	c := info.Capture
	if c.Make != "Google" || c.Model != "Pixel 8" || c.Latitude == nil || *c.Latitude != 37.4219 || *c.Longitude != -122.084 ||
		c.TakenAt == nil || !c.TakenAt.Equal(time.Date(2022, 3, 4, 5, 6, 7, 0, time.UTC)) {
		t.Fatalf("%+v", c)
	}
}

func TestParseISO6709(t *testing.T) {
	good := map[string][2]float64{"+48.8584+002.2945+035.000/": {48.8584, 2.2945}, "+37.4219-122.0840/": {37.4219, -122.084},
		"-33.8568+151.2153": {-33.8568, 151.2153}, "+00+000/": {0, 0}}
	for s, want := range good {
		if lat, lon, err := ParseISO6709(s); err != nil || lat != want[0] || lon != want[1] {
			t.Errorf("%q: %v %v %v", s, lat, lon, err)
		}
	}
	for _, s := range []string{"", "48.8584, 2.2945", "+91.0+000.0/", "+10.0+181.0/", "+4851+00217/x"} {
		if _, _, err := ParseISO6709(s); err == nil {
			t.Errorf("%q parsed", s)
		}
	}
}
