package preflight

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/i18n"
	"memories-desktop/backend/media/mediatest"
)

func TestCheckFileVerdicts(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name   string
		path   func() string
		code   string // "" means OK
		size   int64
		reason string
	}{
		{"mp4", func() string { return video(t, dir, "a.mp4") }, "", mp4Size, ""},
		{"upper-case MOV", func() string { return mediatest.Copy(t, "hevc-tags.mov", filepath.Join(dir, "B.MOV")) }, "", 7789, ""},
		{"mkv in a nested folder", func() string { return mediatest.Copy(t, "vp9.mkv", filepath.Join(dir, "x/y/c.mkv")) }, "", 2416, ""},
		{"link to a file", func() string { return symlink(t, dir, "link.avi", video(t, dir, "real.avi")) }, "", mp4Size, ""},
		{"exactly the limit", func() string { return mediatest.Sparse(t, filepath.Join(dir, "max.mp4"), MaxFileSize) }, "", MaxFileSize, ""},
		{"missing", func() string { return filepath.Join(dir, "gone.mp4") }, CodeMissing, 0, "not found"},
		{"empty path", func() string { return "" }, CodeMissing, 0, "not found"},
		{"folder", func() string { return write(t, dir, "folder.mp4/inner.txt", "") + "/.." }, CodeNotRegular, 0, "folder"},
		{"text file", func() string { return write(t, dir, "notes.txt", "hi") }, CodeUnsupportedExt, 2, `".txt" files cannot be uploaded; use .mp4, .mov, .avi or .mkv`},
		{"no extension", func() string { return write(t, dir, "README", "hi") }, CodeUnsupportedExt, 2, "no extension"},
		{"empty", func() string { return write(t, dir, "empty.mp4", "") }, CodeEmpty, 0, "0 bytes"},
		{"too large", func() string { return sparse(t, dir, "huge.mkv", MaxFileSize+1) }, CodeTooLarge, MaxFileSize + 1, "the file is 3.1 GiB, over the 3.0 GiB limit"},
		{"dangling link", func() string { return symlink(t, dir, "dangling.mp4", filepath.Join(dir, "nowhere.mp4")) }, CodeUnreadable, 0, "link to a file that no longer exists"},
		{"link loop", func() string { symlink(t, dir, "l2.mp4", "l1.mp4"); return symlink(t, dir, "l1.mp4", "l2.mp4") }, CodeUnreadable, 0, "symbolic links"},
		{"under a file", func() string { return write(t, dir, "plain.mp4", "v") + "/x.mp4" }, CodeUnreadable, 0, "not a directory"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.path()
			v := CheckFile(path)
			if v.OK != (tc.code == "") || v.Code != tc.code || v.Size != tc.size || !strings.Contains(v.Reason, tc.reason) {
				t.Fatalf("CheckFile(%q) = %+v\nwant code %q size %d reason containing %q", path, v, tc.code, tc.size, tc.reason)
			}
			if v.OK && v.Reason != "" || !v.OK && v.Reason == "" {
				t.Fatalf("reason %q does not match OK=%v", v.Reason, v.OK)
			}
			if path != "" && (v.Path != filepath.Clean(path) || v.Name != filepath.Base(filepath.Clean(path))) {
				t.Fatalf("Path %q Name %q for %q", v.Path, v.Name, path)
			}
		})
	}
}

func TestCheckFileMakesRelativePathsAbsolute(t *testing.T) {
	dir := t.TempDir()
	video(t, dir, "rel.mp4")
	t.Chdir(dir)
	v := CheckFile("rel.mp4")
	if !v.OK || v.Path != filepath.Join(dir, "rel.mp4") || v.Name != "rel.mp4" {
		t.Fatalf("%+v", v)
	}
}

func TestRunStopsAtFirstFailure(t *testing.T) {
	path := write(t, t.TempDir(), "a.mp4", "v")
	info, f := stat(path)
	if f != nil {
		t.Fatal(f.key, f.raw)
	}
	var ran []string
	step := func(name string, fail bool) check {
		return func(string, fs.FileInfo) *failure {
			ran = append(ran, name)
			if fail {
				return &failure{code: "code_" + name, raw: name}
			}
			return nil
		}
	}
	got := run(path, info, []check{step("a", false), step("b", true), step("c", true)})
	if got == nil || got.code != "code_b" || strings.Join(ran, ",") != "a,b" {
		t.Fatalf("failure %+v after %v", got, ran)
	}
}

// Sizes in pre-flight's messages are worded for the language, rounded up against the limit.
func TestFormatSize(t *testing.T) {
	t.Cleanup(func() { i18n.SetDefault(i18n.English) })
	cases := map[int64]string{0: "0 bytes", 1023: "1,023 bytes", 1024: "1.0 KiB", 1536: "1.5 KiB", 5 << 20: "5.0 MiB",
		MaxFileSize: "3.0 GiB", MaxFileSize + 1: "3.1 GiB", 5 << 40: "5.0 TiB"}
	for n, want := range cases {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
	i18n.SetDefault(i18n.New("de"))
	if got := FormatSize(MaxFileSize + 1); got != "3,1 GiB" {
		t.Errorf("German: FormatSize = %q, want 3,1 GiB", got)
	}
}
