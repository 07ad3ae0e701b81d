package core

import (
	"net/url"
	"path"
	"path/filepath"

	"memories-desktop/backend/api"
	"memories-desktop/backend/preflight"
	"memories-desktop/backend/transfer"
	"memories-desktop/backend/validate"
)

// DownloadTarget is where downloads go: a file (one video) or a folder (several).
type DownloadTarget struct {
	Path   string `json:"path"`
	Folder bool   `json:"folder"`
}

// EnqueueDownloads queues downloads of library videos to target, never overwriting silently.
func (c *Core) EnqueueDownloads(nos []string, target DownloadTarget) ([]transfer.JobView, error) {
	if err := target.check(); err != nil {
		return nil, err
	}
	if err := validate.IDs(validate.FieldVideoNo, nos); err != nil {
		return nil, err
	}
	scope := c.Settings.Get().Scope
	var views []transfer.JobView
	for _, no := range nos {
		j, err := c.Engine.EnqueueDownload(transfer.DownloadSpec{VideoNo: no, Scope: scope,
			Dest: target.Path, DestDir: target.Folder, Suggested: c.SuggestedName(no)})
		if err != nil {
			return views, err
		}
		views = append(views, c.Engine.View(j, nil))
	}
	c.rememberFolder(target)
	return views, nil
}

// EnqueueAsset queues a v2 asset download to a chosen file.
func (c *Core) EnqueueAsset(assetID string, path string) (transfer.JobView, error) {
	if err := validate.DestFile(path); err != nil {
		return transfer.JobView{}, err
	}
	j, err := c.Engine.EnqueueDownload(transfer.DownloadSpec{AssetID: assetID, Dest: path})
	if err != nil {
		return transfer.JobView{}, err
	}
	c.rememberFolder(DownloadTarget{Path: path})
	return c.Engine.View(j, nil), nil
}

// check applies the destination rules the CLI uses, before any (billed) request.
func (t DownloadTarget) check() error {
	if t.Folder {
		return validate.DestFolder(t.Path)
	}
	return validate.DestFile(t.Path)
}

// rememberFolder seeds the next save dialog with the folder just used.
func (c *Core) rememberFolder(t DownloadTarget) {
	dir := t.Path
	if !t.Folder {
		dir = filepath.Dir(t.Path)
	}
	s := c.Settings.Get()
	if s.DownloadDir != dir {
		s.DownloadDir = dir
		c.Settings.Update(s)
	}
}

// SuggestedName is the file name to offer for a library video: the name it was uploaded under
// (a file name, or the last part of its source URL), with a video extension; "" when unknown.
// The server's own stored name is often an internal hex string, so it is not used here.
func (c *Core) SuggestedName(videoNo string) string {
	v, err := c.DB.Video(c.Settings.Get().Scope, videoNo)
	if err != nil || v.Title == "" {
		return ""
	}
	name := v.Title
	if u, err := url.Parse(name); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		name = path.Base(u.Path)
	}
	if name == "" || name == "." || name == "/" {
		return ""
	}
	if _, ok := preflight.ContentType(name); !ok {
		name += ".mp4"
	}
	return api.SanitizeFilename(name, videoNo+".mp4")
}
