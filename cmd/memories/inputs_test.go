package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/sandbox"
)

// TestBadInputIsRejectedBeforeAnythingIsSent runs each hostile input the adversarial pass found
// (issue 13, item 14): each must exit 2 with a message naming the problem, send no request and
// leave no job in the history.
func TestBadInputIsRejectedBeforeAnythingIsSent(t *testing.T) {
	e := newTestEnv(t)
	dir := t.TempDir()
	video := writeVideo(t, dir, "ok.mp4", sandbox.SyntheticMP4("inputs"))
	for _, c := range badInputs(t, video) {
		t.Run(c.name, func(t *testing.T) {
			r := e.run("", c.args...).want(t, 2)
			if !strings.Contains(r.stderr, c.says) {
				t.Fatalf("stderr %q does not say %q", r.stderr, c.says)
			}
			if calls := e.sb.Stats().Calls; calls != 0 {
				t.Fatalf("%d request(s) reached the server", calls)
			}
		})
	}
	if rows := e.run("", "history", "--json").want(t, 0).lines(t); len(rows) != 0 {
		t.Fatalf("jobs left behind: %v", rows)
	}
}

type badInput struct {
	name string
	args []string
	says string
}

func badInputs(t *testing.T, video string) []badInput {
	out := t.TempDir()
	return []badInput{
		{"download empty id", []string{"download", "-o", out, ""}, "video number is empty"},
		{"download-asset empty id", []string{"download-asset", "-o", out, ""}, "asset id is empty"},
		{"download-asset traversal", []string{"download-asset", "-o", out, "re_1/../x"}, `"re_1/../x" is not`},
		{"download dot-dot id", []string{"download", "-o", out, ".."}, `".." is not`},
		{"status empty id", []string{"status", ""}, "id is empty"},
		{"status slash", []string{"status", "VI1/x"}, "is not a valid id"},
		{"history bogus state", []string{"history", "--state", "bogus"}, `"bogus" is not one of queued`},
		{"history bogus kind", []string{"history", "--kind", "bogus"}, `"bogus" is not one of upload_file`},
		{"scope with spaces", []string{"list", "--scope", "my videos"}, "spaces"},
		{"blank scope", []string{"list", "--scope", "  "}, "scope cannot be empty"},
		{"empty scope", []string{"status", "--scope", "", "VI1"}, "scope cannot be empty"},
		{"10,000-character scope", []string{"upload", "--scope", strings.Repeat("s", 10000), video}, "longer than 128"},
		{"scope with slash", []string{"download", "--scope", "a/b", "-o", out, "VI1"}, "/ \\ ? # &"},
		{"tag with newline", []string{"upload", "--tag", "a\nb", video}, "line break"},
		{"blank tag", []string{"upload-url", "--tag", " ", "https://cdn.example.com/a.mp4"}, "tag is empty"},
		{"missing -o folder", []string{"download", "-o", filepath.Join(out, "missing", "x.mp4"), "VI1"}, "does not exist"},
		{"-o is a file's child", []string{"download", "-o", filepath.Join(video, "x.mp4"), "VI1"}, "is not a folder"},
		{"256-byte name", []string{"download-asset", "-o", filepath.Join(out, strings.Repeat("n", 256)), "re_1"}, "256 bytes"},
		{"1000-byte name", []string{"download", "-o", filepath.Join(out, strings.Repeat("m", 1000)), "VI1"}, "1000 bytes"},
		{"list tag with newline", []string{"list", "--tag", "a\nb"}, "line break"},
		{"import callback", []string{"import", "--callback", "bad", "https://youtu.be/dQw4w9WgXcQ"}, "invalid callback"},
		{"import scope", []string{"import", "--scope", "a b", "https://youtu.be/dQw4w9WgXcQ"}, "spaces"},
	}
}

// TestReadOnlyFolderIsRefusedBeforeTheRequest uses a read-only mount, because permission bits
// do not stop the superuser the tests may run as.
func TestReadOnlyFolderIsRefusedBeforeTheRequest(t *testing.T) {
	ro := readOnlyFolder(t)
	e := newTestEnv(t)
	for _, args := range [][]string{{"download", "-o", ro, "VI1"}, {"download-asset", "-o", filepath.Join(ro, "a.mp4"), "re_1"}} {
		r := e.run("", args...).want(t, 2)
		if !strings.Contains(r.stderr, "cannot write in "+ro) {
			t.Fatalf("%v: %s", args, r.stderr)
		}
	}
	if e.sb.Stats().Calls != 0 {
		t.Fatal("a request was sent")
	}
}

// Names of 251 to 255 bytes, whose partial file once overflowed the limit, are downloaded (the
// engine shortens the partial name); 255 bytes is the longest any file system here accepts.
func TestLongestNamesAreDownloaded(t *testing.T) {
	e := newTestEnv(t)
	id := e.addAsset("a.mp4", "asset bytes")
	for _, n := range []int{250, 251, 255} {
		dest := filepath.Join(t.TempDir(), strings.Repeat("l", n-4)+".mp4")
		e.run("", "download-asset", "-o", dest, id).want(t, 0)
		if got, _ := os.ReadFile(dest); string(got) != "asset bytes" {
			t.Fatalf("%d-byte name: saved %q", n, got)
		}
	}
}
