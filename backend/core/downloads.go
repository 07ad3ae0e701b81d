package core

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/url"
	"path"
	"path/filepath"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/choice"
	"memories-desktop/backend/formats"
	"memories-desktop/backend/transfer"
	"memories-desktop/backend/validate"
)

// EnqueueDownloads queues the downloads reqs ask for, all recorded in one transaction (a kill
// loses none of them nor leaves half queued), never overwriting silently: names already taken
// come back as Conflicts, and nothing is queued, until each request's Choice says what to do.
func (c *Service) EnqueueDownloads(reqs ...contract.DownloadRequest) (contract.DownloadResult, error) {
	res := contract.DownloadResult{Jobs: []contract.JobView{}}
	if len(reqs) > 0 {
		res.Target = contract.DownloadRequest{Path: reqs[0].Path, Folder: reqs[0].Folder, Replace: reqs[0].Replace}
	}
	if err := c.usable(); err != nil {
		return res, err
	}
	planned := make([][]transfer.DownloadSpec, len(reqs))
	for i, r := range reqs {
		if err := c.checkRequest(r); err != nil {
			return res, err
		}
		planned[i] = c.planDownloads(r)
		if taken := conflicts(planned[i]); len(taken) > 0 {
			res.Conflicts = append(res.Conflicts, taken...)
			if r.Choice == "" {
				return res, nil
			}
		}
	}
	drafts, err := c.draftDownloads(reqs, planned)
	if err != nil {
		return res, err
	}
	if res.Jobs, err = c.record(drafts); err != nil {
		return res, err
	}
	for _, r := range reqs {
		if r.Remember {
			c.rememberFolder(r)
		}
	}
	return res, nil
}

// checkRequest applies the rules the CLI and the app share before any (billed) request.
func (c *Service) checkRequest(r contract.DownloadRequest) error {
	if err := checkChoice(r.Choice); err != nil {
		return err
	}
	if err := checkTarget(r, c.dataDir); err != nil {
		return err
	}
	if r.Asset {
		return nil // the engine checks asset ids as it plans them
	}
	return validate.IDs(validate.FieldVideoNo, r.IDs)
}

// draftDownloads plans a job for each spec, applying its request's choice to taken names (two
// downloads of one call never take the same name).
func (c *Service) draftDownloads(reqs []contract.DownloadRequest, planned [][]transfer.DownloadSpec) ([]transfer.Draft, error) {
	taken := map[string]bool{}
	var drafts []transfer.Draft
	for i, specs := range planned {
		for _, spec := range specs {
			if !spec.DestDir && exists(spec.Dest) && !spec.Overwrite && !resolve(&spec, reqs[i].Choice, taken) {
				continue
			}
			taken[spec.Dest] = true
			d, err := c.engine().PlanDownload(spec)
			if err != nil {
				return nil, err
			}
			drafts = append(drafts, d)
		}
	}
	return drafts, nil
}

// planDownloads names each download's file: the chosen one; in a folder the name the video is
// known by (two videos of one name in one batch both land: "name (1).mp4"), or for an asset the
// name the server gives it.
func (c *Service) planDownloads(r contract.DownloadRequest) []transfer.DownloadSpec {
	scope := c.current().Scope
	inBatch := map[string]bool{}
	specs := make([]transfer.DownloadSpec, 0, len(r.IDs))
	for _, id := range r.IDs {
		spec := transfer.DownloadSpec{Scope: scope, Dest: r.Path, Overwrite: r.Replace && !r.Folder,
			OnExists: r.Choice, SHA256: r.SHA256}
		switch {
		case r.Asset:
			spec.AssetID, spec.DestDir = id, r.Folder
		case r.Folder:
			spec.VideoNo, spec.Dest = id, filepath.Join(r.Path, c.DownloadName(id))
			if inBatch[spec.Dest] {
				spec.Dest = freeName(spec.Dest, inBatch)
			}
			inBatch[spec.Dest] = true
		default:
			spec.VideoNo = id
		}
		specs = append(specs, spec)
	}
	return specs
}

