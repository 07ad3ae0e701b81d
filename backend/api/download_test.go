package api

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

const fileContent = "0123456789abcdefghijklmnopqrstuvwxyz"

// rangeFile serves fileContent like a server that honours Range, recording the request.
func rangeFile(t *testing.T, seen *http.Request, body *map[string]any) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		*seen = *r.Clone(context.Background())
		if body != nil {
			jsonBody(t, r, body)
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Content-Disposition", `attachment; filename="../../etc/passwd"`)
		off := 0
		if rg := r.Header.Get("Range"); rg != "" {
			off, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(rg, "bytes="), "-"))
			w.Header().Set("Content-Range", "bytes "+strconv.Itoa(off)+"-35/36")
			w.Header().Set("Content-Length", strconv.Itoa(36-off))
			w.WriteHeader(http.StatusPartialContent)
		}
		io.WriteString(w, fileContent[off:])
	}
}

func readAll(t *testing.T, d *Download) string {
	t.Helper()
	defer d.Body.Close()
	b, err := io.ReadAll(d.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDownloadStreamsFile(t *testing.T) {
	var seen http.Request
	var body map[string]any
	f := newFakeAPI(t, rangeFile(t, &seen, &body))
	d, err := f.client.Download(context.Background(), "VI1", "trip", DownloadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, d); got != fileContent {
		t.Fatalf("body %q", got)
	}
	if d.Size != 36 || d.Offset != 0 || d.Filename != "passwd" || d.ContentType != "application/octet-stream" {
		t.Fatalf("download %+v", d)
	}
	if seen.Method != http.MethodPost || seen.URL.Path != "/serve/api/v1/download" || seen.Header.Get("Range") != "" ||
		seen.Header.Get("Accept-Encoding") != "identity" {
		t.Fatalf("request %s %s %v", seen.Method, seen.URL.Path, seen.Header)
	}
	if body["video_no"] != "VI1" || body["unique_id"] != "trip" {
		t.Fatalf("body %v", body)
	}
}

func TestDownloadResumesWhenRangeHonoured(t *testing.T) {
	var seen http.Request
	f := newFakeAPI(t, rangeFile(t, &seen, nil))
	d, err := f.client.Download(context.Background(), "VI1", "", DownloadOptions{Offset: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, d); got != fileContent[10:] || d.Offset != 10 || d.Size != 26 {
		t.Fatalf("got %q, %+v", got, d)
	}
	if seen.Header.Get("Range") != "bytes=10-" {
		t.Fatalf("Range %q", seen.Header.Get("Range"))
	}
}

func TestDownloadRestartsWhenRangeIgnored(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, fileContent) })
	d, err := f.client.Download(context.Background(), "VI1", "", DownloadOptions{Offset: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, d); got != fileContent || d.Offset != 0 || d.Filename != "" {
		t.Fatalf("got %q, %+v", got, d)
	}
}

func TestDownloadRejectsMismatchedRange(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Range", "bytes 0-35/36")
		w.WriteHeader(http.StatusPartialContent)
		io.WriteString(w, fileContent)
	})
	d, err := f.client.Download(context.Background(), "VI1", "", DownloadOptions{Offset: 10})
	if d != nil || !errors.Is(err, ErrUnexpected) {
		t.Fatalf("got %+v, %v", d, err)
	}
}

func TestDownloadJSONErrorReturnsNothing(t *testing.T) {
	cases := []struct {
		name   string
		answer answer
		kind   error
	}{
		{"not found on 200", v1("0001", "video not found"), ErrNotFound},
		{"rate limited on 200", v1("0429", "Request has exceeded the limit."), ErrRateLimited},
		{"success envelope instead of file", answer{200, "application/json;charset=UTF-8", `{"code":"0000","data":null}`}, ErrUnexpected},
		{"range not satisfiable", answer{416, "text/plain", "no"}, ErrUnexpected},
		{"server error page", answer{503, "text/html", "<html>down</html>"}, ErrServer},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeAPI(t, tc.answer.serve)
			d, err := f.client.Download(context.Background(), "VI1", "", DownloadOptions{})
			if d != nil || !errors.Is(err, tc.kind) {
				t.Fatalf("got %+v, %v; want nil, %v", d, err, tc.kind)
			}
			assertNoKey(t, err)
		})
	}
}

