package transfer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/safefile"
	"memories-desktop/backend/sandbox"
	"memories-desktop/backend/store"
)

// A .part the job did not write (another video's, or garbage) is neither resumed from nor
// touched: the download is byte-identical and the stranger's file is still there as it was.
func TestForeignPartIsNeitherTrustedNorTouched(t *testing.T) {
	t.Parallel()
	r := newRig(t, sandbox.Options{})
	_, other := r.asset("other.mp4", 300_000, 1)
	for name, leftover := range map[string][]byte{"another video": other[:1000], "garbage": randomBytes(1000, 2)} {
		t.Run(name, func(t *testing.T) {
			id, data := r.asset("clip.mp4", 300_000, 3)
			out := t.TempDir()
			foreign := filepath.Join(out, "clip.mp4"+safefile.PartSuffix)
			os.WriteFile(foreign, leftover, 0o644)
			before := r.sb.Stats().PartialDownloads
			j, _ := r.eng.EnqueueDownload(DownloadSpec{AssetID: id, Dest: filepath.Join(out, "clip.mp4")})
			got := r.wait(j.ID)[0]
			if got.State != jobstate.Done || got.Result.Fingerprint != fingerprint(data) {
				t.Fatalf("job %s %+v %+v", got.State, got.Result, got.Error)
			}
			assertFile(t, filepath.Join(out, "clip.mp4"), data)
			assertFile(t, foreign, leftover)
			if n := r.sb.Stats().PartialDownloads - before; n != 0 {
				t.Fatalf("%d ranged requests: the foreign part was resumed from", n)
			}
			if p := partsIn(out); len(p) != 1 {
				t.Fatalf("partial files left: %v", p)
			}
		})
	}
}

// A .part name that is a link to a file elsewhere is never written through, whether it is the
// name an older version used or the job's own part replaced behind its back.
func TestSymlinkedPartIsNeverWrittenThrough(t *testing.T) {
	t.Parallel()
	r := newRig(t, sandbox.Options{})
	victim := filepath.Join(t.TempDir(), "precious.txt")
	os.WriteFile(victim, []byte("precious"), 0o644)
	t.Run("legacy name", func(t *testing.T) {
		id, data := r.asset("a.mp4", 300_000, 4)
		out := t.TempDir()
		dest := filepath.Join(out, "a.mp4")
		os.Symlink(victim, dest+safefile.PartSuffix)
		j, _ := r.eng.EnqueueDownload(DownloadSpec{AssetID: id, Dest: dest})
		if got := r.wait(j.ID)[0]; got.State != jobstate.Done {
			t.Fatalf("job %s %+v", got.State, got.Error)
		}
		assertFile(t, dest, data)
		assertFile(t, victim, []byte("precious"))
		assertLink(t, dest+safefile.PartSuffix)
	})
	t.Run("own part replaced by a link", func(t *testing.T) {
		id, data := r.asset("b.mp4", 400_000, 5)
		dest := filepath.Join(t.TempDir(), "b.mp4")
		j, part := r.pausedDownload(DownloadSpec{AssetID: id, Dest: dest})
		os.Remove(part)
		os.Symlink(victim, part)
		r.eng.Resume(j.ID)
		if got := r.wait(j.ID)[0]; got.State != jobstate.Done || got.Result.Fingerprint != fingerprint(data) {
			t.Fatalf("job %s %+v", got.State, got.Error)
		}
		assertFile(t, dest, data)
		assertFile(t, victim, []byte("precious"))
		assertLink(t, part)
	})
}

// A destination that is a link is refused, with Overwrite too (only a regular file is ever
// replaced), before any request: the link and its target stay as they were.
func TestSymlinkedDestinationIsNeverWrittenThrough(t *testing.T) {
	t.Parallel()
	r := newRig(t, sandbox.Options{})
	victim := filepath.Join(t.TempDir(), "precious.txt")
	os.WriteFile(victim, []byte("precious"), 0o644)
	for _, overwrite := range []bool{false, true} {
		id, _ := r.asset("c.mp4", 100_000, 6)
		out := t.TempDir()
		dest := filepath.Join(out, "c.mp4")
		os.Symlink(victim, dest)
		calls := r.sb.Stats().Calls
		j, _ := r.eng.EnqueueDownload(DownloadSpec{AssetID: id, Dest: dest, Overwrite: overwrite})
		got := r.wait(j.ID)[0]
		assertFile(t, victim, []byte("precious"))
		want := map[bool]string{false: "already exists", true: "only a regular file is ever replaced"}[overwrite]
		if got.State != jobstate.Failed || !strings.Contains(got.Error.Message, want) {
			t.Fatalf("overwrite %v: %s %+v", overwrite, got.State, got.Error)
		}
		if n := r.sb.Stats().Calls - calls; n != 0 {
			t.Fatalf("%d requests for a download that cannot be saved", n)
		}
		assertLink(t, dest)
		if p := partsIn(out); len(p) != 0 {
			t.Fatalf("partial files left: %v", p)
		}
	}
}

