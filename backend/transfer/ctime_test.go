//go:build linux || darwin

package transfer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// settledStat opens a fresh file and reads its state as if the upload had begun settleTime
// after its last change, so its ctime may vouch for it.
func settledStat(t *testing.T) (*os.File, fileState) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "clip.mp4")
	if err := os.WriteFile(path, []byte("the bytes that were sent"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	before, err := statOf(f)
	if err != nil || before.changed.IsZero() {
		t.Fatalf("no ctime: %+v %v", before, err)
	}
	before.seen = before.changed.Add(settleTime + time.Second)
	return f, before
}

func TestSettledFileIsNotReadAgain(t *testing.T) {
	f, before := settledStat(t)
	// A wrong fingerprint would fail a second read: passing proves the ctime vouched instead.
	if err := unchangedWhileSent(context.Background(), f, before, "not-what-the-file-hashes-to"); err != nil {
		t.Fatalf("a settled, unchanged file was read again: %v", err)
	}
}

func TestRecentFileIsReadAgain(t *testing.T) {
	f, before := settledStat(t)
	before.seen = before.changed // changed just as the upload began: the racy case
	if err := unchangedWhileSent(context.Background(), f, before, "not-what-the-file-hashes-to"); err == nil {
		t.Fatal("a file changed as the upload began was trusted without reading it again")
	}
}

// A writer that puts the modification time back still moves the ctime, so a settled file
// rewritten in place is caught without reading it again.
func TestRestoredModTimeIsCaughtByCtime(t *testing.T) {
	f, before := settledStat(t)
	deadline := time.Now().Add(5 * time.Second)
	for {
		if err := os.WriteFile(f.Name(), []byte("THE BYTES THAT WERE SENT"), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(f.Name(), before.modTime, before.modTime)
		after, _ := statOf(f)
		if !after.changed.Equal(before.changed) { // the kernel's coarse clock has ticked
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the ctime never moved")
		}
	}
	err := unchangedWhileSent(context.Background(), f, before, "irrelevant")
	if err == nil || !strings.Contains(err.Error(), "changed while it was being uploaded") {
		t.Fatalf("a rewrite with its modification time put back went unnoticed: %v", err)
	}
}
