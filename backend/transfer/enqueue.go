package transfer

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/preflight"
	"memories-desktop/backend/sources"
	"memories-desktop/backend/validate"
)

// markerPrefix starts the tag that lets a lost upload reply be found on the server. The UI hides
// tags with this prefix.
const markerPrefix = "md-"

// Draft is a job checked and ready to be recorded, not yet in the queue. A command or a batch
// makes one per item first, then records all of them with one Record, so the database holds
// either the whole batch or none of it, whenever the process is killed.
type Draft struct{ job contract.Job }

// Record stores the drafts in one transaction and queues them; nothing is sent before they are
// all recorded.
func (e *Engine) Record(drafts ...Draft) ([]contract.Job, error) {
	ptrs := make([]*contract.Job, len(drafts))
	for i := range drafts {
		j := drafts[i].job
		ptrs[i] = &j
	}
	if err := e.db.CreateJobs(ptrs); err != nil {
		return nil, err
	}
	jobs := make([]contract.Job, len(ptrs))
	for i, j := range ptrs {
		jobs[i] = *j
		e.emitJob(*j, nil)
	}
	e.kick()
	return jobs, nil
}

// recordOne records a single draft made by a Plan method.
func (e *Engine) recordOne(d Draft, err error) (contract.Job, error) {
	if err != nil {
		return contract.Job{}, err
	}
	jobs, err := e.Record(d)
	if err != nil {
		return contract.Job{}, err
	}
	return jobs[0], nil
}

// EnqueueUpload checks the file and its metadata, then records the job. Nothing is sent yet.
func (e *Engine) EnqueueUpload(path string, meta api.UploadMeta) (contract.Job, error) {
	return e.recordOne(e.PlanUpload(path, meta))
}

// EnqueueURL records an upload from a direct video URL.
func (e *Engine) EnqueueURL(rawURL string, meta api.UploadMeta) (contract.Job, error) {
	return e.recordOne(e.PlanURL(rawURL, meta))
}

// EnqueueImport records one import task (one platform, at most 50 links).
func (e *Engine) EnqueueImport(spec ImportSpec) (contract.Job, error) {
	return e.recordOne(e.PlanImport(spec))
}

// EnqueueDownload records a download of a library video (VideoNo) or an asset (AssetID).
func (e *Engine) EnqueueDownload(spec DownloadSpec) (contract.Job, error) {
	return e.recordOne(e.PlanDownload(spec))
}

// PlanUpload checks the file and its metadata and drafts its job. Whether a codec the service
// cannot index may be sent is the caller's choice (the CLI's --force), made when it checked the
// file; here the file must only be a whole video.
func (e *Engine) PlanUpload(path string, meta api.UploadMeta) (Draft, error) {
	v := preflight.Check(path, preflight.Options{AnyCodec: true})
	if !v.OK {
		return Draft{}, &api.ValidationError{Field: "file", Message: v.Path + ": " + v.Reason}
	}
	if err := ValidateMeta(meta); err != nil {
		return Draft{}, err
	}
	meta.Scope = api.ScopeOr(meta.Scope)
	spec := UploadSpec{Path: v.Path, Size: v.Size, Meta: meta}
	if info, err := os.Stat(v.Path); err == nil && info.Size() == v.Size {
		spec.ModTime = info.ModTime().UnixNano()
	}
	return draft(jobkind.UploadFile, v.Name, meta.Scope, meta.Tags, spec)
}

// PlanURL checks an upload from a direct video URL and drafts its job.
func (e *Engine) PlanURL(rawURL string, meta api.UploadMeta) (Draft, error) {
	if err := preflight.CheckVideoURL(rawURL); err != nil {
		return Draft{}, &api.ValidationError{Field: "url", Message: err.Error()}
	}
	if err := ValidateMeta(meta); err != nil {
		return Draft{}, err
	}
	meta.Scope = api.ScopeOr(meta.Scope)
	return draft(jobkind.UploadURL, rawURL, meta.Scope, meta.Tags, URLSpec{URL: rawURL, Meta: meta})
}

// PlanImport checks one import task (one platform, at most 50 links) and drafts its job.
func (e *Engine) PlanImport(spec ImportSpec) (Draft, error) {
	if err := checkScope(spec.Scope); err != nil {
		return Draft{}, err
	}
	if len(spec.Links) == 0 || len(spec.Links) > api.MaxImportLinks {
		return Draft{}, &api.ValidationError{Field: "links",
			Message: i18n.T("api.linksCount", i18n.Args{"Max": api.MaxImportLinks, "Count": len(spec.Links)})}
	}
	return draft(jobkind.Import, ImportName(i18n.English, spec.Platform, len(spec.Links)), api.ScopeOr(spec.Scope), nil, spec)
}

// ImportName words an import job's name ("3 TikTok links") in l's language. The name stored
// with the job is the English one (data, like a file name); views word it again in theirs from
// JobView's Platform and Links.
func ImportName(l *i18n.Localizer, platform string, links int) string {
	return l.T("job.importName", i18n.Args{"Count": links, "Platform": sources.Title(contract.Platform(platform))})
}

// PlanDownload checks a download of a library video (VideoNo) or an asset (AssetID) and drafts
// its job.
func (e *Engine) PlanDownload(spec DownloadSpec) (Draft, error) {
	if err := checkDownload(spec); err != nil {
		return Draft{}, err
	}
	kind := jobkind.Download
	if spec.AssetID != "" {
		kind = jobkind.DownloadAsset
	}
	name := spec.ID()
	if !spec.DestDir {
		name = filepath.Base(spec.Dest)
	}
	spec.Scope = api.ScopeOr(spec.Scope)
	return draft(kind, name, spec.Scope, nil, spec)
}

// ValidateMeta checks upload metadata and leaves room for the marker tag among the service's 20.
func ValidateMeta(meta api.UploadMeta) error {
	if len(meta.Tags) >= api.MaxTags {
		return &api.ValidationError{Field: "tags",
			Message: i18n.T("upload.tagsMax", i18n.Args{"Max": api.MaxTags - 1, "All": api.MaxTags})}
	}
	if err := checkScope(meta.Scope); err != nil {
		return err
	}
	if err := validate.Tags(meta.Tags); err != nil {
		return err
	}
	return meta.Validate()
}

// checkScope applies the shared scope rule; empty means the default scope.
func checkScope(scope string) error {
	if scope == "" {
		return nil
	}
	return validate.Scope(scope)
}

// checkDownload applies the shared id and scope rules and requires a destination. The folder
// itself is checked by the caller, which knows whether it was just chosen in a dialog.
func checkDownload(spec DownloadSpec) error {
	field := validate.FieldVideoNo
	if spec.AssetID != "" {
		field = validate.FieldAssetID
	}
	if err := validate.ID(field, spec.ID()); err != nil {
		return err
	}
	if spec.Dest == "" {
		return &api.ValidationError{Field: "dest", Message: i18n.T("download.noDestination")}
	}
	return checkScope(spec.Scope)
}

func draft(kind jobkind.JobKind, name, scope string, tags []string, spec any) (Draft, error) {
	params, err := json.Marshal(spec)
	if err != nil {
		return Draft{}, err
	}
	j := contract.Job{Kind: kind, State: jobstate.Queued, Scope: scope, Name: name, Tags: tags, Params: params}
	if kind == jobkind.UploadFile || kind == jobkind.UploadURL {
		j.Marker = newMarker()
	}
	return Draft{job: j}, nil
}

func newMarker() string {
	b := make([]byte, 8)
	rand.Read(b)
	return markerPrefix + hex.EncodeToString(b)
}
