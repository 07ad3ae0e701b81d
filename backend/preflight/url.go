package preflight

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"memories-desktop/backend/sources"
)

// CheckVideoURL reports, in plain words, why raw cannot be given to the upload-from-URL
// endpoint: the service fetches it itself, so it must be an http(s) link with a host and
// without a user name or password. Platform pages (TikTok, YouTube, Instagram) are pointed to
// the import feature, which is the one that can fetch them.
func CheckVideoURL(raw string) error {
	s := strings.TrimSpace(raw)
	if s == "" {
		return errors.New("enter the link of a video file")
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return errors.New("this is not a valid link")
	case u.Scheme == "":
		return errors.New("the link must start with https:// or http://")
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("only http and https links can be uploaded, not %q links", u.Scheme)
	case u.User != nil:
		return errors.New("links with a user name or password cannot be used: the service must be able to download the video without signing in")
	case u.Hostname() == "":
		return errors.New("the link has no host name")
	}
	if link, err := sources.Classify(s); err == nil {
		return fmt.Errorf("this is a %s page, not a video file: add it with Import links instead", sources.Title(link.Platform))
	}
	return nil
}
