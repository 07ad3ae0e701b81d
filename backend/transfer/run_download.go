package transfer

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"

	"memories-desktop/backend/api"
	"memories-desktop/backend/store"
)

// runDownload saves a library video or an asset through a .part file. A .part left by an earlier
// attempt is continued with a Range request when the server honours it, else started over.
func runDownload(ctx context.Context, e *Engine, j store.Job, m *Meter) (store.JobResult, error) {
	var spec DownloadSpec
	if err := decodeParams(j, &spec); err != nil {
		return store.JobResult{}, err
	}
	client, err := e.o.Client()
	if err != nil {
		return store.JobResult{}, err
	}
	ep := endpointFor(j.Kind)
	offset := partSize(spec)
	var dl *api.Download
	err = e.call(ctx, ep, m, func() (err error) {
		dl, err = fetch(ctx, client, spec, offset)
		return err
	})
	if err != nil {
		return store.JobResult{}, err
	}
	defer dl.Body.Close()
	if spec, err = e.settleName(j, spec, dl); err != nil {
		return store.JobResult{}, err
	}
	return e.save(ctx, j, spec, dl, m)
}

func fetch(ctx context.Context, c *api.Client, spec DownloadSpec, offset int64) (*api.Download, error) {
	opts := api.DownloadOptions{Offset: offset}
	if spec.AssetID != "" {
		return c.DownloadAsset(ctx, spec.AssetID, opts)
	}
	return c.Download(ctx, spec.VideoNo, scopeOr(spec.Scope), opts)
}

// settleName fixes the file name once the server has answered (for a folder destination) and
// records it, so a later resume looks for the same .part file.
func (e *Engine) settleName(j store.Job, spec DownloadSpec, dl *api.Download) (DownloadSpec, error) {
	if !spec.DestDir {
		return spec, nil
	}
	name := dl.Filename
	if spec.Suggested != "" {
		name = spec.Suggested
	}
	spec.Dest = filepath.Join(spec.Dest, api.SanitizeFilename(name, spec.ID()+".mp4"))
	spec.DestDir = false
	params, err := json.Marshal(spec)
	if err != nil {
		return spec, err
	}
	_, err = e.db.UpdateJob(j.ID, func(j *store.Job) error {
		j.Params, j.Name = params, filepath.Base(spec.Dest)
		return nil
	})
	return spec, err
}

func (e *Engine) save(ctx context.Context, j store.Job, spec DownloadSpec, dl *api.Download, m *Meter) (store.JobResult, error) {
	total := int64(-1)
	if dl.Size >= 0 {
		total = dl.Offset + dl.Size
	}
	m.SetTotal(total)
	m.Rebase(dl.Offset) // bytes from an earlier attempt are not speed
	saved, err := WriteAtomic(ctx, dl.Body, total, spec.Dest, SaveOptions{Overwrite: spec.Overwrite,
		KeepPartial: true, Offset: dl.Offset, Progress: m.Set})
	if err != nil {
		if retryable(err) && ctx.Err() == nil {
			e.pacer.Failed(endpointFor(j.Kind), 0)
		}
		return store.JobResult{}, err
	}
	return store.JobResult{Path: saved.Path, Bytes: saved.Bytes, SHA256: saved.SHA256}, nil
}

// partSize is how much of the file an earlier attempt left, 0 when none or not resumable yet.
func partSize(spec DownloadSpec) int64 {
	if spec.DestDir {
		return 0
	}
	info, err := os.Stat(spec.Dest + PartSuffix)
	if err != nil {
		return 0
	}
	return info.Size()
}

// removePart deletes a cancelled download's partial file.
func removePart(db *store.DB, id uint64) {
	j, err := db.Job(id)
	if err != nil || (j.Kind != KindDownload && j.Kind != KindAsset) {
		return
	}
	var spec DownloadSpec
	if decodeParams(j, &spec) == nil && !spec.DestDir {
		os.Remove(spec.Dest + PartSuffix)
	}
}
