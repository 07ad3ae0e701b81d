package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"memories-desktop/backend/contract"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// salvaged is every record that could still be read, bucket by bucket.
type salvaged map[string]map[string][]byte

// Repair moves the database in dir aside (to memories.db.damaged-<time>, kept for inspection)
// and starts a fresh one holding every record that can still be read from it. Call it only
// when Check reported problems; it needs the file lock like Open.
func Repair(dir string, timeout time.Duration) (contract.Repaired, error) {
	path := filepath.Join(dir, contract.DatabaseFile)
	rep := contract.Repaired{KeptAt: path + ".damaged-" + time.Now().UTC().Format("20060102T150405Z")}
	recs, err := salvage(path, timeout)
	if err != nil {
		return rep, err
	}
	if err := os.Rename(path, rep.KeptAt); err != nil {
		return rep, err
	}
	db, err := Open(dir, timeout)
	if err != nil {
		return rep, err
	}
	defer db.Close()
	err = db.update(func(tx txn) error { return restore(&rep, tx, recs, db.nowMillis()) })
	return rep, err
}

// salvage reads what it can. A file bbolt cannot open at all yields nothing (but is still
// moved aside); a lock held by another process is an error.
func salvage(path string, timeout time.Duration) (salvaged, error) {
	recs := salvaged{}
	db := &DB{path: path, now: time.Now}
	b, err := openBolt(db, path, &bolt.Options{Timeout: timeout, ReadOnly: true})
	if errors.Is(err, contract.ErrDamaged) {
		return recs, nil
	}
	if err != nil {
		return nil, err
	}
	defer b.Close()
	db.bolt = b
	for _, name := range [][]byte{bucketMeta, bucketJobs, bucketVideos, bucketHashes} {
		recs[string(name)] = map[string][]byte{}
		db.view(func(tx txn) error { recs.scan(db, tx, name); return nil })
	}
	return recs, nil
}

// scan copies bucket name's records, first to last and then last to first: a damaged page in
// the middle stops one walk, and the other still reaches the records beyond it.
func (recs salvaged) scan(db *DB, tx txn, name []byte) {
	b := tx.Bucket(name)
	if b == nil {
		return
	}
	out := recs[string(name)]
	// Damaged pages can point back at each other: no walk takes more steps than the file
	// could hold records (each takes at least 16 bytes).
	maxSteps := tx.Size()/16 + 1
	walk := func(start, step func(*bolt.Cursor) ([]byte, []byte)) {
		db.guard(func() error {
			c := b.Cursor()
			n := int64(0)
			for k, v := start(c); k != nil && n < maxSteps; k, v = step(c) {
				out[string(k)] = bytes.Clone(v)
				n++
			}
			return nil
		})
	}
	walk((*bolt.Cursor).First, (*bolt.Cursor).Next)
	walk((*bolt.Cursor).Last, (*bolt.Cursor).Prev)
}

// restore writes the salvaged records into the fresh file, rebuilding every index from them.
func restore(rep *contract.Repaired, tx txn, recs salvaged, now int64) error {
	for k, v := range recs[string(bucketMeta)] {
		if bytes.HasPrefix([]byte(k), []byte(metaAppPrefix)) {
			tx.Bucket(bucketMeta).Put([]byte(k), v)
		}
	}
	if err := restoreJobs(rep, tx, recs[string(bucketJobs)]); err != nil {
		return err
	}
	for _, raw := range recs[string(bucketVideos)] {
		var v contract.CachedVideo
		if json.Unmarshal(raw, &v) == nil && putVideo(tx, v, now) == nil {
			rep.Videos++
		}
	}
	for k, v := range recs[string(bucketHashes)] {
		if tx.Bucket(bucketHashes).Put([]byte(k), v) == nil {
			rep.Hashes++
		}
	}
	return nil
}

// restoreJobs keeps each readable job under its id, and the id sequence past all of them.
func restoreJobs(rep *contract.Repaired, tx txn, raw map[string][]byte) error {
	var maxID uint64
	for k, v := range raw {
		var j contract.Job
		if len(k) != jobKeyLen || json.Unmarshal(v, &j) != nil || validateJob(&j) != nil || j.ID != idOfKey([]byte(k)) {
			continue
		}
		if err := putJob(tx, &j); err != nil {
			return err
		}
		rep.Jobs++
		maxID = max(maxID, j.ID)
	}
	b := tx.Bucket(bucketJobs)
	return b.SetSequence(max(b.Sequence(), maxID))
}
