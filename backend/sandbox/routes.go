package sandbox

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"
)

// apiKind tells which error conventions a route follows.
type apiKind int

const (
	apiV1      apiKind = iota // string codes, HTTP 200 errors
	apiV2                     // integer codes equal to the HTTP status
	apiControl                // /_sandbox/*: no auth, no faults
)

// call carries one request with the fault snapshot and clock reading it is served under.
type call struct {
	r      *http.Request
	pathID string
	faults Faults
	now    time.Time
	// replaced is closed when the faults are replaced: a held reply is released.
	replaced <-chan struct{}
}

// handler serves one endpoint.
type handler func(w http.ResponseWriter, c *call)

// route is one path with its allowed methods.
type route struct {
	kind    apiKind
	methods map[string]handler
}

// allow lists the route's methods for the Allow header of a 405.
func (rt *route) allow() string {
	ms := make([]string, 0, len(rt.methods))
	for m := range rt.methods {
		ms = append(ms, m)
	}
	slices.Sort(ms)
	return strings.Join(ms, ", ")
}

const (
	v1Prefix = "/serve/api/v1/"
	v2Prefix = "/serve/api/v2/"
)

// buildRoutes returns the fixed-path routes and the v2 asset-download route ({asset_id} in the path).
func (s *Server) buildRoutes() (map[string]*route, *route) {
	v1 := func(method string, h handler) *route {
		return &route{kind: apiV1, methods: map[string]handler{method: h}}
	}
	routes := map[string]*route{
		v1Prefix + "upload":                   v1(http.MethodPost, s.v1(s.handleUpload)),
		v1Prefix + "upload_url":               v1(http.MethodPost, s.v1(s.handleUploadURL)),
		v1Prefix + "scraper_url":              v1(http.MethodPost, s.v1(s.handleScrape)),
		v1Prefix + "get_video_ids_by_task_id": v1(http.MethodGet, s.v1(s.handleTaskVideos)),
		v1Prefix + "list_videos":              v1(http.MethodPost, s.v1(s.handleListVideos)),
		v1Prefix + "get_metadata":             v1(http.MethodGet, s.v1(s.handleMetadata)),
		v1Prefix + "delete_videos":            v1(http.MethodPost, s.v1(s.handleDelete)),
		v1Prefix + "list_unique_ids":          v1(http.MethodGet, s.v1(s.handleUniqueIDs)),
		v1Prefix + "search":                   v1(http.MethodPost, s.v1(s.handleSearch)),
		v1Prefix + "search_audio_transcripts": v1(http.MethodGet, s.v1(s.handlePhrase)),
		v1Prefix + "search_similar_images":    v1(http.MethodPost, s.v1(s.handleImageSearch)),
		v1Prefix + "get_audio_transcription":  v1(http.MethodGet, s.v1(s.handleAudioText)),
		v1Prefix + "get_video_caption":        v1(http.MethodGet, s.v1(s.handleCaptions)),
		v1Prefix + "generate_summary":         v1(http.MethodGet, s.v1(s.handleSummary)),
		v1Prefix + "download": {kind: apiV1, methods: map[string]handler{
			http.MethodPost: s.handleDownload, http.MethodGet: s.blobDownload(apiV1)}},
		v2Prefix + "upload":   {kind: apiV2, methods: map[string]handler{http.MethodPost: s.handleAssetUpload}},
		v2Prefix + "download": {kind: apiV2, methods: map[string]handler{http.MethodGet: s.blobDownload(apiV2)}},
		"/_sandbox/faults": {kind: apiControl, methods: map[string]handler{
			http.MethodGet: s.handleGetFaults, http.MethodPut: s.handlePutFaults}},
		"/_sandbox/stats": {kind: apiControl, methods: map[string]handler{http.MethodGet: s.handleStats}},
	}
	asset := &route{kind: apiV2, methods: map[string]handler{http.MethodGet: s.handleAssetDownload}}
	return routes, asset
}

// match finds the route of a path; for /serve/api/v2/{asset_id}/download it also returns the id.
func (s *Server) match(path string) (*route, string) {
	if rt, ok := s.routes[path]; ok {
		return rt, ""
	}
	rest, ok := strings.CutPrefix(path, v2Prefix)
	if !ok {
		return nil, ""
	}
	id, ok := strings.CutSuffix(rest, "/download")
	if !ok || id == "" || strings.Contains(id, "/") {
		return nil, ""
	}
	return s.assetDL, id
}

// v1 adapts an endpoint that returns data or an error to the v1 envelope.
func (s *Server) v1(h func(c *call) (any, error)) handler {
	return func(w http.ResponseWriter, c *call) {
		data, err := h(c)
		if err != nil {
			writeFailure(w, c, apiV1, err)
			return
		}
		writeOK(w, data)
	}
}

// writeFailure answers err: parameter errors in the route's envelope, anything else as HTTP 500.
func writeFailure(w http.ResponseWriter, c *call, kind apiKind, err error) {
	var ae *apiError
	switch {
	case !errors.As(err, &ae):
		writeSpring(w, c.r, http.StatusInternalServerError)
	case kind == apiV2:
		writeV2(w, http.StatusBadRequest, ae.msg, nil)
	default:
		writeCode(w, ae.code, ae.msg)
	}
}
