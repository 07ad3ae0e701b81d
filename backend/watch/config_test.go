package watch

import (
	"strings"
	"testing"
)

// The default patterns take the accepted video formats in any case and leave out hidden files;
// settings a watch cannot run with are refused with a reason.
func TestConfigDefaultsAndValidation(t *testing.T) {
	dir := t.TempDir()
	c := Config{Folder: dir}
	c.Normalize()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"a.mp4": true, "B.MOV": true, "c.mkv": true, ".a.mp4": false,
		"notes.txt": false, "a.mp4.part": false} {
		if got := c.wants(name); got != want {
			t.Errorf("wants(%q) = %v, want %v", name, got, want)
		}
	}
	if c.After != Keep || c.Settle() != DefaultSettle || c.Name == "" {
		t.Fatalf("defaults %+v", c)
	}
	for _, bad := range []struct {
		c    Config
		want string
	}{
		{Config{Name: "x", Folder: dir, After: Delete}, "DELETE"},
		{Config{Name: "x", Folder: dir, After: "shred"}, "not \"shred\""},
		{Config{Name: "x", Folder: dir + "/missing"}, "not a folder"},
		{Config{Name: "x\x01y", Folder: dir}, "name"},
		{Config{Name: "x", Folder: dir, Include: []string{"[a"}}, "pattern"},
	} {
		bad.c.Normalize()
		if err := bad.c.Validate(); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%+v: %v, want an error about %q", bad.c, err, bad.want)
		}
	}
}
