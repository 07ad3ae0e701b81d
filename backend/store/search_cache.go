package store

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"

	bolt "go.etcd.io/bbolt"
)

// Searches (and a video's transcript, captions and summary) are billed, so their answers are
// kept: the same question (its kind, scope, endpoint and every filter, hashed by the caller's
// canonical text) is answered from here until the user asks again. The cache holds at most MaxCachedSearches answers of at most MaxCachedAnswer bytes;
// the oldest answer goes first.

// Cache limits.
const (
	MaxCachedSearches = 200
	MaxCachedAnswer   = 4 << 20
)

// CachedAnswer is a stored answer and when the service gave it (unix ms).
type CachedAnswer struct {
	Data []byte
	At   int64
}

// searchKey hashes a question's canonical text.
func searchKey(question string) []byte {
	sum := sha256.Sum256([]byte(question))
	return sum[:]
}

// CachedSearch returns the answer stored for question; ok is false when there is none.
func (db *DB) CachedSearch(question string) (ans CachedAnswer, ok bool, err error) {
	err = db.view(func(tx txn) error {
		raw := tx.Bucket(bucketSearchCache).Get(searchKey(question))
		if len(raw) < 8 {
			return nil
		}
		ans, ok = CachedAnswer{At: int64(binary.BigEndian.Uint64(raw)), Data: append([]byte{}, raw[8:]...)}, true
		return nil
	})
	return ans, ok, err
}

// CacheSearch stores the answer to question, given at unix ms at; answers over MaxCachedAnswer
// are not kept. The oldest answers are dropped to keep MaxCachedSearches.
func (db *DB) CacheSearch(question string, at int64, data []byte) error {
	if len(data) > MaxCachedAnswer {
		return nil
	}
	value := binary.BigEndian.AppendUint64(make([]byte, 0, 8+len(data)), uint64(at))
	value = append(value, data...)
	return db.update(func(tx txn) error {
		b := tx.Bucket(bucketSearchCache)
		if err := b.Put(searchKey(question), value); err != nil {
			return err
		}
		n := 0
		_ = b.ForEach(func(_, _ []byte) error { n++; return nil })
		for ; n > MaxCachedSearches; n-- {
			if err := dropOldest(b); err != nil {
				return err
			}
		}
		return nil
	})
}

// ForgetSearches empties the cache.
func (db *DB) ForgetSearches() error {
	return db.update(func(tx txn) error {
		if err := tx.DeleteBucket(bucketSearchCache); err != nil {
			return err
		}
		_, err := tx.CreateBucket(bucketSearchCache)
		return err
	})
}

// dropOldest deletes the entry answered first.
func dropOldest(b *bolt.Bucket) error {
	var oldest []byte
	var at uint64
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		t := uint64(0) // a damaged entry goes first
		if len(v) >= 8 {
			t = binary.BigEndian.Uint64(v[:8])
		}
		if oldest == nil || t < at {
			oldest, at = append([]byte{}, k...), t
		}
	}
	if oldest == nil {
		return errors.New("store: search cache is over its limit but empty")
	}
	return b.Delete(oldest)
}
