package core

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/settings"
)

// The app's bound methods apply the same rules as the CLI (package validate): each bad input is a
// *api.ValidationError naming its field, and no job is created.
func TestAppRejectsTheInputsTheCLIRejects(t *testing.T) {
	c := startCore(t, Options{})
	dir := t.TempDir()
	for name, call := range map[string]func() error{
		"empty video number": func() error {
			_, err := c.EnqueueDownloads(appRequest([]string{""}, contract.DownloadRequest{Path: dir, Folder: true}, ""))
			return err
		},
		"traversal asset id": func() error {
			_, err := c.EnqueueDownloads(contract.DownloadRequest{IDs: []string{"re_1/../x"}, Asset: true, Path: filepath.Join(dir, "a.mp4")})
			return err
		},
		"missing folder": func() error {
			_, err := c.EnqueueDownloads(appRequest([]string{"VI1"}, contract.DownloadRequest{Path: filepath.Join(dir, "gone"), Folder: true}, ""))
			return err
		},
		"256-byte name": func() error {
			_, err := c.EnqueueDownloads(contract.DownloadRequest{IDs: []string{"re_1"}, Asset: true, Path: filepath.Join(dir, strings.Repeat("x", 256))})
			return err
		},
		"import callback": func() error {
			_, err := c.EnqueueImport(contract.ImportRequest{Text: "https://youtu.be/dQw4w9WgXcQ", Quality: "720", Callback: "ftp://x"})
			return err
		},
		"bogus state":    func() error { _, err := c.Jobs(contract.JobQuery{States: []string{"bogus"}}); return err },
		"tag newline":    func() error { return c.ValidateMeta(contract.Meta{Tags: []string{"a\nb"}}) },
		"scope spaces":   func() error { return c.ValidateMeta(contract.Meta{Scope: "my videos"}) },
		"10k-char scope": func() error { return c.ValidateMeta(contract.Meta{Scope: strings.Repeat("s", 10000)}) },
	} {
		var ve *api.ValidationError
		if err := call(); !errors.As(err, &ve) {
			t.Errorf("%s: %v, want a validation error", name, err)
		}
	}
	if page, err := c.Jobs(contract.JobQuery{}); err != nil || len(page.Jobs) != 0 {
		t.Fatalf("jobs %v, %v", page.Jobs, err)
	}
	s := c.current()
	s.Scope = "my videos"
	if err := settings.Validate(s); err == nil {
		t.Fatal("settings accepted a scope with a space")
	}
}
