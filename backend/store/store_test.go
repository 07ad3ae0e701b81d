package store

import (
	"errors"
	"testing"
	"time"
)

func TestOpenCreatesSchema(t *testing.T) {
	db, err := Open(t.TempDir(), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(); err != nil || v != schemaVersion {
		t.Fatalf("version %d, %v; want %d", v, err, schemaVersion)
	}
}

func TestSecondOpenReportsLockedWithinTimeout(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	_, err = Open(dir, 200*time.Millisecond)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	if waited := time.Since(start); waited > 2*time.Second {
		t.Fatalf("second open waited %s", waited)
	}
}

func TestReopenKeepsVersionAndRefusesNewerFiles(t *testing.T) {
	dir := t.TempDir()
	db, _ := Open(dir, time.Second)
	db.bolt.Update(func(tx txn) error { return writeVersion(tx, schemaVersion+1) })
	db.Close()
	if _, err := Open(dir, time.Second); !errors.Is(err, ErrTooNew) {
		t.Fatalf("open newer file: %v, want ErrTooNew", err)
	}
}
