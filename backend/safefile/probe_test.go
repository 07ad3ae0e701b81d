package safefile

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The named probe's leftovers from a kill are swept; a fresh probe (another process's, in
// progress), a file with content and a link under a probe's name are left alone.
func TestSweepRemovesOnlyStaleProbes(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * staleProbe)
	write := func(name, content string, mtime time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		return p
	}
	stale := write(probePrefix+"1", "", old)
	fresh := write(probePrefix+"2", "", time.Now())
	full := write(probePrefix+"3", "someone's bytes", old)
	mine := write("clip.mp4", "", old)
	link := filepath.Join(dir, probePrefix+"4")
	if err := os.Symlink(mine, link); err != nil {
		t.Fatal(err)
	}
	sweepProbes(dir)
	if _, err := os.Lstat(stale); !os.IsNotExist(err) {
		t.Errorf("a stale probe was left: %v", err)
	}
	for _, p := range []string{fresh, full, mine, link} {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
}
