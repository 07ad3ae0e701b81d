package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/sandbox"
)

// partEnv is a download interrupted mid-body: its folder, its .part file and the video's bytes.
type partEnv struct {
	*testEnv
	no, out, part string
	data          []byte
}

func interruptedDownload(t *testing.T, flags ...string) *partEnv {
	t.Helper()
	e := newTestEnv(t)
	data := mediatest.MP4(bytes.Repeat([]byte("0123456789"), 300_000))
	no := e.run("", "upload", "--json", writeVideo(t, t.TempDir(), "a.mp4", data)).want(t, 0).lines(t)[0]["video_no"].(string)
	e.sb.SetFaults(sandbox.Faults{DownloadRate: 500_000})
	p := &partEnv{testEnv: e, no: no, out: t.TempDir(), data: data}
	e.runInterrupted(t, func() bool {
		parts, _ := filepath.Glob(filepath.Join(p.out, "*.part"))
		if len(parts) != 1 {
			return false
		}
		p.part = parts[0]
		st, err := os.Stat(p.part)
		return err == nil && st.Size() > 100_000
	}, append([]string{"download", "-o", p.out, no}, flags...)...).want(t, 1)
	e.sb.SetFaults(sandbox.Faults{})
	return p
}

// resumeExact runs `resume` and checks that the video was saved byte for byte.
func (p *partEnv) resumeExact(t *testing.T) {
	t.Helper()
	p.run("", "resume").want(t, 0)
	if got, _ := os.ReadFile(filepath.Join(p.out, p.no+".mp4")); !bytes.Equal(got, p.data) {
		t.Fatalf("saved %d bytes that are not the video's %d", len(got), len(p.data))
	}
}

// A .part replaced by a hard link to a file elsewhere is not written through: the other file
// keeps its bytes and the download is saved in a file of its own.
func TestHardLinkedPartIsNotWrittenThrough(t *testing.T) {
	p := interruptedDownload(t)
	victim := filepath.Join(t.TempDir(), "victim.txt")
	os.WriteFile(victim, []byte("precious"), 0o644)
	os.Remove(p.part)
	if err := os.Link(victim, p.part); err != nil {
		t.Fatal(err)
	}
	p.resumeExact(t)
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Fatalf("the hard link's other name now holds %d bytes", len(b))
	}
}

// A .part that is another file than the one the job created (same name, same bytes, another
// inode) is left alone, not resumed from or renamed.
func TestPartReplacedByAnotherFileIsLeftAlone(t *testing.T) {
	p := interruptedDownload(t)
	b, _ := os.ReadFile(p.part)
	other := filepath.Join(p.out, "copy")
	os.WriteFile(other, b, 0o644)
	if err := os.Rename(other, p.part); err != nil {
		t.Fatal(err)
	}
	p.resumeExact(t)
	if left, _ := os.ReadFile(p.part); !bytes.Equal(left, b) {
		t.Fatalf("the planted file was used: %d bytes left of %d", len(left), len(b))
	}
}

// A .part extended to the full length (`truncate -s FULL`) proves nothing: the prefix proven
// while it was written is kept and the rest is asked for again (a Range request), so the file
// saved is the video, not the padding.
func TestFullLengthPartIsNotCommittedUnchecked(t *testing.T) {
	p := interruptedDownload(t)
	if err := os.Truncate(p.part, int64(len(p.data))); err != nil {
		t.Fatal(err)
	}
	before := p.sb.Stats()
	p.resumeExact(t)
	if st := p.sb.Stats(); st.Downloads != before.Downloads+1 || st.PartialDownloads != before.PartialDownloads+1 {
		t.Fatalf("downloads %d → %d, resumed %d → %d; want one Range request",
			before.Downloads, st.Downloads, before.PartialDownloads, st.PartialDownloads)
	}
}

// A .part rewritten in place (same length, other bytes) is not continued: its proven prefix no
// longer hashes to the recorded sum, so the download starts over from byte 0.
func TestRewrittenPartStartsOver(t *testing.T) {
	p := interruptedDownload(t)
	st, _ := os.Stat(p.part)
	f, err := os.OpenFile(p.part, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(bytes.Repeat([]byte{'x'}, int(st.Size())), 0)
	f.Close()
	p.resumeExact(t)
}

// A destination folder removed while the download runs is named as such, not as the system's
// error about the partial file that went with it.
func TestFolderRemovedDuringDownloadIsNamed(t *testing.T) {
	e := newTestEnv(t)
	data := mediatest.MP4(bytes.Repeat([]byte("r"), 600_000))
	no := e.run("", "upload", "--json", writeVideo(t, t.TempDir(), "r.mp4", data)).want(t, 0).lines(t)[0]["video_no"].(string)
	e.sb.SetFaults(sandbox.Faults{DownloadRate: 400_000})
	out := filepath.Join(t.TempDir(), "out")
	os.Mkdir(out, 0o755)
	done := make(chan runResult, 1)
	go func() { done <- e.run("", "download", "--json", "-o", out, no) }()
	until(t, "a partial download", func() bool {
		parts, _ := filepath.Glob(filepath.Join(out, "*.part"))
		return len(parts) == 1
	})
	os.RemoveAll(out)
	r := <-done
	if r.code != 1 || !strings.Contains(r.stdout, "was removed during the download") || strings.Contains(r.stdout, "lstat") {
		t.Fatalf("exit %d: %s", r.code, r.stdout)
	}
}

// A resumed download's SHA-256 (asked for with --sha256) covers the bytes written before the
// interruption, which are read once, to check them, and hashed with the rest.
func TestResumedSHA256CoversTheWholeFile(t *testing.T) {
	p := interruptedDownload(t, "--sha256")
	rows := p.run("", "resume", "--json").want(t, 0).lines(t)
	if len(rows) != 1 || rows[0]["sha256"] != sum(p.data) || rows[0]["fingerprint"] != fingerprintOf(p.data) {
		t.Fatalf("resume printed %v", rows)
	}
}
