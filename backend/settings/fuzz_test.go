package settings

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzLoad: a settings file of any content loads or is refused with an error, never a panic, and
// what loads survives a save and a reload unchanged.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{`{}`, `{"scope":"a b","concurrency":99}`, `{"theme":1}`, `[]`, `null`,
		`{"baseUrl":"https://u:p@x/?q#f","downloadDir":"\u0000"}`, `{"scope":"` + "\xff" + `"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, fileName), data, 0o600)
		s, err := Load(dir)
		if err != nil {
			return
		}
		Validate(s)
		if err := Save(dir, s); err != nil {
			return // Save may refuse what Validate refuses
		}
		again, err := Load(dir)
		if err != nil || !reflect.DeepEqual(again, s) {
			t.Fatalf("%s: loaded %+v, saved and reloaded %+v (%v)", data, s, again, err)
		}
	})
}
