package store

import (
	"fmt"
	"slices"

	"memories-desktop/backend/contract"
)

// maxHistory bounds a job's history so a job retried for weeks stays small; the first entry
// (creation) is always kept.
const maxHistory = 64

// appendHistory records a state change, dropping the oldest entries after the first when full.
func appendHistory(j *contract.Job, c contract.StateChange) {
	j.History = append(j.History, c)
	if over := len(j.History) - maxHistory; over > 0 {
		j.History = slices.Delete(j.History, 1, 1+over)
	}
}

// validate refuses kinds and states that have no summary code, so filters never miss a job.
func validateJob(j *contract.Job) error {
	if code(jobKindCodes, j.Kind) == 0 {
		return fmt.Errorf("%w: unknown job kind %q", ErrInvalid, j.Kind)
	}
	if code(jobStateCodes, j.State) == 0 {
		return fmt.Errorf("%w: unknown job state %q", ErrInvalid, j.State)
	}
	return nil
}

// code is the summary byte of v, or 0 when v is not in the table.
func code[T comparable](table []T, v T) byte {
	if i := slices.Index(table, v); i > 0 {
		return byte(i)
	}
	return 0
}
