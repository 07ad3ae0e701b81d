package main

import (
	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
)

// ExpandPaths checks dropped or chosen paths before anything is sent: files get a verdict,
// folders are walked and their unsupported files listed as skipped.
func (a *App) ExpandPaths(paths []string) (_ contract.Scan, err error) {
	defer settle(&err)
	return a.svc().Expand(paths)
}

// ChooseFiles opens the native file dialog for videos; nil means cancelled.
func (a *App) ChooseFiles() (_ []string, err error) {
	defer settle(&err)
	return a.svc().ChooseVideos()
}

// ChooseUploadFolder opens the native folder dialog for a folder of videos.
func (a *App) ChooseUploadFolder() (_ string, err error) {
	defer settle(&err)
	return a.svc().ChooseVideoFolder()
}

// ValidateMeta checks batch metadata so the form can show problems before "Upload".
func (a *App) ValidateMeta(m contract.Meta) (err error) {
	defer settle(&err)
	return a.svc().ValidateMeta(m)
}

// EnqueueUploads queues the batch; nothing is queued unless every file and its metadata pass.
func (a *App) EnqueueUploads(b contract.UploadBatch) (_ []contract.JobView, err error) {
	defer settle(&err)
	return a.svc().EnqueueUploads(b)
}

// PlanLinks parses the link box: each line's outcome and the tasks an import would create.
func (a *App) PlanLinks(text string) (_ contract.LinkPlan, err error) {
	defer settle(&err)
	return core.ParseLinks(text), nil
}

// EnqueueImport queues one import task per platform group of at most 50 links.
func (a *App) EnqueueImport(r contract.ImportRequest) (_ []contract.JobView, err error) {
	defer settle(&err)
	return a.svc().EnqueueImport(r)
}

// EnqueueURL queues an upload from a direct video URL.
func (a *App) EnqueueURL(url string, m contract.Meta) (_ contract.JobView, err error) {
	defer settle(&err)
	return a.svc().EnqueueURL(url, m)
}

// ReadLinksFile returns the text of a dropped .txt or .csv list of links.
func (a *App) ReadLinksFile(path string) (_ string, err error) {
	defer settle(&err)
	return a.svc().ReadLinksFile(path)
}

// ChooseLinksFile lets the user pick a .txt/.csv of links and returns its text ("" if cancelled).
func (a *App) ChooseLinksFile() (_ string, err error) {
	defer settle(&err)
	return a.svc().ChooseLinksFile()
}

// FindDuplicate reads the file and says what its bytes are known as: uploaded to scope before
// ("": the current scope), already waiting in the queue, or nothing (with the fingerprint, so the
// Upload list can flag byte-identical files of its own); nil when the file cannot be read.
func (a *App) FindDuplicate(path, scope string) (_ *contract.Duplicate, err error) {
	defer settle(&err)
	return a.svc().FindDuplicate(a.ctx, path, scope)
}

// JobPreview returns the URL the webview plays a job's local file from ("" when there is none).
func (a *App) JobPreview(id uint64) (_ string, err error) {
	defer settle(&err)
	return a.svc().JobPreview(id)
}

// VideoPreview returns the URL of a library video's local copy ("" when none is on disk).
func (a *App) VideoPreview(scope, videoNo string) (_ string, err error) {
	defer settle(&err)
	return a.svc().VideoPreview(scope, videoNo)
}

// UploadRules names the accepted video formats and the size limit, for the Upload view's text.
func (a *App) UploadRules() (_ contract.UploadRules, err error) {
	defer settle(&err)
	return core.Rules(), nil
}
