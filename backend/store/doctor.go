package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	bolt "go.etcd.io/bbolt"
)

// maxProblems bounds a report: a badly damaged file yields thousands of page errors.
const maxProblems = 20

// Check examines the database in dir without changing it: bbolt's page-level consistency
// check, then every job and video record is decoded. It needs the file lock like Open.
func Check(dir string, timeout time.Duration) (contract.DBReport, error) {
	path := filepath.Join(dir, contract.DatabaseFile)
	rep := contract.DBReport{Path: path}
	db := &DB{path: path, now: time.Now}
	// Read-write, so bbolt loads the free list now, under guard, and not in its checker's
	// goroutine, where a fault cannot be caught. Nothing is written.
	b, err := openBolt(db, path, &bolt.Options{Timeout: timeout})
	var damaged *DamagedError
	if errors.As(err, &damaged) {
		rep.Problems = append(rep.Problems, damaged.Detail)
		return rep, nil
	}
	if err != nil {
		return rep, err
	}
	db.bolt = b
	stuck := false // bbolt's check is still running: its file must stay mapped
	if err := db.view(func(tx txn) error { return examine(&rep, &stuck, db, tx) }); err != nil {
		note(&rep, err.Error())
	}
	if !stuck {
		b.Close() // else bbolt's check still reads the mapped file: leave it mapped
	}
	return rep, nil
}

// checkTime bounds bbolt's page check, which loops forever on some damaged files (a page that
// points back at its parent): generous for a sound file of the size, then the file is damaged.
func checkTime(tx txn) time.Duration {
	return 10*time.Second + time.Duration(tx.Size()>>20)*100*time.Millisecond
}

// note records a problem; bbolt quotes raw page bytes in some, which must not reach a terminal.
func note(rep *contract.DBReport, problem string) {
	if len(rep.Problems) < maxProblems {
		rep.Problems = append(rep.Problems, strings.Map(printableOr, strings.ToValidUTF8(problem, "?")))
	}
}

func printableOr(r rune) rune {
	if unicode.IsPrint(r) {
		return r
	}
	return '?'
}

// examine runs inside one read transaction. bbolt's own check runs on a goroutine of its own,
// where a page pointing outside the file is a fatal fault rather than a panic; so every page it
// would read is read here first, under guard, and a file that fails that is not given to it.
func examine(rep *contract.DBReport, stuck *bool, db *DB, tx txn) error {
	if err := db.guard(func() error { return touchAll(tx) }); err != nil {
		note(rep, detail(err))
		if err := db.guard(func() error { countJobs(rep, tx); countVideos(rep, tx); return nil }); err != nil {
			note(rep, detail(err))
		}
		return nil
	}
	*stuck = pageCheck(rep, tx)
	countJobs(rep, tx)
	countVideos(rep, tx)
	return nil
}

// pageCheck runs bbolt's consistency check, bounded in time.
func pageCheck(rep *contract.DBReport, tx txn) (stuck bool) {
	errs, limit := tx.Check(), time.After(checkTime(tx))
	for done := false; !done; {
		select {
		case err, ok := <-errs:
			if done = !ok; ok {
				note(rep, err.Error())
			}
		case <-limit:
			stuck, done = true, true
			note(rep, i18n.T("doctor.problem.loop"))
		}
	}
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			note(rep, i18n.T("doctor.problem.noBucket", i18n.Args{"Bucket": string(name)}))
		}
	}
	return stuck
}

var errLoop = errors.New("the file's pages loop")

// touchAll reads every key and value of every bucket in order, checking the keys ascend.
func touchAll(tx txn) error {
	limit := tx.Size()/16 + 1 // no file holds more records than this
	return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		var prev []byte
		n := int64(0)
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if n++; n > limit {
				return errLoop
			}
			if prev != nil && bytes.Compare(prev, k) >= 0 {
				return fmt.Errorf("bucket %q: keys out of order", name)
			}
			prev = bytes.Clone(k)
			crc32.ChecksumIEEE(v) // reads every byte: a value beyond the file faults here
		}
		return nil
	})
}

// detail is a guarded failure's description without the advice around it.
func detail(err error) string {
	var d *DamagedError
	if errors.As(err, &d) {
		return d.Detail
	}
	return err.Error()
}

func countJobs(rep *contract.DBReport, tx txn) {
	each(tx, bucketJobs, func(k, v []byte) {
		var j contract.Job
		if len(k) != jobKeyLen || json.Unmarshal(v, &j) != nil {
			rep.DamagedJobs = append(rep.DamagedJobs, idOrZero(k))
			note(rep, i18n.T("doctor.problem.job", i18n.Args{"Job": strconv.FormatUint(idOrZero(k), 10)}))
			return
		}
		rep.Jobs++
	})
}

func countVideos(rep *contract.DBReport, tx txn) {
	each(tx, bucketVideos, func(k, v []byte) {
		var vid contract.CachedVideo
		if json.Unmarshal(v, &vid) != nil {
			note(rep, i18n.T("doctor.problem.video", i18n.Args{"Key": strconv.Quote(string(k))}))
			return
		}
		rep.Videos++
	})
	for _, problem := range wrongVideoCounts(tx) {
		note(rep, problem)
	}
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
