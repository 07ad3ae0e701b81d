//go:build unix

package preflight

import (
	"path/filepath"
	"syscall"
	"testing"
)

func TestCheckFileRejectsPipes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pipe.mp4")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	v := CheckFile(path)
	if v.OK || v.Code != CodeNotRegular || v.Size != 0 {
		t.Fatalf("%+v", v)
	}
}
