package core

import (
	"cmp"
	"strings"

	"memories-desktop/backend/api"
	"memories-desktop/backend/preflight"
	"memories-desktop/backend/transfer"
)

// Meta is upload metadata as the UI sends it (JSON camelCase). Empty fields are not sent.
type Meta struct {
	Scope          string   `json:"scope"`
	Tags           []string `json:"tags"`
	TakenAt        string   `json:"takenAt"` // "YYYY-MM-DD HH:MM:SS" (a "T" separator is accepted)
	Camera         string   `json:"camera"`
	Latitude       *float64 `json:"latitude,omitempty"`
	Longitude      *float64 `json:"longitude,omitempty"`
	Prompt         string   `json:"prompt"`
	Callback       string   `json:"callback"`
	RetainOriginal bool     `json:"retainOriginal"`
	// FileMeta fills capture time, camera and place the user left empty from each file.
	FileMeta bool `json:"fileMeta"`
}

// toAPI converts m, with the current scope when m names none.
func (m Meta) toAPI(defaultScope string) api.UploadMeta {
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

// FileUpload is one file of a batch, with optional metadata that replaces the batch's.
type FileUpload struct {
	Path     string `json:"path"`
	Override *Meta  `json:"override,omitempty"`
}

// UploadBatch is what "Upload N videos" sends.
type UploadBatch struct {
	Files []FileUpload `json:"files"`
	Meta  Meta         `json:"meta"`
}

// Expand checks dropped or chosen paths: files get a verdict, folders are walked. Files that
// can be uploaded get a preview URL.
func (c *Service) Expand(paths []string) (preflight.Scan, error) {
	scan, err := preflight.Expand(paths)
	for i, f := range scan.Files {
		scan.Files[i].Preview = c.previews.URL(f.Path)
	}
	return scan, err
}

// ValidateMeta checks batch metadata before anything is queued, so the form can show the error.
func (c *Service) ValidateMeta(m Meta) error {
	return transfer.ValidateMeta(m.toAPI(c.current().Scope))
}

// EnqueueUploads validates every file and its metadata first; nothing is queued unless all pass.
func (c *Service) EnqueueUploads(b UploadBatch) ([]transfer.JobView, error) {
	if err := c.usable(); err != nil {
		return nil, err
	}
	scope := c.current().Scope
	for _, f := range b.Files {
		if err := transfer.ValidateMeta(metaFor(f, b.Meta).toAPI(scope)); err != nil {
			return nil, err
		}
	}
	verdicts, err := checkAll(b.Files)
	if err != nil {
		return nil, err
	}
	views := make([]transfer.JobView, 0, len(b.Files))
	for i, f := range b.Files {
		j, err := c.engine().EnqueueUpload(f.Path, withFileMeta(metaFor(f, b.Meta), verdicts[i]).toAPI(scope))
		if err != nil {
			return views, err
		}
		views = append(views, c.engine().View(j, nil))
	}
	return views, nil
}

// checkAll checks every file as the Upload view did, so a file changed since it was listed is
// refused before anything is queued.
func checkAll(files []FileUpload) ([]preflight.Verdict, error) {
	verdicts := make([]preflight.Verdict, len(files))
	for i, f := range files {
		verdicts[i] = preflight.CheckFile(f.Path)
		if v := verdicts[i]; !v.OK {
			return nil, &api.ValidationError{Field: "file", Message: v.Path + ": " + v.Reason}
		}
	}
	return verdicts, nil
}

// withFileMeta fills the fields m leaves empty from the file, when m asks for it.
func withFileMeta(m Meta, v preflight.Verdict) Meta {
	if !m.FileMeta || v.FileMeta == nil {
		return m
	}
	filled := v.FileMeta.Fill(api.UploadMeta{TakenAt: m.TakenAt, Camera: m.Camera, Latitude: m.Latitude, Longitude: m.Longitude})
	m.TakenAt, m.Camera, m.Latitude, m.Longitude = filled.TakenAt, filled.Camera, filled.Latitude, filled.Longitude
	return m
}

func metaFor(f FileUpload, batch Meta) Meta {
	if f.Override != nil {
		return *f.Override
	}
	return batch
}

// EnqueueURL queues an upload from a direct video URL.
func (c *Service) EnqueueURL(rawURL string, m Meta) (transfer.JobView, error) {
	if err := c.usable(); err != nil {
		return transfer.JobView{}, err
	}
	j, err := c.engine().EnqueueURL(strings.TrimSpace(rawURL), m.toAPI(c.current().Scope))
	if err != nil {
		return transfer.JobView{}, err
	}
	return c.engine().View(j, nil), nil
}
