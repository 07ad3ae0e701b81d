package core

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/sandbox"
)

// savingDialogs answers every save dialog with one path and records the suggested names.
type savingDialogs struct {
	path      string
	suggested []string
}

func (d *savingDialogs) ChooseFolder(string, string) (string, error)          { return "", nil }
func (d *savingDialogs) ChooseFiles(string, string, Filter) ([]string, error) { return nil, nil }
func (d *savingDialogs) Confirm(string, string, string, string) bool          { return false }
func (d *savingDialogs) SaveFile(_, _, name string, _ Filter) (string, error) {
	d.suggested = append(d.suggested, name)
	return d.path, nil
}

// The app's search modes reach the right calls, an unknown one is refused before sending, and a
// transcript exports through the save dialog as the subtitle renderer writes it.
func TestFindModesAndTranscriptExport(t *testing.T) {
	srv, err := sandbox.Listen("127.0.0.1:0", sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	dest := filepath.Join(t.TempDir(), "out.srt")
	dialogs := &savingDialogs{path: dest}
	c := startCore(t, Options{Dialogs: dialogs})
	useService(t, c, srv.URL, "sk-find-moments-account")
	ctx := context.Background()
	client, _ := c.Client()
	up, err := client.UploadURL(ctx, "https://cdn.example.com/beach-day.mp4", api.UploadMeta{})
	if err != nil {
		t.Fatal(err)
	}
	seen, err := c.Find(ctx, contract.SearchQuery{Mode: ModeSeen, Text: "a dog running on the beach"})
	if err != nil || len(seen.Moments) == 0 || seen.Moments[0].KeyframeBlob == "" {
		t.Fatalf("seen: %+v %v", seen, err)
	}
	said, err := c.Find(ctx, contract.SearchQuery{Mode: ModeSaid, Text: "look waves love water dog"})
	if err != nil || len(said.Moments) == 0 || said.Moments[0].Text == "" || said.Moments[0].KeyframeBlob != "" {
		t.Fatalf("said (spoken text, no keyframe): %+v %v", said, err)
	}
	if _, err := c.Find(ctx, contract.SearchQuery{Mode: "smell", Text: "x"}); !errors.Is(err, api.ErrInvalidInput) {
		t.Fatalf("unknown mode: %v", err)
	}
	before := srv.Server.Stats().Searches
	if _, err := c.Find(ctx, contract.SearchQuery{Mode: ModeSeen, Text: "x", Latitude: new(float64)}); err == nil || srv.Server.Stats().Searches != before {
		t.Fatalf("latitude without longitude: %v, %d searches sent", err, srv.Server.Stats().Searches-before)
	}
	url, err := c.KeyframeURL(ctx, seen.Moments[0].KeyframeBucket, seen.Moments[0].KeyframeBlob)
	if err != nil || !strings.Contains(url, contract.PreviewPrefix) {
		t.Fatalf("keyframe URL %q %v", url, err)
	}

	path, err := c.ExportTranscriptAs(ctx, up.VideoNo, "Beach Day.mp4", "srt", false)
	if err != nil || path != dest {
		t.Fatalf("export: %q %v", path, err)
	}
	if len(dialogs.suggested) != 1 || dialogs.suggested[0] != "Beach Day.srt" {
		t.Fatalf("suggested %q", dialogs.suggested)
	}
	got, _ := os.ReadFile(dest)
	tr, _, err := c.VideoTranscript(ctx, up.VideoNo, false, false)
	if err != nil || tr == nil {
		t.Fatalf("transcript %v", err)
	}
	want, _ := RenderTranscript(*tr, "srt")
	if string(got) != string(want) || !strings.HasPrefix(string(got), "1\n00:00:00,000 --> ") {
		t.Fatalf("exported %q, want %q", got, want)
	}
	if _, err := c.ExportTranscriptAs(ctx, up.VideoNo, "x", "doc", false); !errors.Is(err, api.ErrInvalidInput) || len(dialogs.suggested) != 1 {
		t.Fatalf("an unknown format asked for a file: %v", err)
	}
}

// Chapters export as timed cues through the save dialog: a chapter without an end runs to the
// next one's start (the last to the video's end); "Title: description".
func TestChaptersExport(t *testing.T) {
	srv, err := sandbox.Listen("127.0.0.1:0", sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	dest := filepath.Join(t.TempDir(), "out.vtt")
	dialogs := &savingDialogs{path: dest}
	c := startCore(t, Options{Dialogs: dialogs})
	useService(t, c, srv.URL, "sk-chapters-account")
	ctx := context.Background()
	client, _ := c.Client()
	up, err := client.UploadURL(ctx, "https://cdn.example.com/beach-day.mp4", api.UploadMeta{})
	if err != nil {
		t.Fatal(err)
	}
	path, err := c.ExportChaptersAs(ctx, up.VideoNo, "Beach Day.mp4", "vtt")
	if err != nil || path != dest || len(dialogs.suggested) != 1 || dialogs.suggested[0] != "Beach Day.vtt" {
		t.Fatalf("export: %q %v (suggested %q)", path, err, dialogs.suggested)
	}
	s, _, err := c.VideoSummary(ctx, up.VideoNo, false, false)
	if err != nil || s == nil || len(s.Items) == 0 {
		t.Fatalf("summary %+v %v", s, err)
	}
	got, _ := os.ReadFile(dest)
	first := s.Items[0]
	if !strings.HasPrefix(string(got), "WEBVTT") || !strings.Contains(string(got), first.Title+": "+first.Description) {
		t.Fatalf("exported %q, first chapter %+v", got, first)
	}
	cues := ChapterCues("VI1", contract.Summary{Items: []contract.Chapter{{Title: "A", Start: 0, End: -1}, {Title: "B", Description: "b", Start: 15, End: 20}, {Description: "c", Start: 30}}}, 42)
	if s := cues.Segments; s[0].End != 15 || s[1].End != 20 || s[1].Text != "B: b" || s[2].End != 42 || s[2].Text != "c" {
		t.Fatalf("cues %+v", s)
	}
	if _, err := c.ExportChaptersAs(ctx, up.VideoNo, "x", "doc"); !errors.Is(err, api.ErrInvalidInput) || len(dialogs.suggested) != 1 {
		t.Fatalf("an unknown format asked for a file: %v", err)
	}
}
