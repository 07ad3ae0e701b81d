package core

import (
	"errors"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/store"
)

// Stable error codes the UI switches on (all of them are listed in backend/contract/errcode).
// Never switch on message text.
const (
	CodeInvalidField = errcode.InvalidField
	CodeLocked       = errcode.Locked
	CodeInternal     = errcode.Internal
)

// ErrorInfo is what a failed call returns to the UI (via Wails' ErrorFormatter) and what the CLI
// prints as one line: a stable code, a sentence for people, and where relevant the field and
// next step.
type ErrorInfo struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	Next    string `json:"next,omitempty"`
	Detail  string `json:"detail,omitempty"` // technical text, shown behind "details"
	// Key and NextKey are the catalogue ids Message and Next were worded from, Params their
	// placeholders, so a front end can word a code itself (docs/TRANSLATING.md).
	Key     string    `json:"key,omitempty"`
	NextKey string    `json:"nextKey,omitempty"`
	Params  i18n.Args `json:"params,omitempty"`
	// RetryAt is when the service said to try again (unix ms), for a rate-limited call that said.
	RetryAt int64 `json:"retryAt,omitempty"`
}

func (e ErrorInfo) Error() string { return e.Message }

// ErrBug marks a failure that is a defect of the app itself (a bound call that panicked): the
// person can only try again and report it, so Describe says exactly that.
var ErrBug = errors.New("internal error")

// Describe maps any backend error to an ErrorInfo, worded in the process's language.
func Describe(err error) ErrorInfo { return describe(err, explain, i18n.Default()) }

// DescribeFinal is Describe for a failure nothing will retry (a command that asked once, such
// as the CLI's list or status): its advice never promises an automatic retry.
func DescribeFinal(err error) ErrorInfo { return DescribeFinalIn(i18n.Default(), err) }

// DescribeFinalIn is DescribeFinal worded in l's language (English for JSON output).
func DescribeFinalIn(l *i18n.Localizer, err error) ErrorInfo { return describe(err, explainFinal, l) }

func describe(err error, explain func(error) wording, l *i18n.Localizer) ErrorInfo {
	var fe *settings.FieldError
	switch {
	case errors.As(err, &fe):
		return ErrorInfo{Code: CodeInvalidField, Field: fe.Field, Message: fe.Message, Key: fe.Key}
	case errors.As(err, new(*api.Error)), errors.Is(err, api.ErrInvalidInput), errors.Is(err, api.ErrNetwork):
		return describeAPI(err, explain(err), l)
	case errors.Is(err, ErrBug):
		w := withLog(wording{key: "error.bug", nextKey: "next.bug"})
		info := worded(w, l)
		info.Code, info.Detail = CodeInternal, err.Error()
		return info
	case errors.As(err, new(*InUseError)):
		return ErrorInfo{Code: CodeLocked, Message: err.Error()}
	case errors.Is(err, store.ErrLocked):
		return ErrorInfo{Code: CodeLocked, Message: err.Error(), NextKey: "next.locked", Next: l.T("next.locked")}
	}
	return ErrorInfo{Code: CodeInternal, Message: err.Error()}
}

// describeAPI explains a client or API error; a rejected input names its field (the UI's names:
// latitude, takenAt, url…) so the form can show the message beside it.
func describeAPI(err error, w wording, l *i18n.Localizer) ErrorInfo {
	info := worded(w, l)
	info.Code, info.Detail = api.KindCode(err), err.Error()
	if ve := (*api.ValidationError)(nil); errors.As(err, &ve) {
		info.Field = ve.Field
	}
	if wait := api.RetryAfter(err); wait > 0 {
		info.RetryAt = time.Now().Add(wait).UnixMilli()
	}
	return info
}

// worded is the ErrorInfo text of w in l's language, with its ids and placeholders.
func worded(w wording, l *i18n.Localizer) ErrorInfo {
	summary, next := w.in(l)
	return ErrorInfo{Message: summary, Next: next, Key: w.key, NextKey: w.nextKey, Params: w.params}
}

// ServiceCode is the code memories.ai itself gave for a failure ("" when it gave none), which
// the CLI's JSON lines carry beside the message.
func ServiceCode(err error) string {
	var ae *api.Error
	if errors.As(err, &ae) {
		return ae.Code
	}
	return ""
}
