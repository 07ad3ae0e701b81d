package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"memories-desktop/backend/sandbox"
)

// canaryKey is distinctive enough that any copy of it found anywhere is a leak.
const canaryKey = "sk-canary-5f1e9d2c7b3a48e6-do-not-log"

// recorder writes every request the sandbox receives to a log file, the way a proxy would, and
// checks on the way that the key arrives only in the Authorization header.
type recorder struct {
	mu       sync.Mutex
	log      *os.File
	misplace []string
}

func (rec *recorder) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		headers := r.Header.Clone()
		headers.Del("Authorization")
		line := fmt.Sprintf("%s %s %v body=%q\n", r.Method, r.URL, headers, body[:min(len(body), 4096)])
		rec.mu.Lock()
		rec.log.WriteString(line)
		if strings.Contains(line, canaryKey) || strings.Contains(line, url.QueryEscape(canaryKey)) {
			rec.misplace = append(rec.misplace, line[:min(len(line), 200)])
		}
		rec.mu.Unlock()
		next.ServeHTTP(w, r)
	})
}

// TestKeyNeverLeaks runs a full session of the real binary with a canary key (upload, download,
// import, list, status, history, failures, retry) and then looks for the key in every file of
// the data and download folders, in every output, in the sandbox's own log and in the request log.
func TestKeyNeverLeaks(t *testing.T) {
	bin := buildBinary(t)
	logDir := t.TempDir()
	rec, sandboxLog := &recorder{}, &lockedBuffer{}
	rec.log, _ = os.Create(filepath.Join(logDir, "requests.log"))
	sb, err := sandbox.New(sandbox.Options{APIKey: canaryKey, ParseDelay: 0, Logf: sandboxLog.printf})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(rec.wrap(sb))
	defer func() { srv.Close(); sb.Close() }()
	dataDir, outDir := t.TempDir(), t.TempDir()
	env := append(cliEnv(srv.URL, canaryKey, dataDir), "MEMORIES_LOG_LEVEL=debug") // log all there is
	outputs := fullSession(t, bin, env, sb, outDir)
	if info, err := os.Stat(filepath.Join(dataDir, "logs", "memories.log")); err != nil || info.Size() == 0 {
		t.Errorf("no CLI log to scan (%v): the test must find where the log went", err)
	}
	rec.log.Close()
	os.WriteFile(filepath.Join(logDir, "sandbox.log"), sandboxLog.Bytes(), 0o644)
	os.WriteFile(filepath.Join(logDir, "outputs.txt"), []byte(outputs), 0o644)
	scanned := 0
	for _, dir := range []string{dataDir, outDir, logDir} {
		scanned += scanForKey(t, dir)
	}
	if len(rec.misplace) > 0 {
		t.Errorf("the key travelled outside the Authorization header: %q", rec.misplace)
	}
	t.Logf("secrets: %d files and %d bytes of output scanned; the key was sent only in Authorization to %s",
		scanned, len(outputs), srv.URL)
}

// fullSession runs the commands and returns everything they printed.
func fullSession(t *testing.T, bin string, env []string, sb *sandbox.Server, out string) string {
	src := writeVideo(t, t.TempDir(), "secret-test.mp4", sandbox.SyntheticMP4("secrets"))
	var all strings.Builder
	run := func(args ...string) proc {
		p := runFor(2*time.Minute, bin, env, args...)
		all.WriteString(p.stdout + p.stderr)
		return p
	}
	up, _ := jsonLines(run("upload", "--json", "--tag", "holiday", src).stdout)
	if len(up) != 1 {
		t.Fatalf("upload printed %v", up)
	}
	no, _ := up[0]["video_no"].(string)
	if p := run("download", "-o", out, no); p.code != 0 {
		t.Fatalf("download: %v", p)
	}
	run("import", "https://youtu.be/dQw4w9WgXcQ", "https://www.tiktok.com/@a/video/7300000000000000001")
	run("list")
	run("status", no, "VI000000000000000000")
	sb.SetFaults(sandbox.Faults{JSONOnDownload: true})
	run("download", "-o", out, "VI404")
	sb.SetFaults(sandbox.Faults{})
	run("retry", "3")
	run("history", "--json")
	run("history", "--state", "bogus")
	run("upload-url", "https://cdn.example.com/clip.mp4")
	wrong := append(append([]string{}, env...), "MEMORIES_API_KEY=sk-wrong-"+canaryKey[3:9])
	p := runFor(time.Minute, bin, wrong, "list")
	all.WriteString(p.stdout + p.stderr)
	return all.String()
}

// scanForKey reads every file under dir (the database too) and fails on any copy of the key.
func scanForKey(t *testing.T, dir string) int {
	n := 0
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(path)
		n++
		for _, form := range []string{canaryKey, url.QueryEscape(canaryKey), canaryKey[3:20]} {
			if bytes.Contains(data, []byte(form)) {
				t.Errorf("%s holds the key (%q)", path, form)
			}
		}
		return nil
	})
	return n
}

// lockedBuffer collects the sandbox's log lines from concurrent requests.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) printf(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	fmt.Fprintf(&b.buf, format+"\n", args...)
}

func (b *lockedBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Bytes()
}
