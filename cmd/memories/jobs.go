package main

import (
	"encoding/json"
	"fmt"
	"sync"

	"memories-desktop/backend/progress"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
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
func printJob(out *printer, j store.Job) bool {
	line := describeJob(j)
	if j.State == store.StateDone {
		out.result(line, doneText(j, line))
		return true
	}
	if j.Error != nil {
		line.Error, line.Code = j.Error.Message, j.Error.Code
	} else {
		line.Error = string(j.State)
	}
	out.result(line, fmt.Sprintf("failed: %s (job %d): %s", printable(j.Name), j.ID, printable(line.Error)))
	return false
}

func describeJob(j store.Job) jobLine {
	line := jobLine{JobID: j.ID, State: string(j.State), Status: j.Result.Status, TaskID: j.Result.TaskID,
		Path: j.Result.Path, Bytes: j.Result.Bytes, SHA256: j.Result.SHA256}
	if j.Kind == transfer.KindDownload || j.Kind == transfer.KindAsset {
		line.Fingerprint = j.Result.Fingerprint
	}
	if len(j.Result.VideoNos) > 0 {
		line.VideoNo = j.Result.VideoNos[0]
	}
	switch j.Kind {
	case transfer.KindUpload:
		var spec transfer.UploadSpec
		decodeSpec(j, &spec)
		line.File = spec.Path
	case transfer.KindURL:
		var spec transfer.URLSpec
		decodeSpec(j, &spec)
		line.URL = spec.URL
	case transfer.KindImport:
		var spec transfer.ImportSpec
		decodeSpec(j, &spec)
		line.Links, line.Platform = spec.Links, spec.Platform
	case transfer.KindDownload, transfer.KindAsset:
		var spec transfer.DownloadSpec
		decodeSpec(j, &spec)
		line.ID = spec.ID()
	}
	return line
}

func doneText(j store.Job, l jobLine) string {
	switch j.Kind {
	case transfer.KindUpload, transfer.KindURL:
		return fmt.Sprintf("uploaded %s → %s (%s)", printable(first(l.File, l.URL)), l.VideoNo, l.Status)
	case transfer.KindImport:
		return fmt.Sprintf("import task %s: %d link(s)", l.TaskID, len(l.Links))
	}
	saved := fmt.Sprintf("saved %s → %s (%s)", printable(l.ID), printable(l.Path), formatBytes(l.Bytes))
	if l.SHA256 != "" {
		saved += ", sha256 " + l.SHA256
	}
	return saved
}

var verbs = map[store.JobKind]string{transfer.KindUpload: "uploading", transfer.KindURL: "uploading",
	transfer.KindImport: "importing", transfer.KindDownload: "downloading", transfer.KindAsset: "downloading"}

// cliEmitter shows the engine's events on stderr: progress bars and pacing waits. Workers emit
// concurrently, so its state is guarded.
type cliEmitter struct {
	mu     sync.Mutex
	out    *printer
	names  map[uint64]string
	waited map[uint64]bool
}

func newCLIEmitter(out *printer) *cliEmitter {
	return &cliEmitter{out: out, names: map[uint64]string{}, waited: map[uint64]bool{}}
}

func (e *cliEmitter) Emit(name string, payload any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch p := payload.(type) {
	case transfer.JobView:
		e.job(p)
	case []progress.Progress:
		for _, pr := range p {
			e.out.draw(e.names[pr.ID], pr.Done, pr.Total, pr.Speed, pr.ETA)
		}
	}
}

func (e *cliEmitter) job(v transfer.JobView) {
	e.names[v.ID] = verbs[v.Kind] + " " + v.Name
	if v.NextSlotMs >= 1000 && !e.waited[v.ID] && v.State == store.StateRunning {
		e.waited[v.ID] = true
		e.out.note("%s: waiting for the next %s slot (%s); the service allows few per minute",
			printable(v.Name), v.Kind, formatWait(v.NextSlotMs))
	}
	if v.State != store.StateRunning && v.State != store.StateQueued {
		e.out.endLine()
	}
}

func decodeSpec(j store.Job, v any) { _ = json.Unmarshal(j.Params, v) }
