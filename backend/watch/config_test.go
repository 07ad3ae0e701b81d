package watch

import (
	"memories-desktop/backend/contract"
	"strings"
	"testing"
)

// The default patterns take the accepted video formats in any case and leave out hidden files;
// settings a watch cannot run with are refused with a reason.
func TestConfigDefaultsAndValidation(t *testing.T) {
	dir := t.TempDir()
	c := contract.WatchConfig{Folder: dir}
	Normalize(&c)
	if err := Validate(c); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"a.mp4": true, "B.MOV": true, "c.mkv": true, ".a.mp4": false,
		"notes.txt": false, "a.mp4.part": false} {
		if got := wants(c, name); got != want {
			t.Errorf("wants(%q) = %v, want %v", name, got, want)
		}
	}
	if c.After != contract.WatchKeep || Settle(c) != DefaultSettle || c.Name == "" {
		t.Fatalf("defaults %+v", c)
	}
	for _, bad := range []struct {
		c    contract.WatchConfig
		want string
	}{
		{contract.WatchConfig{Name: "x", Folder: dir, After: contract.WatchDelete}, "DELETE"},
		{contract.WatchConfig{Name: "x", Folder: dir, After: "shred"}, "not \"shred\""},
		{contract.WatchConfig{Name: "x", Folder: dir + "/missing"}, "not a folder"},
		{contract.WatchConfig{Name: "x\x01y", Folder: dir}, "name"},
		{contract.WatchConfig{Name: "x", Folder: dir, Include: []string{"[a"}}, "pattern"},
	} {
		Normalize(&bad.c)
		if err := Validate(bad.c); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%+v: %v, want an error about %q", bad.c, err, bad.want)
		}
	}
}
