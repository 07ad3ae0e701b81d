package applog

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func openTemp(t *testing.T, level slog.Level) string {
	t.Helper()
	dir := t.TempDir()
	closer, err := Open(dir, "app", level, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func(old *slog.Logger) func() {
		return func() { closer.Close(); slog.SetDefault(old) }
	}(slog.Default()))
	return dir
}

func TestLogGoesToAPrivateFileInTheDataFolder(t *testing.T) {
	dir := openTemp(t, slog.LevelInfo)
	slog.Debug("hidden below the level")
	slog.Info("job state", "job", 7, "key", "sk-should-not-appear", "Authorization", "sk-nor-this")
	want := filepath.Join(dir, "logs", "app.log")
	if Path() != want {
		t.Fatalf("Path() = %q, want %q", Path(), want)
	}
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("job=7")) || bytes.Contains(b, []byte("hidden")) || bytes.Contains(b, []byte("sk-")) {
		t.Fatalf("log:\n%s", b)
	}
	if st, _ := os.Stat(filepath.Dir(want)); st.Mode().Perm() != 0o700 {
		t.Fatalf("log folder mode %v", st.Mode().Perm())
	}
	if !strings.Contains(ReportHint(), want) {
		t.Fatalf("hint %q does not name the file", ReportHint())
	}
}

func TestLogNeverWritesThroughASymlink(t *testing.T) {
	dir, victim := t.TempDir(), filepath.Join(t.TempDir(), "victim")
	os.WriteFile(victim, []byte("precious"), 0o600)
	os.MkdirAll(Dir(dir), 0o700)
	if err := os.Symlink(victim, filepath.Join(Dir(dir), "app.log")); err != nil {
		t.Fatal(err)
	}
	closer, err := Open(dir, "app", slog.LevelInfo, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func(old *slog.Logger) { closer.Close(); slog.SetDefault(old) }(slog.Default())
	slog.Info("hello")
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Fatalf("the symlink's target was written: %q", b)
	}
}

func TestGuardTurnsAPanicIntoAnError(t *testing.T) {
	openTemp(t, slog.LevelInfo)
	err := Guard("test", func() error { var m map[string]int; m["x"]++; return nil })
	if _, ok := err.(*PanicError); !ok || !strings.Contains(err.Error(), "internal error") {
		t.Fatalf("err = %v", err)
	}
	b, _ := os.ReadFile(Path())
	if !bytes.Contains(b, []byte("assignment to entry in nil map")) || !bytes.Contains(b, []byte("applog_test.go")) {
		t.Fatalf("log lacks the panic and its stack:\n%s", b)
	}
}

func TestParseLevel(t *testing.T) {
	if l, err := ParseLevel("debug"); err != nil || l != slog.LevelDebug {
		t.Fatalf("debug: %v %v", l, err)
	}
	if _, err := ParseLevel("loud"); err == nil {
		t.Fatal("loud accepted")
	}
}
