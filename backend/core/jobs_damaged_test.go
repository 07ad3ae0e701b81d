package core

import (
	"context"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
)

// A job record that no longer decodes is left out of the page and named in Damaged, so the
// History view can say it skipped it (as `memories history` does) instead of hiding it.
func TestJobsReportsDamagedRecords(t *testing.T) {
	dir := t.TempDir()
	c, err := Start(dir, Options{Secrets: fileSecrets(t)})
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint64
	for range 3 {
		j := contract.Job{Kind: jobkind.Download, Name: "clip.mp4", State: jobstate.Done}
		if err := c.activeDB().CreateJob(&j); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, j.ID)
	}
	path := c.DatabasePath()
	c.Close()
	breakFirstJobRecord(t, path)

	c, err = Start(dir, Options{Secrets: fileSecrets(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.StartEngine(context.Background()); err != nil {
		t.Fatal(err)
	}
	page, err := c.Jobs(contract.JobQuery{})
	if err != nil || len(page.Jobs) != 2 || !slices.Equal(page.Damaged, []uint64{ids[0]}) {
		t.Fatalf("Jobs: %d jobs, damaged %v, err %v; want 2 and [%d]", len(page.Jobs), page.Damaged, err, ids[0])
	}
	if page, _ = c.Jobs(contract.JobQuery{Text: "no such name"}); page.Damaged == nil {
		t.Fatal("Damaged is nil when nothing is damaged: the page needs an empty list")
	}
}

// breakFirstJobRecord overwrites the oldest job record with JSON that does not decode.
func breakFirstJobRecord(t *testing.T, path string) {
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("jobs"))
		k, _ := b.Cursor().First()
		return b.Put(k, []byte(`{"id":`))
	})
	if err != nil {
		t.Fatal(err)
	}
}
