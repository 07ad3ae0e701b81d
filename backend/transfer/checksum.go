package transfer

import (
	"context"
	"errors"
	"fmt"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
)

// ErrFileChanged means a downloaded file no longer holds the bytes that were downloaded: its
// SHA-256 would describe something else.
var ErrFileChanged = errors.New("the file changed since it was downloaded")

// SHA256OfDownload computes, on request, the SHA-256 of a finished download's file: streamed,
// stopped by ctx, never through a link. The same read checks the file's length and fingerprint
// against the download's, so the sum is that of the downloaded bytes; it is kept in the job
// record and the job's row is updated.
func (e *Engine) SHA256OfDownload(ctx context.Context, id uint64) (string, error) {
	j, err := e.db.Job(id)
	if err != nil {
		return "", err
	}
	if (j.Kind != jobkind.Download && j.Kind != jobkind.DownloadAsset) || j.State != jobstate.Done || j.Result.Path == "" {
		return "", fmt.Errorf("job %d is not a finished download", id)
	}
	res, err := fileSumsCtx(ctx, j.Result.Path, true)
	if err != nil {
		return "", err
	}
	if res.Bytes != j.Result.Bytes || (j.Result.Fingerprint != "" && res.Fingerprint != j.Result.Fingerprint) {
		return "", fmt.Errorf("%s: %w", j.Result.Path, ErrFileChanged)
	}
	return res.SHA256, e.keepSHA256(id, res.SHA256)
}

// keepSHA256 records the sum in the job's result and shows it in its row.
func (e *Engine) keepSHA256(id uint64, sum string) error {
	j, err := e.db.UpdateJob(id, func(j *contract.Job) error {
		j.Result.SHA256 = sum
		return nil
	})
	if err == nil {
		e.emitJob(j, nil)
	}
	return err
}
