package core

import (
	"encoding/json"

	"memories-desktop/backend/transfer"
)

// One job at a time, for front ends that queue items themselves and then wait for them (the
// CLI); the app's batch methods (EnqueueUploads, EnqueueImport, EnqueueDownloads) check and
// queue a whole batch.

// EnqueueFile queues the upload of a file Check accepted (v), with m filled from the file's own
// capture details when m.FileMeta is set. m is validated first.
func (c *Service) EnqueueFile(v Verdict, m Meta) (JobView, error) {
	meta := withFileMeta(m, v).toAPI(c.current().Scope)
	if err := transfer.ValidateMeta(meta); err != nil {
		return JobView{}, err
	}
	j, err := c.engine().EnqueueUpload(v.Path, meta)
	if err != nil {
		return JobView{}, err
	}
	return c.engine().View(j, nil), nil
}

// EnqueueImportTask queues one import task of a planned link list.
func (c *Service) EnqueueImportTask(t ImportTask, quality, callback string) (JobView, error) {
	j, err := c.engine().EnqueueImport(transfer.ImportSpec{Platform: string(t.Platform), Links: t.Links,
		Scope: c.current().Scope, Quality: quality, Callback: callback})
	if err != nil {
		return JobView{}, err
	}
	return c.engine().View(j, nil), nil
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

// EnqueueDownload queues one download from the current scope.
func (c *Service) EnqueueDownload(r DownloadRequest) (JobView, error) {
	spec := transfer.DownloadSpec{Scope: c.current().Scope, Dest: r.Dest, DestDir: r.DestDir, Overwrite: r.Overwrite,
		OnExists: r.OnExists, SHA256: r.SHA256}
	if r.Asset {
		spec.AssetID = r.ID
	} else {
		spec.VideoNo = r.ID
	}
	j, err := c.engine().EnqueueDownload(spec)
	if err != nil {
		return JobView{}, err
	}
	return c.engine().View(j, nil), nil
}

// JobSubject is what a job is about, read from its stored parameters: the file or URL uploaded,
// the links imported, or the id downloaded.
type JobSubject struct {
	File, URL, Platform, ID string
	Links                   []string
}

// SubjectOf reads j's subject; a record it cannot read yields an empty one.
func SubjectOf(j Job) JobSubject {
	var s JobSubject
	switch j.Kind {
	case transfer.KindUpload:
		var spec transfer.UploadSpec
		decode(j, &spec)
		s.File = spec.Path
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
