package store

import (
	"slices"
	"testing"

	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
)

// The kinds and states bound for the UI are exactly those the store can keep.
func TestJobKindsAndStatesMatchTheContract(t *testing.T) {
	var kinds []jobkind.JobKind
	for _, k := range jobkind.All {
		kinds = append(kinds, k.Value)
	}
	var states []jobstate.JobState
	for _, s := range jobstate.All {
		states = append(states, s.Value)
	}
	if !sameSet(kinds, jobKindCodes[1:]) {
		t.Errorf("contract kinds %v, store kinds %v", kinds, jobKindCodes[1:])
	}
	if !sameSet(states, jobStateCodes[1:]) {
		t.Errorf("contract states %v, store states %v", states, jobStateCodes[1:])
	}
}

func sameSet[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
