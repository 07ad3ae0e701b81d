package api

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// ErrBadRedirect is a redirect the policy does not follow: one too many (a loop), or to another
// scheme than http(s) (file:, ftp:…).
var ErrBadRedirect = errors.New("a redirect this app does not follow")

// maxRedirects caps how many redirects one request follows; the service itself never needs
// more than a couple (a download handed to storage).
const maxRedirects = 5

// checkRedirect is every client's redirect policy (docs/API.md §10). Go forwards the Authorization
// header to the same host name on any port and scheme; the key must only ever reach the origin it
// was configured for, so it is dropped as soon as scheme, host or port differ from the first
// request.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("%w: stopped after %d redirects", ErrBadRedirect, maxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("%w: to a %q address", ErrBadRedirect, req.URL.Scheme)
	}
	if len(via) > 0 && origin(req.URL) != origin(via[0].URL) {
		req.Header.Del("Authorization")
		req.Header.Del("Cookie")
	}
	return nil
}

// origin is scheme://host:port with the scheme's default port made explicit.
func origin(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	return u.Scheme + "://" + strings.ToLower(u.Hostname()) + ":" + port
}

// withRedirectPolicy returns hc, or a copy of it carrying checkRedirect when it has no policy
// of its own (a caller's client must not follow redirects with the key either).
func withRedirectPolicy(hc *http.Client) *http.Client {
	if hc.CheckRedirect != nil {
		return hc
	}
	c := *hc
	c.CheckRedirect = checkRedirect
	return &c
}
