package store

import (
	"bytes"
	"encoding/binary"
	"maps"
	"slices"

	"memories-desktop/backend/i18n"
)

// The library's first page shows how many videos a scope holds. Counting the time index on
// every query costs ~20 ms at 100,000 videos, so each scope's count is kept in bucketVideoCounts
// and changed in the same transaction as the rows it counts: a crash cannot part them.

// addVideoCount moves scope's kept count by delta (+1 for a new row, -1 for a deleted one), after
// the row was written. A damaged value is recounted instead; without the bucket nothing is kept,
// and the next Open counts afresh.
func addVideoCount(tx txn, scope string, delta int64) error {
	b := tx.Bucket(bucketVideoCounts)
	if b == nil {
		return nil
	}
	n, ok := keptVideoCount(tx, scope)
	next := int64(n) + delta
	if !ok {
		next = countScope(tx, scope)
	}
	return b.Put(scopePrefix(scope), countValue(max(next, 0)))
}

// countScope counts one scope's rows of the time index.
func countScope(tx txn, scope string) int64 {
	prefix := scopePrefix(scope)
	n := int64(0)
	c := tx.Bucket(bucketVideoByTime).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		n++
	}
	return n
}

// keptVideoCount returns scope's kept count; ok is false when the bucket or the value is
// damaged, and the caller counts instead. A scope without a value holds no videos.
func keptVideoCount(tx txn, scope string) (n int, ok bool) {
	b := tx.Bucket(bucketVideoCounts)
	if b == nil {
		return 0, false
	}
	raw := b.Get(scopePrefix(scope))
	switch {
	case raw == nil:
		return 0, true
	case len(raw) != 8:
		return 0, false
	}
	return int(binary.BigEndian.Uint64(raw)), true
}

func countValue(n int64) []byte { return binary.BigEndian.AppendUint64(nil, uint64(n)) }

// countIndexedVideos counts the time index's rows per scope: the truth the kept counts follow.
func countIndexedVideos(tx txn) map[string]int64 {
	counts := map[string]int64{}
	each(tx, bucketVideoByTime, func(k, _ []byte) {
		if end := bytes.IndexByte(k, 0); end >= 0 {
			counts[string(k[:end])]++
		}
	})
	return counts
}

// rebuildVideoCounts replaces every kept count by a fresh count of the time index.
func rebuildVideoCounts(tx txn) error {
	if tx.Bucket(bucketVideoCounts) != nil {
		if err := tx.DeleteBucket(bucketVideoCounts); err != nil {
			return err
		}
	}
	b, err := tx.CreateBucket(bucketVideoCounts)
	if err != nil {
		return err
	}
	for scope, n := range countIndexedVideos(tx) {
		if err := b.Put(scopePrefix(scope), countValue(n)); err != nil {
			return err
		}
	}
	return nil
}

// videoCountsSound reports whether the kept counts can be trusted without a recount: the bucket
// is there and every value is well formed. It reads one value per scope, so Open can afford it.
func videoCountsSound(tx txn) bool {
	b := tx.Bucket(bucketVideoCounts)
	if b == nil {
		return false
	}
	sound := true
	b.ForEach(func(k, v []byte) error {
		sound = sound && len(v) == 8 && bytes.IndexByte(k, 0) == len(k)-1
		return nil
	})
	return sound
}

// wrongVideoCounts lists, for doctor, each scope whose kept count disagrees with the index.
func wrongVideoCounts(tx txn) []string {
	var out []string
	counted := countIndexedVideos(tx)
	scopes := map[string]bool{}
	each(tx, bucketVideoCounts, func(k, _ []byte) { scopes[string(bytes.TrimSuffix(k, []byte{0}))] = true })
	for scope := range counted {
		scopes[scope] = true
	}
	for _, scope := range slices.Sorted(maps.Keys(scopes)) {
		kept, ok := keptVideoCount(tx, scope)
		if !ok || int64(kept) != counted[scope] {
			out = append(out, i18n.T("doctor.problem.count", i18n.Args{"Scope": scope, "Kept": kept, "Cached": counted[scope]}))
		}
	}
	return out
}
