package store

// op is one put or delete; a write lists its ops so every index changes in the same place.
type op struct {
	bucket, key, value []byte
	del                bool
}

func put(bucket, key, value []byte) op { return op{bucket: bucket, key: key, value: value} }

func del(bucket, key []byte) op { return op{bucket: bucket, key: key, del: true} }

// apply runs ops in order inside tx, stopping at the first error (which rolls the tx back).
func apply(tx txn, ops ...op) error {
	for _, o := range ops {
		b := tx.Bucket(o.bucket)
		var err error
		if o.del {
			err = b.Delete(o.key)
		} else {
			err = b.Put(o.key, o.value)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
