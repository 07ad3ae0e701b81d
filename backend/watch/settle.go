package watch

import (
	"os"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/preflight"
)

// ready is a settled file that passed the checks, waiting to be queued.
type ready struct {
	rel     string
	rec     *Record
	verdict contract.Verdict
}

// settle looks at the files whose settle time is over: changed ones wait again, finished ones
// are checked and, when new content, queued (recorded as Queuing first, so a crash between
// the two is reconciled on the next start).
func (r *runner) settle() {
	now := time.Now()
	var batch []ready
	for rel, at := range r.due {
		if at.After(now) {
			continue
		}
		delete(r.due, rel)
		if rd, ok := r.check(rel); ok {
			batch = append(batch, rd)
		}
	}
	if len(batch) == 0 {
		return
	}
	r.flush()
	for _, rd := range batch {
		r.enqueue(rd)
	}
}

// check decides a settled file: still changing, still being written, refused, known content,
// or ready to be queued.
func (r *runner) check(rel string) (ready, bool) {
	rec, path := r.recs[rel], r.abs(rel)
	info, err := os.Lstat(path)
	if rec == nil || err != nil || !info.Mode().IsRegular() {
		if rec != nil && rec.State == Settling {
			r.drop(rel)
		}
		return ready{}, false
	}
	if !rec.sameContentAs(info) {
		r.observe(rel, info)
		return ready{}, false
	}
	v := preflight.CheckFile(path)
	if !v.OK {
		r.refused(rel, rec, v)
		return ready{}, false
	}
	fp, err := r.q.Fingerprint(r.ctx, path)
	after, statErr := os.Lstat(path)
	if err != nil || statErr != nil || !rec.sameContentAs(after) {
		if statErr == nil {
			rec.State = Settling
			r.observe(rel, after) // changed while it was read: wait again
			r.due[rel] = time.Now().Add(Settle(r.cfg))
		}
		return ready{}, false
	}
	rec.note(after)
	rec.FP = fp
	if r.known(rel, rec) {
		return ready{}, false
	}
	rec.State, rec.At, rec.Reason = Queuing, time.Now().UnixMilli(), ""
	rec.Why = nil
	r.dirty[rel] = true
	r.byFP[fp] = rel
	return ready{rel: rel, rec: rec, verdict: v}, true
}

// refused notes why a settled file is not uploaded; a truncated container is still being written.
func (r *runner) refused(rel string, rec *Record, v contract.Verdict) {
	switch v.Code {
	case preflight.CodeMissing:
		r.drop(rel)
	case preflight.CodeTruncated:
		if rec.State != Writing {
			rec.State, rec.Reason, rec.At = Writing, v.Reason, time.Now().UnixMilli()
			rec.Why = nil
			r.dirty[rel] = true
			r.report(contract.WatchEvent{Kind: contract.WatchEvWriting, Path: rel, Detail: i18n.T("watchDetail.writing", i18n.Args{"Reason": v.Reason})})
		}
	default:
		rec.State, rec.Reason, rec.At = Skipped, v.Reason, time.Now().UnixMilli()
		rec.Why = reworded(v.ReasonKey, v.ReasonParams)
		r.dirty[rel] = true
		r.report(contract.WatchEvent{Kind: contract.WatchEvSkipped, Path: rel, Detail: v.Reason})
	}
}

// known settles a file whose content this watch already queued or uploaded (a rename inside
// the folder, or a copy) or the duplicate index knows (uploaded from anywhere to the scope).
func (r *runner) known(rel string, rec *Record) bool {
	now := time.Now().UnixMilli()
	if other, ok := r.byFP[rec.FP]; ok && other != rel {
		if o := r.recs[other]; o != nil {
			if _, err := os.Lstat(r.abs(other)); isGone(err) && !o.Stale {
				r.renamed(other, rel, o, rec)
				return true
			}
			rec.State, rec.Reason, rec.At = Duplicate, i18n.T("watchDetail.sameAs", i18n.Args{"Path": other}), now
			rec.Why = nil
			r.dirty[rel] = true
			r.report(contract.WatchEvent{Kind: contract.WatchEvDuplicate, Path: rel, Detail: rec.Reason, VideoNo: o.VideoNo})
			return true
		}
	}
	no, ok, err := r.q.UploadedBefore(rec.FP, r.cfg.Scope)
	if err != nil || !ok {
		return false
	}
	rec.State, rec.VideoNo, rec.Reason, rec.At = Duplicate, no, i18n.T("watchDetail.uploadedAs", i18n.Args{"VideoNo": no}), now
	rec.Why = nil
	r.dirty[rel] = true
	r.report(contract.WatchEvent{Kind: contract.WatchEvDuplicate, Path: rel, Detail: rec.Reason, VideoNo: no})
	return true
}

// renamed moves what the watch knows about a file to its new name.
func (r *runner) renamed(from, to string, old, now *Record) {
	moved := *old
	moved.Size, moved.ModTime, moved.Ctime, moved.Ino = now.Size, now.ModTime, now.Ctime, now.Ino
	delete(r.recs, from)
	r.recs[to] = &moved
	r.dirty[from], r.dirty[to] = true, true
	r.byFP[moved.FP] = to
	if moved.JobID != 0 && r.byJob[moved.JobID] == from {
		r.byJob[moved.JobID] = to
	}
	r.report(contract.WatchEvent{Kind: contract.WatchEvRenamed, Path: to, Detail: i18n.T("watchDetail.renamed", i18n.Args{"From": from}), VideoNo: moved.VideoNo})
}

// enqueue puts a checked file on the transfer queue.
func (r *runner) enqueue(rd ready) {
	j, err := r.q.Enqueue(r.cfg, rd.verdict)
	rec := rd.rec
	if err != nil {
		rec.State, rec.Reason, rec.At = Failed, err.Error(), time.Now().UnixMilli()
		rec.Why = nil
		delete(r.byFP, rec.FP)
		r.dirty[rd.rel] = true
		r.report(contract.WatchEvent{Kind: contract.WatchEvFailed, Path: rd.rel, Detail: rec.Reason})
		return
	}
	rec.State, rec.JobID, rec.JobPath = Queued, j.ID, rd.rel
	r.byJob[j.ID] = rd.rel
	r.dirty[rd.rel] = true
	r.jobs.add(j.ID)
	r.report(contract.WatchEvent{Kind: contract.WatchEvQueued, Path: rd.rel, JobID: j.ID})
}
