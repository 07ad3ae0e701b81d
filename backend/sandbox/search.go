package sandbox

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// POST /serve/api/v1/search over the corpus of search_corpus.go (docs/API.md §12.1). Only parsed
// videos are searchable; a scene matches when it holds a word of the query.

// Score thresholds of filtering_level, the default result counts and the search limits.
var levelScores = map[string]float64{"low": 0.15, "medium": 0.225, "high": 0.4}

const (
	defaultTopK        = 100
	defaultCaptionTopK = 10
)

type searchRequest struct {
	Query     string   `json:"search_param"`
	Type      string   `json:"search_type"`
	UniqueID  *string  `json:"unique_id"`
	TopK      *int     `json:"top_k"`
	Level     string   `json:"filtering_level"`
	VideoNos  []string `json:"video_nos"`
	Tag       string   `json:"tag"`
	Camera    string   `json:"camera_tag"`
	Taken     string   `json:"datetime_taken"`
	Latitude  *float64 `json:"latitude"`
	Longitude *float64 `json:"longitude"`
}

// hit is one matching scene.
type hit struct {
	v     Video
	sc    scene
	score float64
}

// clipItem is a BY_CLIP / BY_AUDIO result: camelCase, times as strings, as documented.
type clipItem struct {
	VideoNo        string  `json:"videoNo"`
	VideoName      string  `json:"videoName"`
	StartTime      string  `json:"startTime"`
	EndTime        string  `json:"endTime,omitempty"`
	AudioTS        string  `json:"audio_ts,omitempty"`
	Score          float64 `json:"score"`
	VideoBucket    string  `json:"video_bucket"`
	VideoBlob      string  `json:"video_blob"`
	KeyframeBucket string  `json:"keyframe_bucket,omitempty"`
	KeyframeBlob   string  `json:"keyframe_blob,omitempty"`
}

// captionItem is a BY_CAPTION result: snake_case, times as numbers.
type captionItem struct {
	VideoNo   string    `json:"video_no"`
	Text      string    `json:"text"`
	Vector    []float64 `json:"vector"`
	UserID    string    `json:"user_id"`
	StartTime float64   `json:"start_time"`
	EndTime   float64   `json:"end_time"`
	Score     float64   `json:"score"`
}

func (s *Server) handleSearch(c *call) (any, error) {
	var q searchRequest
	if err := decodeJSON(c.r, &q); err != nil {
		return nil, err
	}
	ns, limit, err := q.validate()
	if err != nil {
		return nil, err
	}
	s.incr(func(st *Stats) { st.Searches++ })
	terms := words(q.Query)
	hits := s.hits(ns, c.now, q.match, func(sc scene) float64 {
		if q.Type == "BY_AUDIO" {
			return wordScore(terms, sc.speech)
		}
		return wordScore(terms, sc.caption)
	})
	hits = slices.DeleteFunc(hits, func(h hit) bool { return h.score < levelScores[q.Level] })
	hits = hits[:min(len(hits), limit)]
	if n := s.Faults().SearchItems; n > 0 && len(hits) > 0 {
		hits = repeatHits(hits, n)
	}
	if q.Type == "BY_CAPTION" {
		return captionItems(hits), nil
	}
	return clipItems(hits, q.Type == "BY_AUDIO"), nil
}

// fillPeriod is how far in time each pass of repeatHits moves the hits: past any real scene.
const fillPeriod = maxScenes * sceneSeconds

// repeatHits returns n items cycling through hits, each pass fillPeriod seconds later (the
// SearchItems fault).
func repeatHits(hits []hit, n int) []hit {
	out := make([]hit, n)
	for i := range out {
		h, pass := hits[i%len(hits)], i/len(hits)
		h.sc.start += pass * fillPeriod
		h.sc.end += pass * fillPeriod
		out[i] = h
	}
	return out
}

