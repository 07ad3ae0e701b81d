package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"memories-desktop/backend/contract"

	bolt "go.etcd.io/bbolt"
)

// Job returns the job with the given id, or an error wrapping ErrNotFound.
func (db *DB) Job(id uint64) (contract.Job, error) {
	var j contract.Job
	err := db.view(func(tx txn) error {
		var err error
		j, err = loadJob(tx, id)
		return err
	})
	return j, err
}

// ActiveJobs returns every queued, running or paused job, oldest first: what crash recovery and
// "resume" need. It walks the small active index, never the whole history.
func (db *DB) ActiveJobs() ([]contract.Job, error) {
	jobs := []contract.Job{}
	err := db.view(func(tx txn) error {
		var keys [][]byte
		c := tx.Bucket(bucketJobActive).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			keys = append(keys, k)
		}
		jobs, _ = loadJobs(tx, keys) // a damaged record is reported by Jobs and doctor, not here
		return nil
	})
	return jobs, err
}

// jobKeyOf finds a job's storage key through the id index.
func jobKeyOf(tx txn, id uint64) ([]byte, error) {
	k := tx.Bucket(bucketJobIDs).Get(idKey(id))
	if k == nil {
		return nil, fmt.Errorf("job %d: %w", id, ErrNotFound)
	}
	return bytes.Clone(k), nil
}

// loadJob decodes one job; the decoded value owns its memory, so it outlives tx.
func loadJob(tx txn, id uint64) (contract.Job, error) {
	k, err := jobKeyOf(tx, id)
	if err != nil {
		return contract.Job{}, err
	}
	return decodeJob(tx.Bucket(bucketJobs), k)
}

// loadJobs decodes the jobs stored under keys, in order, and returns the ids of those that
// cannot be read instead of failing on them.
func loadJobs(tx txn, keys [][]byte) (jobs []contract.Job, damaged []uint64) {
	b := tx.Bucket(bucketJobs)
	jobs = make([]contract.Job, 0, len(keys))
	for _, k := range keys {
		j, err := decodeJob(b, k)
		if err != nil {
			damaged = append(damaged, idOfKey(k))
			continue
		}
		jobs = append(jobs, j)
	}
	return jobs, damaged
}

// decodeJob reads the JSON under k; json.Unmarshal copies, so nothing aliases bbolt memory.
func decodeJob(b *bolt.Bucket, k []byte) (contract.Job, error) {
	var j contract.Job
	raw := b.Get(k)
	if raw == nil {
		return j, fmt.Errorf("job %d: %w (index out of step)", idOfKey(k), ErrNotFound)
	}
	if err := json.Unmarshal(raw, &j); err != nil {
		return j, fmt.Errorf("job %d: %w", idOfKey(k), err)
	}
	return j, nil
}
