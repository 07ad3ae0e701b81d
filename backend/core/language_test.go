package core

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
)

// titleDialogs records the titles and filters the flows give the native dialogs.
type titleDialogs struct{ titles, filters []string }

func (d *titleDialogs) ChooseFolder(title, _ string) (string, error) {
	d.titles = append(d.titles, title)
	return "", nil
}
func (d *titleDialogs) ChooseFiles(title, _ string, f Filter) ([]string, error) {
	d.titles, d.filters = append(d.titles, title), append(d.filters, f.Name)
	return nil, nil
}
func (d *titleDialogs) SaveFile(title, _, _ string, f Filter) (string, error) {
	d.titles, d.filters = append(d.titles, title), append(d.filters, f.Name)
	return "", nil
}
func (d *titleDialogs) Confirm(string, string, string, string) bool { return false }

// An explanation carries its catalogue ids and placeholders for the UI, and its text follows the
// language the app last chose, with no restart.
func TestErrorInfoCarriesKeysAndFollowsTheLanguage(t *testing.T) {
	t.Cleanup(func() { i18n.SetDefault(i18n.English) })
	client, err := api.New(api.Config{BaseURL: "http://127.0.0.1:1", AssetBaseURL: "http://127.0.0.1:1", APIKey: "sk-nobody-home"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.WithoutRetries().ListScopes(context.Background())
	info := Describe(err)
	if info.Key != "error.unreachedLocal" || info.NextKey != "next.unreachedLocal" || info.Params["Host"] != "127.0.0.1:1" ||
		!strings.HasPrefix(info.Message, "Nothing answers at 127.0.0.1:1") {
		t.Fatalf("English: %+v", info)
	}
	raw, _ := json.Marshal(info)
	if !strings.Contains(string(raw), `"key":"error.unreachedLocal"`) || !strings.Contains(string(raw), `"params":{"Host":"127.0.0.1:1"}`) {
		t.Fatalf("JSON: %s", raw)
	}
	i18n.SetDefault(i18n.New("de"))
	de := Describe(err)
	if de.Key != info.Key || de.Code != info.Code || !strings.HasPrefix(de.Message, "Unter 127.0.0.1:1 antwortet auf diesem Computer nichts") {
		t.Fatalf("German: %+v", de)
	}
	if final := DescribeFinalIn(i18n.English, err); final.NextKey != "next.unreachedLocal.final" || strings.Contains(final.Next, "automatically") {
		t.Fatalf("final: %+v", final)
	}
}

// The native dialogs' titles and filters are in the app's language.
func TestDialogTitlesFollowTheLanguage(t *testing.T) {
	t.Cleanup(func() { i18n.SetDefault(i18n.English) })
	dialogs := &titleDialogs{}
	c := startCore(t, Options{Dialogs: dialogs})
	for _, lang := range []string{"en", "zh-Hans", "de"} {
		i18n.SetDefault(i18n.New(lang))
		if _, err := c.ChooseVideos(); err != nil {
			t.Fatal(err)
		}
		if _, err := c.ChooseLinksFile(); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"Choose videos", "Open a list of links", "选择视频", "打开链接列表", "Videos auswählen", "Eine Liste von Links öffnen"}
	if strings.Join(dialogs.titles, "|") != strings.Join(want, "|") {
		t.Fatalf("titles %q, want %q", dialogs.titles, want)
	}
	if f := dialogs.filters; !strings.HasPrefix(f[2], "视频（mp4") || !strings.HasPrefix(f[5], "Linklisten (txt, csv)") {
		t.Fatalf("filters %q", f)
	}
}

// A link list's too-long line (its type is the contract's, which words nothing) is worded from
// the catalogue in the language in use, with its id and numbers for the UI.
func TestLineTooLongIsWordedInTheLanguage(t *testing.T) {
	defer i18n.SetDefault(i18n.Default())
	i18n.SetDefault(i18n.New("de"))
	info := Describe(fmt.Errorf("read links: %w", &contract.LineTooLongError{Line: 7, Max: 1 << 20}))
	if info.Key != "link.lineTooLong" || info.Message != "Zeile 7 ist länger als 1048576 Byte; danach wurde nichts gelesen" ||
		info.Params["Line"] != "7" {
		t.Fatalf("Describe = %+v, want the German catalogue text with key link.lineTooLong and Line 7", info)
	}
}

// A database held by another process and a selection the library no longer matches are worded
// from the catalogue, their English error text kept as detail.
func TestLockedAndChangedSelectionAreWorded(t *testing.T) {
	t.Cleanup(func() { i18n.SetDefault(i18n.English) })
	i18n.SetDefault(i18n.New("de"))
	locked := Describe(fmt.Errorf("%w (%s)", contract.ErrLocked, "/data/memories.db"))
	if locked.Code != "locked" || locked.Key != "error.locked" || !strings.HasPrefix(locked.Message, "Ein anderer Prozess") ||
		!strings.Contains(locked.Detail, "/data/memories.db") || !strings.HasPrefix(locked.Next, "Schließe") {
		t.Fatalf("locked: %+v", locked)
	}
	changed := Describe(fmt.Errorf("%w: %d videos match now, %d were selected; select them again", ErrSelectionChanged, 3, 4))
	if changed.Message != "Die Mediathek hat sich geändert, nachdem die Videos ausgewählt wurden." ||
		changed.Next != "Wähle die Videos erneut aus." || !strings.Contains(changed.Detail, "3 videos match now") {
		t.Fatalf("selection changed: %+v", changed)
	}
}
