package transfer

import (
	"context"
	"sync"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/store"
)

// Tracking stops after this long; the library view still refreshes statuses on demand.
const trackFor = 30 * time.Minute

const (
	maxTrackDelay = 30 * time.Second
	listBatch     = 100
)

// tracker follows finished uploads and imports through server indexing (UNPARSE → PARSE or
// FAILED; tasks until their videos exist), polling in batches with backoff.
type tracker struct {
	e     *Engine
	mu    sync.Mutex
	items map[uint64]*trackItem
	wake  chan struct{}
}

type trackItem struct {
	job   contract.Job
	since time.Time
	next  time.Time
	delay time.Duration
}

func newTracker(e *Engine) *tracker {
	return &tracker{e: e, items: map[uint64]*trackItem{}, wake: make(chan struct{}, 1)}
}

// follow starts tracking j when its server-side status is not final yet.
func (t *tracker) follow(j contract.Job) {
	if j.Kind != jobkind.UploadFile && j.Kind != jobkind.UploadURL && j.Kind != jobkind.Import {
		return
	}
	if api.IsTerminalStatus(j.Result.Status) {
		return
	}
	now := t.e.o.Clock.Now()
	t.mu.Lock()
	t.items[j.ID] = &trackItem{job: j, since: now, next: now.Add(t.e.o.TrackEvery), delay: t.e.o.TrackEvery}
	t.mu.Unlock()
	t.poke()
}

// run polls every second while something is followed; with nothing to follow it sleeps until
// follow pokes it (an idle app or `memories watch` wakes for nothing).
func (t *tracker) run() {
	t.resumeRecent()
	for {
		var tick <-chan time.Time
		if t.following() {
			tick = t.e.o.Clock.After(time.Second)
		}
		select {
		case <-t.e.ctx.Done():
			return
		case <-t.wake:
		case <-tick:
		}
		t.poll(t.e.ctx)
	}
}

func (t *tracker) following() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.items) > 0
}

// resumeRecent picks up jobs a previous session finished but did not see indexed.
func (t *tracker) resumeRecent() {
	page, err := t.e.db.Jobs(store.JobQuery{States: []jobstate.JobState{jobstate.Done},
		Kinds: []jobkind.JobKind{jobkind.UploadFile, jobkind.UploadURL, jobkind.Import}, Limit: 200})
	if err != nil {
		return
	}
	cutoff := t.e.o.Clock.Now().Add(-trackFor).UnixMilli()
	for _, j := range page.Jobs {
		if j.Updated >= cutoff {
			t.follow(j)
		}
	}
}

