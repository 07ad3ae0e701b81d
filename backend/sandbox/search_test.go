package sandbox

import (
	"context"
	"errors"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
)

// searchLibrary is a sandbox with a beach video, a birthday video (tagged), and a video that is
// still indexing; it returns the server, a client and the three numbers.
func searchLibrary(t *testing.T) (*Server, *api.Client, [3]string) {
	t.Helper()
	clock := newFakeClock()
	s, ts := newSandbox(t, Options{ParseDelay: time.Minute, Now: clock.Now})
	add := func(name string, tags []string, parsed bool) string {
		v := Video{FileName: name, UniqueID: "default", Duration: 30, CreateTime: clock.Now(), Tags: tags, RetainOriginal: true}
		if parsed {
			v.CreateTime = clock.Now().Add(-time.Hour)
		}
		return s.addVideo(v, false).VideoNo
	}
	nos := [3]string{add("beach-day.mp4", nil, true), add("Lena's birthday.mov", []string{"family"}, true), add("beach-later.mp4", nil, false)}
	c, err := api.New(api.Config{BaseURL: ts.URL, AssetBaseURL: ts.URL, APIKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	return s, c, nos
}

// A visual search finds the scenes that show the words, best first, with keyframes; the video
// still indexing is absent; filters and levels narrow the answer; the same search answers the same.
func TestSandboxSearchIsDeterministicAndSkipsUnparsed(t *testing.T) {
	_, c, nos := searchLibrary(t)
	ctx := context.Background()
	got, err := c.Search(ctx, contract.SearchRequest{Query: "a dog running on the beach"})
	if err != nil || len(got) == 0 {
		t.Fatalf("%v %v", got, err)
	}
	for _, m := range got {
		if m.VideoNo == nos[2] {
			t.Fatal("an UNPARSE video is in the results")
		}
		if m.KeyframeBucket == "" || !strings.HasPrefix(m.KeyframeBlob, m.VideoNo+"/keyframe-") || m.End-m.Start != 5 {
			t.Fatalf("moment %+v", m)
		}
	}
	if got[0].VideoNo != nos[0] || !slices.IsSortedFunc(got, func(a, b contract.Hit) int { return int((b.Score - a.Score) * 1e6) }) {
		t.Fatalf("order %+v", got)
	}
	again, _ := c.Search(ctx, contract.SearchRequest{Query: "a dog running on the beach"})
	if !slices.Equal(got, again) {
		t.Fatal("the same search answered differently")
	}
	tagged, _ := c.Search(ctx, contract.SearchRequest{Query: "birthday cake table", Tag: "family", TopK: 2})
	if len(tagged) != 2 || tagged[0].VideoNo != nos[1] {
		t.Fatalf("tag filter %+v", tagged)
	}
	if high, _ := c.Search(ctx, contract.SearchRequest{Query: "dog zebra quantum violin", Level: "high"}); len(high) != 0 {
		t.Fatalf("a 1-of-4 match passed the high level: %+v", high)
	}
	said, _ := c.Search(ctx, contract.SearchRequest{Query: "happy birthday", Type: api.SearchAudio})
	if len(said) == 0 || said[0].Text != "happy birthday to you" || said[0].KeyframeBlob != "" {
		t.Fatalf("audio %+v", said)
	}
	caps, _ := c.Search(ctx, contract.SearchRequest{Query: "boat", Type: api.SearchCaption})
	if len(caps) == 0 || !strings.Contains(caps[0].Text, "boat") || caps[0].VideoNo != nos[0] {
		t.Fatalf("captions %+v", caps)
	}
}

// The exact-phrase search matches whole phrases only and pages.
func TestSandboxPhraseSearch(t *testing.T) {
	_, c, nos := searchLibrary(t)
	p, err := c.SearchPhrase(context.Background(), contract.PhraseRequest{Query: "Where is the LOVE", PageSize: 1})
	if err != nil || p.Total < 1 || len(p.Moments) != 1 || p.Moments[0].VideoNo != nos[0] || p.Moments[0].Text != "where is the love" {
		t.Fatalf("%+v %v", p, err)
	}
	if p, _ := c.SearchPhrase(context.Background(), contract.PhraseRequest{Query: "love where"}); p.Total != 0 {
		t.Fatalf("words out of order matched: %+v", p)
	}
}

// A keyframe is a PNG; searching with it finds its own scene first, with score 1 or nearly.
func TestSandboxKeyframeAndPictureSearch(t *testing.T) {
	s, c, nos := searchLibrary(t)
	ctx := context.Background()
	got, _ := c.Search(ctx, contract.SearchRequest{Query: "boat"})
	m := got[0]
	d, err := c.Keyframe(ctx, m.KeyframeBucket, m.KeyframeBlob)
	if err != nil {
		t.Fatal(err)
	}
	pic := filepath.Join(t.TempDir(), "frame.png")
	b, _ := io.ReadAll(d.Body)
	d.Body.Close()
	os.WriteFile(pic, b, 0o644)
	if f, _ := os.Open(pic); f != nil {
		if _, err := png.Decode(f); err != nil {
			t.Fatalf("keyframe is not a PNG: %v", err)
		}
		f.Close()
	}
	similar, err := c.SearchImage(ctx, contract.ImageRequest{Path: pic, Similarity: 0.97})
	if err != nil || len(similar) == 0 || similar[0].VideoNo != m.VideoNo || similar[0].Start != m.Start || similar[0].Score < 0.98 {
		t.Fatalf("%+v %v (want %s at %v)", similar, err, m.VideoNo, m.Start)
	}
	for _, blob := range []string{nos[2] + "/keyframe-000000.png", m.VideoNo + "/keyframe-000003.png", "VI0/keyframe-000000.png"} {
		if _, err := c.Keyframe(ctx, m.KeyframeBucket, blob); !errors.Is(err, api.ErrNotFound) {
			t.Errorf("%s: %v", blob, err)
		}
	}
	if st := s.Stats(); st.Keyframes != 1 || st.Searches != 2 {
		t.Fatalf("stats %+v", st)
	}
}

// Transcripts, captions and summaries come from the same vocabulary; an unparsed video has
// none yet (data null) and an unknown one is not found.
func TestSandboxVideoText(t *testing.T) {
	_, c, nos := searchLibrary(t)
	ctx := context.Background()
	tr, err := c.AudioTranscript(ctx, nos[1], "")
	if err != nil || tr == nil || len(tr.Segments) != 6 || tr.Segments[5].Start != 25 || tr.Segments[5].End != 30 || tr.Segments[0].Text == "" {
		t.Fatalf("%+v %v", tr, err)
	}
	caps, _ := c.Captions(ctx, nos[1], "")
	if caps == nil || !strings.Contains(caps.Segments[0].Text, "lena") {
		t.Fatalf("first caption does not carry the title: %+v", caps)
	}
	sum, err := c.VideoSummary(ctx, nos[1], api.SummaryChapters, "")
	if err != nil || sum == nil || !strings.Contains(sum.Text, "birthday") || len(sum.Items) != 2 || sum.Items[1].Start != 15 {
		t.Fatalf("%+v %v", sum, err)
	}
	if tr, err := c.AudioTranscript(ctx, nos[2], ""); tr != nil || err != nil {
		t.Fatalf("unparsed: %+v %v", tr, err)
	}
	if _, err := c.Captions(ctx, "VI000", ""); !errors.Is(err, api.ErrNotFound) {
		t.Fatalf("unknown: %v", err)
	}
}

// The fault knobs apply to these routes too: latency holds the answer, a rate limit answers 0429.
func TestSandboxSearchFaults(t *testing.T) {
	s, c, nos := searchLibrary(t)
	s.SetFaults(Faults{Latency: 50 * time.Millisecond, RateLimitAfter: 1})
	start := time.Now()
	if _, err := c.Search(context.Background(), contract.SearchRequest{Query: "beach"}); err != nil || time.Since(start) < 50*time.Millisecond {
		t.Fatalf("first call: %v after %v", err, time.Since(start))
	}
	if _, err := c.AudioTranscript(context.Background(), nos[0], ""); !errors.Is(err, api.ErrRateLimited) {
		t.Fatalf("second call: %v", err)
	}
}

// The credits fault answers 0402 on every route, search included.
func TestSandboxNoCreditsFault(t *testing.T) {
	s, c, _ := searchLibrary(t)
	s.SetFaults(Faults{NoCredits: true})
	if _, err := c.Search(context.Background(), contract.SearchRequest{Query: "beach"}); !errors.Is(err, api.ErrNoCredits) {
		t.Fatalf("search: %v", err)
	}
	if _, err := c.DownloadAsset(context.Background(), "re_1", api.DownloadOptions{}); !errors.Is(err, api.ErrNoCredits) {
		t.Fatalf("asset: %v", err)
	}
	if st := s.Stats(); st.Searches != 0 {
		t.Fatalf("a search was answered: %+v", st)
	}
}

// The SearchItems fault makes an answer hold exactly that many items whatever top_k says, the
// repeats later in time with keyframes of their own that download; without it those are unknown.
func TestSandboxSearchItemsFault(t *testing.T) {
	s, c, _ := searchLibrary(t)
	ctx := context.Background()
	s.SetFaults(Faults{SearchItems: 1000})
	got, err := c.Search(ctx, contract.SearchRequest{Query: "beach", TopK: 3})
	if err != nil || len(got) != 1000 {
		t.Fatalf("%d items, %v", len(got), err)
	}
	blobs := map[string]bool{}
	for _, m := range got {
		blobs[m.KeyframeBlob] = true
	}
	if len(blobs) != 1000 {
		t.Fatalf("%d distinct keyframes in 1000 items", len(blobs))
	}
	last := got[999]
	d, err := c.Keyframe(ctx, last.KeyframeBucket, last.KeyframeBlob)
	if err != nil {
		t.Fatalf("a repeat's keyframe: %v", err)
	}
	d.Body.Close()
	s.SetFaults(Faults{})
	if _, err := c.Keyframe(ctx, last.KeyframeBucket, last.KeyframeBlob); !errors.Is(err, api.ErrNotFound) {
		t.Fatalf("a repeat's keyframe without the fault: %v", err)
	}
	if got, _ := c.Search(ctx, contract.SearchRequest{Query: "beach", TopK: 3}); len(got) != 3 {
		t.Fatalf("without the fault: %d items", len(got))
	}
}
