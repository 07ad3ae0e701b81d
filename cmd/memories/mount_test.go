package main

import (
	"os"
	"os/exec"
	"testing"
)

// readOnlyFolder mounts an empty read-only tmpfs for the test. It needs the right to mount
// (root, as in CI containers); elsewhere the test says why it cannot run.
func readOnlyFolder(t *testing.T) string {
	return mountTmpfs(t, "ro,size=64k")
}

// smallDisk mounts a tmpfs of the given size (as "1m"), to fill it.
func smallDisk(t *testing.T, size string) string {
	return mountTmpfs(t, "size="+size)
}

func mountTmpfs(t *testing.T, opts string) string {
	t.Helper()
	dir := t.TempDir()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}
