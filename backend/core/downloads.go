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

// EnqueueDownloads queues downloads of library videos to target, never overwriting silently:
// taken names are returned as Conflicts until choice (ChoiceReplace, ChoiceKeepBoth, ChoiceSkip)
// says what to do with all of them.
func (c *Service) EnqueueDownloads(nos []string, target contract.DownloadTarget, pick string) (contract.DownloadResult, error) {
	res := contract.DownloadResult{Target: target, Jobs: []contract.JobView{}}
	if err := c.usable(); err != nil {
		return res, err
	}
	if err := checkChoice(pick); err != nil {
		return res, err
	}
	if err := checkTarget(target, c.dataDir); err != nil {
		return res, err
	}
	if err := validate.IDs(validate.FieldVideoNo, nos); err != nil {
		return res, err
	}
	specs := c.planDownloads(nos, target)
	if res.Conflicts = conflicts(specs); len(res.Conflicts) > 0 && pick == "" {
		return res, nil
	}
	taken := map[string]bool{}
	drafts := make([]transfer.Draft, 0, len(specs))
	for _, spec := range specs {
		if exists(spec.Dest) && !spec.Overwrite && !resolve(&spec, pick, taken) {
			continue
		}
		taken[spec.Dest] = true
		d, err := c.engine().PlanDownload(spec)
		if err != nil {
			return res, err
		}
		drafts = append(drafts, d)
	}
	jobs, err := c.record(drafts)
	if err != nil {
		return res, err
	}
	res.Jobs = jobs
	c.rememberFolder(target)
	return res, nil
}

// planDownloads names each download's file: the chosen one, or in a folder the name the video
// is known by (two videos of one name in one batch both land: "name (1).mp4").
func (c *Service) planDownloads(nos []string, target contract.DownloadTarget) []transfer.DownloadSpec {
	scope := c.current().Scope
	inBatch := map[string]bool{}
	specs := make([]transfer.DownloadSpec, 0, len(nos))
	for _, no := range nos {
		spec := transfer.DownloadSpec{VideoNo: no, Scope: scope, Dest: target.Path, Overwrite: target.Replace && !target.Folder}
		if target.Folder {
			spec.Dest = filepath.Join(target.Path, c.DownloadName(no))
			if inBatch[spec.Dest] {
				spec.Dest = freeName(spec.Dest, inBatch)
			}
			inBatch[spec.Dest] = true
		}
		specs = append(specs, spec)
	}
	return specs
}

// conflicts lists the file names that already exist, except those the user agreed to replace.
func conflicts(specs []transfer.DownloadSpec) []string {
	var names []string
	for _, s := range specs {
		if !s.Overwrite && exists(s.Dest) {
			names = append(names, filepath.Base(s.Dest))
		}
	}
	return names
}

// EnqueueAsset queues a v2 asset download to a chosen file (replace: the save dialog confirmed it).
func (c *Service) EnqueueAsset(assetID, path string, replace bool) (contract.JobView, error) {
	if err := c.usable(); err != nil {
		return contract.JobView{}, err
	}
	if err := checkTarget(contract.DownloadTarget{Path: path}, c.dataDir); err != nil {
		return contract.JobView{}, err
	}
	j, err := c.engine().EnqueueDownload(transfer.DownloadSpec{AssetID: assetID, Dest: path, Overwrite: replace})
	if err != nil {
		return contract.JobView{}, err
	}
	c.rememberFolder(contract.DownloadTarget{Path: path})
	return c.engine().View(j, nil), nil
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
func checkTarget(t contract.DownloadTarget, dataDir string) error {
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
func (c *Service) rememberFolder(t contract.DownloadTarget) {
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