// conflicts lists the file names that already exist, except those the user agreed to replace.
func conflicts(specs []transfer.DownloadSpec) []string {
	var names []string
	for _, s := range specs {
		if !s.DestDir && !s.Overwrite && exists(s.Dest) {
			names = append(names, filepath.Base(s.Dest))
		}
	}
	return names
}

// RetryDownload retries a download that found its name taken, as choice says: replace the file,
// keep both (a free "name (1)" name), or skip (the job stays as it is).
func (c *Service) RetryDownload(id uint64, pick string) error {
	if err := checkChoice(pick); err != nil || pick == choice.Skip || pick == "" {
		return err
	}
	return c.retryDownload(id, pick, nil)
}

// retryDownload applies choice to the job's destination; taken (when not nil) holds the names
// given to earlier retries of the same pass and gains this one.
func (c *Service) retryDownload(id uint64, pick string, taken map[string]bool) error {
	_, err := c.activeDB().UpdateJob(id, func(j *contract.Job) error {
		var spec transfer.DownloadSpec
		if err := json.Unmarshal(j.Params, &spec); err != nil || spec.DestDir {
			return fmt.Errorf("job %d is not a download to a named file", id)
		}
		resolve(&spec, pick, taken)
		if taken != nil {
			taken[spec.Dest] = true
		}
		params, err := json.Marshal(spec)
		j.Params, j.Name = params, filepath.Base(spec.Dest)
		return err
	})
	if err != nil {
		return err
	}
	return c.engine().Retry(id)
}

// checkTarget applies the destination rules the CLI uses, before any (billed) request; the data
// folder is never a target.
func checkTarget(t contract.DownloadRequest, dataDir string) error {
	dir, check := filepath.Dir(t.Path), validate.DestFile
	if t.Folder {
		dir, check = t.Path, validate.DestFolder
	}
	if err := validate.OutsideDataDir(dir, dataDir); err != nil {
		return err
	}
	return check(t.Path)
}

// rememberFolder seeds the next save dialog with the folder just used.
func (c *Service) rememberFolder(t contract.DownloadRequest) {
	dir := t.Path
	if !t.Folder {
		dir = filepath.Dir(t.Path)
	}
	s := c.prefs.Get() // the saved ones: what a front end set over them is not saved
	if s.DownloadDir != dir {
		s.DownloadDir = dir
		c.prefs.Update(s)
	}
}

// DownloadName is the file name a video is saved under in a folder: SuggestedName, else its number.
func (c *Service) DownloadName(videoNo string) string {
	if name := c.SuggestedName(videoNo); name != "" {
		return name
	}
	return NumberedName(videoNo)
}

// NumberedName is a video's file name when no other is known: its number, as VIDEO_NO.mp4.
func NumberedName(videoNo string) string { return api.SanitizeFilename(videoNo+".mp4", "video.mp4") }

// SuggestedName is the file name to offer for a library video: the name the Library shows for
// it (the name it was uploaded under, a file name or the last part of its source URL; else the
// service's name for it), with a video extension; "" when unknown. One rule for one video and for
// many, so a batch is named as the rows read.
func (c *Service) SuggestedName(videoNo string) string {
	v, err := c.activeDB().Video(c.current().Scope, videoNo)
	if err != nil {
		return ""
	}
	name := cmp.Or(v.Title, v.Name)
	if name == "" {
		return ""
	}
	if u, err := url.Parse(name); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		name = path.Base(u.Path)
	}
	if name == "" || name == "." || name == "/" {
		return ""
	}
	if _, ok := formats.ContentType(name); !ok {
		name += ".mp4"
	}
	return api.SanitizeFilename(name, videoNo+".mp4")
}

// AssetFileName is the name an asset is saved under by default.
func AssetFileName(assetID string) string { return api.SanitizeFilename(assetID+".mp4", "asset.mp4") }
