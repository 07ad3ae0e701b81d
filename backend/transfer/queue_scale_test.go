package transfer

import (
	"fmt"
	"path/filepath"
	"testing"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/sandbox"
)

// A long queue costs the same per job as a short one: each scheduler wake-up reads and reports
// only the jobs it starts and the first few of each line, not every waiting job (issue 22.7: a
// queue of 2,000 took 51 s, every wake-up decoding, and telling the UI about, all of them).
// Counted in job events, which the old line sent for every waiting job whose place moved.
func TestEventsPerJobDoNotGrowWithTheQueue(t *testing.T) {
	perJob := func(n int) float64 {
		r := newRig(t, sandbox.Options{})
		drafts := make([]Draft, n)
		dir := t.TempDir()
		for i := range drafts {
			no := fmt.Sprintf("VI%018d", 600000000000000000+i) // not in the library: fails at once
			d, err := r.eng.PlanDownload(DownloadSpec{VideoNo: no, Dest: filepath.Join(dir, no+".mp4")})
			if err != nil {
				t.Fatal(err)
			}
			drafts[i] = d
		}
		jobs, err := r.eng.Record(drafts...)
		if err != nil {
			t.Fatal(err)
		}
		ids := make([]uint64, n)
		for i, j := range jobs {
			ids[i] = j.ID
		}
		r.wait(ids...)
		r.ev.mu.Lock()
		defer r.ev.mu.Unlock()
		events := 0
		for _, p := range r.ev.events {
			if _, ok := p.(contract.JobView); ok {
				events++
			}
		}
		return float64(events) / float64(n)
	}
	small, large := perJob(50), perJob(500)
	t.Logf("job events per job: %.1f for 50 jobs, %.1f for 500", small, large)
	if large > 2*small+5 {
		t.Fatalf("job events per job grew from %.1f (50 jobs) to %.1f (500 jobs)", small, large)
	}
}
