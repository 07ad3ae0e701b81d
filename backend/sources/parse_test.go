package sources

import (
	"fmt"
	"math/rand/v2"
	"memories-desktop/backend/contract"
	"reflect"
	"strings"
	"testing"
)

func TestParseLinesFilesEveryLine(t *testing.T) {
	text := strings.Join([]string{
		"# my list",                    // 1 comment
		"https://youtu.be/dQw4w9WgXcQ", // 2 link
		"",                             // 3 blank
		"   \t",                        // 4 blank
		`1,"https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3",Rick`,                                   // 5 duplicate (same id)
		"see https://vm.tiktok.com/ZMa/ and www.instagram.com/reel/Cx1/, then tiktok.com/@a/video/7", // 6 three links
		"url,title,notes", // 7 no link
		"vimeo.com/123",   // 8 one word: Classify's reason
		"https://www.tiktok.com/@a/photo/9 https://youtu.be/x", // 9 two problems
		"[clip](https://www.instagram.com/p/Cx1/)",             // 10 duplicate of the reel code
	}, "\r\n")
	p := ParseLines(text)

	if p.Lines != 10 {
		t.Errorf("Lines = %d, want 10", p.Lines)
	}
	wantLinks := []string{
		"2 https://www.youtube.com/watch?v=dQw4w9WgXcQ",
		"6 https://vm.tiktok.com/ZMa/",
		"6 https://www.instagram.com/reel/Cx1/",
		"6 https://www.tiktok.com/@a/video/7",
	}
	if got := linesOf(p.Links); !reflect.DeepEqual(got, wantLinks) {
		t.Errorf("links %q\nwant  %q", got, wantLinks)
	}
	if got := linesOf(p.Duplicates); !reflect.DeepEqual(got, []string{
		"5 https://www.youtube.com/watch?v=dQw4w9WgXcQ", "10 https://www.instagram.com/p/Cx1/",
	}) {
		t.Errorf("duplicates %q", got)
	}
	wantProblems := []contract.LinkProblem{
		{Line: 7, Raw: "url,title,notes", Reason: "no link found on this line"},
		{Line: 8, Raw: "vimeo.com/123", Reason: "vimeo.com is not supported: TikTok, YouTube and Instagram links only"},
		{Line: 9, Raw: "https://www.tiktok.com/@a/photo/9", Reason: errTikTokPhoto.Error()},
		{Line: 9, Raw: "https://youtu.be/x", Reason: errYouTubeID.Error()},
	}
	if !reflect.DeepEqual(p.Problems, wantProblems) {
		t.Errorf("problems %+v\nwant     %+v", p.Problems, wantProblems)
	}
	wantTasks := []contract.ImportTask{
		{Platform: TikTok, Links: []string{"https://vm.tiktok.com/ZMa/", "https://www.tiktok.com/@a/video/7"}},
		{Platform: YouTube, Links: []string{"https://www.youtube.com/watch?v=dQw4w9WgXcQ"}},
		{Platform: Instagram, Links: []string{"https://www.instagram.com/reel/Cx1/"}},
	}
	if !reflect.DeepEqual(p.Tasks, wantTasks) {
		t.Errorf("tasks %+v", p.Tasks)
	}
}

func linesOf(links []contract.Link) []string {
	var out []string
	for _, l := range links {
		out = append(out, fmt.Sprintf("%d %s", l.Line, l.Canonical))
	}
	return out
}

func TestParseLinesKeepsRawTokenAndLineEndings(t *testing.T) {
	p := ParseLines("https://youtu.be/dQw4w9WgXcQ?si=1\rhttps://youtu.be/aaaaaaaaaaa\n")
	if p.Lines != 2 || len(p.Links) != 2 {
		t.Fatalf("plan %+v", p)
	}
	if p.Links[0].Raw != "https://youtu.be/dQw4w9WgXcQ?si=1" || p.Links[1].Line != 2 {
		t.Fatalf("links %+v", p.Links)
	}
}

func TestParseLinesEmptyInput(t *testing.T) {
	p := ParseLines("")
	if p.Lines != 0 || len(p.Links)+len(p.Duplicates)+len(p.Problems)+len(p.Tasks) != 0 {
		t.Fatalf("plan %+v", p)
	}
	if got, want := Summary(p), "0 lines: 0 links in 0 tasks; 0 duplicates; 0 invalid"; got != want {
		t.Fatalf("Summary() = %q, want %q", got, want)
	}
}

// mixedLines builds 120 lines: 55 TikTok, 30 YouTube and 12 Instagram posts, 8 repeats of
// them in other spellings and 15 invalid lines, shuffled with a fixed seed.
func mixedLines() []string {
	var lines []string
	for i := range 55 {
		lines = append(lines, fmt.Sprintf("https://www.tiktok.com/@user%d/video/73%017d", i, i))
	}
	for i := range 30 {
		lines = append(lines, fmt.Sprintf("https://youtu.be/video%06d?si=x", i))
	}
	for i := range 12 {
		lines = append(lines, fmt.Sprintf("https://www.instagram.com/reel/Code%d/", i))
	}
	lines = append(lines,
		"https://m.tiktok.com/@user0/video/7300000000000000000?_r=1",
		"https://www.tiktok.com/@renamed/video/7300000000000000001",
		"https://www.youtube.com/watch?v=video000000&t=1",
		"https://www.youtube.com/shorts/video000001",
		"youtube.com/embed/video000002",
		"https://instagram.com/reels/Code0",
		"https://www.instagram.com/p/Code1/?igsh=1",
		"https://youtu.be/video000003",
	)
	lines = append(lines,
		"https://www.tiktok.com/@user/photo/1", "https://www.tiktok.com/@user", "https://vimeo.com/1",
		"https://www.youtube.com/playlist?list=PL1", "https://www.youtube.com/@chan", "ftp://youtu.be/video000000",
		"https://www.instagram.com/someone/", "title only", "youtu.be/bad", "https://example.com/v.mp4",
		"mailto:me@example.com", "https://www.instagram.com/stories/a/1/", "https://u:p@youtu.be/video000000",
		"not,a,link", "https://www.youtube.com/",
	)
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	return lines
}

func TestParseLines120MixedLines(t *testing.T) {
	p := ParseLines(strings.Join(mixedLines(), "\n"))
	if got, want := Summary(p), "120 lines: 97 links (TikTok 55, YouTube 30, Instagram 12) in 4 tasks; 8 duplicates; 15 invalid"; got != want {
		t.Fatalf("Summary() = %q\nwant        %q", got, want)
	}
	var sizes []string
	for _, task := range p.Tasks {
		sizes = append(sizes, fmt.Sprintf("%s:%d", task.Platform, len(task.Links)))
	}
	if want := []string{"tiktok:50", "tiktok:5", "youtube:30", "instagram:12"}; !reflect.DeepEqual(sizes, want) {
		t.Fatalf("task sizes %v, want %v", sizes, want)
	}
	sent := map[string]bool{}
	for _, task := range p.Tasks {
		for _, l := range task.Links {
			if sent[l] {
				t.Fatalf("%s sent twice", l)
			}
			sent[l] = true
		}
	}
}
