package store

// GetMeta returns the small app value stored under key, or nil when it was never set. It is for
// singletons that must outlive a process, such as the transfer pacer's last send times, which
// keep separate CLI runs within the service's rate limits.
func (db *DB) GetMeta(key string) ([]byte, error) {
	var v []byte
	err := db.view(func(tx txn) error {
		if raw := tx.Bucket(bucketMeta).Get(metaKey(key)); raw != nil {
			v = append([]byte{}, raw...)
		}
		return nil
	})
	return v, err
}

// PutMeta stores a small app value under key, replacing any previous one.
func (db *DB) PutMeta(key string, value []byte) error {
	return db.update(func(tx txn) error { return apply(tx, put(bucketMeta, metaKey(key), value)) })
}

func metaKey(key string) []byte { return []byte(metaAppPrefix + key) }
