package validate

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzRules: whatever a person or a file supplies, an accepted id can never leave a folder or a
// URL path, and an accepted scope or tag holds no space or control character where forbidden.
func FuzzRules(f *testing.F) {
	for _, s := range []string{"VI606404158946574336", "re_1/../x", "..", "a b", "a\nb", "", "é", "\x00", "%2e%2e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ID(FieldID, s) == nil && (strings.ContainsAny(s, "/\\%?#") || strings.Contains(s, "..") || s == "" || s[0] == '.') {
			t.Fatalf("id %q accepted", s)
		}
		if Scope(s) == nil && (strings.ContainsFunc(s, unicode.IsSpace) || strings.ContainsFunc(s, unicode.IsControl) || strings.ContainsAny(s, "/\\?#&")) {
			t.Fatalf("scope %q accepted", s)
		}
		if Tag(s) == nil && (strings.ContainsFunc(s, unicode.IsControl) || strings.TrimSpace(s) == "") {
			t.Fatalf("tag %q accepted", s)
		}
		JobState(s)
		JobKind(s)
	})
}
