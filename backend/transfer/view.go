package transfer

import (
	"strings"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/events"
	"memories-desktop/backend/i18n"
)

// StoredView describes j for people from its record alone (no engine is running), its error
// worded in the process's language.
func StoredView(j contract.Job) contract.JobView {
	v := contract.JobView{ID: j.ID, Kind: j.Kind, State: j.State, Scope: j.Scope, Name: j.Name,
		Tags: VisibleTags(j.Tags), Created: j.Created, Updated: j.Updated, Attempts: j.Attempts,
		Result: j.Result, Error: WordJobError(i18n.Default(), j.Error), Watch: watchOf(j)}
	var spec ImportSpec
	if j.Kind == jobkind.Import && decodeParams(j, &spec) == nil {
		v.Platform, v.Links = spec.Platform, len(spec.Links)
	}
	return v
}

// View describes j for people, with its progress, place in line and retry.
func (e *Engine) View(j contract.Job, p *contract.Progress) contract.JobView {
	v := StoredView(j)
	v.Progress = p
	if p == nil {
		if s, ok := e.reporter.Sample(j.ID); ok {
			v.Progress = &s
		}
	}
	if j.State == jobstate.Queued || j.State == jobstate.Running {
		v.NextSlotMs = e.pacer.NextSlot(endpointFor(j.Kind)).Milliseconds()
		s := e.slotOf(j.ID)
		v.Place, v.StartsAt = s.Place, s.StartsAt
		v.Retry = e.retryOf(j.ID)
	}
	return v
}

// watchOf is the watch folder that queued j, from its record.
func watchOf(j contract.Job) string {
	if j.Kind != jobkind.UploadFile {
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

func (e *Engine) emitJob(j contract.Job, p *contract.Progress) {
	e.emit.Emit(events.TransferJob, e.View(j, p))
}

func (e *Engine) emitProgress(batch []contract.Progress) { e.emit.Emit(events.TransferProgress, batch) }
