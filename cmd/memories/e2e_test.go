package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestBinarySandboxRoundTrip runs the real binary: `memories sandbox` in one process, then
// `memories upload` and `memories download` against it, and compares a real MP4 byte for byte.
func TestBinarySandboxRoundTrip(t *testing.T) {
	bin := buildBinary(t)
	url := startSandbox(t, bin)
	env := append(os.Environ(), "MEMORIES_BASE_URL="+url, "MEMORIES_ASSET_BASE_URL="+url,
		"MEMORIES_API_KEY=sk-e2e-key-1234", "MEMORIES_DATA_DIR="+t.TempDir())
	src, _ := filepath.Abs("testdata/tiny-h264-aac.mp4")
	var up struct {
		VideoNo string `json:"video_no"`
	}
	decode(t, runBin(t, bin, env, "upload", "--json", src), &up)
	out := t.TempDir()
	var down struct{ Path string }
	decode(t, runBin(t, bin, env, "download", "--json", "-o", out, up.VideoNo), &down)
	want, _ := os.ReadFile(src)
	got, err := os.ReadFile(down.Path)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("downloaded %d bytes (err %v), want the %d uploaded", len(got), err, len(want))
	}
}

func startSandbox(t *testing.T, bin string, flags ...string) string {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"sandbox", "--addr", "127.0.0.1:0", "--json"}, flags...)...)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGINT)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("sandbox exit: %v", err)
			}
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			t.Error("sandbox did not stop on SIGINT")
		}
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	var v struct{ URL string }
	if err != nil || json.Unmarshal([]byte(line), &v) != nil || !strings.HasPrefix(v.URL, "http://127.0.0.1:") {
		t.Fatalf("sandbox printed %q (%v)", line, err)
	}
	return v.URL
}

func runBin(t *testing.T, bin string, env []string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("memories %v: %v\n%s", args, err, stderr.String())
	}
	return out
}

func decode(t *testing.T, line []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(line, v); err != nil {
		t.Fatalf("bad JSON %q: %v", line, err)
	}
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// buildBinary compiles the CLI once per test run, without cgo, as users get it.
func buildBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "memories-bin")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "memories")
		cmd := exec.Command("go", "build", "-o", builtBin, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}
