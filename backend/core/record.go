package core

import (
	"encoding/json"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/transfer"
)

// Jobs are drafted one item at a time, then recorded together: a command or a batch is in the
// queue whole or not at all, whenever the process is killed.

// record stores the drafts in one transaction and queues them.
func (c *Service) record(drafts []transfer.Draft) ([]contract.JobView, error) {
	jobs, err := c.engine().Record(drafts...)
	if err != nil {
		return nil, err
	}
	views := make([]contract.JobView, len(jobs))
	for i, j := range jobs {
		views[i] = c.engine().View(j, nil)
	}
	return views, nil
}

// recordOne records a single draft.
func (c *Service) recordOne(d transfer.Draft, err error) (contract.JobView, error) {
	if err != nil {
		return contract.JobView{}, err
	}
	views, err := c.record([]transfer.Draft{d})
	if err != nil {
		return contract.JobView{}, err
	}
	return views[0], nil
}

// SubjectOf reads j's subject; a record it cannot read yields an empty one.
func SubjectOf(j contract.Job) contract.JobSubject {
	var s contract.JobSubject
	switch j.Kind {
	case jobkind.UploadFile:
		var spec transfer.UploadSpec
		decode(j, &spec)
		s.File, s.Watch = spec.Path, spec.Watch
	case jobkind.UploadURL:
		var spec transfer.URLSpec
		decode(j, &spec)
		s.URL = spec.URL
	case jobkind.Import:
		var spec transfer.ImportSpec
		decode(j, &spec)
		s.Links, s.Platform = spec.Links, spec.Platform
	case jobkind.Download, jobkind.DownloadAsset:
		var spec transfer.DownloadSpec
		decode(j, &spec)
		s.ID = spec.ID()
	}
	return s
}

func decode(j contract.Job, v any) { _ = json.Unmarshal(j.Params, v) }
