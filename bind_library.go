package main

import (
	"memories-desktop/backend/contract"
)

// Library returns one page of the current scope's videos from the local cache.
func (a *App) Library(q contract.LibraryQuery) (_ contract.VideoPage, err error) {
	defer settle(&err)
	return a.svc().Videos(a.ctx, q)
}

// RefreshLibrary reloads the scope's video list from the server into the cache.
func (a *App) RefreshLibrary() (_ contract.RefreshResult, err error) {
	defer settle(&err)
	return a.svc().RefreshLibrary(a.ctx, a.events)
}

// DeleteVideos deletes videos on the server and from the cache; the UI confirms first.
func (a *App) DeleteVideos(videoNos []string) (_ int, err error) {
	defer settle(&err)
	return a.svc().DeleteVideos(a.ctx, videoNos, a.events)
}

// VideoDetails fetches one video's full metadata for the details drawer.
func (a *App) VideoDetails(videoNo string) (_ *contract.VideoDetails, err error) {
	defer settle(&err)
	return a.svc().VideoDetails(a.ctx, videoNo)
}

// DownloadVideos asks where to save (a file for one video, a folder for several) and queues the
// downloads. A cancelled dialog queues nothing; names already taken in a folder come back as
// Conflicts, for DownloadVideosTo with the user's choice.
func (a *App) DownloadVideos(videoNos []string) (_ contract.DownloadResult, err error) {
	defer settle(&err)
	c := a.svc()
	target, err := c.AskDownloadTarget(videoNos)
	if err != nil || target.Path == "" {
		return contract.DownloadResult{Jobs: []contract.JobView{}}, err
	}
	return c.EnqueueDownloads(target)
}

// DownloadVideosTo queues the downloads DownloadVideos stopped at, with the choice for the taken
// names: "replace", "keep" (both) or "skip".
func (a *App) DownloadVideosTo(videoNos []string, target contract.DownloadRequest, choice string) (_ contract.DownloadResult, err error) {
	defer settle(&err)
	target.IDs, target.Choice, target.Remember = videoNos, choice, true
	return a.svc().EnqueueDownloads(target)
}

// RetryDownload retries a download that found its file name taken, with the user's choice.
func (a *App) RetryDownload(id uint64, choice string) (err error) {
	defer settle(&err)
	return a.svc().RetryDownload(id, choice)
}

// DownloadAsset asks where to save a v2 asset and queues its download.
func (a *App) DownloadAsset(assetID string) (_ contract.JobView, err error) {
	defer settle(&err)
	return a.svc().DownloadAssetAsked(assetID)
}

// DeleteSelected deletes every video of a select-all selection (all that match the filter,
// bar the unchecked ones), resolved in the backend so rows never loaded are included.
func (a *App) DeleteSelected(s contract.Selection) (_ int, err error) {
	defer settle(&err)
	nos, err := a.svc().SelectedVideos(s)
	if err != nil {
		return 0, err
	}
	return a.DeleteVideos(nos)
}

// DownloadSelected queues downloads of every video of a select-all selection.
func (a *App) DownloadSelected(s contract.Selection) (_ contract.DownloadResult, err error) {
	defer settle(&err)
	nos, err := a.svc().SelectedVideos(s)
	if err != nil {
		return contract.DownloadResult{}, err
	}
	return a.DownloadVideos(nos)
}

// DownloadSelectedTo is DownloadVideosTo for a select-all selection.
func (a *App) DownloadSelectedTo(s contract.Selection, target contract.DownloadRequest, choice string) (_ contract.DownloadResult, err error) {
	defer settle(&err)
	nos, err := a.svc().SelectedVideos(s)
	if err != nil {
		return contract.DownloadResult{}, err
	}
	return a.DownloadVideosTo(nos, target, choice)
}
