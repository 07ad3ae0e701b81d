package safefile

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// plantLink makes name a link to a file outside the folder and returns that file.
func plantLink(t *testing.T, name string) string {
	t.Helper()
	victim := filepath.Join(t.TempDir(), "victim.txt")
	os.WriteFile(victim, []byte("precious"), 0o644)
	if err := os.Symlink(victim, name); err != nil {
		t.Fatal(err)
	}
	return victim
}

func TestWriteAtomicNeverOpensALinkedPart(t *testing.T) {
	for _, offset := range []int64{0, 3} {
		dir := t.TempDir()
		dest, part := filepath.Join(dir, "v.mp4"), filepath.Join(dir, "v.mp4.1-abc.part")
		victim := plantLink(t, part)
		_, err := WriteAtomic(context.Background(), strings.NewReader("new data"), -1, dest,
			Options{Part: part, Offset: offset, KeepPartial: true})
		if err == nil {
			t.Fatalf("offset %d: wrote through a linked part", offset)
		}
		if got, _ := os.ReadFile(victim); string(got) != "precious" {
			t.Fatalf("offset %d: the link's target now holds %q", offset, got)
		}
		assertNoFile(t, dest)
		assertLink(t, part)
	}
}

// swapReader replaces the part with a link after the first read, as an attacker racing the
// download would.
type swapReader struct {
	r            io.Reader
	part, victim string
	swapped      bool
}

func (s *swapReader) Read(p []byte) (int, error) {
	if !s.swapped {
		s.swapped = true
		os.Remove(s.part)
		os.Symlink(s.victim, s.part)
	}
	return s.r.Read(p)
}

func TestWriteAtomicRefusesToNameAPartSwappedForALink(t *testing.T) {
	dir := t.TempDir()
	dest, part := filepath.Join(dir, "v.mp4"), filepath.Join(dir, "v.mp4.1-abc.part")
	victim := filepath.Join(t.TempDir(), "victim.txt")
	os.WriteFile(victim, []byte("precious"), 0o644)
	r := &swapReader{r: strings.NewReader("new data"), part: part, victim: victim}
	_, err := WriteAtomic(context.Background(), r, 8, dest, Options{Part: part})
	if !errors.Is(err, ErrNotRegular) {
		t.Fatalf("got %v, want ErrNotRegular", err)
	}
	assertNoFile(t, dest)
	assertLink(t, part)
	if got, _ := os.ReadFile(victim); string(got) != "precious" {
		t.Fatalf("the link's target now holds %q", got)
	}
}

func TestWriteAtomicNeverReusesAnExistingPartName(t *testing.T) {
	dir := t.TempDir()
	dest, part := filepath.Join(dir, "v.mp4"), filepath.Join(dir, "v.mp4.part")
	os.WriteFile(part, []byte("someone's file"), 0o644)
	_, err := WriteAtomic(context.Background(), strings.NewReader("new"), 3, dest, Options{Part: part})
	if !errors.Is(err, os.ErrExist) {
		t.Fatalf("got %v, want a refusal to reuse the name", err)
	}
	if got, _ := os.ReadFile(part); string(got) != "someone's file" {
		t.Fatalf("the existing file now holds %q", got)
	}
}

func assertLink(t *testing.T, path string) {
	t.Helper()
	if st, err := os.Lstat(path); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("%s is no longer the link it was: %v", path, err)
	}
}
