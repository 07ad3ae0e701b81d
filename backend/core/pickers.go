package core

import (
	"maps"
	"os"
	"path/filepath"
)

// File dialogs that remember their own last folder: picking videos to upload should not open
// where the last download went, nor the other way round. (Save dialogs use the download folder.)
const (
	PickerUploadFiles  = "uploadFiles"
	PickerUploadFolder = "uploadFolder"
	PickerLinks        = "links"
	PickerExport       = "export"
)

// PickerDir is where picker's dialog opens: its last folder, else a sensible start (Videos for
// uploads, the download folder for exports, home for link lists).
func (c *Service) PickerDir(picker string) string {
	s := c.current()
	if dir := s.PickerDirs[picker]; dir != "" {
		return dir
	}
	home, _ := os.UserHomeDir()
	switch picker {
	case PickerUploadFiles, PickerUploadFolder:
		if info, err := os.Stat(filepath.Join(home, "Videos")); err == nil && info.IsDir() {
			return filepath.Join(home, "Videos")
		}
	case PickerExport:
		return s.DownloadDir
	}
	return home
}

// RememberPicker records the folder picker's dialog was in when chosen (a path in it) was picked.
func (c *Service) RememberPicker(picker, chosen string) {
	if chosen == "" {
		return
	}
	s := c.prefs.Get() // the saved ones: what a front end set over them is not saved
	dir := filepath.Dir(filepath.Clean(chosen))
	if s.PickerDirs[picker] == dir {
		return
	}
	dirs := maps.Clone(s.PickerDirs)
	if dirs == nil {
		dirs = map[string]string{}
	}
	dirs[picker] = dir
	s.PickerDirs = dirs
	c.prefs.Update(s)
}
