// Package docs holds only this test: every citation of the API facts in the repository must point
// at a section of docs/API.md that exists, and nothing may cite notes that are not in the
// repository.
package docs

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// outsideNotes is the name of the API notes the code once cited, which are not in the
// repository; built from parts so this file does not match itself.
var outsideNotes = "memories-api" + ".md"

var (
	section   = regexp.MustCompile(`§(\d+(?:\.\d+)*)`)
	heading   = regexp.MustCompile(`^#{2,4} (\d+(?:\.\d+)*)\.? `)
	listItem  = regexp.MustCompile(`^(\d+)\. `)
	skipDirs  = map[string]bool{".git": true, "node_modules": true, ".tools": true, "dist": true, "bin": true, "test-artifacts": true}
	textFiles = map[string]bool{".go": true, ".md": true, ".ts": true, ".svelte": true, ".sh": true, ".mjs": true,
		".js": true, ".py": true, ".yml": true, ".yaml": true, ".json": true, ".txt": true, "": true}
)

// sections returns the section numbers of docs/API.md: its numbered headings, and the numbered
// list items of a top-level section ("11.7" for item 7 under "## 11.").
func sections(t *testing.T) map[string]bool {
	f, err := os.Open("API.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found, top := map[string]bool{}, ""
	for sc := bufio.NewScanner(f); sc.Scan(); {
		line := sc.Text()
		if m := heading.FindStringSubmatch(line); m != nil {
			found[m[1]] = true
			if strings.HasPrefix(line, "## ") {
				top = m[1]
			}
		} else if m := listItem.FindStringSubmatch(line); m != nil && top != "" {
			found[top+"."+m[1]] = true
		}
	}
	return found
}

func TestCitationsPointAtSectionsOfAPIMd(t *testing.T) {
	known := sections(t)
	if len(known) < 20 {
		t.Fatalf("docs/API.md has only %d numbered sections", len(known))
	}
	files := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && skipDirs[d.Name()]:
			return filepath.SkipDir
		case d.IsDir() || !textFiles[filepath.Ext(path)]:
			return nil
		}
		files++
		checkFile(t, path, known)
		return nil
	})
	if err != nil || files < 100 {
		t.Fatalf("walked %d files: %v", files, err)
	}
}

// checkFile fails for a citation of the outside notes, a § that does not name API.md on its line
// (outside API.md itself), and a § that API.md does not have.
func checkFile(t *testing.T, path string, known map[string]bool) {
	data, err := os.ReadFile(path)
	if err != nil || len(data) > 4<<20 {
		return
	}
	self := filepath.Clean(path) == filepath.Join("..", "docs", "API.md")
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, outsideNotes) {
			t.Errorf("%s:%d cites %s, which is not in the repository: cite docs/API.md", path, i+1, outsideNotes)
		}
		for _, m := range section.FindAllStringSubmatch(line, -1) {
			if !self && !strings.Contains(line, "API.md") {
				t.Errorf("%s:%d: %s without saying of what; write docs/API.md %s", path, i+1, m[0], m[0])
			} else if !known[m[1]] {
				t.Errorf("%s:%d cites docs/API.md %s, which does not exist", path, i+1, m[0])
			}
		}
	}
}
