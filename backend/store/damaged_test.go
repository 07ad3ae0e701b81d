package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// breakRecord overwrites job id's stored JSON with bytes that do not decode.
func breakRecord(t *testing.T, db *DB, id uint64) {
	err := db.bolt.Update(func(tx txn) error {
		k, err := jobKeyOf(tx, id)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketJobs).Put(k, []byte(`{"id":`))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOneDamagedJobRecordIsSkippedAndReported(t *testing.T) {
	db, _ := openTest(t)
	var ids []uint64
	for range 5 {
		j := contract.Job{Kind: jobkind.Download, Name: "x"}
		db.CreateJob(&j)
		ids = append(ids, j.ID)
	}
	breakRecord(t, db, ids[2])
	page, err := db.Jobs(JobQuery{})
	if err != nil || len(page.Jobs) != 4 || !slices.Equal(page.Damaged, []uint64{ids[2]}) {
		t.Fatalf("page %d jobs, damaged %v, err %v", len(page.Jobs), page.Damaged, err)
	}
	if active, err := db.ActiveJobs(); err != nil || len(active) != 4 {
		t.Fatalf("active %d, %v", len(active), err)
	}
}

func TestCheckAndRepairKeepWhatCanBeRead(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, dir)
	fillJobs(t, db, 10, func(int) contract.Job { return contract.Job{Kind: jobkind.UploadFile, Name: "keep"} })
	db.PutVideos([]contract.CachedVideo{{VideoNo: "VI1", Scope: "default", Name: "n", Created: 1}})
	db.PutMeta("pacer", []byte("state"))
	breakRecord(t, db, 4)
	db.Close()

	rep, err := Check(dir, time.Second)
	if err != nil || rep.OK() || rep.Jobs != 9 || !slices.Equal(rep.DamagedJobs, []uint64{4}) || rep.Videos != 1 {
		t.Fatalf("check: %+v, %v", rep, err)
	}
	fixed, err := Repair(dir, time.Second)
	if err != nil || fixed.Jobs != 9 || fixed.Videos != 1 {
		t.Fatalf("repair: %+v, %v", fixed, err)
	}
	if _, err := os.Stat(fixed.KeptAt); err != nil {
		t.Fatalf("the damaged file was not kept: %v", err)
	}
	if rep, _ := Check(dir, time.Second); !rep.OK() || rep.Jobs != 9 {
		t.Fatalf("after repair: %+v", rep)
	}
	db = openAt(t, dir)
	if v, _ := db.GetMeta("pacer"); string(v) != "state" {
		t.Fatalf("meta lost: %q", v)
	}
	j := contract.Job{Kind: jobkind.Download, Name: "new"}
	if db.CreateJob(&j); j.ID != 11 {
		t.Fatalf("a new job got id %d: ids must not be reused", j.ID)
	}
}

func TestAFileThatIsNotADatabaseIsReportedDamagedWithItsPath(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, contract.DatabaseFile), []byte("this is not a bbolt file, just text"), 0o600)
	_, err := Open(dir, time.Second)
	var d *DamagedError
	if !errors.As(err, &d) || d.Path != filepath.Join(dir, contract.DatabaseFile) || !errors.Is(err, contract.ErrDamaged) {
		t.Fatalf("err = %v", err)
	}
	fixed, err := Repair(dir, time.Second)
	if err != nil || fixed.Jobs != 0 {
		t.Fatalf("repair: %+v %v", fixed, err)
	}
	if rep, _ := Check(dir, time.Second); !rep.OK() {
		t.Fatalf("after repair: %+v", rep)
	}
}

// A damaged free list makes bbolt panic while it opens the file, holding its lock: the same
// process (the app offering a repair) must still be able to repair it, keeping every record.
func TestRepairAfterAPanicWhileOpeningInTheSameProcess(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, dir)
	fillJobs(t, db, 50, func(int) contract.Job { return contract.Job{Kind: jobkind.Download, Name: "kept"} })
	db.Close()
	path := filepath.Join(dir, contract.DatabaseFile)
	raw, _ := os.ReadFile(path)
	const pageSize = 4096 // bbolt's default here; the meta pages start the file
	for _, meta := range []int{0, pageSize} {
		freelist := int(binary.LittleEndian.Uint64(raw[meta+48:])) // the meta's free-list page id
		copy(raw[freelist*pageSize:], bytes.Repeat([]byte{0xEB}, pageSize))
	}
	os.WriteFile(path, raw, 0o600)

	if _, err := Open(dir, time.Second); !errors.Is(err, contract.ErrDamaged) {
		t.Fatalf("open: %v", err)
	}
	fixed, err := Repair(dir, time.Second)
	if err != nil || fixed.Jobs != 50 {
		t.Fatalf("repair in the same process: %+v, %v", fixed, err)
	}
}
