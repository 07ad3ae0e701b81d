package store

import (
	"fmt"
	"memories-desktop/backend/contract"
	"runtime/debug"
)

// DamagedError names the damaged file and what to do about it.
type DamagedError struct {
	Path   string
	Detail string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("the database %s is damaged (%s); run `memories doctor --repair` to move it aside "+
		"(it is kept) and start a fresh one with everything that can still be read", e.Path, e.Detail)
}

func (e *DamagedError) Unwrap() error { return contract.ErrDamaged }

func (db *DB) damaged(detail string) error { return &DamagedError{Path: db.path, Detail: detail} }

// view and update run a bbolt transaction, turning the panics bbolt raises on a corrupt page
// into a DamagedError; bbolt's own deferred rollback has released the transaction by then.
func (db *DB) view(fn func(txn) error) error {
	return db.guard(func() error { return db.bolt.View(fn) })
}

func (db *DB) update(fn func(txn) error) error {
	return db.guard(func() error { return db.bolt.Update(fn) })
}

// guard also turns a memory fault into a panic: a damaged page can point bbolt past the end
// of the mapped file, which would otherwise kill the process outright.
func (db *DB) guard(f func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			err = db.damaged(fmt.Sprint(p))
		}
	}()
	return f()
}
