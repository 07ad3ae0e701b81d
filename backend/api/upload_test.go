package api

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// receivedUpload is what the fake server saw of one multipart upload.
type receivedUpload struct {
	contentLength int64
	bodyBytes     int64
	fields        url.Values
	fileName      string
	fileType      string
	disposition   string
	file          []byte
}

// uploadServer parses uploads the way the service must: as a streamed multipart form.
func uploadServer(t *testing.T, got *receivedUpload) *fakeAPI {
	return newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		expectRoute(t, r, http.MethodPost, "/serve/api/v1/upload")
		counted := &countingBody{r: r.Body}
		r.Body = counted
		got.contentLength, got.fields = r.ContentLength, url.Values{}
		if !eachPart(t, r, func(part *multipart.Part) {
			data, _ := io.ReadAll(part)
			if part.FormName() != "file" {
				got.fields.Add(part.FormName(), string(data))
				return
			}
			got.fileName, got.fileType, got.file = part.FileName(), part.Header.Get("Content-Type"), data
			got.disposition = part.Header.Get("Content-Disposition")
		}) {
			return
		}
		io.Copy(io.Discard, r.Body)
		got.bodyBytes = counted.n
		okJSON(map[string]any{"videoNo": "VI568102998803353600", "videoName": "1be6a69f",
			"videoStatus": "UNPARSE", "uploadTime": "1744905509814"})(w, r)
	})
}

type countingBody struct {
	r io.ReadCloser
	n int64
}

func (c *countingBody) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countingBody) Close() error { return c.r.Close() }

func TestUploadFileSendsMultipartForm(t *testing.T) {
	var got receivedUpload
	f := uploadServer(t, &got)
	content := bytes.Repeat([]byte("frame"), 10000)
	var progress []int64
	res, err := f.client.UploadFile(context.Background(), UploadFileRequest{
		Name: `C:\clips\Holiday "best" é.MOV`, Size: int64(len(content)), Body: bytes.NewReader(content),
		Meta:     UploadMeta{Scope: "trip", Tags: []string{"beach", "sun"}, Latitude: ptr(1.5), Longitude: ptr(2.5)},
		Progress: func(sent int64) { progress = append(progress, sent) },
	})
	if err != nil {
		t.Fatal(err)
	}
	want := UploadResult{VideoNo: "VI568102998803353600", VideoName: "1be6a69f", Status: "UNPARSE", UploadTime: 1744905509814}
	if res != want {
		t.Fatalf("result %+v", res)
	}
	if got.contentLength <= int64(len(content)) || got.contentLength != got.bodyBytes {
		t.Fatalf("Content-Length %d, body %d bytes", got.contentLength, got.bodyBytes)
	}
	if got.fileType != "video/quicktime" || got.fileName != `Holiday "best" é.MOV` || !bytes.Equal(got.file, content) {
		t.Fatalf("file part: type %q name %q (%s), %d bytes", got.fileType, got.fileName, got.disposition, len(got.file))
	}
	wantFields := url.Values{"unique_id": {"trip"}, "tags": {"beach", "sun"}, "latitude": {"1.5"},
		"longitude": {"2.5"}, "retain_original_video": {"true"}}
	if !reflect.DeepEqual(got.fields, wantFields) {
		t.Fatalf("fields %v", got.fields)
	}
	if len(progress) == 0 || progress[len(progress)-1] != int64(len(content)) {
		t.Fatalf("progress %v", progress)
	}
}

func TestUploadRejectsBeforeSending(t *testing.T) {
	f := newFakeAPI(t, okJSON(nil))
	body := strings.NewReader("x")
	cases := []struct {
		name  string
		req   UploadFileRequest
		field string
	}{
		{"webm", UploadFileRequest{Name: "a.webm", Size: 1, Body: body}, "file"},
		{"no extension", UploadFileRequest{Name: "video", Size: 1, Body: body}, "file"},
		{"empty", UploadFileRequest{Name: "a.mp4", Size: 0, Body: body}, "file"},
		{"nil body", UploadFileRequest{Name: "a.mp4", Size: 1}, "file"},
		{"bad meta", UploadFileRequest{Name: "a.mp4", Size: 1, Body: body, Meta: UploadMeta{TakenAt: "yesterday"}}, "takenAt"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.client.UploadFile(context.Background(), tc.req)
			wantInvalid(t, err, tc.field)
		})
	}
	if f.hits.Load() != 0 {
		t.Fatalf("%d requests were sent", f.hits.Load())
	}
}

