package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"slices"
)

// CreateJob stores a new job, assigning its ID and, when zero, its Created/Updated stamps, and
// records the first state change. The engine calls it before the job's first request so a crash
// can never lose work the user asked for. j is only changed when the write succeeds.
func (db *DB) CreateJob(j *contract.Job) error {
	c := *j
	c.History = slices.Clone(j.History)
	err := db.update(func(tx txn) error { return createJob(tx, &c, db.nowMillis()) })
	if err == nil {
		*j = c
	}
	return err
}

// CreateJobs stores a batch of new jobs in one transaction, as CreateJob does each: all of them
// or, when any is refused or the write fails, none. A command records everything it was asked to
// do this way before it starts, so a kill can never leave part of the batch unrecorded.
func (db *DB) CreateJobs(jobs []*contract.Job) error {
	out := make([]contract.Job, len(jobs))
	err := db.update(func(tx txn) error {
		now := db.nowMillis()
		for i, j := range jobs {
			out[i] = *j
			out[i].History = slices.Clone(j.History)
			if err := createJob(tx, &out[i], now); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		for i, j := range jobs {
			*j = out[i]
		}
	}
	return err
}

// createJob is CreateJob inside a caller's transaction (tests batch many per transaction).
func createJob(tx txn, j *contract.Job, now int64) error {
	if j.State == "" {
		j.State = jobstate.Queued
	}
	if err := validateJob(j); err != nil {
		return err
	}
	if j.Created < 0 {
		return fmt.Errorf("%w: negative created time", ErrInvalid)
	}
	id, err := tx.Bucket(bucketJobs).NextSequence()
	if err != nil {
		return err
	}
	j.ID = id
	if j.Created == 0 {
		j.Created = now
	}
	if j.Updated == 0 {
		j.Updated = j.Created
	}
	appendHistory(j, contract.StateChange{State: j.State, At: j.Created})
	return putJob(tx, j)
}

// UpdateJob applies fn to the stored job in one read-modify-write transaction, bumps Updated,
// records a state change when fn changed the state, and keeps every index in step. An error
// from fn aborts the write and is returned as is. fn runs inside the write transaction, so it
// must be quick and must not call other DB methods.
func (db *DB) UpdateJob(id uint64, fn func(*contract.Job) error) (contract.Job, error) {
	return db.updateJob(id, "", checkTransition, fn)
}

// SetState moves a job to state s whatever its state, recording the change with note in its
// history: a raw override for recovery tools and tests (a crash simulated after a job is done).
// The engine changes states only with Transition.
func (db *DB) SetState(id uint64, s jobstate.JobState, note string) (contract.Job, error) {
	return db.updateJob(id, note, nil, func(j *contract.Job) error {
		j.State = s
		return nil
	})
}

// updateJob is the one write path behind UpdateJob, Transition and SetState; rule, when not
// nil, vets the state change.
func (db *DB) updateJob(id uint64, note string, rule func(before, after *contract.Job) error, fn func(*contract.Job) error) (contract.Job, error) {
	var out contract.Job
	err := db.update(func(tx txn) error {
		j, err := loadJob(tx, id)
		if err != nil {
			return err
		}
		before := j
		if err := fn(&j); err != nil {
			return err
		}
		if err := checkUpdate(&before, &j); err != nil {
			return err
		}
		if rule != nil {
			if err := rule(&before, &j); err != nil {
				return err
			}
		}
		j.Updated = db.nowMillis()
		if j.State != before.State || note != "" {
			appendHistory(&j, contract.StateChange{State: j.State, At: j.Updated, Note: note})
		}
		out = j
		return putJob(tx, &j)
	})
	return out, err
}

// checkUpdate refuses edits to the fields the storage key is made of, and unknown values.
func checkUpdate(before, after *contract.Job) error {
	if after.ID != before.ID || after.Created != before.Created {
		return fmt.Errorf("%w: a job's id and created time cannot change", ErrInvalid)
	}
	return validateJob(after)
}

// putJob writes the job and all of its index entries.
func putJob(tx txn, j *contract.Job) error {
	raw, err := json.Marshal(j)
	if err != nil {
		return err
	}
	k := jobKey(j.Created, j.ID)
	active := del(bucketJobActive, k)
	if j.State.Active() {
		active = put(bucketJobActive, k, []byte{})
	}
	summary := encodeJobSummary(j)
	if err := indexState(tx, k, summary); err != nil {
		return err
	}
	return apply(tx,
		put(bucketJobs, k, raw),
		put(bucketJobSummary, k, summary),
		put(bucketJobIDs, idKey(j.ID), k),
		active)
}

// DeleteJob removes a job and its index entries; the engine must have stopped it first.
func (db *DB) DeleteJob(id uint64) error {
	return db.update(func(tx txn) error {
		k, err := jobKeyOf(tx, id)
		if err != nil {
			return err
		}
		return deleteJob(tx, k)
	})
}

// deleteJob removes the job stored under k from every bucket.
func deleteJob(tx txn, k []byte) error {
	if err := indexState(tx, k, nil); err != nil {
		return err
	}
	return apply(tx,
		del(bucketJobs, k),
		del(bucketJobSummary, k),
		del(bucketJobIDs, k[8:]),
		del(bucketJobActive, k))
}

// idOfKey is the id half of a job key.
func idOfKey(k []byte) uint64 { return binary.BigEndian.Uint64(k[8:]) }
