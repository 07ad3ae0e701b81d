package pacing

import (
	"strings"
	"time"
)

// Endpoint names a group of API calls that share one rate limit on the server.
type Endpoint string

// The rate-limited endpoint groups. File and URL uploads share one limit, as the docs count them
// as one interface.
const (
	EpUpload   Endpoint = "upload"
	EpImport   Endpoint = "import"
	EpDownload Endpoint = "download"
	EpAsset    Endpoint = "asset"
	EpList     Endpoint = "list"
	EpStatus   Endpoint = "status"
	EpDelete   Endpoint = "delete"
	EpMetadata Endpoint = "metadata"
	EpSearch   Endpoint = "search"   // every kind of search, by words, phrase or picture
	EpText     Endpoint = "text"     // transcripts, captions and summaries
	EpKeyframe Endpoint = "keyframe" // keyframe images: their own lane, so thumbnails never hold up downloads
)

// Limit allows at most one request per Every; zero leaves the endpoint unpaced. Limits are data
// so a changed table in the docs is a one-line edit, not new code.
type Limit struct {
	Every time.Duration
}

// DefaultLimits returns the documented table (docs/API.md §3), taking the
// conservative side where sources disagree:
//
//	upload (file and URL)   1 a minute
//	import (platform links) 1 a minute
//	download                12 a minute
//	asset download (v2)     1 a second (the v2 "standard" rate)
//	list videos, scopes     5 a second
//	task status             1 a second
//	delete                  5 a second
//	video metadata          1 a second (not in the table; the v2 "standard" rate, to be safe)
//	search (all kinds)      1 a second (one table says 10; docs/API.md §13.4)
//	transcripts, summaries  1 a second (one table says 5)
//	keyframes               1 a second (not in any table; the asset download's rate)
func DefaultLimits() map[Endpoint]Limit {
	return map[Endpoint]Limit{
		EpUpload:   {Every: time.Minute},
		EpImport:   {Every: time.Minute},
		EpDownload: {Every: 5 * time.Second},
		EpAsset:    {Every: time.Second},
		EpList:     {Every: 200 * time.Millisecond},
		EpStatus:   {Every: time.Second},
		EpDelete:   {Every: 200 * time.Millisecond},
		EpMetadata: {Every: time.Second},
		EpSearch:   {Every: time.Second},
		EpText:     {Every: time.Second},
		EpKeyframe: {Every: time.Second},
	}
}

// opEndpoints maps the client's operation names (api's request ops) to their endpoint groups.
var opEndpoints = map[string]Endpoint{
	"upload":         EpUpload,
	"upload_url":     EpUpload,
	"import":         EpImport,
	"download":       EpDownload,
	"download_asset": EpAsset,
	"list_videos":    EpList,
	"list_scopes":    EpList,
	"task_status":    EpStatus,
	"delete":         EpDelete,
	"metadata":       EpMetadata,
	"search":         EpSearch,
	"search_phrase":  EpSearch,
	"search_image":   EpSearch,
	"transcript":     EpText,
	"captions":       EpText,
	"summary":        EpText,
	"keyframe":       EpKeyframe,
}

// EndpointFor names the group an api operation counts against. An operation missing from the
// table gets a lane of its own with no spacing, so it still backs off after failures.
func EndpointFor(op string) Endpoint {
	if ep, ok := opEndpoints[op]; ok {
		return ep
	}
	return Endpoint(op)
}

// ParseRateLimitsEnv reads MEMORIES_RATE_LIMITS: "off", "0", "false" or "no" turn proactive
// pacing off; anything else, including unset, keeps it on, because the safe default is to pace.
func ParseRateLimitsEnv(v string) (proactive bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "off", "0", "false", "no":
		return false
	}
	return true
}
