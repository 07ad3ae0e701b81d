package preflight

import (
	"io/fs"
	"memories-desktop/backend/contract"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// tree builds a folder with nested, hidden, unsupported, empty and linked entries, including
// links that loop back to their own folders.
func tree(t *testing.T) (root, other string) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	root, other = filepath.Join(dir, "root"), filepath.Join(dir, "other")
	video(t, root, "a.mp4")
	video(t, root, "b.MOV")
	write(t, root, "notes.txt", "v")
	video(t, root, ".hidden.mp4")
	video(t, root, ".cache/x.mp4")
	video(t, root, "sub/c.mkv")
	video(t, root, "sub/deeper/d.avi")
	write(t, root, "sub/empty.mp4", "")
	symlink(t, root, "sub/up", "..")
	symlink(t, root, "sub/self", ".")
	symlink(t, root, "l1.mp4", "l2.mp4")
	symlink(t, root, "l2.mp4", "l1.mp4")
	symlink(t, root, "film.mp4", filepath.Join(root, "sub", "c.mkv"))
	video(t, other, "e.mp4")
	return root, other
}

// outcome lists a scan as "path code" strings relative to base, "ok" for uploadable files.
func outcome(base string, vs []contract.Verdict) []string {
	var out []string
	for _, v := range vs {
		rel, _ := filepath.Rel(base, v.Path)
		code := v.Code
		if v.OK {
			code = "ok"
		}
		out = append(out, filepath.ToSlash(rel)+" "+code)
	}
	return out
}

func TestExpandWalksFoldersAndListsSkippedFiles(t *testing.T) {
	root, other := tree(t)
	base := filepath.Dir(root)
	t.Chdir(other)
	scan, err := Expand([]string{root, filepath.Join(root, "a.mp4"), "e.mp4", " ", other, filepath.Join(base, "gone.mp4")})
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := []string{"other/e.mp4 ok", "root/a.mp4 ok", "root/b.MOV ok", "root/film.mp4 ok", "root/sub/c.mkv ok", "root/sub/deeper/d.avi ok"}
	if got := outcome(base, scan.Files); !reflect.DeepEqual(got, wantFiles) {
		t.Errorf("files\n %q\nwant\n %q", got, wantFiles)
	}
	wantSkipped := []string{
		"gone.mp4 missing", "root/l1.mp4 unreadable", "root/l2.mp4 unreadable", "root/notes.txt unsupported_ext",
		"root/sub/empty.mp4 empty", "root/sub/self not_regular", "root/sub/up not_regular",
	}
	if got := outcome(base, scan.Skipped); !reflect.DeepEqual(got, wantSkipped) {
		t.Errorf("skipped\n %q\nwant\n %q", got, wantSkipped)
	}
	for _, v := range scan.Skipped {
		if v.Reason == "" || v.Name != filepath.Base(v.Path) {
			t.Errorf("skipped entry without reason or name: %+v", v)
		}
	}
}

func TestExpandFollowsAChosenLinkToAFolderAndHiddenRoots(t *testing.T) {
	root, _ := tree(t)
	hidden := filepath.Join(filepath.Dir(root), ".stash")
	video(t, hidden, "f.mp4")
	link := symlink(t, filepath.Dir(root), "shortcut", filepath.Join(root, "sub", "deeper"))
	scan, err := Expand([]string{link, hidden})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".stash/f.mp4 ok", "root/sub/deeper/d.avi ok"}
	if got := outcome(filepath.Dir(root), scan.Files); !reflect.DeepEqual(got, want) || len(scan.Skipped) != 0 {
		t.Fatalf("files %q skipped %+v, want %q", got, scan.Skipped, want)
	}
}

// A folder whose listing fails (permissions, a disk error) is reported and the walk goes on.
// The error is injected because root, which runs CI, can list any folder.
func TestExpandRecordsWalkErrorsAndCarriesOn(t *testing.T) {
	root, _ := tree(t)
	sub := filepath.Join(root, "sub")
	info, err := os.Stat(sub)
	if err != nil {
		t.Fatal(err)
	}
	s := scanner{seen: map[string]bool{}}
	visit := s.visit(root)
	if got := visit(sub, fs.FileInfoToDirEntry(info), &fs.PathError{Op: "open", Path: sub, Err: fs.ErrPermission}); got != filepath.SkipDir {
		t.Fatalf("visit returned %v for an unreadable folder, want SkipDir", got)
	}
	if got := visit(filepath.Join(root, "x.mp4"), nil, fs.ErrPermission); got != nil {
		t.Fatalf("visit returned %v for an unreadable file, want nil", got)
	}
	skipped := s.result().Skipped
	if got := outcome(filepath.Dir(root), skipped); !reflect.DeepEqual(got, []string{"root/sub unreadable", "root/x.mp4 unreadable"}) {
		t.Fatalf("skipped %q", got)
	}
	if skipped[0].Reason != "it cannot be read: permission denied" || strings.Contains(skipped[0].Reason, root) {
		t.Fatalf("reason %q", skipped[0].Reason)
	}
}

func TestExpandNeedsSomethingToCheck(t *testing.T) {
	for _, paths := range [][]string{nil, {}, {"", "  "}} {
		if _, err := Expand(paths); err == nil {
			t.Errorf("Expand(%q) gave no error", paths)
		}
	}
}
