package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"memories-desktop/backend/sandbox"
)

// Names and collisions are decided before any request: an existing ID.mp4 without a choice is a
// usage error that names --on-exists and costs nothing, skip costs nothing either, and an id
// given twice is downloaded once.
func TestExistingFileIsDecidedBeforeAnyRequest(t *testing.T) {
	e := newTestEnv(t)
	data := sandbox.SyntheticMP4("names")
	no := e.run("", "upload", "--json", writeVideo(t, t.TempDir(), "n.mp4", data)).want(t, 0).lines(t)[0]["video_no"].(string)
	out := t.TempDir()
	old := filepath.Join(out, no+".mp4")
	os.WriteFile(old, []byte("the old one"), 0o644)
	downloads := func() int { return e.sb.Stats().Downloads }

	r := e.run("", "download", "-o", out, no, no).want(t, 2)
	if !strings.Contains(r.stderr, "--on-exists replace|keep-both|skip") || downloads() != 0 {
		t.Fatalf("%d downloads; stderr %q", downloads(), r.stderr)
	}
	e.run("", "download", "-o", out, "--on-exists", "sometimes", no).want(t, 2)
	e.run("", "download", "-o", out, "--overwrite", "--on-exists", "skip", no).want(t, 2)
	if r := e.run("", "download", "--json", "-o", out, "--on-exists", "skip", no).want(t, 0); r.lines(t)[0]["state"] != "skipped" || downloads() != 0 {
		t.Fatalf("%d downloads; stdout %q", downloads(), r.stdout)
	}

	e.run("", "download", "-o", out, "--on-exists", "keep-both", no, no).want(t, 0)
	if got, _ := os.ReadFile(filepath.Join(out, no+" (1).mp4")); string(got) != string(data) || downloads() != 1 {
		t.Fatalf("keep-both: %d bytes, %d downloads", len(got), downloads())
	}
	e.run("", "download", "-o", out, "--on-exists", "replace", no).want(t, 0)
	if got, _ := os.ReadFile(old); string(got) != string(data) {
		t.Fatalf("replace left %d bytes", len(got))
	}
}

// --overwrite replaces only a regular file: a pipe or a link at -o is refused before anything is
// sent, and a folder under the server's name fails the job and stays.
func TestOverwriteReplacesOnlyRegularFiles(t *testing.T) {
	e := newTestEnv(t)
	id := e.addAsset("clip.mp4", "asset bytes")
	out := t.TempDir()
	fifo, link := filepath.Join(out, "pipe.mp4"), filepath.Join(out, "link.mp4")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Symlink(filepath.Join(t.TempDir(), "elsewhere"), link)
	for _, dest := range []string{fifo, link} {
		r := e.run("", "download-asset", "--overwrite", "-o", dest, id).want(t, 2)
		if !strings.Contains(r.stderr, "only a regular file") {
			t.Fatalf("%s: %s", dest, r.stderr)
		}
	}
	if n := e.sb.Stats().Calls; n != 0 {
		t.Fatalf("%d requests sent", n)
	}
	os.Mkdir(filepath.Join(out, "clip.mp4"), 0o755)
	r := e.run("", "download-asset", "--json", "--overwrite", "-o", out, id).want(t, 1)
	if row := r.lines(t)[0]; row["code"] != "not_regular" {
		t.Fatalf("failure %v", row)
	}
	if st, err := os.Lstat(filepath.Join(out, "clip.mp4")); err != nil || !st.IsDir() {
		t.Fatalf("the folder was replaced: %v", err)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe was replaced: %v", err)
	}
}

// The data folder is never a download target, under its own path or through a link, whatever
// name the server sends (here the database's own).
func TestDataFolderIsNeverADownloadTarget(t *testing.T) {
	e := newTestEnv(t)
	id := e.addAsset("memories.db", "not a database")
	e.run("", "history").want(t, 0) // the database exists
	data := e.env["MEMORIES_DATA_DIR"]
	db := filepath.Join(data, "memories.db")
	before, _ := os.ReadFile(db)
	via := filepath.Join(t.TempDir(), "via")
	os.Symlink(data, via)
	for _, dir := range []string{data, via} {
		r := e.run("", "download-asset", "--overwrite", "-o", dir, id).want(t, 2)
		if !strings.Contains(r.stderr, "data folder") {
			t.Fatalf("%s: %s", dir, r.stderr)
		}
	}
	if after, _ := os.ReadFile(db); len(before) == 0 || string(after) != string(before) || e.sb.Stats().Calls != 0 {
		t.Fatalf("the database changed (%d → %d bytes) or a request was sent", len(before), len(after))
	}
}

// An asset saved into a folder is named by the server's answer; the --on-exists choice travels
// with the job and is applied when the name arrives.
func TestServerNamedAssetFollowsOnExists(t *testing.T) {
	e := newTestEnv(t)
	id := e.addAsset("clip.mp4", "asset bytes")
	out := t.TempDir()
	old := filepath.Join(out, "clip.mp4")
	os.WriteFile(old, []byte("mine"), 0o644)
	if row := e.run("", "download-asset", "--json", "-o", out, "--on-exists", "skip", id).want(t, 0).lines(t)[0]; row["state"] != "skipped" {
		t.Fatalf("skip: %v", row)
	}
	e.run("", "download-asset", "-o", out, "--on-exists", "keep-both", id).want(t, 0)
	kept, _ := os.ReadFile(old)
	both, _ := os.ReadFile(filepath.Join(out, "clip (1).mp4"))
	if string(kept) != "mine" || string(both) != "asset bytes" {
		t.Fatalf("clip.mp4 %q, clip (1).mp4 %q", kept, both)
	}
	r := e.run("", "download-asset", "-o", out, id).want(t, 1)
	wantSays(t, r, "--on-exists replace|keep-both|skip")
}
