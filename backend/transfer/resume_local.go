package transfer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/safefile"
)

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

// isStale reports the errors after which a download starts over from byte 0.
func isStale(err error) bool { return errors.Is(err, errPartStale) }

// ErrNoFolder means the destination folder is missing or is not a folder.
var ErrNoFolder = errors.New("the destination folder is not there")

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
	f, err := os.CreateTemp(dir, ".memories-write-check-*")
	if err != nil {
		return safefile.CannotCreate(filepath.Join(dir, "x"), err)
	}
	f.Close()
	return os.Remove(f.Name())
}
