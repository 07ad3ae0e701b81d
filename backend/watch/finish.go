package watch

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/transfer"
)

// finish notes how a watched file's job ended and applies the after-upload action.
func (r *runner) finish(j contract.Job) {
	rel, ok := r.byJob[j.ID]
	rec := r.recs[rel]
	if !ok || rec == nil || rec.JobID != j.ID {
		return
	}
	now := time.Now().UnixMilli()
	switch {
	case j.State == jobstate.Done:
		delete(r.byJob, j.ID)
		rec.State, rec.At, rec.Reason, rec.Why = Uploaded, now, "", nil
		if len(j.Result.VideoNos) > 0 {
			rec.VideoNo = j.Result.VideoNos[0]
		}
		r.saveNow(rel)
		r.report(contract.WatchEvent{Kind: contract.WatchEvUploaded, Path: rel, JobID: j.ID, VideoNo: rec.VideoNo})
		r.afterUpload(rel, rec, j)
	case j.State == jobstate.Failed || j.State == jobstate.Canceled:
		delete(r.byJob, j.ID)
		rec.Why = &contract.JobError{Code: string(j.State), Key: "jobState." + string(j.State)}
		if j.Error != nil {
			rec.Why = j.Error
		}
		rec.State, rec.At, rec.Reason = Failed, now, transfer.WordJobError(i18n.Default(), rec.Why).Message
		if r.byFP[rec.FP] == rel {
			delete(r.byFP, rec.FP)
		}
		r.saveNow(rel)
		r.report(contract.WatchEvent{Kind: contract.WatchEvFailed, Path: rel, JobID: j.ID, Detail: rec.Reason})
		if rec.JobPath != rel { // renamed while queued: the new name is uploaded
			rec.Stale = true
		}
	default:
		r.parked[j.ID] = true // paused or interrupted: looked at again at each rescan
		return
	}
	r.dirty[rel] = true
	if rec.Stale {
		rec.Stale = false
		if info, err := os.Lstat(r.abs(rel)); err == nil {
			if rec.State == Failed {
				rec.Size = -1 // its job read another name or other bytes: looked at afresh
			}
			r.observe(rel, info)
		}
	}
}

// saveNow saves rel's record at once: an upload's outcome is on disk before the file is moved or
// deleted (events wait for a flush anyway, see runner.report).
func (r *runner) saveNow(rel string) {
	r.dirty[rel] = true
	r.flush()
}

// afterUpload moves or deletes an uploaded file, only when it is exactly what was uploaded:
// unchanged since it was queued (size, times, inode) and what the upload sent.
func (r *runner) afterUpload(rel string, rec *Record, j contract.Job) {
	if r.cfg.After != contract.WatchMove && r.cfg.After != contract.WatchDelete {
		return
	}
	path := r.abs(rel)
	info, err := os.Lstat(path)
	switch {
	case err != nil:
		r.kept(rel, rec, i18n.T("watchDetail.keptGone"))
		return
	case rec.Stale || !rec.unchangedSince(info) || !sentAsQueued(j.Result, rec):
		r.kept(rel, rec, i18n.T("watchDetail.keptChanged"))
		return
	case r.cfg.After == contract.WatchDelete && !r.cfg.DeleteConfirmed:
		r.kept(rel, rec, i18n.T("watchDetail.keptUnconfirmed"))
		return
	}
	if r.cfg.After == contract.WatchDelete {
		if err := os.Remove(path); err != nil {
			r.kept(rel, rec, err.Error())
			return
		}
		rec.After = "deleted"
		r.report(contract.WatchEvent{Kind: contract.WatchEvDeleted, Path: rel, VideoNo: rec.VideoNo})
		return
	}
	dst, err := r.moveUploaded(rel)
	if err != nil {
		r.kept(rel, rec, err.Error())
		return
	}
	rec.After = "moved:" + dst
	r.report(contract.WatchEvent{Kind: contract.WatchEvMoved, Path: rel, Detail: dst, VideoNo: rec.VideoNo})
}

// sentAsQueued says whether what the server got is what was queued: the fingerprint of the bytes
// sent (an upload found again after a crash has only its size).
func sentAsQueued(res contract.JobResult, rec *Record) bool {
	if res.Fingerprint != "" {
		return res.Fingerprint == rec.FP
	}
	return res.Bytes == rec.Size
}

func (r *runner) kept(rel string, rec *Record, why string) {
	rec.After = "kept:" + why
	r.report(contract.WatchEvent{Kind: contract.WatchEvKept, Path: rel, Detail: i18n.T("watchDetail.not."+string(r.cfg.After), i18n.Args{"Why": why})})
}

// moveUploaded moves a file into the Uploaded subfolder, under the same relative path, never
// over an existing file and never through a link; it returns the new relative path.
func (r *runner) moveUploaded(rel string) (string, error) {
	base := filepath.Join(r.cfg.Folder, contract.WatchUploadedDir)
	if info, err := os.Lstat(base); err == nil && !info.IsDir() {
		return "", fmt.Errorf("%s is not a folder", base)
	}
	dstRel := filepath.Join(contract.WatchUploadedDir, filepath.FromSlash(rel))
	dst := filepath.Join(r.cfg.Folder, dstRel)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", err
	}
	ext := filepath.Ext(dst)
	stem := dst[:len(dst)-len(ext)]
	for n := 2; ; n++ {
		if _, err := os.Lstat(dst); isGone(err) {
			break
		}
		dst = fmt.Sprintf("%s (%d)%s", stem, n, ext)
	}
	if err := os.Link(r.abs(rel), dst); err != nil { // fails rather than replace a file
		if err := renameNoReplace(r.abs(rel), dst); err != nil {
			return "", err
		}
	} else if err := os.Remove(r.abs(rel)); err != nil {
		return "", err
	}
	out, _ := filepath.Rel(r.cfg.Folder, dst)
	return filepath.ToSlash(out), nil
}

// renameNoReplace renames where hard links are not possible, after checking dst is free.
func renameNoReplace(src, dst string) error {
	if _, err := os.Lstat(dst); !isGone(err) {
		return &fs.PathError{Op: "move", Path: dst, Err: fs.ErrExist}
	}
	return os.Rename(src, dst)
}

// unpark follows again the jobs that were paused or interrupted, once they run or have ended.
func (r *runner) unpark() {
	for id := range r.parked {
		j, err := r.q.Job(id)
		switch {
		case err != nil:
			delete(r.parked, id)
		case j.State.Terminal():
			delete(r.parked, id)
			r.finish(j)
		case j.State == jobstate.Queued || j.State == jobstate.Running:
			delete(r.parked, id)
			r.jobs.add(id)
		}
	}
}
