package transfer

import (
	"encoding/json"
	"fmt"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
)

// UploadSpec is a local file to upload. Size and ModTime are what was seen when it was queued; a
// file that changed since is refused rather than sent half-updated.
type UploadSpec struct {
	Path    string         `json:"path"`
	Size    int64          `json:"size"`
	ModTime int64          `json:"modTime,omitempty"` // unix ns when queued; 0 in jobs from older builds
	Meta    api.UploadMeta `json:"meta"`
	Watch   string         `json:"watch,omitempty"` // the watch folder that queued it, if any
}

// URLSpec is a direct video URL to upload.
type URLSpec struct {
	URL  string         `json:"url"`
	Meta api.UploadMeta `json:"meta"`
}

// ImportSpec is one scraper task: links of one platform, at most 50.
type ImportSpec struct {
	Platform string   `json:"platform"`
	Links    []string `json:"links"`
	Scope    string   `json:"scope"`
	Quality  string   `json:"quality"`
	Callback string   `json:"callback,omitempty"`
}

// DownloadSpec is a library video (VideoNo) or a v2 asset (AssetID) to save. Dest is the final
// path; when DestDir is set, Dest is a folder and the name is chosen once the server answers
// (Suggested, else the server's name, else ID.mp4) and then recorded, so a resumed download finds
// its .part file.
type DownloadSpec struct {
	VideoNo   string `json:"videoNo,omitempty"`
	AssetID   string `json:"assetId,omitempty"`
	Scope     string `json:"scope,omitempty"`
	Dest      string `json:"dest"`
	DestDir   bool   `json:"destDir,omitempty"`
	Suggested string `json:"suggested,omitempty"` // file name the user knows the video by, if any
	Overwrite bool   `json:"overwrite,omitempty"`
	// OnExists is what to do when the name the server's answer gives (DestDir) is taken: a
	// choice.Replace, KeepBoth or Skip; "" fails the job with ErrExists.
	OnExists string `json:"onExists,omitempty"`
	SHA256   bool   `json:"sha256,omitempty"` // also compute the SHA-256 while writing (asked for)
	// Part proves which partial file this job wrote and what it holds (download_part.go).
	Part *PartProof `json:"part,omitempty"`
}

// ID is the video number or asset id being downloaded.
func (d DownloadSpec) ID() string {
	if d.AssetID != "" {
		return d.AssetID
	}
	return d.VideoNo
}

func decodeParams(j contract.Job, v any) error {
	if err := json.Unmarshal(j.Params, v); err != nil {
		return fmt.Errorf("job %d has damaged parameters: %w", j.ID, err)
	}
	return nil
}
