package pacing

import (
	"testing"
	"time"

	"memories-desktop/backend/store"
)

// Send times survive a restart through the database, to the millisecond, and a damaged value
// starts fresh instead of failing.
func TestStateRoundTripsThroughTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	p, c := newTestPacer(true, nil)
	sent := send(t, p, c, EpUpload)
	if err := Save(db, p); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = store.Open(dir, time.Second); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	last := Load(db)
	if !last[EpUpload].Equal(sent.Truncate(time.Millisecond)) || len(last) != 1 {
		t.Fatalf("loaded %v, want upload at %v", last, sent)
	}
	restored, _ := newTestPacer(true, last, onClock(c))
	if got := restored.NextSlot(EpUpload); got != time.Minute {
		t.Fatalf("restored pacer's next upload in %v, want 1m", got)
	}
	db.PutMeta(metaKey, []byte("{not json"))
	if Load(db) != nil {
		t.Fatal("a damaged value was loaded")
	}
}
