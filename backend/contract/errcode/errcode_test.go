package errcode

import "testing"

// The TypeScript names must be unique, or the generated enum would not compile.
func TestNamesAndCodesAreUnique(t *testing.T) {
	names, codes := map[string]bool{}, map[Code]bool{}
	for _, c := range All {
		if names[c.TSName] || codes[c.Value] || c.Value == "" {
			t.Fatalf("duplicate or empty entry %+v", c)
		}
		names[c.TSName], codes[c.Value] = true, true
	}
}
