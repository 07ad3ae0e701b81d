package validate

import (
	"fmt"
	"strings"

	"memories-desktop/backend/i18n"
	"memories-desktop/backend/store"
)

// JobStates and JobKinds are the values a history filter may name.
var (
	JobStates = []store.JobState{store.StateQueued, store.StateRunning, store.StatePaused,
		store.StateInterrupted, store.StateDone, store.StateFailed, store.StateCanceled}
	JobKinds = []store.JobKind{store.KindUploadFile, store.KindUploadURL, store.KindImport,
		store.KindDownload, store.KindDownloadAsset}
)

// JobState checks a history state filter ("" means all).
func JobState(s string) error { return oneOf("state", s, JobStates) }

// JobKind checks a history kind filter ("" means all).
func JobKind(k string) error { return oneOf("kind", k, JobKinds) }

func oneOf[T ~string](field, v string, allowed []T) error {
	if v == "" {
		return nil
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		if string(a) == v {
			return nil
		}
		names[i] = string(a)
	}
	return invalid(field, "rule.notOneOf", i18n.Args{"Value": fmt.Sprintf("%q", v), "Allowed": strings.Join(names, ", ")})
}
