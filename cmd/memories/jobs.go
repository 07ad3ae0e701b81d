package main

import (
	"cmp"
	"fmt"
	"sync"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

// jobLine is the JSON printed for a finished job: the command-specific fields plus the job id.
type jobLine struct {
	JobID    uint64   `json:"job_id"`
	State    string   `json:"state"`
	File     string   `json:"file,omitempty"`
	URL      string   `json:"url,omitempty"`
	VideoNo  string   `json:"video_no,omitempty"`
	Status   string   `json:"status,omitempty"`
	TaskID   string   `json:"task_id,omitempty"`
	Platform string   `json:"platform,omitempty"`
	Links    []string `json:"links,omitempty"`
	ID       string   `json:"id,omitempty"`
	Path     string   `json:"path,omitempty"`
	Bytes    int64    `json:"bytes,omitempty"`
	// Fingerprint (XXH3-128) is every download's; SHA256 only one asked for with --sha256.
	Fingerprint string `json:"fingerprint,omitempty"`
	SHA256      string `json:"sha256,omitempty"`
	Error       string `json:"error,omitempty"`
	Code        string `json:"code,omitempty"`
}

// printJob prints j's outcome and reports whether it succeeded.
func printJob(out *printer, j contract.Job) bool {
	line := describeJob(j)
	if j.State == jobstate.Done {
		if line.Status == contract.StatusSkipped {
			line.State = contract.StatusSkipped // as for a name found taken before the request
		}
		out.result(line, doneText(j, line))
		return true
	}
	why := tr("jobState." + string(j.State))
	if j.Error != nil {
		line.Error, line.Code = core.JobErrorMessage(j.Error), j.Error.Code
		why = line.Error
	} else {
		line.Error = string(j.State)
	}
	id := "job.line.failed"
	if line.Code == errcode.Exists {
		id = "job.line.failedExists"
	}
	text := tr(id, i18n.Args{"Name": printable(core.StoredJobName(j)), "Job": fmt.Sprint(j.ID), "Error": printable(why),
		"Hint": onExistsHint})
	out.failed(line, text)
	return false
}

func describeJob(j contract.Job) jobLine {
	return outcomeLine(j.ID, j.Kind, j.State, j.Result, core.SubjectOf(j))
}

// outcomeLine is the line of a job: its outcome and what it was about.
func outcomeLine(id uint64, kind jobkind.JobKind, state jobstate.JobState, res contract.JobResult, sub contract.JobSubject) jobLine {
	line := jobLine{JobID: id, State: string(state), Status: res.Status, TaskID: res.TaskID,
		Path: res.Path, Bytes: res.Bytes, SHA256: res.SHA256,
		File: sub.File, URL: sub.URL, Links: sub.Links, Platform: sub.Platform, ID: sub.ID}
	if kind == jobkind.Download || kind == jobkind.DownloadAsset {
		line.Fingerprint = res.Fingerprint
	}
	if len(res.VideoNos) > 0 {
		line.VideoNo = res.VideoNos[0]
	}
	return line
}

func doneText(j contract.Job, l jobLine) string {
	switch j.Kind {
	case jobkind.UploadFile, jobkind.UploadURL:
		return tr("job.line.uploaded", i18n.Args{"Name": printable(cmp.Or(l.File, l.URL)), "VideoNo": l.VideoNo,
			"Status": l.Status})
	case jobkind.Import:
		return tr("job.line.imported", i18n.Args{"Task": l.TaskID, "Count": len(l.Links)})
	}
	if l.Status == contract.StatusSkipped {
		return skippedText(l)
	}
	args := i18n.Args{"ID": printable(l.ID), "Path": printable(l.Path), "Size": formatBytes(l.Bytes), "SHA256": l.SHA256}
	if l.SHA256 != "" {
		return tr("job.line.savedSHA256", args)
	}
	return tr("job.line.saved", args)
}

// verbs are the catalogue ids of what a running job is doing, for its progress line.
var verbs = map[jobkind.JobKind]string{jobkind.UploadFile: "job.uploading", jobkind.UploadURL: "job.uploading",
	jobkind.Import: "job.importing", jobkind.Download: "job.downloading", jobkind.DownloadAsset: "job.downloading"}

// cliEmitter shows the engine's events on stderr: progress bars and pacing waits. Workers emit
// concurrently, so its state is guarded.
type cliEmitter struct {
	mu     sync.Mutex
	out    *printer
	names  map[uint64]string
	waited map[uint64]bool
	retry  map[uint64]int64 // the retry time last said, per job
}

func newCLIEmitter(out *printer) *cliEmitter {
	return &cliEmitter{out: out, names: map[uint64]string{}, waited: map[uint64]bool{}, retry: map[uint64]int64{}}
}

func (e *cliEmitter) Emit(name string, payload any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch p := payload.(type) {
	case contract.JobView:
		e.job(p)
	case []contract.Progress:
		for _, pr := range p {
			e.out.draw(e.names[pr.ID], pr.Done, pr.Total, pr.Speed, pr.ETA)
		}
	}
}

func (e *cliEmitter) job(v contract.JobView) {
	name := printable(core.JobName(v))
	e.names[v.ID] = tr(verbs[v.Kind], i18n.Args{"Name": name})
	if v.Place > 0 && v.NextSlotMs >= 1000 && !e.waited[v.ID] && v.State == jobstate.Running {
		e.waited[v.ID] = true
		e.out.note("%s", tr("job.waitingSlot."+string(v.Kind), i18n.Args{"Name": name, "Wait": formatWait(v.NextSlotMs)}))
	}
	if r := v.Retry; r != nil && v.State == jobstate.Running && e.retry[v.ID] != r.At {
		e.retry[v.ID] = r.At
		e.out.note("%s", tr("job.retryNote", i18n.Args{"Name": name, "Note": retryNote(r)}))
	}
	if v.State != jobstate.Running && v.State != jobstate.Queued {
		e.out.endLine()
	}
}

// skippedText is the line for a download skipped because its file exists.
func skippedText(l jobLine) string {
	return tr("job.line.skipped", i18n.Args{"ID": printable(l.ID), "Path": printable(l.Path)})
}

// retryNote says why a job waits and when it tries again: "rate-limited by the service; trying
// again at 21:43:05 (as long as it asks)" or "connection refused; retrying at 21:43:05 (try 2
// of 5)".
func retryNote(r *contract.RetryView) string {
	at := time.UnixMilli(r.At).Format(time.TimeOnly)
	if r.RateLimited {
		return tr("job.rateLimitedRetry", i18n.Args{"At": at})
	}
	return tr("job.retrying", i18n.Args{"Cause": r.Cause, "At": at, "Try": r.Failures + 1, "Of": r.Of})
}
