package sandbox

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/media/mediatest"
)

var (
	videoNoRE   = regexp.MustCompile(`^VI\d{18}$`)
	videoNameRE = regexp.MustCompile(`^[0-9a-f]{32}$`)
)

// TestUploadDocShapes sends the upload exactly as the docs' examples do and checks the stored result.
func TestUploadDocShapes(t *testing.T) {
	const body = "\x00\x00\x00\x18ftypmp42 fake video bytes"
	tests := []struct {
		name     string
		boundary string
		parts    []rawPart
	}{
		{ // curl -F "file=@video.mp4;type=video/mp4" -F "unique_id=default" -F "tags=a" -F "tags=b"
			name:     "curl -F repeated tags",
			boundary: "------------------------d74496d66958873e",
			parts:    []rawPart{videoPart(body), field("unique_id", "default"), field("tags", "a"), field("tags", "b")},
		},
		{ // requests.post(url, files={"file": ("video.mp4", f, "video/mp4")}, data={"unique_id": "default", "tags": ["a","b"]})
			name:     "python requests fields first",
			boundary: "9f3e4c1e0b8a4d2c8b7e6f5a4d3c2b1a",
			parts:    []rawPart{field("unique_id", "default"), field("tags", "a"), field("tags", "b"), videoPart(body)},
		},
		{ // generated curl: --form 'file=@video.mp4' --form 'tags[0]=a' --form 'tags[1]=b'
			name:     "generated curl indexed tags",
			boundary: "------------------------0123456789abcdef",
			parts:    []rawPart{videoPart(body), field("tags[1]", "b"), field("unique_id", "default"), field("tags[0]", "a")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			s, ts := newSandbox(t, Options{Now: clock.Now, ParseDelay: time.Second})
			var up uploadResponse
			postMultipart(t, ts.URL+"/serve/api/v1/upload", tt.boundary, tt.parts...).ok(t).decode(t, &up)
			checkUploadResponse(t, up, clock.Now())
			vids := s.Videos("default")
			if len(vids) != 1 {
				t.Fatalf("stored %d videos, want 1", len(vids))
			}
			v := vids[0]
			if !slices.Equal(v.Tags, []string{"a", "b", "api"}) || v.FileName != "video.mp4" || !v.RetainOriginal {
				t.Errorf("stored %+v, want tags [a b api], name video.mp4, retained", v)
			}
			if got, _ := os.ReadFile(v.Path); string(got) != body {
				t.Errorf("bytes on disk %q, want %q", got, body)
			}
		})
	}
}

// checkUploadResponse verifies the documented shape of the upload data.
func checkUploadResponse(t *testing.T, up uploadResponse, now time.Time) {
	t.Helper()
	if !videoNoRE.MatchString(up.VideoNo) || !videoNameRE.MatchString(up.VideoName) {
		t.Errorf("ids %q / %q do not have the documented shapes", up.VideoNo, up.VideoName)
	}
	if up.VideoStatus != StatusUnparse || up.UploadTime != strconv.FormatInt(now.UnixMilli(), 10) {
		t.Errorf("status %q uploadTime %q, want UNPARSE and %d", up.VideoStatus, up.UploadTime, now.UnixMilli())
	}
}

// TestUploadUploadTimeIsString checks the raw JSON, since a decoder into string would hide a number.
func TestUploadUploadTimeIsString(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	r := postMultipart(t, ts.URL+"/serve/api/v1/upload", "b", videoPart("x")).ok(t)
	if !regexp.MustCompile(`"uploadTime":"\d+"`).Match(r.Data) {
		t.Errorf("uploadTime is not a string in %s", r.Data)
	}
}

// TestUploadMetadataFields checks that every documented field is parsed and stored.
func TestUploadMetadataFields(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	uploadSmall(t, ts.URL, "bytes",
		field("unique_id", "holiday"), field("callback", "https://example.com/cb"),
		field("datetime_taken", "2025-07-01 12:30:00"), field("camera_model", "Pixel 9"),
		field("latitude", "48.8584"), field("longitude", "2.2945"), field("retain_original_video", "FALSE"),
		field("video_transcription_prompt", "describe the tower"), field("folder_id", "-1"))
	v := s.Videos("holiday")[0]
	want := time.Date(2025, 7, 1, 12, 30, 0, 0, time.UTC)
	switch {
	case v.Callback != "https://example.com/cb", !v.DatetimeTaken.Equal(want), v.CameraModel != "Pixel 9":
		t.Errorf("capture fields not stored: %+v", v)
	case *v.Latitude != 48.8584 || *v.Longitude != 2.2945:
		t.Errorf("coordinates %v,%v", *v.Latitude, *v.Longitude)
	case v.RetainOriginal, v.TranscriptionPrompt != "describe the tower", !slices.Equal(v.Tags, []string{"api"}):
		t.Errorf("retain/prompt/tags not stored: %+v", v)
	}
}

