package core

import (
	"cmp"
	"strings"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/preflight"
	"memories-desktop/backend/transfer"
)

// apiMeta converts m, with the current scope when m names none.
func apiMeta(m contract.Meta, defaultScope string) api.UploadMeta {
	retain := m.RetainOriginal
	taken := strings.Replace(strings.TrimSpace(m.TakenAt), "T", " ", 1)
	if len(taken) == len("2006-01-02 15:04") {
		taken += ":00" // <input type="datetime-local"> omits seconds
	}
	return api.UploadMeta{Scope: cmp.Or(strings.TrimSpace(m.Scope), defaultScope), Tags: cleanTags(m.Tags),
		TakenAt: taken, Camera: strings.TrimSpace(m.Camera), Latitude: m.Latitude, Longitude: m.Longitude,
		Prompt: strings.TrimSpace(m.Prompt), Callback: strings.TrimSpace(m.Callback), RetainOriginal: &retain}
}

func cleanTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// Expand checks dropped or chosen paths: files get a verdict, folders are walked. Files that
// can be uploaded get a preview URL.
func (c *Service) Expand(paths []string) (contract.Scan, error) {
	scan, err := preflight.Expand(paths)
	for i, f := range scan.Files {
		scan.Files[i].Preview = c.previews.URL(f.Path)
	}
	return scan, err
}

// ValidateMeta checks batch metadata before anything is queued, so the form can show the error.
func (c *Service) ValidateMeta(m contract.Meta) error {
	return transfer.ValidateMeta(apiMeta(m, c.current().Scope))
}

// EnqueueUploads validates every file and its metadata first; nothing is queued unless all pass.
func (c *Service) EnqueueUploads(b contract.UploadBatch) ([]contract.JobView, error) {
	if err := c.usable(); err != nil {
		return nil, err
	}
	scope := c.current().Scope
	for _, f := range b.Files {
		if err := transfer.ValidateMeta(apiMeta(metaFor(f, b.Meta), scope)); err != nil {
			return nil, err
		}
	}
	verdicts, err := checkAll(b.Files, b.AnyCodec)
	if err != nil {
		return nil, err
	}
	drafts := make([]transfer.Draft, 0, len(b.Files))
	for i, f := range b.Files {
		d, err := c.engine().PlanUpload(f.Path, apiMeta(withFileMeta(metaFor(f, b.Meta), verdicts[i]), scope))
		if err != nil {
			return nil, err
		}
		drafts = append(drafts, d)
	}
	return c.record(drafts)
}

// checkAll checks every file as the Upload view (or the CLI) did, so a file changed since it was
// listed is refused before anything is queued.
func checkAll(files []contract.FileUpload, anyCodec bool) ([]contract.Verdict, error) {
	verdicts := make([]contract.Verdict, len(files))
	for i, f := range files {
		verdicts[i] = preflight.Check(f.Path, preflight.Options{AnyCodec: anyCodec})
		if v := verdicts[i]; !v.OK {
			return nil, &api.ValidationError{Field: "file", Message: v.Path + ": " + v.Reason}
		}
	}
	return verdicts, nil
}

// withFileMeta fills the fields m leaves empty from the file, when m asks for it.
func withFileMeta(m contract.Meta, v contract.Verdict) contract.Meta {
	if !m.FileMeta || v.FileMeta == nil {
		return m
	}
	filled := preflight.Fill(v.FileMeta, api.UploadMeta{TakenAt: m.TakenAt, Camera: m.Camera, Latitude: m.Latitude, Longitude: m.Longitude})
	m.TakenAt, m.Camera, m.Latitude, m.Longitude = filled.TakenAt, filled.Camera, filled.Latitude, filled.Longitude
	return m
}

func metaFor(f contract.FileUpload, batch contract.Meta) contract.Meta {
	if f.Override != nil {
		return *f.Override
	}
	return batch
}

// EnqueueURL queues an upload from a direct video URL.
func (c *Service) EnqueueURL(rawURL string, m contract.Meta) (contract.JobView, error) {
	return c.recordOne(c.planURL(rawURL, m))
}

// planURL drafts an upload from a direct video URL.
func (c *Service) planURL(rawURL string, m contract.Meta) (transfer.Draft, error) {
	if err := c.usable(); err != nil {
		return transfer.Draft{}, err
	}
	return c.engine().PlanURL(strings.TrimSpace(rawURL), apiMeta(m, c.current().Scope))
}