// poke wakes the polling loop, unless a wake-up is already pending.
func (t *tracker) poke() {
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

// now makes every followed item due at once: the user just asked the server for fresh statuses.
func (t *tracker) now() {
	at := t.e.o.Clock.Now()
	t.mu.Lock()
	for _, it := range t.items {
		it.next = at
	}
	t.mu.Unlock()
	t.poke()
}

// due returns the items to poll now, dropping those followed for too long.
func (t *tracker) due(now time.Time) []*trackItem {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []*trackItem
	for id, it := range t.items {
		switch {
		case now.Sub(it.since) > trackFor:
			delete(t.items, id)
		case !now.Before(it.next):
			out = append(out, it)
		}
	}
	return out
}

func (t *tracker) poll(ctx context.Context) {
	items := t.due(t.e.o.Clock.Now())
	if len(items) == 0 {
		return
	}
	client, err := t.e.client()
	if err != nil {
		return
	}
	var videos []*trackItem
	for _, it := range items {
		if it.job.Kind == jobkind.Import {
			t.pollTask(ctx, client, it)
		} else {
			videos = append(videos, it)
		}
	}
	t.pollVideos(ctx, client, videos)
}

func (t *tracker) pollTask(ctx context.Context, client *api.Client, it *trackItem) {
	task, err := client.TaskStatus(ctx, it.job.Result.TaskID, it.job.Scope)
	if err != nil {
		t.later(it)
		return
	}
	t.update(it, task.Videos, len(task.Videos) > 0)
}

// pollVideos asks for up to listBatch videos per call, grouped by scope.
func (t *tracker) pollVideos(ctx context.Context, client *api.Client, items []*trackItem) {
	byScope := map[string][]*trackItem{}
	for _, it := range items {
		byScope[it.job.Scope] = append(byScope[it.job.Scope], it)
	}
	for scope, group := range byScope {
		for start := 0; start < len(group); start += listBatch {
			t.pollBatch(ctx, client, scope, group[start:min(start+listBatch, len(group))])
		}
	}
}

func (t *tracker) pollBatch(ctx context.Context, client *api.Client, scope string, group []*trackItem) {
	var nos []string
	for _, it := range group {
		nos = append(nos, it.job.Result.VideoNos...)
	}
	page, err := client.ListVideos(ctx, contract.ListRequest{Scope: scope, VideoNos: nos, Size: listBatch})
	for _, it := range group {
		if err != nil {
			t.later(it)
			continue
		}
		t.update(it, videosOf(page.Videos, it.job.Result.VideoNos), true)
	}
}

func videosOf(all []contract.VideoDetails, nos []string) []contract.VideoDetails {
	var out []contract.VideoDetails
	for _, v := range all {
		for _, no := range nos {
			if v.VideoNo == no {
				out = append(out, v)
			}
		}
	}
	return out
}

// update records what the server said; an item whose videos all finished stops being tracked.
func (t *tracker) update(it *trackItem, videos []contract.VideoDetails, known bool) {
	if !known || len(videos) == 0 {
		t.later(it)
		return
	}
	status := overallStatus(videos)
	t.e.db.PutVideos(cacheRows(it.job, videos))
	j, err := t.e.db.UpdateJob(it.job.ID, func(j *contract.Job) error {
		j.Result.Status = status
		j.Result.VideoNos = videoNos(videos)
		return nil
	})
	if err == nil {
		it.job = j
		t.e.emitJob(j, nil)
	}
	if api.IsTerminalStatus(status) {
		t.mu.Lock()
		delete(t.items, it.job.ID)
		t.mu.Unlock()
		return
	}
	t.later(it)
}

// later backs off: 5 s, 10 s, 20 s, then every 30 s.
func (t *tracker) later(it *trackItem) {
	it.delay = min(it.delay*2, maxTrackDelay)
	it.next = t.e.o.Clock.Now().Add(it.delay)
}

// overallStatus is the least advanced status: any UNPARSE keeps the whole job indexing.
func overallStatus(videos []contract.VideoDetails) string {
	status := contract.StatusParsed
	for _, v := range videos {
		switch {
		case v.Status == contract.StatusUnparsed:
			return contract.StatusUnparsed
		case v.Status != contract.StatusParsed:
			status = v.Status
		}
	}
	return status
}

func videoNos(videos []contract.VideoDetails) []string {
	out := make([]string, len(videos))
	for i, v := range videos {
		out[i] = v.VideoNo
	}
	return out
}

func cacheRows(j contract.Job, videos []contract.VideoDetails) []contract.CachedVideo {
	rows := make([]contract.CachedVideo, len(videos))
	for i, v := range videos {
		rows[i] = contract.CachedVideo{VideoNo: v.VideoNo, Name: v.Name, Scope: j.Scope, Status: v.Status,
			Cause: v.Cause, Size: v.Size, Duration: v.Duration, Tags: v.Tags, Created: v.CreateTime, SourceJob: j.ID}
	}
	return rows
}

// TrackNow polls every upload and import still being followed on the next tick, instead of
// waiting for its backoff (used when the user refreshes the library).
func (e *Engine) TrackNow() {
	e.tracker.now()
	e.pokeIndexing()
}
