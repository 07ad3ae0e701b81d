package main

import (
	"errors"

	"memories-desktop/backend/api"
	"memories-desktop/backend/core"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// describe turns an error into one line for people: what happened and what to do next.
func describe(err error) string {
	if errors.Is(err, transfer.ErrExists) || errors.Is(err, store.ErrDamaged) {
		return err.Error()
	}
	summary, next := core.Explain(err)
	if summary == "" {
		return err.Error()
	}
	line := summary
	if detail := err.Error(); detail != summary {
		line += " (" + detail + ")"
	}
	if next != "" {
		line += " " + next
	}
	return line
}

// failure is the JSON line printed for an item that failed.
type failure struct {
	ID    string `json:"id,omitempty"`
	File  string `json:"file,omitempty"`
	URL   string `json:"url,omitempty"`
	Error string `json:"error"`
	Code  string `json:"code,omitempty"`
}

func newFailure(err error) failure {
	f := failure{Error: describe(err)}
	var ae *api.Error
	if errors.As(err, &ae) {
		f.Code = ae.Code
	}
	return f
}
