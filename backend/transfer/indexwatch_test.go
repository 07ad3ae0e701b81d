package transfer

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/events"
	"memories-desktop/backend/sandbox"
	"memories-desktop/backend/store"
)

// Videos indexing on the server (uploaded elsewhere, so no job follows them) turn Ready in the
// cache on their own, batched 100 numbers per list call, and the library view is told.
func TestIndexingVideosAreRefreshedOnTheirOwn(t *testing.T) {
	var now atomic.Int64
	now.Store(time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC).UnixNano())
	r := newRig(t, sandbox.Options{ParseDelay: time.Hour, Now: func() time.Time { return time.Unix(0, now.Load()) }})
	r.close()
	client, _ := api.New(api.Config{BaseURL: r.url, APIKey: "sk-engine-test"})
	db, _ := store.Open(r.dir, time.Second)
	var rows []contract.CachedVideo
	for i := range 150 {
		res, err := client.UploadURL(context.Background(), fmt.Sprintf("https://cdn.example.com/%d.mp4", i), api.UploadMeta{Scope: api.DefaultScope})
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, contract.CachedVideo{VideoNo: res.VideoNo, Name: res.VideoName, Scope: api.DefaultScope, Status: contract.StatusUnparsed, Created: int64(i)})
	}
	if err := db.PutVideos(rows); err != nil {
		t.Fatal(err)
	}
	db.Close()
	r.open(Options{TrackEvery: 20 * time.Millisecond, LibraryScope: func() string { return api.DefaultScope }})
	before := r.sb.Stats().Calls
	clocktest.WaitFor(t, func() bool { return r.sb.Stats().Calls-before >= 4 }) // two rounds while nothing changes
	if r.ev.saw(events.LibraryChanged) {
		t.Fatal("library:changed while nothing changed")
	}
	now.Add(int64(2 * time.Hour))
	clocktest.WaitFor(t, func() bool { return r.ev.saw(events.LibraryChanged) })
	// A round of two lists (100 and 50) may straddle the clock's jump: the rest turn Ready on
	// the next round.
	clocktest.WaitFor(t, func() bool {
		page, _ := r.db.Videos(store.VideoQuery{Scope: api.DefaultScope, Status: contract.StatusParsed, Limit: 1000})
		return page.Total == 150
	})
	settled := r.sb.Stats().Calls
	time.Sleep(100 * time.Millisecond)
	if n := r.sb.Stats().Calls - settled; n != 0 {
		t.Fatalf("%d more calls after every video was ready", n)
	}
}

func TestIndexWatchBacksOffAndResetsOnChange(t *testing.T) {
	d := 5 * time.Second
	for _, want := range []time.Duration{10, 20, 40, 60, 60} {
		if d = nextIndexDelay(d, 5*time.Second, false); d != want*time.Second {
			t.Fatalf("delay %v, want %v s", d, want)
		}
	}
	if d = nextIndexDelay(d, 5*time.Second, true); d != 5*time.Second {
		t.Fatalf("after a change %v, want 5 s", d)
	}
}
