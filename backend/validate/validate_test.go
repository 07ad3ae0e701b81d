package validate

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/api"
)

func TestRules(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	os.WriteFile(file, nil, 0o644)
	cases := []struct {
		name string
		err  error
		ok   bool
	}{
		{"scope", Scope("holiday-2025"), true},
		{"scope unicode", Scope("été"), true},
		{"scope blank", Scope(" "), false},
		{"scope space", Scope("a b"), false},
		{"scope tab", Scope("a\tb"), false},
		{"scope NUL", Scope("a\x00b"), false},
		{"scope bad utf-8", Scope("a\xffb"), false},
		{"scope 128", Scope(strings.Repeat("é", 128)), true},
		{"scope 129", Scope(strings.Repeat("é", 129)), false},
		{"scope amp", Scope("a&b"), false},
		{"tag", Tag("summer trip"), true},
		{"tag newline", Tag("a\nb"), false},
		{"tag escape", Tag("a\x1b[2Jb"), false},
		{"tag long", Tag(strings.Repeat("t", MaxTagLen+1)), false},
		{"video no", ID(FieldVideoNo, "VI606404158946574336"), true},
		{"legacy no", ID(FieldVideoNo, "mavi_video_1.2"), true},
		{"task uuid", ID(FieldID, "4b2d0c2e-1f2a-4c3b-9d4e-5f6a7b8c9d0e"), true},
		{"id empty", ID(FieldID, ""), false},
		{"id dotdot", ID(FieldID, "re_1..x"), false},
		{"id slash", ID(FieldID, "re_1/x"), false},
		{"id dot", ID(FieldID, ".hidden"), false},
		{"id space", ID(FieldID, "VI 1"), false},
		{"id long", ID(FieldID, strings.Repeat("1", MaxIDLen+1)), false},
		{"state", JobState("failed"), true},
		{"state all", JobState(""), true},
		{"state bogus", JobState("bogus"), false},
		{"kind", JobKind("download_asset"), true},
		{"kind bogus", JobKind("Download"), false},
		{"folder", DestFolder(dir), true},
		{"folder missing", DestFolder(filepath.Join(dir, "x")), false},
		{"folder is file", DestFolder(file), false},
		{"file 255", DestFile(filepath.Join(dir, strings.Repeat("n", 255))), true},
		{"file 256", DestFile(filepath.Join(dir, strings.Repeat("n", 256))), false},
		{"file in missing", DestFile(filepath.Join(dir, "x", "a.mp4")), false},
	}
	for _, c := range cases {
		var ve *api.ValidationError
		if c.ok != (c.err == nil) || (!c.ok && (!errors.As(c.err, &ve) || ve.Field == "" || ve.Message == "")) {
			t.Errorf("%s: %v", c.name, c.err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("the write probe left %d entries", len(entries))
	}
}
