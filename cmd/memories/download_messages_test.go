package main

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// rawServer answers every request with the raw bytes answer gives it (Go's server would refuse
// to send malformed headers), and counts the requests.
func rawServer(t *testing.T, answer func(path string) string) (url string, requests *atomic.Int32) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	requests = new(atomic.Int32)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				if req, err := http.ReadRequest(bufio.NewReader(c)); err == nil {
					requests.Add(1)
					fmt.Fprint(c, answer(req.URL.Path))
				}
			}()
		}
	}()
	return "http://" + l.Addr().String(), requests
}

// Answers that break HTTP itself are no network trouble: they fail at once, without retries,
// and never tell the person to check the internet connection.
func TestMalformedAnswersAreNotNetworkTrouble(t *testing.T) {
	for name, answer := range map[string]func(string) string{
		"negative Content-Length": func(string) string { return "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nabc" },
		"control byte in a header": func(string) string {
			return "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\x01\r\nContent-Length: 3\r\n\r\nabc"
		},
		"redirect loop": func(p string) string { return "HTTP/1.1 302 Found\r\nLocation: " + p + "\r\nContent-Length: 0\r\n\r\n" },
		"file:// redirect": func(string) string {
			return "HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n"
		},
	} {
		t.Run(name, func(t *testing.T) {
			e := newTestEnv(t)
			url, requests := rawServer(t, answer)
			e.env["MEMORIES_ASSET_BASE_URL"] = url
			start := time.Now()
			r := e.run("", "download-asset", "--json", "-o", t.TempDir(), "re_1").want(t, 1)
			all := strings.ToLower(r.stdout + r.stderr)
			if strings.Contains(all, "internet connection") || strings.Contains(all, "could not reach") {
				t.Fatalf("reads as network trouble: %s", all)
			}
			if !strings.Contains(all, "does not understand") {
				t.Fatalf("does not say the answer was not understood: %s", all)
			}
			if n := requests.Load(); n > 6 || time.Since(start) > 5*time.Second { // a loop is 5 redirects of one request
				t.Fatalf("%d requests in %s: retried", n, time.Since(start))
			}
		})
	}
}

// A failed `memories list` (or status) was asked once and is not retried behind the person's
// back (beyond the client's own few seconds), so its message never says the queue retries
// automatically. Parallel: the client's retries take about 7 s.
func TestListFailureDoesNotPromiseRetries(t *testing.T) {
	t.Parallel()
	e := newFaultEnv(t)
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool { w.WriteHeader(http.StatusBadGateway); return true })
	r := e.run("", "list").want(t, 1)
	if strings.Contains(r.stderr, "automatically") || !strings.Contains(r.stderr, "retry") {
		t.Fatalf("list says %q", r.stderr)
	}
}
