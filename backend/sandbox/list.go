package sandbox

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"time"
)

// Paging defaults of list_videos (newest schema) and the radius of its location filter.
const (
	defaultPageSize = 200
	geoRadiusKm     = 20
	earthRadiusKm   = 6371
)

// listRequest is the JSON body of list_videos; every field is optional.
type listRequest struct {
	Page          *int     `json:"page"`
	Size          *int     `json:"size"`
	UniqueID      *string  `json:"unique_id"`
	VideoName     string   `json:"video_name"`
	VideoNo       string   `json:"video_no"`
	VideoNos      []string `json:"video_nos"`
	Status        string   `json:"status"`
	CameraModel   string   `json:"camera_model"`
	Tag           string   `json:"tag"`
	DatetimeTaken *int64   `json:"datetime_taken"`
	Latitude      *float64 `json:"latitude"`
	Longitude     *float64 `json:"longitude"`
}

// listData is the list_videos response; total_count is a string as in the v1.2 examples.
type listData struct {
	CurrentPage int        `json:"current_page"`
	PageSize    int        `json:"page_size"`
	TotalCount  string     `json:"total_count"`
	Videos      []videoDTO `json:"videos"`
}

// handleListVideos serves POST /serve/api/v1/list_videos: filters, newest first, paged.
func (s *Server) handleListVideos(c *call) (any, error) {
	var q listRequest
	if err := decodeJSON(c.r, &q); err != nil && !errors.Is(err, errEmptyBody) {
		return nil, err
	}
	ns, page, size, err := q.validate()
	if err != nil {
		return nil, err
	}
	all := s.listNamespace(ns, c.now)
	matches := slices.DeleteFunc(all, func(v Video) bool { return !q.match(v) })
	return listData{CurrentPage: page, PageSize: size, TotalCount: strconv.Itoa(len(matches)),
		Videos: toDTOs(pageOf(matches, page, size), true)}, nil
}

// pageOf returns page number page (1-based) of size items, without overflowing on huge values.
func pageOf(vs []Video, page, size int) []Video {
	pages := len(vs) / size
	if len(vs)%size != 0 {
		pages++
	}
	if page > pages {
		return nil
	}
	start := (page - 1) * size
	return vs[start : start+min(size, len(vs)-start)]
}

// validate checks paging, status and the location pair and returns the namespace and paging.
func (q listRequest) validate() (string, int, int, error) {
	page, size := deref(q.Page, 1), deref(q.Size, defaultPageSize)
	switch {
	case page < 1:
		return "", 0, 0, badParam("page must be at least 1")
	case size < 1:
		return "", 0, 0, badParam("size must be at least 1")
	case q.Status != "" && !slices.Contains([]string{StatusParse, StatusUnparse, StatusFailed}, q.Status):
		return "", 0, 0, badParam("status must be PARSE, UNPARSE or FAILED")
	case (q.Latitude == nil) != (q.Longitude == nil):
		return "", 0, 0, badParam("latitude and longitude must be sent together")
	}
	ns, err := optionalNamespace(q.UniqueID)
	return ns, page, size, err
}

// listNamespace snapshots the videos of ns, newest first; listing creates the namespace.
func (s *Server) listNamespace(ns string, now time.Time) []Video {
	defer s.locked(now)()
	s.namespaces[ns] = true
	var out []Video
	for _, v := range s.videos {
		if v.UniqueID == ns {
			out = append(out, v.snapshot(now))
		}
	}
	sortNewestFirst(out)
	return out
}

// match applies the identity filters to every video and, as documented, the capture-metadata
// filters only to parsed ones.
func (q listRequest) match(v Video) bool {
	ok := (q.VideoName == "" || v.VideoName == q.VideoName) &&
		(q.VideoNo == "" || v.VideoNo == q.VideoNo) &&
		(len(q.VideoNos) == 0 || slices.Contains(q.VideoNos, v.VideoNo)) &&
		(q.Status == "" || v.Status == q.Status)
	if !ok || !q.hasCaptureFilter() {
		return ok
	}
	return v.Status == StatusParse && q.matchCapture(v)
}

// hasCaptureFilter reports whether any filter needs capture metadata.
func (q listRequest) hasCaptureFilter() bool {
	return q.CameraModel != "" || q.Tag != "" || q.DatetimeTaken != nil || q.Latitude != nil
}

// matchCapture applies camera, tag, capture-time and location filters.
func (q listRequest) matchCapture(v Video) bool {
	return (q.CameraModel == "" || v.CameraModel == q.CameraModel) &&
		(q.Tag == "" || slices.Contains(v.Tags, q.Tag)) &&
		(q.DatetimeTaken == nil || (!v.DatetimeTaken.IsZero() && v.DatetimeTaken.UnixMilli() >= *q.DatetimeTaken)) &&
		(q.Latitude == nil || near(v, *q.Latitude, *q.Longitude))
}

// near reports whether v was captured within geoRadiusKm of (lat, lon) (haversine distance).
func near(v Video, lat, lon float64) bool {
	if v.Latitude == nil || v.Longitude == nil {
		return false
	}
	rad := math.Pi / 180
	dLat, dLon := (*v.Latitude-lat)*rad, (*v.Longitude-lon)*rad
	a := math.Pow(math.Sin(dLat/2), 2) + math.Cos(lat*rad)*math.Cos(*v.Latitude*rad)*math.Pow(math.Sin(dLon/2), 2)
	return 2*earthRadiusKm*math.Asin(math.Sqrt(a)) <= geoRadiusKm
}

// deref returns *p, or def when p is nil.
func deref[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}
