package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The reproduction: `download -o out/clip.mp4` beside a leftover out/clip.mp4.part that
// the job did not write (garbage, or a link to a file elsewhere). The result is the asset, byte
// for byte; the leftover and the link's target are untouched.
func TestDownloadBesideALeftoverPartIsExact(t *testing.T) {
	e := newTestEnv(t)
	data := strings.Repeat("the real asset ", 20_000)
	id := e.addAsset("clip.mp4", data)
	victim := filepath.Join(t.TempDir(), "victim.txt")
	os.WriteFile(victim, []byte("precious"), 0o644)
	for name, plant := range map[string]func(part string){
		"garbage": func(part string) { os.WriteFile(part, []byte(strings.Repeat("g", 1000)), 0o644) },
		"link":    func(part string) { os.Symlink(victim, part) },
	} {
		t.Run(name, func(t *testing.T) {
			out := t.TempDir()
			dest := filepath.Join(out, "clip.mp4")
			plant(dest + ".part")
			before, _ := os.Lstat(dest + ".part")
			row := e.run("", "download-asset", "--json", "-o", dest, id).want(t, 0).lines(t)[0]
			got, _ := os.ReadFile(dest)
			if string(got) != data || row["fingerprint"] != fingerprintOf([]byte(data)) {
				t.Fatalf("saved %d bytes that differ from the asset's %d", len(got), len(data))
			}
			after, _ := os.Lstat(dest + ".part")
			if after == nil || after.Mode() != before.Mode() || after.Size() != before.Size() {
				t.Fatalf("the leftover changed: %v → %v", before, after)
			}
			if b, _ := os.ReadFile(victim); string(b) != "precious" {
				t.Fatalf("the link's target now holds %q", b)
			}
		})
	}
}

// Control characters in a file name are shown escaped, never sent raw to the terminal.
func TestControlCharactersInNamesAreNotEchoedRaw(t *testing.T) {
	e := newTestEnv(t)
	id := e.addAsset("x.mp4", "asset bytes")
	dest := filepath.Join(t.TempDir(), "red\x1b[31m\rname.mp4")
	r := e.run("", "download-asset", "-o", dest, id).want(t, 0)
	if strings.ContainsAny(r.stdout+r.stderr, "\x1b\r") || !strings.Contains(r.stdout, `red\x1b[31m\x0dname.mp4`) {
		t.Fatalf("stdout %q stderr %q", r.stdout, r.stderr)
	}
}
