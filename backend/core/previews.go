package core

import (
	"cmp"
	"encoding/json"
	"os"

	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// JobPreview returns the preview URL of the local file a job uploaded or downloaded, "" when
// it has none or the file is no longer on disk.
func (c *Service) JobPreview(id uint64) (string, error) {
	j, err := c.DB().Job(id)
	if err != nil {
		return "", err
	}
	return c.previewOf(localFile(j)), nil
}

// VideoPreview returns the preview URL of a library video's local copy: the file it was
// uploaded from, else the newest finished download of it; "" when neither is on disk.
func (c *Service) VideoPreview(scope, videoNo string) (string, error) {
	scope = cmp.Or(scope, c.Settings.Get().Scope)
	if v, err := c.DB().Video(scope, videoNo); err == nil && v.SourceJob != 0 {
		if url, err := c.JobPreview(v.SourceJob); err == nil && url != "" {
			return url, nil
		}
	}
	page, err := c.DB().Jobs(store.JobQuery{Kinds: []store.JobKind{transfer.KindDownload},
		States: []store.JobState{store.StateDone}, Text: videoNo, Limit: 50})
	if err != nil {
		return "", err
	}
	for _, j := range page.Jobs {
		if url := c.previewOf(localFile(j)); url != "" && downloadOf(j) == videoNo {
			return url, nil
		}
	}
	return "", nil
}

// localFile is the file on this computer a job read or wrote, "" when none.
func localFile(j store.Job) string {
	switch {
	case j.Kind == transfer.KindUpload:
		var spec transfer.UploadSpec
		if json.Unmarshal(j.Params, &spec) == nil {
			return spec.Path
		}
	case j.Kind == transfer.KindDownload && j.State == store.StateDone:
		return j.Result.Path
	}
	return ""
}

func downloadOf(j store.Job) string {
	var spec transfer.DownloadSpec
	_ = json.Unmarshal(j.Params, &spec) // a job whose parameters do not decode matches no video
	return spec.VideoNo
}

// previewOf registers a regular file that still exists and returns its URL.
func (c *Service) previewOf(path string) string {
	if path == "" {
		return ""
	}
	if info, err := os.Stat(path); err != nil || !info.Mode().IsRegular() {
		return ""
	}
	return c.Previews.URL(path)
}
