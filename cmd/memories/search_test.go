package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/sandbox"
)

// searchEnv uploads beach-day.mp4 from this computer into a sandbox that indexes at once.
func searchEnv(t *testing.T) (*testEnv, string, string) {
	t.Helper()
	e := newTestEnvWith(t, sandbox.Options{ParseDelay: 0})
	src := writeVideo(t, t.TempDir(), "beach-day.mp4", sandbox.SyntheticMP4("beach"))
	up := e.run("", "upload", "--json", src).want(t, 0).lines(t)
	return e, up[0]["video_no"].(string), src
}

// memories search --json prints one object per moment with numbers for times, the keyframe and
// the local file the video was uploaded from; the table names the span and the file.
func TestSearchJSONAndTable(t *testing.T) {
	e, no, src := searchEnv(t)
	rows := e.run("", "search", "--json", "a", "dog", "on", "the", "beach").want(t, 0).lines(t)
	if len(rows) == 0 {
		t.Fatal("no moments")
	}
	r := rows[0]
	kf, _ := r["keyframe"].(map[string]any)
	if r["video_no"] != no || r["local_path"] != src || r["name"] != "beach-day.mp4" || r["start"].(float64) < 0 ||
		r["end"].(float64) <= r["start"].(float64) || r["score"].(float64) <= 0 || kf["bucket"] == nil || kf["blob"] == nil {
		t.Fatalf("row %v", r)
	}
	table := e.run("", "search", "beach").want(t, 0)
	if !strings.Contains(table.stdout, no) || !regexp.MustCompile(`\d+:\d\d–\d+:\d\d`).MatchString(table.stdout) || !strings.Contains(table.stdout, "beach-day.mp4") {
		t.Fatalf("table %q", table.stdout)
	}
	none := e.run("", "search", "--json", "zebra").want(t, 0)
	if none.stdout != "" || !strings.Contains(none.stderr, "no moments found") {
		t.Fatalf("no results: %+v", none)
	}
	spoken := e.run("", "transcript", "--json", no).want(t, 0).lines(t)[0]["segments"].([]any)[0].(map[string]any)["text"].(string)
	said := e.run("", "search", "--json", "--phrase", strings.ToUpper(spoken)).want(t, 0).lines(t)
	if len(said) != 1 || said[0]["text"] != spoken || said[0]["video_no"] != no || said[0]["keyframe"] != nil {
		t.Fatalf("phrase %v", said)
	}
}

// Every bad command line exits 2 and sends nothing.
func TestSearchUsageErrorsSendNothing(t *testing.T) {
	e, _, _ := searchEnv(t)
	dir := t.TempDir()
	big := filepath.Join(dir, "big.png")
	os.WriteFile(big, nil, 0o644)
	os.Truncate(big, 20<<20+1)
	doc := filepath.Join(dir, "notes.txt")
	os.WriteFile(doc, []byte("x"), 0o644)
	before := e.sb.Stats().Calls
	for _, args := range [][]string{
		{"search"}, {"search", "  "}, {"search", "--top-k", "1001", "x"}, {"search", "--type", "caption", "--top-k", "201", "x"},
		{"search", "--type", "image", "x"}, {"search", "--level", "max", "x"}, {"search", "--taken", "yesterday", "x"},
		{"search", "--near", "48.1", "x"}, {"search", "--near", "91,0", "x"}, {"search", "--phrase", "--tag", "t", "x"},
		{"search", "--image", big}, {"search", "--image", doc}, {"search", "--image", big, "words"},
		{"search", "--phrase", "--image", big}, {"search", "--page", "2", "x"}, {"search", "--similarity", "0.5", "x"},
		{"transcript"}, {"transcript", "--format", "docx", "VI1"}, {"transcript", "-o", dir, "VI1"},
		{"summary", "VI1", "VI2"}, {"keyframe", "b", "x"}, {"keyframe", "-o", filepath.Join(dir, "k.png"), "b"},
		{"keyframe", "-o", doc, "b", "x"},
	} {
		r := e.run("", args...)
		if r.code != 2 || r.stdout != "" || r.stderr == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	hundredOne := []string{"search"}
	for range 101 {
		hundredOne = append(hundredOne, "--video", "VI1")
	}
	e.run("", append(hundredOne, "x")...).want(t, 2)
	if n := e.sb.Stats().Calls; n != before {
		t.Fatalf("%d requests were sent", n-before)
	}
}

// transcript prints or saves text, SRT, WebVTT or JSON; summary prints chapters; keyframe saves
// the PNG with the download rules (no overwrite without --overwrite).
func TestTranscriptSummaryKeyframe(t *testing.T) {
	e, no, _ := searchEnv(t)
	text := e.run("", "transcript", no).want(t, 0)
	if !strings.HasPrefix(text.stdout, "0:00  ") {
		t.Fatalf("text %q", text.stdout)
	}
	out := filepath.Join(t.TempDir(), "t.srt")
	e.run("", "transcript", "--captions", "--format", "srt", "-o", out, no).want(t, 0)
	srt, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(srt), "1\n00:00:00,000 --> 00:00:0") || !strings.Contains(string(srt), "beach") {
		t.Fatalf("srt %q", srt)
	}
	e.run("", "transcript", "--format", "vtt", "-o", out, no).want(t, 2)
	e.run("", "transcript", "--format", "vtt", "-o", out, "--overwrite", no).want(t, 0)
	if vtt, _ := os.ReadFile(out); !strings.HasPrefix(string(vtt), "WEBVTT\n\n00:00:00.000 --> ") {
		t.Fatalf("vtt %q", vtt)
	}
	texts := e.sb.Stats().Texts
	if r := e.run("", "transcript", no).want(t, 0); r.stdout != text.stdout || !strings.Contains(r.stderr, "cache") || e.sb.Stats().Texts != texts {
		t.Fatalf("a transcript this computer has was asked for again: %+v", r)
	}
	e.run("", "transcript", "--refresh", no).want(t, 0)
	if e.sb.Stats().Texts != texts+1 {
		t.Fatal("--refresh did not ask again")
	}
	sum := e.run("", "summary", "--json", no).want(t, 0).lines(t)
	if !strings.Contains(sum[0]["summary"].(string), "beach") || len(sum[0]["items"].([]any)) == 0 {
		t.Fatalf("summary %v", sum)
	}
	rows := e.run("", "search", "--json", "beach").want(t, 0).lines(t)
	kf := rows[0]["keyframe"].(map[string]any)
	pic := filepath.Join(t.TempDir(), "frame.png")
	e.run("", "keyframe", "-o", pic, kf["bucket"].(string), kf["blob"].(string)).want(t, 0)
	b, _ := os.ReadFile(pic)
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Fatalf("keyframe: %v", err)
	}
	again := e.run("", "keyframe", "-o", pic, kf["bucket"].(string), kf["blob"].(string)).want(t, 2)
	if !strings.Contains(again.stderr, "already exists") {
		t.Fatalf("%+v", again)
	}
	fetched := e.sb.Stats().Keyframes
	e.run("", "keyframe", "--overwrite", "-o", pic, kf["bucket"].(string), kf["blob"].(string)).want(t, 0)
	if e.sb.Stats().Keyframes != fetched {
		t.Fatal("a keyframe this computer holds was fetched again")
	}
	similar := e.run("", "search", "--json", "--image", pic).want(t, 0).lines(t)
	if len(similar) == 0 || similar[0]["video_no"] != no {
		t.Fatalf("picture search %v", similar)
	}
	missing := e.run("", "keyframe", "-o", pic+"2", kf["bucket"].(string), no+"/keyframe-999999.png").want(t, 1)
	if _, err := os.Stat(pic + "2"); err == nil || !strings.Contains(missing.stderr, "not found") {
		t.Fatalf("a missing keyframe: %+v", missing)
	}
}

