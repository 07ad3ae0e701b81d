package api

import (
	"errors"
	"testing"

	"memories-desktop/backend/contract/errcode"
)

// Every code KindCode can return is bound for the UI (backend/contract/errcode).
func TestEveryKindCodeIsInTheContract(t *testing.T) {
	codes := []string{KindCode(errors.New("elsewhere"))}
	for _, c := range kindCodes {
		codes = append(codes, KindCode(c.kind))
	}
	for _, code := range codes {
		if !listed(code) {
			t.Errorf("KindCode returns %q, which backend/contract/errcode does not list", code)
		}
	}
}

func listed(code string) bool {
	for _, c := range errcode.All {
		if string(c.Value) == code {
			return true
		}
	}
	return false
}
