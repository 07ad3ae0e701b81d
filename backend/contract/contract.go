// Package contract is the one place to read what crosses between the Go backend and the UI:
// the types bound methods take and return and events carry (aliases of the packages that own
// them, so nothing is converted), and the closed sets of names the UI switches on.
//
// The names are bound with Wails' EnumBind (main.go), so `wails generate module` writes them
// into frontend/wailsjs/go/models.ts as TypeScript enums and scripts/check-bindings.sh keeps
// Go and TypeScript equal. The frontend imports them from src/lib/bridge/contract.ts:
//
//	events.Name       backend/events          event names (payloads below)
//	errcode.Code      contract/errcode        ErrorInfo.Code and a failed job's Error.Code
//	jobkind.JobKind   contract/jobkind        JobView.Kind
//	jobstate.JobState contract/jobstate       JobView.State
//	mode.Mode         contract/mode           Status.Mode
//	conn.State        contract/conn           Status.Connection
//	choice.Choice     contract/choice         what to do with taken download names
//
// Each enum has a package of its own because Wails v2.11 writes the enums of one Go package in
// map order, so two in one package would make the generated file differ from run to run.
package contract

import (
	"memories-desktop/backend/api"
	"memories-desktop/backend/contract/choice"
	"memories-desktop/backend/contract/conn"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/contract/mode"
	"memories-desktop/backend/core"
	"memories-desktop/backend/events"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/preflight"
	"memories-desktop/backend/progress"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/sources"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// Enums is what main.go hands to options.App.EnumBind.
func Enums() []any {
	return []any{events.Names, errcode.All, jobkind.All, jobstate.All, mode.All, conn.All, choice.All}
}

// Errors: every failed bound call rejects with an ErrorInfo (main.go's ErrorFormatter).
type ErrorInfo = core.ErrorInfo

// Status and connection (events.StatusChanged carries a Status).
type (
	Status     = core.Status
	Connection = core.Connection // TestConnection's answer
)

// Settings. The app's SettingsState lives in package main, which cannot be imported.
type (
	Settings = settings.Settings
	KeyInfo  = settings.KeyInfo
)

// Languages: the language switch lists them (Languages) and sets one (SetLanguage).
type Language = i18n.Language

// Upload and import.
type (
	Meta          = core.Meta
	UploadBatch   = core.UploadBatch
	Scan          = preflight.Scan
	Verdict       = preflight.Verdict
	Duplicate     = core.Duplicate
	LinkPlan      = core.LinkPlan
	Link          = sources.Link
	LinkProblem   = sources.Problem
	ImportRequest = core.ImportRequest
	UploadRules   = core.UploadRules // the accepted formats and size, for dialogs and the drop zone
)

// Library (events.LibraryChanged carries the scope as a string).
type (
	LibraryQuery   = core.LibraryQuery
	VideoPage      = store.VideoPage
	CachedVideo    = store.Video
	VideoDetails   = api.Video
	RefreshResult  = core.RefreshResult
	Selection      = core.Selection
	DownloadResult = core.DownloadResult
	DownloadTarget = core.DownloadTarget
)

// Transfers and history (events.TransferJob carries a JobView, events.TransferProgress a
// []Progress).
type (
	JobQuery  = core.JobQuery
	JobPage   = core.JobPage
	JobView   = transfer.JobView
	JobResult = store.JobResult
	JobError  = store.JobError
	Progress  = progress.Progress
	RetryAll  = core.RetryAll
)

// Search and reading a video (the app's VideoText and VideoChapters wrap Transcript and Summary
// with Fetched; they live in package main).
type (
	SearchQuery  = core.SearchQuery
	SearchAnswer = core.SearchAnswer
	Moment       = core.Moment
	RecentSearch = core.RecentSearch
	Transcript   = core.Transcript
	Summary      = core.Summary
	Fetched      = core.Fetched
)
