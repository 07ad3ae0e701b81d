package contract

// DownloadRequest asks for downloads: IDs (video numbers, or v2 asset ids when Asset) into Path,
// the file for one id or, when Folder, a folder. In a folder a video takes the name the library
// knows it by, an asset the name the server gives it while downloading. Replace says the user
// already agreed (in the save dialog) to replace the file Path. Names already taken come back as
// Conflicts, and nothing is queued, until Choice (choice.Replace, KeepBoth or Skip) says what to
// do with them.
type DownloadRequest struct {
	IDs     []string `json:"ids,omitempty"`
	Asset   bool     `json:"asset,omitempty"`
	Path    string   `json:"path"`
	Folder  bool     `json:"folder"`
	Replace bool     `json:"replace"`
	Choice  string   `json:"choice,omitempty"`
	SHA256  bool     `json:"sha256,omitempty"` // also compute each file's SHA-256 while saving it
	// Remember makes the destination the next save dialog's start (the app's downloads).
	Remember bool `json:"-"`
}

// DownloadResult is what EnqueueDownloads did: the queued jobs, or, when names are taken and no
// choice was made yet, those names (and nothing queued). Target is where they were asked to go.
type DownloadResult struct {
	Jobs      []JobView       `json:"jobs"`
	Conflicts []string        `json:"conflicts"`
	Target    DownloadRequest `json:"target"`
}
