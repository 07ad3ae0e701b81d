package core

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"

	"memories-desktop/backend/api"
	"memories-desktop/backend/applog"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/transfer"
)

// This file is the one place where failures become sentences for people: api reports kinds and
// codes, transfer reports codes and records a failed job's message through Options.Explain, and
// the app and the CLI show what Describe returns.

// explanation is what people are told about one kind of failure.
type explanation struct{ summary, next string }

var explanations = map[error]explanation{
	api.ErrBadRequest: {"memories.ai rejected the request as incomplete or malformed.",
		"Check the file or link and its details, then try again; if it keeps failing, report it with the log."},
	api.ErrUnauthorized: {"memories.ai did not accept the API key.",
		"Open Settings and paste a valid key from api-platform.memories.ai (API Key Management)."},
	api.ErrNoCredits: {"The memories.ai account has run out of credits.",
		"Recharge the account at api-platform.memories.ai, then retry."},
	api.ErrForbidden: {"The memories.ai developer account is disabled.",
		"Contact memories.ai support; retrying will not help."},
	api.ErrConflict: {"memories.ai refused a duplicate of an operation that cannot be repeated.",
		"Refresh the library to see the current state before trying again."},
	api.ErrRateLimited: {"memories.ai is limiting how often this account may call it.",
		"Wait and retry; the queue retries automatically."},
	api.ErrPermission: {"memories.ai denied permission for this key; new keys can take a while to be enabled.",
		"Check in the memories.ai dashboard that the key is active, or create a new one in Settings."},
	api.ErrNotFound: {"memories.ai could not find that video or asset (it may be in another scope, or deleted).",
		"Check the scope in Settings and refresh the library."},
	api.ErrServer: {"memories.ai is having trouble right now.",
		"Wait a few minutes; the queue retries automatically."},
	api.ErrUnexpected: {"memories.ai sent an answer this app does not understand.",
		"Retry later; if it keeps happening, check the server address in Settings or report it with the log."},
	api.ErrFileGrew: {"The file grew while it was being uploaded (it is still being written or copied), so the upload was stopped before it completed.",
		"Wait until the file is complete, then retry."},
	api.ErrNetwork: {"Could not reach memories.ai, or the connection broke.",
		"Check the internet connection and any proxy settings; the queue retries automatically."},
}

// Rate limits are per kind of call (docs/API.md §3), so the rate-limit summary names the one
// that was hit; the keys are the client's operation names.
var rateLimitSummaries = map[string]string{
	"upload":         "The service allows 1 upload per minute for the whole account (all keys share it).",
	"upload_url":     "The service allows 1 upload per minute for the whole account (all keys share it).",
	"download":       "The service allows 12 downloads per minute for the whole account.",
	"download_asset": "The service allows 1 asset download per second for the whole account.",
	"task_status":    "The service allows 1 task-status check per second for the whole account.",
	"list_videos":    "The service allows 5 library requests per second for the whole account.",
	"delete":         "The service allows 5 delete requests per second for the whole account.",
}

// Explain returns a plain-language summary of err and the next step a person can take, for the
// UI and the CLI. Both are empty for a nil error.
func Explain(err error) (summary, nextStep string) {
	if err == nil {
		return "", ""
	}
	var ve *api.ValidationError
	if errors.As(err, &ve) {
		if ve.Field == "APIKey" {
			return "No usable API key is configured.", "Open Settings and paste your memories.ai API key."
		}
		return ve.Message, "Correct the " + ve.Field + " and try again."
	}
	if errors.Is(err, context.Canceled) {
		return "The operation was cancelled.", ""
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "The operation took too long and was stopped.", "Try again, ideally on a faster connection."
	}
	return explainKind(err)
}

// queueRetries ends the advice given while the queue still retries by itself.
const queueRetries = "; the queue retries automatically."

// finalNext replaces the advice that the queue retries by itself, which no longer holds once a
// job has failed for good.
var finalNext = map[error]string{
	api.ErrRateLimited: "Wait a minute, then retry.",
	api.ErrServer:      "Wait a few minutes, then retry.",
	api.ErrNetwork:     "Check the internet connection and any proxy settings, then retry.",
}