func TestDownloadTruncatedBodyFailsTheRead(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "video/mp4")
		w.Header().Set("Content-Length", "1000")
		io.WriteString(w, fileContent) // then the connection ends early
	})
	d, err := f.client.Download(context.Background(), "VI1", "", DownloadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Body.Close()
	if d.Size != 1000 {
		t.Fatalf("Size %d", d.Size)
	}
	got, err := io.ReadAll(d.Body)
	if !errors.Is(err, io.ErrUnexpectedEOF) || !errors.Is(err, ErrNetwork) || !Retryable(err) {
		t.Fatalf("read error %v", err)
	}
	if string(got) != fileContent {
		t.Fatalf("got %q before the break", got)
	}
	assertNoKey(t, err)
}

func TestDownloadValidates(t *testing.T) {
	f := newFakeAPI(t, okJSON(nil))
	_, err := f.client.Download(context.Background(), "", "", DownloadOptions{})
	wantInvalid(t, err, "videoNo")
	_, err = f.client.Download(context.Background(), "VI1", "", DownloadOptions{Offset: -1})
	wantInvalid(t, err, "offset")
	if f.hits.Load() != 0 {
		t.Fatal("a request was sent")
	}
}

func TestDownloadAsset(t *testing.T) {
	cases := []struct {
		name, id, disposition, wantPath, wantName string
	}{
		{"plain", "re_657739295220518912", `attachment; filename="clip.mp4"`, "/serve/api/v2/re_657739295220518912/download", "clip.mp4"},
		{"filename* wins", "re_1", `attachment; filename="fallback.mp4"; filename*=UTF-8''%C3%A9t%C3%A9.mp4`, "/serve/api/v2/re_1/download", "été.mp4"},
		{"filename* with encoded slash", "re_1", `attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd`, "/serve/api/v2/re_1/download", "passwd"},
		{"windows path", "re_1", `attachment; filename="C:\\x\\y.mp4"`, "/serve/api/v2/re_1/download", "y.mp4"},
		{"no header", "re_2", "", "/serve/api/v2/re_2/download", "re_2.mp4"},
		{"only hostile name", "re_3", `attachment; filename="../.."`, "/serve/api/v2/re_3/download", "re_3.mp4"},
		{"escaped id", "re 4?x", "", "/serve/api/v2/re%204%3Fx/download", "re 4_x.mp4"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
				if r.Method != http.MethodGet || r.URL.EscapedPath() != tc.wantPath {
					t.Errorf("got %s %s", r.Method, r.URL.EscapedPath())
				}
				if tc.disposition != "" {
					w.Header().Set("Content-Disposition", tc.disposition)
				}
				w.Header().Set("Content-Type", "video/mp4")
				io.WriteString(w, "data")
			})
			d, err := f.client.DownloadAsset(context.Background(), tc.id, DownloadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := readAll(t, d); got != "data" || d.Filename != tc.wantName || d.ContentType != "video/mp4" {
				t.Fatalf("got %q, %+v", got, d)
			}
		})
	}
}

func TestDownloadAssetUsesAssetHost(t *testing.T) {
	main := newFakeAPI(t, okJSON(nil))
	asset := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "asset") })
	c := newTestClient(t, main.URL+prefix, func(cfg *Config) { cfg.AssetBaseURL = asset.URL + prefix })
	d, err := c.DownloadAsset(context.Background(), "re_1", DownloadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if readAll(t, d) != "asset" || main.hits.Load() != 0 || asset.hits.Load() != 1 {
		t.Fatalf("hits: main %d asset %d", main.hits.Load(), asset.hits.Load())
	}
}

func TestDownloadAssetErrors(t *testing.T) {
	f := newFakeAPI(t, v2(400, "Asset not found").serve)
	d, err := f.client.DownloadAsset(context.Background(), "re_9", DownloadOptions{})
	if d != nil || !errors.Is(err, ErrNotFound) {
		t.Fatalf("got %+v, %v", d, err)
	}
	hits := f.hits.Load()
	for _, id := range []string{"", "re/1", `re\1`, ".", ".."} {
		_, err := f.client.DownloadAsset(context.Background(), id, DownloadOptions{})
		wantInvalid(t, err, "assetId")
	}
	if f.hits.Load() != hits {
		t.Fatal("an invalid id was sent")
	}
}
