package transfer

import (
	"slices"
	"sync"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/pacing"
)

// Slot is a waiting job's place in its endpoint's line and when the pacer will let it start.
// StartsAt is absolute (Unix ms) so a view opened later shows the same time, not a countdown
// restarted from its own opening; zero means as soon as a worker is free.
type Slot struct {
	Place    int
	StartsAt int64
}

// lineup serialises refreshes of Engine.slots (the slot of every waiting job, recomputed
// whenever the queue or the pacer moves), so events leave in the order slots were computed.
type lineup struct {
	mu sync.Mutex
}

// slotOf returns job id's slot; the zero Slot when it is not waiting.
func (e *Engine) slotOf(id uint64) Slot {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.slots[id]
}

// lineDepth is how many queued jobs per endpoint get a place in line (and a start time): the
// ones a person watches. Jobs further back show none until they move up, so a refresh reads a
// fixed number of jobs however long the queue is.
const lineDepth = 10

// refreshLineup recomputes the slot of every job in line and tells the UI about each one that
// moved, including one that left the line (its slot is now the zero Slot): a job whose pacer wait
// ended must be told so, or its row keeps its old place and reads "Waiting for slot" while it runs.
func (e *Engine) refreshLineup() {
	e.line.mu.Lock()
	defer e.line.mu.Unlock()
	lines, jobs, err := e.waitingByEndpoint()
	if err != nil {
		return
	}
	next := e.forecast(lines)
	e.mu.Lock()
	old := e.slots
	e.slots = next
	e.mu.Unlock()
	for _, j := range jobs {
		if next[j.ID] == old[j.ID] {
			continue
		}
		// The list was read before the slots were computed: a job may have finished since, and
		// its old record must not be sent as news.
		if cur, err := e.db.Job(j.ID); err == nil {
			e.emitJob(cur, nil)
		}
	}
	for id := range old {
		if _, still := next[id]; !still {
			if j, err := e.db.Job(id); err == nil {
				e.emitJob(j, nil)
			}
		}
	}
}

// endpointKinds lists the job kinds that share each endpoint's pacing line.
var endpointKinds = func() map[pacing.Endpoint][]jobkind.JobKind {
	m := map[pacing.Endpoint][]jobkind.JobKind{}
	for _, k := range []jobkind.JobKind{jobkind.UploadFile, jobkind.UploadURL, jobkind.Import, jobkind.Download, jobkind.DownloadAsset} {
		m[endpointFor(k)] = append(m[endpointFor(k)], k)
	}
	return m
}()

// waitingByEndpoint lists, per endpoint and in the order the pacer serves them, the jobs that
// wait: running ones already queued at the pacer first, then the first lineDepth queued ones,
// oldest first. It returns those jobs as stored too.
func (e *Engine) waitingByEndpoint() (map[pacing.Endpoint][]uint64, []contract.Job, error) {
	lines := map[pacing.Endpoint][]uint64{}
	var jobs []contract.Job
	for _, id := range e.inLine() {
		j, err := e.db.Job(id)
		if err != nil {
			continue // deleted meanwhile
		}
		lines[endpointFor(j.Kind)] = append(lines[endpointFor(j.Kind)], id)
		jobs = append(jobs, j)
	}
	for ep, kinds := range endpointKinds {
		queued, err := e.db.FirstJobs(jobstate.Queued, kinds, lineDepth, e.isRunning)
		if err != nil {
			return nil, nil, err
		}
		for _, j := range queued {
			lines[ep] = append(lines[ep], j.ID)
		}
		jobs = append(jobs, queued...)
	}
	return lines, jobs, nil
}

// inLine lists the running jobs waiting at the pacer, oldest first.
func (e *Engine) inLine() []uint64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	var ids []uint64
	for id, r := range e.running {
		if r.meter.inLine.Load() {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// forecast gives each waiting job the pacer's start time for its place in line.
func (e *Engine) forecast(lines map[pacing.Endpoint][]uint64) map[uint64]Slot {
	now := e.o.Clock.Now()
	out := map[uint64]Slot{}
	for ep, ids := range lines {
		times := e.pacer.Forecast(ep, len(ids))
		for i, id := range ids {
			out[id] = Slot{Place: i + 1, StartsAt: startsAt(times[i], now)}
		}
	}
	return out
}

// startsAt is t in Unix ms, or zero when t is not later than now (no pacing wait).
func startsAt(t, now time.Time) int64 {
	if !t.After(now) {
		return 0
	}
	return t.UnixMilli()
}
