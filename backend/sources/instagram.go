package sources

import (
	"memories-desktop/backend/contract"
	"net/url"
	"strings"
)

const instagramBase = "https://www.instagram.com/"

var (
	errInstagram        = &reason{id: "link.instagram"}
	errInstagramProfile = &reason{id: "link.instagramProfile"}
	errInstagramStory   = &reason{id: "link.instagramStory"}
)

// instagramKinds maps post path kinds to the canonical kind: IGTV became posts, reels is a reel.
var instagramKinds = map[string]string{"p": "p", "tv": "p", "reel": "reel", "reels": "reel"}

// instagramPages are first path segments that are site pages, not user names.
var instagramPages = map[string]bool{
	"explore": true, "accounts": true, "direct": true, "about": true, "legal": true, "developer": true,
	"stories": true, "p": true, "tv": true, "reel": true, "reels": true,
}

// instagramPage matches /p/<code>/, /reel/<code>/, /reels/<code>/ and /tv/<code>/, also in the
// newer /<user>/p/<code>/ and /<user>/reel/<code>/ shapes that the share button produces.
func instagramPage(u *url.URL) (contract.Link, error) {
	s := segments(u.Path)
	first := ""
	if len(s) > 0 {
		first = strings.ToLower(s[0])
	}
	if len(s) == 3 && !instagramPages[first] {
		s = s[1:]
	}
	switch {
	case len(s) == 2 && instagramKinds[strings.ToLower(s[0])] != "":
		return instagramPost(instagramKinds[strings.ToLower(s[0])], s[1])
	case first == "stories":
		return contract.Link{}, errInstagramStory
	case len(s) == 1 && !instagramPages[first]:
		return contract.Link{}, errInstagramProfile
	}
	return contract.Link{}, errInstagram
}

// instagramPost builds the canonical link; the short code alone decides duplicates.
func instagramPost(kind, code string) (contract.Link, error) {
	if !validChars(code, 64, "-_") {
		return contract.Link{}, errInstagram
	}
	return contract.Link{Platform: Instagram, ID: code, Canonical: instagramBase + kind + "/" + code + "/"}, nil
}
