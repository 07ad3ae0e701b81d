package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/sandbox"
	"memories-desktop/backend/transfer"
)

// fingerprintOf is the duplicate index's key for data, as a download reports it.
func fingerprintOf(data []byte) string {
	h := transfer.NewFingerprint()
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// A download records its file in the duplicate index under the video it came from: on another
// computer (a fresh data folder, which never uploaded it), uploading the downloaded file again
// is flagged as already uploaded as that video.
func TestDownloadedFileIsRecognisedWhenUploadedAgain(t *testing.T) {
	e := newTestEnv(t)
	data := sandbox.SyntheticMP4("downloaded then uploaded")
	no := e.run("", "upload", "--json", writeVideo(t, t.TempDir(), "a.mp4", data)).want(t, 0).lines(t)[0]["video_no"].(string)
	e.env["MEMORIES_DATA_DIR"] = t.TempDir()
	out := filepath.Join(t.TempDir(), "copy.mp4")
	e.run("", "download", "-o", out, no).want(t, 0)
	r := e.run("", "upload", "--json", "--skip-duplicates", out).want(t, 0)
	if !strings.Contains(r.stderr, "skipped "+out+": already uploaded as "+no) || strings.TrimSpace(r.stdout) != "" {
		t.Fatalf("the downloaded file was not recognised:\nstdout: %s\nstderr: %s", r.stdout, r.stderr)
	}
}

// --sha256 adds the SHA-256 of the saved file to the JSON line and to the human one; the
// fingerprint is there either way.
func TestDownloadSHA256OnlyWhenAsked(t *testing.T) {
	e := newTestEnv(t)
	data := sandbox.SyntheticMP4("sha on request")
	no := e.run("", "upload", "--json", writeVideo(t, t.TempDir(), "b.mp4", data)).want(t, 0).lines(t)[0]["video_no"].(string)
	sum := sha256.Sum256(data)
	want := hex.EncodeToString(sum[:])
	out := t.TempDir()
	row := e.run("", "download", "--json", "--sha256", "-o", filepath.Join(out, "j.mp4"), no).want(t, 0).lines(t)[0]
	if row["sha256"] != want || row["fingerprint"] != fingerprintOf(data) {
		t.Fatalf("download line %v, want sha256 %s", row, want)
	}
	human := e.run("", "download", "--sha256", "-o", filepath.Join(out, "h.mp4"), no).want(t, 0)
	if !strings.Contains(human.stdout, "sha256 "+want) {
		t.Fatalf("the human line does not show the SHA-256: %q", human.stdout)
	}
	plain := e.run("", "download", "-o", filepath.Join(out, "p.mp4"), no).want(t, 0)
	if strings.Contains(plain.stdout, "sha256") {
		t.Fatalf("a SHA-256 nobody asked for: %q", plain.stdout)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "p.mp4")); string(got) != string(data) {
		t.Fatal("the saved file differs from the upload")
	}
}
