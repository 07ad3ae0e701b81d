package core

import (
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/choice"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/store"
)

// RetryFailed queues every failed job again, except imports that may have reached the service
// (each needs its own Retry once someone has looked). A download that failed because its name is taken
// gets choice (replace, keep both, skip) as one Retry would; without a choice it is left failed
// and named in Taken, so the caller can ask once for all of them instead of failing them again.
func (c *Service) RetryFailed(pick string) (contract.RetryAll, error) {
	out := contract.RetryAll{Taken: []string{}}
	if err := checkChoice(pick); err != nil {
		return out, err
	}
	page, err := c.activeDB().Jobs(store.JobQuery{States: []jobstate.JobState{jobstate.Failed}, Limit: 1000})
	if err != nil {
		return out, err
	}
	taken := map[string]bool{} // "keep both" names given in this pass, so two never pick the same
	for _, j := range page.Jobs {
		c.retryFailedJob(j, pick, taken, &out)
	}
	return out, nil
}

func (c *Service) retryFailedJob(j contract.Job, pick string, taken map[string]bool, out *contract.RetryAll) {
	switch {
	case j.Error != nil && j.Error.Code == errcode.MaybeSent:
		// An import that may have arrived is sent again only by its own Retry, after a look.
	case j.Error == nil || j.Error.Code != errcode.Exists:
		if c.engine().Retry(j.ID) == nil {
			out.Retried++
		}
	case pick == "":
		out.Taken = append(out.Taken, j.Name)
	case pick != choice.Skip:
		if c.retryDownload(j.ID, pick, taken) == nil {
			out.Retried++
		}
	}
}
