package watch

import (
	"io/fs"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/i18n"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// scan walks the whole folder: at the start it catches up with what changed while nothing ran;
// later it is the backstop for missed notices, full queues and unwatched folders.
func (r *runner) scan(first bool) {
	info, err := os.Stat(r.cfg.Folder)
	if err != nil {
		r.folderGone(r.goneWhy("watchDetail.goneDeleted"))
		return
	}
	if r.tree.replaced(info) {
		r.folderGone(i18n.T("watchDetail.replaced", i18n.Args{"Folder": r.cfg.Folder}))
	}
	if r.gone {
		r.gone = false
		r.report(contract.WatchEvent{Kind: contract.WatchEvBack, Detail: r.cfg.Folder})
	}
	r.unpark()
	r.tree.unwatched = 0
	seen := map[string]bool{}
	r.walk(r.cfg.Folder, seen)
	for rel, rec := range r.recs {
		if !seen[rel] && (rec.State == Settling || rec.State == Writing) {
			r.drop(rel)
		}
	}
	r.reportTree(first)
}

// flushEvery bounds how many records a scan saves in one transaction.
const flushEvery = 4096

// walk watches path's folders and considers its files. It never follows a symbolic link, so a
// link loop is walked once.
func (r *runner) walk(root string, seen map[string]bool) {
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // vanished or unreadable: the next scan looks again
		}
		if d.IsDir() {
			if !r.tree.wantsDir(path) {
				return filepath.SkipDir
			}
			r.tree.add(path)
			return nil
		}
		rel, ok := r.rel(path)
		if !ok {
			return nil
		}
		if info, err := d.Info(); err == nil && (info.Mode().IsRegular() || info.Mode()&fs.ModeSymlink != 0) {
			if seen != nil {
				seen[rel] = true
			}
			r.consider(rel, info)
			if len(r.dirty) >= flushEvery {
				r.flush() // a huge tree is saved in parts, so one transaction stays small
			}
		}
		return nil
	})
}

// reportTree says, after a rescan, how many folders are watched live and what happens to the rest.
func (r *runner) reportTree(first bool) {
	if first {
		return // Run says it once what the scan found is saved
	}
	r.reportLimit()
	r.report(contract.WatchEvent{Kind: contract.WatchEvScanned, Folders: len(r.tree.live), Detail: i18n.T("watchDetail.scanned",
		i18n.Args{"Folders": len(r.tree.live), "Files": len(r.recs)})})
}

// reportLimit says how many folders are over the inotify limit and how they are looked at.
func (r *runner) reportLimit() {
	rest := r.tree.unwatched
	if rest == 0 {
		return
	}
	limit := i18n.T("watchDetail.ownLimit")
	if n := systemLimit(); r.tree.max == 0 && n > 0 {
		limit = i18n.T("watchDetail.systemLimit", i18n.Args{"N": strconv.Itoa(n)})
	}
	r.report(contract.WatchEvent{Kind: contract.WatchEvLimit, Folders: len(r.tree.live), Detail: i18n.T("watchDetail.limit",
		i18n.Args{"Folders": len(r.tree.live), "Count": rest, "Limit": limit, "Every": i18n.Default().Duration(r.opt.LimitedRescan)})})
}

// goneWhy words why the folder is gone (a catalogue id) and how often it is looked for.
func (r *runner) goneWhy(id string) string {
	return i18n.T(id, i18n.Args{"Folder": r.cfg.Folder, "Every": i18n.Default().Duration(r.opt.LimitedRescan)})
}

// folderGone notes that the watched folder disappeared (deleted, unmounted) or was replaced; the
// rescan looks for it until it is back.
func (r *runner) folderGone(why string) {
	if r.gone {
		return
	}
	r.gone = true
	for path := range r.tree.live {
		r.tree.forget(path)
	}
	clear(r.due)
	r.report(contract.WatchEvent{Kind: contract.WatchEvGone, Detail: why})
}

// reconcile picks up what the last run left: a file being queued when it stopped (was its job
// recorded?), queued files whose jobs ended or were interrupted, files still settling.
func (r *runner) reconcile() error {
	now := time.Now()
	for rel, rec := range r.recs {
		switch rec.State {
		case Settling:
			r.due[rel] = now.Add(Settle(r.cfg))
		case Queuing:
			id, ok, err := r.q.FindJob(r.cfg.Name, r.abs(rel), rec.At-1000)
			if err != nil {
				return err
			}
			if !ok {
				rec.State = Settling // never recorded: checked and queued again
				r.due[rel], r.dirty[rel] = now.Add(Settle(r.cfg)), true
				continue
			}
			rec.State, rec.JobID, rec.JobPath, r.dirty[rel] = Queued, id, rel, true
			r.pickUp(rel, rec)
		case Queued:
			r.pickUp(rel, rec)
		}
		if rec.FP != "" && (rec.State == Uploaded || rec.State == Queued) {
			r.byFP[rec.FP] = rel
		}
	}
	return nil
}

// pickUp follows the job of a queued file from an earlier run.
func (r *runner) pickUp(rel string, rec *Record) {
	j, err := r.q.Job(rec.JobID)
	if err != nil { // pruned: the duplicate index decides again
		rec.State = Settling
		r.due[rel], r.dirty[rel] = time.Now().Add(Settle(r.cfg)), true
		return
	}
	r.byJob[j.ID] = rel
	if j.State.Terminal() {
		r.finish(j)
		return
	}
	if j.State == jobstate.Interrupted {
		if err := r.q.Resume(j.ID); err != nil {
			r.report(contract.WatchEvent{Kind: contract.WatchEvError, Path: rel, JobID: j.ID, Detail: i18n.T("watchDetail.resumeFailed", i18n.Args{"Error": err.Error()})})
		}
	}
	r.jobs.add(j.ID)
}
