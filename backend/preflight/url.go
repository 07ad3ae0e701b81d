package preflight

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"memories-desktop/backend/i18n"
	"memories-desktop/backend/sources"
)

// CheckVideoURL reports, in plain words, why raw cannot be given to the upload-from-URL
// endpoint: the service fetches it itself, so it must be an http(s) link with a host and
// without a user name or password. Platform pages (TikTok, YouTube, Instagram) are pointed to
// the import feature, which is the one that can fetch them.
func CheckVideoURL(raw string) error {
	s := strings.TrimSpace(raw)
	if s == "" {
		return errors.New(i18n.T("url.empty"))
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return errors.New(i18n.T("url.invalid"))
	case u.Scheme == "":
		return errors.New(i18n.T("url.noScheme"))
	case u.Scheme != "http" && u.Scheme != "https":
		return errors.New(i18n.T("url.scheme", i18n.Args{"Scheme": fmt.Sprintf("%q", u.Scheme)}))
	case u.User != nil:
		return errors.New(i18n.T("url.user"))
	case u.Hostname() == "":
		return errors.New(i18n.T("url.noHost"))
	}
	if link, err := sources.Classify(s); err == nil {
		return errors.New(i18n.T("url.platformPage", i18n.Args{"Platform": sources.Title(link.Platform)}))
	}
	return nil
}
