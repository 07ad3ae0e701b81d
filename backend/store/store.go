package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"memories-desktop/backend/contract"
	"os"
	"path/filepath"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
)

// DefaultOpenTimeout bounds how long Open waits for another process's lock.
const DefaultOpenTimeout = 3 * time.Second

// ErrTooNew means the file was written by a newer version of the app.
var ErrTooNew = errors.New("the database was written by a newer version of Memories Desktop")

// ErrNotFound means the job, video or hash asked for is not in the database.
var ErrNotFound = errors.New("not found")

// ErrInvalid means a value cannot be stored or a query cannot be answered as given; the wrapped
// message says which field is wrong.
var ErrInvalid = errors.New("invalid value")

// DB is the opened database.
type DB struct {
	bolt *bolt.DB
	path string
	now  func() time.Time // the clock behind Created/Updated stamps; tests replace it
}

type txn = *bolt.Tx

// Open opens (creating if needed) the database in dir, waiting at most timeout for the file
// lock, and migrates it to the current schema.
func Open(dir string, timeout time.Duration) (*DB, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, contract.DatabaseFile)
	db := &DB{path: path, now: time.Now}
	b, err := openBolt(db, path, &bolt.Options{Timeout: timeout})
	if err != nil {
		return nil, err
	}
	db.bolt = b
	if err := db.update(db.migrate); err != nil {
		b.Close()
		return nil, err
	}
	return db, nil
}

// openBolt opens the file, telling a lock held elsewhere and a damaged file from other errors.
func openBolt(db *DB, path string, o *bolt.Options) (b *bolt.DB, err error) {
	var file *os.File
	o.OpenFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag, perm)
		file = f
		return f, err
	}
	err = db.guard(func() (err error) {
		b, err = bolt.Open(path, 0o600, o)
		return err
	})
	var damaged *DamagedError
	switch {
	case errors.As(err, &damaged):
		if file != nil { // bbolt panicked while opening: release its lock, or no one can repair
			unlock(file)
			file.Close()
		}
		return nil, err
	case err == nil:
		return b, nil
	case errors.Is(err, bolt.ErrTimeout):
		return nil, fmt.Errorf("%w (%s)", contract.ErrLocked, path)
	case errors.Is(err, fs.ErrPermission), errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOSPC):
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return nil, db.damaged(err.Error()) // invalid or mismatched meta pages, a cut-off file…
}

// Path is the database file's location.
func (db *DB) Path() string { return db.path }

// nowMillis is the current time in unix milliseconds, the unit of every stored timestamp.
func (db *DB) nowMillis() int64 { return db.now().UnixMilli() }

// Close releases the file lock.
func (db *DB) Close() error { return db.bolt.Close() }

// SchemaVersion reports the version stored in the file.
func (db *DB) SchemaVersion() (uint64, error) {
	var v uint64
	err := db.view(func(tx txn) error {
		v = readVersion(tx)
		return nil
	})
	return v, err
}

func (db *DB) migrate(tx txn) error {
	countsSound := videoCountsSound(tx) // before ensureBuckets, which would add an empty bucket
	if err := ensureBuckets(tx); err != nil {
		return err
	}
	v := readVersion(tx)
	if v > schemaVersion {
		return fmt.Errorf("%w (file version %d, this build %d)", ErrTooNew, v, schemaVersion)
	}
	if v == schemaVersion && !countsSound { // older files are counted by their migration
		if err := rebuildVideoCounts(tx); err != nil {
			return fmt.Errorf("count the library's videos: %w", err)
		}
	}
	for ; v < schemaVersion; v++ {
		if err := migrations[v](tx); err != nil {
			return fmt.Errorf("migrate schema %d → %d: %w", v, v+1, err)
		}
	}
	if err := healStateIndex(tx); err != nil {
		return fmt.Errorf("index the unfinished jobs: %w", err)
	}
	return writeVersion(tx, schemaVersion)
}

func ensureBuckets(tx txn) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

func readVersion(tx txn) uint64 {
	raw := tx.Bucket(bucketMeta).Get(keySchemaVersion)
	if len(raw) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(raw)
}

func writeVersion(tx txn, v uint64) error {
	return tx.Bucket(bucketMeta).Put(keySchemaVersion, binary.BigEndian.AppendUint64(nil, v))
}
