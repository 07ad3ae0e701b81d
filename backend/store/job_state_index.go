package store

import (
	"bytes"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"slices"
)

// The scheduler starts the oldest queued jobs and shows the next few their place in line. Finding
// them by decoding every active job made a queue of n jobs cost n² decodes; bucketJobByState
// keeps every job under state code ‖ kind code ‖ jobKey instead, written in the same transaction
// as the job, so the first queued jobs of any kind are a cursor walk away.

// stateIndexKey is job j's key in bucketJobByState.
func stateIndexKey(state, kind byte, jobKey []byte) []byte {
	return append([]byte{state, kind}, jobKey...)
}

// indexState moves the job stored under k from the index entry of its previous summary (when
// it had one) to that of summary now.
func indexState(tx txn, k, now []byte) error {
	b := tx.Bucket(bucketJobByState)
	if old, ok := decodeJobSummary(tx.Bucket(bucketJobSummary).Get(k)); ok {
		if err := b.Delete(stateIndexKey(old.state, old.kind, k)); err != nil {
			return err
		}
	}
	if now == nil {
		return nil
	}
	return b.Put(stateIndexKey(now[1], now[0], k), []byte{}) // a summary starts kind, state
}

// rebuildJobStateIndex fills bucketJobByState from the job summaries (migration 3 → 4).
func rebuildJobStateIndex(tx txn) error {
	b := tx.Bucket(bucketJobByState)
	c := tx.Bucket(bucketJobSummary).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if s, ok := decodeJobSummary(v); ok && len(k) == jobKeyLen {
			if err := b.Put(stateIndexKey(s.state, s.kind, k), []byte{}); err != nil {
				return err
			}
		}
	}
	return nil
}

// FirstJobs returns up to n jobs in state s, oldest first, of the given kinds (all when none),
// leaving out those skip reports. It walks the state index and decodes only the jobs it returns
// (and none of the jobs after them), so its cost does not grow with the length of the queue.
func (db *DB) FirstJobs(s jobstate.JobState, kinds []jobkind.JobKind, n int, skip func(id uint64) bool) ([]contract.Job, error) {
	jobs := []contract.Job{}
	if n <= 0 {
		return jobs, nil
	}
	if len(kinds) == 0 {
		kinds = jobKindCodes[1:]
	}
	err := db.view(func(tx txn) error {
		heads := stateCursors(tx, code(jobStateCodes, s), kinds)
		for len(jobs) < n {
			k := nextOldest(heads)
			if k == nil {
				break
			}
			if skip != nil && skip(idOfKey(k)) {
				continue
			}
			// A damaged record is reported by Jobs and doctor, not here; an entry that a damaged
			// page left behind for a job now in another state is passed over.
			if j, err := decodeJob(tx.Bucket(bucketJobs), k); err == nil && j.State == s {
				jobs = append(jobs, j)
			}
		}
		return nil
	})
	return jobs, err
}

// healStateIndex puts back the index entry of every active job that lacks one (a damaged page can
// lose some), so no queued job is left that the scheduler cannot find. Open runs it: it reads
// only the active jobs' summaries.
func healStateIndex(tx txn) error {
	b, sums := tx.Bucket(bucketJobByState), tx.Bucket(bucketJobSummary)
	c := tx.Bucket(bucketJobActive).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		s, ok := decodeJobSummary(sums.Get(k))
		if !ok || len(k) != jobKeyLen {
			continue
		}
		if ik := stateIndexKey(s.state, s.kind, k); b.Get(ik) == nil {
			if err := b.Put(ik, []byte{}); err != nil {
				return err
			}
		}
	}
	return nil
}

// indexHead is one kind's cursor over the state index and the job key it points at (nil at
// the end of the kind's entries).
type indexHead struct {
	c      interface{ Next() ([]byte, []byte) }
	prefix []byte
	key    []byte
}

func stateCursors(tx txn, state byte, kinds []jobkind.JobKind) []*indexHead {
	heads := make([]*indexHead, 0, len(kinds))
	for _, kind := range kinds {
		c := tx.Bucket(bucketJobByState).Cursor()
		h := &indexHead{c: c, prefix: []byte{state, code(jobKindCodes, kind)}}
		k, _ := c.Seek(h.prefix)
		h.set(k)
		heads = append(heads, h)
	}
	return heads
}

// set points h at index key k, or at the end when k is past h's prefix.
func (h *indexHead) set(k []byte) {
	h.key = nil
	if k != nil && bytes.HasPrefix(k, h.prefix) && len(k) == 2+jobKeyLen {
		h.key = slices.Clone(k[2:])
	}
}

// nextOldest returns the smallest job key among the heads and moves that head on; nil when all
// are at their end.
func nextOldest(heads []*indexHead) []byte {
	var best *indexHead
	for _, h := range heads {
		if h.key != nil && (best == nil || bytes.Compare(h.key, best.key) < 0) {
			best = h
		}
	}
	if best == nil {
		return nil
	}
	k := best.key
	next, _ := best.c.Next()
	best.set(next)
	return k
}
