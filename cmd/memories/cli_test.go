package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/sandbox"
)

func writeVideo(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestUploadThenDownloadRoundTrip(t *testing.T) {
	e := newTestEnv(t)
	data := sandbox.SyntheticMP4("round-trip")
	src := writeVideo(t, t.TempDir(), "clip.mp4", data)
	up := e.run("", "upload", "--json", "--tag", "trip", "--taken", "2025-08-12 14:30:00", src).want(t, 0).lines(t)
	no := up[0]["video_no"].(string)
	if up[0]["file"] != src || up[0]["status"] != "UNPARSE" {
		t.Fatalf("upload line %v", up[0])
	}
	out := t.TempDir()
	down := e.run("", "download", "--json", "-o", out, no).want(t, 0).lines(t)
	got, _ := os.ReadFile(filepath.Join(out, no+".mp4"))
	_, asked := down[0]["sha256"] // only with --sha256 (download_sums_test.go)
	if down[0]["fingerprint"] != fingerprintOf(data) || asked || string(got) != string(data) {
		t.Fatalf("download line %v; bytes equal %v", down[0], string(got) == string(data))
	}
	again := e.run("", "download", "-o", out, no).want(t, 2) // decided before any request
	if !strings.Contains(again.stdout+again.stderr, "already exist") {
		t.Fatalf("second download did not refuse to overwrite: %+v", again)
	}
	e.run("", "download", "--overwrite", "-o", out, no).want(t, 0)
}

func TestUploadRejectsBadInputBeforeSending(t *testing.T) {
	e := newTestEnv(t)
	dir := t.TempDir()
	good := writeVideo(t, dir, "ok.mp4", sandbox.SyntheticMP4("x"))
	notes := writeVideo(t, dir, "notes.txt", []byte("hi"))
	empty := t.TempDir()
	cases := map[string][]string{
		"missing file":    {"upload", filepath.Join(dir, "nope.mp4")},
		"named non-video": {"upload", good, notes},
		"empty folder":    {"upload", empty},
		"bad latitude":    {"upload", "--lat", "91", "--lon", "0", good},
		"lat without lon": {"upload", "--lat", "10", good},
		"bad date":        {"upload", "--taken", "2025-13-01", good},
		"bad callback":    {"upload", "--callback", "ftp://x", good},
		"no paths":        {"upload"},
		"unknown flag":    {"upload", "--frobnicate", good},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			r := e.run("", args...).want(t, 2)
			if r.stderr == "" {
				t.Fatal("no explanation on stderr")
			}
		})
	}
	if n := e.sb.Stats().Uploads; n != 0 {
		t.Fatalf("%d uploads reached the server", n)
	}
}

func TestUploadFolderSkipsUnsupported(t *testing.T) {
	e := newTestEnv(t)
	dir := t.TempDir()
	writeVideo(t, dir, "a.mp4", sandbox.SyntheticMP4("a"))
	writeVideo(t, dir, "b.MOV", sandbox.SyntheticMP4("b"))
	writeVideo(t, dir, "readme.txt", []byte("x"))
	r := e.run("", "upload", "--json", dir).want(t, 0)
	if rows := r.lines(t); len(rows) != 2 {
		t.Fatalf("uploaded %d files, want 2: %s", len(rows), r.stdout)
	}
	if !strings.Contains(r.stderr, "readme.txt") {
		t.Fatalf("skipped file not reported: %s", r.stderr)
	}
}

func TestUploadSkipDuplicatesLeavesOutFilesSentBefore(t *testing.T) {
	e := newTestEnv(t)
	dir := t.TempDir()
	first := writeVideo(t, dir, "first.mp4", sandbox.SyntheticMP4("same"))
	no := e.run("", "upload", "--json", first).want(t, 0).lines(t)[0]["video_no"].(string)

	copyOf := writeVideo(t, t.TempDir(), "renamed.mp4", sandbox.SyntheticMP4("same"))
	fresh := writeVideo(t, t.TempDir(), "fresh.mp4", sandbox.SyntheticMP4("other"))
	r := e.run("", "upload", "--json", "--skip-duplicates", copyOf, fresh).want(t, 0)
	rows := r.lines(t)
	if len(rows) != 1 || rows[0]["file"] != fresh {
		t.Fatalf("uploaded %v, want only %s", rows, fresh)
	}
	if !strings.Contains(r.stderr, "skipped "+copyOf+": already uploaded as "+no) {
		t.Fatalf("the skip is not explained: %s", r.stderr)
	}
	// Without the flag the user's word stands: the copy is sent.
	if rows := e.run("", "upload", "--json", copyOf).want(t, 0).lines(t); len(rows) != 1 {
		t.Fatalf("plain upload of a copy: %v", rows)
	}
}

func TestMissingKeyIsUsageError(t *testing.T) {
	e := newTestEnv(t)
	delete(e.env, "MEMORIES_API_KEY")
	e.run("", "list").want(t, 2)
}

func TestWrongKeyIsOperationFailure(t *testing.T) {
	e := newTestEnv(t)
	e.env["MEMORIES_API_KEY"] = "sk-wrong-key-000"
	r := e.run("", "list").want(t, 1)
	if !strings.Contains(r.stderr, "API key") || strings.Contains(r.stderr, "sk-wrong-key-000") {
		t.Fatalf("stderr: %s", r.stderr)
	}
}

