package core

import (
	"errors"
	"strconv"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/store"
)

// ErrBug marks a failure that is a defect of the app itself (a bound call that panicked): the
// person can only try again and report it, so Describe says exactly that.
var ErrBug = errors.New("internal error")

// Describe maps any backend error to an ErrorInfo, worded in the process's language.
func Describe(err error) contract.ErrorInfo { return describe(err, explain, i18n.Default()) }

// DescribeFinal is Describe for a failure nothing will retry (a command that asked once, such
// as the CLI's list or status): its advice never promises an automatic retry.
func DescribeFinal(err error) contract.ErrorInfo { return DescribeFinalIn(i18n.Default(), err) }

// DescribeFinalIn is DescribeFinal worded in l's language (English for JSON output).
func DescribeFinalIn(l *i18n.Localizer, err error) contract.ErrorInfo {
	return describe(err, explainFinal, l)
}

func describe(err error, explain func(error) wording, l *i18n.Localizer) contract.ErrorInfo {
	var fe *settings.FieldError
	var long *contract.LineTooLongError
	var ours *wordedError
	switch {
	case errors.As(err, &fe):
		return contract.ErrorInfo{Code: errcode.InvalidField, Field: fe.Field, Message: fe.Message, Key: fe.Key}
	case errors.As(err, new(*api.Error)), errors.Is(err, api.ErrInvalidInput), errors.Is(err, api.ErrNetwork):
		return describeAPI(err, explain(err), l)
	case errors.Is(err, ErrBug):
		w := withLog(wording{key: "error.bug", nextKey: "next.bug"})
		info := worded(w, l)
		info.Code, info.Detail = errcode.Internal, err.Error()
		return info
	case errors.As(err, new(*store.DamagedError)):
		info := worded(explain(err), l)
		info.Code, info.Detail = errcode.Internal, err.Error()
		return info
	case errors.As(err, &long):
		params := i18n.Args{"Line": strconv.Itoa(long.Line), "Max": strconv.Itoa(long.Max)}
		return contract.ErrorInfo{Code: errcode.Internal, Message: l.T("link.lineTooLong", params),
			Key: "link.lineTooLong", Params: params}
	case errors.As(err, new(*InUseError)):
		return contract.ErrorInfo{Code: errcode.Locked, Message: err.Error()}
	case errors.Is(err, contract.ErrLocked):
		info := worded(wording{key: "error.locked", nextKey: "next.locked"}, l)
		info.Code, info.Detail = errcode.Locked, err.Error()
		return info
	case errors.As(err, &ours):
		info := worded(wording{key: ours.key, params: ours.params}, l)
		info.Code = errcode.Internal
		if err != error(ours) { // wrapped: what it was about is in the wrapping
			info.Detail = err.Error()
		}
		return info
	case errors.Is(err, ErrSelectionChanged): // the counts stay in the detail
		info := worded(wording{key: "error.selectionChanged", nextKey: "next.selectAgain"}, l)
		info.Code, info.Detail = errcode.Internal, err.Error()
		return info
	}
	return contract.ErrorInfo{Code: errcode.Internal, Message: err.Error()}
}

// describeAPI explains a client or API error; a rejected input names its field (the UI's names:
// latitude, takenAt, url…) so the form can show the message beside it.
func describeAPI(err error, w wording, l *i18n.Localizer) contract.ErrorInfo {
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
func worded(w wording, l *i18n.Localizer) contract.ErrorInfo {
	summary, next := w.in(l)
	return contract.ErrorInfo{Message: summary, Next: next, Key: w.key, NextKey: w.nextKey, Params: w.params}
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
