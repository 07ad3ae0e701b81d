package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"memories-desktop/backend/sandbox"
)

// stallLimit is how long a download that moves no bytes (or almost none) may hold a job: about
// a minute below the speed floor across all attempts, plus slack for the backoff between them.
const stallLimit = 100 * time.Second

// stall: the server accepts the download, sends its headers and then nothing.
func stall(t *testing.T, e *faultEnv) {
	e.setHook(onDownload(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "3000000")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	giveUpInTime(t, e)
}

// trickle: the body comes at one byte a second (an ETA of 35 days).
func trickle(t *testing.T, e *faultEnv) {
	e.faults(sandbox.Faults{DownloadRate: 1})
	giveUpInTime(t, e)
}

// giveUpInTime runs the download with a deadline past stallLimit, so an engine that never gives
// up fails the case instead of hanging the suite.
func giveUpInTime(t *testing.T, e *faultEnv) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), stallLimit+30*time.Second)
	defer cancel()
	r := e.runCtx(ctx, "", "download-asset", "--json", "-o", e.dest(), e.asset)
	if took := time.Since(start); took > stallLimit || r.code != 1 {
		t.Fatalf("exit %d after %s, want a failure within %s: %s", r.code, took.Round(time.Second), stallLimit, r.stdout)
	}
	t.Logf("gave up after %s: %s", time.Since(start).Round(time.Second), strings.TrimSpace(r.stdout))
	wantSays(t, r, "too slow", "too_slow")
	e.wantNothingFinal(t)
	e.wantHistory(t, "failed")
}

func connectionRefused(t *testing.T, e *faultEnv) {
	e.env["MEMORIES_BASE_URL"] = refusingURL(t)
	r := e.run("", "status", "VI1").want(t, 1)
	wantSays(t, r, "connect")
}

// redirectToOtherPort: the download is redirected to the same host on another port, which must
// never see the key; the bytes it serves are saved.
func redirectToOtherPort(t *testing.T, e *faultEnv) {
	var leaked atomic.Bool
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.Header.Get("Authorization")+r.URL.RawQuery, cliTestKey) {
			leaked.Store(true)
		}
		w.Header().Set("Content-Type", "video/mp4")
		w.Write(e.data)
	}))
	defer other.Close()
	e.setHook(onDownload(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/blob/clip.mp4", http.StatusFound)
	}))
	e.fetch(t, 0)
	if leaked.Load() {
		t.Fatal("the API key was sent to another port")
	}
	e.wantComplete(t)
}

// diskFull: a 1 MiB file system gets a 3 MB download; the .part goes too, so the next try can work.
func diskFull(t *testing.T, e *faultEnv) {
	e.out = smallDisk(t, "1m")
	wantSays(t, e.fetch(t, 1), "space")
	if entries, _ := os.ReadDir(e.out); len(entries) != 0 {
		t.Fatalf("left on the full disk: %v", entries)
	}
	e.wantHistory(t, "failed")
}

func readOnly(t *testing.T, e *faultEnv) {
	e.out = readOnlyFolder(t)
	wantSays(t, e.fetch(t, 2), "cannot write in")
	if e.sb.Stats().Calls != 0 {
		t.Fatal("a request was sent")
	}
}

// symlinkedPart: a .part that is a link to a file outside the folder is neither written through
// nor trusted; the download lands as a regular file.
func symlinkedPart(t *testing.T, e *faultEnv) {
	victim := filepath.Join(t.TempDir(), "victim.txt")
	os.WriteFile(victim, []byte("must stay as it is"), 0o644)
	if err := os.Symlink(victim, e.dest()+".part"); err != nil {
		t.Fatal(err)
	}
	e.fetch(t, 0)
	if got, _ := os.ReadFile(victim); string(got) != "must stay as it is" {
		t.Fatalf("the link's target was written: %q", got[:min(len(got), 40)])
	}
	e.wantComplete(t)
}

// stalePart: 1,000 bytes of garbage left under the .part name are not spliced into the result.
func stalePart(t *testing.T, e *faultEnv) {
	os.WriteFile(e.dest()+".part", bytes.Repeat([]byte{0xEE}, 1000), 0o644)
	e.fetch(t, 0)
	e.wantComplete(t)
}

// changedDuringUpload: the file is rewritten in place while its bytes are on the way; the upload
// must fail and say so, not report a torn copy as done.
func changedDuringUpload(t *testing.T, e *faultEnv) {
	src := writeVideo(t, t.TempDir(), "moving.mp4", mp4OfSize("moving", 24<<20, rand.New(rand.NewPCG(1, 2))))
	e.afterFirstMiBUploaded(func() { rewriteTail(t, src) })
	r := e.run("", "upload", "--json", src).want(t, 1)
	wantSays(t, r, "changed")
	e.wantHistory(t, "failed")
}

// rewriteTail overwrites the file's last MiB in place, keeping its size.
func rewriteTail(t *testing.T, path string) {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Error(err)
		return
	}
	defer f.Close()
	info, _ := f.Stat()
	f.WriteAt(bytes.Repeat([]byte("X"), 1<<20), info.Size()-1<<20)
}

// afterFirstMiBUploaded runs do once, when the sandbox has read the first MiB of an upload's body.
func (e *faultEnv) afterFirstMiBUploaded(do func()) {
	var once sync.Once
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if !strings.HasSuffix(r.URL.Path, "/v1/upload") {
			return false
		}
		r.Body = &afterBytes{r: r.Body, n: 1 << 20, do: func() { once.Do(do) }}
		e.sb.ServeHTTP(w, r)
		return true
	})
}

// afterBytes calls do once n bytes have been read through it.
type afterBytes struct {
	r    io.ReadCloser
	n    int64
	read int64
	do   func()
}

func (a *afterBytes) Read(p []byte) (int, error) {
	n, err := a.r.Read(p)
	if a.read += int64(n); a.read >= a.n {
		a.do()
	}
	return n, err
}

func (a *afterBytes) Close() error { return a.r.Close() }

// grewDuringUpload: a file still being written (it grows while it is sent) is named as such,
// not as a bug to report.
func grewDuringUpload(t *testing.T, e *faultEnv) {
	src := writeVideo(t, t.TempDir(), "growing.mp4", mp4OfSize("growing", 24<<20, rand.New(rand.NewPCG(3, 4))))
	e.afterFirstMiBUploaded(func() { appendMiB(t, src) })
	r := e.run("", "upload", "--json", src).want(t, 1)
	wantSays(t, r, "grew while it was being uploaded", "wait until the file is complete")
	if strings.Contains(r.stdout+r.stderr, "report it") {
		t.Fatalf("asks to report a bug: %s", r.stdout)
	}
	e.wantHistory(t, "failed")
}

// appendMiB makes the file a MiB longer.
func appendMiB(t *testing.T, path string) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Error(err)
		return
	}
	defer f.Close()
	f.Write(bytes.Repeat([]byte("G"), 1<<20))
}

// refusingURL is an address that refuses connections for the whole test: a socket bound to a
// port but not listening. (A closed test server's port can be taken by another test's server
// in the meantime, which then answers: a rehearsal saw "VI1 NOT_FOUND" instead of a refusal.)
func refusingURL(t *testing.T) string {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Close(fd) })
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("http://127.0.0.1:%d", sa.(*syscall.SockaddrInet4).Port)
}
