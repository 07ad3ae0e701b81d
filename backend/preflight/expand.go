package preflight

import (
	"errors"
	"io/fs"
	"memories-desktop/backend/contract"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

var errNothing = errors.New("nothing to check: choose at least one file or folder")

// Expand checks every given file and walks every given folder, so a drop of mixed files and
// folders becomes one list. Walking skips hidden files and folders and does not enter linked
// folders, which could loop; unusable files are listed in Skipped with their reasons. A path
// reached twice is listed once. The error is only for an empty request.
func Expand(paths []string) (contract.Scan, error) { return ExpandWith(paths, Options{}) }

// ExpandWith is Expand with options for every file's check.
func ExpandWith(paths []string, opt Options) (contract.Scan, error) {
	s := scanner{seen: map[string]bool{}, opt: opt}
	given := 0
	for _, p := range paths {
		if strings.TrimSpace(p) != "" {
			s.add(absolute(p))
			given++
		}
	}
	if given == 0 {
		return contract.Scan{}, errNothing
	}
	return s.result(), nil
}

// scanner collects verdicts, each absolute path once.
type scanner struct {
	scan contract.Scan
	seen map[string]bool
	opt  Options
}

// add checks a file, or walks a folder; a link the user chose to a folder is followed once.
func (s *scanner) add(path string) {
	info, err := os.Stat(path)
	if err != nil || !info.IsDir() {
		s.record(Check(path, s.opt))
		return
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	_ = filepath.WalkDir(path, s.visit(path)) // visit records every error and never stops the walk
}

// visit is the WalkDir callback for one chosen folder root.
func (s *scanner) visit(root string) fs.WalkDirFunc {
	return func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			s.record(judge(verdictFor(path), unreadable(err)))
			return skipDir(d)
		case path != root && strings.HasPrefix(d.Name(), "."):
			return skipDir(d)
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0 && isDir(path):
			s.record(judge(verdictFor(path), refusal(CodeNotRegular, "preflight.folderLink")))
			return nil
		}
		s.record(Check(path, s.opt))
		return nil
	}
}

// skipDir stops WalkDir from descending into d when it is a folder.
func skipDir(d fs.DirEntry) error {
	if d != nil && d.IsDir() {
		return filepath.SkipDir
	}
	return nil
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// record keeps the first verdict for each path.
func (s *scanner) record(v contract.Verdict) {
	if s.seen[v.Path] {
		return
	}
	s.seen[v.Path] = true
	if v.OK {
		s.scan.Files = append(s.scan.Files, v)
	} else {
		s.scan.Skipped = append(s.scan.Skipped, v)
	}
}

// result returns the scan sorted by path.
func (s *scanner) result() contract.Scan {
	byPath := func(a, b contract.Verdict) int { return strings.Compare(a.Path, b.Path) }
	slices.SortFunc(s.scan.Files, byPath)
	slices.SortFunc(s.scan.Skipped, byPath)
	return s.scan
}
