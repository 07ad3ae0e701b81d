package sandbox

import (
	"io"
	"net/http"
	"time"
)

// logWriter records the status and size of a response for Options.Logf while keeping the fast
// paths of the underlying writer (ReadFrom for sendfile; Flush through Unwrap).
type logWriter struct {
	http.ResponseWriter
	status  int
	written int64
}

func newLogWriter(w http.ResponseWriter) *logWriter {
	return &logWriter{ResponseWriter: w}
}

func (l *logWriter) WriteHeader(code int) {
	if l.status == 0 {
		l.status = code
	}
	l.ResponseWriter.WriteHeader(code)
}

// implicitOK records the status net/http sends when a body starts without WriteHeader.
func (l *logWriter) implicitOK() {
	if l.status == 0 {
		l.status = http.StatusOK
	}
}

func (l *logWriter) Write(p []byte) (int, error) {
	l.implicitOK()
	n, err := l.ResponseWriter.Write(p)
	l.written += int64(n)
	return n, err
}

// ReadFrom keeps sendfile working for downloads when logging is on.
func (l *logWriter) ReadFrom(r io.Reader) (int64, error) {
	l.implicitOK()
	n, err := io.Copy(l.ResponseWriter, r)
	l.written += n
	return n, err
}

// Unwrap lets http.ResponseController reach Flush of the real writer.
func (l *logWriter) Unwrap() http.ResponseWriter { return l.ResponseWriter }

// logRequest writes one line per request: method, path (never the query or headers, so no key),
// status, bytes and duration.
func (s *Server) logRequest(l *logWriter, r *http.Request, start time.Time) {
	s.opts.Logf("sandbox: %s %s -> %d (%d bytes, %s)", r.Method, r.URL.Path, l.status, l.written,
		time.Since(start).Round(time.Microsecond))
}
