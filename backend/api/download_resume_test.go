package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"testing"
)

func TestDownloadResumeSendsIfRangeAndReadsValidators(t *testing.T) {
	var ifRange, rng string
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		ifRange, rng = r.Header.Get("If-Range"), r.Header.Get("Range")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 30 Nov 2026 09:00:00 GMT")
		w.Header().Set("Content-Range", "bytes 10-35/36")
		w.WriteHeader(http.StatusPartialContent)
		io.WriteString(w, fileContent[10:])
	})
	d, err := f.client.Download(context.Background(), "VI1", "", DownloadOptions{Offset: 10, IfRange: `"v1"`})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Body.Close()
	if ifRange != `"v1"` || rng != "bytes=10-" {
		t.Fatalf("If-Range %q, Range %q", ifRange, rng)
	}
	if d.Offset != 10 || d.Total != 36 || d.ETag != `"v1"` || d.LastModified == "" {
		t.Fatalf("got %+v", d)
	}
}

func TestDownloadFreshStartSendsNoIfRange(t *testing.T) {
	var had bool
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		_, had = r.Header["If-Range"]
		io.WriteString(w, fileContent)
	})
	d, err := f.client.Download(context.Background(), "VI1", "", DownloadOptions{IfRange: `"v1"`})
	if err != nil {
		t.Fatal(err)
	}
	d.Body.Close()
	if had || d.Total != int64(len(fileContent)) {
		t.Fatalf("If-Range sent without a range: %v; total %d", had, d.Total)
	}
}

func TestDownloadRangePastTheEndReportsTheSize(t *testing.T) {
	for _, tc := range []struct {
		header string
		size   int64
	}{{"bytes */36", 36}, {"", -1}} {
		f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
			if tc.header != "" {
				w.Header().Set("Content-Range", tc.header)
			}
			w.WriteHeader(http.StatusRequestedRangeNotSatisfiable)
		})
		d, err := f.client.Download(context.Background(), "VI1", "", DownloadOptions{Offset: 36})
		var re *RangeError
		if d != nil || !errors.As(err, &re) || re.Size != tc.size || re.Offset != 36 {
			t.Fatalf("%q: got %+v, %v", tc.header, d, err)
		}
	}
}

// FuzzContentRange: the Content-Range parsers never panic, never return a negative position,
// and read back what a well-formed header says.
func FuzzContentRange(f *testing.F) {
	for _, s := range []string{"bytes 10-35/36", "bytes */36", "bytes 0-0/*", "", "bytes -5-3/9",
		"bytes 9223372036854775807-1/9223372036854775807", "bytes 1-2/99999999999999999999", " bytes  3 - 4 / 5 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		total := contentRangeTotal(h)
		start, ok := contentRangeStart(h)
		if total < -1 || (ok && start < 0) {
			t.Fatalf("%q: start %d (%v), total %d", h, start, ok, total)
		}
		var a, b, n int64
		if _, err := fmt.Sscanf(h, "bytes %d-%d/%d", &a, &b, &n); err == nil && a >= 0 && n >= 0 &&
			fmt.Sprintf("bytes %d-%d/%d", a, b, n) == h && (start != a || !ok || total != n) {
			t.Fatalf("%q read as start %d (%v), total %d", h, start, ok, total)
		}
	})
}
