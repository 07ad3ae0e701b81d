package store

import (
	"bytes"
	"fmt"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"

	bolt "go.etcd.io/bbolt"
)

// JobQuery selects a page of job history, newest first. Empty fields do not filter.
type JobQuery struct {
	Kinds  []jobkind.JobKind
	States []jobstate.JobState
	Scope  string
	Tag    string
	Text   string // case-insensitive substring of name, id, marker, video nos, task id or path
	Before string // opaque cursor: the previous page's NextCursor; "" for the newest page
	Limit  int    // default 50, at most 1000
}

// JobPage is one page of jobs and the cursor of the next page ("" when there is none).
// Damaged lists the ids of matching jobs whose records could not be read: they are left out
// rather than failing the whole page (`memories doctor` repairs the file).
type JobPage struct {
	Jobs       []contract.Job `json:"jobs"`
	NextCursor string         `json:"nextCursor"`
	Damaged    []uint64       `json:"damaged,omitempty"`
}

// Jobs returns the newest jobs matching q that come after q.Before. It scans the compact
// summaries and decodes only the jobs of the page, so it stays fast with a long history.
func (db *DB) Jobs(q JobQuery) (JobPage, error) {
	page := JobPage{Jobs: []contract.Job{}}
	f, err := newJobFilter(q)
	if err != nil {
		return page, err
	}
	before, err := jobCursor(q.Before)
	if err != nil {
		return page, err
	}
	limit := pageLimit(q.Limit)
	err = db.view(func(tx txn) error {
		keys := f.newest(tx.Bucket(bucketJobSummary).Cursor(), before, limit+1)
		if len(keys) > limit {
			keys = keys[:limit]
			page.NextCursor = encodeCursor(keys[limit-1])
		}
		page.Jobs, page.Damaged = loadJobs(tx, keys)
		return nil
	})
	return page, err
}

// jobCursor decodes a Jobs cursor: a job key, or nil for the newest page.
func jobCursor(s string) ([]byte, error) {
	if s == "" {
		return nil, nil
	}
	raw, err := decodeCursor(s)
	if err == nil && len(raw) != jobKeyLen {
		err = fmt.Errorf("%w: malformed cursor", ErrInvalid)
	}
	return raw, err
}

// jobFilter is a JobQuery compiled for matching summaries without allocating.
type jobFilter struct {
	kinds, states uint64 // bit i set: code i matches; 0 means any
	scope         []byte // nil means any
	tag, text     []byte
}

func newJobFilter(q JobQuery) (jobFilter, error) {
	f := jobFilter{tag: tagNeedle(q.Tag), text: textNeedle(q.Text)}
	if q.Scope != "" {
		f.scope = []byte(q.Scope)
	}
	var err error
	if f.kinds, err = codeMask(jobKindCodes, q.Kinds, "job kind"); err != nil {
		return f, err
	}
	f.states, err = codeMask(jobStateCodes, q.States, "job state")
	return f, err
}

// codeMask turns a list of kinds or states into a bit set of their summary codes.
func codeMask[T ~string](table, vs []T, what string) (uint64, error) {
	var m uint64
	for _, v := range vs {
		c := code(table, v)
		if c == 0 {
			return 0, fmt.Errorf("%w: unknown %s %q", ErrInvalid, what, v)
		}
		m |= 1 << c
	}
	return m, nil
}

// match reports whether a summary row passes every filter.
func (f *jobFilter) match(v []byte) bool {
	s, ok := decodeJobSummary(v)
	switch {
	case !ok, !inMask(f.kinds, s.kind), !inMask(f.states, s.state):
		return false
	case f.scope != nil && !bytes.Equal(f.scope, s.scope):
		return false
	}
	return hasTag(s.tags, f.tag) && (f.text == nil || bytes.Contains(s.text, f.text))
}

func inMask(mask uint64, c byte) bool { return mask == 0 || mask&(1<<c) != 0 }

// newest walks summaries backwards from just before the cursor, collecting up to n matching
// keys (copied, since they outlive the cursor position).
func (f *jobFilter) newest(c *bolt.Cursor, before []byte, n int) [][]byte {
	var keys [][]byte
	for k, v := seekBefore(c, before); k != nil && len(keys) < n; k, v = c.Prev() {
		if f.match(v) {
			keys = append(keys, bytes.Clone(k))
		}
	}
	return keys
}

// seekBefore positions c on the last key strictly below before (the last key when before is nil).
func seekBefore(c *bolt.Cursor, before []byte) ([]byte, []byte) {
	if before == nil {
		return c.Last()
	}
	if k, _ := c.Seek(before); k == nil {
		return c.Last()
	}
	return c.Prev()
}
