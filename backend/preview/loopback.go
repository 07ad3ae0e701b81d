package preview

import (
	"net"
	"net/http"
	"time"
)

// ServeLoopback also serves the registry on a loopback port and makes URL return addresses
// there. On Linux the webview's media player (GStreamer) cannot read the app's own wails://
// scheme (a WebKitGTK limitation), so video elements must load previews over HTTP; ids stay
// unguessable and requests naming another host are refused, so a web page cannot reach the
// files through a DNS name pointed at 127.0.0.1. stop closes the listener.
func (r *Registry) ServeLoopback() (stop func(), err error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	host := l.Addr().String()
	srv := &http.Server{Handler: hostOnly(host, r), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(l) // returns when stopped
	r.mu.Lock()
	r.base = "http://" + host
	r.mu.Unlock()
	return func() { srv.Close() }, nil
}

// hostOnly answers only requests addressed to host.
func hostOnly(host string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Host != host {
			http.NotFound(w, req)
			return
		}
		next.ServeHTTP(w, req)
	})
}
