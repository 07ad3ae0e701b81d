package validate

import (
	"fmt"
	"strings"

	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/i18n"
)

// JobStates and JobKinds are the values a history filter may name.
var (
	JobStates = []jobstate.JobState{jobstate.Queued, jobstate.Running, jobstate.Paused,
		jobstate.Interrupted, jobstate.Done, jobstate.Failed, jobstate.Canceled}
	JobKinds = []jobkind.JobKind{jobkind.UploadFile, jobkind.UploadURL, jobkind.Import,
		jobkind.Download, jobkind.DownloadAsset}
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
