package main

import (
	"testing"

	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

// Settings' language switch reaches the Go side at once: the next error explanation and dialog
// title are in the chosen language; "" follows the system again, and an unknown tag is English.
func TestSetLanguageSwitchesTheGoSideLive(t *testing.T) {
	t.Cleanup(func() { i18n.SetDefault(i18n.English) })
	t.Setenv("MEMORIES_LANG", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "es_ES.UTF-8")
	a := &App{}
	for _, c := range []struct{ tag, inUse, dialog string }{
		{"de", "de", "Videos auswählen"},
		{"zh-Hans", "zh-Hans", "选择视频"},
		{"", "es", "Elegir vídeos"},
		{"tlh", "en", "Choose videos"},
		{"pseudo", "pseudo", "[Çĥööšé ṽîðéöš~~~~~~]"},
	} {
		got, err := a.SetLanguage(c.tag)
		if err != nil || got != c.inUse {
			t.Fatalf("SetLanguage(%q) = %q, %v; want %q", c.tag, got, err, c.inUse)
		}
		if title := i18n.T("dialog.chooseVideos"); title != c.dialog {
			t.Errorf("SetLanguage(%q): the chooser is titled %q, want %q", c.tag, title, c.dialog)
		}
	}
	a.SetLanguage("de")
	if info := core.Describe(core.ErrBug); info.Message != "Memories Desktop ist auf einen internen Fehler gestoßen und hat diese Aktion angehalten." {
		t.Errorf("German explanation: %q", info.Message)
	}
	langs, _ := a.Languages()
	if len(langs) != 4 || langs[0].Tag != "en" || langs[1].Name != "简体中文" {
		t.Errorf("Languages() = %+v", langs)
	}
}

// Settings → Language is the Go side's language too: saving it switches the native dialogs at
// once, and the next start speaks it before anything is shown.
func TestSavedLanguageIsTheGoSidesLanguage(t *testing.T) {
	t.Cleanup(func() { i18n.SetDefault(i18n.English) })
	t.Setenv("MEMORIES_LANG", "en")
	a, _ := bootedApp(t)
	st, err := a.GetSettings()
	if err != nil {
		t.Fatal(err)
	}
	st.Settings.Language = "de"
	if _, err := a.SaveSettings(st.Settings); err != nil {
		t.Fatal(err)
	}
	if title := i18n.T("dialog.chooseVideos"); title != "Videos auswählen" {
		t.Fatalf("after choosing German the chooser is titled %q", title)
	}
	i18n.SetDefault(i18n.English)
	a.shutdown(a.ctx)
	again := NewApp(a.dataDir)
	again.events = &emitted{}
	if err := again.boot(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { again.shutdown(again.ctx) })
	if title := i18n.T("dialog.chooseVideos"); title != "Videos auswählen" {
		t.Fatalf("restarted with German saved, the chooser is titled %q", title)
	}
}
