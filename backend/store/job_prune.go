package store

import (
	"bytes"
	"encoding/binary"
	"time"
)

// pruneBatch bounds how many jobs one PruneJobs transaction deletes, so the writer lock is
// never held for long even when years of history go at once.
const pruneBatch = 2000

// PruneJobs deletes finished (done, failed, canceled) jobs last updated before olderThan, with
// their index entries, and reports how many went. Active jobs are never pruned.
func (db *DB) PruneJobs(olderThan time.Time) (int, error) {
	cutoff := olderThan.UnixMilli()
	total := 0
	var from []byte
	for {
		var n int
		err := db.update(func(tx txn) error {
			var err error
			n, from, err = pruneFrom(tx, from, cutoff)
			return err
		})
		total += n
		if err != nil || n < pruneBatch {
			return total, err
		}
	}
}

// pruneFrom deletes up to pruneBatch prunable jobs at or after key from and returns where the
// next batch starts. Jobs are in created order and Updated ≥ Created, so the walk stops at the
// first job created at or after the cutoff.
func pruneFrom(tx txn, from []byte, cutoff int64) (int, []byte, error) {
	end := binary.BigEndian.AppendUint64(nil, uint64(max(cutoff, 0)))
	var victims [][]byte
	c := tx.Bucket(bucketJobSummary).Cursor()
	for k, v := c.Seek(from); k != nil && bytes.Compare(k, end) < 0 && len(victims) < pruneBatch; k, v = c.Next() {
		if s, ok := decodeJobSummary(v); ok && prunable(s, cutoff) {
			victims = append(victims, bytes.Clone(k))
		}
	}
	for _, k := range victims {
		if err := deleteJob(tx, k); err != nil {
			return 0, nil, err
		}
	}
	if len(victims) == 0 {
		return 0, nil, nil
	}
	return len(victims), victims[len(victims)-1], nil
}

// prunable reports whether a job is finished and untouched since the cutoff.
func prunable(s jobSummary, cutoff int64) bool {
	return int(s.state) < len(jobStateCodes) && jobStateCodes[s.state].Terminal() && s.updated < cutoff
}
