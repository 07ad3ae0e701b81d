package core

import (
	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
)

// The flows that ask the user through the front end's dialogs (Options.Dialogs), remembering
// where each file dialog was last used. A cancelled dialog returns "" (or nil) and no error; a
// front end without dialogs gets an error.

// ChooseVideos asks for video files to upload.
func (c *Service) ChooseVideos() ([]string, error) {
	paths, err := c.dialogs.ChooseFiles(i18n.T("dialog.chooseVideos"), c.PickerDir(PickerUploadFiles), VideoFilter())
	if len(paths) > 0 {
		c.RememberPicker(PickerUploadFiles, paths[0])
	}
	return paths, err
}

// ChooseVideoFolder asks for a folder of videos to upload.
func (c *Service) ChooseVideoFolder() (string, error) {
	dir, err := c.dialogs.ChooseFolder(i18n.T("dialog.chooseVideoFolder"), c.PickerDir(PickerUploadFolder))
	c.RememberPicker(PickerUploadFolder, dir)
	return dir, err
}

// ChooseFolder asks for any folder (the Settings view's download folder).
func (c *Service) ChooseFolder(title, startDir string) (string, error) {
	return c.dialogs.ChooseFolder(title, startDir)
}

// ChooseLinksFile asks for a .txt/.csv of links and returns its text.
func (c *Service) ChooseLinksFile() (string, error) {
	paths, err := c.dialogs.ChooseFiles(i18n.T("dialog.openLinks"), c.PickerDir(PickerLinks), LinksFilter())
	if err != nil || len(paths) == 0 {
		return "", err
	}
	c.RememberPicker(PickerLinks, paths[0])
	return c.ReadLinksFile(paths[0])
}

// ExportHistoryAs asks for a .csv or .json file, writes every job to it and returns its path.
func (c *Service) ExportHistoryAs() (string, error) {
	path, err := c.dialogs.SaveFile(i18n.T("dialog.exportHistory"), c.PickerDir(PickerExport), "memories-history.csv", HistoryFilter())
	if err != nil || path == "" {
		return "", err
	}
	c.RememberPicker(PickerExport, path)
	_, err = c.ExportHistory(path)
	return path, err
}

// AskDownloadTarget asks where videos go: a file for one video, a folder for several. A file
// that exists after the save dialog closed is one the user agreed to replace (the dialog asks).
func (c *Service) AskDownloadTarget(videoNos []string) (contract.DownloadRequest, error) {
	start := c.current().DownloadDir
	if len(videoNos) == 1 {
		name := c.DownloadName(videoNos[0])
		path, err := c.dialogs.SaveFile(i18n.T("dialog.saveVideo"), start, name, FilterFor(name))
		return contract.DownloadRequest{IDs: videoNos, Path: path, Replace: path != "" && exists(path), Remember: true}, err
	}
	dir, err := c.dialogs.ChooseFolder(i18n.T("dialog.saveVideosInto"), start)
	return contract.DownloadRequest{IDs: videoNos, Path: dir, Folder: true, Remember: true}, err
}

// DownloadAssetAsked asks where to save an asset and queues its download.
func (c *Service) DownloadAssetAsked(assetID string) (contract.JobView, error) {
	name := AssetFileName(assetID)
	path, err := c.dialogs.SaveFile(i18n.T("dialog.saveAsset"), c.current().DownloadDir, name, FilterFor(name))
	if err != nil || path == "" {
		return contract.JobView{}, err
	}
	res, err := c.EnqueueDownloads(contract.DownloadRequest{IDs: []string{assetID}, Asset: true, Path: path,
		Replace: exists(path), Remember: true})
	if err != nil || len(res.Jobs) == 0 {
		return contract.JobView{}, err
	}
	return res.Jobs[0], nil
}
