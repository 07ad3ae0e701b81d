package preflight

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/media/mediatest"
)

func TestCheckReadsTheContainer(t *testing.T) {
	noAudio := "it has no audio track, so there is nothing to transcribe"
	cases := []struct {
		file, code, reason, warning string
	}{
		{"h264-aac.mp4", "", "", ""},
		{"h264-silent.mp4", "", "", noAudio},
		{"hevc-tags.mov", "", "", ""},
		{"vp9.mkv", "", "", noAudio},
		{"mpeg4.avi", contract.CodeCodec, "its video is MPEG-4 Part 2, which the service cannot index; it indexes H.264, H.265/HEVC or VP9", ""},
		{"truncated.mp4", CodeTruncated, "the file is incomplete: it has no index (moov box)", ""},
		{"text.mp4", CodeNotVideo, "it is not a video: its contents are not an MP4, MOV, Matroska or AVI container", ""},
		{"vp9.webm", CodeUnsupportedExt, `".webm" files cannot be uploaded`, ""},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			v := CheckFile(mediatest.Path(tc.file))
			if v.OK != (tc.code == "") || v.Code != tc.code || !strings.Contains(v.Reason, tc.reason) {
				t.Fatalf("%+v\nwant code %q reason %q", v, tc.code, tc.reason)
			}
			if got := strings.Join(v.Warnings, "; "); got != tc.warning {
				t.Fatalf("warnings %q, want %q", got, tc.warning)
			}
			if v.OK && (v.Media == nil || v.Media.Width != 64) {
				t.Fatalf("media %+v", v.Media)
			}
		})
	}
}

func TestAnyCodecTurnsTheCodecRefusalIntoAWarning(t *testing.T) {
	v := Check(mediatest.Path("mpeg4.avi"), Options{AnyCodec: true})
	if !v.OK || len(v.Warnings) != 1 || !strings.Contains(v.Warnings[0], "MPEG-4 Part 2") {
		t.Fatalf("%+v", v)
	}
	for _, name := range []string{"text.mp4", "truncated.mp4"} {
		if v := Check(mediatest.Path(name), Options{AnyCodec: true}); v.OK {
			t.Fatalf("%s passed with AnyCodec: %+v", name, v)
		}
	}
}

func TestCheckGivesTheFilesCaptureDetails(t *testing.T) {
	taken := time.Date(2024, 6, 1, 9, 15, 30, 0, time.UTC).In(time.Local).Format(time.DateTime) // shown in local time
	v := CheckFile(mediatest.Path("hevc-tags.mov"))
	fm := v.FileMeta
	if fm == nil || fm.TakenAt != taken || fm.Camera != "Apple iPhone 15 Pro" ||
		*fm.Latitude != 48.8584 || *fm.Longitude != 2.2945 {
		t.Fatalf("%+v", fm)
	}
	if v := CheckFile(mediatest.Path("h264-silent.mp4")); v.FileMeta != nil {
		t.Fatalf("a file without capture details got %+v", v.FileMeta)
	}
}

func TestCameraName(t *testing.T) {
	cases := [][3]string{{"Apple", "iPhone 15 Pro", "Apple iPhone 15 Pro"}, {"samsung", "Samsung SM-S918B", "Samsung SM-S918B"},
		{"", "HERO12 Black", "HERO12 Black"}, {"GoPro", "", "GoPro"}, {"", "", ""}}
	for _, c := range cases {
		if got := cameraName(c[0], c[1]); got != c[2] {
			t.Errorf("cameraName(%q, %q) = %q", c[0], c[1], got)
		}
	}
	if got := cameraName("Make", strings.Repeat("é", 150)); len(got) > maxCamera {
		t.Errorf("%d bytes", len(got))
	}
}

func TestExpandListsRefusedVideosWithTheirReasons(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"h264-aac.mp4", "mpeg4.avi", "text.mp4", "truncated.mp4"} {
		mediatest.Copy(t, name, filepath.Join(dir, name))
	}
	scan, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	codes := []string{}
	for _, v := range scan.Skipped {
		codes = append(codes, v.Name+" "+v.Code)
	}
	want := []string{"mpeg4.avi unsupported_codec", "text.mp4 not_video", "truncated.mp4 truncated"}
	if len(scan.Files) != 1 || !slices.Equal(codes, want) {
		t.Fatalf("files %v skipped %v", scan.Files, codes)
	}
}

func TestFillKeepsWhatTheUserGave(t *testing.T) {
	lat, lon, mine := 1.5, 2.5, 9.0
	fm := &contract.FileMeta{TakenAt: "2024-06-01 09:15:30", Camera: "Apple iPhone 15 Pro", Latitude: &lat, Longitude: &lon}
	got := Fill(fm, api.UploadMeta{Camera: "Mine", Latitude: &mine, Longitude: &mine})
	if got.TakenAt != fm.TakenAt || got.Camera != "Mine" || *got.Latitude != 9 || *got.Longitude != 9 {
		t.Fatalf("%+v", got)
	}
	if got := Fill(fm, api.UploadMeta{}); got.Camera != fm.Camera || got.Latitude != &lat {
		t.Fatalf("%+v", got)
	}
	var none *contract.FileMeta
	if got := Fill(none, api.UploadMeta{Camera: "x"}); got.Camera != "x" || got.TakenAt != "" {
		t.Fatalf("%+v", got)
	}
}
