package core

import (
	"cmp"
	"context"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// watchQueue is what a running watch uses of the engine and the duplicate index.
type watchQueue struct{ c *Service }

func (q watchQueue) Fingerprint(ctx context.Context, path string) (string, error) {
	return transfer.FingerprintFile(ctx, path)
}

func (q watchQueue) scope(s string) string { return api.ScopeOr(cmp.Or(s, q.c.current().Scope)) }

func (q watchQueue) UploadedBefore(fp, scope string) (string, bool, error) {
	no, _, ok, err := q.c.activeDB().LookupHash(fp, q.scope(scope))
	return no, ok, err
}

// Enqueue queues the upload with the watch's scope and tags, and the capture details read from
// the file for what the preset leaves empty; the original is kept, so it can be downloaded.
func (q watchQueue) Enqueue(w contract.WatchConfig, v contract.Verdict) (contract.Job, error) {
	m := apiMeta(withFileMeta(contract.Meta{Scope: w.Scope, Tags: w.Tags, FileMeta: true, RetainOriginal: true}, v), q.c.current().Scope)
	if err := transfer.ValidateMeta(m); err != nil {
		return contract.Job{}, err
	}
	return q.c.engine().EnqueueWatchedUpload(v.Path, m, w.Name)
}

func (q watchQueue) Wait(ctx context.Context, id uint64) (contract.Job, error) {
	jobs, err := q.c.engine().Wait(ctx, id)
	if err != nil || len(jobs) == 0 {
		return contract.Job{}, cmp.Or(err, store.ErrNotFound)
	}
	return jobs[0], nil
}

func (q watchQueue) Job(id uint64) (contract.Job, error) { return q.c.activeDB().Job(id) }

func (q watchQueue) Resume(id uint64) error { return q.c.engine().Resume(id) }

func (q watchQueue) FindJob(name, path string, since int64) (uint64, bool, error) {
	jobs, err := q.c.activeDB().UploadJobsSince(since)
	if err != nil {
		return 0, false, err
	}
	for _, j := range jobs {
		var spec transfer.UploadSpec
		decode(j, &spec)
		if spec.Watch == name && spec.Path == path {
			return j.ID, true, nil
		}
	}
	return 0, false, nil
}
