package core

import (
	"cmp"
	"encoding/json"
	"net/http"
	"os"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// JobPreview returns the preview URL of the local file a job uploaded or downloaded, "" when
// it has none or the file is no longer on disk.
func (c *Service) JobPreview(id uint64) (string, error) {
	j, err := c.activeDB().Job(id)
	if err != nil {
		return "", err
	}
	return c.previewOf(localFile(j)), nil
}

// VideoPreview returns the preview URL of a library video's local copy (see LocalCopy); "" when
// it has none on disk.
func (c *Service) VideoPreview(scope, videoNo string) (string, error) {
	path, err := c.LocalCopy(scope, videoNo)
	return c.previewOf(path), err
}

// LocalCopy returns the file on this computer that holds a library video: the file it was
// uploaded from, else the newest finished download of it; "" when neither is on disk (or the
// front end opened no database).
func (c *Service) LocalCopy(scope, videoNo string) (string, error) {
	db := c.activeDB()
	if db == nil {
		return "", nil
	}
	scope = cmp.Or(scope, c.current().Scope)
	if v, err := db.Video(scope, videoNo); err == nil && v.SourceJob != 0 {
		if j, err := db.Job(v.SourceJob); err == nil && onDisk(localFile(j)) {
			return localFile(j), nil
		}
	}
	page, err := db.Jobs(store.JobQuery{Kinds: []jobkind.JobKind{jobkind.Download},
		States: []jobstate.JobState{jobstate.Done}, Text: videoNo, Limit: 50})
	if err != nil {
		return "", err
	}
	for _, j := range page.Jobs {
		if path := localFile(j); onDisk(path) && downloadOf(j) == videoNo {
			return path, nil
		}
	}
	return "", nil
}

// localFile is the file on this computer a job read or wrote, "" when none.
func localFile(j contract.Job) string {
	switch {
	case j.Kind == jobkind.UploadFile:
		var spec transfer.UploadSpec
		if json.Unmarshal(j.Params, &spec) == nil {
			return spec.Path
		}
	case j.Kind == jobkind.Download && j.State == jobstate.Done:
		return j.Result.Path
	}
	return ""
}

func downloadOf(j contract.Job) string {
	var spec transfer.DownloadSpec
	_ = json.Unmarshal(j.Params, &spec) // a job whose parameters do not decode matches no video
	return spec.VideoNo
}

// previewOf registers a regular file that still exists and returns its URL.
func (c *Service) previewOf(path string) string {
	if !onDisk(path) {
		return ""
	}
	return c.previews.URL(path)
}

// onDisk reports whether path names a regular file that exists.
func onDisk(path string) bool {
	if path == "" {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

// ServePreview serves a registered local file to the webview.
func (c *Service) ServePreview(w http.ResponseWriter, r *http.Request) { c.previews.ServeHTTP(w, r) }

// ServePreviewsOverLoopback also serves previews on a loopback port, for a webview whose media
// player cannot read the app's own scheme (WebKitGTK).
func (c *Service) ServePreviewsOverLoopback() error {
	_, err := c.previews.ServeLoopback()
	return err
}
