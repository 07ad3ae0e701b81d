package core

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	"memories-desktop/backend/api"
	"memories-desktop/backend/applog"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// This file is the one place where failures become sentences for people: api reports kinds and
// codes, transfer reports codes and records a failed job's message through Options.Explain, and
// the app and the CLI show what Describe returns.

// wording is a failure's explanation as catalogue message ids and their placeholders, so the
// CLI words it in its language (and English in JSON) and the UI gets the ids with the text.
type wording struct {
	key, nextKey string
	params       i18n.Args
	raw          string // the error's own text, when no message of ours says what happened
}

// in words w in l's language.
func (w wording) in(l *i18n.Localizer) (summary, next string) {
	summary = w.raw
	if w.key != "" {
		summary = l.T(w.key, w.params)
	}
	if w.nextKey != "" {
		next = l.T(w.nextKey, w.params)
	}
	return summary, next
}

// kindKeys are the catalogue ids of each API kind's explanation: "error.<id>" says what
// happened, "next.<id>" what to do.
var kindKeys = map[error]string{
	api.ErrBadRequest:   "badRequest",
	api.ErrUnauthorized: "unauthorized",
	api.ErrNoCredits:    "noCredits",
	api.ErrForbidden:    "forbidden",
	api.ErrConflict:     "conflict",
	api.ErrRateLimited:  "rateLimited",
	api.ErrPermission:   "permission",
	api.ErrNotFound:     "notFound",
	api.ErrServer:       "server",
	api.ErrUnexpected:   "unexpected",
	api.ErrFileGrew:     "fileGrew",
	api.ErrNetwork:      "network",
}

// Rate limits are per kind of call (docs/API.md §3), so the rate-limit summary names the one
// that was hit; the keys are the client's operation names, the values catalogue ids.
var rateLimitKeys = map[string]string{
	"upload":         "error.rateLimited.upload",
	"upload_url":     "error.rateLimited.upload",
	"download":       "error.rateLimited.download",
	"download_asset": "error.rateLimited.downloadAsset",
	"task_status":    "error.rateLimited.taskStatus",
	"list_videos":    "error.rateLimited.listVideos",
	"delete":         "error.rateLimited.delete",
}

// Explain returns a plain-language summary of err and the next step a person can take, in the
// process's language, for the UI and the CLI. Both are empty for a nil error.
func Explain(err error) (summary, nextStep string) { return explain(err).in(i18n.Default()) }

func explain(err error) wording {
	if err == nil {
		return wording{}
	}
	var ve *api.ValidationError
	if errors.As(err, &ve) {
		if ve.Field == "APIKey" {
			return wording{key: "error.noAPIKey", nextKey: "next.noAPIKey"}
		}
		return wording{raw: ve.Message, nextKey: "next.correctField", params: i18n.Args{"Field": ve.Field}}
	}
	if errors.Is(err, context.Canceled) {
		return wording{key: "error.cancelled"}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return wording{key: "error.deadline", nextKey: "next.deadline"}
	}
	if d := (*store.DamagedError)(nil); errors.As(err, &d) {
		return wording{key: "error.damaged", nextKey: "next.damaged", params: i18n.Args{"Path": d.Path}}
	}
	return explainKind(err)
}

// finalNext replaces the advice that the queue retries by itself, which no longer holds once a
// job has failed for good.
var finalNext = map[error]string{
	api.ErrRateLimited: "final.rateLimited",
	api.ErrServer:      "final.server",
	api.ErrNetwork:     "final.network",
}

// unreachedFinal is the advice about an unreached address once nothing retries by itself.
var unreachedFinal = map[string]string{
	"next.unreachedLocal": "next.unreachedLocal.final",
	"next.unreached":      "next.unreached.final",
}

// ExplainFinal is Explain for a job that has failed for good (its retries are used up).
func ExplainFinal(err error) (summary, nextStep string) { return explainFinal(err).in(i18n.Default()) }

func explainFinal(err error) wording {
	w := explain(err)
	if _, ok := explainUnreached(err); ok {
		w.nextKey = unreachedFinal[w.nextKey]
		return w
	}
	for kind, next := range finalNext {
		if errors.Is(err, kind) {
			w.nextKey = next
			return w
		}
	}
	return w
}

func explainKind(err error) wording {
	if w, ok := explainUnreached(err); ok {
		return w
	}
	var apiErr *api.Error
	if errors.As(err, &apiErr) && errors.Is(err, api.ErrUnexpected) && apiErr.HTTPStatus == http.StatusNotFound {
		return wording{key: "error.notAPI", nextKey: "next.notAPI",
			params: i18n.Args{"Op": apiErr.Op, "Default": api.DefaultBaseURL}}
	}
	if errors.As(err, &apiErr) && errors.Is(err, api.ErrRateLimited) {
		if key, ok := rateLimitKeys[apiErr.Op]; ok {
			return wording{key: key, nextKey: "next.rateLimited"}
		}
	}
	for kind, id := range kindKeys {
		if errors.Is(err, kind) {
			return withLog(wording{key: "error." + id, nextKey: "next." + id})
		}
	}
	return withLog(wording{key: "error.unclassified", nextKey: "next.tryAgainReport", params: i18n.Args{"Detail": err.Error()}})
}

