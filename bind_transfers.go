package main

import (
	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
)

// Jobs returns transfers and history, newest first, filtered.
func (a *App) Jobs(q contract.JobQuery) (_ contract.JobPage, err error) {
	defer settle(&err)
	return a.svc().Jobs(q)
}

// PauseJob, ResumeJob, CancelJob and RetryJob act on one job.
func (a *App) PauseJob(id uint64) (err error) {
	defer settle(&err)
	return a.svc().PauseJob(id)
}
func (a *App) ResumeJob(id uint64) (err error) {
	defer settle(&err)
	return a.svc().ResumeJob(id)
}
func (a *App) CancelJob(id uint64) (err error) {
	defer settle(&err)
	return a.svc().CancelJob(id)
}
func (a *App) RetryJob(id uint64) (err error) {
	defer settle(&err)
	return a.svc().RetryJob(id)
}

// PauseAll and ResumeAll act on every job they apply to and return how many.
func (a *App) PauseAll() (_ int, err error) {
	defer settle(&err)
	return a.svc().PauseAll(), nil
}
func (a *App) ResumeAll() (_ int, err error) {
	defer settle(&err)
	return a.svc().ResumeAll(), nil
}

// RetryFailed retries every failed job; downloads whose names are taken get choice, or, without
// one, are listed so the window can ask once (see core.RetryFailed).
func (a *App) RetryFailed(choice string) (_ contract.RetryAll, err error) {
	defer settle(&err)
	return a.svc().RetryFailed(choice)
}

// Interrupted lists jobs the previous session left unfinished, for the resume prompt.
func (a *App) Interrupted() (_ []contract.JobView, err error) {
	defer settle(&err)
	return a.svc().Interrupted()
}

// ResumeInterrupted queues them again (uploads are reconciled with the server first).
func (a *App) ResumeInterrupted() (_ int, err error) {
	defer settle(&err)
	return a.svc().ResumeInterrupted()
}

// DiscardInterrupted cancels them.
func (a *App) DiscardInterrupted() (_ int, err error) {
	defer settle(&err)
	return a.svc().DiscardInterrupted()
}

// ExportHistory asks for a .csv or .json file and writes every job to it; "" means cancelled.
func (a *App) ExportHistory() (_ string, err error) {
	defer settle(&err)
	return a.svc().ExportHistoryAs()
}

// RevealInFolder shows a downloaded file in the system file manager.
func (a *App) RevealInFolder(path string) (err error) {
	defer settle(&err)
	return core.RevealInFolder(path)
}

// DownloadSHA256 computes the SHA-256 of a finished download's file on request (kept in the job
// record); CancelSHA256 stops it.
func (a *App) DownloadSHA256(id uint64) (_ string, err error) {
	defer settle(&err)
	return a.svc().DownloadSHA256(id)
}
func (a *App) CancelSHA256(id uint64) (err error) {
	defer settle(&err)
	a.svc().CancelSHA256(id)
	return nil
}
