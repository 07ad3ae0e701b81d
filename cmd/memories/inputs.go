package main

import (
	"errors"

	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

// rejected turns a validation failure into a usage error (exit 2, nothing sent), naming the
// command and the field once; other errors pass through.
func rejected(name string, err error) error {
	var ue *usageError
	switch {
	case core.Invalid(err):
		info := core.Describe(err)
		field := info.Field
		if id := "fieldName." + field; i18n.Has(id) {
			field = tr(id)
		}
		return usage("cli.invalidField", i18n.Args{"Command": name, "Field": field, "Error": info.Message})
	case errors.As(err, &ue):
		return usage("cli.commandError", i18n.Args{"Command": name, "Error": ue.msg})
	}
	return err
}

// checkDest applies the app's destination rules to -o: an existing writable folder, or a file
// whose name fits beside its .part in such a folder.
func (d *destFlags) checkDest() error {
	switch {
	case d.out == "":
		return core.CheckDestFolder(".")
	case isDir(d.out):
		return core.CheckDestFolder(d.out)
	}
	return core.CheckDestFile(d.out)
}

// describe turns an error into one line for people: what happened, the technical detail when
// it says more, and what to do next (core.DescribeFinal: a command that failed is not retried
// behind the person's back, so the advice never says it will be).
func describe(err error) string { return describeIn(i18n.Default(), err) }

// describeIn is describe in l's language: English for JSON lines, which are language-neutral.
func describeIn(l *i18n.Localizer, err error) string {
	info := core.DescribeFinalIn(l, err)
	withDetail := info.Detail != "" && info.Detail != info.Message
	var id string
	switch {
	case withDetail && info.Next != "":
		id = "cli.explainedWithDetail"
	case withDetail:
		id = "cli.explainedWithDetail.noNext"
	case info.Next != "":
		id = "cli.explained"
	default:
		id = "cli.explained.noNext"
	}
	return l.T(id, i18n.Args{"Message": info.Message, "Detail": info.Detail, "Next": info.Next})
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
	return failure{Error: describeIn(i18n.English, err), Code: core.ServiceCode(err)}
}
