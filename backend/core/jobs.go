package core

import (
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
	"memories-desktop/backend/validate"
)

// Jobs returns jobs newest first.
func (c *Service) Jobs(q contract.JobQuery) (contract.JobPage, error) {
	sq, err := storeQuery(q)
	if err != nil {
		return contract.JobPage{}, err
	}
	page, err := c.activeDB().Jobs(sq)
	if err != nil {
		return contract.JobPage{}, err
	}
	out := contract.JobPage{Jobs: make([]contract.JobView, len(page.Jobs)), NextCursor: page.NextCursor,
		Damaged: append([]uint64{}, page.Damaged...)}
	for i, j := range page.Jobs {
		out.Jobs[i] = c.view(j)
		subject := SubjectOf(j)
		out.Jobs[i].Subject = &subject
	}
	return out, nil
}

// view is j as the engine shows it, or from its record alone when no engine runs (the CLI's
// history).
func (c *Service) view(j contract.Job) contract.JobView {
	if e := c.engine(); e != nil {
		return e.View(j, nil)
	}
	return transfer.StoredView(j)
}

// storeQuery checks the filters with the rules the CLI uses and converts them.
func storeQuery(q contract.JobQuery) (store.JobQuery, error) {
	sq := store.JobQuery{Text: q.Text, Before: q.Cursor, Limit: q.Limit}
	for _, k := range q.Kinds {
		if err := validate.JobKind(k); err != nil {
			return sq, err
		}
		sq.Kinds = append(sq.Kinds, jobkind.JobKind(k))
	}
	for _, s := range q.States {
		if err := validate.JobState(s); err != nil {
			return sq, err
		}
		sq.States = append(sq.States, jobstate.JobState(s))
	}
	return sq, nil
}

// Interrupted lists what the previous session left unfinished, for the resume prompt.
func (c *Service) Interrupted() ([]contract.JobView, error) {
	jobs, err := c.engine().Interrupted()
	views := make([]contract.JobView, len(jobs))
	for i, j := range jobs {
		views[i] = c.engine().View(j, nil)
	}
	return views, err
}

// JobErrorMessage is a job record's error message in the process's language (its stored text
// when the record has no catalogue ids); e must not be nil.
func JobErrorMessage(e *contract.JobError) string {
	return transfer.WordJobError(i18n.Default(), e).Message
}

// StoredJobName is JobName of a job record.
func StoredJobName(j contract.Job) string { return JobName(transfer.StoredView(j)) }

// JobName is v's name for people in the process's language: an import's is worded from its
// platform and link count ("3 TikTok links"), every other job's is its file, URL or id.
func JobName(v contract.JobView) string {
	if v.Platform != "" && v.Links > 0 {
		return transfer.ImportName(i18n.Default(), v.Platform, v.Links)
	}
	return v.Name
}
