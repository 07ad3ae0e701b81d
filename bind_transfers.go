package main

import (
	"memories-desktop/backend/core"
	"memories-desktop/backend/transfer"
)

// Jobs returns transfers and history, newest first, filtered.
func (a *App) Jobs(q core.JobQuery) (core.JobPage, error) { return a.svc().Jobs(q) }

// PauseJob, ResumeJob, CancelJob and RetryJob act on one job.
func (a *App) PauseJob(id uint64) error  { return a.svc().Engine().Pause(id) }
func (a *App) ResumeJob(id uint64) error { return a.svc().Engine().Resume(id) }
func (a *App) CancelJob(id uint64) error { return a.svc().Engine().Cancel(id) }
func (a *App) RetryJob(id uint64) error  { return a.svc().Engine().Retry(id) }

// PauseAll and ResumeAll act on every job they apply to and return how many.
func (a *App) PauseAll() int  { return a.svc().Engine().PauseAll() }
func (a *App) ResumeAll() int { return a.svc().Engine().ResumeAll() }

// RetryFailed retries every failed job; downloads whose names are taken get choice, or, without
// one, are listed so the window can ask once (see core.RetryFailed).
func (a *App) RetryFailed(choice string) (core.RetryAll, error) { return a.svc().RetryFailed(choice) }

// Interrupted lists jobs the previous session left unfinished, for the resume prompt.
func (a *App) Interrupted() ([]transfer.JobView, error) { return a.svc().Interrupted() }

// ResumeInterrupted queues them again (uploads are reconciled with the server first).
func (a *App) ResumeInterrupted() (int, error) {
	ids, err := a.svc().Engine().ResumeInterrupted()
	return len(ids), err
}

// DiscardInterrupted cancels them.
func (a *App) DiscardInterrupted() (int, error) {
	jobs, err := a.svc().Engine().Interrupted()
	n := 0
	for _, j := range jobs {
		if a.core.Engine().Cancel(j.ID) == nil {
			n++
		}
	}
	return n, err
}

// ExportHistory asks for a .csv or .json file and writes every job to it; "" means cancelled.
func (a *App) ExportHistory() (string, error) {
	c := a.svc()
	path, err := a.dialogs.SaveFile("Export history", c.PickerDir(core.PickerExport), "memories-history.csv", core.HistoryFilter)
	if err != nil || path == "" {
		return "", err
	}
	c.RememberPicker(core.PickerExport, path)
	_, err = c.ExportHistory(path)
	return path, err
}

// RevealInFolder shows a downloaded file in the system file manager.
func (a *App) RevealInFolder(path string) error { return core.RevealInFolder(path) }

// DownloadSHA256 computes the SHA-256 of a finished download's file on request (kept in the job
// record); CancelSHA256 stops it.
func (a *App) DownloadSHA256(id uint64) (string, error) { return a.svc().DownloadSHA256(id) }
func (a *App) CancelSHA256(id uint64)                   { a.svc().CancelSHA256(id) }
