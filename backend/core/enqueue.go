package core

import (
	"encoding/json"

	"memories-desktop/backend/transfer"
)

// Jobs are drafted one item at a time (Plan*), then recorded together (Record): a command or a
// batch is in the queue whole or not at all, whenever the process is killed.

// Record stores the drafts in one transaction and queues them.
func (c *Service) Record(drafts []Draft) ([]JobView, error) {
	jobs, err := c.engine().Record(drafts...)
	if err != nil {
		return nil, err
	}
	views := make([]JobView, len(jobs))
	for i, j := range jobs {
		views[i] = c.engine().View(j, nil)
	}
	return views, nil
}

// recordOne records a single draft.
func (c *Service) recordOne(d Draft, err error) (JobView, error) {
	if err != nil {
		return JobView{}, err
	}
	views, err := c.Record([]Draft{d})
	if err != nil {
		return JobView{}, err
	}
	return views[0], nil
}

// PlanFile drafts the upload of a file Check accepted (v), with m filled from the file's own
// capture details when m.FileMeta is set. m is validated first.
func (c *Service) PlanFile(v Verdict, m Meta) (Draft, error) {
	meta := withFileMeta(m, v).toAPI(c.current().Scope)
	if err := transfer.ValidateMeta(meta); err != nil {
		return Draft{}, err
	}
	return c.engine().PlanUpload(v.Path, meta)
}

// PlanImportTask drafts one import task of a planned link list.
func (c *Service) PlanImportTask(t ImportTask, quality, callback string) (Draft, error) {
	return c.engine().PlanImport(transfer.ImportSpec{Platform: string(t.Platform), Links: t.Links,
		Scope: c.current().Scope, Quality: quality, Callback: callback})
}

// DownloadRequest is one download as a headless front end asks for it: into the folder Dest
// (named by the server, else ID.mp4) when DestDir, else to the file Dest.
type DownloadRequest struct {
	ID        string // a video number, or an asset id when Asset
	Asset     bool
	Dest      string
	DestDir   bool
	Overwrite bool
	OnExists  string // with DestDir: what to do when the server's name is taken (ChoiceReplace…)
	SHA256    bool   // also compute the file's SHA-256 while saving it
}

// PlanDownload drafts one download from the current scope.
func (c *Service) PlanDownload(r DownloadRequest) (Draft, error) {
	spec := transfer.DownloadSpec{Scope: c.current().Scope, Dest: r.Dest, DestDir: r.DestDir, Overwrite: r.Overwrite,
		OnExists: r.OnExists, SHA256: r.SHA256}
	if r.Asset {
		spec.AssetID = r.ID
	} else {
		spec.VideoNo = r.ID
	}
	return c.engine().PlanDownload(spec)
}

// JobSubject is what a job is about, read from its stored parameters: the file or URL uploaded
// (and the watch folder that queued the file), the links imported, or the id downloaded.
type JobSubject struct {
	File, URL, Platform, ID, Watch string
	Links                          []string
}

// SubjectOf reads j's subject; a record it cannot read yields an empty one.
func SubjectOf(j Job) JobSubject {
	var s JobSubject
	switch j.Kind {
	case transfer.KindUpload:
		var spec transfer.UploadSpec
		decode(j, &spec)
		s.File, s.Watch = spec.Path, spec.Watch
	case transfer.KindURL:
		var spec transfer.URLSpec
		decode(j, &spec)
		s.URL = spec.URL
	case transfer.KindImport:
		var spec transfer.ImportSpec
		decode(j, &spec)
		s.Links, s.Platform = spec.Links, spec.Platform
	case transfer.KindDownload, transfer.KindAsset:
		var spec transfer.DownloadSpec
		decode(j, &spec)
		s.ID = spec.ID()
	}
	return s
}

func decode(j Job, v any) { _ = json.Unmarshal(j.Params, v) }
