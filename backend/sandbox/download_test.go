package sandbox

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// readAll reads and closes a response body.
func readAll(t *testing.T, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("reading body: %v", err)
	}
	return string(b)
}

// download posts the documented download body, optionally with a Range header.
func download(t *testing.T, base, body, rng string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base+"/serve/api/v1/download", strings.NewReader(body))
	req.Header.Set("Authorization", testKey)
	req.Header.Set("Content-Type", "application/json")
	if rng != "" {
		req.Header.Set("Range", rng)
	}
	return do(t, req)
}

// TestDownloadDocShape downloads with {"video_no","unique_id"} and checks the documented headers.
func TestDownloadDocShape(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	no := uploadSmall(t, ts.URL, "0123456789", field("unique_id", "holiday"))
	res := download(t, ts.URL, `{"video_no":"`+no+`","unique_id":"holiday"}`, "")
	h := res.Header
	if got := readAll(t, res); got != "0123456789" || res.StatusCode != http.StatusOK {
		t.Fatalf("HTTP %d body %q", res.StatusCode, got)
	}
	if h.Get("Content-Type") != "application/octet-stream" || h.Get("Content-Length") != "10" || h.Get("Content-Disposition") != "" {
		t.Errorf("headers %v", h)
	}
	if s.Stats().Downloads != 1 {
		t.Errorf("stats %+v", s.Stats())
	}
}

// TestDownloadRanges serves single ranges with 206 and refuses unsatisfiable ones with 416.
func TestDownloadRanges(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	no := uploadSmall(t, ts.URL, "0123456789")
	body := `{"video_no":"` + no + `"}`
	tests := []struct {
		rng, want, contentRange string
		status                  int
	}{
		{"bytes=4-", "456789", "bytes 4-9/10", http.StatusPartialContent},
		{"bytes=2-4", "234", "bytes 2-4/10", http.StatusPartialContent},
		{"bytes=-3", "789", "bytes 7-9/10", http.StatusPartialContent},
		{"bytes=0-99", "0123456789", "bytes 0-9/10", http.StatusPartialContent},
		{"bytes=0-1,4-5", "0123456789", "", http.StatusOK},
		{"items=1-2", "0123456789", "", http.StatusOK},
		{"bytes=10-", "", "bytes */10", http.StatusRequestedRangeNotSatisfiable},
	}
	for _, tt := range tests {
		t.Run(tt.rng, func(t *testing.T) {
			res := download(t, ts.URL, body, tt.rng)
			got := readAll(t, res)
			if res.StatusCode != tt.status || res.Header.Get("Content-Range") != tt.contentRange {
				t.Fatalf("HTTP %d Content-Range %q, want %d %q", res.StatusCode, res.Header.Get("Content-Range"), tt.status, tt.contentRange)
			}
			if tt.status != http.StatusRequestedRangeNotSatisfiable && got != tt.want {
				t.Errorf("body %q, want %q", got, tt.want)
			}
		})
	}
	if got := s.Stats().PartialDownloads; got != 4 {
		t.Errorf("PartialDownloads %d, want the 4 answered with 206", got)
	}
}

// TestDownloadFailures answer HTTP 200 with a JSON envelope, which clients must detect by type.
func TestDownloadFailures(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	kept := uploadSmall(t, ts.URL, "v", field("unique_id", "ns"))
	gone := uploadSmall(t, ts.URL, "v", field("retain_original_video", "false"))
	tests := []struct{ name, body, msg string }{
		{"unknown", `{"video_no":"VI000000000000000001","unique_id":"default"}`, "video not found"},
		{"other namespace", `{"video_no":"` + kept + `"}`, "video not found"},
		{"not retained", `{"video_no":"` + gone + `"}`, "original video not retained"},
		{"no video_no", `{"unique_id":"default"}`, "video_no is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := readEnvelope(t, download(t, ts.URL, tt.body, ""))
			if r.ContentType != "application/json" {
				t.Errorf("Content-Type %q", r.ContentType)
			}
			r.wantCode(t, codeBadParam, tt.msg)
		})
	}
}

// TestBlobDownload serves the bucket/blob form on both documented paths.
func TestBlobDownload(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	part := rawPart{name: "file", filename: "Strand Ü.MOV", contentType: "video/quicktime", body: "movbytes"}
	no := postMultipart(t, ts.URL+"/serve/api/v1/upload", "bnd", part).videoNo(t)
	for _, prefix := range []string{"/serve/api/v1", "/serve/api/v2"} {
		res := send(t, http.MethodGet, ts.URL+prefix+"/download?bucket=memories-sandbox&blob="+no+".mov", "", nil)
		if got := readAll(t, res); got != "movbytes" || res.Header.Get("Content-Type") != "video/quicktime" {
			t.Errorf("%s: %q %v", prefix, got, res.Header)
		}
		if cd := res.Header.Get("Content-Disposition"); cd != `attachment; filename="Strand _.MOV"; filename*=UTF-8''Strand%20%C3%9C.MOV` {
			t.Errorf("%s: Content-Disposition %q", prefix, cd)
		}
	}
	for q, msg := range map[string]string{"blob=x": "Bucket cannot be null or empty", "bucket=b": "Blob cannot be null or empty",
		"bucket=memories-sandbox&blob=" + no + ".mp4": "Resource does not exist", "bucket=other&blob=" + no + ".mov": "Resource does not exist"} {
		fetch(t, http.MethodGet, ts.URL+"/serve/api/v1/download?"+q, "", "").wantCode(t, codeBadParam, msg)
	}
	r := fetch(t, http.MethodGet, ts.URL+"/serve/api/v2/download?blob=x", "", "")
	if r.Status != http.StatusBadRequest || r.Code != float64(400) || r.Msg != "Bucket cannot be null or empty" {
		t.Errorf("v2 error: %+v", r)
	}
}

