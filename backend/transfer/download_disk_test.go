package transfer

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/sandbox"
)

// mountTmpfs mounts a small tmpfs with opts on a fresh folder for the test's duration.
func mountTmpfs(t *testing.T, opts string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root; run the transfer tests as root to cover the disk cases")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("mount -t tmpfs -o %s: %v: %s", opts, err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// A full disk fails the job with a message that says so, and drops the partial file so the next
// download into the same folder has the space.
func TestDiskFullDropsThePartAndTheNextDownloadWorks(t *testing.T) {
	t.Parallel()
	out := mountTmpfs(t, "size=2m")
	r := newRig(t, sandbox.Options{})
	big, _ := r.asset("big.mp4", 3<<20, 30)
	j, _ := r.eng.EnqueueDownload(DownloadSpec{AssetID: big, Dest: out + "/big.mp4"})
	got := r.wait(j.ID)[0]
	msg := ""
	if got.Error != nil {
		msg = got.Error.Message
	}
	if got.State != jobstate.Failed || got.Error.Code != "disk_full" || !strings.Contains(msg, "disk is full") ||
		!strings.Contains(msg, "partial file was removed") {
		t.Fatalf("job %s: %q", got.State, msg)
	}
	t.Logf("message: %s", msg)
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Fatalf("left on the full disk: %v", entries)
	}
	small, data := r.asset("small.mp4", 1<<20, 31)
	j, _ = r.eng.EnqueueDownload(DownloadSpec{AssetID: small, Dest: out + "/small.mp4"})
	if got := r.wait(j.ID)[0]; got.State != jobstate.Done {
		t.Fatalf("the next download: %s %+v", got.State, got.Error)
	}
	assertFile(t, out+"/small.mp4", data)
}

// A folder that cannot be written, or is not there, fails the job clearly before the (billed)
// request, leaving nothing behind.
func TestUnwritableFolderFailsBeforeTheRequest(t *testing.T) {
	t.Parallel()
	ro := mountTmpfs(t, "size=1m,ro")
	r := newRig(t, sandbox.Options{})
	id, _ := r.asset("ro.mp4", 10_000, 32)
	for _, tc := range []struct {
		spec       DownloadSpec
		code, want string
	}{
		{DownloadSpec{AssetID: id, Dest: ro + "/ro.mp4"}, "not_writable", "read-only file system"},
		{DownloadSpec{AssetID: id, Dest: ro, DestDir: true}, "not_writable", "read-only file system"},
		{DownloadSpec{AssetID: id, Dest: ro + "/missing/ro.mp4"}, "no_folder", "is not there: " + ro + "/missing"},
	} {
		calls := r.sb.Stats().Calls
		j, _ := r.eng.EnqueueDownload(tc.spec)
		got := r.wait(j.ID)[0]
		if got.State != jobstate.Failed || got.Error == nil || got.Error.Code != tc.code ||
			!strings.Contains(got.Error.Message, tc.want) || got.Attempts != 1 {
			t.Fatalf("job %s after %d attempts: %+v", got.State, got.Attempts, got.Error)
		}
		if n := r.sb.Stats().Calls - calls; n != 0 {
			t.Fatalf("%d requests before failing", n)
		}
		t.Logf("message: %s", got.Error.Message)
	}
}
