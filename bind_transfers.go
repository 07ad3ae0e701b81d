package main

import (
	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
)

// Jobs returns transfers and history, newest first, filtered.
func (a *App) Jobs(q core.JobQuery) (core.JobPage, error) { return a.svc().Jobs(q) }

// PauseJob, ResumeJob, CancelJob and RetryJob act on one job.
func (a *App) PauseJob(id uint64) error  { return a.svc().PauseJob(id) }
func (a *App) ResumeJob(id uint64) error { return a.svc().ResumeJob(id) }
func (a *App) CancelJob(id uint64) error { return a.svc().CancelJob(id) }
func (a *App) RetryJob(id uint64) error  { return a.svc().RetryJob(id) }

// PauseAll and ResumeAll act on every job they apply to and return how many.
func (a *App) PauseAll() int  { return a.svc().PauseAll() }
func (a *App) ResumeAll() int { return a.svc().ResumeAll() }

// RetryFailed retries every failed job; downloads whose names are taken get choice, or, without
// one, are listed so the window can ask once (see core.RetryFailed).
func (a *App) RetryFailed(choice string) (core.RetryAll, error) { return a.svc().RetryFailed(choice) }

// Interrupted lists jobs the previous session left unfinished, for the resume prompt.
func (a *App) Interrupted() ([]contract.JobView, error) { return a.svc().Interrupted() }

// ResumeInterrupted queues them again (uploads are reconciled with the server first).
func (a *App) ResumeInterrupted() (int, error) { return a.svc().ResumeInterrupted() }

// DiscardInterrupted cancels them.
func (a *App) DiscardInterrupted() (int, error) { return a.svc().DiscardInterrupted() }

// ExportHistory asks for a .csv or .json file and writes every job to it; "" means cancelled.
func (a *App) ExportHistory() (string, error) { return a.svc().ExportHistoryAs() }

// RevealInFolder shows a downloaded file in the system file manager.
func (a *App) RevealInFolder(path string) error { return core.RevealInFolder(path) }

// DownloadSHA256 computes the SHA-256 of a finished download's file on request (kept in the job
// record); CancelSHA256 stops it.
func (a *App) DownloadSHA256(id uint64) (string, error) { return a.svc().DownloadSHA256(id) }
func (a *App) CancelSHA256(id uint64)                   { a.svc().CancelSHA256(id) }
