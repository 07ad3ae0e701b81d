package main

import (
	"memories-desktop/backend/api"
	"memories-desktop/backend/core"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// Library returns one page of the current scope's videos from the local cache.
func (a *App) Library(q core.LibraryQuery) (store.VideoPage, error) { return a.svc().Library(q) }

// RefreshLibrary reloads the scope's video list from the server into the cache.
func (a *App) RefreshLibrary() (core.RefreshResult, error) {
	return a.svc().RefreshLibrary(a.ctx, a.events)
}

// DeleteVideos deletes videos on the server and from the cache; the UI confirms first.
func (a *App) DeleteVideos(videoNos []string) (int, error) {
	return a.svc().DeleteVideos(a.ctx, videoNos, a.events)
}

// VideoDetails fetches one video's full metadata for the details drawer.
func (a *App) VideoDetails(videoNo string) (*api.Video, error) {
	return a.svc().VideoDetails(a.ctx, videoNo)
}

// DownloadVideos asks where to save (a file for one video, a folder for several) and queues the
// downloads. A cancelled dialog queues nothing.
func (a *App) DownloadVideos(videoNos []string) ([]transfer.JobView, error) {
	c := a.svc()
	target, err := a.chooseTarget(videoNos, c.Settings.Get().DownloadDir)
	if err != nil || target.Path == "" {
		return nil, err
	}
	return c.EnqueueDownloads(videoNos, target)
}

func (a *App) chooseTarget(nos []string, start string) (core.DownloadTarget, error) {
	if len(nos) == 1 {
		name := a.svc().SuggestedName(nos[0])
		if name == "" {
			name = api.SanitizeFilename(nos[0]+".mp4", "video.mp4")
		}
		path, err := a.dialogs.SaveFile("Save video", start, name, core.VideoOut)
		return core.DownloadTarget{Path: path}, err
	}
	dir, err := a.dialogs.ChooseFolder("Save videos into folder", start)
	return core.DownloadTarget{Path: dir, Folder: true}, err
}

// DownloadAsset asks where to save a v2 asset and queues its download.
func (a *App) DownloadAsset(assetID string) (transfer.JobView, error) {
	c := a.svc()
	path, err := a.dialogs.SaveFile("Save asset", c.Settings.Get().DownloadDir,
		api.SanitizeFilename(assetID+".mp4", "asset.mp4"), core.VideoOut)
	if err != nil || path == "" {
		return transfer.JobView{}, err
	}
	return c.EnqueueAsset(assetID, path)
}

// DeleteSelected deletes every video of a select-all selection (all that match the filter,
// bar the unchecked ones), resolved in the backend so rows never loaded are included.
func (a *App) DeleteSelected(s core.Selection) (int, error) {
	nos, err := a.svc().SelectedVideos(s)
	if err != nil {
		return 0, err
	}
	return a.DeleteVideos(nos)
}

// DownloadSelected queues downloads of every video of a select-all selection.
func (a *App) DownloadSelected(s core.Selection) ([]transfer.JobView, error) {
	nos, err := a.svc().SelectedVideos(s)
	if err != nil {
		return nil, err
	}
	return a.DownloadVideos(nos)
}