// explainUnreached names the address a network failure was about when it is not memories.ai's
// own: on this computer (a sandbox or a stand-in server) the internet connection and proxies are
// beside the point; elsewhere, the host is named so a custom endpoint is not taken for the
// service.
func explainUnreached(err error) (wording, bool) {
	host := failedHost(err)
	if host == "" || !errors.Is(err, api.ErrNetwork) || isServiceHost(host) {
		return wording{}, false
	}
	name, _, splitErr := net.SplitHostPort(host)
	if splitErr != nil {
		name = host
	}
	if api.IsLoopbackHost(name) {
		return wording{key: "error.unreachedLocal", nextKey: "next.unreachedLocal", params: i18n.Args{"Host": host}}, true
	}
	return wording{key: "error.unreached", nextKey: "next.unreached", params: i18n.Args{"Host": host}}, true
}

// failedHost is the host (and port) of the request a transport failure was about; "" if none.
func failedHost(err error) string {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return ""
	}
	u, perr := url.Parse(ue.URL)
	if perr != nil {
		return ""
	}
	return u.Host
}

// isServiceHost tells whether host is the memories.ai service itself.
func isServiceHost(host string) bool {
	name := strings.ToLower(host)
	if h, _, err := net.SplitHostPort(name); err == nil {
		name = h
	}
	return name == "memories.ai" || strings.HasSuffix(name, ".memories.ai")
}

// withLog gives the advice that asks people to report a problem the log file's place.
func withLog(w wording) wording {
	if w.params == nil {
		w.params = i18n.Args{}
	}
	if p := applog.Path(); p != "" {
		w.params["Log"] = p
	} else {
		w.params["Log"] = i18n.T("logInSettings") // resolved in the process's language
	}
	return w
}

// FailedJobError is the error a job that failed for good keeps: what happened and what to do
// now, worded in the process's language, with the catalogue ids and placeholders it was worded
// from so every read words it again in the language then in use (transfer.WordJobError). The
// engine records it through transfer.Options.Explain; the engine sets the code.
func FailedJobError(code string, err error) contract.JobError {
	w := failedJobWording(code, err)
	if w.key == "" { // no message of ours says what happened: the error's own words, as they are
		summary, next := w.in(i18n.Default())
		if next != "" {
			summary = i18n.T("job.failed", i18n.Args{"Summary": summary, "Next": next})
		}
		return contract.JobError{Message: cmp.Or(summary, err.Error())}
	}
	je := contract.JobError{Key: w.key, NextKey: w.nextKey, Params: map[string]string{}}
	for k, v := range w.params {
		if k == "Log" && applog.Path() == "" {
			continue // "Settings → Open log folder" is worded on each read, in its language
		}
		je.Params[k] = fmt.Sprint(v)
	}
	return *transfer.WordJobError(i18n.Default(), &je)
}

// FailedJobMessage is FailedJobError's message.
func FailedJobMessage(code string, err error) string { return FailedJobError(code, err).Message }

// failedJobWording is what a job that failed for good says, as catalogue ids.
func failedJobWording(code string, err error) wording {
	if errors.Is(err, transfer.ErrNotMedia) {
		return wording{key: "job.notMedia", params: i18n.Args{"Error": sentence(err.Error())}}
	}
	if next, ok := localNext[code]; ok { // the error's text is technical detail
		return wording{key: "localError." + code, nextKey: next, params: i18n.Args{"Detail": err.Error()}}
	}
	return explainFinal(err)
}

// localNext is what a person can do about a failure on this computer or of the transfer itself,
// by the engine's code for it (catalogue ids); "localError.<code>" says what happened, with the
// error's own text as its detail. Every one is for a job that has failed for good, so none
// promises an automatic retry.
var localNext = map[string]string{
	errcode.DiskFull:    "local.diskFull",
	errcode.TooSlow:     "local.tooSlow",
	errcode.NoData:      "local.noData",
	errcode.Truncated:   "local.truncated",
	errcode.NoFolder:    "local.noFolder",
	errcode.Exists:      "local.exists",
	errcode.NotRegular:  "local.notRegular",
	errcode.NotWritable: "local.notWritable",
	errcode.MaybeSent:   "local.maybeSent",
}

// sentence capitalises s and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	if c := s[0]; c >= 'a' && c <= 'z' {
		s = string(c-'a'+'A') + s[1:]
	}
	if last := s[len(s)-1]; last != '.' && last != '!' && last != '?' {
		s += "."
	}
	return s
}