func TestUploadPath(t *testing.T) {
	var got receivedUpload
	f := uploadServer(t, &got)
	dir := t.TempDir()
	path := filepath.Join(dir, "clip.mkv")
	if err := os.WriteFile(path, []byte("matroska bytes"), 0o600); err != nil {
		t.Fatal(err)
	}
	var last int64
	if _, err := f.client.UploadPath(context.Background(), path, UploadMeta{RetainOriginal: ptr(false)},
		func(n int64) { last = n }); err != nil {
		t.Fatal(err)
	}
	if got.fileName != "clip.mkv" || got.fileType != "video/x-matroska" || string(got.file) != "matroska bytes" ||
		got.fields.Get("retain_original_video") != "false" || last != 14 {
		t.Fatalf("got %+v, progress %d", got, last)
	}
}

func TestUploadPathRejectsEmptyAndMissingFiles(t *testing.T) {
	f := newFakeAPI(t, okJSON(nil))
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.mp4")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{empty, filepath.Join(dir, "missing.mp4"), dir} {
		_, err := f.client.UploadPath(context.Background(), path, UploadMeta{}, nil)
		wantInvalid(t, err, "file")
	}
	if f.hits.Load() != 0 {
		t.Fatal("a request was sent")
	}
}

func TestUploadFailsWhenFileIsShorterOrLonger(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		okJSON(map[string]any{"videoNo": "VI1"})(w, r)
	})
	cases := map[string]struct {
		content string
		want    error
	}{"shorter": {"12345", io.ErrUnexpectedEOF}, "longer": {"1234567890+", ErrFileGrew}}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := f.client.UploadFile(context.Background(), UploadFileRequest{
				Name: "a.mp4", Size: 10, Body: strings.NewReader(tc.content)})
			if !errors.Is(err, tc.want) || Retryable(err) {
				t.Fatalf("got %v, want %v (not retryable)", err, tc.want)
			}
		})
	}
}

func TestUploadReceiptWithoutVideoNoIsUnexpected(t *testing.T) {
	f := newFakeAPI(t, okJSON(map[string]any{"videoStatus": "UNPARSE"}))
	_, err := f.client.UploadFile(context.Background(), UploadFileRequest{Name: "a.mp4", Size: 1, Body: strings.NewReader("x")})
	if !errors.Is(err, ErrUnexpected) {
		t.Fatalf("got %v", err)
	}
}

func TestUploadRateLimitedIsRetryableAndExplained(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		writeEnvelope(w, "0429", "Request has exceeded the limit.", nil)
	})
	_, err := f.client.UploadFile(context.Background(), UploadFileRequest{Name: "a.mp4", Size: 3, Body: strings.NewReader("abc")})
	if !errors.Is(err, ErrRateLimited) || !Retryable(err) {
		t.Fatalf("got %v", err)
	}
	assertNoKey(t, err)
}

func TestUploadCanRunConcurrently(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]bool{}
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		if !eachPart(t, r, func(part *multipart.Part) {
			data, _ := io.ReadAll(part)
			if part.FormName() == "file" {
				mu.Lock()
				seen[string(data)] = true
				mu.Unlock()
			}
		}) {
			return
		}
		okJSON(map[string]any{"videoNo": "VI1"})(w, r)
	})
	var wg sync.WaitGroup
	for _, body := range []string{"one", "two", "three"} {
		wg.Go(func() {
			_, err := f.client.UploadFile(context.Background(), UploadFileRequest{Name: body + ".mp4",
				Size: int64(len(body)), Body: strings.NewReader(body)})
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if len(seen) != 3 {
		t.Fatalf("server saw %v", seen)
	}
}
