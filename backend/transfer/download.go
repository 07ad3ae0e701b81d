package transfer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/safefile"
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

// localState is what the files on disk say before any request: the download is already done,
// or the job's .part holds offset bytes to continue from.
type localState struct {
	done   bool
	result contract.JobResult
	offset int64
	prefix *digest // fed the part's first offset bytes while checking them; nil when offset is 0
}

// checkLocal looks at what an earlier attempt of this job left, trusting only its own proof.
func (e *Engine) checkLocal(ctx context.Context, j contract.Job, spec DownloadSpec, m *meter) (localState, error) {
	p := ownProof(j, spec)
	if p != nil {
		if res, ok := committedEarlier(spec, p, partPath(spec, p)); ok {
			return localState{done: true, result: res}, nil
		}
	}
	if err := checkWritable(spec); err != nil {
		return localState{}, err
	}
	if p == nil {
		return localState{}, nil
	}
	return e.checkPart(ctx, j, spec, p, m)
}

// checkWritable fails before any (billed) request when the download could not be saved: the
// folder is missing or cannot be written, or the final name is taken and replacing it was not
// asked for.
func checkWritable(spec DownloadSpec) error {
	dir := spec.Dest
	if !spec.DestDir {
		dir = filepath.Dir(spec.Dest)
		if err := safefile.CheckFree(spec.Dest, spec.Overwrite); err != nil {
			return err
		}
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%w: %s", ErrNoFolder, dir)
	}
	if err := safefile.ProbeWritable(dir); err != nil {
		return safefile.CannotCreate(filepath.Join(dir, "x"), err)
	}
	return nil
}

// ErrNoFolder means the destination folder is missing or is not a folder.
var ErrNoFolder = errors.New("the destination folder is not there")

// checkPart decides from the job's own partial file: commit it (a whole file whose sums were
// recorded), continue it from the prefix whose content was proven, or start over.
func (e *Engine) checkPart(ctx context.Context, j contract.Job, spec DownloadSpec, p *PartProof, m *meter) (localState, error) {
	st := ownPart(spec, p)
	switch {
	case st == nil:
		return localState{}, nil
	case p.complete() && st.Size() == p.Size:
		return e.commitComplete(j.ID, spec, p, partPath(spec, p))
	}
	offset, prefix := provenPrefix(ctx, spec, p, st, m)
	return localState{offset: offset, prefix: prefix}, nil
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
