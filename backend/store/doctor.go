package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Report is what Check found in a data folder's database.
type Report struct {
	Path        string   `json:"path"`
	Problems    []string `json:"problems,omitempty"` // empty when the file is sound
	Jobs        int      `json:"jobs"`               // readable job records
	Videos      int      `json:"videos"`             // readable library-cache records
	DamagedJobs []uint64 `json:"damagedJobs,omitempty"`
	checkStuck  bool     // bbolt's check is still running: its file must stay mapped
}

// OK reports whether nothing is wrong with the file.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// maxProblems bounds a report: a badly damaged file yields thousands of page errors.
const maxProblems = 20

// Check examines the database in dir without changing it: bbolt's page-level consistency
// check, then every job and video record is decoded. It needs the file lock like Open.
func Check(dir string, timeout time.Duration) (Report, error) {
	path := filepath.Join(dir, FileName)
	rep := Report{Path: path}
	db := &DB{path: path, now: time.Now}
	b, err := openBolt(db, path, &bolt.Options{Timeout: timeout, ReadOnly: true})
	var damaged *DamagedError
	if errors.As(err, &damaged) {
		rep.Problems = append(rep.Problems, damaged.Detail)
		return rep, nil
	}
	if err != nil {
		return rep, err
	}
	db.bolt = b
	if err := db.view(rep.examine); err != nil {
		rep.note(err.Error())
	}
	if !rep.checkStuck {
		b.Close() // else bbolt's check still reads the mapped file: leave it mapped
	}
	return rep, nil
}

// checkTime bounds bbolt's page check, which loops forever on some damaged files (a page that
// points back at its parent): generous for a sound file of the size, then the file is damaged.
func checkTime(tx txn) time.Duration {
	return 10*time.Second + time.Duration(tx.Size()>>20)*100*time.Millisecond
}

func (rep *Report) note(problem string) {
	if len(rep.Problems) < maxProblems {
		rep.Problems = append(rep.Problems, problem)
	}
}

// examine runs inside one read transaction.
func (rep *Report) examine(tx txn) error {
	errs, limit := tx.Check(), time.After(checkTime(tx))
	for done := false; !done; {
		select {
		case err, ok := <-errs:
			if done = !ok; ok {
				rep.note(err.Error())
			}
		case <-limit:
			rep.checkStuck, done = true, true
			rep.note("the page check did not finish: the file's pages loop")
		}
	}
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			rep.note(fmt.Sprintf("bucket %q is missing", name))
		}
	}
	rep.countJobs(tx)
	rep.countVideos(tx)
	return nil
}

func (rep *Report) countJobs(tx txn) {
	each(tx, bucketJobs, func(k, v []byte) {
		var j Job
		if len(k) != jobKeyLen || json.Unmarshal(v, &j) != nil {
			rep.DamagedJobs = append(rep.DamagedJobs, idOrZero(k))
			rep.note(fmt.Sprintf("job record %d cannot be read", idOrZero(k)))
			return
		}
		rep.Jobs++
	})
}

func (rep *Report) countVideos(tx txn) {
	each(tx, bucketVideos, func(k, v []byte) {
		var vid Video
		if json.Unmarshal(v, &vid) != nil {
			rep.note(fmt.Sprintf("library cache record %q cannot be read", k))
			return
		}
		rep.Videos++
	})
}

// each calls fn for every key of bucket name, if the bucket exists.
func each(tx txn, name []byte, fn func(k, v []byte)) {
	if b := tx.Bucket(name); b != nil {
		b.ForEach(func(k, v []byte) error { fn(k, v); return nil })
	}
}

func idOrZero(k []byte) uint64 {
	if len(k) != jobKeyLen {
		return 0
	}
	return idOfKey(k)
}
