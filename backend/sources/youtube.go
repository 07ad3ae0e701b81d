package sources

import (
	"memories-desktop/backend/contract"
	"net/url"
	"strings"
)

const (
	youtubeWatch  = "https://www.youtube.com/watch?v="
	youtubeShorts = "https://www.youtube.com/shorts/"
	youtubeIDLen  = 11
)

var (
	errNotSingle = &reason{id: "link.youtubeList"}
	errYouTube   = &reason{id: "link.youtube"}
	errYouTubeID = &reason{id: "link.youtubeID"}
)

// youtubePaths maps the first path segment of single-video forms to their canonical base.
var youtubePaths = map[string]string{"shorts": youtubeShorts, "live": youtubeWatch, "embed": youtubeWatch}

// channelPaths are the first path segments of pages that list many videos.
var channelPaths = map[string]bool{"playlist": true, "channel": true, "c": true, "user": true}

// youtubePage matches youtube.com: /watch?v=<id>, /shorts/<id>, /live/<id> and /embed/<id>.
// Only the video id survives; list=, t=, si= and other parameters are dropped.
func youtubePage(u *url.URL) (contract.Link, error) {
	s := segments(u.Path)
	q := u.Query()
	if len(s) == 1 && strings.EqualFold(s[0], "watch") && q.Get("v") != "" {
		return youtubeID(q.Get("v"), youtubeWatch)
	}
	if len(s) == 2 && s[1] != "videoseries" {
		if base, ok := youtubePaths[strings.ToLower(s[0])]; ok {
			return youtubeID(s[1], base)
		}
	}
	if q.Has("list") || len(s) > 0 && (channelPaths[strings.ToLower(s[0])] || strings.HasPrefix(s[0], "@")) {
		return contract.Link{}, errNotSingle
	}
	return contract.Link{}, errYouTube
}

// youtubeShort matches youtu.be/<id>.
func youtubeShort(u *url.URL) (contract.Link, error) {
	if s := segments(u.Path); len(s) == 1 {
		return youtubeID(s[0], youtubeWatch)
	}
	return contract.Link{}, errYouTube
}

// youtubeID validates an id and builds the canonical link; the id alone decides duplicates, so
// a shorts link and a watch link to the same video are one video.
func youtubeID(id, base string) (contract.Link, error) {
	if len(id) != youtubeIDLen || !validChars(id, youtubeIDLen, "-_") {
		return contract.Link{}, errYouTubeID
	}
	return contract.Link{Platform: YouTube, ID: id, Canonical: base + id}, nil
}
