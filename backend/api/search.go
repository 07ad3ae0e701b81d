package api

import (
	"bytes"
	"context"
	"encoding/json"
	"memories-desktop/backend/contract"
	"slices"
	"strconv"
	"strings"
	"time"

	"memories-desktop/backend/i18n"
)

// The search calls (docs/API.md §12). Every rule below is checked before anything is sent, so a
// refused search costs no credits.

// Search types as the service spells them (docs/API.md §12.1). BY_VIDEO is an alias of BY_CLIP and BY_IMAGE
// means two different things on different pages (docs/API.md §13.3), so the client sends neither.
const (
	SearchVisual  = "BY_CLIP"
	SearchAudio   = "BY_AUDIO"
	SearchCaption = "BY_CAPTION"
)

// Limits of the search rules (docs/API.md §12.1).
const (
	MaxTopK         = 1000
	MaxCaptionTopK  = 200
	MaxSearchVideos = 100
	// TakenLayout is datetime_taken's format, yyyy-MM-dd HH:mm:ss.
	TakenLayout = "2006-01-02 15:04:05"
)

// scopeParam names the field that scopes a search to a namespace. The pages say unique_id, the
// API description folder_id (docs/API.md §13.2): change it here if the service stops honouring unique_id.
const scopeParam = "unique_id"

// CheckSearch applies the request rules of docs/API.md §12.1 and returns the normalised request.
func CheckSearch(r contract.SearchRequest) (contract.SearchRequest, error) {
	r.Query = strings.TrimSpace(r.Query)
	if r.Query == "" {
		return r, invalid("query", "api.queryEmpty")
	}
	r.Type = strings.ToUpper(strings.TrimSpace(r.Type))
	if r.Type == "" || r.Type == "BY_VIDEO" {
		r.Type = SearchVisual
	}
	if !slices.Contains([]string{SearchVisual, SearchAudio, SearchCaption}, r.Type) {
		return r, invalid("type", "api.searchType", i18n.Args{"A": SearchVisual, "B": SearchAudio, "C": SearchCaption})
	}
	limit := MaxTopK
	if r.Type == SearchCaption {
		limit = MaxCaptionTopK
	}
	if r.TopK < 0 || r.TopK > limit {
		return r, invalid("top_k", "api.topK", i18n.Args{"Max": strconv.Itoa(limit), "Type": r.Type})
	}
	r.Level = strings.ToLower(strings.TrimSpace(r.Level))
	if r.Level != "" && !slices.Contains([]string{"low", "medium", "high"}, r.Level) {
		return r, invalid("filtering_level", "api.level")
	}
	if len(r.VideoNos) > 0 {
		if err := checkIDs("video_nos", r.VideoNos, MaxSearchVideos); err != nil {
			return r, err
		}
	}
	if r.Taken != "" {
		if _, err := time.Parse(TakenLayout, r.Taken); err != nil {
			return r, invalid("datetime_taken", "api.datetime")
		}
	}
	return r, checkCoordinates(r.Latitude, r.Longitude)
}

// searchWire is the JSON body of /search.
type searchWire struct {
	Query     string   `json:"search_param"`
	Type      string   `json:"search_type"`
	TopK      int      `json:"top_k,omitempty"`
	Level     string   `json:"filtering_level,omitempty"`
	VideoNos  []string `json:"video_nos,omitempty"`
	Tag       string   `json:"tag,omitempty"`
	Camera    string   `json:"camera_tag,omitempty"`
	Taken     string   `json:"datetime_taken,omitempty"`
	Latitude  *float64 `json:"latitude,omitempty"`
	Longitude *float64 `json:"longitude,omitempty"`
}

