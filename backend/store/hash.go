package store

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
)

// PutHash remembers that the file with this content fingerprint (hex XXH3-128, see
// transfer.sendFile) was uploaded as videoNo in scope at the given time (unix ms), so the same
// bytes are never uploaded twice without a warning.
func (db *DB) PutHash(fingerprint, scope, videoNo string, at int64) error {
	k, err := hashKey(fingerprint, scope)
	if err != nil {
		return err
	}
	v := append(binary.BigEndian.AppendUint64(nil, uint64(at)), videoNo...)
	return db.update(func(tx txn) error { return apply(tx, put(bucketHashes, k, v)) })
}

// LookupHash reports whether these bytes were already uploaded to scope, as which video and when.
func (db *DB) LookupHash(fingerprint, scope string) (videoNo string, at int64, ok bool, err error) {
	k, err := hashKey(fingerprint, scope)
	if err != nil {
		return "", 0, false, err
	}
	err = db.view(func(tx txn) error {
		v := tx.Bucket(bucketHashes).Get(k)
		if len(v) < 8 {
			return nil
		}
		at, videoNo, ok = int64(binary.BigEndian.Uint64(v)), string(v[8:]), true
		return nil
	})
	return videoNo, at, ok, err
}

// FingerprintSize is the length in bytes of the content fingerprints the duplicate index keys on.
const FingerprintSize = 16

// hashKey is the raw digest followed by the scope, so the hex case does not matter.
func hashKey(fingerprint, scope string) ([]byte, error) {
	sum, err := hex.DecodeString(fingerprint)
	if err != nil || len(sum) != FingerprintSize {
		return nil, fmt.Errorf("%w: %q is not a %d-byte hex fingerprint", ErrInvalid, fingerprint, FingerprintSize)
	}
	return append(sum, scope...), nil
}