// validate applies the documented rules; it returns the namespace and the result count.
func (q *searchRequest) validate() (string, int, error) {
	q.Type = cmp.Or(q.Type, "BY_CLIP")
	if q.Type == "BY_VIDEO" {
		q.Type = "BY_CLIP"
	}
	limit, most := defaultTopK, 1000
	if q.Type == "BY_CAPTION" {
		limit, most = defaultCaptionTopK, 200
	}
	_, levelOK := levelScores[q.Level]
	_, takenErr := time.Parse(takenLayout, cmp.Or(q.Taken, takenLayout))
	switch {
	case strings.TrimSpace(q.Query) == "":
		return "", 0, badParam("search_param is required")
	case !slices.Contains([]string{"BY_CLIP", "BY_AUDIO", "BY_CAPTION"}, q.Type):
		return "", 0, badParam("unsupported search_type %s", q.Type)
	case q.TopK != nil && (*q.TopK < 1 || *q.TopK > most):
		return "", 0, badParam("top_k must be between 1 and %d", most)
	case q.Level != "" && !levelOK:
		return "", 0, badParam("filtering_level must be low, medium or high")
	case len(q.VideoNos) > maxDeleteBatch:
		return "", 0, badParam("video_nos holds at most %d numbers", maxDeleteBatch)
	case (q.Latitude == nil) != (q.Longitude == nil):
		return "", 0, badParam("latitude and longitude must be given together")
	case takenErr != nil:
		return "", 0, badParam("datetime_taken must be yyyy-MM-dd HH:mm:ss")
	}
	ns, err := optionalNamespace(q.UniqueID)
	return ns, deref(q.TopK, limit), err
}

// match applies the filters to a video.
func (q searchRequest) match(v Video) bool {
	taken, _ := time.ParseInLocation(takenLayout, q.Taken, time.UTC)
	return (len(q.VideoNos) == 0 || slices.Contains(q.VideoNos, v.VideoNo)) &&
		(q.Tag == "" || slices.Contains(v.Tags, q.Tag)) && (q.Camera == "" || v.CameraModel == q.Camera) &&
		(q.Taken == "" || !v.DatetimeTaken.Before(taken)) &&
		(q.Latitude == nil || near(v, *q.Latitude, *q.Longitude))
}

// hits scores every scene of every parsed video of ns that keep accepts, best first.
func (s *Server) hits(ns string, now time.Time, keep func(Video) bool, score func(scene) float64) []hit {
	var out []hit
	for _, v := range s.listNamespace(ns, now) {
		if v.Status != StatusParse || !keep(v) {
			continue
		}
		for _, sc := range scenesOf(v) {
			if sv := score(sc); sv > 0 {
				out = append(out, hit{v: v, sc: sc, score: sv})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b hit) int {
		return cmp.Or(cmp.Compare(b.score, a.score), strings.Compare(a.v.VideoNo, b.v.VideoNo), cmp.Compare(a.sc.start, b.sc.start))
	})
	return out
}

// wordScore is the share of the query's words that text holds, mapped to 0.1–0.95; 0 for none.
func wordScore(terms []string, text string) float64 {
	have, n := words(text), 0
	for _, t := range terms {
		if slices.Contains(have, t) {
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return math.Round((0.1+0.85*float64(n)/float64(len(terms)))*10000) / 10000
}

func clipItems(hits []hit, audio bool) []clipItem {
	out := make([]clipItem, len(hits))
	for i, h := range hits {
		out[i] = clipItem{VideoNo: h.v.VideoNo, VideoName: h.v.VideoName, StartTime: strconv.Itoa(h.sc.start),
			EndTime: strconv.Itoa(h.sc.end), Score: h.score, VideoBucket: sandboxBucket, VideoBlob: blobName(h.v)}
		if audio {
			out[i].AudioTS = h.sc.speech
		} else {
			out[i].KeyframeBucket, out[i].KeyframeBlob = keyframeBucket, keyframeBlob(h.v.VideoNo, h.sc)
		}
	}
	return out
}

func captionItems(hits []hit) []captionItem {
	out := make([]captionItem, len(hits))
	for i, h := range hits {
		c := h.sc.colour
		out[i] = captionItem{VideoNo: h.v.VideoNo, Text: h.sc.caption, UserID: "sandbox",
			Vector:    []float64{float64(c.R) / 255, float64(c.G) / 255, float64(c.B) / 255},
			StartTime: float64(h.sc.start), EndTime: float64(h.sc.end), Score: h.score}
	}
	return out
}
