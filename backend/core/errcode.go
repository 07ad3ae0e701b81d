package core

import (
	"errors"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/settings"
)

// ErrBug marks a failure that is a defect of the app itself (a bound call that panicked): the
// person can only try again and report it, so Describe says exactly that.
var ErrBug = errors.New("internal error")

// Describe maps any backend error to an ErrorInfo.
func Describe(err error) contract.ErrorInfo { return describe(err, Explain) }

// DescribeFinal is Describe for a failure nothing will retry (a command that asked once, such
// as the CLI's list or status): its advice never promises an automatic retry.
func DescribeFinal(err error) contract.ErrorInfo { return describe(err, ExplainFinal) }

func describe(err error, explain func(error) (string, string)) contract.ErrorInfo {
	var fe *settings.FieldError
	switch {
	case errors.As(err, &fe):
		return contract.ErrorInfo{Code: errcode.InvalidField, Field: fe.Field, Message: fe.Message}
	case errors.As(err, new(*api.Error)), errors.Is(err, api.ErrInvalidInput), errors.Is(err, api.ErrNetwork):
		return describeAPI(err, explain)
	case errors.Is(err, ErrBug):
		return contract.ErrorInfo{Code: errcode.Internal, Message: "Memories Desktop ran into an internal error and stopped this action.",
			Next: withLogPath("Try again; if it happens again, " + reportIt), Detail: err.Error()}
	case errors.As(err, new(*InUseError)):
		return contract.ErrorInfo{Code: errcode.Locked, Message: err.Error()}
	case errors.Is(err, contract.ErrLocked):
		return contract.ErrorInfo{Code: errcode.Locked, Message: err.Error(),
			Next: "Close the other Memories Desktop window (or the memories CLI) and try again."}
	}
	return contract.ErrorInfo{Code: errcode.Internal, Message: err.Error()}
}

// describeAPI explains a client or API error; a rejected input names its field (the UI's names:
// latitude, takenAt, url…) so the form can show the message beside it.
func describeAPI(err error, explain func(error) (string, string)) contract.ErrorInfo {
	summary, next := explain(err)
	info := contract.ErrorInfo{Code: api.KindCode(err), Message: summary, Next: next, Detail: err.Error()}
	if ve := (*api.ValidationError)(nil); errors.As(err, &ve) {
		info.Field = ve.Field
	}
	if wait := api.RetryAfter(err); wait > 0 {
		info.RetryAt = time.Now().Add(wait).UnixMilli()
	}
	return info
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
