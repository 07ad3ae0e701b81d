package transfer

import (
	"strings"

	"memories-desktop/backend/events"
	"memories-desktop/backend/progress"
	"memories-desktop/backend/store"
)

// JobView is a job as the UI and the CLI show it: no parameters, marker tags hidden, with the
// latest progress sample and how long until its endpoint has a free slot.
type JobView struct {
	ID         uint64             `json:"id"`
	Kind       store.JobKind      `json:"kind"`
	State      store.JobState     `json:"state"`
	Scope      string             `json:"scope"`
	Name       string             `json:"name"`
	Tags       []string           `json:"tags"`
	Created    int64              `json:"created"`
	Updated    int64              `json:"updated"`
	Attempts   int                `json:"attempts"`
	Result     store.JobResult    `json:"result"`
	Error      *store.JobError    `json:"error,omitempty"`
	Progress   *progress.Progress `json:"progress,omitempty"`
	NextSlotMs int64              `json:"nextSlotMs"`
	// Place (1 = next) and StartsAt (Unix ms, 0 = when a worker is free) while the job waits
	// for its endpoint; both zero otherwise. See lineup.go.
	Place    int   `json:"place"`
	StartsAt int64 `json:"startsAt"`
	// Retry is set while the job waits to try again after a failure that may pass (retry.go).
	Retry *RetryView `json:"retry,omitempty"`
	// Watch names the watch folder that queued an upload; "" for everything else.
	Watch string `json:"watch,omitempty"`
}

// View describes j for people.
func (e *Engine) View(j store.Job, p *progress.Progress) JobView {
	v := JobView{ID: j.ID, Kind: j.Kind, State: j.State, Scope: j.Scope, Name: j.Name,
		Tags: VisibleTags(j.Tags), Created: j.Created, Updated: j.Updated, Attempts: j.Attempts,
		Result: j.Result, Error: j.Error, Progress: p, Watch: watchOf(j)}
	if p == nil {
		if s, ok := e.reporter.Sample(j.ID); ok {
			v.Progress = &s
		}
	}
	if j.State == store.StateQueued || j.State == store.StateRunning {
		v.NextSlotMs = e.pacer.NextSlot(endpointFor(j.Kind)).Milliseconds()
		s := e.slotOf(j.ID)
		v.Place, v.StartsAt = s.Place, s.StartsAt
		v.Retry = e.retryOf(j.ID)
	}
	return v
}

// watchOf is the watch folder that queued j, from its record.
func watchOf(j store.Job) string {
	if j.Kind != KindUpload {
		return ""
	}
	var spec UploadSpec
	if decodeParams(j, &spec) != nil {
		return ""
	}
	return spec.Watch
}

// VisibleTags drops the engine's marker tags.
func VisibleTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if !strings.HasPrefix(t, markerPrefix) {
			out = append(out, t)
		}
	}
	return out
}

func (e *Engine) emitJob(j store.Job, p *progress.Progress) {
	e.emit.Emit(events.TransferJob, e.View(j, p))
}

func (e *Engine) emitProgress(batch []progress.Progress) { e.emit.Emit(events.TransferProgress, batch) }
