package store

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
)

// PutHash remembers that the file with this SHA-256 was uploaded as videoNo in scope at the given
// time (unix ms), so the same bytes are never uploaded twice without a warning.
func (db *DB) PutHash(sha256hex, scope, videoNo string, at int64) error {
	k, err := hashKey(sha256hex, scope)
	if err != nil {
		return err
	}
	v := append(binary.BigEndian.AppendUint64(nil, uint64(at)), videoNo...)
	return db.bolt.Update(func(tx txn) error { return apply(tx, put(bucketHashes, k, v)) })
}

// LookupHash reports whether these bytes were already uploaded to scope, as which video and when.
func (db *DB) LookupHash(sha256hex, scope string) (videoNo string, at int64, ok bool, err error) {
	k, err := hashKey(sha256hex, scope)
	if err != nil {
		return "", 0, false, err
	}
	err = db.bolt.View(func(tx txn) error {
		v := tx.Bucket(bucketHashes).Get(k)
		if len(v) < 8 {
			return nil
		}
		at, videoNo, ok = int64(binary.BigEndian.Uint64(v)), string(v[8:]), true
		return nil
	})
	return videoNo, at, ok, err
}

// hashKey is the raw 32-byte digest followed by the scope, so the hex case does not matter.
func hashKey(sha256hex, scope string) ([]byte, error) {
	sum, err := hex.DecodeString(sha256hex)
	if err != nil || len(sum) != 32 {
		return nil, fmt.Errorf("%w: %q is not a SHA-256 hex digest", ErrInvalid, sha256hex)
	}
	return append(sum, scope...), nil
}
