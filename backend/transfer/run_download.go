package transfer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/safefile"
	"memories-desktop/backend/store"
)

// errPartStale means the service's answer does not continue the job's partial file (another
// version of the file, or a part the server says is past its end); the part is dropped and the
// next attempt starts over. It is retried: the fresh start asks for no range, so it cannot loop.
var errPartStale = errors.New("the partial file does not match the file on the server; starting over")

// runDownload saves a library video or an asset through the job's own .part file. What is on
// disk is checked first: a file already complete (under its final name, or as a .part killed
// before the rename) is finished with no request; a .part the job's proof vouches for is
// continued with a Range request when the server honours it, else started over.
func runDownload(ctx context.Context, e *Engine, j contract.Job, m *meter) (contract.JobResult, error) {
	var spec DownloadSpec
	if err := decodeParams(j, &spec); err != nil {
		return contract.JobResult{}, err
	}
	client, err := e.client()
	if err != nil {
		return contract.JobResult{}, err
	}
	local, err := e.checkLocal(ctx, j, spec, m)
	if err != nil || local.done {
		return e.downloaded(j, spec, local.result, err)
	}
	if local.prefix != nil {
		defer local.prefix.Close()
	}
	actx, end := e.watchSpeed(ctx, m)
	result, err := e.fetchAndSave(actx, client, j, spec, local, m)
	err = end(err)
	if errors.Is(err, errIdle) {
		e.pacer.Failed(endpointFor(j.Kind), 0)
	}
	return e.downloaded(j, spec, result, err)
}

// downloaded records a saved video in the duplicate index under the video it came from, so
// uploading the file again is flagged as already uploaded (an asset is no video: not recorded),
// and names the video in the result, so the job is found by its video number (a file saved
// under a name of the user's choosing is the video's local copy, core.LocalCopy).
func (e *Engine) downloaded(j contract.Job, spec DownloadSpec, res contract.JobResult, err error) (contract.JobResult, error) {
	if err != nil || spec.VideoNo == "" || res.Fingerprint == "" {
		return res, err
	}
	res.VideoNos = []string{spec.VideoNo}
	at := e.o.Clock.Now().UnixMilli()
	if v, verr := e.db.Video(api.ScopeOr(spec.Scope), spec.VideoNo); verr == nil && v.Created > 0 {
		at = v.Created
	}
	e.db.PutHash(res.Fingerprint, api.ScopeOr(spec.Scope), spec.VideoNo, at)
	return res, nil
}

func (e *Engine) fetchAndSave(ctx context.Context, c *api.Client, j contract.Job, spec DownloadSpec, local localState, m *meter) (contract.JobResult, error) {
	p := ownProof(j, spec)
	var dl *api.Download
	err := e.call(ctx, m, nil, func(ctx context.Context) (err error) {
		dl, err = fetch(ctx, c, spec, resumeOptions(p, local.offset))
		return err
	})
	if re := (*api.RangeError)(nil); errors.As(err, &re) {
		return e.rangeEnded(j, spec, p, re)
	}
	if err != nil {
		return contract.JobResult{}, err
	}
	defer dl.Body.Close()
	if err := checkEncoding(dl.Encoding); err != nil {
		return contract.JobResult{}, err
	}
	if spec, err = e.settleName(j, spec, dl); errors.Is(err, errSkipExisting) {
		return contract.JobResult{Path: spec.Dest, Status: contract.StatusSkipped}, nil
	} else if err != nil {
		return contract.JobResult{}, err
	}
	if spec, err = e.choosePart(j, spec, dl); err != nil {
		return contract.JobResult{}, err
	}
	var prefix *digest // the part's checked bytes, already hashed, when the answer continues them
	if dl.Offset > 0 && dl.Offset == local.offset {
		prefix = local.prefix
	}
	return e.save(ctx, j, spec, dl, prefix, m)
}

func resumeOptions(p *PartProof, offset int64) api.DownloadOptions {
	if p == nil || offset <= 0 {
		return api.DownloadOptions{}
	}
	return api.DownloadOptions{Offset: offset, IfRange: p.validator()}
}

