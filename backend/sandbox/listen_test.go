package sandbox

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"strings"
	"testing"
)

// TestListenRefusesNonLoopback never opens the sandbox to the network.
func TestListenRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.168.1.10:8080", "[::]:0", "example.com:80", "no-port"} {
		if r, err := Listen(addr, Options{}); err == nil {
			r.Close()
			t.Errorf("Listen(%q) succeeded, want a refusal", addr)
		}
	}
}

// TestCheckLoopbackAccepts the loopback spellings.
func TestCheckLoopbackAccepts(t *testing.T) {
	for _, addr := range []string{"127.0.0.1:0", "127.0.0.2:9", "[::1]:0", "localhost:0"} {
		if err := checkLoopback(addr); err != nil {
			t.Errorf("checkLoopback(%q) = %v", addr, err)
		}
	}
}

// TestListenServesAndCloses runs on a real port, then releases the port and the temp folder.
func TestListenServesAndCloses(t *testing.T) {
	r, err := Listen("", Options{APIKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(r.URL, "http://127.0.0.1:") {
		t.Errorf("URL %q", r.URL)
	}
	uploadSmall(t, r.URL, "v")
	dir := r.Server.dir
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(r.URL + "/_sandbox/stats"); err == nil {
		t.Error("server still answers after Close")
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("temp upload folder %s not removed: %v", dir, err)
	}
}

// TestCloseKeepsCallerDir leaves a caller-provided folder and its bytes in place.
func TestCloseKeepsCallerDir(t *testing.T) {
	dir := t.TempDir()
	s, err := New(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAsset("a.mp4", strings.NewReader("a")); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if files, _ := os.ReadDir(dir); len(files) != 1 {
		t.Errorf("caller folder holds %d files after Close, want 1", len(files))
	}
}

// TestNewRejectsNegativeDelay refuses a nonsensical option.
func TestNewRejectsNegativeDelay(t *testing.T) {
	if _, err := New(Options{ParseDelay: -1}); err == nil {
		t.Error("negative ParseDelay accepted")
	}
	if DefaultOptions().ParseDelay != DefaultParseDelay {
		t.Error("DefaultOptions does not use DefaultParseDelay")
	}
}
