package transfer

import (
	"maps"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
)

// WordJobError is e worded in l's language from its catalogue ids and placeholders: what
// happened and, when there is advice, what to do now ("job.failed"). A record without ids (kept
// before they were stored, or whose words came from elsewhere) keeps its stored Message, as does
// one whose id the catalogue no longer has. e itself is never changed.
func WordJobError(l *i18n.Localizer, e *contract.JobError) *contract.JobError {
	if e == nil || e.Key == "" || !i18n.Has(e.Key) || (e.NextKey != "" && !i18n.Has(e.NextKey)) {
		return e
	}
	args := i18n.Args{}
	for k, v := range e.Params {
		args[k] = v
	}
	if _, ok := args["Log"]; !ok { // the log's place when there is no log file, in l's language
		args["Log"] = l.T("logInSettings")
	}
	w := *e
	w.Params = maps.Clone(e.Params)
	w.Message = l.T(e.Key, args)
	if e.NextKey != "" {
		w.Message = l.T("job.failed", i18n.Args{"Summary": w.Message, "Next": l.T(e.NextKey, args)})
	}
	return &w
}
