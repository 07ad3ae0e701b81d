package store

import (
	"bytes"
	"fmt"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
)

// Watch folders (package watch) keep their settings and one record per file they have seen.
// The store holds them as opaque values under the watch's name; package watch gives them meaning.

// WatchValue is one stored watch: its name and settings.
type WatchValue struct {
	Name  string
	Value []byte
}

// WatchFile is one file record of a watch: its key (the path inside the watched folder, as
// bytes: a name need not be valid UTF-8) and its value. Delete removes the record.
type WatchFile struct {
	Key, Value []byte
	Delete     bool
}

// PutWatch stores a watch's settings; with create it refuses a name already taken.
func (db *DB) PutWatch(name string, value []byte, create bool) error {
	if name == "" {
		return fmt.Errorf("%w: a watch needs a name", ErrInvalid)
	}
	return db.update(func(tx txn) error {
		b := tx.Bucket(bucketWatches)
		if create && b.Get([]byte(name)) != nil {
			return fmt.Errorf("%w: a watch named %q exists", ErrInvalid, name)
		}
		return b.Put([]byte(name), value)
	})
}

// Watch reads one watch's settings; ErrNotFound when there is none by that name.
func (db *DB) Watch(name string) ([]byte, error) {
	var out []byte
	err := db.view(func(tx txn) error {
		v := tx.Bucket(bucketWatches).Get([]byte(name))
		if v == nil {
			return fmt.Errorf("watch %q: %w", name, ErrNotFound)
		}
		out = bytes.Clone(v)
		return nil
	})
	return out, err
}

// Watches lists every watch, by name.
func (db *DB) Watches() ([]WatchValue, error) {
	var out []WatchValue
	err := db.view(func(tx txn) error {
		return tx.Bucket(bucketWatches).ForEach(func(k, v []byte) error {
			out = append(out, WatchValue{Name: string(k), Value: bytes.Clone(v)})
			return nil
		})
	})
	return out, err
}

// DeleteWatch removes a watch and every file record it kept.
func (db *DB) DeleteWatch(name string) error {
	return db.update(func(tx txn) error {
		if tx.Bucket(bucketWatches).Get([]byte(name)) == nil {
			return fmt.Errorf("watch %q: %w", name, ErrNotFound)
		}
		files := tx.Bucket(bucketWatchFiles)
		if files.Bucket([]byte(name)) != nil {
			if err := files.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketWatches).Delete([]byte(name))
	})
}

// PutWatchFiles writes (or deletes) file records of a watch in one transaction.
func (db *DB) PutWatchFiles(name string, recs []WatchFile) error {
	if len(recs) == 0 {
		return nil
	}
	return db.update(func(tx txn) error {
		if tx.Bucket(bucketWatches).Get([]byte(name)) == nil {
			return fmt.Errorf("watch %q: %w", name, ErrNotFound)
		}
		b, err := tx.Bucket(bucketWatchFiles).CreateBucketIfNotExists([]byte(name))
		if err != nil {
			return err
		}
		for _, r := range recs {
			if r.Delete {
				err = b.Delete(r.Key)
			} else {
				err = b.Put(r.Key, r.Value)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// EachWatchFile calls fn with every file record of a watch, in key order. The slices are only
// valid during the call.
func (db *DB) EachWatchFile(name string, fn func(key, value []byte) error) error {
	return db.view(func(tx txn) error {
		b := tx.Bucket(bucketWatchFiles).Bucket([]byte(name))
		if b == nil {
			return nil
		}
		return b.ForEach(fn)
	})
}

// UploadJobsSince lists the upload jobs created at or after since (unix ms), oldest first: a
// watch finds the job it queued just before a crash kept it from noting the job's id.
func (db *DB) UploadJobsSince(since int64) ([]contract.Job, error) {
	var out []contract.Job
	err := db.view(func(tx txn) error {
		b := tx.Bucket(bucketJobs)
		c := b.Cursor()
		for k, _ := c.Seek(jobKey(since, 0)); k != nil; k, _ = c.Next() {
			j, err := decodeJob(b, k)
			if err == nil && j.Kind == jobkind.UploadFile {
				out = append(out, j)
			}
		}
		return nil
	})
	return out, err
}
