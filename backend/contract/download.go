package contract

// DownloadTarget is where downloads go: a file (one video) or a folder (several). Replace says
// the user already agreed, in the save dialog, to replace the chosen file.
type DownloadTarget struct {
	Path    string `json:"path"`
	Folder  bool   `json:"folder"`
	Replace bool   `json:"replace"`
}

// DownloadResult is what EnqueueDownloads did: the queued jobs, or, when names in the folder are
// taken and no choice was made yet, those names (and nothing queued).
type DownloadResult struct {
	Jobs      []JobView      `json:"jobs"`
	Conflicts []string       `json:"conflicts"`
	Target    DownloadTarget `json:"target"`
}

// DownloadRequest is one download as a headless front end asks for it: into the folder Dest
// (named by the server, else ID.mp4) when DestDir, else to the file Dest.
type DownloadRequest struct {
	ID        string // a video number, or an asset id when Asset
	Asset     bool
	Dest      string
	DestDir   bool
	Overwrite bool
	OnExists  string // with DestDir: what to do when the server's name is taken (ChoiceReplace…)
	SHA256    bool   // also compute the file's SHA-256 while saving it
}
