package core

import (
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
	"memories-desktop/backend/validate"
)

// JobQuery filters the transfers and history views.
type JobQuery struct {
	Kinds  []string `json:"kinds"`
	States []string `json:"states"`
	Text   string   `json:"text"`
	Cursor string   `json:"cursor"`
	Limit  int      `json:"limit"`
}

// JobPage is one page of jobs as the UI shows them.
type JobPage struct {
	Jobs       []transfer.JobView `json:"jobs"`
	NextCursor string             `json:"nextCursor"`
	// Damaged names the matching jobs whose records could not be read: they are left out of
	// Jobs, and the History view says so with the repair (`memories doctor --repair`).
	Damaged []uint64 `json:"damaged"`
}

// Jobs returns jobs newest first.
func (c *Service) Jobs(q JobQuery) (JobPage, error) {
	sq, err := q.toStore()
	if err != nil {
		return JobPage{}, err
	}
	page, err := c.activeDB().Jobs(sq)
	if err != nil {
		return JobPage{}, err
	}
	out := JobPage{Jobs: make([]transfer.JobView, len(page.Jobs)), NextCursor: page.NextCursor,
		Damaged: append([]uint64{}, page.Damaged...)}
	for i, j := range page.Jobs {
		out.Jobs[i] = c.engine().View(j, nil)
	}
	return out, nil
}

// toStore checks the filters with the rules the CLI uses and converts them.
func (q JobQuery) toStore() (store.JobQuery, error) {
	sq := store.JobQuery{Text: q.Text, Before: q.Cursor, Limit: q.Limit}
	for _, k := range q.Kinds {
		if err := validate.JobKind(k); err != nil {
			return sq, err
		}
		sq.Kinds = append(sq.Kinds, store.JobKind(k))
	}
	for _, s := range q.States {
		if err := validate.JobState(s); err != nil {
			return sq, err
		}
		sq.States = append(sq.States, store.JobState(s))
	}
	return sq, nil
}

// Interrupted lists what the previous session left unfinished, for the resume prompt.
func (c *Service) Interrupted() ([]transfer.JobView, error) {
	jobs, err := c.engine().Interrupted()
	views := make([]transfer.JobView, len(jobs))
	for i, j := range jobs {
		views[i] = c.engine().View(j, nil)
	}
	return views, err
}
