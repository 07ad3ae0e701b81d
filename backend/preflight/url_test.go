package preflight

import (
	"strings"
	"testing"
)

func TestCheckVideoURL(t *testing.T) {
	cases := []struct{ raw, reason string }{
		{"https://cdn.example.com/videos/a.mp4", ""},
		{"  http://example.com/live/index.m3u8?token=abc  ", ""},
		{"HTTPS://EXAMPLE.COM/a.mp4", ""},
		{"", "enter the link"},
		{"   ", "enter the link"},
		{"example.com/a.mp4", "must start with https://"},
		{"ftp://example.com/a.mp4", `not "ftp" links`},
		{"file:///home/me/a.mp4", `not "file" links`},
		{"https://user:secret@example.com/a.mp4", "user name or password"},
		{"https:///a.mp4", "no host name"},
		{"https://exa mple.com/a.mp4", "not a valid link"},
		{"https://youtu.be/dQw4w9WgXcQ", "a YouTube page, not a video file"},
		{"https://www.tiktok.com/@a/video/1", "a TikTok page"},
	}
	for _, tc := range cases {
		t.Run(tc.raw, func(t *testing.T) {
			err := CheckVideoURL(tc.raw)
			switch {
			case tc.reason == "" && err != nil:
				t.Fatalf("rejected: %v", err)
			case tc.reason != "" && (err == nil || !strings.Contains(err.Error(), tc.reason)):
				t.Fatalf("error %v, want one containing %q", err, tc.reason)
			}
			if err != nil && strings.Contains(err.Error(), "secret") {
				t.Fatalf("error repeats the password: %v", err)
			}
		})
	}
}