func TestUploadURLAndStatusAndList(t *testing.T) {
	e := newTestEnv(t)
	r := e.run("", "upload-url", "--json", "--tag", "web", "https://cdn.example.com/v.mp4").want(t, 0).lines(t)
	no := r[0]["video_no"].(string)
	e.run("", "upload-url", "ftp://cdn.example.com/v.mp4").want(t, 2)
	st := e.run("", "status", "--json", no).want(t, 0).lines(t)
	if st[0]["id"] != no || st[0]["kind"] != "video" || st[0]["status"] == "" {
		t.Fatalf("status %v", st[0])
	}
	list := e.run("", "list", "--json").want(t, 0).lines(t)
	if len(list) != 1 || list[0]["id"] != no {
		t.Fatalf("list %v", list)
	}
	e.run("", "list", "--status", "weird").want(t, 2)
}

func TestImport120MixedLinks(t *testing.T) {
	e := newTestEnv(t)
	var valid, mixed []string
	for i := 0; i < 60; i++ {
		valid = append(valid, fmt.Sprintf("https://www.tiktok.com/@user%d/video/%d", i, 7000000000000000000+i))
	}
	for i := 0; i < 30; i++ {
		valid = append(valid, fmt.Sprintf("https://youtu.be/%011d", i))
	}
	for i := 0; i < 12; i++ {
		valid = append(valid, fmt.Sprintf("https://www.instagram.com/reel/C%09d/", i))
	}
	mixed = append(mixed, valid...)
	for i := 0; i < 10; i++ { // the same videos spelled differently
		mixed = append(mixed, fmt.Sprintf("https://m.youtube.com/watch?v=%011d&si=abc", i))
	}
	for i := 0; i < 8; i++ {
		mixed = append(mixed, fmt.Sprintf("https://vimeo.com/%d", i))
	}
	rejected := e.run(strings.Join(mixed, "\n"), "import", "--json", "-").want(t, 2)
	if !strings.Contains(rejected.stderr, "line 113:") || e.sb.Stats().Imports != 0 {
		t.Fatalf("invalid lines not reported before sending (imports %d): %s", e.sb.Stats().Imports, rejected.stderr)
	}
	withDupes := append(mixed[:len(mixed)-8:len(mixed)-8], valid[:5]...)
	rows := e.run(strings.Join(withDupes, "\n"), "import", "--json", "--quality", "1080", "-").want(t, 0).lines(t)
	counts := map[string][]int{}
	for _, row := range rows {
		counts[row["platform"].(string)] = append(counts[row["platform"].(string)], len(row["links"].([]any)))
	}
	want := map[string][]int{"tiktok": {50, 10}, "youtube": {30}, "instagram": {12}}
	if fmt.Sprint(counts) != fmt.Sprint(want) || e.sb.Stats().Imports != 4 {
		t.Fatalf("tasks %v (imports %d), want %v", counts, e.sb.Stats().Imports, want)
	}
	e.run("https://youtu.be/aaaaaaaaaaa", "import", "--quality", "999", "-").want(t, 2)
}

func TestDownloadAssetUsesServerName(t *testing.T) {
	e := newTestEnv(t)
	id := e.addAsset("../../évènement 2025.mp4", "asset bytes")
	out := t.TempDir()
	row := e.run("", "download-asset", "--json", "-o", out, id).want(t, 0).lines(t)[0]
	path := row["path"].(string)
	if filepath.Dir(path) != out || !strings.HasSuffix(path, ".mp4") || strings.Contains(filepath.Base(path), "..") {
		t.Fatalf("asset saved to %q", path)
	}
	e.run("", "download-asset", "-o", out, "re_000000000000000000").want(t, 1)
}

func TestDownloadFailureLeavesNoFileUnderTheFinalName(t *testing.T) {
	t.Parallel() // slow and independent (its own sandbox, folders and processes)
	e := newTestEnv(t)
	src := writeVideo(t, t.TempDir(), "c.mp4", sandbox.SyntheticMP4("trunc"))
	no := e.run("", "upload", "--json", src).want(t, 0).lines(t)[0]["video_no"].(string)
	for name, f := range map[string]sandbox.Faults{"truncated": {TruncateDownloads: true}, "json on 200": {JSONOnDownload: true}} {
		t.Run(name, func(t *testing.T) {
			e.sb.SetFaults(f)
			out := t.TempDir()
			row := e.run("", "download", "--json", "-o", out, no).want(t, 1).lines(t)[0]
			if _, err := os.Stat(filepath.Join(out, no+".mp4")); err == nil {
				t.Fatal("a file exists under the final name")
			}
			// A failed download keeps only its .part, which `memories retry` continues.
			e.sb.SetFaults(sandbox.Faults{})
			e.run("", "retry", fmt.Sprint(row["job_id"])).want(t, 0)
			got, _ := os.ReadFile(filepath.Join(out, no+".mp4"))
			if string(got) != string(sandbox.SyntheticMP4("trunc")) {
				t.Fatalf("retried download has %d bytes", len(got))
			}
			if entries, _ := os.ReadDir(out); len(entries) != 1 {
				t.Fatalf("left behind: %v", entries)
			}
		})
	}
}

func TestDownloadSeveralIDsNeedsAFolder(t *testing.T) {
	e := newTestEnv(t)
	e.run("", "download", "-o", filepath.Join(t.TempDir(), "x.mp4"), "VI1", "VI2").want(t, 2)
	existing := writeVideo(t, t.TempDir(), "x.mp4", []byte("keep"))
	e.run("", "download", "-o", existing, "VI1").want(t, 2)
	if e.sb.Stats().Downloads != 0 {
		t.Fatal("a download was sent")
	}
}

func TestHelpAndUnknownCommand(t *testing.T) {
	e := newTestEnv(t)
	e.run("", "help").want(t, 0)
	e.run("", "frobnicate").want(t, 2)
	e.run("").want(t, 2)
}
