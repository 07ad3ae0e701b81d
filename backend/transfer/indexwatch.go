package transfer

import (
	"context"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/events"
	"memories-desktop/backend/store"
)

// The library's indexing watcher: cached videos of the current scope still UNPARSE (whoever
// uploaded them, however long ago) are re-listed by number, listBatch per call through the
// pacer's list lane (5 a second at most), until the server says PARSE or FAILED. It backs off
// from TrackEvery to maxIndexDelay while nothing changes, and starts again fast after a change.
const (
	maxIndexDelay = time.Minute
	maxIndexWatch = 1000 // videos per round, so a huge backlog costs at most 10 list calls a round
)

// watchIndexing runs until the engine stops; it does nothing without Options.LibraryScope.
func (e *Engine) watchIndexing() {
	if e.o.LibraryScope == nil {
		return
	}
	delay := e.o.TrackEvery
	for {
		select {
		case <-e.ctx.Done():
			return
		case <-e.indexWake:
			delay = e.o.TrackEvery
		case <-e.o.Clock.After(delay):
		}
		delay = nextIndexDelay(delay, e.o.TrackEvery, e.pollIndexing(e.ctx))
	}
}

// nextIndexDelay resets the back-off after a change and doubles it, up to the cap, otherwise.
func nextIndexDelay(delay, first time.Duration, changed bool) time.Duration {
	if changed {
		return first
	}
	return min(delay*2, maxIndexDelay)
}

// pollIndexing asks the server about the scope's indexing videos and caches what changed; it
// tells the library view when anything did.
func (e *Engine) pollIndexing(ctx context.Context) bool {
	scope := e.o.LibraryScope()
	page, err := e.db.Videos(store.VideoQuery{Scope: scope, Status: contract.StatusUnparsed, Limit: maxIndexWatch})
	if err != nil || len(page.Videos) == 0 {
		return false
	}
	client, err := e.client()
	if err != nil {
		return false
	}
	changed := false
	for start := 0; start < len(page.Videos); start += listBatch {
		batch := page.Videos[start:min(start+listBatch, len(page.Videos))]
		changed = e.relist(ctx, client, scope, batch) || changed
	}
	if changed {
		e.emit.Emit(events.LibraryChanged, scope)
	}
	return changed
}

// relist lists one batch by number and stores the rows whose status moved.
func (e *Engine) relist(ctx context.Context, client *api.Client, scope string, cached []contract.CachedVideo) bool {
	nos := make([]string, len(cached))
	for i, v := range cached {
		nos[i] = v.VideoNo
	}
	page, err := client.ListVideos(ctx, contract.ListRequest{Scope: scope, VideoNos: nos, Size: listBatch})
	if err != nil {
		return false
	}
	moved := movedRows(cached, page.Videos)
	return len(moved) > 0 && e.db.PutVideos(moved) == nil
}

// movedRows returns the cached rows whose server status or cause changed, updated.
func movedRows(cached []contract.CachedVideo, fresh []contract.VideoDetails) []contract.CachedVideo {
	byNo := make(map[string]contract.VideoDetails, len(fresh))
	for _, v := range fresh {
		byNo[v.VideoNo] = v
	}
	var out []contract.CachedVideo
	for _, v := range cached {
		f, ok := byNo[v.VideoNo]
		if ok && (f.Status != v.Status || f.Cause != v.Cause) {
			v.Status, v.Cause = f.Status, f.Cause
			out = append(out, v)
		}
	}
	return out
}

// pokeIndexing restarts the watcher's back-off (the user refreshed the library).
func (e *Engine) pokeIndexing() {
	select {
	case e.indexWake <- struct{}{}:
	default:
	}
}
