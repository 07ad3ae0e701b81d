package preflight

import "testing"

func TestContentType(t *testing.T) {
	cases := []struct{ name, want string }{
		{"a.mp4", "video/mp4"},
		{"A.MP4", "video/mp4"},
		{"clip.Mov", "video/quicktime"},
		{"old.avi", "video/x-msvideo"},
		{"/x/y.z/movie.mkv", "video/x-matroska"},
		{"a.webm", ""},
		{"mp4", ""},
		{"a.mp4.txt", ""},
		{"", ""},
	}
	for _, tc := range cases {
		got, ok := ContentType(tc.name)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("ContentType(%q) = %q, %v; want %q", tc.name, got, ok, tc.want)
		}
	}
}

func TestEveryExtensionHasAVideoType(t *testing.T) {
	if len(VideoExtensions) != 4 {
		t.Fatalf("VideoExtensions = %v", VideoExtensions)
	}
	for _, ext := range VideoExtensions {
		if mime, ok := ContentType("x" + ext); !ok || len(mime) < 7 || mime[:6] != "video/" {
			t.Errorf("%s → %q, %v", ext, mime, ok)
		}
	}
}