// searchBody renders the request with the scope under scopeParam.
func searchBody(r contract.SearchRequest) (map[string]any, error) {
	b, err := json.Marshal(searchWire{Query: r.Query, Type: r.Type, TopK: r.TopK, Level: r.Level,
		VideoNos: r.VideoNos, Tag: r.Tag, Camera: r.Camera, Taken: r.Taken, Latitude: r.Latitude, Longitude: r.Longitude})
	var m map[string]any
	if err == nil {
		err = json.Unmarshal(b, &m)
	}
	if err != nil {
		return nil, invalid("request", "api.encodeSearch", i18n.Args{"Error": err.Error()})
	}
	m[scopeParam] = ScopeOr(r.Scope)
	return m, nil
}

// Search runs a natural-language search (docs/API.md §12.1) and returns the moments in the service's order.
func (c *Client) Search(ctx context.Context, r contract.SearchRequest) ([]contract.Hit, error) {
	r, err := CheckSearch(r)
	if err != nil {
		return nil, err
	}
	body, err := searchBody(r)
	if err != nil {
		return nil, err
	}
	req, err := jsonRequest("search", "/serve/api/v1/search", nil, body)
	if err != nil {
		return nil, err
	}
	var items momentList
	if err := c.call(ctx, req, &items); err != nil {
		return nil, err
	}
	return items.moments(), nil
}

// momentWire is a result item in any documented spelling (docs/API.md §12.2): camelCase from /search and the
// image search, snake_case from BY_CAPTION; times and scores as numbers or strings.
type momentWire struct {
	VideoNo        flexString    `json:"videoNo"`
	VideoNoSnake   flexString    `json:"video_no"`
	VideoName      flexString    `json:"videoName"`
	StartTime      *flexOptFloat `json:"startTime"`
	StartSnake     *flexOptFloat `json:"start_time"`
	EndTime        *flexOptFloat `json:"endTime"`
	EndSnake       *flexOptFloat `json:"end_time"`
	Score          flexFloat     `json:"score"`
	AudioTS        flexString    `json:"audio_ts"`
	Text           flexString    `json:"text"`
	VideoBucket    flexString    `json:"video_bucket"`
	VideoBlob      flexString    `json:"video_blob"`
	KeyframeBucket flexString    `json:"keyframe_bucket"`
	KeyframeBlob   flexString    `json:"keyframe_blob"`
}

// momentList decodes an array of items; an object ({} in one rendering), null or anything else
// that is not an array is no results.
type momentList []momentWire

// UnmarshalJSON accepts an array, and reads anything else as empty.
func (l *momentList) UnmarshalJSON(b []byte) error {
	if b = bytes.TrimSpace(b); len(b) == 0 || b[0] != '[' {
		*l = nil
		return nil
	}
	return json.Unmarshal(b, (*[]momentWire)(l))
}

func (l momentList) moments() []contract.Hit {
	out := make([]contract.Hit, 0, len(l))
	for _, w := range l {
		if m := w.moment(); m.VideoNo != "" {
			out = append(out, m)
		}
	}
	return out
}

func (w momentWire) moment() contract.Hit {
	m := contract.Hit{VideoNo: string(firstNonEmpty(w.VideoNo, w.VideoNoSnake)), VideoName: string(w.VideoName),
		Score: float64(w.Score), Text: strings.TrimSpace(string(firstNonEmpty(w.AudioTS, w.Text))),
		VideoBucket: string(w.VideoBucket), VideoBlob: string(w.VideoBlob),
		KeyframeBucket: string(w.KeyframeBucket), KeyframeBlob: string(w.KeyframeBlob)}
	m.Start = optValue(w.StartTime, w.StartSnake, 0)
	m.End = max(optValue(w.EndTime, w.EndSnake, m.Start), m.Start)
	return m
}

func firstNonEmpty(a, b flexString) flexString {
	if a != "" {
		return a
	}
	return b
}

// optValue is the first of a, b that is set, else def.
func optValue(a, b *flexOptFloat, def float64) float64 {
	for _, o := range []*flexOptFloat{a, b} {
		if o != nil && o.set {
			return o.v
		}
	}
	return def
}
