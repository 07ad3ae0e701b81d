package core

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/sandbox"
)

// outOfCreditsInEnglish starts an engine speaking English (as it speaks again after the test)
// whose sandbox answers every billed call "out of credits".
func outOfCreditsInEnglish(t *testing.T) *Service {
	t.Helper()
	t.Cleanup(func() { i18n.SetDefault(i18n.English) })
	i18n.SetDefault(i18n.English)
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	if _, err := c.sandbox.url(); err != nil { // starts the emulator
		t.Fatal(err)
	}
	c.sandbox.run.Server.SetFaults(sandbox.Faults{NoCredits: true})
	return c
}

// A job that failed while the app spoke English reads German once the app speaks German (the
// bound SetLanguage sets the process's localizer): in the Jobs page, in the engine's view and in
// the history export, from the catalogue ids the record keeps.
func TestFailedJobIsWordedInTheLanguageInUse(t *testing.T) {
	c := outOfCreditsInEnglish(t)
	src := filepath.Join(t.TempDir(), "clip.mp4")
	if err := os.WriteFile(src, mediatest.MP4([]byte("no credits")), 0o644); err != nil {
		t.Fatal(err)
	}
	views, err := c.EnqueueUploads(contract.UploadBatch{Files: []contract.FileUpload{{Path: src}}})
	if err != nil {
		t.Fatal(err)
	}
	failed := finish(t, c, views[0].ID)
	en := "The memories.ai account has run out of credits. Recharge the account at api-platform.memories.ai, then retry."
	if failed.State != jobstate.Failed || failed.Error == nil || failed.Error.Message != en ||
		failed.Error.Key != "error.noCredits" || failed.Error.NextKey != "next.noCredits" {
		t.Fatalf("stored error %+v", failed.Error)
	}

	i18n.SetDefault(i18n.New("de"))
	de := "Das memories.ai-Konto hat kein Guthaben mehr. Lade das Konto auf api-platform.memories.ai auf und versuche es dann erneut."
	page, err := c.Jobs(contract.JobQuery{})
	if err != nil || len(page.Jobs) != 1 || page.Jobs[0].Error == nil {
		t.Fatalf("jobs %+v %v", page, err)
	}
	if got := page.Jobs[0].Error; got.Message != de || got.Code != failed.Error.Code || got.Key != "error.noCredits" {
		t.Fatalf("German window, Jobs(): %+v", got)
	}
	if got := c.engine().View(failed, nil).Error.Message; got != de {
		t.Fatalf("German window, the engine's event view: %q", got)
	}
	if stored, _ := c.activeDB().Job(failed.ID); stored.Error.Message != en {
		t.Fatalf("reading rewrote the record: %q", stored.Error.Message)
	}
	out := filepath.Join(t.TempDir(), "history.csv")
	if _, err := c.ExportHistory(out); err != nil {
		t.Fatal(err)
	}
	if csv, _ := os.ReadFile(out); !strings.Contains(string(csv), "Das memories.ai-Konto hat kein Guthaben mehr.") {
		t.Fatalf("German export:\n%s", csv)
	}

	i18n.SetDefault(i18n.New("zh-Hans"))
	if page, _ := c.Jobs(contract.JobQuery{}); !strings.Contains(page.Jobs[0].Error.Message, "memories.ai") ||
		strings.Contains(page.Jobs[0].Error.Message, "credits") || strings.Contains(page.Jobs[0].Error.Message, "Guthaben") {
		t.Fatalf("Chinese window: %q", page.Jobs[0].Error.Message)
	}
}

// watchingInEnglish runs the watch "cam" of a new folder on an English, out-of-credits engine.
func watchingInEnglish(t *testing.T) (*Service, string, *watchEvents) {
	t.Helper()
	c := outOfCreditsInEnglish(t)
	dir := t.TempDir()
	if _, err := c.AddWatch(contract.WatchConfig{Name: "cam", Folder: dir, SettleMS: 200}); err != nil {
		t.Fatal(err)
	}
	ev := runWatch(t, c, "cam", contract.WatchRunOptions{})
	ev.wait(t, "started", "")
	return c, dir, ev
}

// A watched file whose upload failed while the app spoke English is listed with a German reason
// once the app speaks German.
func TestWatchListWordsAFailureInTheLanguageInUse(t *testing.T) {
	c, dir, ev := watchingInEnglish(t)
	if err := os.WriteFile(filepath.Join(dir, "f.mp4"), mediatest.MP4([]byte("fails")), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := ev.wait(t, "failed", "f.mp4"); !strings.HasPrefix(got.Detail, "The memories.ai account has run out of credits.") {
		t.Fatalf("English event %+v", got)
	}
	i18n.SetDefault(i18n.New("de"))
	list, err := c.ListWatches()
	if err != nil || len(list) != 1 || len(list[0].Stats.Refused) != 1 {
		t.Fatalf("watches %+v %v", list, err)
	}
	if r := list[0].Stats.Refused[0]; r.Path != "f.mp4" || !strings.HasPrefix(r.Reason, "Das memories.ai-Konto hat kein Guthaben mehr.") {
		t.Fatalf("German watch list: %+v", r)
	}
}

// Files a watch refused while the app spoke English (not a video; a symbolic link) are listed
// with German reasons once the app speaks German: the records keep the catalogue ids.
func TestWatchListWordsRefusalsInTheLanguageInUse(t *testing.T) {
	c, dir, ev := watchingInEnglish(t)
	if err := os.WriteFile(filepath.Join(dir, "notes.mp4"), []byte("plain text, not a video"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(t.TempDir(), "elsewhere.mp4"), filepath.Join(dir, "link.mp4")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"notes.mp4", "link.mp4"} {
		if got := ev.wait(t, "skipped", name); !strings.HasPrefix(got.Detail, "it is") {
			t.Fatalf("English event %+v", got)
		}
	}
	i18n.SetDefault(i18n.New("de"))
	list, err := c.ListWatches()
	if err != nil || len(list) != 1 {
		t.Fatalf("watches %+v %v", list, err)
	}
	want := map[string]string{"notes.mp4": i18n.T("preflight.notVideo"), "link.mp4": i18n.T("watchSkip.symlink")}
	for _, r := range list[0].Stats.Refused {
		if r.Reason != want[r.Path] || strings.HasPrefix(r.Reason, "it is") {
			t.Errorf("German watch list: %s: %q, want %q", r.Path, r.Reason, want[r.Path])
		}
		delete(want, r.Path)
	}
	if len(want) != 0 {
		t.Fatalf("not listed: %v", want)
	}
}
