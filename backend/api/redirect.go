package api

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// maxRedirects caps how many redirects one request follows; the service itself never needs
// more than a couple (a download handed to storage).
const maxRedirects = 5

// checkRedirect is every client's redirect policy (docs/API.md §10). Go forwards the Authorization
// header to the same host name on any port and scheme; the key must only ever reach the origin it
// was configured for, so it is dropped as soon as scheme, host or port differ from the first
// request.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("stopped after %d redirects", maxRedirects)
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
