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
	if j.Error != nil {
		line.Error, line.Code = j.Error.Message, j.Error.Code
	} else {
		line.Error = string(j.State)
	}
	text := fmt.Sprintf("failed: %s (job %d): %s", printable(j.Name), j.ID, printable(line.Error))
	if line.Code == errcode.Exists {
		text += " (or choose with " + onExistsHint + ")"
	}
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
		return fmt.Sprintf("uploaded %s → %s (%s)", printable(cmp.Or(l.File, l.URL)), l.VideoNo, l.Status)
	case jobkind.Import:
		return fmt.Sprintf("import task %s: %d link(s)", l.TaskID, len(l.Links))
	}
	if l.Status == contract.StatusSkipped {
		return skippedText(l)
	}
	saved := fmt.Sprintf("saved %s → %s (%s)", printable(l.ID), printable(l.Path), formatBytes(l.Bytes))
	if l.SHA256 != "" {
		saved += ", sha256 " + l.SHA256
	}
	return saved
}

var verbs = map[jobkind.JobKind]string{jobkind.UploadFile: "uploading", jobkind.UploadURL: "uploading",
	jobkind.Import: "importing", jobkind.Download: "downloading", jobkind.DownloadAsset: "downloading"}

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
	e.names[v.ID] = verbs[v.Kind] + " " + v.Name
	if v.Place > 0 && v.NextSlotMs >= 1000 && !e.waited[v.ID] && v.State == jobstate.Running {
		e.waited[v.ID] = true
		e.out.note("%s: waiting for the next %s slot (%s); the service allows few per minute",
			printable(v.Name), v.Kind, formatWait(v.NextSlotMs))
	}
	if r := v.Retry; r != nil && v.State == jobstate.Running && e.retry[v.ID] != r.At {
		e.retry[v.ID] = r.At
		e.out.note("%s: %s", printable(v.Name), retryNote(r))
	}
	if v.State != jobstate.Running && v.State != jobstate.Queued {
		e.out.endLine()
	}
}

// skippedText is the line for a download skipped because its file exists.
func skippedText(l jobLine) string {
	return fmt.Sprintf("skipped %s: %s already exists (--on-exists skip)", printable(l.ID), printable(l.Path))
}

// retryNote says why a job waits and when it tries again: "rate-limited by the service; trying
// again at 21:43:05 (as long as it asks)" or "connection refused; retrying at 21:43:05 (try 2
// of 5)".
func retryNote(r *contract.RetryView) string {
	at := time.UnixMilli(r.At).Format(time.TimeOnly)
	if r.RateLimited {
		return "rate-limited by the service; trying again at " + at + " (for as long as it asks)"
	}
	return fmt.Sprintf("%s; retrying at %s (try %d of %d)", r.Cause, at, r.Failures+1, r.Of)
}
