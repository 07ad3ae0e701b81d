package transfer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/safefile"
)

// save writes the answer's body to the job's part and commits it. prefix, when given, has been
// fed the part's first dl.Offset bytes (checkPart checked them), so they are not read again.
func (e *Engine) save(ctx context.Context, j contract.Job, spec DownloadSpec, dl *api.Download, prefix *digest, m *meter) (contract.JobResult, error) {
	p := spec.Part
	total := p.Size
	if dl.Size >= 0 {
		total = dl.Offset + dl.Size
	} else if dl.Total >= 0 {
		total = dl.Total // a 206 without Content-Length still names the full length
	}
	m.SetTotal(total)
	m.Rebase(dl.Offset) // bytes from an earlier attempt are not speed
	d := prefix
	if d == nil {
		d = newDigest(spec.SHA256)
	}
	defer d.Close()
	ck := e.newCheckpointer(j.ID, &spec, d, dl.Offset)
	var res contract.JobResult
	saved, err := safefile.WriteAtomic(ctx, dl.Body, total, spec.Dest, safefile.Options{Part: partPath(spec, p),
		Overwrite: spec.Overwrite, KeepPartial: true, Offset: dl.Offset, Prefed: prefix != nil, Rehashing: m.SetWaiting,
		Progress: func(n int64) { m.Set(n); ck.progress(n) },
		Hash:     d, Opened: e.partOpened(j.ID, &spec, dl.Offset), Verified: func(s safefile.Saved) error {
			if err := checkContent(partPath(spec, p), s.Bytes); err != nil {
				return err
			}
			res = sumsOf(d, spec.Dest, s.Bytes)
			return e.proveComplete(j.ID, spec, res)
		}})
	if err != nil {
		e.stopped(ctx, j, spec, ck, saved.Bytes, err)
		return contract.JobResult{}, folderGone(ctx, spec, err)
	}
	return res, nil
}

// partOpened records the identity of a part file the job has just created, or checks that a
// reopened one is still that file, before a byte is written to it.
func (e *Engine) partOpened(id uint64, spec *DownloadSpec, offset int64) func(fs.FileInfo) error {
	return func(info fs.FileInfo) error {
		p := *spec.Part
		if offset > 0 {
			if !p.created(info) {
				return fmt.Errorf("%s: %w: it is not the file this download created", partPath(*spec, &p), safefile.ErrNotRegular)
			}
			return nil
		}
		fid, ok := safefile.IDOf(info)
		if !ok {
			return nil
		}
		p.File = &fid
		next, err := e.recordProof(id, *spec, &p)
		*spec = next
		return err
	}
}

// stopped handles a write that did not finish: the part of an answer that was not the file is
// removed, any other is kept with a checkpoint for the resume; a retryable failure pushes the
// endpoint's next slot out.
func (e *Engine) stopped(ctx context.Context, j contract.Job, spec DownloadSpec, ck *checkpointer, n int64, err error) {
	if errors.Is(err, ErrNotMedia) {
		dropOwnPart(spec, spec.Part)
	} else {
		keepCheckpoint(ck, spec, n)
	}
	if retryable(err) && ctx.Err() == nil {
		e.pacer.Failed(endpointFor(j.Kind), 0)
	}
}

// folderGone names a destination folder removed while the download ran, instead of the system
// error about the partial file in it that the removal caused.
func folderGone(ctx context.Context, spec DownloadSpec, err error) error {
	dir := filepath.Dir(spec.Dest)
	if _, serr := os.Stat(dir); ctx.Err() == nil && errors.Is(serr, fs.ErrNotExist) && !errors.Is(err, ErrNoFolder) {
		return fmt.Errorf("%w: %s was removed during the download", ErrNoFolder, dir)
	}
	return err
}

// sumsOf is the result of a download whose bytes went through d.
func sumsOf(d *digest, path string, n int64) contract.JobResult {
	fp, sha := d.sums()
	return contract.JobResult{Path: path, Bytes: n, Fingerprint: fp, SHA256: sha}
}

// rangeEnded handles a 416 to a resumed request: when the part already has the file's full
// length it is verified and committed; otherwise it is dropped and the next attempt, asking for
// no range, starts over. Either way the same range is never asked for again.
func (e *Engine) rangeEnded(j contract.Job, spec DownloadSpec, p *PartProof, re *api.RangeError) (contract.JobResult, error) {
	if p == nil {
		return contract.JobResult{}, re
	}
	part := partPath(spec, p)
	if st := ownPart(spec, p); st != nil && re.Size >= 0 && st.Size() == re.Size {
		q := *p
		q.Size = re.Size
		local, err := e.commitComplete(j.ID, spec, &q, part)
		if err != nil || local.done {
			return local.result, err
		}
	}
	dropOwnPart(spec, p)
	return contract.JobResult{}, errPartStale
}

// committedEarlier recognises a crash between the rename and the record: the final name holds
// exactly the file the proof's checksum describes. Our leftover .part, if any, is removed.
func committedEarlier(spec DownloadSpec, p *PartProof, part string) (contract.JobResult, bool) {
	st := regularFile(spec.Dest)
	if (p.Fingerprint == "" && p.SHA256 == "") || st == nil || (p.Size >= 0 && st.Size() != p.Size) {
		return contract.JobResult{}, false
	}
	res, err := fileSums(spec.Dest, spec.SHA256 || p.needsSHA256())
	if err != nil || !p.proven(res.Fingerprint, res.SHA256) {
		return contract.JobResult{}, false
	}
	// The part is removed when it is ours, or the final file's second name (killed between the
	// link that names the final file and the removal of the part name).
	if ps := regularFile(part); ownPart(spec, p) != nil || (ps != nil && os.SameFile(ps, st)) {
		os.Remove(part)
	}
	return res, true
}

// commitComplete finishes a .part that already holds the whole file (killed after the last byte,
// before the rename): it is verified against the proof and renamed, with no request. A part
// whose checksum does not match is dropped and the download starts over.
func (e *Engine) commitComplete(id uint64, spec DownloadSpec, p *PartProof, part string) (localState, error) {
	st := ownPart(spec, p)
	res, err := fileSums(part, spec.SHA256 || p.needsSHA256())
	if err != nil || st == nil {
		return localState{}, err
	}
	if (p.Fingerprint != "" || p.SHA256 != "") && !p.proven(res.Fingerprint, res.SHA256) {
		os.Remove(part)
		return localState{}, nil
	}
	if err := e.proveComplete(id, spec, res); err != nil {
		return localState{}, err
	}
	if err := safefile.Commit(part, st, spec.Dest, spec.Overwrite); err != nil {
		return localState{}, err
	}
	res.Path = spec.Dest
	return localState{done: true, result: res}, nil
}

// proveComplete records the finished part's length and checksums before it takes the final
// name, so a crash right after the rename is recognised as done on resume.
func (e *Engine) proveComplete(id uint64, spec DownloadSpec, res contract.JobResult) error {
	p := *spec.Part
	p.Size, p.Fingerprint, p.SHA256 = res.Bytes, res.Fingerprint, res.SHA256
	_, err := e.recordProof(id, spec, &p)
	return err
}
