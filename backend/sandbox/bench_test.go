package sandbox

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
)

// benchSize is the body size of one benchmark iteration.
const benchSize = 256 << 20

// BenchmarkUpload measures the multipart upload path end to end over loopback TCP.
func BenchmarkUpload(b *testing.B) {
	s, ts := newSandbox(b, Options{})
	b.SetBytes(benchSize)
	for b.Loop() {
		res := uploadStream(b, ts.URL, "bench.mp4", benchSize)
		if res.Code != codeOK {
			b.Fatalf("upload: %+v", res)
		}
		b.StopTimer()
		removeAll(b, s)
		b.StartTimer()
	}
}

// BenchmarkDownload measures the v1 download path (sendfile from disk) over loopback TCP.
func BenchmarkDownload(b *testing.B) {
	_, ts := newSandbox(b, Options{})
	no := uploadStream(b, ts.URL, "bench.mp4", benchSize).videoNo(b)
	b.SetBytes(benchSize)
	for b.Loop() {
		res := postJSON(b, ts.URL+"/serve/api/v1/download", `{"video_no":"`+no+`"}`)
		n, err := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if err != nil || n != benchSize {
			b.Fatalf("download: %d bytes, %v", n, err)
		}
	}
}

// BenchmarkBaselineDiscard is the loopback ceiling: a handler that only discards the body.
func BenchmarkBaselineDiscard(b *testing.B) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
	}))
	defer ts.Close()
	b.SetBytes(benchSize)
	for b.Loop() {
		res, err := http.Post(ts.URL, "application/octet-stream", io.LimitReader(&patternReader{}, benchSize))
		if err != nil {
			b.Fatal(err)
		}
		res.Body.Close()
	}
}

// removeAll deletes every video so benchmark iterations do not fill the disk.
func removeAll(tb testing.TB, s *Server) {
	for _, v := range s.Videos("") {
		for _, p := range s.remove(v.UniqueID, []string{v.VideoNo}, s.opts.Now()) {
			if err := os.Remove(p); err != nil {
				tb.Fatal(err)
			}
		}
	}
}
