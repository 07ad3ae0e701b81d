package sources

import (
	"memories-desktop/backend/contract"
	"strings"
	"testing"
)

func TestClassifyRecognisesEveryForm(t *testing.T) {
	const (
		tt    = "https://www.tiktok.com/@some.user_1/video/7301234567890123456"
		short = "https://vm.tiktok.com/ZMabc123/"
		watch = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
		shrt  = "https://www.youtube.com/shorts/aB3-_x9Yz0Q"
		post  = "https://www.instagram.com/p/C1a2B3c4D5e/"
		reel  = "https://www.instagram.com/reel/Cx-Y_z12345/"
	)
	cases := []struct {
		raw, canonical string
		platform       contract.Platform
		id             string
	}{
		{"https://www.tiktok.com/@some.user_1/video/7301234567890123456", tt, TikTok, "7301234567890123456"},
		{"https://m.tiktok.com/@some.user_1/video/7301234567890123456?is_from_webapp=1&sender_device=pc", tt, TikTok, "7301234567890123456"},
		{"tiktok.com/@some.user_1/video/7301234567890123456/#comments", tt, TikTok, "7301234567890123456"},
		{"HTTP://WWW.TIKTOK.COM/@some.user_1/Video/7301234567890123456?_r=1&_t=8abc", tt, TikTok, "7301234567890123456"},
		{"https://www.tiktok.com/@café/video/1", "https://www.tiktok.com/@caf%C3%A9/video/1", TikTok, "1"},
		{"https://vm.tiktok.com/ZMabc123/", short, TikTok, "ZMabc123"},
		{"https://vt.tiktok.com/ZMabc123", short, TikTok, "ZMabc123"},
		{"https://www.tiktok.com/t/ZMabc123/?k=1", short, TikTok, "ZMabc123"},
		{"https://www.youtube.com/watch?v=dQw4w9WgXcQ", watch, YouTube, "dQw4w9WgXcQ"},
		{"https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&feature=share&si=xyz", watch, YouTube, "dQw4w9WgXcQ"},
		{"youtube.com/watch?list=PL123&v=dQw4w9WgXcQ&pp=ygU", watch, YouTube, "dQw4w9WgXcQ"},
		{"www.youtube.com/watch/?v=dQw4w9WgXcQ", watch, YouTube, "dQw4w9WgXcQ"},
		{"https://music.youtube.com/watch?v=dQw4w9WgXcQ&si=1", watch, YouTube, "dQw4w9WgXcQ"},
		{"https://youtu.be/dQw4w9WgXcQ?si=abc&t=10", watch, YouTube, "dQw4w9WgXcQ"},
		{"https://www.youtube.com/live/dQw4w9WgXcQ?feature=shared", watch, YouTube, "dQw4w9WgXcQ"},
		{"https://www.youtube.com/embed/dQw4w9WgXcQ?start=3", watch, YouTube, "dQw4w9WgXcQ"},
		{"https://youtube.com/shorts/aB3-_x9Yz0Q?si=utm", shrt, YouTube, "aB3-_x9Yz0Q"},
		{"//www.youtube.com/shorts/aB3-_x9Yz0Q/", shrt, YouTube, "aB3-_x9Yz0Q"},
		{"https://www.instagram.com/p/C1a2B3c4D5e/?igsh=MWQ1ZGUxMzBkMA==", post, Instagram, "C1a2B3c4D5e"},
		{"instagram.com/p/C1a2B3c4D5e", post, Instagram, "C1a2B3c4D5e"},
		{"https://www.instagram.com/tv/C1a2B3c4D5e/", post, Instagram, "C1a2B3c4D5e"},
		{"https://www.instagram.com/reel/Cx-Y_z12345/?utm_source=ig_web_copy_link&igshid=abc", reel, Instagram, "Cx-Y_z12345"},
		{"https://instagram.com/reels/Cx-Y_z12345/", reel, Instagram, "Cx-Y_z12345"},
		{"https://www.instagram.com/some.user/reel/Cx-Y_z12345/", reel, Instagram, "Cx-Y_z12345"},
		{`  "<https://youtu.be/dQw4w9WgXcQ>"), `, watch, YouTube, "dQw4w9WgXcQ"},
		{"\ufeff(https://youtu.be/dQw4w9WgXcQ).", watch, YouTube, "dQw4w9WgXcQ"},
		{"“https://www.youtube.com.:443/watch?v=dQw4w9WgXcQ”\u200b", watch, YouTube, "dQw4w9WgXcQ"},
	}
	for _, tc := range cases {
		t.Run(tc.raw, func(t *testing.T) {
			got, err := Classify(tc.raw)
			if err != nil {
				t.Fatalf("Classify: %v", err)
			}
			want := contract.Link{Raw: tc.raw, Canonical: tc.canonical, Platform: tc.platform, ID: tc.id}
			if got != want {
				t.Fatalf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestClassifyExplainsRejections(t *testing.T) {
	cases := []struct{ raw, reason string }{
		{"", "empty"},
		{"  ), ", "empty"},
		{"hello", "not a web link"},
		{"javascript:alert(1)", `not "javascript" links`},
		{"ftp://www.youtube.com/watch?v=dQw4w9WgXcQ", `not "ftp" links`},
		{"https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ", "user name or password"},
		{"https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ", "port number"},
		{"https://vimeo.com/123456", "vimeo.com is not supported: TikTok, YouTube and Instagram links only"},
		{"https://www.dailymotion.com/video/x8", "dailymotion.com is not supported"},
		{"https://www.tiktok.com/@user/photo/7301234567890123456", "photo post, not a video"},
		{"https://www.tiktok.com/@user", "TikTok profile"},
		{"https://www.tiktok.com/@user/video/12ab", "not a TikTok video link"},
		{"https://www.tiktok.com/@us/er/video/1", "not a TikTok video link"},
		{"https://www.tiktok.com/foryou", "not a TikTok video link"},
		{"https://vm.tiktok.com/", "not a TikTok short link"},
		{"https://vm.tiktok.com/ab-c/", "short link code is not valid"},
		{"https://www.youtube.com/playlist?list=PL123", "a channel/playlist, not a single video"},
		{"https://www.youtube.com/watch?list=PL123", "a channel/playlist, not a single video"},
		{"https://www.youtube.com/embed/videoseries?list=PL123", "a channel/playlist, not a single video"},
		{"https://www.youtube.com/@SomeChannel", "a channel/playlist, not a single video"},
		{"https://www.youtube.com/channel/UC123", "a channel/playlist, not a single video"},
		{"https://www.youtube.com/c/Name/videos", "a channel/playlist, not a single video"},
		{"https://www.youtube.com/watch?v=short", "video id is not valid"},
		{"https://youtu.be/dQw4w9WgXcQ1", "video id is not valid"},
		{"https://youtu.be/dQw4w9WgX.Q", "video id is not valid"},
		{"https://www.youtube.com/", "not a YouTube video link"},
		{"https://www.youtube.com/results?search_query=x", "not a YouTube video link"},
		{"https://www.instagram.com/some.user/", "Instagram profile, not a single post"},
		{"https://www.instagram.com/stories/some.user/3301234567/", "stories are not supported"},
		{"https://www.instagram.com/explore/", "not an Instagram post or reel"},
		{"https://www.instagram.com/reels/", "not an Instagram post or reel"},
		{"https://www.instagram.com/p/bad%20code/", "not an Instagram post or reel"},
	}
	for _, tc := range cases {
		t.Run(tc.raw, func(t *testing.T) {
			link, err := Classify(tc.raw)
			if err == nil {
				t.Fatalf("Classify accepted it as %+v", link)
			}
			if !strings.Contains(err.Error(), tc.reason) {
				t.Fatalf("reason %q does not contain %q", err, tc.reason)
			}
		})
	}
}