// Replacing a file keeps the old one whole until the new one is complete and verified.
func TestOverwriteKeepsTheOldFileUntilTheNewOneIsComplete(t *testing.T) {
	t.Parallel()
	r := newRig(t, sandbox.Options{})
	id, data := r.asset("d.mp4", 400_000, 7)
	dest := filepath.Join(t.TempDir(), "d.mp4")
	os.WriteFile(dest, []byte("the old version"), 0o644)
	j, part := r.pausedDownload(DownloadSpec{AssetID: id, Dest: dest, Overwrite: true})
	if st, err := os.Stat(part); err != nil || st.Size() == 0 {
		t.Fatalf("no partial download beside the old file: %v", err)
	}
	assertFile(t, dest, []byte("the old version"))
	r.eng.Resume(j.ID)
	if got := r.wait(j.ID)[0]; got.State != jobstate.Done {
		t.Fatalf("job %s %+v", got.State, got.Error)
	}
	assertFile(t, dest, data)
}

// Killed after the last byte, before the rename: a complete .part whose checksum was recorded is
// verified and committed with no request. A full-length part without one proves only its
// length: it is continued from the prefix proven while it was written (one request for the
// rest). A part whose bytes no longer match the recorded checksum is downloaded again.
func TestCompletePartIsCommittedWithoutAskingAgain(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name              string
		sizeKnown, summed bool // the proof holds the length; and the checksum
		corrupt           bool // the part's bytes changed after the checksum was recorded
		legacy            bool // the checksum is a SHA-256, as versions before fingerprints wrote
		calls             int
	}{
		{"size known, no checksum", true, false, false, false, 1},
		{"size unknown", false, false, false, false, 1},
		{"checksum recorded", true, true, false, false, 0},
		{"corrupted after the checksum", true, true, true, false, 1},
		{"SHA-256 recorded by an earlier version", true, true, false, true, 0},
		{"corrupted after an earlier version's SHA-256", true, true, true, true, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t, sandbox.Options{})
			id, data := r.asset("e.mp4", 400_000, 8)
			dest := filepath.Join(t.TempDir(), "e.mp4")
			j, part := r.pausedDownload(DownloadSpec{AssetID: id, Dest: dest})
			r.reopen(Options{}, func(db *store.DB) {
				completePart(t, part, data)
				editSpec(t, db, j.ID, func(s *DownloadSpec) {
					if !tc.sizeKnown {
						s.Part.Size = -1
					}
					if tc.summed && tc.legacy {
						s.Part.SHA256 = sum(data)
					} else if tc.summed {
						s.Part.Fingerprint = fingerprint(data)
					}
				})
				if tc.corrupt {
					os.WriteFile(part, randomBytes(len(data), 99), 0o644)
				}
				db.SetState(j.ID, jobstate.Running, "") // as a killed process leaves it
			})
			calls := r.sb.Stats().Calls
			if ids, err := r.eng.ResumeInterrupted(); err != nil || len(ids) != 1 {
				t.Fatalf("resume: %v %v", ids, err)
			}
			got := r.wait(j.ID)[0]
			if got.State != jobstate.Done || got.Result.Fingerprint != fingerprint(data) || got.Result.Bytes != int64(len(data)) {
				t.Fatalf("job %s %+v %+v", got.State, got.Result, got.Error)
			}
			if n := r.sb.Stats().Calls - calls; n != tc.calls {
				t.Fatalf("%d requests, want %d", n, tc.calls)
			}
			assertFile(t, dest, data)
			assertNoFile(t, part)
		})
	}
}

// completePart writes the rest of data into a partial file holding its beginning.
func completePart(t *testing.T, part string, data []byte) {
	t.Helper()
	have, err := os.ReadFile(part)
	if err != nil || !bytes.Equal(have, data[:len(have)]) {
		t.Fatalf("the part does not hold the file's start: %v", err)
	}
	if err := os.WriteFile(part, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Killed between the rename and the record: the final file matches the job's proof, so the job
// is done with no request, whether the .part name was already gone or not.
func TestKilledBetweenRenameAndRecordIsDone(t *testing.T) {
	t.Parallel()
	for _, leftLink := range []bool{false, true} {
		r := newRig(t, sandbox.Options{})
		id, data := r.asset("f.mp4", 200_000, 9)
		out := t.TempDir()
		dest := filepath.Join(out, "f.mp4")
		j, _ := r.eng.EnqueueDownload(DownloadSpec{AssetID: id, Dest: dest})
		r.wait(j.ID)
		r.reopen(Options{}, func(db *store.DB) {
			if leftLink {
				os.Link(dest, ownPartOf(db, j.ID, out))
				// and the proof as a version before fingerprints wrote it: a SHA-256 only
				editSpec(t, db, j.ID, func(s *DownloadSpec) { s.Part.Fingerprint, s.Part.SHA256 = "", sum(data) })
			}
			db.UpdateJob(j.ID, func(j *contract.Job) error { j.Result = contract.JobResult{}; return nil })
			db.SetState(j.ID, jobstate.Running, "")
		})
		calls := r.sb.Stats().Calls
		r.eng.ResumeInterrupted()
		got := r.wait(j.ID)[0]
		if got.State != jobstate.Done || got.Result.Fingerprint != fingerprint(data) || got.Result.Path != dest {
			t.Fatalf("left link %v: job %s %+v %+v", leftLink, got.State, got.Result, got.Error)
		}
		if n := r.sb.Stats().Calls - calls; n != 0 {
			t.Fatalf("%d requests, want none", n)
		}
		assertFile(t, dest, data)
		if p := partsIn(out); len(p) != 0 {
			t.Fatalf("partial files left: %v", p)
		}
	}
}

func assertLink(t *testing.T, path string) {
	t.Helper()
	if st, err := os.Lstat(path); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("%s is no longer the link it was: %v", path, err)
	}
}