// TestAssetDownload serves a seeded v2 asset with the documented headers and Range.
func TestAssetDownload(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	id, err := s.AddAsset("Fête à Nice.mp4", strings.NewReader("assetbytes"))
	if err != nil || !strings.HasPrefix(id, "re_") || len(id) != 21 {
		t.Fatalf("AddAsset = %q, %v", id, err)
	}
	res := send(t, http.MethodGet, ts.URL+"/serve/api/v2/"+id+"/download", "", nil)
	h := res.Header
	if got := readAll(t, res); got != "assetbytes" || h.Get("Content-Type") != "video/mp4" || h.Get("Content-Length") != "10" {
		t.Errorf("asset: %q %v", got, h)
	}
	if cd := h.Get("Content-Disposition"); cd != `attachment; filename="F_te _ Nice.mp4"; filename*=UTF-8''F%C3%AAte%20%C3%A0%20Nice.mp4` {
		t.Errorf("Content-Disposition %q", cd)
	}
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/serve/api/v2/"+id+"/download", nil)
	req.Header.Set("Authorization", testKey)
	req.Header.Set("Range", "bytes=5-")
	if res := do(t, req); readAll(t, res) != "bytes" || res.StatusCode != http.StatusPartialContent {
		t.Errorf("asset range: HTTP %d", res.StatusCode)
	}
	if st := s.Stats(); st.AssetDownloads != 2 || st.Downloads != 0 {
		t.Errorf("stats %+v", st)
	}
}

// TestAssetNotFound answers HTTP 400 with the integer-code v2 envelope.
func TestAssetNotFound(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	r := fetch(t, http.MethodGet, ts.URL+"/serve/api/v2/re_000000000000000001/download", "", "")
	if r.Status != http.StatusBadRequest || r.Code != float64(400) || r.Msg != "Asset not found" || !r.Failed || r.Success {
		t.Errorf("got %+v", r)
	}
}

// TestAssetUpload creates an asset black-box through POST /serve/api/v2/upload.
func TestAssetUpload(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	part := rawPart{name: "file", filename: "song.mp3", contentType: "audio/mpeg", body: "mp3"}
	r := postMultipart(t, ts.URL+"/serve/api/v2/upload", "bnd", part)
	var data struct {
		AssetID string `json:"asset_id"`
	}
	r.decode(t, &data)
	if r.Status != http.StatusOK || r.Code != float64(200) || !strings.HasPrefix(data.AssetID, "re_") {
		t.Fatalf("v2 upload: %+v", r)
	}
	res := send(t, http.MethodGet, ts.URL+"/serve/api/v2/"+data.AssetID+"/download", "", nil)
	if got := readAll(t, res); got != "mp3" || res.Header.Get("Content-Type") != "audio/mpeg" {
		t.Errorf("download of uploaded asset: %q %v", got, res.Header)
	}
	r = postMultipart(t, ts.URL+"/serve/api/v2/upload", "bnd", field("x", "y"))
	if r.Status != http.StatusBadRequest || r.Msg != "file is required" {
		t.Errorf("v2 upload without file: %+v", r)
	}
}

// throttledDownload uploads size bytes to a new sandbox that sends downloads at rate bytes a
// second, and returns the call that starts the download.
func throttledDownload(t *testing.T, size int, rate int64) func() *http.Response {
	s, srv := newSandbox(t, Options{})
	no := uploadSmall(t, srv.URL, strings.Repeat("x", size))
	s.SetFaults(Faults{DownloadRate: rate})
	return func() *http.Response {
		return postJSON(t, srv.URL+"/serve/api/v1/download", `{"video_no":"`+no+`","unique_id":"default"}`)
	}
}

func TestDownloadRateThrottles(t *testing.T) {
	download := throttledDownload(t, 4000, 10000)
	start := time.Now()
	res := download()
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || len(body) != 4000 {
		t.Fatalf("read %d bytes, %v", len(body), err)
	}
	if took := time.Since(start); took < 300*time.Millisecond {
		t.Fatalf("4000 bytes at 10000 B/s took only %s", took)
	}
}

func TestDownloadRateOfOneIsOneBytePerSecond(t *testing.T) {
	res := throttledDownload(t, 100, 1)()
	defer res.Body.Close()
	start := time.Now()
	buf := make([]byte, 100)
	n := 0
	for time.Since(start) < 1500*time.Millisecond {
		k, err := res.Body.Read(buf)
		if n += k; err != nil {
			break
		}
	}
	if n < 1 || n > 3 {
		t.Fatalf("%d bytes in 1.5 s at 1 byte/s", n)
	}
}