// ExplainFinal is Explain for a job that has failed for good (its retries are used up).
func ExplainFinal(err error) (summary, nextStep string) {
	summary, nextStep = Explain(err)
	if _, _, ok := explainUnreached(err); ok {
		return summary, strings.TrimSuffix(nextStep, queueRetries) + ", then retry."
	}
	for kind, next := range finalNext {
		if errors.Is(err, kind) {
			return summary, next
		}
	}
	return summary, nextStep
}

func explainKind(err error) (string, string) {
	if summary, next, ok := explainUnreached(err); ok {
		return summary, next
	}
	var apiErr *api.Error
	if errors.As(err, &apiErr) && errors.Is(err, api.ErrUnexpected) && apiErr.HTTPStatus == http.StatusNotFound {
		return "The server at this address does not offer the memories.ai API (HTTP 404 for " + apiErr.Op + ").",
			"Check the API base URL in Settings (the default is " + api.DefaultBaseURL + ")."
	}
	if errors.As(err, &apiErr) && errors.Is(err, api.ErrRateLimited) {
		if s, ok := rateLimitSummaries[apiErr.Op]; ok {
			return s, explanations[api.ErrRateLimited].next
		}
	}
	for kind, e := range explanations {
		if errors.Is(err, kind) {
			return e.summary, withLogPath(e.next)
		}
	}
	return err.Error(), withLogPath("Try again; if it keeps failing, " + reportIt)
}

const reportIt = "report it with the log."

// explainUnreached names the address a network failure was about when it is not memories.ai's
// own: on this computer (a sandbox or a stand-in server) the internet connection and proxies are
// beside the point; elsewhere, the host is named so a custom endpoint is not taken for the
// service.
func explainUnreached(err error) (summary, next string, ok bool) {
	host := failedHost(err)
	if host == "" || !errors.Is(err, api.ErrNetwork) || isServiceHost(host) {
		return "", "", false
	}
	name, _, splitErr := net.SplitHostPort(host)
	if splitErr != nil {
		name = host
	}
	if api.IsLoopbackHost(name) {
		return "Nothing answers at " + host + " on this computer, or the connection broke.",
			"Check that the server at that address is running, or correct the address in Settings; the queue retries automatically.", true
	}
	return "Could not reach " + host + ", or the connection broke.",
		"Check the address in Settings, the network connection and any proxy settings; the queue retries automatically.", true
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

// withLogPath names the log file where a text asks people to report a problem with it.
func withLogPath(next string) string {
	return strings.Replace(next, reportIt, applog.ReportHint(), 1)
}

// FailedJobMessage is the one message a job that failed for good keeps: what happened and what
// to do now. The engine records it through transfer.Options.Explain, with the job's error code.
func FailedJobMessage(code string, err error) string {
	if errors.Is(err, transfer.ErrNotMedia) {
		return sentence(err.Error()) + " Nothing was saved. Retry later; if it keeps happening, check the server address in Settings."
	}
	if next, ok := localNext[code]; ok {
		return sentence(err.Error()) + " " + next
	}
	summary, next := ExplainFinal(err)
	if summary == "" {
		return err.Error()
	}
	return strings.TrimSpace(summary + " " + next)
}

// localNext is what a person can do about a failure on this computer or of the transfer itself,
// by the engine's code for it. The error's own text says what happened. Every one is for a job
// that has failed for good, so none promises an automatic retry.
var localNext = map[string]string{
	errcode.DiskFull:    "Free some space on that disk, then retry.",
	errcode.TooSlow:     "Check the connection, then retry; the service may be busy.",
	errcode.NoData:      "The service stopped sending; retry later.",
	errcode.Truncated:   "The connection kept breaking off; retry later.",
	errcode.NoFolder:    "Choose an existing folder, then retry.",
	errcode.Exists:      "Retry to choose: replace it, keep both, or skip.",
	errcode.NotRegular:  "Move away what is at that name (it is left untouched), then retry.",
	errcode.NotWritable: "Choose a folder you can write to, then retry.",
	errcode.MaybeSent: "Look for its videos in the library (an import takes a few minutes); " +
		"if they are not there, Retry sends it again.",
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
