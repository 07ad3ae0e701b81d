package core

import (
	"path/filepath"

	"memories-desktop/backend/transfer"
)

// DownloadTarget is where downloads go: a file (one video) or a folder (several).
type DownloadTarget struct {
	Path   string `json:"path"`
	Folder bool   `json:"folder"`
}

// EnqueueDownloads queues downloads of library videos to target, never overwriting silently.
func (c *Core) EnqueueDownloads(nos []string, target DownloadTarget) ([]transfer.JobView, error) {
	scope := c.Settings.Get().Scope
	var views []transfer.JobView
	for _, no := range nos {
		j, err := c.Engine.EnqueueDownload(transfer.DownloadSpec{VideoNo: no, Scope: scope,
			Dest: target.Path, DestDir: target.Folder})
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
	j, err := c.Engine.EnqueueDownload(transfer.DownloadSpec{AssetID: assetID, Dest: path})
	if err != nil {
		return transfer.JobView{}, err
	}
	c.rememberFolder(DownloadTarget{Path: path})
	return c.Engine.View(j, nil), nil
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
