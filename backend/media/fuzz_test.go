package media

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzInspect feeds damaged containers to every reader: an answer or an error, never a panic,
// a hang or a huge allocation.
func FuzzInspect(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.*")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Inspect(bytes.NewReader(data), int64(len(data)))
		if err == nil && info.Container == "" {
			t.Fatalf("no container named: %+v", info)
		}
	})
}
