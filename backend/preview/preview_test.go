package preview

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/media/mediatest"
)

func get(t *testing.T, h http.Handler, method, url, rng string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, url, nil)
	if rng != "" {
		req.Header.Set("Range", rng)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestServesRegisteredFilesWithRanges(t *testing.T) {
	path := mediatest.Copy(t, "h264-aac.mp4", filepath.Join(t.TempDir(), "clip.mp4"))
	want, _ := os.ReadFile(path)
	r := NewRegistry()
	url := r.URL(path)
	if url != r.URL(path) || !strings.HasPrefix(url, contract.PreviewPrefix) || strings.Contains(url, "clip") {
		t.Fatalf("url %q", url)
	}
	res := get(t, r, "GET", url, "")
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "video/mp4" || string(body) != string(want) {
		t.Fatalf("GET: %d %q, %d bytes", res.StatusCode, res.Header.Get("Content-Type"), len(body))
	}
	res = get(t, r, "GET", url, "bytes=100-199")
	body, _ = io.ReadAll(res.Body)
	if res.StatusCode != 206 || string(body) != string(want[100:200]) ||
		res.Header.Get("Content-Range") != "bytes 100-199/5714" {
		t.Fatalf("Range: %d %q", res.StatusCode, res.Header.Get("Content-Range"))
	}
}

func TestServesNothingElse(t *testing.T) {
	dir := t.TempDir()
	path := mediatest.Copy(t, "h264-aac.mp4", filepath.Join(dir, "clip.mp4"))
	r := NewRegistry()
	url := r.URL(path)
	cases := map[string]string{
		"unknown id":       contract.PreviewPrefix + strings.Repeat("0", 32) + "/video.mp4",
		"a path":           contract.PreviewPrefix + "../../etc/passwd",
		"a path as id":     contract.PreviewPrefix + path,
		"outside prefix":   "/etc/passwd",
		"empty id":         contract.PreviewPrefix,
		"encoded traverse": contract.PreviewPrefix + "%2e%2e%2fclip.mp4",
	}
	for name, u := range cases {
		if res := get(t, r, "GET", u, ""); res.StatusCode != 404 {
			t.Errorf("%s: %d", name, res.StatusCode)
		}
	}
	if res := get(t, r, "POST", url, ""); res.StatusCode != 405 {
		t.Errorf("POST: %d", res.StatusCode)
	}
	os.Remove(path)
	if res := get(t, r, "GET", url, ""); res.StatusCode != 404 {
		t.Errorf("a deleted file: %d", res.StatusCode)
	}
	os.Mkdir(path, 0o755)
	if res := get(t, r, "GET", url, ""); res.StatusCode != 404 {
		t.Errorf("a folder in its place: %d", res.StatusCode)
	}
}

func TestLoopbackServesTheSameFilesToItsOwnHostOnly(t *testing.T) {
	path := mediatest.Copy(t, "h264-aac.mp4", filepath.Join(t.TempDir(), "clip.mp4"))
	r := NewRegistry()
	stop, err := r.ServeLoopback()
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	url := r.URL(path)
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("url %q", url)
	}
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Range", "bytes=0-7")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 206 || string(body) != "\x00\x00\x00\x20ftyp" {
		t.Fatalf("%d %q", res.StatusCode, body)
	}
	req, _ = http.NewRequest("GET", url, nil)
	req.Host = "attacker.example:80"
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 404 {
		t.Fatalf("another host got %d", res.StatusCode)
	}
}
