package transfer

import (
	"testing"

	"memories-desktop/backend/contract/errcode"
)

// Every code a locally failed job can carry is bound for the UI (backend/contract/errcode).
func TestEveryLocalCodeIsInTheContract(t *testing.T) {
	for _, a := range localCodes {
		if !listedCode(a.code) {
			t.Errorf("explainLocal uses %q, which backend/contract/errcode does not list", a.code)
		}
	}
}

func listedCode(code string) bool {
	for _, c := range errcode.All {
		if string(c.Value) == code {
			return true
		}
	}
	return false
}
