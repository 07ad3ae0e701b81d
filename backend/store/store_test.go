package store

import (
	"errors"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
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
	if !errors.Is(err, contract.ErrLocked) {
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

func TestVersion1FileMigratesAndKeepsItsData(t *testing.T) {
	dir := t.TempDir()
	writeVersion1File(t, dir)
	db := openAt(t, dir)
	if v, err := db.SchemaVersion(); err != nil || v != schemaVersion {
		t.Fatalf("version %d, %v; want %d", v, err, schemaVersion)
	}
	err := db.bolt.View(func(tx txn) error {
		if string(tx.Bucket(bucketMeta).Get([]byte("window"))) != "wide" {
			t.Error("version 1 data lost")
		}
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				t.Errorf("bucket %s missing after migration", name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	j := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, Name: "after-migration.mp4"})
	if active, err := db.ActiveJobs(); err != nil || len(active) != 1 || active[0].ID != j.ID {
		t.Fatalf("active after migration: %v, %v", active, err)
	}
}

// writeVersion1File builds the file a version-1 build left behind: only the meta bucket.
func writeVersion1File(t *testing.T, dir string) {
	t.Helper()
	b, err := bolt.Open(filepath.Join(dir, contract.DatabaseFile), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.Update(func(tx txn) error {
		meta, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		if err := meta.Put([]byte("window"), []byte("wide")); err != nil {
			return err
		}
		return writeVersion(tx, 1)
	})
	if err != nil {
		t.Fatal(err)
	}
}
