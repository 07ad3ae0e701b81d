package core

import (
	"path/filepath"
	"testing"

	"memories-desktop/backend/settings"
)

func TestEachPickerRemembersItsOwnFolder(t *testing.T) {
	c := startCore(t, Options{})
	t.Setenv("HOME", t.TempDir())
	downloads := c.current().DownloadDir
	if got := c.PickerDir(PickerExport); got != downloads {
		t.Fatalf("export starts in %q, want the download folder %q", got, downloads)
	}
	videos := filepath.Join(t.TempDir(), "trip")
	c.RememberPicker(PickerUploadFiles, filepath.Join(videos, "a.mp4"))
	c.RememberPicker(PickerUploadFolder, videos) // a chosen folder: its dialog was in the parent
	c.RememberPicker(PickerLinks, "")            // cancelled: nothing changes
	if got := c.PickerDir(PickerUploadFiles); got != videos {
		t.Errorf("upload files: %q, want %q", got, videos)
	}
	if got := c.PickerDir(PickerUploadFolder); got != filepath.Dir(videos) {
		t.Errorf("upload folder: %q, want %q", got, filepath.Dir(videos))
	}
	if got := c.current().DownloadDir; got != downloads {
		t.Errorf("the download folder moved to %q", got)
	}
	reopened, err := settings.Load(c.dataDir)
	if err != nil || reopened.PickerDirs[PickerUploadFiles] != videos {
		t.Fatalf("not saved: %+v %v", reopened.PickerDirs, err)
	}
}