// TestUploadRejections covers each documented constraint; rejected uploads leave no file behind.
func TestUploadRejections(t *testing.T) {
	manyTags := []rawPart{videoPart("x")}
	for i := range 21 {
		manyTags = append(manyTags, field("tags", "t"+strconv.Itoa(i)))
	}
	tests := []struct {
		name  string
		parts []rawPart
		msg   string
	}{
		{"octet-stream part", []rawPart{{name: "file", filename: "v.mp4", contentType: "application/octet-stream", body: "x"}}, "file part Content-Type must be video/*"},
		{"part without type", []rawPart{{name: "file", filename: "v.mp4", body: "x"}}, "must be video/*"},
		{"wrong extension", []rawPart{{name: "file", filename: "v.webm", contentType: "video/webm", body: "x"}}, "unsupported extension"},
		{"empty file", []rawPart{videoPart("")}, "file is empty"},
		{"no file", []rawPart{field("unique_id", "default")}, "file is required"},
		{"two files", []rawPart{videoPart("x"), videoPart("y")}, "only one file part"},
		{"empty unique_id", []rawPart{videoPart("x"), field("unique_id", "")}, "unique_id must not be empty"},
		{"bad datetime_taken", []rawPart{videoPart("x"), field("datetime_taken", "2025-07-01T12:30:00Z")}, "datetime_taken"},
		{"long camera_model", []rawPart{videoPart("x"), field("camera_model", strings.Repeat("c", 201))}, "camera_model"},
		{"long callback", []rawPart{videoPart("x"), field("callback", "https://e.com/"+strings.Repeat("c", 290))}, "callback"},
		{"latitude out of range", []rawPart{videoPart("x"), field("latitude", "91")}, "latitude"},
		{"longitude not a number", []rawPart{videoPart("x"), field("longitude", "east")}, "longitude"},
		{"21 tags", manyTags, "at most 20 tags"},
		{"bad retain flag", []rawPart{videoPart("x"), field("retain_original_video", "yes")}, "retain_original_video"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ts := newSandbox(t, Options{})
			postMultipart(t, ts.URL+"/serve/api/v1/upload", "bnd", tt.parts...).wantCode(t, codeBadParam, tt.msg)
			if n := len(s.Videos("")); n != 0 || s.Stats().Uploads != 0 {
				t.Errorf("rejected upload stored %d videos", n)
			}
			if files, _ := os.ReadDir(s.dir); len(files) != 0 {
				t.Errorf("rejected upload left %d files in the upload folder", len(files))
			}
		})
	}
}

// TestUploadExtensionCaseInsensitive accepts .MOV with a video/quicktime part.
func TestUploadExtensionCaseInsensitive(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	part := rawPart{name: "file", filename: "CLIP.MOV", contentType: "video/quicktime", body: "x"}
	postMultipart(t, ts.URL+"/serve/api/v1/upload", "bnd", part).ok(t)
}

// TestUploadNotMultipart refuses JSON and form bodies.
func TestUploadNotMultipart(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	fetchJSON(t, ts.URL+"/serve/api/v1/upload", `{"file":"x"}`).wantCode(t, codeBadParam, "multipart/form-data")
}

// TestUploadSizeLimit rejects files over the limit (lowered here from 3 GB) and removes the bytes.
func TestUploadSizeLimit(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	s.maxUpload = 10
	postMultipart(t, ts.URL+"/serve/api/v1/upload", "bnd", videoPart("12345678901")).wantCode(t, codeBadParam, "3 GB")
	postMultipart(t, ts.URL+"/serve/api/v1/upload", "bnd", videoPart("1234567890")).ok(t)
	if files, _ := os.ReadDir(s.dir); len(files) != 1 {
		t.Errorf("upload folder holds %d files, want only the accepted one", len(files))
	}
}

// TestUploadTruncatedBody answers 0001 when the multipart body ends inside the file part.
func TestUploadTruncatedBody(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	body := rawMultipart("bnd", videoPart(strings.Repeat("v", 1000)))
	cut := body[:len(body)-20]
	fetch(t, "POST", ts.URL+"/serve/api/v1/upload", "multipart/form-data; boundary=bnd", cut).wantCode(t, codeBadParam, "")
	if files, _ := os.ReadDir(s.dir); len(files) != 0 {
		t.Errorf("truncated upload left %d files", len(files))
	}
}

// An uploaded file's duration and frame size are read from the file with the app's own parser,
// not guessed from its size: the library reports what the app read before sending it.
func TestUploadReportsTheFilesRealDuration(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	body := string(mediatest.MP4(bytes.Repeat([]byte{7}, 3_000_000))) // 3 MB, but half a second long
	no := uploadSmall(t, ts.URL, body)
	for _, v := range s.Videos("") {
		if v.VideoNo == no && (v.Duration != 1 || v.Width != 64 || v.Height != 36) {
			t.Fatalf("duration %d s, %d×%d; want 1 s (0.52 rounded up to a second), 64×36", v.Duration, v.Width, v.Height)
		}
	}
}
