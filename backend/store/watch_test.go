package store

import (
	"errors"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"testing"
	"time"
)

// Watches keep their settings and file records (keys need not be UTF-8); removing a watch
// removes its records; reopening keeps both.
func TestWatchRecordsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, dir)
	if err := db.PutWatch("cam", []byte(`{"a":1}`), true); err != nil {
		t.Fatal(err)
	}
	if err := db.PutWatch("cam", []byte(`{}`), true); !errors.Is(err, ErrInvalid) {
		t.Fatalf("a second watch named cam: %v", err)
	}
	if err := db.PutWatchFiles("nope", []WatchFile{{Key: []byte("x"), Value: []byte("1")}}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("records of an unknown watch: %v", err)
	}
	bad := []byte("bad-\xff.mp4")
	if err := db.PutWatchFiles("cam", []WatchFile{{Key: bad, Value: []byte("1")}, {Key: []byte("b"), Value: []byte("2")}}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutWatchFiles("cam", []WatchFile{{Key: []byte("b"), Delete: true}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = openAt(t, dir)
	var keys []string
	db.EachWatchFile("cam", func(k, v []byte) error { keys = append(keys, string(k)+"="+string(v)); return nil })
	if len(keys) != 1 || keys[0] != string(bad)+"=1" {
		t.Fatalf("records after reopening: %q", keys)
	}
	if v, err := db.Watch("cam"); err != nil || string(v) != `{"a":1}` {
		t.Fatalf("watch %s, %v", v, err)
	}
	if err := db.DeleteWatch("cam"); err != nil {
		t.Fatal(err)
	}
	keys = nil
	db.EachWatchFile("cam", func(k, v []byte) error { keys = append(keys, string(k)); return nil })
	if all, _ := db.Watches(); len(keys) != 0 || len(all) != 0 {
		t.Fatalf("left after removal: %q, %v", keys, all)
	}
	if _, err := db.Watch("cam"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("removed watch: %v", err)
	}
}

// UploadJobsSince lists only upload jobs created at or after the time, oldest first.
func TestUploadJobsSince(t *testing.T) {
	db, clock := openTest(t)
	old := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, Name: "old"})
	clock.advance(time.Second)
	since := clock.now().UnixMilli()
	mustCreate(t, db, contract.Job{Kind: jobkind.Download, Name: "download"})
	a := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, Name: "a"})
	b := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, Name: "b"})
	got, err := db.UploadJobsSince(since)
	if err != nil || len(got) != 2 || got[0].ID != a.ID || got[1].ID != b.ID {
		t.Fatalf("got %+v, %v (old job %d)", got, err, old.ID)
	}
}