func fetch(ctx context.Context, c *api.Client, spec DownloadSpec, opts api.DownloadOptions) (*api.Download, error) {
	if spec.AssetID != "" {
		return c.DownloadAsset(ctx, spec.AssetID, opts)
	}
	return c.Download(ctx, spec.VideoNo, api.ScopeOr(spec.Scope), opts)
}

// settleName fixes the file name once the server has answered (for a folder destination) and
// records it, so a later resume looks for the same .part file.
func (e *Engine) settleName(j contract.Job, spec DownloadSpec, dl *api.Download) (DownloadSpec, error) {
	if !spec.DestDir {
		return spec, nil
	}
	name := dl.Filename
	if spec.Suggested != "" {
		name = spec.Suggested
	}
	spec.Dest = filepath.Join(spec.Dest, withoutRunnableExt(api.SanitizeFilename(name, spec.ID()+".mp4")))
	spec.DestDir = false
	spec, err := onExists(spec)
	if err != nil {
		return spec, err
	}
	params, err := json.Marshal(spec)
	if err != nil {
		return spec, err
	}
	_, err = e.db.UpdateJob(j.ID, func(j *contract.Job) error {
		j.Params, j.Name = params, filepath.Base(spec.Dest)
		return nil
	})
	return spec, err
}

// choosePart keeps the job's .part when the answer continues it; otherwise the old part (ours)
// is dropped and a fresh one is proven in the job record before it is created.
func (e *Engine) choosePart(j contract.Job, spec DownloadSpec, dl *api.Download) (DownloadSpec, error) {
	p := ownProof(j, spec)
	if dl.Offset > 0 && p != nil && p.matches(dl) {
		return spec, nil
	}
	if p != nil {
		dropOwnPart(spec, p)
	}
	if dl.Offset > 0 {
		return spec, errPartStale
	}
	fresh := newPartProof(j, spec)
	fresh.adopt(dl)
	return e.recordProof(j.ID, spec, fresh)
}

// save writes the answer's body to the job's part and commits it. prefix, when given, has been
// fed the part's first dl.Offset bytes (resume_local.go checked them), so they are not read again.
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

// folderGone names a destination folder removed while the download ran, instead of the system
// error about the partial file in it that the removal caused.
func folderGone(ctx context.Context, spec DownloadSpec, err error) error {
	dir := filepath.Dir(spec.Dest)
	if _, serr := os.Stat(dir); ctx.Err() == nil && errors.Is(serr, fs.ErrNotExist) && !errors.Is(err, ErrNoFolder) {
		return fmt.Errorf("%w: %s was removed during the download", ErrNoFolder, dir)
	}
	return err
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

// sumsOf is the result of a download whose bytes went through d.
func sumsOf(d *digest, path string, n int64) contract.JobResult {
	fp, sha := d.sums()
	return contract.JobResult{Path: path, Bytes: n, Fingerprint: fp, SHA256: sha}
}

// proveComplete records the finished part's length and checksums before it takes the final
// name, so a crash right after the rename is recognised as done on resume.
func (e *Engine) proveComplete(id uint64, spec DownloadSpec, res contract.JobResult) error {
	p := *spec.Part
	p.Size, p.Fingerprint, p.SHA256 = res.Bytes, res.Fingerprint, res.SHA256
	_, err := e.recordProof(id, spec, &p)
	return err
}

// removePart deletes a cancelled download's partial file: only the job's own, only a plain file.
func removePart(db *store.DB, id uint64) {
	j, err := db.Job(id)
	if err != nil || (j.Kind != jobkind.Download && j.Kind != jobkind.DownloadAsset) {
		return
	}
	var spec DownloadSpec
	if decodeParams(j, &spec) != nil {
		return
	}
	if p := ownProof(j, spec); p != nil {
		dropOwnPart(spec, p)
	}
}

// dropOwnPart removes the proof's partial file when it is still the one the job created;
// anything else found under that name (a link, a hard link, a folder) is left alone.
func dropOwnPart(spec DownloadSpec, p *PartProof) {
	if ownPart(spec, p) != nil {
		os.Remove(partPath(spec, p))
	}
}
