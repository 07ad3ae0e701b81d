package transfer

import (
	"fmt"
	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/contract/jobstate"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// fileServer serves one asset as the asset host would, with an ETag and Range support, and
// can break the first answer off halfway, change the file, or ignore If-Range.
type fileServer struct {
	mu            sync.Mutex
	data          []byte
	etag          string
	withLength    bool
	breakFirst    bool
	ignoreIfRange bool
	requests      []http.Header
}

func (f *fileServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	data, etag, brk := f.data, f.etag, f.breakFirst
	f.breakFirst = false
	f.requests = append(f.requests, r.Header.Clone())
	f.mu.Unlock()
	start := f.rangeStart(r, etag)
	w.Header().Set("Content-Type", "video/mp4")
	w.Header().Set("ETag", etag)
	if f.withLength {
		w.Header().Set("Content-Length", strconv.Itoa(len(data)-start))
	}
	if start > 0 {
		w.Header().Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", start, len(data)-1, len(data)))
		w.WriteHeader(http.StatusPartialContent)
	}
	if brk {
		w.Write(data[start : start+(len(data)-start)/2])
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler) // the connection ends mid-body
	}
	w.Write(data[start:])
}

// rangeStart honours "Range: bytes=N-" unless If-Range names another version of the file.
func (f *fileServer) rangeStart(r *http.Request, etag string) int {
	spec, ok := strings.CutPrefix(r.Header.Get("Range"), "bytes=")
	start, err := strconv.Atoi(strings.TrimSuffix(spec, "-"))
	if !ok || err != nil {
		return 0
	}
	if ir := r.Header.Get("If-Range"); ir != "" && ir != etag && !f.ignoreIfRange {
		return 0
	}
	return start
}

func (f *fileServer) set(data []byte, etag string) {
	f.mu.Lock()
	f.data, f.etag = data, etag
	f.mu.Unlock()
}

// A body cut off mid-way, announced length or not, is resumed from the job's own part with the
// file's validator, and the result is byte-identical.
func TestTruncatedBodyIsResumed(t *testing.T) {
	t.Parallel()
	for _, withLength := range []bool{true, false} {
		t.Run(fmt.Sprintf("Content-Length %v", withLength), func(t *testing.T) {
			data := randomBytes(300_000, 10)
			fs := &fileServer{data: data, etag: `"v1"`, withLength: withLength, breakFirst: true}
			r := newHandlerRig(t, fs, Options{})
			dest := filepath.Join(t.TempDir(), "t.mp4")
			j, _ := r.eng.EnqueueDownload(DownloadSpec{AssetID: "re_1", Dest: dest})
			got := r.wait(j.ID)[0]
			if got.State != jobstate.Done || got.Result.Fingerprint != fingerprint(data) || got.Attempts != 2 {
				t.Fatalf("job %s after %d attempts: %+v", got.State, got.Attempts, got.Error)
			}
			assertFile(t, dest, data)
			second := fs.requests[1]
			if second.Get("Range") != "bytes=150000-" || second.Get("If-Range") != `"v1"` {
				t.Fatalf("resumed with Range %q If-Range %q", second.Get("Range"), second.Get("If-Range"))
			}
		})
	}
}

// When the file changed on the server between two attempts, the part is never spliced with the
// new version: the server's full answer to If-Range, or the job's own check of a 206 that
// ignored it, starts the file over.
func TestPartOfAChangedFileIsNotSpliced(t *testing.T) {
	t.Parallel()
	for _, ignore := range []bool{false, true} {
		t.Run(fmt.Sprintf("server ignores If-Range %v", ignore), func(t *testing.T) {
			old, changed := randomBytes(300_000, 11), randomBytes(300_000, 12)
			fs := &fileServer{data: old, etag: `"a"`, withLength: true, breakFirst: true, ignoreIfRange: ignore}
			r := newHandlerRig(t, fs, Options{})
			dest := filepath.Join(t.TempDir(), "c.mp4")
			j, _ := r.eng.EnqueueDownload(DownloadSpec{AssetID: "re_1", Dest: dest})
			clocktest.WaitFor(t, func() bool { fs.mu.Lock(); defer fs.mu.Unlock(); return len(fs.requests) > 0 })
			fs.set(changed, `"b"`)
			got := r.wait(j.ID)[0]
			if got.State != jobstate.Done || got.Result.Fingerprint != fingerprint(changed) {
				t.Fatalf("job %s: %+v", got.State, got.Error)
			}
			assertFile(t, dest, changed)
		})
	}
}
