package safefile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileReplacesWholeAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "settings.json")
	for _, data := range []string{"first", "second, longer"} {
		if err := WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != data {
			t.Fatalf("file holds %q, want %q", got, data)
		}
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", st.Mode().Perm())
	}
	if names, _ := os.ReadDir(dir); len(names) != 1 {
		t.Fatalf("folder holds %d entries, want only the file", len(names))
	}
}

// A link planted at the name is replaced by the file; what it pointed at is never written.
func TestWriteFileNeverWritesThroughALink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	os.WriteFile(victim, []byte("keep me"), 0o644)
	path := filepath.Join(dir, "state.json")
	if err := os.Symlink(victim, path); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(victim); string(got) != "keep me" {
		t.Fatalf("the link's target was written: %q", got)
	}
	if st, _ := os.Lstat(path); !st.Mode().IsRegular() {
		t.Fatalf("%s is still a %v", path, st.Mode().Type())
	}
}

func TestWriteFileNamesAMissingFolder(t *testing.T) {
	err := WriteFile(filepath.Join(t.TempDir(), "gone", "x.json"), []byte("x"), 0o600)
	if err == nil {
		t.Fatal("wrote into a folder that is not there")
	}
}
