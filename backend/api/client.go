package api

import (
	"cmp"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"memories-desktop/backend/version"
)

// Default hosts of the service.
const (
	DefaultBaseURL      = "https://api.memories.ai"
	DefaultAssetBaseURL = "https://mavi-backend.memories.ai"
)

// Config configures a Client. Zero values select the production defaults.
type Config struct {
	BaseURL      string       // Visual Search host; default DefaultBaseURL; may carry a path prefix
	AssetBaseURL string       // v2 asset host; default DefaultAssetBaseURL; may carry a path prefix
	APIKey       string       // sent raw in the Authorization header; calls fail fast while it is empty
	UserAgent    string       // default "MemoriesDesktop/<Version>"
	HTTPClient   *http.Client // default: NewHTTPClient()
	Observe      Observer     // optional: told the outcome of every request (connection indicator)
	Gate         Gate         // optional: paces every request and hears its outcome (gate.go)
}

// Client talks to the memories.ai API. It is safe for concurrent use.
type Client struct {
	base      *url.URL
	assetBase *url.URL
	key       string
	userAgent string
	http      *http.Client
	observer  Observer
	gate      Gate
	noRetry   bool // see WithoutRetries
}

// New checks cfg and returns a Client. Base URLs must be absolute http(s) URLs with a host and
// no query or fragment; a path prefix is kept when endpoints are joined to them.
func New(cfg Config) (*Client, error) {
	base, err := parseBaseURL("BaseURL", cfg.BaseURL, DefaultBaseURL)
	if err != nil {
		return nil, err
	}
	assetBase, err := parseBaseURL("AssetBaseURL", cfg.AssetBaseURL, DefaultAssetBaseURL)
	if err != nil {
		return nil, err
	}
	key := strings.TrimSpace(cfg.APIKey)
	if strings.ContainsFunc(key, isUnsafeHeaderRune) {
		return nil, invalid("APIKey", "api.keySpaces")
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = defaultHTTPClient
	}
	hc = withRedirectPolicy(hc)
	return &Client{base: base, assetBase: assetBase, key: key,
		userAgent: cmp.Or(cfg.UserAgent, "MemoriesDesktop/"+version.Version), http: hc, observer: cfg.Observe, gate: cfg.Gate}, nil
}

// NewHTTPClient returns the client New uses by default: proxies from the environment
// (HTTPS_PROXY, NO_PROXY…), timeouts on dialing, TLS and waiting for response headers, but no
// overall timeout because multi-gigabyte bodies legitimately take a long time.
func NewHTTPClient() *http.Client {
	return &http.Client{CheckRedirect: checkRedirect, Transport: &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialBigWrites((&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext),
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   15 * time.Second,
		ResponseHeaderTimeout: ResponseTimeout,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConns:          16,
	}}
}

// ResponseTimeout is how long a request waits for the answer once it is sent; clients that
// must know when an abandoned request is over (upload reconciliation) count on it.
const ResponseTimeout = 2 * time.Minute

// ResponseTimeoutEnv names the variable that changes ResponseTimeout for the app and the CLI.
const ResponseTimeoutEnv = "MEMORIES_RESPONSE_TIMEOUT"

// ParseResponseTimeout reads a ResponseTimeoutEnv value: "" is ResponseTimeout, else a duration
// from 1 s to 1 h.
func ParseResponseTimeout(raw string) (time.Duration, error) {
	if raw == "" {
		return ResponseTimeout, nil
	}
	d, err := time.ParseDuration(raw)
	if err != nil || d < time.Second || d > time.Hour {
		return 0, invalid(ResponseTimeoutEnv, "api.timeout")
	}
	return d, nil
}

// NewHTTPClientTimeout is NewHTTPClient with another response timeout.
func NewHTTPClientTimeout(d time.Duration) *http.Client {
	hc := NewHTTPClient()
	hc.Transport.(*http.Transport).ResponseHeaderTimeout = d
	return hc
}

// defaultHTTPClient is shared so that all Clients reuse one connection pool.
var defaultHTTPClient = NewHTTPClient()

func parseBaseURL(field, raw, def string) (*url.URL, error) {
	u, err := parseHTTPURL(field, cmp.Or(raw, def), 0)
	if err != nil {
		return nil, err
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, invalid(field, "api.baseURLParts")
	}
	if u.Scheme == "http" && !IsLoopbackHost(u.Hostname()) {
		return nil, invalid(field, "api.plainHTTP")
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = strings.TrimRight(u.RawPath, "/")
	return u, nil
}

// PlainHTTPRefused is why a plain http:// base URL is refused for any host but this computer.
const PlainHTTPRefused = "plain http:// would send the API key unencrypted; use https:// " +
	"(http:// is only allowed for this computer: localhost, 127.0.0.1 or ::1, such as a local sandbox)"

// IsLoopbackHost tells whether host (a name or an IP, without port) is this computer.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// redact removes the API key from text that may be shown to people or written to logs.
func (c *Client) redact(s string) string {
	if len(c.key) < 4 {
		return s
	}
	return strings.ReplaceAll(s, c.key, "[redacted]")
}

func isUnsafeHeaderRune(r rune) bool { return r <= ' ' || r == 0x7f }
