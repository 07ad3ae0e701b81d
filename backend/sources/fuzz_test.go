package sources

import (
	"memories-desktop/backend/contract"
	"net/url"
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"https://www.tiktok.com/@a.b/video/7301234567890123456?_t=1",
	"https://www.tiktok.com/@ü/video/1",
	"https://vt.tiktok.com/ZMa/",
	"https://www.tiktok.com/t/ZMa",
	"https://youtu.be/dQw4w9WgXcQ?t=1",
	"youtube.com/shorts/aB3-_x9Yz0Q",
	"https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=x",
	"https://www.instagram.com/u/reel/C_-1/",
	"https://instagram.com/tv/C1",
	"ftp://x", "mailto:x", "https://u@youtu.be/dQw4w9WgXcQ", "%zz", "https://[::1]/", "",
}

// canonicalHosts are the only hosts a canonical link may use.
var canonicalHosts = map[string]bool{
	"www.tiktok.com": true, "vm.tiktok.com": true, "www.youtube.com": true, "www.instagram.com": true,
}

func FuzzClassify(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		link, err := Classify(raw)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty reason")
			}
			return
		}
		u, perr := url.Parse(link.Canonical)
		if perr != nil || u.Scheme != "https" || !canonicalHosts[u.Host] || u.User != nil {
			t.Fatalf("canonical %q is not https on a known host", link.Canonical)
		}
		again, err := Classify(link.Canonical)
		if err != nil || again.Canonical != link.Canonical || again.Platform != link.Platform || again.ID != link.ID {
			t.Fatalf("%q → %+v, re-classified to %+v, %v", raw, link, again, err)
		}
	})
}

func FuzzParseLines(f *testing.F) {
	f.Add(strings.Join(fuzzSeeds, "\n"))
	f.Add("# c\n\n1,https://youtu.be/dQw4w9WgXcQ,x\r\nhello world\rhttps://youtu.be/dQw4w9WgXcQ")
	f.Fuzz(func(t *testing.T, text string) {
		p := ParseLines(text)
		accounted := map[int]bool{}
		for _, l := range append(append([]contract.Link{}, p.Links...), p.Duplicates...) {
			accounted[l.Line] = true
		}
		for _, pr := range p.Problems {
			accounted[pr.Line] = true
		}
		checkLinesAccounted(t, text, p.Lines, accounted)
		checkTasks(t, p)
	})
}

// checkLinesAccounted asserts that every line is blank, a comment, or has an entry in the plan.
func checkLinesAccounted(t *testing.T, text string, n int, accounted map[int]bool) {
	lines := strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text), "\n")
	if strings.HasSuffix(text, "\n") || strings.HasSuffix(text, "\r") || text == "" {
		lines = lines[:len(lines)-1]
	}
	if n != len(lines) {
		t.Fatalf("Lines = %d, want %d", n, len(lines))
	}
	for i, line := range lines {
		trimmed := strings.TrimFunc(line, isSpace)
		skipped := trimmed == "" || strings.HasPrefix(trimmed, "#")
		if skipped == accounted[i+1] {
			t.Fatalf("line %d %q: skipped=%v but accounted=%v", i+1, line, skipped, accounted[i+1])
		}
	}
}

// checkTasks asserts that tasks hold every unique link once, one platform each, ≤50 links.
func checkTasks(t *testing.T, p Plan) {
	want := map[string]contract.Platform{}
	for _, l := range p.Links {
		want[l.Canonical] = l.Platform
	}
	got := 0
	for _, task := range p.Tasks {
		if len(task.Links) == 0 || len(task.Links) > MaxLinksPerTask {
			t.Fatalf("task with %d links", len(task.Links))
		}
		for _, l := range task.Links {
			if want[l] != task.Platform {
				t.Fatalf("%q in a %s task", l, task.Platform)
			}
			got++
		}
	}
	if got != len(p.Links) {
		t.Fatalf("tasks hold %d links, plan has %d", got, len(p.Links))
	}
}