// A video still being indexed has no transcript yet: exit 1 with a reason.
func TestTranscriptOfAnUnindexedVideo(t *testing.T) {
	e := newTestEnvWith(t, sandbox.Options{ParseDelay: time.Hour})
	src := writeVideo(t, t.TempDir(), "later.mp4", sandbox.SyntheticMP4("later"))
	no := e.run("", "upload", "--json", src).want(t, 0).lines(t)[0]["video_no"].(string)
	r := e.run("", "transcript", no).want(t, 1)
	if r.stdout != "" || !strings.Contains(r.stderr, "still being indexed") {
		t.Fatalf("%+v", r)
	}
	if r := e.run("", "search", "--json", "later").want(t, 0); r.stdout != "" || !strings.Contains(r.stderr, "1 video in scope \"default\" is still being indexed") {
		t.Fatalf("an unindexed video: stdout %q, stderr %q", r.stdout, r.stderr)
	}
}

// A repeated search is answered from the profile's cache with its age and sends nothing;
// --refresh asks again.
func TestRepeatedSearchIsAnsweredFromCache(t *testing.T) {
	e, no, _ := searchEnv(t)
	first := e.run("", "search", "--json", "beach").want(t, 0)
	calls := e.sb.Stats().Calls
	again := e.run("", "search", "--json", "beach").want(t, 0)
	if again.stdout != first.stdout || !strings.Contains(again.stderr, "cache") || e.sb.Stats().Calls != calls {
		t.Fatalf("repeat: %d calls, stderr %q, same %v", e.sb.Stats().Calls-calls, again.stderr, again.stdout == first.stdout)
	}
	e.run("", "search", "--json", "--level", "low", "beach").want(t, 0)
	if e.sb.Stats().Searches != 2 {
		t.Fatalf("another filter was answered from the cache: %d searches", e.sb.Stats().Searches)
	}
	fresh := e.run("", "search", "--json", "--refresh", "beach").want(t, 0)
	if e.sb.Stats().Searches != 3 || strings.Contains(fresh.stderr, "cache") {
		t.Fatalf("--refresh: %d searches, stderr %q", e.sb.Stats().Searches, fresh.stderr)
	}
	if !strings.Contains(first.stdout, no) {
		t.Fatal("the video is not in the answer")
	}
}

// keyframe --from-search saves the keyframe of every moment a search printed, named by video and
// second, and refuses bad input before fetching anything.
func TestKeyframesFromSearch(t *testing.T) {
	e, no, _ := searchEnv(t)
	found := e.run("", "search", "--json", "beach").want(t, 0).stdout
	dir := t.TempDir()
	r := e.run(found+"\n", "keyframe", "--from-search", "--json", "-o", dir).want(t, 0)
	rows := r.lines(t)
	if len(rows) == 0 || rows[0]["path"] != filepath.Join(dir, no+"-000000.png") {
		t.Fatalf("saved %v (stderr %q)", rows, r.stderr)
	}
	fetched := e.sb.Stats().Keyframes
	for _, bad := range []string{"not json\n", `{"video_no":"VI1"}` + "\n", found} {
		if r := e.run(bad, "keyframe", "--from-search", "-o", dir); r.code != 2 {
			t.Errorf("stdin %q: exit %d, stderr %q", bad, r.code, r.stderr)
		}
	}
	e.run(found, "keyframe", "--from-search", "-o", filepath.Join(dir, "missing")).want(t, 2)
	if e.sb.Stats().Keyframes != fetched {
		t.Fatal("refused input fetched keyframes")
	}
}
