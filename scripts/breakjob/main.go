// Command breakjob overwrites the oldest job record of a memories.db that no process holds with
// JSON that no longer decodes, as a damaged disk would, for the e2e test of History's notice about
// records it could not read: go run ./scripts/breakjob PATH/memories.db
package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: breakjob PATH/memories.db")
		os.Exit(2)
	}
	if err := breakOldestJob(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "breakjob:", err)
		os.Exit(1)
	}
}

func breakOldestJob(path string) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("jobs"))
		if b == nil {
			return errors.New("no jobs bucket")
		}
		k, _ := b.Cursor().First()
		if k == nil {
			return errors.New("no job record")
		}
		return b.Put(k, []byte(`{"id":`))
	})
}
