package watch

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/store"
)

// ErrNotFound means no watch has the name asked for.
var ErrNotFound = errors.New("no such watch")

// Add saves a new watch after Normalize and Validate; a name already taken is refused.
func Add(db *store.DB, c contract.WatchConfig) (contract.WatchConfig, error) {
	Normalize(&c)
	if err := Validate(c); err != nil {
		return c, err
	}
	if c.Created == 0 {
		c.Created = time.Now().UnixMilli()
	}
	return c, save(db, c, true)
}

// Update saves changed settings of an existing watch.
func Update(db *store.DB, c contract.WatchConfig) (contract.WatchConfig, error) {
	Normalize(&c)
	if err := Validate(c); err != nil {
		return c, err
	}
	if _, err := Get(db, c.Name); err != nil {
		return c, err
	}
	return c, save(db, c, false)
}

func save(db *store.DB, c contract.WatchConfig, create bool) error {
	b, err := json.Marshal(c)
	if err == nil {
		err = db.PutWatch(c.Name, b, create)
	}
	return err
}

// Get reads one watch.
func Get(db *store.DB, name string) (contract.WatchConfig, error) {
	b, err := db.Watch(name)
	if errors.Is(err, store.ErrNotFound) {
		return contract.WatchConfig{}, fmt.Errorf("%w named %q", ErrNotFound, name)
	}
	if err != nil {
		return contract.WatchConfig{}, err
	}
	return decodeConfig(b)
}

// Remove deletes a watch and what it remembered; the files and their uploads stay.
func Remove(db *store.DB, name string) error {
	err := db.DeleteWatch(name)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%w named %q", ErrNotFound, name)
	}
	return err
}

// SetPaused pauses or resumes a watch (a running one notices at its next look).
func SetPaused(db *store.DB, name string, paused bool) (contract.WatchConfig, error) {
	c, err := Get(db, name)
	if err != nil {
		return c, err
	}
	c.Paused = paused
	return c, save(db, c, false)
}

// List reads every watch with its counts.
func List(db *store.DB) ([]contract.WatchSummary, error) {
	vals, err := db.Watches()
	if err != nil {
		return nil, err
	}
	out := make([]contract.WatchSummary, 0, len(vals))
	for _, v := range vals {
		c, err := decodeConfig(v.Value)
		if err != nil {
			continue // a record this build cannot read is left alone
		}
		s := contract.WatchSummary{WatchConfig: c, Stats: contract.WatchStats{Refused: []contract.WatchIssue{}}}
		err = db.EachWatchFile(v.Name, func(k, b []byte) error {
			if r, err := decodeRecord(b); err == nil {
				addRecord(&s.Stats, string(k), r)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// FindByFolder returns the watch of folder (absolute), if any.
func FindByFolder(db *store.DB, folder string) (contract.WatchConfig, bool, error) {
	all, err := db.Watches()
	if err != nil {
		return contract.WatchConfig{}, false, err
	}
	for _, v := range all {
		if c, err := decodeConfig(v.Value); err == nil && c.Folder == folder {
			return c, true, nil
		}
	}
	return contract.WatchConfig{}, false, nil
}

// loadRecords reads a watch's file records.
func loadRecords(db *store.DB, name string) (map[string]*Record, error) {
	recs := map[string]*Record{}
	err := db.EachWatchFile(name, func(k, b []byte) error {
		if r, err := decodeRecord(b); err == nil {
			recs[string(k)] = &r
		}
		return nil
	})
	return recs, err
}
