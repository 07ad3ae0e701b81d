package sandbox

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// DefaultAddr is the listen address used when none is given: loopback, any free port.
const DefaultAddr = "127.0.0.1:0"

// Running is a sandbox served over real TCP, for the CLI, the app's sandbox mode and benchmarks.
type Running struct {
	// URL is the base URL ("http://127.0.0.1:port"); use it for both the API and the asset base.
	URL    string
	Server *Server
	http   *http.Server
}

// Listen starts a sandbox on addr. Only loopback hosts are accepted: the sandbox accepts any key
// and its control endpoint needs none, so it must never be reachable from the network.
func Listen(addr string, opts Options) (*Running, error) {
	if addr == "" {
		addr = DefaultAddr
	}
	if err := checkLoopback(addr); err != nil {
		return nil, err
	}
	s, err := New(opts)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		_ = s.Close()
		return nil, fmt.Errorf("sandbox: listen: %w", err)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return &Running{URL: "http://" + ln.Addr().String(), Server: s, http: srv}, nil
}

// checkLoopback refuses addresses that would listen on a non-loopback interface.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("sandbox: bad listen address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("sandbox: refusing to listen on %q: only loopback addresses (127.0.0.1, ::1, localhost) are allowed", addr)
}

// Close stops serving (dropping open connections) and releases the server's upload folder.
func (r *Running) Close() error {
	return errors.Join(r.http.Close(), r.Server.Close())
}
