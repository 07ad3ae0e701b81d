package sources

import (
	"fmt"
	"memories-desktop/backend/contract"
	"testing"
)

func TestSplitGroupsByPlatformAndChunks(t *testing.T) {
	var links []contract.Link
	for i := range 101 {
		links = append(links, contract.Link{Platform: Instagram, Canonical: fmt.Sprintf("ig%d", i)})
		if i < 3 {
			links = append(links, contract.Link{Platform: TikTok, Canonical: fmt.Sprintf("tt%d", i)})
		}
	}
	links = append(links, contract.Link{Platform: "vimeo", Canonical: "v"})
	tasks := Split(links)
	want := []struct {
		pf          contract.Platform
		n           int
		first, last string
	}{{TikTok, 3, "tt0", "tt2"}, {Instagram, 50, "ig0", "ig49"}, {Instagram, 50, "ig50", "ig99"}, {Instagram, 1, "ig100", "ig100"}}
	if len(tasks) != len(want) {
		t.Fatalf("%d tasks, want %d: %+v", len(tasks), len(want), tasks)
	}
	for i, w := range want {
		got := tasks[i]
		if got.Platform != w.pf || len(got.Links) != w.n || got.Links[0] != w.first || got.Links[w.n-1] != w.last {
			t.Errorf("task %d = %s %d links %s…%s, want %+v", i, got.Platform, len(got.Links), got.Links[0], got.Links[len(got.Links)-1], w)
		}
	}
}

func TestSplitTasksDoNotShareStorage(t *testing.T) {
	var links []contract.Link
	for i := range 60 {
		links = append(links, contract.Link{Platform: YouTube, Canonical: fmt.Sprint(i)})
	}
	tasks := Split(links)
	tasks[0].Links = append(tasks[0].Links, "extra")
	if tasks[1].Links[0] != "50" {
		t.Fatalf("appending to task 0 changed task 1: %q", tasks[1].Links[0])
	}
}

func TestSummaryWording(t *testing.T) {
	p := Plan{
		Lines:      1,
		Links:      []contract.Link{{Platform: YouTube}},
		Duplicates: []contract.Link{{Platform: YouTube}},
		Problems:   []contract.LinkProblem{{}},
		Tasks:      []contract.ImportTask{{Platform: YouTube}},
	}
	if got, want := Summary(p), "1 line: 1 link (YouTube 1) in 1 task; 1 duplicate; 1 invalid"; got != want {
		t.Fatalf("Summary() = %q, want %q", got, want)
	}
}
