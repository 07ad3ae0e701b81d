package main

import (
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

// WatchView is one watch in Settings → Watch folders: its settings, its figures and how its run goes.
type WatchView struct {
	Config contract.WatchConfig `json:"config"`
	Stats  contract.WatchStats  `json:"stats"`
	State  string               `json:"state"` // starting, running, paused, stopped or error
	Error  string               `json:"error"` // why it is not running (state error)
	// Folders is how many folders are watched live; Limit says what happens to those over the
	// system's inotify limit ("" while none is); Problem is the folder gone or the last error.
	Folders int    `json:"folders"`
	Limit   string `json:"limit"`
	Problem string `json:"problem"`
	// UploadEveryMs is the pacer's spacing of uploads (0: pacing off); EtaMs how long the waiting
	// files take at that pace.
	UploadEveryMs int64 `json:"uploadEveryMs"`
	EtaMs         int64 `json:"etaMs"`
}

// WatchDefaults is what a new watch starts with, for the edit dialog's "Use the defaults".
type WatchDefaults struct {
	Config      contract.WatchConfig `json:"config"`
	DeleteWord  string               `json:"deleteWord"`  // what the user types to allow deleting
	UploadedDir string               `json:"uploadedDir"` // where "move" puts uploaded files
}

// Watches lists the active profile's watches with their figures.
func (a *App) Watches() (_ []WatchView, err error) {
	defer settle(&err)
	c := a.svc()
	list, err := c.ListWatches()
	if err != nil {
		return nil, err
	}
	every := c.UploadEvery()
	out := make([]WatchView, len(list))
	for i, s := range list {
		v := WatchView{Config: s.WatchConfig, Stats: s.Stats, UploadEveryMs: every.Milliseconds(),
			EtaMs: (time.Duration(s.Stats.Waiting) * every).Milliseconds()}
		v.State, v.Error, v.Folders, v.Limit, v.Problem = a.watches.live(s.Name, s.Paused)
		out[i] = v
	}
	return out, nil
}

// WatchDefaults returns a new watch's settings and the word that allows deleting.
func (a *App) WatchDefaults() (_ WatchDefaults, err error) {
	defer settle(&err)
	return WatchDefaults{Config: core.WatchDefaultConfig(), DeleteWord: contract.WatchDeleteConfirmation,
		UploadedDir: contract.WatchUploadedDir}, nil
}

// ChooseWatchFolder opens the native folder dialog for a folder to watch, beside the latest
// watched folder (else in the home folder); "" means cancelled.
func (a *App) ChooseWatchFolder() (_ string, err error) {
	defer settle(&err)
	c := a.svc()
	start, _ := os.UserHomeDir()
	var latest int64
	if list, err := c.ListWatches(); err == nil {
		for _, w := range list {
			if w.Created > latest {
				latest, start = w.Created, filepath.Dir(w.Folder)
			}
		}
	}
	return c.ChooseFolder(i18n.T("dialog.chooseWatchFolder"), start)
}

// AddWatchFolder watches folder (chosen in the folder dialog or dropped on the list) with the
// default settings, named after it, and starts it.
func (a *App) AddWatchFolder(folder string) (_ contract.WatchConfig, err error) {
	defer settle(&err)
	c := a.svc()
	folder = filepath.Clean(folder)
	if other, found, err := c.WatchOfFolder(folder); err != nil {
		return contract.WatchConfig{}, err
	} else if found {
		return contract.WatchConfig{}, errors.New(i18n.T("watch.alreadyWatched", i18n.Args{"Folder": folder, "Name": other.Name}))
	}
	w, err := c.AddWatch(contract.WatchConfig{Folder: folder})
	if err != nil {
		return w, err
	}
	a.watches.start(w.Name)
	a.watches.changed(w.Name)
	return w, nil
}

// UpdateWatch saves a watch's new settings and restarts it with them. Deleting uploaded files
// is allowed only when confirm is the word WatchDefaults names (or the watch already deletes).
func (a *App) UpdateWatch(w contract.WatchConfig, confirm string) (_ contract.WatchConfig, err error) {
	defer settle(&err)
	c := a.svc()
	saved, err := c.GetWatch(w.Name)
	if err != nil {
		return w, err
	}
	w.Folder, w.Paused, w.Created = saved.Folder, saved.Paused, saved.Created
	w.DeleteConfirmed = w.After == contract.WatchDelete &&
		(confirm == contract.WatchDeleteConfirmation || saved.After == contract.WatchDelete && saved.DeleteConfirmed)
	if w.After == contract.WatchDelete && !w.DeleteConfirmed {
		return w, errors.New(i18n.T("watch.confirmDeleteApp", i18n.Args{"Confirm": contract.WatchDeleteConfirmation}))
	}
	a.watches.stop(w.Name)
	out, err := c.UpdateWatch(w)
	if !saved.Paused {
		a.watches.start(w.Name) // with the new settings, or the old ones when they were refused
	}
	a.watches.changed(w.Name)
	return out, err
}

// RemoveWatch stops and forgets a watch; its files and their uploads stay.
func (a *App) RemoveWatch(name string) (err error) {
	defer settle(&err)
	a.svc()
	a.watches.stop(name)
	err = a.core.RemoveWatch(name)
	a.watches.changed(name)
	return err
}

// PauseWatch stops a watch until ResumeWatch; what it queued stays queued.
func (a *App) PauseWatch(name string) (err error) {
	defer settle(&err)
	_, err = a.svc().PauseWatch(name)
	a.watches.stop(name)
	a.watches.changed(name)
	return err
}

// ResumeWatch runs a paused watch again; it catches up with what landed meanwhile.
func (a *App) ResumeWatch(name string) (err error) {
	defer settle(&err)
	if _, err = a.svc().ResumeWatch(name); err != nil {
		return err
	}
	a.watches.start(name)
	a.watches.changed(name)
	return nil
}

// switchWatches runs the new profile's watches after a profile switch (core stopped the old ones).
func (a *App) switchWatches() {
	a.watches.stopAll()
	if err := a.watches.startAll(); err != nil {
		slog.Error("start the watch folders", "err", err)
	}
	a.watches.changed("")
}
